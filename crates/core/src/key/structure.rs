//! Key structures: a single key, a key list (all must sign) or a threshold key (m of n).
//! Contract-id keys are kept as opaque wire values: they can be stored and re-encoded, but
//! no signature ever satisfies them here.

use super::PublicKey;
use crate::prelude::*;
use crate::{proto, Error, Result};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    Single(PublicKey),
    KeyList(KeyList),
    /// A contract or delegatable-contract key, kept verbatim.
    Contract(proto::Key),
}

/// `threshold: None` is a plain key list (every key must sign); `Some(m)` needs m of them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct KeyList {
    pub keys: Vec<Key>,
    pub threshold: Option<u32>,
}

impl KeyList {
    pub fn all(keys: impl IntoIterator<Item = Key>) -> Self {
        Self {
            keys: keys.into_iter().collect(),
            threshold: None,
        }
    }

    pub fn threshold(threshold: u32, keys: impl IntoIterator<Item = Key>) -> Self {
        Self {
            keys: keys.into_iter().collect(),
            threshold: Some(threshold),
        }
    }
}

impl From<PublicKey> for Key {
    fn from(k: PublicKey) -> Self {
        Key::Single(k)
    }
}

impl From<KeyList> for Key {
    fn from(k: KeyList) -> Self {
        Key::KeyList(k)
    }
}

impl Key {
    pub fn to_proto(&self) -> proto::Key {
        use proto::key::Key as K;
        match self {
            Key::Single(k) => k.to_proto(),
            Key::Contract(p) => p.clone(),
            Key::KeyList(list) => {
                let keys = proto::KeyList {
                    keys: list.keys.iter().map(Key::to_proto).collect(),
                };
                proto::Key {
                    key: Some(match list.threshold {
                        None => K::KeyList(keys),
                        Some(threshold) => K::ThresholdKey(proto::ThresholdKey {
                            threshold: Some(threshold),
                            keys: Some(keys),
                        }),
                    }),
                }
            }
        }
    }

    pub fn from_proto(p: &proto::Key) -> Result<Self> {
        use proto::key::Key as K;
        let unsupported = |what: &str| Error::InvalidKey {
            reason: text!(what, " keys are not supported"),
        };
        match &p.key {
            Some(K::Ed25519(b)) => PublicKey::from_bytes_ed25519(b).map(Key::Single),
            Some(K::EcdsaSecp256k1(b)) => PublicKey::from_bytes_ecdsa(b).map(Key::Single),
            Some(K::KeyList(l)) => Ok(Key::KeyList(KeyList::all(Self::list(l)?))),
            Some(K::ThresholdKey(t)) => {
                let keys = t
                    .keys
                    .as_ref()
                    .map(Self::list)
                    .transpose()?
                    .unwrap_or_default();
                Ok(Key::KeyList(KeyList::threshold(t.threshold(), keys)))
            }
            Some(K::ContractId(_)) | Some(K::DelegatableContractId(_)) => {
                Ok(Key::Contract(p.clone()))
            }
            Some(K::Rsa3072(_)) => Err(unsupported("RSA-3072")),
            Some(K::Ecdsa384(_)) => Err(unsupported("ECDSA P-384")),
            None => Err(Error::InvalidKey {
                reason: "empty key".into(),
            }),
        }
    }

    fn list(l: &proto::KeyList) -> Result<Vec<Key>> {
        l.keys.iter().map(Key::from_proto).collect()
    }

    /// Whether signatures by `signers` satisfy this key: every key of a list, m of a
    /// threshold (nested structures recursively). An empty list is never satisfied, as on
    /// the network, so an empty key can't be used to skip signing.
    pub fn is_satisfied_by(&self, signers: &[PublicKey]) -> bool {
        match self {
            Key::Single(k) => signers.contains(k),
            Key::Contract(_) => false,
            Key::KeyList(list) => {
                let signed = list
                    .keys
                    .iter()
                    .filter(|k| k.is_satisfied_by(signers))
                    .count();
                match list.threshold {
                    _ if list.keys.is_empty() => false,
                    None => signed == list.keys.len(),
                    Some(m) => m > 0 && signed >= m as usize,
                }
            }
        }
    }

    /// Every public key anywhere in this structure, in order.
    pub fn public_keys(&self) -> Vec<PublicKey> {
        match self {
            Key::Single(k) => vec![*k],
            Key::Contract(_) => vec![],
            Key::KeyList(list) => list.keys.iter().flat_map(Key::public_keys).collect(),
        }
    }
}
