//! CIDv1: `<version 1><codec><multihash sha2-256>` as bytes, `b` + base32 (RFC 4648, lower
//! case, no padding) as text. CIDv0 (`Qm…`, base58btc of a bare sha2-256 multihash, always
//! dag-pb) is read as the CIDv1 of the same block: it names the same bytes, compares equal
//! and prints as v1.

use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

pub const RAW: u64 = 0x55;
pub const DAG_PB: u64 = 0x70;
const SHA2_256: u64 = 0x12;
const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
const BASE58: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

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
        // CIDv0: the multihash alone, sha2-256 of a dag-pb block.
        if let [0x12, 0x20, digest @ ..] = bytes {
            if let Ok(digest) = <[u8; 32]>::try_from(digest) {
                return Ok(Self {
                    codec: DAG_PB,
                    digest,
                });
            }
        }
        if get_varint(&mut bytes) != Some(1) {
            return Err(bad("neither CIDv1 nor a CIDv0 multihash"));
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
        if s.len() == 46 && s.starts_with("Qm") {
            return Cid::from_bytes(&base58_decode(s)?);
        }
        let body = s.strip_prefix('b').ok_or(CidError::Malformed(
            "expected base32 (`b…`) CIDv1 or `Qm…` CIDv0",
        ))?;
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
        // One spelling per CID: what is left over is the zero padding of the last character,
        // never a whole extra character or set bits.
        if bits >= 5 || acc & ((1 << bits) - 1) != 0 {
            return Err(CidError::Malformed("not canonical base32"));
        }
        Cid::from_bytes(&bytes)
    }
}

/// Base58btc (Bitcoin's alphabet) to bytes: leading `1`s are zero bytes.
fn base58_decode(s: &str) -> Result<Vec<u8>, CidError> {
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    for c in s.bytes() {
        let mut carry = BASE58
            .iter()
            .position(|&a| a == c)
            .ok_or(CidError::Malformed("not base58btc"))? as u32;
        for byte in out.iter_mut().rev() {
            carry += (*byte as u32) * 58;
            *byte = carry as u8;
            carry >>= 8;
        }
        while carry > 0 {
            out.insert(0, carry as u8);
            carry >>= 8;
        }
    }
    let zeros = s.bytes().take_while(|&c| c == b'1').count();
    let mut bytes = vec![0; zeros];
    bytes.extend(out.into_iter().skip_while(|&b| b == 0));
    Ok(bytes)
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
    fn a_cid_v0_is_the_v1_of_the_same_block_and_spellings_are_canonical() {
        // The empty UnixFS directory, which every Kubo knows under both names.
        let v0: Cid = "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn"
            .parse()
            .unwrap();
        let v1: Cid = "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354"
            .parse()
            .unwrap();
        assert_eq!(v0, v1);
        assert_eq!(v0.codec, DAG_PB);
        assert_eq!(v0.digest, sha256(&[0x0a, 0x02, 0x08, 0x01]));
        // The same CID with a character appended, or the last one's padding bits set.
        let text = v1.to_string();
        assert!(format!("{text}a").parse::<Cid>().is_err());
        let last = text.len() - 1;
        let bumped = format!("{}{}", &text[..last], (text.as_bytes()[last] + 1) as char);
        assert!(bumped.parse::<Cid>().is_err(), "{bumped}");
        assert!("Qm0NLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn"
            .parse::<Cid>()
            .is_err());
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
