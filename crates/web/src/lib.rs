//! The browser (or a worker, an extension service worker, Node ≥ 20) as loyal-client's platform: the global
//! `fetch` through gloo-net, `setTimeout` and `Date.now` from the global object, and
//! `crypto.getRandomValues` for key generation.

use js_sys::{Function, Promise, Reflect, Uint8Array};
use loyal_client::{HttpRequest, HttpResponse, Method, Result, Runtime, Transport};
use wasm_bindgen::{JsCast, JsValue};

pub struct Fetch;

impl Transport for Fetch {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
        let fail = |reason: String| loyal_client::Error::Transport {
            url: request.url.clone(),
            reason,
        };
        let mut builder = match request.method {
            Method::Get => gloo_net::http::RequestBuilder::new(&request.url)
                .method(gloo_net::http::Method::GET),
            Method::Post => gloo_net::http::RequestBuilder::new(&request.url)
                .method(gloo_net::http::Method::POST),
        };
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let sent = if request.method == Method::Post {
            let body = Uint8Array::from(request.body.as_slice());
            builder
                .body(JsValue::from(body))
                .map_err(|e| fail(e.to_string()))?
                .send()
                .await
        } else {
            builder.send().await
        };
        let response = sent.map_err(|e| fail(e.to_string()))?;
        let headers = response.headers().entries().collect();
        let status = response.status();
        let body = response.binary().await.map_err(|e| fail(e.to_string()))?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

pub struct Timers;

impl Runtime for Timers {
    async fn sleep(&self, duration: core::time::Duration) {
        let ms = duration.as_millis().min(i32::MAX as u128) as i32;
        let promise = Promise::new(&mut |resolve, _| {
            let set_timeout: Option<Function> =
                Reflect::get(&js_sys::global(), &"setTimeout".into())
                    .ok()
                    .and_then(|f| f.dyn_into().ok());
            if let Some(f) = set_timeout {
                let _ = f.call2(&JsValue::NULL, &resolve, &ms.into());
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    /// Strictly increasing: the clock has millisecond resolution, and two transactions made in
    /// the same millisecond must not share a transaction id (valid start).
    fn now(&self) -> loyal_core::time::Timestamp {
        thread_local! {
            static LAST: std::cell::Cell<i128> = const { std::cell::Cell::new(0) };
        }
        let wall = js_sys::Date::now() as i128 * 1_000_000;
        let nanos = LAST.with(|last| {
            let t = wall.max(last.get() + 1);
            last.set(t);
            t
        });
        loyal_core::time::Timestamp::from_nanos(nanos)
    }
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
        self.try_fill_bytes(dest)
            .expect("crypto.getRandomValues is available")
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        let no_crypto = || {
            rand_core::Error::from(
                core::num::NonZeroU32::new(rand_core::Error::CUSTOM_START).expect("non-zero"),
            )
        };
        let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).map_err(|_| no_crypto())?;
        let get: Function = Reflect::get(&crypto, &"getRandomValues".into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or_else(no_crypto)?;
        for chunk in dest.chunks_mut(65536) {
            let array = Uint8Array::new_with_length(chunk.len() as u32);
            get.call1(&crypto, &array).map_err(|_| no_crypto())?;
            array.copy_to(chunk);
        }
        Ok(())
    }
}

impl rand_core::CryptoRng for WebRng {}
