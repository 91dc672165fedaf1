//! Keys: ED25519 and ECDSA secp256k1, private and public, and key structures (lists and
//! thresholds) as Hedera's `Key` describes them.

use crate::prelude::*;
pub(crate) mod der;
mod private;
mod public;
mod structure;

pub use private::{Ed25519Secret, PrivateKey};
pub use public::PublicKey;
pub use structure::{Key, KeyList};

use crate::{Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyAlgorithm {
    Ed25519,
    EcdsaSecp256k1,
}

#[cfg(feature = "ecdsa")]
pub(crate) fn keccak256(data: &[u8]) -> [u8; 32] {
    use sha3::Digest as _;
    sha3::Keccak256::digest(data).into()
}

/// What ECDSA operations give in a build without the `ecdsa` feature (the small signing
/// build of the wasm package leaves secp256k1 out).
#[cfg(not(feature = "ecdsa"))]
pub(crate) fn no_ecdsa() -> Error {
    Error::Unsupported {
        what: "ECDSA secp256k1 (this build has ED25519 only)",
    }
}

/// Hex with or without `0x`, as the SDK accepts.
pub(crate) fn decode_hex(s: &str) -> Result<Vec<u8>> {
    let s = s.trim_ascii();
    crate::parse::hex(s.strip_prefix("0x").unwrap_or(s)).ok_or_else(|| Error::InvalidKey {
        reason: "not a hex string".into(),
    })
}

/// The build without secp256k1: ED25519 works, every ECDSA entry point is a typed error.
#[cfg(all(test, not(feature = "ecdsa")))]
mod ed25519_only {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn ecdsa_is_unsupported_not_a_panic() {
        let ec_der = "3030020100300706052b8104000a042204207f109a9e3b0d8ecfba9cc23a3614433ce0fa7ddcc80f2a8f10b222179a5a80d6";
        let ec_public = "024778141fffe462dbb3817c93e4252b2d6f5f5667fa71f34b84280265c01d408f";
        for err in [
            PrivateKey::from_str_der(ec_der).unwrap_err(),
            PrivateKey::from_str_ecdsa(&"11".repeat(32)).unwrap_err(),
            PrivateKey::from_bytes_ecdsa(&[2; 32]).unwrap_err(),
            PrivateKey::generate_ecdsa(&mut rand_core::OsRng).unwrap_err(),
            PublicKey::from_str_ecdsa(ec_public).unwrap_err(),
            ec_public.parse::<PublicKey>().unwrap_err(),
        ] {
            assert_eq!(err.code(), "UNSUPPORTED", "{err}");
        }
        let ed = PrivateKey::from_bytes_ed25519(&[7; 32]).unwrap();
        ed.public_key().verify(b"m", &ed.sign(b"m")).unwrap();
        assert_eq!(ed.public_key().to_evm_address(), None);
    }
}

#[cfg(all(test, feature = "ecdsa"))]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // RFC 8032 section 7.1, test 1 (empty message).
    const RFC8032_SECRET: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const RFC8032_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    const RFC8032_SIG: &str = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    // An ECDSA key with the SDK's (2.81.0) printed forms and its signature of "hello".
    const EC_SECRET: &str = "7f109a9e3b0d8ecfba9cc23a3614433ce0fa7ddcc80f2a8f10b222179a5a80d6";
    const EC_PUBLIC: &str = "024778141fffe462dbb3817c93e4252b2d6f5f5667fa71f34b84280265c01d408f";
    const EC_SIG_HELLO: &str = "dd09ef6d0cbcd4bf71fd933f76ffa429097fccba3755f47537ae9458df9a58346af3d7025f681b845590c57f280ab5e5d0a9c78128edfae7dad63a12e124a7b4";

    #[test]
    fn ed25519_known_answer() {
        let key = PrivateKey::from_str_ed25519(RFC8032_SECRET).unwrap();
        assert_eq!(key.public_key().to_string_raw(), RFC8032_PUBLIC);
        assert_eq!(hex::encode(key.sign(b"")), RFC8032_SIG);
        key.public_key()
            .verify(b"", &hex::decode(RFC8032_SIG).unwrap())
            .unwrap();
        assert_eq!(
            key.to_string_der().as_str(),
            format!("302e020100300506032b657004220420{RFC8032_SECRET}")
        );
        assert_eq!(
            key.public_key().to_string_der(),
            format!("302a300506032b6570032100{RFC8032_PUBLIC}")
        );
    }

    #[test]
    fn ecdsa_known_answer_matches_sdk() {
        let key = PrivateKey::from_str_ecdsa(EC_SECRET).unwrap();
        assert_eq!(key.public_key().to_string_raw(), EC_PUBLIC);
        assert_eq!(hex::encode(key.sign(b"hello")), EC_SIG_HELLO);
        assert_eq!(
            key.to_string_der().as_str(),
            format!("3030020100300706052b8104000a04220420{EC_SECRET}")
        );
        assert_eq!(
            key.public_key().to_string_der(),
            format!("302d300706052b8104000a032200{EC_PUBLIC}")
        );
        key.public_key()
            .verify(b"hello", &key.sign(b"hello"))
            .unwrap();
    }

    #[test]
    fn every_string_form_parses_back() {
        let ed = PrivateKey::from_str_ed25519(RFC8032_SECRET).unwrap();
        let ec = PrivateKey::from_str_ecdsa(EC_SECRET).unwrap();
        for key in [&ed, &ec] {
            let der = key.to_string_der();
            assert_eq!(&PrivateKey::from_str_der(&der).unwrap(), key);
            assert_eq!(&der.parse::<PrivateKey>().unwrap(), key);
            assert_eq!(
                &PrivateKey::from_str_der(&format!("0x{}", der.as_str())).unwrap(),
                key
            );
            let public = key.public_key();
            assert_eq!(
                PublicKey::from_str_der(&public.to_string_der()).unwrap(),
                public
            );
            assert_eq!(public.to_string_der().parse::<PublicKey>().unwrap(), public);
            assert_eq!(public.to_string_raw().parse::<PublicKey>().unwrap(), public);
        }
        // Raw hex defaults to ED25519, as the SDK's deprecated `fromString` does.
        assert_eq!(RFC8032_SECRET.parse::<PrivateKey>().unwrap(), ed);
        assert_eq!(
            PrivateKey::from_str_ed25519(&format!("{RFC8032_SECRET}{RFC8032_PUBLIC}")).unwrap(),
            ed
        );
        // OpenSSL's SEC1 and PKCS#8 forms of the ECDSA key.
        let sec1 = format!("302e0201010420{EC_SECRET}a00706052b8104000a");
        assert_eq!(PrivateKey::from_str_der(&sec1).unwrap(), ec);
        let pkcs8 =
            format!("303e020100301006072a8648ce3d020106052b8104000a042730250201010420{EC_SECRET}");
        assert_eq!(PrivateKey::from_str_der(&pkcs8).unwrap(), ec);
        let uncompressed =
            k256::ecdsa::VerifyingKey::from_sec1_bytes(&hex::decode(EC_PUBLIC).unwrap())
                .unwrap()
                .to_encoded_point(false);
        assert_eq!(
            PublicKey::from_bytes(uncompressed.as_bytes()).unwrap(),
            ec.public_key()
        );
    }

    #[test]
    fn bad_keys_are_typed_errors() {
        for bad in ["", "zz", "00", "302e0201", &"00".repeat(32)] {
            let err = PrivateKey::from_str_ecdsa(bad).unwrap_err();
            assert_eq!(err.code(), "INVALID_KEY", "{bad:?}");
        }
        assert_eq!(
            PrivateKey::from_str_ed25519(&format!("{RFC8032_SECRET}{}", "00".repeat(32)))
                .unwrap_err()
                .code(),
            "INVALID_KEY"
        );
        assert_eq!(
            PublicKey::from_str_ecdsa(&"05".repeat(33))
                .unwrap_err()
                .code(),
            "INVALID_KEY"
        );
        let ec_der = PrivateKey::from_str_ecdsa(EC_SECRET)
            .unwrap()
            .to_string_der();
        assert_eq!(
            PrivateKey::from_str_ed25519(&ec_der).unwrap_err().code(),
            "INVALID_KEY"
        );
    }

    #[test]
    fn debug_never_shows_the_secret() {
        for key in [
            PrivateKey::from_str_ed25519(RFC8032_SECRET).unwrap(),
            PrivateKey::from_str_ecdsa(EC_SECRET).unwrap(),
        ] {
            let shown = format!("{key:?}");
            assert!(
                !shown.contains(RFC8032_SECRET) && !shown.contains(EC_SECRET),
                "{shown}"
            );
            assert!(shown.contains(&key.public_key().to_string_der()));
        }
    }

    #[test]
    fn tampering_and_high_s_are_rejected() {
        let ec = PrivateKey::from_str_ecdsa(EC_SECRET).unwrap();
        let mut sig = ec.sign(b"hello");
        assert_eq!(
            ec.public_key().verify(b"hellp", &sig).unwrap_err().code(),
            "INVALID_SIGNATURE"
        );
        // s' = n - s verifies mathematically but is the malleable twin the network refuses.
        let parsed = k256::ecdsa::Signature::from_slice(&sig).unwrap();
        let (r, s) = parsed.split_scalars();
        let high = k256::ecdsa::Signature::from_scalars(r, -*s).unwrap();
        assert_eq!(
            ec.public_key()
                .verify(b"hello", &high.to_bytes())
                .unwrap_err()
                .code(),
            "INVALID_SIGNATURE"
        );
        sig[0] ^= 1;
        assert!(ec.public_key().verify(b"hello", &sig).is_err());
        let ed = PrivateKey::from_str_ed25519(RFC8032_SECRET).unwrap();
        let mut sig = ed.sign(b"m");
        sig[63] ^= 0x80;
        assert!(ed.public_key().verify(b"m", &sig).is_err());
        assert!(ed.public_key().verify(b"m", &sig[..63]).is_err());
    }

    #[test]
    fn key_lists_and_thresholds() {
        let a = PrivateKey::from_str_ed25519(RFC8032_SECRET)
            .unwrap()
            .public_key();
        let b = PrivateKey::from_str_ecdsa(EC_SECRET).unwrap().public_key();
        let c = PrivateKey::from_bytes_ed25519(&[7; 32])
            .unwrap()
            .public_key();
        let all = Key::from(KeyList::all([a.into(), b.into()]));
        let two_of_three = Key::from(KeyList::threshold(2, [a.into(), b.into(), c.into()]));
        assert!(all.is_satisfied_by(&[a, b]) && !all.is_satisfied_by(&[a]));
        assert!(two_of_three.is_satisfied_by(&[c, a]) && !two_of_three.is_satisfied_by(&[b]));
        assert!(!Key::from(KeyList::all([])).is_satisfied_by(&[a]));
        let nested = Key::from(KeyList::all([two_of_three.clone(), Key::Single(a)]));
        assert_eq!(Key::from_proto(&nested.to_proto()).unwrap(), nested);
        assert_eq!(nested.public_keys(), vec![a, b, c, a]);
    }
}
