//! The clients against a real devnet over real sockets (gRPC-web, mirror REST, IPFS), with
//! the native transport: an NFT collection minted with IPFS metadata, transferred and read
//! back through the mirror; and the error paths a user meets.

use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::{Client, Error, IpfsClient, MirrorClient, Network, Node};
use loyal_core::{
    hbar::Hbar,
    id::{AccountId, NftId},
    key::PrivateKey,
    transaction::*,
};
use loyal_devnet::{genesis, spawn, DevnetConfig, DevnetHandle};
use std::time::Duration;

fn key(name: &str) -> PrivateKey {
    genesis::key_for(name, name == "Bob")
}

fn network(d: &DevnetHandle) -> Network {
    Network::local(
        "127.0.0.1",
        d.grpc_web_addr().port(),
        d.mirror_addr().port(),
        d.ipfs_addr().port(),
    )
}

fn client(net: Network, payer: u64, name: &str) -> Client<HyperTransport, TokioRuntime> {
    Client::new(net, HyperTransport::default(), TokioRuntime)
        .with_operator(AccountId::new(0, 0, payer), key(name))
        .with_backoff(Duration::from_millis(20), Duration::from_millis(200))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mint_with_ipfs_metadata_transfer_and_read_back() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let net = network(&devnet);
    let producer = client(net.clone(), 1001, "BestProducer");

    // A fresh customer account, funded by the producer.
    let customer = PrivateKey::generate_ed25519(&mut rand_core::OsRng);
    let created = producer
        .execute(
            &producer
                .prepare(
                    AccountCreateTransaction::new()
                        .with_key(customer.public_key())
                        .with_initial_balance(Hbar::new(5))
                        .with_max_automatic_token_associations(-1),
                )
                .unwrap(),
        )
        .await
        .unwrap();
    let customer_id = created.account_id.clone().unwrap();

    // The collection, and one NFT whose HIP-412 JSON lives on IPFS.
    let token = producer
        .execute(
            &producer
                .prepare(
                    TokenCreateTransaction::new()
                        .with_name("FastShoes digital twin")
                        .with_symbol("TWIN")
                        .with_token_type(TokenType::NonFungibleUnique)
                        .with_treasury(AccountId::new(0, 0, 1001))
                        .with_supply_key(key("BestProducer").public_key()),
                )
                .unwrap(),
        )
        .await
        .unwrap()
        .token_id
        .unwrap();
    let transport = HyperTransport::default();
    let ipfs = IpfsClient::new(
        &transport,
        net.ipfs_api_url.as_deref().unwrap(),
        net.ipfs_gateway_url.as_deref().unwrap(),
    );
    let metadata = br#"{"name":"Runner 42","image":"ipfs://bafy-image","type":"image/png","format":"HIP412@2.0.0"}"#;
    let cid = ipfs.add("twin.json", metadata).await.unwrap();
    let minted = producer
        .execute(
            &producer
                .prepare(
                    TokenMintTransaction::new()
                        .with_token_id(token)
                        .with_metadata([format!("ipfs://{cid}").into_bytes()]),
                )
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(minted.serial_numbers, vec![1]);
    assert_eq!(minted.total_supply, 1);

    // Sent to the customer (auto-association), then read back through the mirror.
    let sent = producer
        .prepare(TransferTransaction::new().with_nft_transfer(
            NftId::new(token, 1),
            AccountId::new(0, 0, 1001),
            customer_id.clone(),
        ))
        .unwrap();
    producer.execute(&sent).await.unwrap();
    let runtime = TokioRuntime;
    let mirror = MirrorClient::new(&transport, &runtime, &net.mirror_url);
    let seen = mirror
        .wait_for_transaction(sent.transaction_id(), Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(
        (seen.name.as_str(), seen.result.as_str()),
        ("CRYPTOTRANSFER", "SUCCESS")
    );
    let nfts = mirror
        .account_nfts(&customer_id.to_string(), 5)
        .collect()
        .await
        .unwrap();
    assert_eq!(nfts.len(), 1);
    assert_eq!(nfts[0].metadata, format!("ipfs://{cid}").into_bytes());
    // links.next is followed up to the cap, and a listing the cap cut short says so.
    let mut capped =
        mirror.pages::<serde_json::Value>("/api/v1/accounts?limit=2".into(), "accounts", 2);
    let mut seen_accounts = 0;
    while let Some(page) = capped.next_page().await.unwrap() {
        assert!(page.len() <= 2);
        seen_accounts += page.len();
    }
    assert_eq!(seen_accounts, 4);
    assert!(capped.truncated(), "more than 4 accounts exist");
    let mut whole =
        mirror.pages::<serde_json::Value>("/api/v1/accounts?limit=2".into(), "accounts", 100);
    let mut all_accounts = 0;
    while let Some(page) = whole.next_page().await.unwrap() {
        all_accounts += page.len();
    }
    assert!(all_accounts > 4 && !whole.truncated(), "{all_accounts}");
    let account = mirror.account(&customer_id.to_string()).await.unwrap();
    assert_eq!(
        account.key.unwrap().key,
        customer.public_key().to_string_raw()
    );
    assert_eq!(account.balance.balance, Some(5 * 100_000_000));

    // The metadata the NFT points at, fetched block by block and verified against its CID.
    let cid_from_chain = std::str::from_utf8(&nfts[0].metadata)
        .unwrap()
        .trim_start_matches("ipfs://");
    let fetched = ipfs.cat(&cid_from_chain.parse().unwrap()).await.unwrap();
    assert_eq!(fetched, metadata);
    // A file bigger than one block comes back through its DAG, every block verified.
    let big: Vec<u8> = (0..700_000u32).map(|i| (i % 251) as u8).collect();
    let big_cid = ipfs.add("big.bin", &big).await.unwrap();
    assert_eq!(big_cid.codec, loyal_ipfs::DAG_PB);
    assert_eq!(ipfs.cat(&big_cid).await.unwrap(), big);

    // Fungible: create, associate, transfer; the mirror's token view agrees.
    let points = producer
        .execute(
            &producer
                .prepare(
                    TokenCreateTransaction::new()
                        .with_name("Points")
                        .with_symbol("PTS")
                        .with_initial_supply(1_000)
                        .with_treasury(AccountId::new(0, 0, 1001)),
                )
                .unwrap(),
        )
        .await
        .unwrap()
        .token_id
        .unwrap();
    let alice = client(net.clone(), 1005, "Alice");
    alice
        .execute(
            &alice
                .prepare(
                    TokenAssociateTransaction::new()
                        .with_account_id(AccountId::new(0, 0, 1005))
                        .with_token_ids([points]),
                )
                .unwrap(),
        )
        .await
        .unwrap();
    producer
        .execute(
            &producer
                .prepare(
                    TransferTransaction::new()
                        .with_token_transfer(points, AccountId::new(0, 0, 1001), -40)
                        .with_token_transfer(points, AccountId::new(0, 0, 1005), 40),
                )
                .unwrap(),
        )
        .await
        .unwrap();
    let info = mirror.token(&points.to_string()).await.unwrap();
    assert_eq!(
        (info.kind.as_str(), info.total_supply.as_deref()),
        ("FUNGIBLE_COMMON", Some("1000"))
    );
    let alice_view = mirror.account("0.0.1005").await.unwrap();
    assert!(alice_view
        .balance
        .tokens
        .iter()
        .any(|t| t.token_id == points.to_string() && t.balance == 40));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_paths_have_their_codes() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let net = network(&devnet);

    // Signed by the wrong key: the node refuses it at precheck.
    let impostor = Client::new(net.clone(), HyperTransport::default(), TokioRuntime)
        .with_operator(AccountId::new(0, 0, 1005), key("Bob"));
    let tx = impostor
        .prepare(
            TransferTransaction::new()
                .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(-1))
                .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::from_tinybars(1)),
        )
        .unwrap();
    let err = impostor.execute(&tx).await.unwrap_err();
    assert_eq!(
        (err.code(), err.status()),
        ("PRECHECK", Some("INVALID_SIGNATURE")),
        "{err}"
    );

    // More than the account holds: reaches consensus and fails.
    let alice = client(net.clone(), 1005, "Alice");
    let tx = alice
        .prepare(
            TransferTransaction::new()
                .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::new(-5_000))
                .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::new(5_000)),
        )
        .unwrap();
    let err = alice.execute(&tx).await.unwrap_err();
    assert_eq!(
        (err.code(), err.status()),
        ("RECEIPT_STATUS", Some("INSUFFICIENT_ACCOUNT_BALANCE")),
        "{err}"
    );

    // The first proxy of node 0.0.3 is down: the client fails over to the second.
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead_port = dead.local_addr().unwrap().port();
    drop(dead);
    let mut nodes = vec![Node {
        account_id: AccountId::new(0, 0, 3),
        url: format!("http://127.0.0.1:{dead_port}"),
    }];
    nodes.extend(net.nodes.clone());
    let failover = client(net.clone().with_nodes(nodes), 1005, "Alice");
    let tx = failover
        .prepare(
            TransferTransaction::new()
                .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(-3))
                .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::from_tinybars(3)),
        )
        .unwrap();
    let submitted = failover.submit(&tx).await.unwrap();
    assert_eq!(submitted.hash.len(), 48);
    let receipt = failover
        .receipt(&submitted.transaction_id, Some(submitted.node))
        .await
        .unwrap();
    assert_eq!(receipt.status.as_str_name(), "SUCCESS");

    // Only dead proxies: a typed error after the configured attempts, no hang.
    let nowhere = client(
        net.clone().with_nodes(vec![Node {
            account_id: AccountId::new(0, 0, 3),
            url: format!("http://127.0.0.1:{dead_port}"),
        }]),
        1005,
        "Alice",
    )
    .with_max_attempts(3);
    let tx = nowhere
        .prepare(
            TransferTransaction::new()
                .with_hbar_transfer(AccountId::new(0, 0, 1005), Hbar::from_tinybars(-1))
                .with_hbar_transfer(AccountId::new(0, 0, 1006), Hbar::from_tinybars(1)),
        )
        .unwrap();
    assert_eq!(
        nowhere.submit(&tx).await.unwrap_err().code(),
        "NO_HEALTHY_NODE"
    );

    // A gateway serving other bytes than the CID names: an error, never the data.
    let transport = HyperTransport::default();
    let ipfs = IpfsClient::new(
        &transport,
        net.ipfs_api_url.as_deref().unwrap(),
        net.ipfs_gateway_url.as_deref().unwrap(),
    );
    let cid = ipfs.add("real.json", b"{\"real\":true}").await.unwrap();
    let liar = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let liar_url = format!("http://{}", liar.local_addr().unwrap());
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        loop {
            let (mut s, _) = liar.accept().await.unwrap();
            let mut buf = [0u8; 4096];
            let _ = s.read(&mut buf).await;
            let body = b"{\"real\":false}";
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes()).await;
            let _ = s.write_all(body).await;
        }
    });
    let lying = IpfsClient::new(&transport, &liar_url, &liar_url);
    let err = lying.cat(&cid).await.unwrap_err();
    assert_eq!(err.code(), "CID_MISMATCH", "{err}");
    // The real gateway serves the real bytes.
    assert_eq!(ipfs.cat(&cid).await.unwrap(), b"{\"real\":true}");

    // Mirror: an unknown account is a typed HTTP error with its status.
    let runtime = TokioRuntime;
    let mirror = MirrorClient::new(&transport, &runtime, &net.mirror_url);
    match mirror.account("0.0.987654").await.unwrap_err() {
        Error::Http { status, .. } => assert_eq!(status, 404),
        other => panic!("{other}"),
    }
}

/// Several files in one `/api/v0/add` request (how a staff action's wave uploads its mints'
/// metadata): the CIDs, in the order given, are those of adding each file alone, a file added
/// twice (in one request, or again later) keeps its CID, and every file comes back through the
/// gateway. A node that does not name a file it was sent is an error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_files_in_one_add_have_the_cids_of_one_by_one_adds() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let net = network(&devnet);
    let transport = HyperTransport::default();
    let ipfs = IpfsClient::new(
        &transport,
        net.ipfs_api_url.as_deref().unwrap(),
        net.ipfs_gateway_url.as_deref().unwrap(),
    );
    let big: Vec<u8> = (0..300_000u32).map(|i| (i % 241) as u8).collect();
    let files: Vec<(&str, &[u8])> = vec![
        ("a.json", b"{\"position\":1}"),
        ("b.json", b"{\"position\":2}"),
        ("again.json", b"{\"position\":1}"),
        ("big.bin", &big),
        ("empty", b""),
    ];
    let together = ipfs.add_all(&files).await.unwrap();
    assert_eq!(together.len(), files.len());
    assert_eq!(together[0], together[2], "the same bytes, the same CID");
    assert_ne!(together[0], together[1]);
    assert_eq!(together[3].codec, loyal_ipfs::DAG_PB, "more than one block");
    for ((name, bytes), cid) in files.iter().zip(&together) {
        assert_eq!(*cid, loyal_ipfs::add(bytes).0, "{name}");
        assert_eq!(ipfs.add(name, bytes).await.unwrap(), *cid, "{name} alone");
        assert_eq!(ipfs.cat(cid).await.unwrap(), *bytes, "{name} read back");
    }
    assert_eq!(ipfs.add_all(&files).await.unwrap(), together, "added again");
    assert!(ipfs.add_all(&[]).await.unwrap().is_empty());

    // An API that answers for the first file only.
    let first = together[0].to_string();
    let liar = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let liar_url = format!("http://{}", liar.local_addr().unwrap());
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        loop {
            let (mut s, _) = liar.accept().await.unwrap();
            let mut buf = vec![0u8; 1 << 20];
            let _ = s.read(&mut buf).await;
            let body = format!("{{\"Name\":\"a.json\",\"Hash\":\"{first}\",\"Size\":\"14\"}}\n");
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = s.write_all(head.as_bytes()).await;
            let _ = s.write_all(body.as_bytes()).await;
        }
    });
    let lying = IpfsClient::new(&transport, &liar_url, &liar_url);
    let err = lying.add_all(&files[..2]).await.unwrap_err();
    assert_eq!(err.code(), "CID_MISMATCH", "{err}");
    assert!(err.to_string().contains(&together[1].to_string()), "{err}");
}
