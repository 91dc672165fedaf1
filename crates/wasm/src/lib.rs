//! The JavaScript face of the loyalty toolkit, kept thin: every type and rule lives in
//! `loyal-core`, `loyal-client` and `loyal-metadata`; this crate converts values at the
//! boundary (ids as strings, tinybars as `bigint`, bytes as `Uint8Array`) and turns every
//! error into a JS `Error` with a stable `code`. The builder classes with SDK-style setters
//! are plain JS in `pkg/builders.js`; each hands a spec object to its own type's export
//! (`freezeTokenMintTransaction`, see `spec`).

#![cfg_attr(not(feature = "std"), no_std)]
extern crate alloc;
#[macro_use]
extern crate loyal_core;

/// What std's prelude would bring.
mod prelude {
    pub use alloc::borrow::ToOwned;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
loyal_wasm_runtime::no_std_runtime!();

mod error;
pub mod ids;
pub mod keys;
pub mod message;
#[cfg(feature = "network")]
pub mod metadata;
#[cfg(feature = "network")]
pub mod net;
#[cfg(feature = "network")]
pub mod proof;
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
#[cfg(feature = "network")]
pub use proof::{
    create_presentation, sign_presentation, verify_presentation, NonceStore, Presentation,
    SignedPresentation,
};
pub use tx::{freeze_spec, Transaction};
