//! gRPC-web over plain HTTP/1.1 POST (grpc/grpc PROTOCOL-WEB.md): the request body is one
//! length-prefixed message frame; the response body holds message frames and a trailer frame
//! (flag 0x80) carrying `grpc-status`, unless the server put the status in the HTTP headers
//! ("trailers-only").

use crate::transport::{HttpRequest, Transport};
use crate::{Error, Result};

const TRAILER_FLAG: u8 = 0x80;
const COMPRESSED_FLAG: u8 = 0x01;

/// Frames one protobuf message.
pub fn frame(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(5 + message.len());
    out.push(0);
    out.extend_from_slice(&(message.len() as u32).to_be_bytes());
    out.extend_from_slice(message);
    out
}

/// A decoded response: the first message and the status from trailers or headers.
#[derive(Debug, PartialEq)]
pub struct Reply {
    pub message: Option<Vec<u8>>,
    pub status: Option<u32>,
    pub status_message: String,
}

pub fn parse(body: &[u8], headers: &[(String, String)]) -> Result<Reply> {
    let mut reply = Reply {
        message: None,
        status: None,
        status_message: String::new(),
    };
    let trailers = |text: &str, reply: &mut Reply| {
        for line in text.split("\r\n").flat_map(|l| l.split('\n')) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            match name.trim().to_ascii_lowercase().as_str() {
                "grpc-status" => reply.status = value.trim().parse().ok(),
                "grpc-message" => reply.status_message = percent_decoded(value.trim()),
                _ => {}
            }
        }
    };
    let mut at = 0;
    while at < body.len() {
        let header = body.get(at..at + 5).ok_or_else(|| Error::GrpcWeb {
            reason: format!("frame header cut short at byte {at}"),
        })?;
        let len = u32::from_be_bytes([header[1], header[2], header[3], header[4]]) as usize;
        // `checked_add`: a length near u32::MAX must not wrap `usize` on wasm32.
        let payload = (at + 5)
            .checked_add(len)
            .and_then(|end| body.get(at + 5..end))
            .ok_or_else(|| Error::GrpcWeb {
                reason: format!("frame of {len} bytes cut short at byte {at}"),
            })?;
        if header[0] & TRAILER_FLAG != 0 {
            trailers(&String::from_utf8_lossy(payload), &mut reply);
        } else if header[0] & COMPRESSED_FLAG != 0 {
            return Err(Error::GrpcWeb {
                reason: "compressed frame (no grpc-encoding was offered)".into(),
            });
        } else if reply.message.is_none() {
            reply.message = Some(payload.to_vec());
        }
        at += 5 + len;
    }
    if reply.status.is_none() {
        let text: String = headers
            .iter()
            .map(|(n, v)| format!("{n}: {v}\r\n"))
            .collect();
        trailers(&text, &mut reply);
    }
    Ok(reply)
}

/// Calls `/<service>/<method>` (e.g. `proto.CryptoService/cryptoTransfer`) at `base`.
/// `grpc-message` is percent-encoded (gRPC's wire spec); a malformed escape stays as it is.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| core::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub async fn call<T: Transport>(
    transport: &T,
    base: &str,
    path: &str,
    message: &[u8],
) -> Result<Vec<u8>> {
    let url = format!("{}/{path}", base.trim_end_matches('/'));
    let request = HttpRequest::post(url.clone(), frame(message))
        .with_header("content-type", "application/grpc-web+proto")
        .with_header("x-grpc-web", "1")
        .with_header("accept", "application/grpc-web+proto");
    let response = transport.send(request).await?;
    if response.status != 200 {
        return Err(Error::http(url, &response));
    }
    let reply = parse(&response.body, &response.headers)?;
    match reply.status {
        Some(0) => reply.message.ok_or_else(|| Error::GrpcWeb {
            reason: "status OK without a message".into(),
        }),
        Some(status) => Err(Error::GrpcStatus {
            status,
            message: reply.status_message,
        }),
        None => Err(Error::GrpcWeb {
            reason: "no grpc-status in trailers or headers".into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trailer(text: &str) -> Vec<u8> {
        let mut out = vec![TRAILER_FLAG];
        out.extend_from_slice(&(text.len() as u32).to_be_bytes());
        out.extend_from_slice(text.as_bytes());
        out
    }

    #[test]
    fn message_then_trailers() {
        let mut body = frame(b"\x08\x16");
        body.extend(trailer("grpc-status:0\r\ngrpc-message:\r\n"));
        let reply = parse(&body, &[]).unwrap();
        assert_eq!(reply.message.as_deref(), Some(&b"\x08\x16"[..]));
        assert_eq!(reply.status, Some(0));
    }

    #[test]
    fn trailers_only_in_headers() {
        let headers = vec![
            ("grpc-status".to_owned(), "12".to_owned()),
            ("grpc-message".to_owned(), "unimplemented".to_owned()),
        ];
        let reply = parse(&[], &headers).unwrap();
        assert_eq!(
            (reply.status, reply.status_message.as_str()),
            (Some(12), "unimplemented")
        );
    }

    #[test]
    fn cut_frames_are_errors_not_panics() {
        let body = frame(b"hello");
        for cut in 1..body.len() {
            assert!(
                matches!(parse(&body[..cut], &[]), Err(Error::GrpcWeb { .. })),
                "{cut}"
            );
        }
        let mut huge = vec![0, 0xff, 0xff, 0xff, 0xff];
        huge.extend_from_slice(b"x");
        assert!(parse(&huge, &[]).is_err());
    }

    #[test]
    fn grpc_message_is_percent_decoded() {
        let mut body = frame(b"");
        body.extend(trailer(
            "grpc-status: 3\r\ngrpc-message: bad%20id%3A%20%E2%84%8F%zz%+5\r\n",
        ));
        assert_eq!(parse(&body, &[]).unwrap().status_message, "bad id: ℏ%zz%+5");
    }

    #[test]
    fn a_length_near_u32_max_is_an_error() {
        // On wasm32 `at + 5 + len` would wrap: the frame is refused, not sliced short.
        let body = [0, 0xff, 0xff, 0xff, 0xff, 1, 2, 3];
        assert!(matches!(parse(&body, &[]), Err(Error::GrpcWeb { .. })));
    }

    #[test]
    fn empty_message_frame_is_a_message() {
        let mut body = frame(b"");
        body.extend(trailer("grpc-status: 0\r\n"));
        assert_eq!(parse(&body, &[]).unwrap().message, Some(vec![]));
    }
}
