//! Standard base64 with padding (RFC 4648 §4), canonical only, as the base64 crate's
//! `STANDARD` engine reads and writes it: page params, the vault's fields and answers are a few
//! hundred bytes, and that engine cost the service worker's wasm about 2 KB gzip.

/// Called as the base64 crate's engine is (`B64.encode(bytes)`, `B64.decode(text)`).
pub struct B64;

/// Not canonical padded base64.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid;

impl B64 {
    pub fn encode(&self, bytes: impl AsRef<[u8]>) -> String {
        encode(bytes.as_ref())
    }

    pub fn decode(&self, text: impl AsRef<[u8]>) -> Result<Vec<u8>, Invalid> {
        decode(text.as_ref()).ok_or(Invalid)
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// `None` unless `text` is canonical padded base64: a multiple of four characters, `=` only
/// as the last one or two, and the bits padding leaves over zero.
fn decode(text: &[u8]) -> Option<Vec<u8>> {
    if text.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let last = text.len() / 4;
    for (i, quad) in text.chunks(4).enumerate() {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && i + 1 != last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = n << 6 | sextet(c)?;
        }
        n <<= 6 * pad as u32;
        let keep = 3 - pad;
        if n & (0xff_ffff >> (8 * keep)) != 0 {
            return None;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..1 + keep]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::{engine::general_purpose::STANDARD, Engine as _};

    #[test]
    fn the_same_as_the_base64_crates_standard_engine() {
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as u8
        };
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|_| next()).collect();
            let text = B64.encode(&bytes);
            assert_eq!(text, STANDARD.encode(&bytes));
            assert_eq!(B64.decode(&text), Ok(bytes.clone()));
            // Every one-character change decodes exactly when the crate's engine decodes it.
            for at in 0..text.len() {
                for c in [b'A', b'/', b'=', b'-', b' ', b'z'] {
                    let mut t = text.clone().into_bytes();
                    t[at] = c;
                    let t = String::from_utf8(t).unwrap();
                    assert_eq!(B64.decode(&t).ok(), STANDARD.decode(&t).ok(), "{t}");
                }
            }
        }
        for odd in [
            "", "=", "==", "A", "AA", "AA=", "AA==", "AB==", "AAA=", "AAB=", "A===", "AAAA====",
        ] {
            assert_eq!(B64.decode(odd).ok(), STANDARD.decode(odd).ok(), "{odd}");
        }
    }
}
