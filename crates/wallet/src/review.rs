//! What the service worker reads of transaction bytes before any prompt, without decoding
//! their content: the envelope, each body's shared fields (transaction id, node) and the
//! field numbers at its top level. That is enough for the refusals that come before a window
//! (a payer that is not the signer, bytes that are not a transaction, a list whose entries
//! differ in more than their node) and for signing and sending. Decoding for display — every
//! transaction type's fields, in words — is the approval page's (`summary`, in its own wasm),
//! from these same bytes: the service worker keeps no type's decoder, but checks with
//! `schema` that the page will decode them, so that bytes it could not are refused here.

use crate::{Error, Result};
use loyal_core::id::AccountId;
use loyal_core::proto::{self, transaction_body::tag};
use loyal_core::transaction::Transaction;
use loyal_core::transaction_id::TransactionId;
use prost::encoding::{decode_key, skip_field, DecodeContext};
use prost::Message as _;
use sha2::{Digest as _, Sha256};

/// `TransactionBody`'s fields besides its `data` case: the shared ones (transaction id,
/// node, fee, valid duration, record, memo), `batch_key` and `max_custom_fees`.
const SHARED: [u32; 8] = [1, 2, 3, 4, 5, 6, 73, 1001];
const NODE: u32 = 2;

fn undecodable(reason: impl Into<String>) -> Error {
    Error::Undecodable {
        reason: reason.into(),
    }
}

/// The body's top-level fields, each as its number and its whole encoding (key included).
fn fields(body: &[u8]) -> Result<Vec<(u32, &[u8])>> {
    let (mut out, mut buf) = (Vec::new(), body);
    while !buf.is_empty() {
        let start = buf;
        let (number, wire) = decode_key(&mut buf).map_err(|e| undecodable(e.to_string()))?;
        skip_field(wire, number, &mut buf, DecodeContext::default())
            .map_err(|e| undecodable(e.to_string()))?;
        out.push((number, &start[..start.len() - buf.len()]));
    }
    Ok(out)
}

/// Checks one body and returns its transaction id and node. Refused: bytes that are not a
/// body, no id or node, no transaction type, content `proto::TransactionBody` would not
/// decode (`schema`), and any top-level field `proto::TransactionBody` does not know — the
/// approval page's decoder would skip it and show the rest, while a node could read it (a
/// second `data` case of a type we do not know would win).
fn head(body: &[u8]) -> Result<(TransactionId, AccountId)> {
    let numbers = fields(body)?;
    if let Some((n, _)) = numbers
        .iter()
        .find(|(n, _)| !SHARED.contains(n) && !tag::ALL.contains(n))
    {
        return Err(undecodable(format!(
            "field {n} of the body is not one the wallet can show"
        )));
    }
    if !numbers.iter().any(|(n, _)| tag::ALL.contains(n)) {
        return Err(undecodable("no transaction type (an empty body)"));
    }
    schema::body(body).map_err(undecodable)?;
    let header =
        proto::TransactionBodyHeader::decode(body).map_err(|e| undecodable(e.to_string()))?;
    let id = header
        .transaction_id
        .as_ref()
        .ok_or_else(|| undecodable("no transaction id"))
        .and_then(|p| TransactionId::from_proto(p).map_err(core))?;
    let node = header
        .node_account_id
        .as_ref()
        .ok_or_else(|| undecodable("no node account id"))
        .and_then(|p| AccountId::from_proto(p).map_err(core))?;
    Ok((id, node))
}

fn core(e: loyal_core::Error) -> Error {
    undecodable(e.message())
}

/// The body without its node field: what every entry of a list must share byte for byte.
fn without_node(body: &[u8]) -> Result<Vec<u8>> {
    Ok(fields(body)?
        .into_iter()
        .filter(|(n, _)| *n != NODE)
        .flat_map(|(_, bytes)| bytes.iter().copied())
        .collect())
}

/// A `TransactionList` (what `toBytes()` writes), read for signing or relaying, and the
/// transaction id. Its entries must be the same bytes but for the node field (HIP-820 asks
/// wallets to check that they differ only in the node): the approval page shows the first,
/// so every signature covers what it shows.
pub fn list(bytes: &[u8]) -> Result<(Transaction, TransactionId)> {
    let tx = Transaction::from_bytes_shallow(bytes).map_err(core)?;
    let first = tx.entries()[0].body_bytes();
    let (id, _) = head(first)?;
    let intent = without_node(first)?;
    for entry in &tx.entries()[1..] {
        head(entry.body_bytes())?;
        if without_node(entry.body_bytes())? != intent {
            return Err(undecodable(
                "the list's transactions differ in more than their node",
            ));
        }
    }
    Ok((tx, id))
}

/// A single `TransactionBody` (what `hedera_signTransaction` carries) and its transaction id.
pub fn body(bytes: &[u8]) -> Result<TransactionId> {
    Ok(head(bytes)?.0)
}

/// SHA-256 of the bytes the approval page is given, in hex: it returns the digest of what it
/// decoded and showed with the approval, and only bytes with that digest are signed.
pub fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

mod schema;

#[cfg(test)]
mod tests;
