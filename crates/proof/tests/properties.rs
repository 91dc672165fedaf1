//! Property tests: no input panics the decoders (message, text form, predicates), a decoded
//! message re-encodes to the same bytes, and encode → decode is the identity.

use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_proof::{Claim, Predicate, Presentation, SignedPresentation};
use proptest::prelude::*;

fn presentation() -> impl Strategy<Value = Presentation> {
    (
        (0..3u64, 0..3u64, 0..i64::MAX as u64),
        "(http|https|chrome-extension)://[a-z0-9.-]{1,40}(:[0-9]{1,5})?",
        "[A-Za-z0-9äöü€😀][A-Za-z0-9 äöü€😀:/.,!?-]{0,60}[A-Za-z0-9€😀.!]",
        "[A-Za-z0-9_-]{16,64}",
        (0..4_000_000_000i64, 1..10_000_000i64),
        proptest::collection::btree_map((0..3u64, 0..50u64, any::<bool>()), any::<u64>(), 1..=16),
    )
        .prop_map(
            |((s, r, n), audience, purpose, nonce, (issued, life), claims)| {
                let mut p = Presentation::new(AccountId::new(s, r, n))
                    .with_audience(audience)
                    .with_purpose(purpose)
                    .with_nonce(nonce)
                    .with_issued_at(Timestamp::new(issued, 0))
                    .with_expires_at(Timestamp::new(issued + life, 0));
                // Distinct keys (token, kind, serial) by construction; given in map order, which
                // differs from the canonical order when fungible and NFT claims interleave.
                for ((t, x, nft), v) in claims {
                    let token = TokenId::new(0, 0, t * 1000 + x);
                    p = p.with_claim(if nft {
                        Claim::Nft { token, serial: v }
                    } else {
                        Claim::Fungible {
                            token,
                            min_amount: v,
                        }
                    });
                }
                p
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Presentation::parse(&text);
        let _ = SignedPresentation::from_text(&text);
        let _ = SignedPresentation::from_text(&format!("lp1.{text}"));
        let _ = text.parse::<Predicate>();
    }

    #[test]
    fn near_misses_decode_only_to_themselves(p in presentation(), at in any::<prop::sample::Index>(), c in any::<char>(), cut in any::<bool>()) {
        let m = p.message();
        let mut chars: Vec<char> = m.chars().collect();
        let i = at.index(chars.len());
        if cut { chars.truncate(i); } else { chars[i] = c; }
        let edited: String = chars.into_iter().collect();
        if let Ok(back) = Presentation::parse(&edited) {
            prop_assert_eq!(back.message(), edited);
        }
    }

    #[test]
    fn message_round_trips(p in presentation()) {
        p.validate().unwrap();
        let m = p.message();
        let back = Presentation::parse(&m).unwrap();
        prop_assert_eq!(back.message(), m);
        prop_assert_eq!(&back.claims, &p.sorted_claims());
        prop_assert_eq!(back, Presentation { claims: p.sorted_claims(), ..p });
    }

    #[test]
    fn text_form_round_trips(p in presentation(), seed in any::<[u8; 32]>(), ecdsa in any::<bool>()) {
        let key = if ecdsa { PrivateKey::from_bytes_ecdsa(&seed) } else { PrivateKey::from_bytes_ed25519(&seed) };
        prop_assume!(key.is_ok());
        let key = key.unwrap();
        let signed = SignedPresentation::sign(p, &key).unwrap();
        let text = signed.to_text();
        let back = SignedPresentation::from_text(&text).unwrap();
        prop_assert_eq!(back.to_text(), text);
        prop_assert!(back.verify_signature(&key.public_key()).is_ok());
    }

    #[test]
    fn text_form_edits_never_panic(p in presentation(), at in any::<prop::sample::Index>(), c in "[A-Za-z0-9_.=+/-]") {
        let key = PrivateKey::from_bytes_ed25519(&[5; 32]).unwrap();
        let text = SignedPresentation::sign(p, &key).unwrap().to_text();
        let i = at.index(text.len());
        let edited = format!("{}{}{}", &text[..i], c, &text[i + 1..]);
        if let Ok(back) = SignedPresentation::from_text(&edited) {
            prop_assert_eq!(back.to_text(), edited);
        }
    }

    #[test]
    fn predicates_never_panic(text in "[a-z._]{0,12} ?(==|!=|<=|>=|<|>|=) ?(-?[0-9.e]{0,8}|\"[^\"]{0,8}\"|[a-z]{0,6})", n in any::<f64>(), s in ".{0,8}") {
        if let Ok(p) = text.parse::<Predicate>() {
            prop_assert_eq!(p.to_string().parse::<Predicate>().unwrap(), p.clone());
            let metadata = serde_json::json!({"properties": {"a": n.is_finite().then_some(n), "b": s}, "attributes": [{"trait_type": "c", "value": s}]});
            let _ = p.eval(&metadata);
        }
    }
}

// loyal_proof::ed25519 (the path of this target, and wasm32's two: the shorter check of a key's
// first use and the comb of its next ones) decides as
// ed25519-dalek's verify_strict on honest signatures, on edited ones (a byte changed, R or s
// replaced) and on random bytes, for random keys.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn ed25519_decides_as_verify_strict(
        seed in any::<[u8; 32]>(),
        message in proptest::collection::vec(any::<u8>(), 0..200),
        edit in (0..66usize, any::<u8>()),
        random in any::<[u8; 32]>(),
    ) {
        use ed25519_dalek::{Signature, Signer, SigningKey};
        let sk = SigningKey::from_bytes(&seed);
        let vk = sk.verifying_key();
        let prepared = loyal_proof::ed25519::PreparedKey::new(&vk);
        let honest = sk.sign(&message).to_bytes();
        let (at, byte) = edit;
        let mut edited = honest;
        match at {
            0..=63 => edited[at] ^= byte.max(1),
            64 => edited[..32].copy_from_slice(&random),
            _ => edited[32..].copy_from_slice(&random),
        }
        for sig in [honest, edited] {
            let strict = vk.verify_strict(&message, &Signature::from_bytes(&sig)).is_ok();
            prop_assert_eq!(prepared.verify(&message, &sig), strict);
            prop_assert_eq!(prepared.verify_short_check(&message, &sig), strict);
            prop_assert_eq!(prepared.verify_comb_check(&message, &sig), strict);
        }
        prop_assert!(prepared.verify(&message, &honest));
    }
}
