//! The two things a client needs from its platform: HTTP and a clock. The browser implements
//! them with `fetch` and `setTimeout`; native code with hyper and tokio (feature `native`).
//! Futures need not be `Send`: a browser is single-threaded.

use crate::Result;
use core::future::Future;
use core::task::Poll;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

#[derive(Clone, Debug)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl HttpRequest {
    pub fn get(url: impl Into<String>) -> Self {
        Self {
            method: Method::Get,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn post(url: impl Into<String>, body: Vec<u8>) -> Self {
        Self {
            method: Method::Post,
            url: url.into(),
            headers: Vec::new(),
            body,
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

#[allow(async_fn_in_trait)]
pub trait Transport {
    /// One HTTP exchange; an HTTP error status is a response, not an `Err`.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse>;
}

#[allow(async_fn_in_trait)]
pub trait Runtime {
    async fn sleep(&self, duration: core::time::Duration);
    /// Wall-clock time, for transaction valid starts and timeouts.
    fn now(&self) -> loyal_core::time::Timestamp;
}

/// `work`, given up after `limit`: a peer that accepts and never answers is a transport error
/// (for `url`) like one that refuses.
pub(crate) async fn within<T>(
    runtime: &impl Runtime,
    url: &str,
    limit: core::time::Duration,
    work: impl Future<Output = Result<T>>,
) -> Result<T> {
    first(work, runtime.sleep(limit)).await.unwrap_or_else(|| {
        Err(crate::Error::Transport {
            url: url.to_owned(),
            reason: format!("no answer within {} ms", limit.as_millis()),
        })
    })
}

/// `a`'s output, or `None` if `b` finishes first (`b` is the timer of a timeout). Both are
/// polled on the caller's task: the client's futures need no executor of their own.
async fn first<A: Future, B: Future>(a: A, b: B) -> Option<A::Output> {
    let (mut a, mut b) = (core::pin::pin!(a), core::pin::pin!(b));
    core::future::poll_fn(|cx| {
        if let Poll::Ready(v) = a.as_mut().poll(cx) {
            return Poll::Ready(Some(v));
        }
        if b.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}
