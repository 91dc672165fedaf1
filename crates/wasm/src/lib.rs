//! The JavaScript face of the loyalty toolkit, kept thin: every type and rule lives in
//! `loyal-core`, `loyal-client` and `loyal-metadata`; this crate converts values at the
//! boundary (ids as strings, tinybars as `bigint`, bytes as `Uint8Array`) and turns every
//! error into a JS `Error` with a stable `code`. The builder classes with SDK-style setters
//! are plain JS in `pkg/builders.js`; they hand a spec object to `freezeSpec` (or
//! `Client.freeze`).

#![cfg_attr(not(feature = "std"), no_std)]
extern crate alloc;

/// What std's prelude would bring.
mod prelude {
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec::Vec;
    pub use alloc::{format, vec};
}

#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[global_allocator]
// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread: every allocation
// and free happens on it.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// A panic is a bug here (bad input is an `Error`); it becomes a wasm trap, which JS sees as a
/// `RuntimeError`, instead of linking the code that formats a message nobody would read.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

mod error;
pub mod ids;
pub mod keys;
pub mod message;
#[cfg(feature = "network")]
pub mod metadata;
#[cfg(feature = "network")]
pub mod net;
mod read;
mod spec;
pub mod tx;

pub use error::JsResult;
pub use ids::{AccountId, TokenId, TransactionId};
pub use keys::{PrivateKey, PublicKey};
pub use message::{sign_message, verify_message};
#[cfg(feature = "network")]
pub use metadata::{decode_metadata, encode_metadata};
#[cfg(feature = "network")]
pub use net::Client;
pub use tx::{freeze_spec, Transaction};
