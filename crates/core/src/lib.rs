//! The loyalty core: Hedera entities, keys and transactions in pure Rust.
//!
//! No wasm-bindgen, web-sys or js-sys here: this crate compiles for the host and for
//! `wasm32-unknown-unknown`, and the wasm binding crate stays a thin layer over it. It is
//! `no_std` (with `alloc`) so a wasm build can leave std's panic and formatting machinery out.

#![cfg_attr(not(test), no_std)]
extern crate alloc;

/// What std's prelude would bring.
mod prelude {
    pub use alloc::borrow::ToOwned;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

#[macro_use]
pub mod text;

mod error;
pub use error::{Error, Result};

pub mod hbar;
pub mod id;
pub mod key;
pub mod message;
mod parse;
pub mod time;
pub mod transaction;
pub mod transaction_id;

pub use loyal_proto as proto;

// Unit tests run natively and, through wasm-bindgen-test, inside headless Chromium. A test module
// opts in with `#[cfg(target_arch = "wasm32")] use wasm_bindgen_test::wasm_bindgen_test as test;`.
#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
