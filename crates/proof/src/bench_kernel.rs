//! The kernel of `cargo xtask bench proofs`: what a verifier does per proof once the mirror's
//! answers (the holder's key) are cached — decode the `lp1.` text strictly, check the policy
//! (audience, purpose, validity, requirements against the claims) and the HIP-820 signature.
//! The proofs are made here with fixed keys and instants; their texts go to the page so the
//! official SDK verifies the very same signatures.

use crate::{Policy, Presentation, Requirement, SignedPresentation};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::{PrivateKey, PublicKey};
use loyal_core::time::Timestamp;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct ProofBench {
    texts: Vec<String>,
    key: PublicKey,
    policy: Policy,
}

const AUDIENCE: &str = "https://stillwater.example";
const PURPOSE: &str = "StillWater concert tickets";
const ISSUED: i64 = 1_796_255_100;

#[wasm_bindgen]
impl ProofBench {
    /// `n` distinct proofs (nonces differ) by an ED25519 or an ECDSA key.
    pub fn create(n: u32, ecdsa: bool) -> ProofBench {
        let key = if ecdsa {
            PrivateKey::from_bytes_ecdsa(&[0x42; 32])
        } else {
            PrivateKey::from_bytes_ed25519(&[0x42; 32])
        }
        .expect("a fixed valid scalar");
        let (twin, medal) = (TokenId::new(0, 0, 2001), TokenId::new(0, 0, 2002));
        let texts = (0..n)
            .map(|i| {
                let p = Presentation::new(AccountId::new(0, 0, 1005))
                    .with_audience(AUDIENCE)
                    .with_purpose(PURPOSE)
                    .with_nonce(format!("bench-nonce-{i:010}"))
                    .with_issued_at(Timestamp::new(ISSUED, 0))
                    .with_expires_at(Timestamp::new(ISSUED + 300, 0))
                    .with_nft(medal, 250)
                    .with_nft(twin, 1 + i as u64);
                SignedPresentation::sign(p, &key).expect("valid").to_text()
            })
            .collect();
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
            key: key.public_key(),
            policy,
        }
    }

    /// The proofs' text forms.
    pub fn texts(&self) -> Vec<String> {
        self.texts.clone()
    }

    /// The holder's public key, raw hex (what the mirror's `key` field holds).
    #[wasm_bindgen(js_name = publicKey)]
    pub fn public_key(&self) -> String {
        self.key.to_string_raw()
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

    /// Verifies every proof once; returns how many verified (all, or the benchmark is void).
    pub fn verify(&self) -> u32 {
        let mut ok = 0;
        for text in &self.texts {
            let verified = SignedPresentation::from_text(text).and_then(|s| {
                self.policy.check(&s.presentation)?;
                s.verify_signature(&self.key)
                    .map_err(|e| crate::ProofError::decode(e.to_string()))
            });
            ok += verified.is_ok() as u32;
        }
        ok
    }
}
