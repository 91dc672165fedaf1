//! Reading the text forms (ids, transaction ids, hex keys) byte by byte. `str::split`,
//! `split_once` with a `char` and `str::parse` bring core's pattern searchers, `memchr` and
//! the integer parsers' generic machinery into every wasm that reads an id; these few loops
//! over ASCII do the same jobs for a fraction of the bytes. Every split byte is ASCII, so
//! the pieces are always `str`s again.

use crate::prelude::*;

/// `s` around the (ASCII) byte at `i`, which is in neither piece.
fn around(s: &str, i: usize) -> Option<(&str, &str)> {
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// `s` around the first `byte`.
pub fn split_first(s: &str, byte: u8) -> Option<(&str, &str)> {
    around(s, s.bytes().position(|b| b == byte)?)
}

/// `s` around the first of any of `bytes`.
pub fn split_first_of<'a>(s: &'a str, bytes: &[u8]) -> Option<(&'a str, &'a str)> {
    around(s, s.bytes().position(|b| bytes.contains(&b))?)
}

/// `s` around the last `byte`.
pub fn split_last(s: &str, byte: u8) -> Option<(&str, &str)> {
    around(s, s.bytes().rposition(|b| b == byte)?)
}

/// A non-empty run of ASCII digits as a u64; none for anything else or an overflow.
pub fn decimal(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0u64, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// Whether `s` is a non-empty run of ASCII digits (whatever its value).
pub fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn nibble(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Hex (either case, even length) as bytes.
pub fn hex(s: &str) -> Option<Vec<u8>> {
    let s = s.as_bytes();
    if s.len() % 2 != 0 {
        return None;
    }
    s.chunks_exact(2)
        .map(|pair| Some(nibble(pair[0])? << 4 | nibble(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn pieces_numbers_and_hex() {
        assert_eq!(split_first("0.0.5-abcde", b'-'), Some(("0.0.5", "abcde")));
        assert_eq!(split_last("0.0.5", b'.'), Some(("0.0", "5")));
        assert_eq!(split_first("é-x", b'-'), Some(("é", "x")));
        assert_eq!(split_first("005", b'.'), None);
        assert_eq!(split_first_of("0.0.5@1/2", b"/@"), Some(("0.0.5", "1/2")));
        assert_eq!(decimal("18446744073709551615"), Some(u64::MAX));
        for bad in ["", "18446744073709551616", "+1", "-1", "1 ", "١"] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
        assert!(all_digits("007") && !all_digits("") && !all_digits("0x1"));
        assert_eq!(hex("00fFa1"), Some(vec![0, 255, 161]));
        for bad in ["0", "0g", "zz", "é0"] {
            assert_eq!(hex(bad), None, "{bad:?}");
        }
    }
}
