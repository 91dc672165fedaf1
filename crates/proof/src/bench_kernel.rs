//! The kernel of `cargo xtask bench proofs`: what a verifier does per proof once the mirror's
//! answers (the holder's key) are cached — decode the `lp1.` text strictly, check the policy
//! (audience, purpose, validity, requirements against the claims) and the HIP-820 signature.
//! The proofs are made here with fixed keys and instants, each by its own holder with its own
//! key (as a verifier sees them: no key twice in a row, nothing learnt from the previous
//! proof); their texts go to the page so the official SDK verifies the very same signatures.

use crate::ed25519::PreparedKey;
use crate::{Policy, Presentation, Requirement, SignedPresentation};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::{PrivateKey, PublicKey};
use loyal_core::time::Timestamp;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct ProofBench {
    texts: Vec<String>,
    /// The holders' keys as the mirror's cached answers give them, one per text.
    keys: Vec<PublicKey>,
    policy: Policy,
}

const AUDIENCE: &str = "https://stillwater.example";
const PURPOSE: &str = "StillWater concert tickets";
const ISSUED: i64 = 1_796_255_100;

#[wasm_bindgen]
impl ProofBench {
    /// `n` proofs by `n` holders, each with its own ED25519 or ECDSA key.
    pub fn create(n: u32, ecdsa: bool) -> ProofBench {
        let secret = |i: u32| {
            let mut seed = [0x42; 32];
            seed[..4].copy_from_slice(&i.to_le_bytes());
            if ecdsa {
                PrivateKey::from_bytes_ecdsa(&seed)
            } else {
                PrivateKey::from_bytes_ed25519(&seed)
            }
            .expect("a valid scalar")
        };
        let (twin, medal) = (TokenId::new(0, 0, 2001), TokenId::new(0, 0, 2002));
        let (texts, keys): (Vec<String>, Vec<PublicKey>) = (0..n)
            .map(|i| {
                let key = secret(i);
                let p = Presentation::new(AccountId::new(0, 0, 5000 + i as u64))
                    .with_audience(AUDIENCE)
                    .with_purpose(PURPOSE)
                    .with_nonce(format!("bench-nonce-{i:010}"))
                    .with_issued_at(Timestamp::new(ISSUED, 0))
                    .with_expires_at(Timestamp::new(ISSUED + 300, 0))
                    .with_nft(medal, 250)
                    .with_nft(twin, 1 + i as u64);
                let text = SignedPresentation::sign(p, &key).expect("valid").to_text();
                (text, key.public_key())
            })
            .unzip();
        let policy = Policy::new(AUDIENCE, PURPOSE, Timestamp::new(ISSUED + 10, 0))
            .with_requirement(
                Requirement::nft(twin)
                    .with_treasury(AccountId::new(0, 0, 1001))
                    .with_where("manufacturer == \"BestProducer\"")
                    .expect("parses"),
            )
            .with_requirement(
                Requirement::nft(medal)
                    .with_where("position <= 500")
                    .expect("parses"),
            );
        ProofBench {
            texts,
            keys,
            policy,
        }
    }

    /// The proofs' text forms.
    pub fn texts(&self) -> Vec<String> {
        self.texts.clone()
    }

    /// The holders' public keys, raw hex (what the mirror's `key` field holds), one per text.
    #[wasm_bindgen(js_name = publicKeys)]
    pub fn public_keys(&self) -> Vec<String> {
        self.keys.iter().map(PublicKey::to_string_raw).collect()
    }

    /// The same without the signature: what decoding and the policy cost.
    #[wasm_bindgen(js_name = decodeAndCheck)]
    pub fn decode_and_check(&self) -> u32 {
        let mut ok = 0;
        for text in &self.texts {
            let checked = SignedPresentation::from_text(text)
                .and_then(|s| self.policy.check(&s.presentation));
            ok += checked.is_ok() as u32;
        }
        ok
    }

    /// Verifies every proof once as `loyal_proof::verify` checks its signature
    /// (`SignedPresentation::verify_signature`: an ED25519 key through the process's
    /// `key_cache`, as `@loyal/hedera` is built); returns how many verified (all, or the
    /// benchmark is void).
    pub fn verify(&self) -> u32 {
        self.each(|s, i| s.verify_signature(&self.keys[i]))
    }

    /// The same with ed25519-dalek's `verify_strict` through loyal-core, as before
    /// `loyal_proof::ed25519`: the comparison.
    #[wasm_bindgen(js_name = verifyDalekStrict)]
    pub fn verify_dalek_strict(&self) -> u32 {
        self.each(|s, i| {
            loyal_core::message::verify_message(&self.keys[i], &s.message(), &s.signature_map)
        })
    }

    /// Each proof verified twice with its holder's key prepared anew (cached key, no comb
    /// yet): a key's first use (the shorter check) and second (its comb built, then used).
    /// Counts the proofs both verifications accepted.
    #[wasm_bindgen(js_name = verifyFirstTwoUses)]
    pub fn verify_first_two_uses(&self) -> u32 {
        self.each(|s, i| match &self.keys[i] {
            PublicKey::Ed25519(ed) => {
                let key = PreparedKey::new(ed);
                s.verify_signature_prepared(&key)?;
                s.verify_signature_prepared(&key)
            }
            key => s
                .verify_signature(key)
                .and_then(|_| s.verify_signature(key)),
        })
    }

    /// As `verify`, with each holder's key parsed from the mirror's hex and prepared again (a
    /// verifier meeting every holder for the first time: both decompressions count too).
    #[wasm_bindgen(js_name = verifyFreshKeys)]
    pub fn verify_fresh_keys(&self) -> u32 {
        self.each(|s, i| {
            let key = &self.keys[i];
            let raw = key.to_string_raw();
            let bytes = hex_bytes(&raw);
            let fresh = match key {
                PublicKey::Ed25519(_) => PublicKey::from_bytes_ed25519(&bytes),
                _ => PublicKey::from_bytes_ecdsa(&bytes),
            }?;
            // Past the key cache: a holder met for the first time.
            crate::ed25519::verify_message(&fresh, &s.message(), &s.signature_map)
        })
    }
}

impl ProofBench {
    fn each(&self, check: impl Fn(&SignedPresentation, usize) -> loyal_core::Result<()>) -> u32 {
        let mut ok = 0;
        for (i, text) in self.texts.iter().enumerate() {
            let verified = SignedPresentation::from_text(text).and_then(|s| {
                self.policy.check(&s.presentation)?;
                check(&s, i).map_err(|e| crate::ProofError::decode(e.to_string()))
            });
            ok += verified.is_ok() as u32;
        }
        ok
    }
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}
