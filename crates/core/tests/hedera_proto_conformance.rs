//! Conformance with `hedera-proto` (the Rust SDK's types generated from the official protos).
//!
//! The core writes fields the way the JS SDK does (explicit zeros included), so its bytes are
//! a valid but non-canonical encoding; prost-generated types drop zero values when re-encoding.
//! So for every transaction the core builds (the whole SDK corpus, every type) this checks:
//! 1. hedera-proto decodes every layer: TransactionList, Transaction, SignedTransaction,
//!    TransactionBody (and the scheduled body inside ScheduleCreate);
//! 2. the decoded values are the same: hedera-proto's canonical re-encoding, decoded by the
//!    core's types and re-encoded by them, decodes in hedera-proto to an equal value — so no
//!    field is lost, renumbered or re-typed between the two schemas;
//! 3. the canonical form carries the same transaction: equal ids, node, fee, memo and data kind.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use hedera_proto::services as hp;
use loyal_core::proto::{self as lp, Message};

/// hedera-proto decodes `bytes`; its canonical re-encoding decodes in the core's types; the
/// core's re-encoding of that decodes in hedera-proto to the very same value. Compared as
/// values, not bytes: prost writes a oneof at its lowest tag while the core (like the SDK)
/// writes `CustomFee` strictly in tag order — both are valid encodings of one message.
fn canonical_round_trip<H, L>(what: &str, name: &str, bytes: &[u8]) -> (H, L)
where
    H: prost_013::Message + Default + PartialEq + std::fmt::Debug,
    L: Message + Default,
{
    let theirs = H::decode(bytes)
        .unwrap_or_else(|e| panic!("{name}: hedera-proto cannot decode our {what}: {e}"));
    let canonical = theirs.encode_to_vec();
    let ours = L::decode(canonical.as_slice())
        .unwrap_or_else(|e| panic!("{name}: core cannot decode canonical {what}: {e}"));
    let back = H::decode(ours.encode_to_vec().as_slice())
        .unwrap_or_else(|e| panic!("{name}: {what}: {e}"));
    assert_eq!(
        back, theirs,
        "{name}: {what} differs between the core's schema and hedera-proto's"
    );
    (theirs, ours)
}

#[test]
fn every_core_transaction_decodes_and_round_trips_through_hedera_proto() {
    let corpus = common::corpus();
    let mut checked = 0;
    for case in corpus.json["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let tx = corpus.build(case).unwrap();
        let bytes = tx.to_bytes();
        let (list, _) = canonical_round_trip::<
            hedera_proto::sdk::TransactionList,
            lp::TransactionList,
        >("TransactionList", name, &bytes);
        assert_eq!(list.transaction_list.len(), tx.entries().len(), "{name}");
        for (entry, t) in tx.entries().iter().zip(&list.transaction_list) {
            let (signed, _) = canonical_round_trip::<hp::SignedTransaction, lp::SignedTransaction>(
                "SignedTransaction",
                name,
                &t.signed_transaction_bytes,
            );
            assert_eq!(signed.body_bytes, entry.body_bytes(), "{name}: body bytes");
            let sig_count = signed.sig_map.as_ref().map_or(0, |m| m.sig_pair.len());
            assert_eq!(
                sig_count,
                entry.signature_map().sig_pair.len(),
                "{name}: signatures"
            );
            let (body, ours) = canonical_round_trip::<hp::TransactionBody, lp::TransactionBody>(
                "TransactionBody",
                name,
                &signed.body_bytes,
            );
            let id = body.transaction_id.as_ref().expect("transaction id");
            assert_eq!(
                id.account_id.as_ref().and_then(|a| a.account.clone()),
                Some(hp::account_id::Account::AccountNum(
                    entry.transaction_id().account_id.num as i64
                )),
                "{name}"
            );
            assert_eq!(
                id.transaction_valid_start.unwrap().seconds,
                entry.transaction_id().valid_start.seconds,
                "{name}"
            );
            assert_eq!(body.transaction_fee, ours.transaction_fee(), "{name}");
            assert_eq!(body.memo, ours.memo(), "{name}");
            assert!(
                body.data.is_some() && ours.data.is_some(),
                "{name}: body has no data"
            );
            if let Some(hp::transaction_body::Data::ScheduleCreate(s)) = &body.data {
                let inner = prost_013::Message::encode_to_vec(
                    s.scheduled_transaction_body
                        .as_ref()
                        .expect("scheduled body"),
                );
                canonical_round_trip::<
                    hp::SchedulableTransactionBody,
                    lp::SchedulableTransactionBody,
                >("SchedulableTransactionBody", name, &inner);
            }
            checked += 1;
        }
    }
    assert!(checked >= 45, "only {checked} entries checked");
}

#[test]
fn response_codes_match_hedera_proto_by_number_and_name() {
    let mut seen = 0;
    for n in 0..2000 {
        let theirs = hp::ResponseCodeEnum::try_from(n).ok();
        let ours = lp::ResponseCodeEnum::try_from(n).ok();
        match (theirs, ours) {
            (None, None) => {}
            (Some(t), Some(o)) => {
                assert_eq!(t.as_str_name(), o.as_str_name(), "code {n}");
                assert_eq!(
                    lp::ResponseCodeEnum::from_str_name(t.as_str_name()),
                    Some(o)
                );
                seen += 1;
            }
            (t, o) => panic!(
                "code {n}: hedera-proto {:?} vs core {:?}",
                t.map(|c| c.as_str_name()),
                o.map(|c| c.as_str_name())
            ),
        }
    }
    assert_eq!(seen, lp::RESPONSE_CODE_COUNT);
}
