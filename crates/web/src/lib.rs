//! The browser (or a worker, an extension service worker, Node ≥ 20) as loyal-client's platform: the global
//! `fetch` through gloo-net, `setTimeout` and `Date.now` from the global object, and
//! `crypto.getRandomValues` for key generation.

#![cfg_attr(not(feature = "std"), no_std)]

use core::sync::atomic::{AtomicU64, Ordering};

#[cfg(feature = "transport")]
mod transport;
#[cfg(feature = "transport")]
pub use transport::{Fetch, Timers};

/// Nanoseconds since the Unix epoch from `Date.now`, strictly increasing: the clock has
/// millisecond resolution, and two transactions made in the same millisecond must not share a
/// transaction id (valid start). The nanoseconds within the millisecond are random, so two
/// pages (tabs, workers) paying from one account in the same millisecond do not make the
/// same id either (one in a million would).
/// (An atomic only to be a safe `static`: wasm32 without threads has one thread, and u64
/// nanoseconds last until 2554.)
pub fn now_nanos() -> u64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let mut r = [0u8; 4];
    rand_core::RngCore::fill_bytes(&mut WebRng, &mut r);
    let within = u64::from(u32::from_le_bytes(r)) % 1_000_000;
    let wall = js_sys::Date::now() as u64 * 1_000_000 + within;
    let t = wall.max(LAST.load(Ordering::Relaxed) + 1);
    LAST.store(t, Ordering::Relaxed);
    t
}

/// `crypto.getRandomValues` as a CSPRNG for key generation.
pub struct WebRng;

impl rand_core::RngCore for WebRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0u8; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }
    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        // A literal panic message, not `expect`: that would link the error's Debug formatting.
        if self.try_fill_bytes(dest).is_err() {
            panic!("crypto.getRandomValues is unavailable");
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        // At most 65,536 bytes per call, as the Web Crypto API allows.
        for chunk in dest.chunks_mut(65536) {
            get_random_values(chunk).map_err(|_| {
                rand_core::Error::from(
                    core::num::NonZeroU32::new(rand_core::Error::CUSTOM_START).expect("non-zero"),
                )
            })?;
        }
        Ok(())
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `crypto.getRandomValues` of the global scope, filling wasm memory in place; a scope
    /// without `crypto` throws, which is caught. Bound statically rather than looked up on
    /// `js_sys::global()`, whose four-way search for the global object (`globalThis`,
    /// `global`, `self`, `window`) a page would ship only for this.
    #[wasm_bindgen(catch, js_namespace = crypto, js_name = getRandomValues)]
    fn get_random_values(buf: &mut [u8]) -> Result<(), wasm_bindgen::JsValue>;
}

impl rand_core::CryptoRng for WebRng {}
