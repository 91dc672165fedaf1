//! The devnet: a library first (`spawn(config)` returns a handle), plus a binary.
