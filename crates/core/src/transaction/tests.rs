//! Build-time validation: every invalid input is a typed error before any network round trip.
//! These run natively and in headless Chromium.

use super::*;
use crate::{hbar::Hbar, id::*, key::PrivateKey, time::Timestamp, transaction_id::TransactionId};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

fn id() -> TransactionId {
    TransactionId::new(AccountId::new(0, 0, 1001), Timestamp::new(1_700_000_000, 1))
}

fn ready<D: TransactionData>(b: Builder<D>) -> Builder<D> {
    b.with_transaction_id(id())
        .with_node_account_ids([AccountId::new(0, 0, 3)])
}

fn code<T: std::fmt::Debug>(r: crate::Result<T>) -> &'static str {
    r.expect_err("must be rejected").code()
}

fn transfer() -> TransferTransaction {
    ready(TransferTransaction::new())
        .with_hbar_transfer(AccountId::new(0, 0, 1001), Hbar::from_tinybars(-5))
        .with_hbar_transfer(AccountId::new(0, 0, 1002), Hbar::from_tinybars(5))
}

#[test]
fn common_fields_are_checked() {
    assert!(transfer().freeze().is_ok());
    assert_eq!(
        code(transfer().with_memo("x".repeat(101)).freeze()),
        "MEMO_TOO_LONG"
    );
    assert!(
        transfer().with_memo("é".repeat(50)).freeze().is_ok(),
        "100 bytes is allowed"
    );
    assert_eq!(code(transfer().with_memo("a\0b").freeze()), "INVALID_FIELD");
    assert_eq!(
        code(
            TransferTransaction::new()
                .with_node_account_ids([AccountId::new(0, 0, 3)])
                .freeze()
        ),
        "MISSING_FIELD"
    );
    assert_eq!(
        code(transfer().with_node_account_ids([]).freeze()),
        "MISSING_FIELD"
    );
    let too_long =
        transfer().with_transaction_valid_duration(crate::time::Duration::from_secs(181));
    assert_eq!(code(too_long.freeze()), "INVALID_FIELD");
    assert_eq!(
        code(
            transfer()
                .with_max_transaction_fee(Hbar::from_tinybars(-1))
                .freeze()
        ),
        "INVALID_FIELD"
    );
}

#[test]
fn transfers_must_balance_and_exist() {
    assert_eq!(
        code(ready(TransferTransaction::new()).freeze()),
        "UNBALANCED_TRANSFER"
    );
    let unbalanced = ready(TransferTransaction::new())
        .with_hbar_transfer(AccountId::new(0, 0, 1002), Hbar::new(1));
    assert_eq!(code(unbalanced.freeze()), "UNBALANCED_TRANSFER");
    let token = TokenId::new(0, 0, 5);
    let tokens = ready(TransferTransaction::new())
        .with_token_transfer(token, AccountId::new(0, 0, 1), -3)
        .with_token_transfer(token, AccountId::new(0, 0, 2), 2);
    assert_eq!(code(tokens.freeze()), "UNBALANCED_TRANSFER");
    let nft = NftId::new(TokenId::new(0, 0, 6), 1);
    let to_self = ready(TransferTransaction::new()).with_nft_transfer(
        nft,
        AccountId::new(0, 0, 1),
        AccountId::new(0, 0, 1),
    );
    assert_eq!(code(to_self.freeze()), "UNBALANCED_TRANSFER");
    // Repeated accounts merge, so +5 -2 -3 on two accounts balances.
    let merged = ready(TransferTransaction::new())
        .with_hbar_transfer(AccountId::new(0, 0, 1), Hbar::from_tinybars(5))
        .with_hbar_transfer(AccountId::new(0, 0, 2), Hbar::from_tinybars(-2))
        .with_hbar_transfer(AccountId::new(0, 0, 2), Hbar::from_tinybars(-3));
    assert_eq!(merged.data().hbar.len(), 2);
    assert!(merged.freeze().is_ok());
}

#[test]
fn airdrops_are_limited_to_ten_transfers() {
    let token = TokenId::new(0, 0, 5);
    let mut b = ready(TokenAirdropTransaction::new()).with_token_transfer(
        token,
        AccountId::new(0, 0, 1),
        -10,
    );
    for n in 0..9 {
        b = b.with_token_transfer(token, AccountId::new(0, 0, 100 + n), 1);
    }
    assert_eq!(
        code(b.clone().freeze()),
        "UNBALANCED_TRANSFER",
        "10 movements but -10 +9"
    );
    let b = b.with_token_transfer(token, AccountId::new(0, 0, 1), 1);
    assert!(b.clone().freeze().is_ok(), "exactly 10 movements");
    let b = b
        .with_token_transfer(token, AccountId::new(0, 0, 200), 1)
        .with_token_transfer(token, AccountId::new(0, 0, 1), -1);
    assert_eq!(code(b.freeze()), "INVALID_FIELD");
    let claim = ready(TokenClaimAirdropTransaction::new());
    assert_eq!(code(claim.freeze()), "MISSING_FIELD");
}

#[test]
fn token_rules_are_checked() {
    let base = || {
        ready(TokenCreateTransaction::new())
            .with_name("Ticket")
            .with_symbol("TIX")
            .with_treasury(AccountId::new(0, 0, 9))
    };
    assert!(base().freeze().is_ok());
    assert_eq!(
        code(
            ready(TokenCreateTransaction::new())
                .with_symbol("X")
                .freeze()
        ),
        "MISSING_FIELD"
    );
    assert_eq!(
        code(base().with_name("n".repeat(101)).freeze()),
        "INVALID_FIELD"
    );
    assert_eq!(
        code(base().with_supply_type(TokenSupplyType::Finite).freeze()),
        "INVALID_FIELD"
    );
    let over = base()
        .with_supply_type(TokenSupplyType::Finite)
        .with_max_supply(5)
        .with_initial_supply(6);
    assert_eq!(code(over.freeze()), "INVALID_FIELD");
    let nft = base().with_token_type(TokenType::NonFungibleUnique);
    assert_eq!(
        code(nft.clone().freeze()),
        "MISSING_FIELD",
        "an NFT collection needs a supply key"
    );
    let key = PrivateKey::from_bytes_ed25519(&[9; 32])
        .unwrap()
        .public_key();
    assert_eq!(
        code(nft.clone().with_supply_key(key).with_decimals(2).freeze()),
        "INVALID_FIELD"
    );
    let royalty_on_ft = base().with_custom_fees(vec![CustomFee {
        kind: FeeKind::Royalty {
            numerator: 1,
            denominator: 10,
            fallback: None,
        },
        fee_collector: AccountId::new(0, 0, 9),
        all_collectors_are_exempt: false,
    }]);
    assert_eq!(code(royalty_on_ft.freeze()), "INVALID_FIELD");
    let bad_fraction = nft.with_supply_key(key).with_custom_fees(vec![CustomFee {
        kind: FeeKind::Royalty {
            numerator: 3,
            denominator: 2,
            fallback: None,
        },
        fee_collector: AccountId::new(0, 0, 9),
        all_collectors_are_exempt: false,
    }]);
    assert_eq!(code(bad_fraction.freeze()), "INVALID_FIELD");
}

#[test]
fn mint_burn_and_metadata_limits() {
    let token = TokenId::new(0, 0, 5);
    let mint = || ready(TokenMintTransaction::new()).with_token_id(token);
    assert!(mint()
        .with_metadata(vec![vec![1; 100]; 10])
        .freeze()
        .is_ok());
    assert_eq!(
        code(mint().with_metadata(vec![vec![1; 101]]).freeze()),
        "INVALID_FIELD"
    );
    assert_eq!(
        code(mint().with_metadata(vec![vec![1]; 11]).freeze()),
        "INVALID_FIELD"
    );
    assert_eq!(
        code(mint().with_amount(1).with_metadata(vec![vec![1]]).freeze()),
        "INVALID_FIELD"
    );
    assert_eq!(
        code(ready(TokenMintTransaction::new()).freeze()),
        "MISSING_FIELD"
    );
    let burn = ready(TokenBurnTransaction::new())
        .with_token_id(token)
        .with_serials([0]);
    assert_eq!(code(burn.freeze()), "INVALID_FIELD");
    let update = ready(TokenUpdateNftsTransaction::new()).with_token_id(token);
    assert_eq!(code(update.freeze()), "MISSING_FIELD");
}

#[test]
fn oversize_transactions_and_messages_are_refused() {
    // 26 entries of 200 bytes of association list overflows 6,144 bytes.
    let many: Vec<TokenId> = (0..700)
        .map(|n| TokenId::new(0, 0, 1_000_000_000 + n))
        .collect();
    let big = ready(TokenAssociateTransaction::new())
        .with_account_id(AccountId::new(0, 0, 1))
        .with_token_ids(many);
    assert_eq!(code(big.freeze()), "TRANSACTION_TOO_LARGE");
    let topic = || ready(TopicMessageSubmitTransaction::new()).with_topic_id(TopicId::new(0, 0, 7));
    assert_eq!(code(topic().freeze()), "MISSING_FIELD");
    assert_eq!(
        code(topic().with_message(vec![0; 20 * 1024 + 1]).freeze()),
        "INVALID_FIELD"
    );
    let tx = topic().with_message(vec![7; 3000]).freeze().unwrap();
    assert_eq!(tx.entries().len(), 3);
    assert_eq!(
        tx.entries()[2].transaction_id().valid_start,
        Timestamp::new(1_700_000_000, 3)
    );
}

#[test]
#[cfg(feature = "ecdsa")]
fn signing_is_idempotent_and_external_signers_are_checked() {
    let key = PrivateKey::from_bytes_ed25519(&[1; 32]).unwrap();
    let other = PrivateKey::from_bytes_ecdsa(&[2; 32]).unwrap();
    let mut tx = transfer()
        .with_node_account_ids([AccountId::new(0, 0, 3), AccountId::new(0, 0, 4)])
        .freeze()
        .unwrap();
    tx.sign(&key).sign(&key);
    assert!(tx
        .entries()
        .iter()
        .all(|e| e.signature_map().sig_pair.len() == 1));
    let err = tx
        .sign_with(&other.public_key(), |body| Ok(key.sign(body)))
        .unwrap_err();
    assert_eq!(err.code(), "SIGNER");
    let err = tx
        .sign_with(&other.public_key(), |_| Err("user rejected".into()))
        .unwrap_err();
    assert_eq!(err.code(), "SIGNER");
    assert!(
        tx.entries()
            .iter()
            .all(|e| e.signature_map().sig_pair.len() == 1),
        "a failed signer adds nothing"
    );
    tx.sign_with(&other.public_key(), |body| Ok(other.sign(body)))
        .unwrap();
    assert_eq!(
        tx.verify_signatures().unwrap(),
        vec![key.public_key(), other.public_key()]
    );
    assert_eq!(
        tx.for_node(&AccountId::new(0, 0, 4))
            .unwrap()
            .entries()
            .len(),
        1
    );
    assert_ne!(
        tx.hash_for_node(&AccountId::new(0, 0, 3)),
        tx.hash_for_node(&AccountId::new(0, 0, 4))
    );
    assert_eq!(code(Transaction::from_bytes(&[0x0a, 0x02, 0x2a])), "DECODE");
    assert_eq!(code(Transaction::from_bytes(&[])), "DECODE");
}

#[test]
fn schedules_wrap_schedulable_builders_only() {
    let inner = TokenMintTransaction::new()
        .with_token_id(TokenId::new(0, 0, 5))
        .with_amount(3);
    let s = ready(ScheduleCreateTransaction::new())
        .with_scheduled_transaction(&inner)
        .unwrap();
    assert!(s.freeze().is_ok());
    let nested = ScheduleCreateTransaction::new().with_scheduled_transaction(
        &ScheduleSignTransaction::new().with_schedule_id(ScheduleId::new(0, 0, 1)),
    );
    assert_eq!(nested.unwrap_err().code(), "INVALID_FIELD");
    assert_eq!(
        code(ready(ScheduleCreateTransaction::new()).freeze()),
        "MISSING_FIELD"
    );
}

#[test]
#[cfg(feature = "ecdsa")]
fn signatures_made_elsewhere_are_verified_before_they_are_added() {
    let key = PrivateKey::generate_ed25519(&mut rand_core::OsRng);
    let ecdsa = PrivateKey::generate_ecdsa(&mut rand_core::OsRng).unwrap();
    assert_ne!(
        key.public_key(),
        PrivateKey::generate_ed25519(&mut rand_core::OsRng).public_key()
    );
    let mut tx = transfer()
        .with_node_account_ids([AccountId::new(0, 0, 3), AccountId::new(0, 0, 4)])
        .freeze()
        .unwrap();
    let sigs: Vec<Vec<u8>> = tx
        .entries()
        .iter()
        .map(|e| ecdsa.sign(e.body_bytes()))
        .collect();
    assert_eq!(
        tx.add_signature(&ecdsa.public_key(), &sigs[..1])
            .unwrap_err()
            .code(),
        "INVALID_SIGNATURE"
    );
    let swapped = vec![sigs[1].clone(), sigs[0].clone()];
    assert_eq!(
        tx.add_signature(&ecdsa.public_key(), &swapped)
            .unwrap_err()
            .code(),
        "INVALID_SIGNATURE"
    );
    tx.add_signature(&ecdsa.public_key(), &sigs).unwrap();
    tx.sign(&key);
    assert_eq!(
        tx.verify_signatures().unwrap(),
        vec![ecdsa.public_key(), key.public_key()]
    );
}

#[test]
fn signing_bytes_equals_decoding_signing_and_encoding() {
    let key = PrivateKey::from_bytes_ed25519(&[1; 32]).unwrap();
    let other = PrivateKey::from_bytes_ed25519(&[2; 32]).unwrap();
    let mut tx = transfer()
        .with_node_account_ids([AccountId::new(0, 0, 3), AccountId::new(0, 0, 4)])
        .freeze()
        .unwrap();
    let signed = sign_bytes(&tx.to_bytes(), &key).unwrap();
    tx.sign(&key);
    assert_eq!(signed, tx.to_bytes());
    // Again with the same key: the same bytes; with a second key: both signatures, in order.
    assert_eq!(sign_bytes(&signed, &key).unwrap(), signed);
    let both = sign_bytes(&signed, &other).unwrap();
    tx.sign(&other);
    assert_eq!(both, tx.to_bytes());
    assert_eq!(
        Transaction::from_bytes(&both)
            .unwrap()
            .verify_signatures()
            .unwrap(),
        vec![key.public_key(), other.public_key()]
    );
    // One `Transaction` (not a list) and the deprecated bodyBytes/sigMap form are read too.
    use crate::proto;
    use prost::Message as _;
    let single = tx.for_node(&AccountId::new(0, 0, 3)).unwrap().entries()[0].clone();
    let one = single.to_proto().encode_to_vec();
    assert_eq!(
        sign_bytes(&one, &key).unwrap(),
        proto::TransactionList {
            transaction_list: vec![single.to_proto()]
        }
        .encode_to_vec()
    );
    let deprecated = proto::Transaction {
        body_bytes: Some(single.body_bytes().to_vec()),
        sig_map: Some(proto::SignatureMap::default()),
        ..Default::default()
    };
    let from_deprecated = sign_bytes(&deprecated.encode_to_vec(), &key).unwrap();
    assert_eq!(
        Transaction::from_bytes(&from_deprecated)
            .unwrap()
            .verify_signatures()
            .unwrap(),
        vec![key.public_key()]
    );
    assert_eq!(code(sign_bytes(&[0x0a, 0x02, 0x2a], &key)), "DECODE");
    assert_eq!(code(sign_bytes(&[], &key)), "DECODE");
}

#[test]
fn signing_bytes_reads_the_envelope_as_protobuf_does() {
    use crate::proto;
    use prost::Message as _;
    let key = PrivateKey::from_bytes_ed25519(&[1; 32]).unwrap();
    let other = PrivateKey::from_bytes_ed25519(&[2; 32]).unwrap();
    let tx = transfer().freeze().unwrap();
    let entry = tx.entries()[0].clone();
    let list = |signed: Vec<u8>| {
        proto::TransactionList {
            transaction_list: vec![proto::Transaction {
                signed_transaction_bytes: Some(signed),
                ..Default::default()
            }],
        }
        .encode_to_vec()
    };
    let signed = |sig_map: Vec<u8>, extra: &[u8]| {
        let mut s = Vec::new();
        prost::encoding::bytes::encode(1, &entry.body_bytes().to_vec(), &mut s);
        prost::encoding::bytes::encode(2, &sig_map, &mut s);
        s.extend_from_slice(extra);
        s
    };
    // Another signer's pair written with its fields out of order: kept byte for byte (a signer
    // does not rewrite others' signatures), and the result decodes to both signatures.
    let sig = other.sign(entry.body_bytes());
    let mut pair = Vec::new();
    prost::encoding::bytes::encode(3, &sig, &mut pair);
    prost::encoding::bytes::encode(1, &other.public_key().to_bytes_raw(), &mut pair);
    let mut map = Vec::new();
    prost::encoding::bytes::encode(1, &pair, &mut map);
    let out = sign_bytes(&list(signed(map.clone(), &[])), &key).unwrap();
    let decoded = proto::TransactionList::decode(out.as_slice()).unwrap();
    let raw = decoded.transaction_list[0]
        .signed_transaction_bytes
        .clone()
        .unwrap();
    assert!(
        raw.windows(map.len() - 2).any(|w| w == &map[2..]),
        "the other pair's bytes are kept"
    );
    assert_eq!(
        Transaction::from_bytes(&out)
            .unwrap()
            .verify_signatures()
            .unwrap(),
        vec![other.public_key(), key.public_key()]
    );
    // An unknown field is skipped, as prost skips it; the flag survives.
    let flagged = signed(Vec::new(), &[0x18, 0x01, 0x7a, 0x01, 0x00]);
    let out = sign_bytes(&list(flagged.clone()), &key).unwrap();
    let mut via_decode = Transaction::from_bytes(&list(flagged)).unwrap();
    via_decode.sign(&key);
    assert_eq!(out, via_decode.to_bytes());
    let st = proto::SignedTransaction::decode(
        proto::TransactionList::decode(out.as_slice())
            .unwrap()
            .transaction_list[0]
            .signed_transaction_bytes
            .as_deref()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(st.use_serialized_tx_message_hash_algorithm, Some(true));
    // What prost refuses is refused: a varint past 64 bits, field number 0, a known field
    // with the wrong wire type, a length past the end; and groups, which no HAPI message has.
    for bad in [
        list(
            [
                0x0a, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02,
            ]
            .to_vec(),
        ),
        list([0x02, 0x00].to_vec()),
        list(signed(Vec::new(), &[0x10, 0x01])),
        list(signed(Vec::new(), &[0x2b, 0x08, 0x05, 0x2c])),
        [0x0b].to_vec(),
        [0x0a, 0x05, 0x01].to_vec(),
    ] {
        assert_eq!(code(sign_bytes(&bad, &key)), "DECODE", "{bad:02x?}");
    }
}

#[test]
fn a_shallow_read_takes_ids_and_node_and_leaves_the_content_as_bytes() {
    let key = PrivateKey::from_bytes_ed25519(&[1; 32]).unwrap();
    let mut tx = ready(transfer())
        .with_node_account_ids([AccountId::new(0, 0, 3), AccountId::new(0, 0, 4)])
        .freeze()
        .unwrap();
    let bytes = tx.to_bytes();
    let shallow = Transaction::from_bytes_shallow(&bytes).unwrap();
    assert_eq!(shallow, Transaction::from_bytes(&bytes).unwrap());
    let entry = &shallow.entries()[0];
    assert_eq!(entry.header().unwrap().memo, entry.body().unwrap().memo);
    assert_eq!(
        entry.body_fields().unwrap().last(),
        Some(&crate::proto::transaction_body::tag::CryptoTransfer)
    );
    tx.sign(&key);
    let mut read = Transaction::from_bytes_shallow(&bytes).unwrap();
    read.sign(&key);
    assert_eq!(read.to_bytes(), tx.to_bytes());
    // Content that does not decode (a CryptoTransfer whose field 1 is a varint) is left to
    // whoever decodes it; the envelope and the shared fields must still be sound.
    let body = entry.body_bytes().to_vec();
    let mut bad = body.clone();
    bad.extend_from_slice(&[14 << 3 | 2, 2, 1 << 3, 1]);
    let list = crate::proto::TransactionList {
        transaction_list: vec![crate::proto::Transaction {
            body_bytes: Some(bad),
            ..Default::default()
        }],
    };
    let list = prost::Message::encode_to_vec(&list);
    assert_eq!(code(Transaction::from_bytes(&list)), "DECODE");
    assert!(Transaction::from_bytes_shallow(&list).is_ok());
    assert_eq!(
        code(Transaction::from_bytes_shallow(&[0x0a, 0x02, 0x2a])),
        "DECODE"
    );
}
