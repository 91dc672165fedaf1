//! The ledger without sockets: transactions built and signed by loyal-core, prechecked and
//! handled with the codes Hedera returns.

use hedera_proto::services::{self as hp, ResponseCodeEnum as Code};
use loyal_core::{
    hbar::Hbar,
    id::AccountId,
    key::PrivateKey,
    proto::Message as _,
    time::{Duration, Timestamp},
    transaction::*,
    transaction_id::TransactionId,
};
use loyal_devnet::{genesis, ledger::Ledger};
use prost_013::Message as _;

const NOW: i128 = 1_800_000_000 * 1_000_000_000;
static NANOS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

fn key(name: &str) -> PrivateKey {
    genesis::accounts()
        .into_iter()
        .find(|a| a.name == name)
        .unwrap()
        .key
}

fn id(payer: u64) -> TransactionId {
    // Distinct valid starts so no two test transactions are duplicates.
    let n = NANOS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    TransactionId::new(
        AccountId::new(0, 0, payer),
        Timestamp::new((NOW / 1_000_000_000) as i64 - 5, n),
    )
}

fn wire(tx: &Transaction) -> hp::Transaction {
    hp::Transaction::decode(tx.entries()[0].to_proto().encode_to_vec().as_slice()).unwrap()
}

fn ready<D: TransactionData>(b: Builder<D>, payer: u64) -> Builder<D> {
    b.with_transaction_id(id(payer))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .with_max_transaction_fee(Hbar::new(100))
}

/// Submits; returns the precheck code and, if it passed, the receipt status.
fn submit(ledger: &mut Ledger, tx: &Transaction) -> (Code, Option<Code>) {
    let code = ledger.submit(&wire(tx), NOW);
    let receipt = ledger.receipt(
        &hp::TransactionId::decode(tx.transaction_id().to_proto().encode_to_vec().as_slice())
            .unwrap(),
    );
    (code, receipt.map(|r| Code::try_from(r.status).unwrap()))
}

fn transfer(from: u64, to: u64, payer: u64) -> TransferTransaction {
    ready(TransferTransaction::new(), payer)
        .with_hbar_transfer(AccountId::new(0, 0, from), Hbar::from_tinybars(-10))
        .with_hbar_transfer(AccountId::new(0, 0, to), Hbar::from_tinybars(10))
}

#[test]
fn prechecks_answer_like_a_node() {
    let mut ledger = Ledger::genesis();
    let op = key("operator");
    let signed = |b: TransferTransaction, k: &PrivateKey| {
        let mut tx = b.freeze().unwrap();
        tx.sign(k);
        tx
    };
    assert_eq!(
        submit(&mut ledger, &signed(transfer(2, 1005, 2), &op)),
        (Code::Ok, Some(Code::Success))
    );
    // Unsigned by the payer.
    assert_eq!(
        submit(&mut ledger, &signed(transfer(2, 1005, 2), &key("Alice"))).0,
        Code::InvalidSignature
    );
    // Wrong node.
    let wrong_node = transfer(2, 1005, 2).with_node_account_ids([AccountId::new(0, 0, 4)]);
    assert_eq!(
        submit(&mut ledger, &signed(wrong_node, &op)).0,
        Code::InvalidNodeAccount
    );
    // Valid start in the future, and expired.
    let future = transfer(2, 1005, 2).with_transaction_id(TransactionId::new(
        AccountId::new(0, 0, 2),
        Timestamp::new((NOW / 1_000_000_000) as i64 + 60, 0),
    ));
    assert_eq!(
        submit(&mut ledger, &signed(future, &op)).0,
        Code::InvalidTransactionStart
    );
    let old = transfer(2, 1005, 2).with_transaction_id(TransactionId::new(
        AccountId::new(0, 0, 2),
        Timestamp::new((NOW / 1_000_000_000) as i64 - 500, 0),
    ));
    assert_eq!(
        submit(&mut ledger, &signed(old, &op)).0,
        Code::TransactionExpired
    );
    // Duration below the network's minimum; fee offered too low; unknown payer.
    let short = transfer(2, 1005, 2).with_transaction_valid_duration(Duration::from_secs(5));
    assert_eq!(
        submit(&mut ledger, &signed(short, &op)).0,
        Code::InvalidTransactionDuration
    );
    let cheap = transfer(2, 1005, 2).with_max_transaction_fee(Hbar::from_tinybars(1));
    assert_eq!(
        submit(&mut ledger, &signed(cheap, &op)).0,
        Code::InsufficientTxFee
    );
    assert_eq!(
        submit(&mut ledger, &signed(transfer(2, 1005, 99), &op)).0,
        Code::PayerAccountNotFound
    );
    // A duplicate of the first.
    let first = signed(transfer(2, 1005, 2), &op);
    assert_eq!(submit(&mut ledger, &first).0, Code::Ok);
    assert_eq!(submit(&mut ledger, &first).0, Code::DuplicateTransaction);
    // A type the devnet does not handle yet (CryptoDelete) says so instead of pretending.
    let mut body = hp::TransactionBody::decode(first.entries()[0].body_bytes()).unwrap();
    body.transaction_id.as_mut().unwrap().nonce = 0;
    body.transaction_id
        .as_mut()
        .unwrap()
        .transaction_valid_start
        .as_mut()
        .unwrap()
        .nanos = 999_999;
    body.data = Some(hp::transaction_body::Data::CryptoDelete(Default::default()));
    let body_bytes = body.encode_to_vec();
    let pair = op.public_key().signature_pair(op.sign(&body_bytes));
    let sig_map = hp::SignatureMap::decode(
        loyal_core::proto::SignatureMap {
            sig_pair: vec![pair],
        }
        .encode_to_vec()
        .as_slice(),
    )
    .unwrap();
    let signed = hp::SignedTransaction {
        body_bytes,
        sig_map: Some(sig_map),
        ..Default::default()
    };
    let delete = hp::Transaction {
        signed_transaction_bytes: signed.encode_to_vec(),
        ..Default::default()
    };
    assert_eq!(ledger.submit(&delete, NOW), Code::NotSupported);
    // Malformed bytes.
    let garbage = hp::Transaction {
        signed_transaction_bytes: vec![0xff, 0xff],
        ..Default::default()
    };
    assert_eq!(ledger.submit(&garbage, NOW), Code::InvalidTransaction);
}

#[test]
fn handling_enforces_balances_and_keys() {
    let mut ledger = Ledger::genesis();
    let op = key("operator");
    // Alice (1,000 ℏ) cannot send 2,000 ℏ even with her signature.
    let mut tx = ready(TransferTransaction::new(), 2)
        .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::new(-2000))
        .with_hbar_transfer(AccountId::new(0, 0, 2), Hbar::new(2000))
        .freeze()
        .unwrap();
    tx.sign(&op).sign(&key("Alice"));
    assert_eq!(
        submit(&mut ledger, &tx),
        (Code::Ok, Some(Code::InsufficientAccountBalance))
    );
    // An NFT collection needs a supply key; the treasury must sign.
    let nft = ready(TokenCreateTransaction::new(), 2)
        .with_name("Twin")
        .with_symbol("TW")
        .with_treasury(AccountId::new(0, 0, 1001))
        .with_token_type(TokenType::NonFungibleUnique)
        .with_supply_key(key("BestProducer").public_key());
    let mut unsigned = nft.clone().freeze().unwrap();
    unsigned.sign(&op);
    assert_eq!(
        submit(&mut ledger, &unsigned),
        (Code::Ok, Some(Code::InvalidSignature))
    );
    let mut created = nft.with_transaction_id(id(2)).freeze().unwrap();
    created.sign(&op).sign(&key("BestProducer"));
    assert_eq!(
        submit(&mut ledger, &created),
        (Code::Ok, Some(Code::Success))
    );
    // The failed attempt still paid its fee, as on Hedera.
    let fee_paid =
        genesis::accounts()[0].balance.to_tinybars() as u64 - ledger.accounts[&2].balance;
    assert!(fee_paid > 0);
}
