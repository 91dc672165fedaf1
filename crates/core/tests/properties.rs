//! Property tests: every printable value parses back, checksums catch edits, keys survive
//! every string form, and transactions survive encode/decode for arbitrary inputs.
#![cfg(not(target_arch = "wasm32"))]

use loyal_core::{
    hbar::Hbar,
    id::{AccountId, EntityId, LedgerId, NftId, TokenId},
    key::{PrivateKey, PublicKey},
    message,
    time::Timestamp,
    transaction::*,
    transaction_id::TransactionId,
};
use proptest::prelude::*;

const NUM: std::ops::RangeInclusive<u64> = 0..=i64::MAX as u64;

fn ledger() -> impl Strategy<Value = LedgerId> {
    prop_oneof![
        Just(LedgerId::Mainnet),
        Just(LedgerId::Testnet),
        Just(LedgerId::Previewnet),
        Just(LedgerId::Devnet),
        proptest::collection::vec(any::<u8>(), 1..8).prop_map(LedgerId::Other),
    ]
}

fn entity() -> impl Strategy<Value = EntityId> {
    (0..=1000u64, 0..=1000u64, NUM).prop_map(|(s, r, n)| EntityId::new(s, r, n))
}

fn private_key() -> impl Strategy<Value = PrivateKey> {
    (any::<bool>(), any::<[u8; 32]>()).prop_filter_map("valid scalar", |(ed, seed)| {
        if ed {
            PrivateKey::from_bytes_ed25519(&seed).ok()
        } else {
            PrivateKey::from_bytes_ecdsa(&seed).ok()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn entity_ids_round_trip_with_and_without_checksum(id in entity(), ledger in ledger()) {
        prop_assert_eq!(id.to_string().parse::<EntityId>().unwrap(), id);
        let with = id.to_string_with_checksum(&ledger);
        prop_assert_eq!(EntityId::parse_for_ledger(&with, &ledger).unwrap(), id);
        prop_assert_eq!(AccountId::from_proto(&AccountId::from(id).to_proto()).unwrap(), AccountId::from(id));
        prop_assert_eq!(TokenId::from_proto(&TokenId(id).to_proto()).unwrap(), TokenId(id));
        if let Some(hip30) = id.to_hip30(&ledger) {
            prop_assert_eq!(EntityId::from_hip30(&hip30).unwrap(), (ledger, id));
        }
    }

    #[test]
    fn a_changed_digit_or_ledger_breaks_the_checksum(id in entity(), bump in 1..10u64) {
        let checksum = id.checksum(&LedgerId::Mainnet);
        let other = EntityId { num: id.num.wrapping_add(bump) % (i64::MAX as u64), ..id };
        // A single-digit change always changes the checksum (HIP-15's design goal).
        if other.to_string().len() == id.to_string().len()
            && other.to_string().chars().zip(id.to_string().chars()).filter(|(a, b)| a != b).count() == 1
        {
            prop_assert_ne!(other.checksum(&LedgerId::Mainnet), checksum.clone());
        }
        let forged = format!("{}-{}", id, checksum);
        prop_assert!(EntityId::parse_for_ledger(&forged, &LedgerId::Testnet).is_err() || id.checksum(&LedgerId::Testnet) == checksum);
    }

    #[test]
    fn garbage_never_panics(s in "\\PC{0,40}") {
        let _ = s.parse::<EntityId>();
        let _ = s.parse::<AccountId>();
        let _ = s.parse::<NftId>();
        let _ = s.parse::<TransactionId>();
        let _ = s.parse::<Hbar>();
        let _ = s.parse::<PrivateKey>();
        let _ = s.parse::<PublicKey>();
        let _ = EntityId::from_hip30(&s);
        let _ = Transaction::from_bytes(s.as_bytes());
    }

    #[test]
    fn transaction_ids_round_trip(id in entity(), secs in 0..i64::MAX / 2, nanos in 0..1_000_000_000i32, scheduled: bool, nonce in 0..1000i32) {
        let tx = TransactionId::new(AccountId::from(id), Timestamp::new(secs, nanos)).with_scheduled(scheduled).with_nonce(nonce);
        prop_assert_eq!(tx.to_string().parse::<TransactionId>().unwrap(), tx.clone());
        prop_assert_eq!(TransactionId::from_proto(&tx.to_proto()).unwrap(), tx.clone());
        let plain = TransactionId::new(AccountId::from(id), Timestamp::new(secs, nanos));
        prop_assert_eq!(plain.to_mirror_string().parse::<TransactionId>().unwrap(), plain);
    }

    #[test]
    fn hbar_display_round_trips(t: i64) {
        prop_assume!(t != i64::MIN);
        let h = Hbar::from_tinybars(t);
        prop_assert_eq!(h.to_string().parse::<Hbar>().unwrap(), h);
    }

    #[test]
    fn keys_survive_every_string_form_and_sign(key in private_key(), msg in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(&PrivateKey::from_str_der(&key.to_string_der()).unwrap(), &key);
        let public = key.public_key();
        prop_assert_eq!(PublicKey::from_str_der(&public.to_string_der()).unwrap(), public);
        prop_assert_eq!(public.to_string_raw().parse::<PublicKey>().unwrap(), public);
        let sig = key.sign(&msg);
        prop_assert!(public.verify(&msg, &sig).is_ok());
        let mut bad = msg.clone();
        bad.push(1);
        prop_assert!(public.verify(&bad, &sig).is_err());
        let shown = format!("{:?}", key);
        prop_assert!(!shown.contains(key.to_string_raw().as_str()));
        let text = String::from_utf8_lossy(&msg);
        message::verify_message(&public, &text, &message::sign_message(&key, &text)).unwrap();
    }

    #[test]
    fn transfers_round_trip_through_bytes(
        payer in entity(), amounts in proptest::collection::vec((1..1000u64, 1..1_000_000i64), 1..8),
        memo in "[a-zA-Z0-9 ]{0,100}", key in private_key(), nanos in 0..1_000_000_000i32,
    ) {
        let sender = AccountId::new(0, 0, 999_999);
        let mut b = TransferTransaction::new();
        let mut total = 0i64;
        for (account, amount) in &amounts {
            b = b.with_hbar_transfer(AccountId::new(0, 0, *account), Hbar::from_tinybars(*amount));
            total += amount;
        }
        let mut tx = b
            .with_hbar_transfer(sender, Hbar::from_tinybars(-total))
            .with_transaction_id(TransactionId::new(AccountId::from(payer), Timestamp::new(1_700_000_000, nanos)))
            .with_node_account_ids([AccountId::new(0, 0, 3), AccountId::new(0, 0, 4)])
            .with_memo(memo)
            .freeze()
            .unwrap();
        tx.sign(&key);
        let bytes = tx.to_bytes();
        let back = Transaction::from_bytes(&bytes).unwrap();
        prop_assert_eq!(back.to_bytes(), bytes);
        prop_assert_eq!(back.verify_signatures().unwrap(), vec![key.public_key()]);
        prop_assert_eq!(back.hash(), tx.hash());
        prop_assert_eq!(back.node_account_ids().len(), 2);
    }

    #[test]
    fn topic_messages_chunk_and_reassemble(len in 1..8000usize, key in private_key()) {
        let message: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let mut tx = TopicMessageSubmitTransaction::new()
            .with_topic_id("0.0.7007".parse().unwrap())
            .with_message(message.clone())
            .with_transaction_id(TransactionId::new(AccountId::new(0, 0, 2), Timestamp::new(1_700_000_000, 999_999_990)))
            .with_node_account_ids([AccountId::new(0, 0, 3)])
            .freeze()
            .unwrap();
        tx.sign(&key);
        let back = Transaction::from_bytes(&tx.to_bytes()).unwrap();
        let mut reassembled = Vec::new();
        for (i, entry) in back.entries().iter().enumerate() {
            let Some(loyal_core::proto::transaction_body::Data::ConsensusSubmitMessage(m)) = entry.body().unwrap().data else { panic!() };
            let info = m.chunk_info.unwrap();
            prop_assert_eq!(info.number(), i as i32 + 1);
            prop_assert_eq!(info.total() as usize, len.div_ceil(CHUNK_SIZE));
            reassembled.extend(m.message.unwrap());
        }
        prop_assert_eq!(reassembled, message);
        prop_assert!(back.verify_signatures().is_ok());
    }
}
