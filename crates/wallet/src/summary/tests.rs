use super::*;
use loyal_core::id::NftId;
use loyal_core::time::Timestamp;
use loyal_core::transaction::{TokenMintTransaction, TransferTransaction};

pub fn alice() -> AccountId {
    AccountId::new(0, 0, 1005)
}
pub fn bob() -> AccountId {
    AccountId::new(0, 0, 1006)
}
const START: Timestamp = Timestamp::new(1_796_255_100, 7);

pub fn hbar_transfer(payer: AccountId, nodes: &[u64]) -> Transaction {
    TransferTransaction::new()
        .with_hbar_transfer(alice(), Hbar::new(-1))
        .with_hbar_transfer(bob(), Hbar::new(1))
        .with_transaction_id(TransactionId::new(payer, START))
        .with_node_account_ids(nodes.iter().map(|n| AccountId::new(0, 0, *n)))
        .with_memo("for the concert")
        .freeze()
        .unwrap()
}

fn value<'a>(s: &'a Summary, label: &str) -> &'a str {
    &s.rows
        .iter()
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("no row {label}: {:?}", s.rows))
        .value
}

#[test]
fn an_hbar_transfer_in_words() {
    let (_, s, id) = of_list(&hbar_transfer(alice(), &[3, 4]).to_bytes()).unwrap();
    assert_eq!(id.account_id, alice());
    assert_eq!((s.kind, s.title), ("CryptoTransfer", "Transfer"));
    assert_eq!(s.payer, "0.0.1005");
    assert_eq!(s.transaction_id, "0.0.1005@1796255100.000000007");
    assert_eq!(s.valid_start, "2026-12-02T23:45:00Z");
    assert_eq!(s.valid_seconds, 120);
    assert_eq!(s.nodes, vec!["0.0.3", "0.0.4"]);
    assert_eq!(s.max_fee, "1 ℏ");
    assert_eq!(s.memo, "for the concert");
    assert_eq!(value(&s, "ℏ 0.0.1005"), "-1 ℏ");
    assert_eq!(value(&s, "ℏ 0.0.1006"), "1 ℏ");
}

#[test]
fn an_nft_and_a_fungible_transfer_in_token_units() {
    let twin = TokenId::new(0, 0, 2001);
    let tickets = TokenId::new(0, 0, 2002);
    let tx = TransferTransaction::new()
        .with_nft_transfer(NftId::new(twin, 7), alice(), bob())
        .with_token_transfer_with_decimals(tickets, alice(), -150, 2)
        .with_token_transfer_with_decimals(tickets, bob(), 150, 2)
        .with_transaction_id(TransactionId::new(alice(), START))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .freeze()
        .unwrap();
    let (_, s, _) = of_list(&tx.to_bytes()).unwrap();
    assert_eq!(value(&s, "NFT 0.0.2001 #7"), "0.0.1005 → 0.0.1006");
    assert_eq!(value(&s, "Token 0.0.2002 0.0.1005"), "-1.5");
    assert_eq!(value(&s, "Token 0.0.2002 0.0.1006"), "1.5");
}

#[test]
fn units_without_decimals_say_so() {
    assert_eq!(token_units(2, None), "2 (smallest unit)");
    assert_eq!(token_units(200, Some(2)), "2");
    assert_eq!(token_units(-5, Some(3)), "-0.005");
    assert_eq!(token_units(7, Some(0)), "7");
}

#[test]
fn a_mint_shows_its_metadata() {
    let tx = TokenMintTransaction::new()
        .with_token_id(TokenId::new(0, 0, 5005))
        .with_metadata([b"ipfs://bafkreitwin".to_vec()])
        .with_transaction_id(TransactionId::new(alice(), START))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .freeze()
        .unwrap();
    let (_, s, _) = of_list(&tx.to_bytes()).unwrap();
    assert_eq!(s.kind, "TokenMint");
    assert_eq!(value(&s, "NFT 1 metadata"), "ipfs://bafkreitwin");
}

#[test]
fn a_single_body_decodes_too() {
    let tx = hbar_transfer(alice(), &[3]);
    let (_, s, _) = of_body(tx.entries()[0].body_bytes()).unwrap();
    assert_eq!(s.nodes, vec!["0.0.3"]);
    assert_eq!(value(&s, "ℏ 0.0.1006"), "1 ℏ");
}

#[test]
fn bytes_that_do_not_decode_are_refused() {
    for bad in [&b"\xff\xff\xff"[..], b"", b"\x0a\x02\x0a\x00"] {
        let err = of_list(bad).unwrap_err();
        assert_eq!(err.code(), "UNDECODABLE_TRANSACTION", "{bad:?}: {err}");
    }
    // A body with no transaction type at all.
    let empty = proto::TransactionBody {
        transaction_id: Some(TransactionId::new(alice(), START).to_proto()),
        node_account_id: Some(AccountId::new(0, 0, 3).to_proto()),
        ..Default::default()
    };
    assert_eq!(
        of_body(&empty.encode_to_vec()).unwrap_err().code(),
        "UNDECODABLE_TRANSACTION"
    );
    assert_eq!(
        of_body(b"\xff").unwrap_err().code(),
        "UNDECODABLE_TRANSACTION"
    );
}

#[test]
fn entries_that_differ_in_intent_are_refused() {
    // Two lists for two nodes, spliced: same payer and node set, different amounts.
    let a = hbar_transfer(alice(), &[3]);
    let b = TransferTransaction::new()
        .with_hbar_transfer(alice(), Hbar::new(-100))
        .with_hbar_transfer(bob(), Hbar::new(100))
        .with_transaction_id(TransactionId::new(alice(), START))
        .with_node_account_ids([AccountId::new(0, 0, 4)])
        .with_memo("for the concert")
        .freeze()
        .unwrap();
    let list = proto::TransactionList {
        transaction_list: vec![a.entries()[0].to_proto(), b.entries()[0].to_proto()],
    };
    let err = of_list(&list.encode_to_vec()).unwrap_err();
    assert_eq!(err.code(), "UNDECODABLE_TRANSACTION");
    assert!(err.to_string().contains("differ"), "{err}");
}

#[test]
fn iso_dates() {
    assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
    assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(iso8601(-1), "1969-12-31T23:59:59Z");
}

#[test]
fn amounts_without_decimals_take_the_tokens_units_when_known() {
    let tickets = TokenId::new(0, 0, 2002);
    let tx = TransferTransaction::new()
        .with_token_transfer(tickets, alice(), -150)
        .with_token_transfer(tickets, bob(), 150)
        .with_transaction_id(TransactionId::new(alice(), START))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .freeze()
        .unwrap();
    let (_, mut s, _) = of_list(&tx.to_bytes()).unwrap();
    assert_eq!(value(&s, "Token 0.0.2002 0.0.1005"), "-150 (smallest unit)");
    assert_eq!(s.tokens_without_decimals(), vec!["0.0.2002"]);
    s.with_token_units("0.0.2002", 2, "TIX");
    assert_eq!(value(&s, "Token 0.0.2002 0.0.1005"), "-1.5 TIX");
    assert_eq!(value(&s, "Token 0.0.2002 0.0.1006"), "1.5 TIX");
    assert!(s.tokens_without_decimals().is_empty());
}
