//! The holder's key, read from the mirror (never from the proof), and the signatures that
//! satisfy it: a single ED25519 or ECDSA key, or a key list / threshold key whose structure
//! the valid signatures must meet as the network would.

use crate::error::{ProofError, Result};
use crate::facts::{self, agreed, disagree, hex_bytes};
use crate::signed::SignedPresentation;
use loyal_client::{MirrorClient, Runtime, Transport};
use loyal_core::id::AccountId;
use loyal_core::key::{Key, PublicKey};
use prost::Message;

/// The most keys a key list may hold for its signatures to be looked for (Hedera's own
/// transaction size limit keeps real lists far below).
const MAX_LIST_KEYS: usize = 64;

/// The holder's key as the mirror knows it: a single key, or a key list / threshold key.
pub async fn holder_key<T: Transport, R: Runtime>(
    mirrors: &[MirrorClient<'_, T, R>],
    holder: &AccountId,
) -> Result<Key> {
    let fact = agreed!(mirrors, format!("the key of {holder}"), |m| facts::account(
        m, holder
    ))?;
    let unsupported = |key_type: &str| ProofError::UnsupportedKey {
        holder: holder.clone(),
        key_type: key_type.to_owned(),
    };
    let bad = |reason: String| ProofError::BadSignature {
        holder: holder.clone(),
        reason,
    };
    if !fact.found {
        return Err(bad("the mirror knows no such account".into()));
    }
    let (kind, hex_key) = fact.key.ok_or_else(|| unsupported("missing"))?;
    let bytes = hex_bytes(&hex_key)
        .ok_or_else(|| bad(format!("the mirror's key {hex_key:?} is not hex")))?;
    let parsed = match kind.as_str() {
        "ED25519" => PublicKey::from_bytes_ed25519(&bytes).map(Key::Single),
        "ECDSA_SECP256K1" => PublicKey::from_bytes_ecdsa(&bytes).map(Key::Single),
        "ProtobufEncoded" => {
            let proto = loyal_core::proto::Key::decode(bytes.as_slice())
                .map_err(|e| bad(format!("the mirror's key does not decode: {e}")))?;
            Key::from_proto(&proto)
        }
        other => return Err(unsupported(other)),
    };
    match parsed.map_err(|e| unsupported(&format!("{kind} ({e})")))? {
        Key::Contract(_) => Err(unsupported("contract")),
        key @ Key::KeyList(_) if key.public_keys().len() > MAX_LIST_KEYS => Err(unsupported(
            &format!("key list of more than {MAX_LIST_KEYS} keys"),
        )),
        key => Ok(key),
    }
}

/// The keys of the holder's key that signed the message; a key list needs all of its keys, a
/// threshold key its threshold (nested structures alike), as the network counts them.
pub fn signers(
    signed: &SignedPresentation,
    key: &Key,
    holder: &AccountId,
) -> Result<Vec<PublicKey>> {
    let bad = |reason: String| ProofError::BadSignature {
        holder: holder.clone(),
        reason,
    };
    if let Key::Single(k) = key {
        signed.verify_signature(k).map_err(|e| bad(e.to_string()))?;
        return Ok(vec![*k]);
    }
    let message = signed.message();
    let mut signers: Vec<PublicKey> = Vec::new();
    for k in key.public_keys() {
        let verifies =
            crate::key_cache::verify_message(&k, &message, &signed.signature_map).is_ok();
        if verifies && !signers.contains(&k) {
            signers.push(k);
        }
    }
    if signers.is_empty() || !key.is_satisfied_by(&signers) {
        let kind = match key {
            Key::KeyList(l) if l.threshold.is_some() => "threshold key",
            _ => "key list",
        };
        return Err(bad(format!(
            "{} valid signature(s) do not satisfy the account's {kind}",
            signers.len()
        )));
    }
    Ok(signers)
}
