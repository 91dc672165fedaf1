//! Byte-for-byte conformance with the official JS SDK (`@hashgraph/sdk`, pinned in
//! tests/sdk/package-lock.json). The SDK builds the corpus live in Node; the core must
//! build the same bytes, decode the SDK's bytes, verify their signatures and re-encode them
//! unchanged — and the SDK must accept what the core makes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use loyal_core::{key::PublicKey, message, proto, proto::Message, transaction::Transaction};
use serde_json::{json, Value};

#[test]
fn core_builds_the_sdk_corpus_byte_for_byte() {
    let corpus = common::corpus();
    let cases = corpus.json["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "corpus has only {} cases", cases.len());
    let mut mismatches = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let sdk = hex::decode(case["bytes"].as_str().unwrap()).unwrap();
        match corpus.build(case) {
            Ok(tx) if tx.to_bytes() == sdk => {}
            Ok(tx) => {
                let core = tx.to_bytes();
                let at = sdk
                    .iter()
                    .zip(&core)
                    .position(|(a, b)| a != b)
                    .unwrap_or(sdk.len().min(core.len()));
                let window =
                    |b: &[u8]| hex::encode(&b[at.saturating_sub(8)..(at + 16).min(b.len())]);
                mismatches.push(format!(
                    "{name}: first difference at byte {at}: sdk ..{}.. core ..{}..\n--- sdk\n{}\n--- core\n{}",
                    window(&sdk),
                    window(&core),
                    common::describe(&sdk),
                    common::describe(&core)
                ))
            }
            Err(e) => mismatches.push(format!("{name}: core refused to build it: {e}")),
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} cases differ:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches.join("\n")
    );
}

#[test]
fn core_decodes_verifies_and_reencodes_every_sdk_transaction() {
    let corpus = common::corpus();
    for case in corpus.json["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let sdk = hex::decode(case["bytes"].as_str().unwrap()).unwrap();
        let tx = Transaction::from_bytes(&sdk).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(tx.to_bytes(), sdk, "{name}: re-encoding changed the bytes");
        let signers = tx
            .verify_signatures()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected: Vec<PublicKey> = {
            let mut keys: Vec<PublicKey> = Vec::new();
            for s in case["signers"].as_array().unwrap() {
                let k = corpus.keys[s.as_str().unwrap()].public_key();
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
            keys
        };
        assert_eq!(signers, expected, "{name}: signers");
        assert_eq!(
            tx.transaction_id().to_string().split('@').next(),
            case["payer"].as_str(),
            "{name}"
        );
        // A tampered body must fail verification.
        if !expected.is_empty() {
            let mut bytes = sdk.clone();
            let list = proto::TransactionList::decode(bytes.as_slice()).unwrap();
            let signed = proto::SignedTransaction::decode(
                list.transaction_list[0].signed_transaction_bytes(),
            )
            .unwrap();
            let body = signed.body_bytes().to_vec();
            let pos = find(&bytes, &body).expect("body bytes appear in the serialized transaction");
            bytes[pos + body.len() - 1] ^= 0x01;
            let tampered = Transaction::from_bytes(&bytes);
            assert!(
                tampered
                    .map(|t| t.verify_signatures().is_err())
                    .unwrap_or(true),
                "{name}: tampering went unnoticed"
            );
        }
    }
}

#[test]
fn sdk_message_signatures_verify_in_the_core() {
    let corpus = common::corpus();
    let messages = corpus.json["messages"].as_array().unwrap();
    assert!(messages.len() >= 6);
    for m in messages {
        let key = corpus.keys[m["key"].as_str().unwrap()].public_key();
        let text = m["message"].as_str().unwrap();
        let map = proto::SignatureMap::decode(
            hex::decode(m["sigMap"].as_str().unwrap())
                .unwrap()
                .as_slice(),
        )
        .unwrap();
        message::verify_message(&key, text, &map)
            .unwrap_or_else(|e| panic!("{text:?} by {}: {e}", m["key"]));
        assert!(message::verify_message(&key, &format!("{text}!"), &map).is_err());
    }
}

#[test]
fn sdk_accepts_what_the_core_makes() {
    let corpus = common::corpus();
    let mut transactions = Vec::new();
    for case in corpus.json["cases"].as_array().unwrap() {
        let tx = corpus.build(case).unwrap();
        let signers: Vec<String> = case["signers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                corpus.keys[s.as_str().unwrap()]
                    .public_key()
                    .to_string_der()
            })
            .collect();
        transactions.push(json!({ "name": case["name"], "bytes": hex::encode(tx.to_bytes()), "signers": signers }));
    }
    let mut messages = Vec::new();
    for (name, key) in &corpus.keys {
        for text in ["core-signed: Alice presents her NFTs to StillWater", "ü"] {
            let map = message::sign_message(key, text);
            messages.push(json!({ "key": name, "publicDer": key.public_key().to_string_der(), "message": text, "sigMap": hex::encode(map.encode_to_vec()) }));
        }
    }
    let input = json!({ "transactions": transactions, "messages": messages }).to_string();
    let report: Value = serde_json::from_str(&common::node("verify.mjs", Some(&input))).unwrap();
    assert_eq!(
        report["failures"],
        json!([]),
        "the SDK rejected core output: {report}"
    );
    assert_eq!(
        report["transactions"].as_u64(),
        Some(transactions.len() as u64)
    );
    assert_eq!(report["messages"].as_u64(), Some(messages.len() as u64));
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
