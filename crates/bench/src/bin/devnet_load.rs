//! `devnet_load PATH_TO_DEVNET_BINARY`: starts the devnet binary (as a user would), measures
//! start-to-ready, then drives it over loopback gRPC with concurrent clients — pre-signed crypto
//! transfers, then NFT mints — each submitted and its receipt fetched, and prints one JSON
//! object: throughput, submit-to-receipt latency percentiles, lost transactions and the
//! devnet's resident memory.

use hedera_proto::services::{
    self as hp, crypto_service_client::CryptoServiceClient,
    token_service_client::TokenServiceClient, ResponseCodeEnum as Code,
};
use loyal_core::{
    hbar::Hbar,
    id::{AccountId, TokenId},
    key::PrivateKey,
    proto::Message as _,
    time::Timestamp,
    transaction::*,
    transaction_id::TransactionId,
};
use prost_013::Message as _;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tonic::transport::Channel;

const CLIENTS: usize = 16;
const CONNECTIONS: usize = 4;
const TRANSFERS: usize = 12_000;
const MINTS: usize = 4_000;

fn operator() -> PrivateKey {
    // The devnet's documented operator key: SHA-256("loyal-devnet/operator").
    use sha2::Digest;
    let seed: [u8; 32] = sha2::Sha256::digest(b"loyal-devnet/operator").into();
    PrivateKey::from_bytes_ed25519(&seed).unwrap()
}

/// Starts the binary on free ports; returns it, its gRPC port and the time until a client
/// could connect.
fn start(binary: &str) -> (Child, u16, Duration, f64) {
    let started = Instant::now();
    let mut child = Command::new(binary)
        .args([
            "--grpc-port",
            "0",
            "--grpc-web-port",
            "0",
            "--ipfs-port",
            "0",
        ])
        .args(["--mirror-port", "0", "--ephemeral"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("devnet binary");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let (mut port, mut reported) = (0u16, 0f64);
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.contains("(gRPC,") {
            port = line
                .split(':')
                .nth(1)
                .and_then(|p| p.split_whitespace().next())
                .and_then(|p| p.parse().ok())
                .unwrap();
        }
        if let Some(ms) = line.strip_prefix("Ready in ") {
            reported = ms.trim_end_matches(" ms").parse().unwrap_or(0.0);
            break;
        }
    }
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        std::thread::sleep(Duration::from_micros(200));
    }
    let ready = started.elapsed();
    std::thread::spawn(move || lines.for_each(drop));
    (child, port, ready, reported)
}

fn rss_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn wire(tx: &Transaction) -> hp::Transaction {
    hp::Transaction::decode(tx.entries()[0].to_proto().encode_to_vec().as_slice()).unwrap()
}

fn hp_id(tx: &Transaction) -> hp::TransactionId {
    hp::TransactionId::decode(tx.transaction_id().to_proto().encode_to_vec().as_slice()).unwrap()
}

fn sign<D: TransactionData>(
    b: Builder<D>,
    n: usize,
    key: &PrivateKey,
) -> (hp::Transaction, hp::TransactionId) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let mut tx = b
        .with_transaction_id(TransactionId::new(
            AccountId::new(0, 0, 2),
            Timestamp::new(now.as_secs() as i64 - 1, n as i32),
        ))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .with_max_transaction_fee(Hbar::new(100))
        .freeze()
        .unwrap();
    tx.sign(key);
    (wire(&tx), hp_id(&tx))
}

async fn receipt(
    client: &mut CryptoServiceClient<Channel>,
    id: &hp::TransactionId,
) -> Option<hp::TransactionReceipt> {
    for _ in 0..200 {
        let q = hp::Query {
            query: Some(hp::query::Query::TransactionGetReceipt(
                hp::TransactionGetReceiptQuery {
                    transaction_id: Some(id.clone()),
                    ..Default::default()
                },
            )),
        };
        let r = client.get_transaction_receipts(q).await.ok()?.into_inner();
        if let Some(hp::response::Response::TransactionGetReceipt(r)) = r.response {
            if let Some(receipt) = r.receipt {
                return Some(receipt);
            }
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    None
}

struct Phase {
    tps: f64,
    p50_ms: f64,
    p99_ms: f64,
    lost: usize,
    submitted: usize,
}

/// Submits every transaction from CLIENTS concurrent tasks; each waits for its receipt.
async fn drive(
    channels: &[Channel],
    txs: Vec<(hp::Transaction, hp::TransactionId)>,
    mint: bool,
) -> Phase {
    let total = txs.len();
    let queue = Arc::new(std::sync::Mutex::new(txs));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..CLIENTS {
        let channel = channels[c % channels.len()].clone();
        let queue = queue.clone();
        tasks.push(tokio::spawn(async move {
            let mut crypto = CryptoServiceClient::new(channel.clone());
            let mut token = TokenServiceClient::new(channel);
            let (mut latencies, mut lost) = (Vec::new(), 0usize);
            loop {
                let Some((tx, id)) = queue.lock().unwrap().pop() else {
                    break;
                };
                let t0 = Instant::now();
                let response = if mint {
                    token.mint_token(tx).await
                } else {
                    crypto.crypto_transfer(tx).await
                };
                let ok = response.is_ok_and(|r| {
                    r.into_inner().node_transaction_precheck_code == Code::Ok as i32
                });
                let done = ok
                    && receipt(&mut crypto, &id)
                        .await
                        .is_some_and(|r| r.status == Code::Success as i32);
                if done {
                    latencies.push(t0.elapsed());
                } else {
                    lost += 1;
                }
            }
            (latencies, lost)
        }));
    }
    let (mut latencies, mut lost) = (Vec::new(), 0);
    for t in tasks {
        let (l, x) = t.await.unwrap();
        latencies.extend(l);
        lost += x;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    Phase {
        tps: latencies.len() as f64 / elapsed,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        lost,
        submitted: total,
    }
}

#[tokio::main]
async fn main() {
    let binary = std::env::args()
        .nth(1)
        .expect("usage: devnet_load PATH_TO_DEVNET_BINARY");
    // Start-to-ready, five cold starts.
    let mut readies = Vec::new();
    let mut reported = Vec::new();
    for _ in 0..5 {
        let (mut child, _, ready, self_reported) = start(&binary);
        readies.push(ready.as_secs_f64() * 1e3);
        reported.push(self_reported);
        child.kill().ok();
        child.wait().ok();
    }
    readies.sort_by(f64::total_cmp);
    reported.sort_by(f64::total_cmp);

    let (mut child, port, _, _) = start(&binary);
    let idle_rss = rss_kib(child.id(), "VmRSS:");
    let mut channels = Vec::new();
    for _ in 0..CONNECTIONS {
        channels.push(
            Channel::from_shared(format!("http://127.0.0.1:{port}"))
                .unwrap()
                .connect()
                .await
                .unwrap(),
        );
    }
    let key = operator();
    let transfers: Vec<_> = (0..TRANSFERS)
        .map(|n| {
            sign(
                TransferTransaction::new()
                    .with_hbar_transfer(AccountId::new(0, 0, 2), Hbar::from_tinybars(-1))
                    .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(1)),
                n + 1,
                &key,
            )
        })
        .collect();
    let transfer = drive(&channels, transfers, false).await;

    // An NFT collection whose supply key is the operator's, then one mint per transaction.
    let (create, create_id) = sign(
        TokenCreateTransaction::new()
            .with_name("Bench twins")
            .with_symbol("BT")
            .with_token_type(TokenType::NonFungibleUnique)
            .with_treasury(AccountId::new(0, 0, 2))
            .with_supply_key(key.public_key()),
        TRANSFERS + 10,
        &key,
    );
    let mut crypto = CryptoServiceClient::new(channels[0].clone());
    TokenServiceClient::new(channels[0].clone())
        .create_token(create)
        .await
        .unwrap();
    let token = receipt(&mut crypto, &create_id)
        .await
        .unwrap()
        .token_id
        .unwrap()
        .token_num as u64;
    let mints: Vec<_> = (0..MINTS)
        .map(|n| {
            sign(
                TokenMintTransaction::new()
                    .with_token_id(TokenId::new(0, 0, token))
                    .with_metadata([format!("ipfs://bafkreibench{n:08}").into_bytes()]),
                TRANSFERS + 100 + n,
                &key,
            )
        })
        .collect();
    let mint = drive(&channels, mints, true).await;
    let rss = rss_kib(child.id(), "VmRSS:");
    let peak = rss_kib(child.id(), "VmHWM:");
    child.kill().ok();
    child.wait().ok();

    let phase = |p: &Phase| {
        serde_json::json!({
            "submitted": p.submitted, "tps": p.tps.round(), "p50_ms": p.p50_ms, "p99_ms": p.p99_ms, "lost": p.lost,
        })
    };
    let out = serde_json::json!({
        "ready_ms_median": readies[readies.len() / 2],
        "ready_ms_all": readies,
        "ready_ms_self_reported_median": reported[reported.len() / 2],
        "rss_idle_mib": idle_rss as f64 / 1024.0,
        "rss_after_load_mib": rss as f64 / 1024.0,
        "rss_peak_mib": peak as f64 / 1024.0,
        "clients": CLIENTS,
        "connections": CONNECTIONS,
        "crypto_transfer": phase(&transfer),
        "nft_mint": phase(&mint),
    });
    println!("{out}");
}
