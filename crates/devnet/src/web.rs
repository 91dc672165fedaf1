//! CORS for the gRPC-web port: pages and extensions served from this machine may call it;
//! other origins may not (the devnet holds published test keys' funds, nothing more, but a
//! random web page has no business driving it).

use http::{header, HeaderName, HeaderValue, Method};
use tower_http::cors::{AllowOrigin, CorsLayer};

fn is_local(origin: &HeaderValue) -> bool {
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if origin.starts_with("chrome-extension://") || origin.starts_with("moz-extension://") {
        return true;
    }
    let Some(rest) = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
    else {
        return false;
    };
    let host = rest.rsplit_once(':').map_or(rest, |(h, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            rest
        }
    });
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

pub fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::predicate(|origin, _| is_local(origin)))
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::CONTENT_TYPE,
            HeaderName::from_static("x-grpc-web"),
            HeaderName::from_static("x-user-agent"),
            HeaderName::from_static("grpc-timeout"),
        ])
        .expose_headers([
            HeaderName::from_static("grpc-status"),
            HeaderName::from_static("grpc-message"),
        ])
        // A gRPC-web call is a preflighted request; without a max-age Chromium keeps a
        // preflight 5 s, so a page submitting hundreds of transactions asks again and again,
        // and every call in flight when it lapses sends its own. Two hours is Chromium's cap.
        .max_age(std::time::Duration::from_secs(7200))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_origins_are_allowed() {
        for ok in [
            "http://localhost:8080",
            "http://127.0.0.1:5173",
            "http://localhost",
            "chrome-extension://abcdef",
            "http://[::1]:3000",
        ] {
            assert!(is_local(&HeaderValue::from_static(ok)), "{ok}");
        }
        for bad in [
            "http://example.com",
            "http://localhost.evil.com",
            "https://127.0.0.1.nip.io:80",
            "null",
            "http://10.0.0.1:80",
        ] {
            assert!(!is_local(&HeaderValue::from_static(bad)), "{bad}");
        }
    }
}
