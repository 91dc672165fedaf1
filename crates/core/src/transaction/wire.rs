//! The envelope of transaction bytes (`TransactionList` → `Transaction` → `SignedTransaction`
//! → `SignatureMap`) read field by field, not through prost's generated decoders: signing
//! bytes needs only the body bytes and the keys that already signed, and a build that only
//! freezes and signs then links no message decoder (nor prost's error formatting). Field
//! numbers are those of the hiero protos (transaction.proto, transaction_list.proto,
//! basic_types.proto); `from_bytes` reads its envelope here too, so both agree.

use crate::prelude::*;
use crate::{Error, Result};

fn malformed(what: &'static str) -> Error {
    Error::Decode {
        message: what,
        reason: "malformed protobuf".into(),
    }
}

/// A varint of at most ten bytes whose value fits 64 bits.
fn varint(buf: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let (&b, rest) = buf.split_first()?;
        *buf = rest;
        if shift == 63 && b > 1 {
            return None;
        }
        value |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(value);
        }
    }
    None
}

/// The length-delimited wire type (the others: 0 varint, 1 64-bit, 5 32-bit).
const LEN: u64 = 2;

/// One field off the front of `buf`: its number, its payload (length-delimited fields, else
/// empty) and its value (varints, else 0). A field of `known` (number, wire type) that comes
/// with another wire type is an error, as are groups (deprecated since proto2, in none of the
/// HAPI messages). Out of line: the envelope's loops share it. Protobuf's rules follow from
/// reading in order: a singular field's last value wins, repeated ones add up.
#[inline(never)]
fn field<'a>(
    what: &'static str,
    buf: &mut &'a [u8],
    known: &[(u64, u64)],
) -> Result<(u64, &'a [u8], u64)> {
    let bad = || malformed(what);
    let key = varint(buf)
        .filter(|&k| k >> 3 != 0 && k <= u64::from(u32::MAX))
        .ok_or_else(bad)?;
    let (number, wire) = (key >> 3, key & 7);
    if known.iter().any(|&(n, w)| n == number && w != wire) {
        return Err(bad());
    }
    let (mut payload, mut value): (&[u8], u64) = (&[], 0);
    let skip = match wire {
        0 => {
            value = varint(buf).ok_or_else(bad)?;
            0
        }
        1 => 8,
        LEN => {
            let len = varint(buf).and_then(|l| usize::try_from(l).ok());
            let len = len.filter(|&l| l <= buf.len()).ok_or_else(bad)?;
            (payload, *buf) = buf.split_at(len);
            0
        }
        5 => 4,
        _ => return Err(bad()),
    };
    *buf = buf.get(skip..).ok_or_else(bad)?;
    Ok((number, payload, value))
}

/// The `Transaction`s of a `TransactionList` (field 1), or the one `Transaction` the bytes
/// are when they hold no list item (as prost reads them: a list with no items).
pub fn transactions(bytes: &[u8]) -> Result<Vec<&[u8]>> {
    let (mut items, mut buf) = (Vec::new(), bytes);
    while !buf.is_empty() {
        if let (1, payload, _) = field("TransactionList", &mut buf, &[(1, LEN)])? {
            items.push(payload);
        }
    }
    if items.is_empty() {
        items.push(bytes);
    }
    Ok(items)
}

/// The numbers of `message`'s top-level fields, in order (each checked for wire format).
pub fn field_numbers(what: &'static str, message: &[u8]) -> Result<Vec<u32>> {
    let (mut numbers, mut buf) = (Vec::new(), message);
    while !buf.is_empty() {
        // `field` allows only numbers up to u32::MAX.
        numbers.push(field(what, &mut buf, &[])?.0 as u32);
    }
    Ok(numbers)
}

/// What one `Transaction` carries: body bytes, the `SignatureMap`'s encoded pairs (every
/// occurrence, which is how protobuf merges a message field), and the `SignedTransaction`
/// bytes when in the current form (its `useSerializedTxMessageHashAlgorithm` flag with them).
pub struct Envelope<'a> {
    pub body: &'a [u8],
    pub sig_map: Vec<u8>,
    pub signed: Option<&'a [u8]>,
    pub use_serialized: Option<bool>,
}

pub fn envelope(transaction: &[u8]) -> Result<Envelope<'_>> {
    // Transaction: sigMap = 3 (deprecated), bodyBytes = 4 (deprecated), signedTransactionBytes = 5.
    let (mut signed, mut body, mut sig_map): (&[u8], &[u8], Vec<u8>) = (&[], &[], Vec::new());
    let mut buf = transaction;
    while !buf.is_empty() {
        match field("Transaction", &mut buf, &[(3, LEN), (4, LEN), (5, LEN)])? {
            (3, payload, _) => sig_map.extend_from_slice(payload),
            (4, payload, _) => body = payload,
            (5, payload, _) => signed = payload,
            _ => {}
        }
    }
    if !signed.is_empty() {
        // SignedTransaction: bodyBytes = 1, sigMap = 2, useSerializedTxMessageHashAlgorithm = 3.
        let (mut body, mut sig_map, mut flag, mut buf) = (&[][..], Vec::new(), None, signed);
        while !buf.is_empty() {
            match field("SignedTransaction", &mut buf, &[(1, LEN), (2, LEN), (3, 0)])? {
                (1, payload, _) => body = payload,
                (2, payload, _) => sig_map.extend_from_slice(payload),
                (3, _, value) => flag = Some(value != 0),
                _ => {}
            }
        }
        return Ok(Envelope {
            body,
            sig_map,
            signed: Some(signed),
            use_serialized: flag,
        });
    }
    if body.is_empty() {
        return Err(Error::Decode {
            message: "Transaction",
            reason: "no body bytes".into(),
        });
    }
    Ok(Envelope {
        body,
        sig_map,
        signed: None,
        use_serialized: None,
    })
}

/// Whether any `SignaturePair` (field 1) of an encoded map has a `pubKeyPrefix` (field 1)
/// for which `named` holds.
pub fn any_prefix(sig_map: &[u8], named: impl Fn(&[u8]) -> bool) -> Result<bool> {
    let (mut found, mut pairs) = (false, sig_map);
    while !pairs.is_empty() {
        let (1, mut pair, _) = field("SignatureMap", &mut pairs, &[(1, LEN)])? else {
            continue;
        };
        let mut prefix: &[u8] = &[];
        while !pair.is_empty() {
            if let (1, payload, _) = field("SignaturePair", &mut pair, &[(1, LEN)])? {
                prefix = payload;
            }
        }
        found |= named(prefix);
    }
    Ok(found)
}
