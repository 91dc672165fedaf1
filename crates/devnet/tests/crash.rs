//! Persistence under a hard crash: the devnet binary runs with `--state DIR` while four clients
//! submit transfers over gRPC; it is killed with SIGKILL mid-stream and restarted on the same
//! directory. Every transfer that was acknowledged must still be there, and the recovered
//! state must equal a fresh replay of the journal.

use hedera_proto::services::{
    self as hp, crypto_service_client::CryptoServiceClient, ResponseCodeEnum as Code,
};
use loyal_core::{
    hbar::Hbar, id::AccountId, proto::Message as _, time::Timestamp, transaction::*,
    transaction_id::TransactionId,
};
use loyal_devnet::genesis;
use prost_013::Message as _;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn start(dir: &std::path::Path) -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loyal-devnet"))
        .args([
            "--grpc-port",
            "0",
            "--grpc-web-port",
            "0",
            "--ipfs-port",
            "0",
            "--mirror-port",
            "0",
            "--state",
        ])
        .arg(dir)
        .stdout(Stdio::piped())
        .spawn()
        .expect("devnet binary");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("devnet printed its ports").unwrap();
        if let Some(rest) = line.strip_prefix("Listening on 127.0.0.1:") {
            if line.contains("(gRPC,") {
                break rest.split_whitespace().next().unwrap().parse().unwrap();
            }
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    (child, port)
}

fn transfer(n: u32, worker: u32) -> hp::Transaction {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let id = TransactionId::new(
        AccountId::new(0, 0, 2),
        Timestamp::new(now.as_secs() as i64 - 2, (worker * 100_000_000 + n) as i32),
    );
    let mut tx = TransferTransaction::new()
        .with_hbar_transfer(AccountId::new(0, 0, 2), Hbar::from_tinybars(-1))
        .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(1))
        .with_transaction_id(id)
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .freeze()
        .unwrap();
    tx.sign(&genesis::key_for("operator", false));
    hp::Transaction::decode(tx.entries()[0].to_proto().encode_to_vec().as_slice()).unwrap()
}

async fn alice_balance(port: u16) -> u64 {
    let mut client = CryptoServiceClient::connect(format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    let query = hp::Query {
        query: Some(hp::query::Query::CryptogetAccountBalance(
            hp::CryptoGetAccountBalanceQuery {
                balance_source: Some(
                    hp::crypto_get_account_balance_query::BalanceSource::AccountId(hp::AccountId {
                        shard_num: 0,
                        realm_num: 0,
                        account: Some(hp::account_id::Account::AccountNum(1005)),
                    }),
                ),
                ..Default::default()
            },
        )),
    };
    match client
        .crypto_get_balance(query)
        .await
        .unwrap()
        .into_inner()
        .response
    {
        Some(hp::response::Response::CryptogetAccountBalance(r)) => r.balance,
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_loses_no_acknowledged_transaction() {
    let dir = std::env::temp_dir().join(format!("loyal-devnet-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (mut child, port) = start(&dir);
    let acked = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for worker in 0..4u32 {
        let acked = acked.clone();
        workers.push(tokio::spawn(async move {
            let Ok(mut client) =
                CryptoServiceClient::connect(format!("http://127.0.0.1:{port}")).await
            else {
                return;
            };
            // Bounded: at most 5,000 transfers per client, and the node is killed well before.
            for n in 0..5_000 {
                match client.crypto_transfer(transfer(n, worker)).await {
                    Ok(r) if r.get_ref().node_transaction_precheck_code == Code::Ok as i32 => {
                        acked.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(r) => panic!(
                        "unexpected precheck {:?}",
                        Code::try_from(r.get_ref().node_transaction_precheck_code)
                    ),
                    Err(_) => return, // the node died under us
                }
            }
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    for w in workers {
        w.await.unwrap();
    }
    let acked = acked.load(Ordering::SeqCst) as u64;
    assert!(acked > 50, "the load ran ({acked} acknowledged)");

    let (mut restarted, port) = start(&dir);
    let start_balance = genesis::accounts()
        .iter()
        .find(|a| a.name == "Alice")
        .unwrap()
        .balance
        .to_tinybars() as u64;
    let recovered = alice_balance(port).await - start_balance;
    assert!(
        recovered >= acked,
        "{acked} transfers were acknowledged but only {recovered} survived"
    );
    assert!(
        recovered <= acked + 4,
        "at most one in-flight transfer per client may have been journaled unacknowledged"
    );

    let replay = loyal_devnet::recover(&dir).unwrap();
    assert_eq!(
        replay.accounts[&1005].balance - start_balance,
        recovered,
        "the running node equals a replay"
    );
    assert_eq!(
        replay.state_hash(),
        loyal_devnet::recover(&dir).unwrap().state_hash(),
        "replay is deterministic"
    );
    restarted.kill().unwrap();
    restarted.wait().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn ledger_and_ipfs_blocks_survive_a_restart() {
    let dir = std::env::temp_dir().join(format!("loyal-devnet-restart-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let config = loyal_devnet::DevnetConfig::ephemeral().with_state_dir(&dir);
    let devnet = loyal_devnet::spawn(config.clone()).await.unwrap();
    let image: Vec<u8> = (0..600_000u32).map(|i| (i % 253) as u8).collect();
    let (cid, _) = devnet.blocks.add(&image).unwrap();
    let port = devnet.grpc_addr().port();
    let mut client = CryptoServiceClient::connect(format!("http://127.0.0.1:{port}"))
        .await
        .unwrap();
    let r = client.crypto_transfer(transfer(1, 9)).await.unwrap();
    assert_eq!(r.get_ref().node_transaction_precheck_code, Code::Ok as i32);
    let before = devnet.ledger.lock().unwrap().state_hash();
    devnet.shutdown().await;

    let again = loyal_devnet::spawn(config).await.unwrap();
    assert_eq!(again.blocks.file(&cid).as_deref(), Some(image.as_slice()));
    assert_eq!(again.ledger.lock().unwrap().state_hash(), before);
    again.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}
