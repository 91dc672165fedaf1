//! Where a proof's offline verification spends its time (native, release): decoding the text,
//! the policy, the signature. `cargo run --release -p loyal-proof --example breakdown`
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_proof::*;
use std::time::Instant;

fn main() {
    for ecdsa in [false, true] {
        let key = if ecdsa {
            PrivateKey::from_bytes_ecdsa(&[0x42; 32])
        } else {
            PrivateKey::from_bytes_ed25519(&[0x42; 32])
        }
        .unwrap();
        let (twin, medal) = (TokenId::new(0, 0, 2001), TokenId::new(0, 0, 2002));
        let texts: Vec<String> = (0..2000)
            .map(|i| {
                let p = Presentation::new(AccountId::new(0, 0, 1005))
                    .with_audience("https://stillwater.example")
                    .with_purpose("StillWater concert tickets")
                    .with_nonce(format!("bench-nonce-{i:010}"))
                    .with_issued_at(Timestamp::new(1_796_255_100, 0))
                    .with_expires_at(Timestamp::new(1_796_255_400, 0))
                    .with_nft(medal, 250)
                    .with_nft(twin, 1 + i as u64);
                SignedPresentation::sign(p, &key).unwrap().to_text()
            })
            .collect();
        let policy = Policy::new(
            "https://stillwater.example",
            "StillWater concert tickets",
            Timestamp::new(1_796_255_110, 0),
        )
        .with_requirement(
            Requirement::nft(twin)
                .with_where("manufacturer == \"BestProducer\"")
                .unwrap(),
        )
        .with_requirement(
            Requirement::nft(medal)
                .with_where("position <= 500")
                .unwrap(),
        );
        let public = key.public_key();
        let time = |name: &str, f: &dyn Fn(usize)| {
            let start = Instant::now();
            for i in 0..texts.len() {
                f(i);
            }
            let per = start.elapsed().as_secs_f64() / texts.len() as f64 * 1e6;
            println!(
                "{} {name:<28} {per:>8.2} µs",
                if ecdsa { "ECDSA  " } else { "ED25519" }
            );
        };
        time("from_text", &|i| {
            SignedPresentation::from_text(&texts[i]).unwrap();
        });
        let signed: Vec<_> = texts
            .iter()
            .map(|t| SignedPresentation::from_text(t).unwrap())
            .collect();
        time("policy.check", &|i| {
            policy.check(&signed[i].presentation).unwrap()
        });
        time("message()", &|i| {
            std::hint::black_box(signed[i].message());
        });
        time("verify_signature", &|i| {
            signed[i].verify_signature(&public).unwrap()
        });
        time("core (dalek verify_strict)", &|i| {
            let s = &signed[i];
            loyal_core::message::verify_message(&public, &s.message(), &s.signature_map).unwrap()
        });
        if let loyal_core::key::PublicKey::Ed25519(ed) = &public {
            let prepared = ed25519::PreparedKey::new(ed);
            time("verify_signature_prepared", &|i| {
                signed[i].verify_signature_prepared(&prepared).unwrap()
            });
            // The signature checks alone, by each path (wasm32 uses the shorter check on a key's
            // first use, the comb from its second on).
            let parts: Vec<(Vec<u8>, Vec<u8>)> = signed
                .iter()
                .map(|s| {
                    let sig = match &s.signature_map.sig_pair[0].signature {
                        Some(loyal_core::proto::signature_pair::Signature::Ed25519(b)) => b.clone(),
                        _ => unreachable!("an ED25519 signature"),
                    };
                    (loyal_core::message::prefixed_message(&s.message()), sig)
                })
                .collect();
            time("  signature: this target", &|i| {
                assert!(prepared.verify(&parts[i].0, &parts[i].1))
            });
            time("  signature: shorter check", &|i| {
                assert!(prepared.verify_short_check(&parts[i].0, &parts[i].1))
            });
            time("  signature: comb", &|i| {
                assert!(prepared.verify_comb_check(&parts[i].0, &parts[i].1))
            });
            let start = Instant::now();
            for _ in 0..20 {
                ed25519::PreparedKey::new(ed).verify_comb_check(&parts[0].0, &parts[0].1);
            }
            println!(
                "ED25519 {:<28} {:>8.2} µs",
                "  a key's comb built + a check",
                start.elapsed().as_secs_f64() / 20.0 * 1e6
            );
        }
        time("all", &|i| {
            let s = SignedPresentation::from_text(&texts[i]).unwrap();
            policy.check(&s.presentation).unwrap();
            s.verify_signature(&public).unwrap();
        });
    }
}
