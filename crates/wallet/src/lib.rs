//! The wallet extension's service worker, in Rust. Everything that decides — the vault's
//! format and encryption, which requests a page may make, what the approval window shows, when
//! the vault locks — is plain Rust tested natively. Two thin wasm-bindgen surfaces, one per
//! wasm build: `web` (feature `sw`, the default) is what the service worker's JS calls, and
//! holds the keys; `display` (feature `display`) is the approval page's, which decodes a
//! transaction for display (`summary`) and holds nothing secret. The service worker's wasm
//! links no transaction type's decoder (`review` reads what it must without one).

mod b64;
#[cfg(all(target_arch = "wasm32", feature = "display"))]
mod display;
mod error;
#[cfg(target_arch = "wasm32")]
mod js;
mod json;
pub mod query;
pub mod request;
pub mod review;
pub mod settings;
pub mod summary;
pub mod vault;
pub mod wallet;
#[cfg(all(target_arch = "wasm32", feature = "sw"))]
mod web;

pub use error::{Error, Result};

// SAFETY: wasm32-unknown-unknown without the atomics feature has one thread: every allocation
// and free happens on it.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
