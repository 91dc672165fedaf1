//! Hedera protobuf messages (subset), field numbers from hiero-consensus-node's `services/*.proto`.
//!
//! Names follow what prost-build generates from the official protos, so code written against
//! these types reads the same as code written against `hedera-proto`.
