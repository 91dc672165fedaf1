//! fetch and timers as loyal-client's `Transport` and `Runtime`.

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

    fn now(&self) -> loyal_core::time::Timestamp {
        loyal_core::time::Timestamp::from_unix_nanos(crate::now_nanos())
    }
}
