//! Nonces from JS: the in-memory `NonceStore` class, and any object with
//! `consume(nonce)` (an app's own store) as loyal-proof's `NonceStore`.

use super::convert::{millis, now};
use super::NonceStore;
use crate::error::JsResult;
use crate::read::Obj;
use core::cell::RefCell;
use js_sys::{Function, Reflect};
use loyal_proof as lp;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
impl NonceStore {
    /// `{ ttlMs?, capacity? }`: how long a nonce stays valid (default 600 000) and how many may
    /// be outstanding (default 100 000, the oldest dropped first). A factory, not a
    /// constructor: the package's glue keeps classes constructor-free so unused ones shake out.
    pub fn create(options: JsValue) -> JsResult<NonceStore> {
        let mut store = lp::MemoryNonceStore::new(now, |buf| {
            rand_core::RngCore::fill_bytes(&mut loyal_web::WebRng, buf)
        });
        if !options.is_undefined() && !options.is_null() {
            let o = Obj::new("options", &options)?;
            if let Some(ttl) = millis(&o, "ttlMs")? {
                store = store.with_ttl(ttl);
            }
            if let Some(capacity) = o.uint("capacity")? {
                store = store.with_capacity(capacity.min(u32::MAX as u64) as usize);
            }
        }
        Ok(NonceStore(RefCell::new(store)))
    }

    /// A fresh nonce for a presentation to carry.
    pub fn issue(&self) -> String {
        lp::NonceStore::issue(&mut *self.0.borrow_mut())
    }

    /// `true` once for a nonce issued here and not expired.
    pub fn consume(&self, nonce: &str) -> bool {
        lp::NonceStore::consume(&mut *self.0.borrow_mut(), nonce)
    }

    #[wasm_bindgen(getter)]
    pub fn outstanding(&self) -> u32 {
        self.0.borrow().outstanding() as u32
    }
}

/// Any object with `consume(nonce) => boolean` (a `NonceStore`, or the app's own, e.g. one
/// that records redemptions): a throw or a non-`true` answer refuses.
pub(super) struct JsNonces(pub(super) JsValue);

impl lp::NonceStore for JsNonces {
    fn issue(&mut self) -> String {
        self.call("issue").as_string().unwrap_or_default()
    }

    fn consume(&mut self, nonce: &str) -> bool {
        let f = Reflect::get(&self.0, &"consume".into()).ok();
        f.and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call1(&self.0, &nonce.into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }
}

impl JsNonces {
    fn call(&self, method: &str) -> JsValue {
        Reflect::get(&self.0, &method.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&self.0).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }
}
