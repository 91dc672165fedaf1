//! The throttle: past the configured rate a node answers BUSY at precheck (nothing is charged
//! or recorded), and admits again once the bucket refills.

use hedera_proto::services::{
    self as hp, crypto_service_client::CryptoServiceClient, ResponseCodeEnum as Code,
};
use loyal_core::{
    hbar::Hbar, id::AccountId, proto::Message as _, time::Timestamp, transaction::*,
    transaction_id::TransactionId,
};
use loyal_devnet::{genesis, spawn, DevnetConfig};
use prost_013::Message as _;

fn transfer(n: i32) -> hp::Transaction {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let mut tx = TransferTransaction::new()
        .with_hbar_transfer(AccountId::new(0, 0, 2), Hbar::from_tinybars(-1))
        .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(1))
        .with_transaction_id(TransactionId::new(
            AccountId::new(0, 0, 2),
            Timestamp::new(now.as_secs() as i64 - 1, n),
        ))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .freeze()
        .unwrap();
    tx.sign(&genesis::key_for("operator", false));
    hp::Transaction::decode(tx.entries()[0].to_proto().encode_to_vec().as_slice()).unwrap()
}

#[tokio::test]
async fn past_the_rate_the_node_answers_busy() {
    let devnet = spawn(DevnetConfig::ephemeral().with_throttle_tps(5))
        .await
        .unwrap();
    let mut client = CryptoServiceClient::connect(format!("http://{}", devnet.grpc_addr()))
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let (mut codes, sent): (Vec<Code>, Vec<hp::Transaction>) =
        (Vec::new(), (0..20).map(transfer).collect());
    for tx in &sent {
        let r = client
            .crypto_transfer(tx.clone())
            .await
            .unwrap()
            .into_inner();
        codes.push(Code::try_from(r.node_transaction_precheck_code).unwrap());
    }
    let ok = codes.iter().filter(|c| **c == Code::Ok).count();
    let busy = codes.iter().filter(|c| **c == Code::Busy).count();
    assert_eq!(ok + busy, 20, "{codes:?}");
    // One second's burst, plus what refilled while the 20 were sent (a slow machine refills more).
    let refilled = (started.elapsed().as_secs_f64() * 5.0).ceil() as usize;
    assert!(
        (5..=5 + refilled + 1).contains(&ok),
        "{codes:?} in {:?}",
        started.elapsed()
    );
    assert!(busy > 0, "{codes:?}");
    assert_eq!(codes[0], Code::Ok);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let r = client
        .crypto_transfer(transfer(100))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        r.node_transaction_precheck_code,
        Code::Ok as i32,
        "refilled"
    );
    // A BUSY transaction was never handled: resubmitting the same bytes later is accepted.
    let busy = codes.iter().position(|c| *c == Code::Busy).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    let r = client
        .crypto_transfer(sent[busy].clone())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(r.node_transaction_precheck_code, Code::Ok as i32);
}
