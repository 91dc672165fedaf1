//! A frozen transaction: fixed body bytes (one per chunk and node) plus their signatures.
//! Bodies are kept as bytes, never re-encoded, because signatures cover exactly those bytes.

use super::builder::MAX_TRANSACTION_BYTES;
use super::wire;
use crate::prelude::*;
use crate::{
    id::AccountId, key::PrivateKey, key::PublicKey, message::signature_bytes, proto,
    transaction_id::TransactionId, Error, Result,
};
use prost::Message as _;

/// One body (for one node, one chunk) and the signatures over it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignedEntry {
    body_bytes: Vec<u8>,
    sig_map: proto::SignatureMap,
    transaction_id: TransactionId,
    node_account_id: AccountId,
    /// The exact bytes this entry was decoded from, reused until a signature is added so that
    /// decode → encode is byte-identical even for encodings we would write differently.
    original: Option<Vec<u8>>,
    /// `SignedTransaction.useSerializedTxMessageHashAlgorithm`, kept when re-encoded.
    use_serialized: Option<bool>,
}

impl SignedEntry {
    /// `content`: decode the whole body (every field of its type), else only the shared
    /// fields (`proto::TransactionBodyHeader`; the type's content is skipped as bytes).
    fn decoded(envelope: wire::Envelope<'_>, content: bool) -> Result<Self> {
        let sig_map = proto::SignatureMap::decode(envelope.sig_map.as_slice())
            .map_err(|e| decode_err("SignatureMap", e))?;
        let body_bytes = envelope.body.to_vec();
        let (transaction_id, node_account_id) = if content {
            let body = decode_body(&body_bytes)?;
            (body.transaction_id, body.node_account_id)
        } else {
            let head = decode_header(&body_bytes)?;
            (head.transaction_id, head.node_account_id)
        };
        let transaction_id = transaction_id
            .as_ref()
            .ok_or(Error::Decode {
                message: "TransactionBody",
                reason: "no transaction id".into(),
            })
            .and_then(TransactionId::from_proto)?;
        let node_account_id = node_account_id
            .as_ref()
            .ok_or(Error::Decode {
                message: "TransactionBody",
                reason: "no node account id".into(),
            })
            .and_then(AccountId::from_proto)?;
        Ok(Self {
            body_bytes,
            sig_map,
            transaction_id,
            node_account_id,
            original: envelope.signed.map(<[u8]>::to_vec),
            use_serialized: envelope.use_serialized,
        })
    }

    pub fn body_bytes(&self) -> &[u8] {
        &self.body_bytes
    }

    /// SHA-384 of this entry's signed bytes (the transaction hash of this chunk at this node).
    pub fn hash(&self) -> [u8; 48] {
        hash_of(self)
    }

    pub fn signature_map(&self) -> &proto::SignatureMap {
        &self.sig_map
    }

    pub fn transaction_id(&self) -> &TransactionId {
        &self.transaction_id
    }

    pub fn node_account_id(&self) -> &AccountId {
        &self.node_account_id
    }

    pub fn body(&self) -> Result<proto::TransactionBody> {
        decode_body(&self.body_bytes)
    }

    /// The body's shared fields (id, node, fee, valid duration, memo), its type's content
    /// left undecoded.
    pub fn header(&self) -> Result<proto::TransactionBodyHeader> {
        decode_header(&self.body_bytes)
    }

    /// The field numbers at the top level of the body, in order: which `data` case it holds
    /// (`proto::transaction_body::tag`), and any field `proto::TransactionBody` does not know,
    /// which its decoder skips but a node may read.
    pub fn body_fields(&self) -> Result<Vec<u32>> {
        wire::field_numbers("TransactionBody", &self.body_bytes)
    }

    /// `SignedTransaction` bytes, the thing the transaction hash is computed over.
    pub fn signed_transaction_bytes(&self) -> Vec<u8> {
        if let Some(original) = &self.original {
            return original.clone();
        }
        signed_transaction(
            &self.body_bytes,
            &self.sig_map.encode_to_vec(),
            self.use_serialized,
        )
    }

    /// The wire `Transaction` sent to a node.
    pub fn to_proto(&self) -> proto::Transaction {
        proto::Transaction {
            signed_transaction_bytes: Some(self.signed_transaction_bytes()),
            ..Default::default()
        }
    }

    fn has_signature_from(&self, key: &PublicKey) -> bool {
        self.sig_map
            .sig_pair
            .iter()
            .any(|p| signed_by(key, p.pub_key_prefix()))
    }

    fn add(&mut self, key: &PublicKey, signature: Vec<u8>) {
        self.sig_map.sig_pair.push(key.signature_pair(signature));
        self.original = None;
    }
}

/// A frozen, possibly signed transaction (several entries for several nodes or chunks).
#[derive(Clone, Debug, PartialEq)]
pub struct Transaction {
    entries: Vec<SignedEntry>,
}

impl Transaction {
    /// Unsigned entries from bodies the caller just encoded (no need to decode them again).
    pub(crate) fn from_bodies(bodies: Vec<(Vec<u8>, TransactionId, AccountId)>) -> Self {
        let entries = bodies
            .into_iter()
            .map(
                |(body_bytes, transaction_id, node_account_id)| SignedEntry {
                    body_bytes,
                    sig_map: proto::SignatureMap::default(),
                    transaction_id,
                    node_account_id,
                    original: None,
                    use_serialized: None,
                },
            )
            .collect();
        Self { entries }
    }

    pub fn entries(&self) -> &[SignedEntry] {
        &self.entries
    }

    /// The (first chunk's) transaction id.
    pub fn transaction_id(&self) -> &TransactionId {
        &self.entries[0].transaction_id
    }

    /// Node account ids, in order, without repeats (chunks repeat them).
    pub fn node_account_ids(&self) -> Vec<AccountId> {
        distinct(self.entries.iter().map(|e| &e.node_account_id))
    }

    /// The transaction id of each chunk, in order, without repeats (nodes repeat them): one
    /// for all but long topic messages, whose chunks each have their own.
    pub fn chunk_transaction_ids(&self) -> Vec<TransactionId> {
        distinct(self.entries.iter().map(|e| &e.transaction_id))
    }

    /// The decoded body of the first entry; every entry differs only in node and chunk.
    pub fn body(&self) -> Result<proto::TransactionBody> {
        self.entries[0].body()
    }

    /// Signs every entry with `key`. Signing twice with the same key is a no-op, as in the SDK.
    pub fn sign(&mut self, key: &PrivateKey) -> &mut Self {
        let public = key.public_key();
        for entry in &mut self.entries {
            if !entry.has_signature_from(&public) {
                let sig = key.sign(&entry.body_bytes);
                entry.add(&public, sig);
            }
        }
        self
    }

    /// Signs with an external signer (a wallet, an HSM): `signer` receives each body's bytes
    /// and returns the signature. Every signature is verified before it is added, so a faulty
    /// signer can never make the transaction invalid.
    pub fn sign_with(
        &mut self,
        public_key: &PublicKey,
        mut signer: impl FnMut(&[u8]) -> core::result::Result<Vec<u8>, String>,
    ) -> Result<&mut Self> {
        let mut signatures = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            if entry.has_signature_from(public_key) {
                signatures.push(None);
                continue;
            }
            let sig = signer(&entry.body_bytes).map_err(|reason| Error::Signer { reason })?;
            public_key
                .verify(&entry.body_bytes, &sig)
                .map_err(|e| Error::Signer {
                    reason: text!(
                        "signer returned a signature that does not verify: ",
                        e.message()
                    ),
                })?;
            signatures.push(Some(sig));
        }
        for (entry, sig) in self.entries.iter_mut().zip(signatures) {
            if let Some(sig) = sig {
                entry.add(public_key, sig);
            }
        }
        Ok(self)
    }

    /// Adds signatures made elsewhere, one per entry in `entries()` order (verified first).
    pub fn add_signature(
        &mut self,
        public_key: &PublicKey,
        signatures: &[Vec<u8>],
    ) -> Result<&mut Self> {
        if signatures.len() != self.entries.len() {
            return Err(Error::InvalidSignature {
                reason: text!(
                    "expected ",
                    self.entries.len(),
                    " signatures, got ",
                    signatures.len()
                ),
            });
        }
        for (entry, sig) in self.entries.iter().zip(signatures) {
            public_key.verify(&entry.body_bytes, sig)?;
        }
        for (entry, sig) in self.entries.iter_mut().zip(signatures) {
            if !entry.has_signature_from(public_key) {
                entry.add(public_key, sig.clone());
            }
        }
        Ok(self)
    }

    /// Verifies every signature on every entry and returns the distinct signers. Pairs whose
    /// prefix is not a full public key can't be checked offline and are an error.
    pub fn verify_signatures(&self) -> Result<Vec<PublicKey>> {
        let mut signers: Vec<PublicKey> = Vec::new();
        for entry in &self.entries {
            for pair in &entry.sig_map.sig_pair {
                let key = public_key_of(pair)?;
                let sig = signature_bytes(pair).ok_or_else(|| Error::InvalidSignature {
                    reason: "unsupported signature type".into(),
                })?;
                key.verify(&entry.body_bytes, sig)?;
                if !signers.contains(&key) {
                    signers.push(key);
                }
            }
        }
        Ok(signers)
    }

    /// The SDK's `toBytes()`: a `TransactionList` with one `Transaction` per entry.
    pub fn to_bytes(&self) -> Vec<u8> {
        proto::TransactionList {
            transaction_list: self.entries.iter().map(SignedEntry::to_proto).collect(),
        }
        .encode_to_vec()
    }

    /// Decodes what `to_bytes` or any SDK's `toBytes()` wrote: a `TransactionList`, or a single
    /// `Transaction` (also in the deprecated bodyBytes/sigMap form).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let entries = wire::transactions(bytes)?
            .into_iter()
            .map(|t| SignedEntry::decoded(wire::envelope(t)?, true))
            .collect::<Result<_>>()?;
        Ok(Self { entries })
    }

    /// `from_bytes` reading of each body only its shared fields (transaction id, node; see
    /// [`SignedEntry::header`]): for a caller that signs or relays bytes whose content is
    /// checked elsewhere (a wallet decodes them for display in its approval page), so that it
    /// links no transaction type's decoder. `body()` still decodes on demand.
    pub fn from_bytes_shallow(bytes: &[u8]) -> Result<Self> {
        let entries = wire::transactions(bytes)?
            .into_iter()
            .map(|t| SignedEntry::decoded(wire::envelope(t)?, false))
            .collect::<Result<_>>()?;
        Ok(Self { entries })
    }

    /// SHA-384 of the first entry's signed bytes: the id the network and mirror use.
    pub fn hash(&self) -> [u8; 48] {
        hash_of(&self.entries[0])
    }

    /// Hash of the entry addressed to `node` (the first chunk's).
    pub fn hash_for_node(&self, node: &AccountId) -> Option<[u8; 48]> {
        self.entries
            .iter()
            .find(|e| &e.node_account_id == node)
            .map(hash_of)
    }

    /// Errors with TransactionTooLarge if any entry is over the network's 6,144 bytes.
    pub fn check_size(&self) -> Result<()> {
        for e in &self.entries {
            let size = e.to_proto().encoded_len();
            if size > MAX_TRANSACTION_BYTES {
                return Err(Error::TransactionTooLarge {
                    size,
                    max: MAX_TRANSACTION_BYTES,
                });
            }
        }
        Ok(())
    }

    /// Keeps only the entries for `node` (e.g. before submitting to one node).
    pub fn for_node(&self, node: &AccountId) -> Option<Transaction> {
        let entries: Vec<_> = self
            .entries
            .iter()
            .filter(|e| &e.node_account_id == node)
            .cloned()
            .collect();
        (!entries.is_empty()).then_some(Transaction { entries })
    }
}

/// The items in order of first appearance, each once (lists of a few nodes or chunks).
fn distinct<'a, T: Clone + PartialEq + 'a>(items: impl Iterator<Item = &'a T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

fn hash_of(entry: &SignedEntry) -> [u8; 48] {
    use sha2::Digest as _;
    sha2::Sha384::digest(entry.signed_transaction_bytes()).into()
}

fn decode_body(bytes: &[u8]) -> Result<proto::TransactionBody> {
    proto::TransactionBody::decode(bytes).map_err(|e| decode_err("TransactionBody", e))
}

fn decode_header(bytes: &[u8]) -> Result<proto::TransactionBodyHeader> {
    proto::TransactionBodyHeader::decode(bytes).map_err(|e| decode_err("TransactionBody", e))
}

fn decode_err(message: &'static str, e: prost::DecodeError) -> Error {
    Error::Decode {
        message,
        reason: e.to_string(),
    }
}

/// Signs the bytes of a frozen transaction (what `to_bytes` or any SDK's `toBytes()` wrote)
/// with `key` and returns them in `to_bytes` form: `from_bytes`, `sign`, `to_bytes` without
/// decoding the bodies, so a build that only freezes and signs links no body decoder. The
/// bodies are signed as they are: for bytes the caller froze itself, not for bytes to review.
/// Signing twice with the same key is a no-op, as with `sign`. Others' signature pairs are
/// kept byte for byte (`from_bytes` then `sign` re-encodes them as prost writes them: the
/// same bytes for what the SDKs write).
pub fn sign_bytes(bytes: &[u8], key: &PrivateKey) -> Result<Vec<u8>> {
    let public = key.public_key();
    let mut list = Vec::new();
    for t in wire::transactions(bytes)? {
        let e = wire::envelope(t)?;
        let signed_already = wire::any_prefix(&e.sig_map, |p| signed_by(&public, p))?;
        let signed = match e.signed {
            Some(original) if signed_already => original.to_vec(),
            _ => {
                let mut sig_map = e.sig_map;
                if !signed_already {
                    // A map's encoding is its pairs' encodings in a row: the new one goes last.
                    let pair = public.signature_pair(key.sign(e.body));
                    prost::encoding::message::encode(1, &pair, &mut sig_map);
                }
                signed_transaction(e.body, &sig_map, e.use_serialized)
            }
        };
        list.push(proto::Transaction {
            signed_transaction_bytes: Some(signed),
            ..Default::default()
        });
    }
    Ok(proto::TransactionList {
        transaction_list: list,
    }
    .encode_to_vec())
}

/// Whether a pair's prefix names `key` (an empty prefix names no one).
fn signed_by(key: &PublicKey, prefix: &[u8]) -> bool {
    !prefix.is_empty() && key.matches_prefix(prefix)
}

/// `SignedTransaction` bytes as prost writes them (fields in order, body and map always
/// present), from an already encoded map.
fn signed_transaction(body: &[u8], sig_map: &[u8], use_serialized: Option<bool>) -> Vec<u8> {
    use prost::encoding::{encode_key, encode_varint, WireType};
    let mut out = Vec::with_capacity(body.len() + sig_map.len() + 16);
    for (tag, field) in [(1, body), (2, sig_map)] {
        encode_key(tag, WireType::LengthDelimited, &mut out);
        encode_varint(field.len() as u64, &mut out);
        out.extend_from_slice(field);
    }
    if let Some(flag) = use_serialized {
        encode_key(3, WireType::Varint, &mut out);
        encode_varint(flag.into(), &mut out);
    }
    out
}

fn public_key_of(pair: &proto::SignaturePair) -> Result<PublicKey> {
    use proto::signature_pair::Signature as S;
    let prefix = pair.pub_key_prefix();
    match &pair.signature {
        Some(S::Ed25519(_)) => PublicKey::from_bytes_ed25519(prefix),
        Some(S::EcdsaSecp256k1(_)) => PublicKey::from_bytes_ecdsa(prefix),
        _ => Err(Error::InvalidSignature {
            reason: "unsupported signature type".into(),
        }),
    }
    .map_err(|_| Error::InvalidSignature {
        reason: "signature pair prefix is not a full public key; it cannot be verified offline"
            .into(),
    })
}
