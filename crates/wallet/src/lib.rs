//! The wallet extension's service worker, in Rust. Everything that decides — the vault's
//! format and encryption, which requests a page may make, what the approval window shows, when
//! the vault locks — is plain Rust tested natively; `web` is the thin wasm-bindgen surface the
//! service worker's JS calls, and the only part that touches the network.

mod error;
mod json;
pub mod query;
pub mod request;
pub mod settings;
pub mod summary;
pub mod vault;
pub mod wallet;
#[cfg(target_arch = "wasm32")]
mod web;

pub use error::{Error, Result};

// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread: every allocation
// and free happens on it.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
