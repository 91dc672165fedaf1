//! HIP-820 `hedera_signMessage`: the wallet signs "\x19Hedera Signed Message:\n" + length +
//! message (UTF-8) and answers with a `SignatureMap`.
//!
//! The length is the message's length as JavaScript counts it (UTF-16 code units), because the
//! reference wallet code computes `message.length`; for ASCII text that equals the byte count.

use crate::prelude::*;
use crate::{key::PrivateKey, key::PublicKey, proto, Error, Result};

pub const MESSAGE_PREFIX: &str = "\x19Hedera Signed Message:\n";

pub fn prefixed_message(message: &str) -> Vec<u8> {
    let len = message.encode_utf16().count();
    text!(MESSAGE_PREFIX, len, message).into_bytes()
}

pub fn sign_message(key: &PrivateKey, message: &str) -> proto::SignatureMap {
    let signature = key.sign(&prefixed_message(message));
    proto::SignatureMap {
        sig_pair: vec![key.public_key().signature_pair(signature)],
    }
}

/// Verifies that `sig_map` holds a valid signature of `message` by `key`.
pub fn verify_message(key: &PublicKey, message: &str, sig_map: &proto::SignatureMap) -> Result<()> {
    let signed = prefixed_message(message);
    let mut found = false;
    for pair in sig_map
        .sig_pair
        .iter()
        .filter(|p| key.matches_prefix(p.pub_key_prefix()))
    {
        found = true;
        if let Some(sig) = signature_bytes(pair) {
            if key.verify(&signed, sig).is_ok() {
                return Ok(());
            }
        }
    }
    Err(Error::InvalidSignature {
        reason: if found {
            "the signature for this key does not verify".into()
        } else {
            "the signature map has no signature for this key".into()
        },
    })
}

pub(crate) fn signature_bytes(pair: &proto::SignaturePair) -> Option<&[u8]> {
    use proto::signature_pair::Signature as S;
    match pair.signature.as_ref()? {
        S::Ed25519(s) | S::EcdsaSecp256k1(s) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn prefix_counts_like_javascript() {
        assert_eq!(prefixed_message("hi"), b"\x19Hedera Signed Message:\n2hi");
        // "é" is 1 UTF-16 unit, 2 UTF-8 bytes; "😀" is 2 units, 4 bytes.
        assert!(prefixed_message("é😀").starts_with(b"\x19Hedera Signed Message:\n3"));
    }

    #[test]
    #[cfg(feature = "ecdsa")]
    fn sign_and_verify_both_key_types() {
        let ed = PrivateKey::from_bytes_ed25519(&[1; 32]).unwrap();
        let ec = PrivateKey::from_bytes_ecdsa(&[2; 32]).unwrap();
        for key in [ed, ec] {
            let map = sign_message(&key, "join the FastShoes challenge");
            verify_message(&key.public_key(), "join the FastShoes challenge", &map).unwrap();
            let err = verify_message(&key.public_key(), "join the FastShoes challengE", &map)
                .unwrap_err();
            assert_eq!(err.code(), "INVALID_SIGNATURE");
        }
        let other = PrivateKey::from_bytes_ed25519(&[3; 32]).unwrap();
        let map = sign_message(&other, "m");
        let stranger = PrivateKey::from_bytes_ed25519(&[4; 32])
            .unwrap()
            .public_key();
        assert!(verify_message(&stranger, "m", &map).is_err());
    }
}
