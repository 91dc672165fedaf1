//! Native transport (hyper, HTTP/1.1) and runtime (tokio), for tools and tests. The browser
//! build uses fetch instead (crates/wasm).

use crate::transport::{HttpRequest, HttpResponse, Method, Runtime, Transport};
use crate::{Error, Result};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

pub struct HyperTransport {
    client: Client<hyper_util::client::legacy::connect::HttpConnector, Full<bytes::Bytes>>,
}

impl Default for HyperTransport {
    fn default() -> Self {
        let mut connector = hyper_util::client::legacy::connect::HttpConnector::new();
        connector.set_nodelay(true);
        Self {
            client: Client::builder(TokioExecutor::new()).build(connector),
        }
    }
}

impl Transport for HyperTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse> {
        let fail = |reason: String| Error::Transport {
            url: request.url.clone(),
            reason,
        };
        let mut builder = hyper::Request::builder()
            .method(match request.method {
                Method::Get => hyper::Method::GET,
                Method::Post => hyper::Method::POST,
            })
            .uri(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let http = builder
            .body(Full::new(bytes::Bytes::from(request.body.clone())))
            .map_err(|e| fail(e.to_string()))?;
        let response = self
            .client
            .request(http)
            .await
            .map_err(|e| fail(e.to_string()))?;
        let status = response.status().as_u16();
        let mut headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let collected = response
            .into_body()
            .collect()
            .await
            .map_err(|e| fail(e.to_string()))?;
        // HTTP trailers (gRPC-web may send its status there) join the headers.
        if let Some(trailers) = collected.trailers() {
            headers.extend(
                trailers
                    .iter()
                    .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_owned())),
            );
        }
        Ok(HttpResponse {
            status,
            headers,
            body: collected.to_bytes().to_vec(),
        })
    }
}

#[derive(Clone, Copy, Default)]
pub struct TokioRuntime;

impl Runtime for TokioRuntime {
    async fn sleep(&self, duration: core::time::Duration) {
        tokio::time::sleep(duration).await
    }

    /// Strictly increasing, so no two transactions this process makes share a valid start.
    fn now(&self) -> loyal_core::time::Timestamp {
        static LAST: std::sync::Mutex<i128> = std::sync::Mutex::new(0);
        let wall = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos() as i128;
        let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
        *last = wall.max(*last + 1);
        loyal_core::time::Timestamp::from_nanos(*last)
    }
}
