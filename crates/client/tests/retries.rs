//! Back-off paths against real servers: a throttled devnet answering BUSY (the client waits
//! and resubmits the same bytes until they are taken), and a mirror answering 503 and 429
//! before it answers 200.

use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::{Client, MirrorClient, Network};
use loyal_core::transaction::Transaction;
use loyal_core::{hbar::Hbar, id::AccountId, transaction::*};
use loyal_devnet::{genesis, spawn, DevnetConfig};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn busy_nodes_are_retried_after_a_back_off() {
    let devnet = spawn(DevnetConfig::ephemeral().with_throttle_tps(2))
        .await
        .unwrap();
    let net = local(&devnet);
    let client = Client::new(net, HyperTransport::default(), TokioRuntime)
        .with_operator(AccountId::new(0, 0, 1005), genesis::key_for("Alice", false))
        .with_backoff(Duration::from_millis(100), Duration::from_millis(800))
        .with_max_attempts(20);
    // Six transfers at once through a node that takes two a second: every one lands.
    let txs: Vec<_> = (0..6)
        .map(|i| {
            client
                .prepare(
                    TransferTransaction::new()
                        .with_hbar_transfer(
                            AccountId::new(0, 0, 1005),
                            Hbar::from_tinybars(-(i + 1)),
                        )
                        .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::from_tinybars(i + 1)),
                )
                .unwrap()
        })
        .collect();
    let started = std::time::Instant::now();
    let results = futures_join(txs.iter().map(|tx| client.execute(tx)).collect()).await;
    for r in &results {
        assert_eq!(r.as_ref().unwrap().status.as_str_name(), "SUCCESS");
    }
    // Two a second, a burst of two to start with: the last one cannot land before ~2 s.
    assert!(
        started.elapsed() >= Duration::from_millis(1500),
        "{:?}",
        started.elapsed()
    );
}

/// Polls the futures together on this task (the client's futures are not Send).
async fn futures_join<F: std::future::Future>(futures: Vec<F>) -> Vec<F::Output> {
    let mut futures: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut out: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, slot) in futures.iter_mut().zip(out.iter_mut()) {
            if slot.is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => *slot = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    out.into_iter().map(Option::unwrap).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mirror_client_backs_off_on_503_and_429() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    tokio::spawn(async move {
        loop {
            let (mut s, _) = listener.accept().await.unwrap();
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 2048];
            let _ = s.read(&mut buf).await;
            let (status, body) = match n {
                0 => ("503 Service Unavailable", "{}"),
                1 => ("429 Too Many Requests", "{}"),
                _ => (
                    "200 OK",
                    r#"{"account":"0.0.1005","balance":{"balance":7,"timestamp":null,"tokens":[]},"key":null,"evm_address":null,"memo":"","created_timestamp":null}"#,
                ),
            };
            let head = format!("HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
            let _ = s.write_all(head.as_bytes()).await;
            let _ = s.write_all(body.as_bytes()).await;
        }
    });
    let (transport, runtime) = (HyperTransport::default(), TokioRuntime);
    let mirror = MirrorClient::new(&transport, &runtime, &base);
    let account = mirror.account("0.0.1005").await.unwrap();
    assert_eq!(account.balance.balance, Some(7));
    assert_eq!(
        hits.load(Ordering::SeqCst),
        3,
        "two refusals, then the answer"
    );
}

/// A gRPC-web "node" on a real socket that answers every request with `reply` (status line,
/// headers and body as raw HTTP/1.1), or never answers when `reply` is `None`; it counts hits.
async fn fake_node(reply: Option<Vec<u8>>) -> (String, Arc<AtomicUsize>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        loop {
            let (mut s, _) = listener.accept().await.unwrap();
            seen.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf).await;
            match &reply {
                Some(bytes) => {
                    let _ = s.write_all(bytes).await;
                }
                // Accepted and read, never answered: the connection stays open.
                None => held.push(s),
            }
        }
    });
    (url, hits)
}

fn grpc_web_reply(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/grpc-web+proto\r\n{headers}content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// The devnet's endpoints, as a client of it sees them.
fn local(devnet: &loyal_devnet::DevnetHandle) -> Network {
    Network::local(
        "127.0.0.1",
        devnet.grpc_web_addr().port(),
        devnet.mirror_addr().port(),
        devnet.ipfs_addr().port(),
    )
}

/// The devnet's node 0.0.3 behind `first` (a proxy that misbehaves) and then its real
/// gRPC-web endpoint.
fn two_proxies(devnet: &loyal_devnet::DevnetHandle, first: &str) -> Network {
    let mut net = local(devnet);
    let mut bad = net.nodes[0].clone();
    bad.url = first.to_owned();
    net.nodes.insert(0, bad);
    net
}

fn alice_pays_bob(client: &Client<HyperTransport, TokioRuntime>, tinybars: i64) -> Transaction {
    client
        .prepare(
            TransferTransaction::new()
                .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(-tinybars))
                .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::from_tinybars(tinybars)),
        )
        .unwrap()
}

fn alice(net: Network) -> Client<HyperTransport, TokioRuntime> {
    Client::new(net, HyperTransport::default(), TokioRuntime)
        .with_operator(AccountId::new(0, 0, 1005), genesis::key_for("Alice", false))
        .with_backoff(Duration::from_millis(20), Duration::from_millis(50))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_that_never_answers_times_out_and_the_next_takes_the_transaction() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let (silent, hits) = fake_node(None).await;
    let client =
        alice(two_proxies(&devnet, &silent)).with_request_timeout(Duration::from_millis(300));
    let started = std::time::Instant::now();
    let receipt = client.execute(&alice_pays_bob(&client, 3)).await.unwrap();
    assert_eq!(receipt.status.as_str_name(), "SUCCESS");
    assert_eq!(
        hits.load(Ordering::SeqCst),
        1,
        "the silent proxy was tried first"
    );
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_garbled_reply_fails_over_and_a_non_transient_grpc_status_does_not() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    // A frame header announcing 9 bytes, followed by 2: the reply was cut short.
    let (garbled, hits) = fake_node(Some(grpc_web_reply("", &[0, 0, 0, 0, 9, 1, 2]))).await;
    let client = alice(two_proxies(&devnet, &garbled));
    let receipt = client.execute(&alice_pays_bob(&client, 4)).await.unwrap();
    assert_eq!(receipt.status.as_str_name(), "SUCCESS");
    assert_eq!(hits.load(Ordering::SeqCst), 1);

    // UNIMPLEMENTED would be every node's answer: it is returned, not retried elsewhere.
    let (unimplemented, hits) = fake_node(Some(grpc_web_reply(
        "grpc-status: 12\r\ngrpc-message: no such method\r\n",
        &[],
    )))
    .await;
    let client = alice(two_proxies(&devnet, &unimplemented));
    let err = client
        .execute(&alice_pays_bob(&client, 5))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "GRPC_STATUS", "{err}");
    assert_eq!(hits.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn executing_the_same_transaction_again_gives_its_receipt_and_pays_once() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let net = local(&devnet);
    let mirror_url = net.mirror_url.clone();
    let client = alice(net);
    let tx = alice_pays_bob(&client, 1_000_000);
    let first = client.execute(&tx).await.unwrap();
    // The devnet answers DUPLICATE_TRANSACTION: the id is in, so its receipt is the answer.
    let again = client.execute(&tx).await.unwrap();
    assert_eq!(again, first);
    let (transport, runtime) = (HyperTransport::default(), TokioRuntime);
    let mirror = MirrorClient::new(&transport, &runtime, &mirror_url);
    let bob = mirror.account("0.0.1006").await.unwrap();
    let start = genesis::accounts()
        .iter()
        .find(|a| a.name == "Bob")
        .map(|a| a.balance.to_tinybars())
        .unwrap();
    assert_eq!(
        bob.balance.balance,
        Some(start + 1_000_000),
        "Bob was paid once"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_nodes_and_exhausted_attempts_are_errors_that_name_the_transaction() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let mut net = two_proxies(&devnet, "http://127.0.0.1:1");
    let client = alice(net.clone());
    let tx = alice_pays_bob(&client, 6);
    net.nodes.clear();
    let empty = alice(net);
    let err = empty.receipt(tx.transaction_id(), None).await.unwrap_err();
    assert_eq!(err.code(), "NO_HEALTHY_NODE", "{err}");
    let err = empty.submit(&tx).await.unwrap_err();
    assert!(
        matches!(&err, loyal_client::Error::NoHealthyNode { transaction_id, .. }
        if *transaction_id == tx.transaction_id().to_string()),
        "{err}"
    );

    // One attempt, at the dead proxy: the outcome is unknown, the error says which id to ask.
    let once = alice(two_proxies(&devnet, "http://127.0.0.1:1")).with_max_attempts(1);
    let err = once.submit(&tx).await.unwrap_err();
    assert!(
        matches!(&err, loyal_client::Error::NoHealthyNode { attempts: 1, transaction_id, .. }
        if *transaction_id == tx.transaction_id().to_string()),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_transaction_ids_start_5_s_back_as_the_sdks_do_and_land() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let net = local(&devnet);
    let client = alice(net);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as i128;
    let tx = alice_pays_bob(&client, 7);
    let behind = now - tx.transaction_id().valid_start.as_nanos();
    assert!(
        (4_900_000_000..6_000_000_000).contains(&behind),
        "{behind} ns"
    );
    assert_eq!(
        client.execute(&tx).await.unwrap().status.as_str_name(),
        "SUCCESS"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_over_to_another_node_sends_the_bytes_made_for_that_node() {
    // Node 0.0.4 is down; the devnet is node 0.0.3 and refuses a body made for another node
    // (INVALID_NODE_ACCOUNT), so SUCCESS means the second attempt sent 0.0.3's own bytes.
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let mut net = local(&devnet);
    net.nodes.insert(
        0,
        loyal_client::Node {
            account_id: AccountId::new(0, 0, 4),
            url: "http://127.0.0.1:1".into(),
        },
    );
    let client = alice(net);
    let tx = alice_pays_bob(&client, 8);
    assert_eq!(
        tx.node_account_ids(),
        [AccountId::new(0, 0, 4), AccountId::new(0, 0, 3)]
    );
    let submitted = client.submit(&tx).await.unwrap();
    assert_eq!(submitted.node, AccountId::new(0, 0, 3));
    let receipt = client
        .receipt(&submitted.transaction_id, Some(submitted.node))
        .await
        .unwrap();
    assert_eq!(receipt.status.as_str_name(), "SUCCESS");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attempts_stop_when_the_valid_window_ends() {
    // Valid for 1 s from 5 s ago: already over, so nothing is sent and the outcome is unknown
    // (NO_HEALTHY_NODE naming the id), not a TRANSACTION_EXPIRED refusal.
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let (silent, hits) = fake_node(None).await;
    let client = alice(two_proxies(&devnet, &silent));
    let tx = client
        .prepare(
            TransferTransaction::new()
                .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(-1))
                .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::from_tinybars(1))
                .with_transaction_valid_duration(loyal_core::time::Duration::from_secs(1)),
        )
        .unwrap();
    let err = client.submit(&tx).await.unwrap_err();
    assert!(
        matches!(&err, loyal_client::Error::NoHealthyNode { attempts: 0, .. }),
        "{err}"
    );
    assert_eq!(hits.load(Ordering::SeqCst), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mirror_that_never_answers_is_a_transport_error_after_its_timeout() {
    let (silent, hits) = fake_node(None).await;
    let (transport, runtime) = (HyperTransport::default(), TokioRuntime);
    let mirror =
        MirrorClient::new(&transport, &runtime, &silent).with_timeout(Duration::from_millis(300));
    let err = mirror.account("0.0.1005").await.unwrap_err();
    assert_eq!(err.code(), "TRANSPORT", "{err}");
    assert_eq!(hits.load(Ordering::SeqCst), 1);
}
