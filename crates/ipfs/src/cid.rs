//! CIDv1: `<version 1><codec><multihash sha2-256>` as bytes, `b` + base32 (RFC 4648, lower
//! case, no padding) as text.

use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

pub const RAW: u64 = 0x55;
pub const DAG_PB: u64 = 0x70;
const SHA2_256: u64 = 0x12;
const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cid {
    pub codec: u64,
    pub digest: [u8; 32],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CidError {
    /// Not `b…` base32, or not CIDv1.
    Malformed(&'static str),
    /// A hash function other than sha2-256, which this client cannot verify.
    UnsupportedHash(u64),
}

impl fmt::Display for CidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CidError::Malformed(why) => write!(f, "malformed CID: {why}"),
            CidError::UnsupportedHash(code) => {
                write!(f, "unsupported multihash 0x{code:x} (only sha2-256)")
            }
        }
    }
}

impl std::error::Error for CidError {}

pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &mut &[u8]) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = bytes.split_first()?;
        *bytes = rest;
        v |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

impl Cid {
    pub fn of(codec: u64, block: &[u8]) -> Self {
        Self {
            codec,
            digest: sha256(block),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(36);
        put_varint(&mut out, 1);
        put_varint(&mut out, self.codec);
        put_varint(&mut out, SHA2_256);
        put_varint(&mut out, 32);
        out.extend_from_slice(&self.digest);
        out
    }

    pub fn from_bytes(mut bytes: &[u8]) -> Result<Self, CidError> {
        let bad = CidError::Malformed;
        if get_varint(&mut bytes) != Some(1) {
            return Err(bad("only CIDv1 is supported"));
        }
        let codec = get_varint(&mut bytes).ok_or(bad("truncated codec"))?;
        let hash = get_varint(&mut bytes).ok_or(bad("truncated multihash"))?;
        if hash != SHA2_256 {
            return Err(CidError::UnsupportedHash(hash));
        }
        if get_varint(&mut bytes) != Some(32) || bytes.len() != 32 {
            return Err(bad("sha2-256 digest must be 32 bytes"));
        }
        Ok(Self {
            codec,
            digest: bytes.try_into().expect("length checked"),
        })
    }
}

impl fmt::Display for Cid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.to_bytes();
        let mut out = String::with_capacity(1 + bytes.len() * 8 / 5 + 1);
        out.push('b');
        let (mut acc, mut bits) = (0u32, 0u32);
        for b in bytes {
            acc = (acc << 8) | b as u32;
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                out.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
            }
        }
        if bits > 0 {
            out.push(ALPHABET[((acc << (5 - bits)) & 31) as usize] as char);
        }
        f.write_str(&out)
    }
}

impl fmt::Debug for Cid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cid({self})")
    }
}

impl FromStr for Cid {
    type Err = CidError;
    fn from_str(s: &str) -> Result<Self, CidError> {
        let body = s
            .strip_prefix('b')
            .ok_or(CidError::Malformed("expected base32 (`b…`) CIDv1"))?;
        let (mut acc, mut bits, mut bytes) = (0u32, 0u32, Vec::with_capacity(body.len() * 5 / 8));
        for c in body.bytes() {
            let v = ALPHABET
                .iter()
                .position(|&a| a == c)
                .ok_or(CidError::Malformed("not lower-case base32"))?;
            acc = (acc << 5) | v as u32;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                bytes.push((acc >> bits) as u8);
            }
        }
        Cid::from_bytes(&bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn empty_raw_block_has_the_well_known_cid() {
        let cid = Cid::of(RAW, b"");
        assert_eq!(
            cid.to_string(),
            "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
        );
        assert_eq!(cid.to_string().parse::<Cid>().unwrap(), cid);
    }

    #[test]
    fn rejects_what_it_cannot_verify() {
        assert!(matches!(
            "Qmabc".parse::<Cid>(),
            Err(CidError::Malformed(_))
        ));
        assert!(matches!(
            "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyK".parse::<Cid>(),
            Err(CidError::Malformed(_))
        ));
        assert!("bafk".parse::<Cid>().is_err());
        // identity multihash (0x00) instead of sha2-256
        let mut bytes = vec![1, 0x55, 0x00, 3, b'a', b'b', b'c'];
        assert_eq!(Cid::from_bytes(&bytes), Err(CidError::UnsupportedHash(0)));
        bytes[2] = 0x12;
        assert!(Cid::from_bytes(&bytes).is_err());
    }
}
