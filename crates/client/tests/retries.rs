//! Back-off paths against real servers: a throttled devnet answering BUSY (the client waits
//! and resubmits the same bytes until they are taken), and a mirror answering 503 and 429
//! before it answers 200.

use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::{Client, MirrorClient, Network};
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
    let net = Network::local(
        "127.0.0.1",
        devnet.grpc_web_addr().port(),
        devnet.mirror_addr().port(),
        devnet.ipfs_addr().port(),
    );
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
