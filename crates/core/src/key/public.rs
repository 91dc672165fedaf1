//! Public keys: parse/print in the SDK's forms, verify signatures, map to the wire `Key`.

use super::{decode_hex, der, KeyAlgorithm};
use crate::prelude::*;
use crate::{proto, Error, Result};
use core::{fmt, str::FromStr};
#[cfg(feature = "ecdsa")]
use k256::ecdsa::signature::hazmat::PrehashVerifier as _;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PublicKey {
    Ed25519(ed25519_dalek::VerifyingKey),
    #[cfg(feature = "ecdsa")]
    EcdsaSecp256k1(k256::ecdsa::VerifyingKey),
}

impl PublicKey {
    pub fn algorithm(&self) -> KeyAlgorithm {
        match self {
            PublicKey::Ed25519(_) => KeyAlgorithm::Ed25519,
            #[cfg(feature = "ecdsa")]
            PublicKey::EcdsaSecp256k1(_) => KeyAlgorithm::EcdsaSecp256k1,
        }
    }

    pub fn from_bytes_ed25519(bytes: &[u8]) -> Result<Self> {
        let raw: &[u8; 32] = bytes.try_into().map_err(|_| {
            invalid(text!(
                "ED25519 public key must be 32 bytes, got ",
                bytes.len()
            ))
        })?;
        ed25519_dalek::VerifyingKey::from_bytes(raw)
            .map(PublicKey::Ed25519)
            .map_err(|_| invalid("not a point on the ED25519 curve".into()))
    }

    /// Compressed (33 bytes) or uncompressed (65 bytes) SEC1 point.
    pub fn from_bytes_ecdsa(bytes: &[u8]) -> Result<Self> {
        if bytes.len() != 33 && bytes.len() != 65 {
            return Err(invalid(text!(
                "ECDSA public key must be 33 or 65 bytes, got ",
                bytes.len()
            )));
        }
        #[cfg(feature = "ecdsa")]
        return k256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map(PublicKey::EcdsaSecp256k1)
            .map_err(|_| invalid("not a point on the secp256k1 curve".into()));
        #[cfg(not(feature = "ecdsa"))]
        Err(super::no_ecdsa())
    }

    pub fn from_bytes_der(bytes: &[u8]) -> Result<Self> {
        if let Some(raw) = der::strip_exact(bytes, der::ED25519_PUBLIC_SPKI, 32) {
            return Self::from_bytes_ed25519(raw);
        }
        for (prefix, len) in [
            (der::ECDSA_PUBLIC_SPKI_SDK, 33),
            (der::ECDSA_PUBLIC_SPKI_COMPRESSED, 33),
            (der::ECDSA_PUBLIC_SPKI_UNCOMPRESSED, 65),
        ] {
            if let Some(raw) = der::strip_exact(bytes, prefix, len) {
                return Self::from_bytes_ecdsa(raw);
            }
        }
        Err(invalid("unrecognised DER public key".into()))
    }

    /// Raw bytes: 32 for ED25519 (ambiguous with nothing else), 33/65 for ECDSA; else DER.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        match bytes.len() {
            32 => Self::from_bytes_ed25519(bytes),
            33 | 65 if bytes[0] != 0x30 => Self::from_bytes_ecdsa(bytes),
            _ => Self::from_bytes_der(bytes),
        }
    }

    pub fn from_str_der(s: &str) -> Result<Self> {
        Self::from_bytes_der(&decode_hex(s)?)
    }

    pub fn from_str_ed25519(s: &str) -> Result<Self> {
        let bytes = decode_hex(s)?;
        match Self::from_bytes_der(&bytes) {
            Ok(k @ PublicKey::Ed25519(_)) => Ok(k),
            #[allow(unreachable_patterns)]
            _ => Self::from_bytes_ed25519(&bytes),
        }
    }

    pub fn from_str_ecdsa(s: &str) -> Result<Self> {
        let bytes = decode_hex(s)?;
        match Self::from_bytes_der(&bytes) {
            #[cfg(feature = "ecdsa")]
            Ok(k @ PublicKey::EcdsaSecp256k1(_)) => Ok(k),
            #[allow(unreachable_patterns)]
            _ => Self::from_bytes_ecdsa(&bytes),
        }
    }

    /// 32 bytes for ED25519, the 33-byte compressed point for ECDSA.
    pub fn to_bytes_raw(&self) -> Vec<u8> {
        match self {
            PublicKey::Ed25519(k) => k.to_bytes().to_vec(),
            #[cfg(feature = "ecdsa")]
            PublicKey::EcdsaSecp256k1(k) => k.to_encoded_point(true).as_bytes().to_vec(),
        }
    }

    pub fn to_bytes_der(&self) -> Vec<u8> {
        let prefix = match self {
            PublicKey::Ed25519(_) => der::ED25519_PUBLIC_SPKI,
            #[cfg(feature = "ecdsa")]
            PublicKey::EcdsaSecp256k1(_) => der::ECDSA_PUBLIC_SPKI_SDK,
        };
        [prefix, &self.to_bytes_raw()].concat()
    }

    pub fn to_string_raw(&self) -> String {
        hex::encode(self.to_bytes_raw())
    }

    pub fn to_string_der(&self) -> String {
        hex::encode(self.to_bytes_der())
    }

    /// ED25519: strict RFC 8032 verification (no malleable or small-order forms).
    /// ECDSA: keccak256 prehash, 64-byte r||s, high-S rejected (the network rejects it too).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<()> {
        match self {
            PublicKey::Ed25519(k) => {
                let sig = ed25519_dalek::Signature::from_slice(signature).map_err(|_| {
                    bad_sig(text!(
                        "ED25519 signature must be 64 bytes, got ",
                        signature.len()
                    ))
                })?;
                k.verify_strict(message, &sig)
                    .map_err(|_| bad_sig("ED25519 signature does not verify".into()))
            }
            #[cfg(feature = "ecdsa")]
            PublicKey::EcdsaSecp256k1(k) => {
                let sig = k256::ecdsa::Signature::from_slice(signature)
                    .map_err(|_| bad_sig("ECDSA signature must be 64 bytes r||s".into()))?;
                if sig.normalize_s().is_some() {
                    return Err(bad_sig("ECDSA signature has a high S value".into()));
                }
                k.verify_prehash(&super::keccak256(message), &sig)
                    .map_err(|_| bad_sig("ECDSA signature does not verify".into()))
            }
        }
    }

    pub fn to_proto(&self) -> proto::Key {
        use proto::key::Key as K;
        proto::Key {
            key: Some(match self {
                PublicKey::Ed25519(_) => K::Ed25519(self.to_bytes_raw()),
                #[cfg(feature = "ecdsa")]
                PublicKey::EcdsaSecp256k1(_) => K::EcdsaSecp256k1(self.to_bytes_raw()),
            }),
        }
    }

    /// A signature pair keyed by the full public key, as the JS SDK writes it.
    pub fn signature_pair(&self, signature: Vec<u8>) -> proto::SignaturePair {
        use proto::signature_pair::Signature as S;
        proto::SignaturePair {
            pub_key_prefix: Some(self.to_bytes_raw()),
            signature: Some(match self {
                PublicKey::Ed25519(_) => S::Ed25519(signature),
                #[cfg(feature = "ecdsa")]
                PublicKey::EcdsaSecp256k1(_) => S::EcdsaSecp256k1(signature),
            }),
        }
    }

    /// Whether a signature pair's prefix selects this key (prefixes may be shortened).
    pub fn matches_prefix(&self, prefix: &[u8]) -> bool {
        self.to_bytes_raw().starts_with(prefix)
    }

    /// The 20-byte EVM address of an ECDSA key (keccak256 of the uncompressed point).
    pub fn to_evm_address(&self) -> Option<[u8; 20]> {
        match self {
            PublicKey::Ed25519(_) => None,
            #[cfg(feature = "ecdsa")]
            PublicKey::EcdsaSecp256k1(k) => {
                let point = k.to_encoded_point(false);
                let hash = super::keccak256(&point.as_bytes()[1..]);
                hash[12..].try_into().ok()
            }
        }
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PublicKey({:?}, {})",
            self.algorithm(),
            self.to_string_der()
        )
    }
}

impl fmt::Display for PublicKey {
    /// DER hex, as the SDK's `toString()`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_der())
    }
}

impl FromStr for PublicKey {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::from_bytes(&decode_hex(s)?)
    }
}

impl core::hash::Hash for PublicKey {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.to_bytes_raw().hash(state)
    }
}

fn invalid(reason: String) -> Error {
    Error::InvalidKey { reason }
}

fn bad_sig(reason: String) -> Error {
    Error::InvalidSignature { reason }
}
