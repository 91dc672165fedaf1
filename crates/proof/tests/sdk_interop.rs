//! Interop with the official JS SDK (`@hashgraph/sdk`, tests/sdk): proofs whose message the
//! SDK side writes from the documented format and signs as HIP-820 messages verify in Rust
//! against a devnet, ED25519 and ECDSA, from their parts and from the lp1. text; and the SDK
//! verifies the signatures of proofs the Rust library made.

mod common;
use common::*;
use loyal_core::proto::{Message, SignatureMap};
use loyal_proof::*;
use serde_json::{json, Value};

/// Runs tests/sdk/`script` (the official JS SDK) with node.
fn node(script: &str, input: &Value) -> Value {
    loyal_jspeer::Peer::new("sdk", "@hashgraph/sdk", script)
        .with_stdin(input.to_string())
        .json()
}

fn claims_json(p: &Presentation) -> Vec<Value> {
    p.claims
        .iter()
        .map(|c| match c {
            Claim::Nft { token, serial } => {
                json!({"nft": true, "token": token.to_string(), "serial": serial})
            }
            Claim::Fungible { token, min_amount } => {
                json!({"nft": false, "token": token.to_string(), "minAmount": min_amount})
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sdk_signed_proofs_verify_and_the_sdk_verifies_ours() {
    let mut w = World::new().await;
    let (twin, medal, tickets) = (w.twin, w.medal, w.tickets);
    // Claims given out of canonical order: the SDK side sorts them as the format says.
    let alice = w
        .presentation(ALICE)
        .with_fungible(tickets, 2)
        .with_nft(medal, 1)
        .with_nft(twin, 1);
    let bob = w.presentation(BOB).with_nft(medal, 3).with_nft(twin, 2);
    let alice_again = w
        .alice_proof()
        .with_purpose("StillWater — Konzertkarten für Fans 🎸");
    let presentations: Vec<(&str, &Presentation)> = vec![("Alice", &alice), ("Bob", &bob)];
    let ours: Vec<SignedPresentation> = [("Alice", alice_again.clone()), ("Bob", bob.clone())]
        .into_iter()
        .map(|(name, p)| SignedPresentation::sign(p, &key(name)).unwrap())
        .collect();
    let input = json!({
        "keys": {
            "Alice": {"type": "ed25519", "seedHex": hex(&key("Alice").to_bytes_raw())},
            "Bob": {"type": "ecdsa", "seedHex": hex(&key("Bob").to_bytes_raw())},
        },
        "presentations": presentations.iter().map(|(name, p)| json!({
            "key": name,
            "holder": p.holder.to_string(),
            "audience": p.audience,
            "purpose": p.purpose,
            "nonce": p.nonce,
            "issuedAt": p.issued_at.seconds,
            "expiresAt": p.expires_at.seconds,
            "claims": claims_json(p),
        })).collect::<Vec<_>>(),
        "rustProofs": ours.iter().zip(["Alice", "Bob"]).map(|(s, name)| json!({
            "key": name,
            "message": s.message(),
            "sigMap": hex(&s.signature_map.encode_to_vec()),
        })).collect::<Vec<_>>(),
    });
    let report = node("proof.mjs", &input);
    assert_eq!(report["failures"], json!([]), "{report}");
    assert_eq!(report["rustVerified"], 2);

    let proofs = report["proofs"].as_array().unwrap();
    // The SDK side wrote the very message the Rust encoder writes.
    for ((_, p), proof) in presentations.iter().zip(proofs) {
        assert_eq!(proof["message"].as_str().unwrap(), p.message());
    }
    // Alice's (ED25519) from its parts, as a wallet's hedera_signMessage answer arrives.
    let policy = w
        .policy()
        .with_requirement(Requirement::fungible(tickets, 2));
    let map =
        SignatureMap::decode(unhex(proofs[0]["sigMap"].as_str().unwrap()).as_slice()).unwrap();
    let from_parts =
        SignedPresentation::from_parts(proofs[0]["message"].as_str().unwrap(), map).unwrap();
    let verified = w.verify(&from_parts, &policy).await.unwrap();
    assert_eq!((verified.holder, verified.claims.len()), (ALICE, 3));
    // Bob's (ECDSA) from the SDK side's lp1. text.
    let verified = w
        .verify_text(proofs[1]["text"].as_str().unwrap(), &w.policy())
        .await
        .unwrap();
    assert_eq!(verified.public_key, key("Bob").public_key());
    // And ours, which the SDK accepted, verify here too (non-ASCII purpose included).
    let policy = w.policy().with_purpose(alice_again.purpose.clone());
    w.verify(&ours[0], &policy).await.unwrap();
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}
