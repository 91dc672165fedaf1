//! A small HTTP/1.1 proxy in front of the devnet (a real listener on a free port): it relays
//! GET requests to the upstream and lets a test rewrite the answer's body, to play a lying
//! mirror or a tampering IPFS gateway.

use loyal_client::native::HyperTransport;
use loyal_client::{HttpRequest, Transport};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub type Rewrite = Arc<dyn Fn(&str, Vec<u8>) -> Vec<u8> + Send + Sync>;

/// Starts the proxy; returns its base URL. `rewrite(path, body)` gives the body to send.
pub async fn start(upstream: &str, rewrite: Rewrite) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let upstream = upstream.trim_end_matches('/').to_owned();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let (upstream, rewrite) = (upstream.clone(), rewrite.clone());
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut buf = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buf).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => head.extend_from_slice(&buf[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&head).into_owned();
                let mut request_line = text.lines().next().unwrap_or_default().split(' ');
                let (_method, path) = (
                    request_line.next(),
                    request_line.next().unwrap_or("/").to_owned(),
                );
                let mut request = HttpRequest::get(format!("{upstream}{path}"));
                for line in text.lines().skip(1) {
                    if let Some((name, value)) = line.split_once(": ") {
                        if name.eq_ignore_ascii_case("accept") {
                            request = request.with_header("accept", value);
                        }
                    }
                }
                let response = HyperTransport::default().send(request).await.unwrap();
                let content_type = response
                    .header("content-type")
                    .unwrap_or("application/octet-stream")
                    .to_owned();
                let body = rewrite(&path, response.body);
                let head = format!(
                    "HTTP/1.1 {} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    response.status,
                    body.len()
                );
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(&body).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

/// Relays unchanged: an honest second mirror.
pub fn honest() -> Rewrite {
    Arc::new(|_, body| body)
}
