//! Hedera protobuf messages (subset), field numbers from hiero-consensus-node's `services/*.proto`.
//!
//! Names follow what prost-build generates from the official protos, so code written against
//! these types reads the same as code written against `hedera-proto`. Hand-written derives keep
//! this crate free of protoc and small in wasm.
//!
//! One deliberate difference: inside transactions every scalar field is `optional` (explicit
//! presence). The official JS SDK (protobufjs) writes a field whenever it is set, zeros
//! included (`shardNum: 0`, `memo: ""`, `scheduled: false`), and signatures cover those exact
//! bytes. Presence lets the core reproduce the SDK's bytes and re-encode any decoded body
//! losslessly; prost's generated getters (`shard_num()`) still give the plain value.

// Oneofs stay unboxed, as prost-build generates them: a message is built or decoded once.
#![allow(clippy::large_enum_variant)]
#![cfg_attr(not(test), no_std)]
extern crate alloc;

/// What std's prelude would bring, for `no_std`.
mod prelude {
    pub use alloc::{string::String, vec::Vec};
}

mod basic_types;
mod consensus;
mod crypto;
mod custom_fees;
mod queries;
mod receipt;
mod response_code;
mod schedule;
mod token;
mod transaction;

pub use basic_types::*;
pub use consensus::*;
pub use crypto::*;
pub use custom_fees::*;
pub use queries::*;
pub use receipt::*;
pub use response_code::*;
pub use schedule::*;
pub use token::*;
pub use transaction::*;

pub use prost::Message;
