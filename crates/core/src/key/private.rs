//! Private keys. The secret never leaves except through the explicit `to_*` methods: no
//! Display, and Debug shows only the public half. Both inner keys zeroize on drop.

use super::{decode_hex, der, KeyAlgorithm, PublicKey};
use crate::prelude::*;
use crate::{Error, Result};
use core::{fmt, str::FromStr};
#[cfg(feature = "ecdsa")]
use k256::ecdsa::signature::hazmat::PrehashSigner as _;
use rand_core::CryptoRngCore;
use zeroize::Zeroizing;

#[derive(Clone)]
pub enum PrivateKey {
    Ed25519(Ed25519Secret),
    #[cfg(feature = "ecdsa")]
    EcdsaSecp256k1(k256::ecdsa::SigningKey),
}

/// An ED25519 signing key with its SHA-512 expansion computed once: signing then costs one
/// hash less, ~5% of a transaction's build-sign-serialize time in the browser.
pub struct Ed25519Secret {
    signing: ed25519_dalek::SigningKey,
    expanded: ed25519_dalek::hazmat::ExpandedSecretKey,
}

impl Ed25519Secret {
    fn new(signing: ed25519_dalek::SigningKey) -> Self {
        let expanded = ed25519_dalek::hazmat::ExpandedSecretKey::from(signing.as_bytes());
        Self { signing, expanded }
    }

    fn sign(&self, message: &[u8]) -> [u8; 64] {
        ed25519_dalek::hazmat::raw_sign::<sha2::Sha512>(
            &self.expanded,
            message,
            &self.signing.verifying_key(),
        )
        .to_bytes()
    }
}

impl Clone for Ed25519Secret {
    // The expansion is not Clone (it zeroizes on drop); derive it again.
    fn clone(&self) -> Self {
        Self::new(self.signing.clone())
    }
}

impl PrivateKey {
    pub fn generate_ed25519(rng: &mut impl CryptoRngCore) -> Self {
        PrivateKey::Ed25519(Ed25519Secret::new(ed25519_dalek::SigningKey::generate(rng)))
    }

    /// Fails only in a build without the `ecdsa` feature.
    pub fn generate_ecdsa(rng: &mut impl CryptoRngCore) -> Result<Self> {
        #[cfg(feature = "ecdsa")]
        return Ok(PrivateKey::EcdsaSecp256k1(k256::ecdsa::SigningKey::random(
            rng,
        )));
        #[cfg(not(feature = "ecdsa"))]
        {
            let _ = rng;
            Err(super::no_ecdsa())
        }
    }

    pub fn algorithm(&self) -> KeyAlgorithm {
        match self {
            PrivateKey::Ed25519(_) => KeyAlgorithm::Ed25519,
            #[cfg(feature = "ecdsa")]
            PrivateKey::EcdsaSecp256k1(_) => KeyAlgorithm::EcdsaSecp256k1,
        }
    }

    /// A 32-byte seed, or the 64-byte seed||public form some tools export.
    pub fn from_bytes_ed25519(bytes: &[u8]) -> Result<Self> {
        // `first_chunk` and `get`, not indexing: no panic path (nor its formatting) to link.
        let seed = match (bytes.len(), bytes.first_chunk::<32>()) {
            (32 | 64, Some(seed)) => seed,
            (n, _) => {
                return Err(invalid(text!(
                    "ED25519 private key must be 32 or 64 bytes, got ",
                    n
                )))
            }
        };
        let key = ed25519_dalek::SigningKey::from_bytes(seed);
        if bytes.len() == 64 && bytes.get(32..) != Some(key.verifying_key().as_bytes()) {
            return Err(invalid(
                "ED25519 seed does not match the public key that follows it".into(),
            ));
        }
        Ok(PrivateKey::Ed25519(Ed25519Secret::new(key)))
    }

    pub fn from_bytes_ecdsa(bytes: &[u8]) -> Result<Self> {
        if bytes.len() != 32 {
            return Err(invalid(text!(
                "ECDSA private key must be 32 bytes, got ",
                bytes.len()
            )));
        }
        #[cfg(feature = "ecdsa")]
        return k256::ecdsa::SigningKey::from_slice(bytes)
            .map(PrivateKey::EcdsaSecp256k1)
            .map_err(|_| invalid("ECDSA private key is zero or not below the curve order".into()));
        #[cfg(not(feature = "ecdsa"))]
        Err(super::no_ecdsa())
    }

    pub fn from_bytes_der(bytes: &[u8]) -> Result<Self> {
        if let Some(raw) = der::strip_exact(bytes, der::ED25519_PRIVATE_PKCS8, 32) {
            return Self::from_bytes_ed25519(raw);
        }
        if let Some(raw) = der::strip_exact(bytes, der::ECDSA_PRIVATE_PKCS8_SDK, 32) {
            return Self::from_bytes_ecdsa(raw);
        }
        if let Some(rest) = bytes.strip_prefix(der::ECDSA_PRIVATE_PKCS8_OPENSSL) {
            if let Some(raw) = rest
                .get(..32)
                .filter(|_| rest.len() == 32 || rest[32] == 0xa1)
            {
                return Self::from_bytes_ecdsa(raw);
            }
        }
        if let Some(raw) = der::parse_sec1_private(bytes) {
            return Self::from_bytes_ecdsa(raw);
        }
        Err(invalid("unrecognised DER private key".into()))
    }

    pub fn from_str_der(s: &str) -> Result<Self> {
        Self::from_bytes_der(&decode_hex(s)?)
    }

    /// Raw hex (32 or 64 bytes) or DER, which must then be an ED25519 key.
    pub fn from_str_ed25519(s: &str) -> Result<Self> {
        let bytes = Zeroizing::new(decode_hex(s)?);
        if bytes.len() == 32 || bytes.len() == 64 {
            return Self::from_bytes_ed25519(&bytes);
        }
        match Self::from_bytes_der(&bytes)? {
            k @ PrivateKey::Ed25519(_) => Ok(k),
            #[cfg(feature = "ecdsa")]
            _ => Err(invalid("DER key is ECDSA, not ED25519".into())),
        }
    }

    /// Raw 32-byte hex or DER, which must then be an ECDSA secp256k1 key.
    pub fn from_str_ecdsa(s: &str) -> Result<Self> {
        let bytes = Zeroizing::new(decode_hex(s)?);
        if bytes.len() == 32 {
            return Self::from_bytes_ecdsa(&bytes);
        }
        match Self::from_bytes_der(&bytes)? {
            #[cfg(feature = "ecdsa")]
            k @ PrivateKey::EcdsaSecp256k1(_) => Ok(k),
            #[allow(unreachable_patterns)]
            _ => Err(invalid("DER key is ED25519, not ECDSA".into())),
        }
    }

    pub fn public_key(&self) -> PublicKey {
        match self {
            PrivateKey::Ed25519(k) => PublicKey::Ed25519(k.signing.verifying_key()),
            #[cfg(feature = "ecdsa")]
            PrivateKey::EcdsaSecp256k1(k) => PublicKey::EcdsaSecp256k1(*k.verifying_key()),
        }
    }

    /// ED25519: 64-byte signature of `message`. ECDSA: RFC 6979 deterministic signature of
    /// keccak256(`message`), 64-byte r||s with low S — byte-identical to the JS SDK's.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            PrivateKey::Ed25519(k) => k.sign(message).to_vec(),
            #[cfg(feature = "ecdsa")]
            PrivateKey::EcdsaSecp256k1(k) => {
                let sig: k256::ecdsa::Signature = k
                    .sign_prehash(&super::keccak256(message))
                    .expect("a 32-byte prehash always signs");
                let sig = sig.normalize_s().unwrap_or(sig);
                sig.to_bytes().to_vec()
            }
        }
    }

    pub fn to_bytes_raw(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(match self {
            PrivateKey::Ed25519(k) => k.signing.to_bytes().to_vec(),
            #[cfg(feature = "ecdsa")]
            PrivateKey::EcdsaSecp256k1(k) => k.to_bytes().to_vec(),
        })
    }

    /// PKCS#8 DER exactly as the JS SDK's `toBytesDer()`.
    pub fn to_bytes_der(&self) -> Zeroizing<Vec<u8>> {
        let prefix = match self {
            PrivateKey::Ed25519(_) => der::ED25519_PRIVATE_PKCS8,
            #[cfg(feature = "ecdsa")]
            PrivateKey::EcdsaSecp256k1(_) => der::ECDSA_PRIVATE_PKCS8_SDK,
        };
        Zeroizing::new([prefix, self.to_bytes_raw().as_slice()].concat())
    }

    pub fn to_string_raw(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.to_bytes_raw().as_slice()))
    }

    pub fn to_string_der(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.to_bytes_der().as_slice()))
    }
}

impl FromStr for PrivateKey {
    type Err = Error;

    /// As the SDK's `PrivateKey.fromString`: DER of either kind, else raw ED25519.
    fn from_str(s: &str) -> Result<Self> {
        let bytes = Zeroizing::new(decode_hex(s)?);
        match bytes.len() {
            32 | 64 => Self::from_bytes_ed25519(&bytes),
            _ => Self::from_bytes_der(&bytes),
        }
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PrivateKey({:?}, public: {})",
            self.algorithm(),
            self.public_key()
        )
    }
}

impl PartialEq for PrivateKey {
    /// Compares public halves: equal secrets have equal public keys and vice versa.
    fn eq(&self, other: &Self) -> bool {
        self.public_key() == other.public_key()
    }
}

impl Eq for PrivateKey {}

fn invalid(reason: String) -> Error {
    Error::InvalidKey { reason }
}
