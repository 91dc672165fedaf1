//! The mirror REST API against the official OpenAPI spec: a devnet is populated over real gRPC
//! (tokens, NFTs, transfers, a pending airdrop, topic messages, a schedule), then every
//! endpoint's responses (populated, empty, paginated, 400 and 404) are validated by
//! openapi-schema-validator (tests/mirror/validate.py), and their content is checked here.

use hedera_proto::services::{
    self as hp, consensus_service_client::ConsensusServiceClient,
    crypto_service_client::CryptoServiceClient, schedule_service_client::ScheduleServiceClient,
    token_service_client::TokenServiceClient, ResponseCodeEnum as Code,
};
use loyal_core::{
    hbar::Hbar,
    id::{AccountId, NftId, TokenId, TopicId},
    key::PrivateKey,
    proto::Message as _,
    time::Timestamp,
    transaction::*,
    transaction_id::TransactionId,
};
use loyal_devnet::{genesis, spawn, DevnetConfig};
use prost_013::Message as _;
use serde_json::{json, Value};
use std::path::PathBuf;
use tonic::transport::Channel;

fn key(name: &str) -> PrivateKey {
    genesis::key_for(name, name == "Bob")
}

fn account(n: u64) -> AccountId {
    AccountId::new(0, 0, n)
}

struct Net {
    channel: Channel,
    nanos: i32,
}

impl Net {
    fn ready<D: TransactionData>(&mut self, b: Builder<D>, payer: u64) -> Builder<D> {
        self.nanos += 1;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap();
        b.with_transaction_id(TransactionId::new(
            account(payer),
            Timestamp::new(now.as_secs() as i64 - 1, self.nanos),
        ))
        .with_node_account_ids([account(3)])
        .with_max_transaction_fee(Hbar::new(1000))
    }

    /// Submits over gRPC to the service the body belongs to; returns the receipt.
    async fn exec<D: TransactionData>(
        &mut self,
        b: Builder<D>,
        payer: u64,
        signers: &[&PrivateKey],
    ) -> hp::TransactionReceipt {
        let mut tx = self.ready(b, payer).freeze().unwrap();
        for k in signers {
            tx.sign(k);
        }
        let wire =
            hp::Transaction::decode(tx.entries()[0].to_proto().encode_to_vec().as_slice()).unwrap();
        use hp::transaction_body::Data;
        let body = hp::TransactionBody::decode(tx.entries()[0].body_bytes()).unwrap();
        let ch = self.channel.clone();
        let response = match body.data.unwrap() {
            Data::CryptoTransfer(_) => CryptoServiceClient::new(ch).crypto_transfer(wire).await,
            Data::CryptoCreateAccount(_) => CryptoServiceClient::new(ch).create_account(wire).await,
            Data::TokenCreation(_) => TokenServiceClient::new(ch).create_token(wire).await,
            Data::TokenMint(_) => TokenServiceClient::new(ch).mint_token(wire).await,
            Data::TokenAssociate(_) => TokenServiceClient::new(ch).associate_tokens(wire).await,
            Data::TokenAirdrop(_) => TokenServiceClient::new(ch).airdrop_tokens(wire).await,
            Data::ConsensusCreateTopic(_) => {
                ConsensusServiceClient::new(ch).create_topic(wire).await
            }
            Data::ConsensusSubmitMessage(_) => {
                ConsensusServiceClient::new(ch).submit_message(wire).await
            }
            Data::ScheduleCreate(_) => ScheduleServiceClient::new(ch).create_schedule(wire).await,
            other => panic!("not used here: {other:?}"),
        }
        .unwrap()
        .into_inner();
        assert_eq!(response.node_transaction_precheck_code, Code::Ok as i32);
        let query = hp::Query {
            query: Some(hp::query::Query::TransactionGetReceipt(
                hp::TransactionGetReceiptQuery {
                    transaction_id: Some(
                        hp::TransactionId::decode(
                            tx.transaction_id().to_proto().encode_to_vec().as_slice(),
                        )
                        .unwrap(),
                    ),
                    ..Default::default()
                },
            )),
        };
        let response = CryptoServiceClient::new(self.channel.clone())
            .get_transaction_receipts(query)
            .await
            .unwrap()
            .into_inner();
        match response.response {
            Some(hp::response::Response::TransactionGetReceipt(r)) => r.receipt.unwrap(),
            other => panic!("{other:?}"),
        }
    }
}

fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/mirror")
}

/// Runs the registry validator over every (url, template, status); true when all conform.
fn validate(checks: &[(String, &str, u16)]) -> bool {
    let dir = spec_dir();
    let python = dir.join(".venv/bin/python");
    assert!(
        python.exists(),
        "run `cargo xtask install` first: {} is missing",
        python.display()
    );
    let input: Vec<Value> = checks
        .iter()
        .map(|(url, template, status)| json!({"url": url, "template": template, "status": status}))
        .collect();
    let mut child = std::process::Command::new(python)
        .arg(dir.join("validate.py"))
        .arg(dir.join("mirror-openapi.yml"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&input).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    out.status.success()
}

async fn get(base: &str, path: &str) -> (u16, Value) {
    // A tiny HTTP/1.1 GET over a real socket, to keep the test free of an HTTP client crate.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
    )
    .await
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8(raw).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    // axum answers JSON with a content-length, never chunked, for these small bodies.
    (status, serde_json::from_str(body).unwrap())
}

/// Follows `links.next` from `path` and returns every item under `field`.
async fn all_pages(base: &str, path: &str, field: &str) -> (Vec<Value>, Vec<String>) {
    let (mut items, mut pages) = (Vec::new(), vec![path.to_owned()]);
    let mut next = Some(path.to_owned());
    while let Some(p) = next {
        let (status, body) = get(base, &p).await;
        assert_eq!(status, 200, "{p}: {body}");
        items.extend(body[field].as_array().unwrap().iter().cloned());
        next = body["links"]["next"].as_str().map(str::to_owned);
        if let Some(n) = &next {
            pages.push(n.clone());
        }
        assert!(pages.len() < 50, "pagination does not end");
    }
    (items, pages)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mirror_rest_conforms_to_the_openapi_spec() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let base = format!("http://{}", devnet.mirror_addr());
    let channel = Channel::from_shared(format!("http://{}", devnet.grpc_addr()))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut net = Net { channel, nanos: 0 };

    // Empty cases first: a fresh devnet has accounts but no tokens, topics or transactions.
    let mut checks: Vec<(String, &str, u16)> = vec![
        (format!("{base}/api/v1/tokens"), "/api/v1/tokens", 200),
        (
            format!("{base}/api/v1/transactions"),
            "/api/v1/transactions",
            200,
        ),
        (
            format!("{base}/api/v1/accounts/0.0.1005/nfts"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/nfts",
            200,
        ),
        (
            format!("{base}/api/v1/accounts/0.0.1005/tokens"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/tokens",
            200,
        ),
        (
            format!("{base}/api/v1/accounts/0.0.1006/airdrops/pending"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/airdrops/pending",
            200,
        ),
    ];
    let (_, empty) = get(&base, "/api/v1/transactions").await;
    assert_eq!(empty["transactions"], json!([]));
    assert_eq!(empty["links"]["next"], Value::Null);

    let (bp, alice, bob, op) = (
        key("BestProducer"),
        key("Alice"),
        key("Bob"),
        key("operator"),
    );
    // An NFT collection with three serials, one sent to Alice.
    let nft_token = net
        .exec(
            TokenCreateTransaction::new()
                .with_name("FastShoes twin")
                .with_symbol("TWIN")
                .with_token_type(TokenType::NonFungibleUnique)
                .with_treasury(account(1001))
                .with_admin_key(bp.public_key())
                .with_supply_key(bp.public_key())
                .with_token_memo("digital twins"),
            1001,
            &[&bp],
        )
        .await
        .token_id
        .unwrap()
        .token_num as u64;
    let nft_id = TokenId::new(0, 0, nft_token);
    let minted = net
        .exec(
            TokenMintTransaction::new()
                .with_token_id(nft_id)
                .with_metadata((1..=3).map(|i| format!("ipfs://bafy{i}").into_bytes())),
            1001,
            &[&bp],
        )
        .await;
    assert_eq!(minted.serial_numbers, vec![1, 2, 3]);
    net.exec(
        TokenAssociateTransaction::new()
            .with_account_id(account(1005))
            .with_token_ids([nft_id]),
        1005,
        &[&alice],
    )
    .await;
    let sent = net
        .exec(
            TransferTransaction::new().with_nft_transfer(
                NftId::new(nft_id, 2),
                account(1001),
                account(1005),
            ),
            1001,
            &[&bp],
        )
        .await;
    assert_eq!(sent.status, Code::Success as i32);
    // A fungible token: Bob is not associated and has no free slots, so an airdrop is pending.
    let ft = net
        .exec(
            TokenCreateTransaction::new()
                .with_name("StillWater ticket")
                .with_symbol("TIX")
                .with_decimals(0)
                .with_initial_supply(1000)
                .with_treasury(account(1004))
                .with_admin_key(key("StillWater").public_key())
                .with_freeze_key(key("StillWater").public_key()),
            1004,
            &[&key("StillWater")],
        )
        .await
        .token_id
        .unwrap()
        .token_num as u64;
    let ft_id = TokenId::new(0, 0, ft);
    let airdrop = net
        .exec(
            TokenAirdropTransaction::new()
                .with_token_transfer(ft_id, account(1004), -2)
                .with_token_transfer(ft_id, account(1006), 2),
            1004,
            &[&key("StillWater")],
        )
        .await;
    assert_eq!(airdrop.status, Code::Success as i32);
    // A topic with three messages, and a schedule waiting for Bob.
    let topic = net
        .exec(
            TopicCreateTransaction::new().with_topic_memo("race results"),
            1003,
            &[&key("SuperMarathon")],
        )
        .await
        .topic_id
        .unwrap()
        .topic_num as u64;
    for i in 1..=3 {
        net.exec(
            TopicMessageSubmitTransaction::new()
                .with_topic_id(TopicId::new(0, 0, topic))
                .with_message(format!("finisher {i}").into_bytes()),
            1003,
            &[&key("SuperMarathon")],
        )
        .await;
    }
    let schedule = net
        .exec(
            ScheduleCreateTransaction::new()
                .with_scheduled_transaction(
                    &TransferTransaction::new()
                        .with_hbar_transfer(account(1006), Hbar::from_tinybars(-5))
                        .with_hbar_transfer(account(1005), Hbar::from_tinybars(5)),
                )
                .unwrap(),
            2,
            &[&op],
        )
        .await
        .schedule_id
        .unwrap()
        .schedule_num as u64;
    let _ = &bob;

    // Content: what the spec's shapes must also say.
    let (_, alice_info) = get(&base, "/api/v1/accounts/0.0.1005").await;
    assert_eq!(alice_info["account"], "0.0.1005");
    assert_eq!(alice_info["key"]["_type"], "ED25519");
    assert_eq!(alice_info["key"]["key"], alice.public_key().to_string_raw());
    assert!(alice_info["transactions"].as_array().unwrap().len() >= 2);
    let (_, alice_nfts) = get(&base, "/api/v1/accounts/0.0.1005/nfts").await;
    assert_eq!(alice_nfts["nfts"][0]["serial_number"], 2);
    assert_eq!(alice_nfts["nfts"][0]["metadata"], "aXBmczovL2JhZnky"); // base64("ipfs://bafy2")
    let (_, pending) = get(&base, "/api/v1/accounts/0.0.1006/airdrops/pending").await;
    assert_eq!(pending["airdrops"][0]["amount"], 2);
    assert_eq!(pending["airdrops"][0]["sender_id"], "0.0.1004");
    let (_, outstanding) = get(&base, "/api/v1/accounts/0.0.1004/airdrops/outstanding").await;
    assert_eq!(outstanding["airdrops"][0]["receiver_id"], "0.0.1006");
    let (_, bob_info) = get(&base, "/api/v1/accounts/0.0.1006").await;
    assert_eq!(bob_info["key"]["_type"], "ECDSA_SECP256K1");
    let evm = bob_info["evm_address"].as_str().unwrap().to_owned();
    let (status, by_evm) = get(&base, &format!("/api/v1/accounts/{evm}")).await;
    assert_eq!((status, &by_evm["account"]), (200, &json!("0.0.1006")));
    let nft_path = format!("/api/v1/tokens/0.0.{nft_token}/nfts/2/transactions");
    let (_, history) = get(&base, &nft_path).await;
    let kinds: Vec<&str> = history["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["CRYPTOTRANSFER", "TOKENMINT"]);
    let (_, balances) = get(&base, &format!("/api/v1/tokens/0.0.{ft}/balances")).await;
    // A pending airdrop leaves the tokens with the sender until claimed (HIP-904).
    assert_eq!(
        balances["balances"][0],
        json!({"account": "0.0.1004", "balance": 1000, "decimals": 0})
    );
    let (_, info) = get(&base, &format!("/api/v1/tokens/0.0.{nft_token}")).await;
    assert_eq!(
        (info["total_supply"].as_str(), info["memo"].as_str()),
        (Some("3"), Some("digital twins"))
    );

    // Pagination: limit=1 walks every item exactly once, in order, through links.next.
    let (nfts, pages) = all_pages(
        &base,
        &format!("/api/v1/tokens/0.0.{nft_token}/nfts?limit=1"),
        "nfts",
    )
    .await;
    let serials: Vec<i64> = nfts
        .iter()
        .map(|n| n["serial_number"].as_i64().unwrap())
        .collect();
    assert_eq!(serials, [3, 2, 1]);
    let (all_tx, tx_pages) = all_pages(
        &base,
        "/api/v1/transactions?limit=2&order=asc",
        "transactions",
    )
    .await;
    let (_, hundred) = get(&base, "/api/v1/transactions?limit=100").await;
    assert_eq!(
        all_tx.len(),
        hundred["transactions"].as_array().unwrap().len()
    );
    let stamps: Vec<&str> = all_tx
        .iter()
        .map(|t| t["consensus_timestamp"].as_str().unwrap())
        .collect();
    assert!(
        stamps.windows(2).all(|w| w[0] < w[1]),
        "ascending and no repeats: {stamps:?}"
    );
    let (messages, msg_pages) = all_pages(
        &base,
        &format!("/api/v1/topics/0.0.{topic}/messages?limit=2"),
        "messages",
    )
    .await;
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[2]["message"], "ZmluaXNoZXIgMw=="); // base64("finisher 3")
    let (accounts, account_pages) = all_pages(&base, "/api/v1/accounts?limit=3", "accounts").await;
    assert!(accounts.len() >= 8);
    // Filters.
    let (_, transfers) = get(
        &base,
        "/api/v1/transactions?transactiontype=CRYPTOTRANSFER&account.id=0.0.1005",
    )
    .await;
    assert_eq!(transfers["transactions"].as_array().unwrap().len(), 1);
    let first = &all_tx[0];
    let (_, by_id) = get(
        &base,
        &format!(
            "/api/v1/transactions/{}",
            first["transaction_id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(
        by_id["transactions"][0]["consensus_timestamp"],
        first["consensus_timestamp"]
    );

    let t = |s: &str| format!("{base}{s}");
    for page in pages
        .iter()
        .chain(&tx_pages)
        .chain(&msg_pages)
        .chain(&account_pages)
    {
        let template = if page.starts_with("/api/v1/tokens/") {
            "/api/v1/tokens/{tokenId}/nfts"
        } else if page.starts_with("/api/v1/transactions") {
            "/api/v1/transactions"
        } else if page.starts_with("/api/v1/topics") {
            "/api/v1/topics/{topicId}/messages"
        } else {
            "/api/v1/accounts"
        };
        checks.push((t(page), template, 200));
    }
    let first_id = first["transaction_id"].as_str().unwrap();
    checks.extend([
        (
            t("/api/v1/accounts/0.0.1005"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.1006"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.2?limit=2"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.1005/nfts"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/nfts",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.1001/nfts?limit=1"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/nfts",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.1005/tokens"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/tokens",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.1006/airdrops/pending"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/airdrops/pending",
            200,
        ),
        (
            t("/api/v1/accounts/0.0.1004/airdrops/outstanding"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}/airdrops/outstanding",
            200,
        ),
        (t("/api/v1/tokens"), "/api/v1/tokens", 200),
        (
            t("/api/v1/tokens?type=NON_FUNGIBLE_UNIQUE&limit=1"),
            "/api/v1/tokens",
            200,
        ),
        (
            t(&format!("/api/v1/tokens/0.0.{nft_token}")),
            "/api/v1/tokens/{tokenId}",
            200,
        ),
        (
            t(&format!("/api/v1/tokens/0.0.{ft}")),
            "/api/v1/tokens/{tokenId}",
            200,
        ),
        (
            t(&format!("/api/v1/tokens/0.0.{ft}/balances")),
            "/api/v1/tokens/{tokenId}/balances",
            200,
        ),
        (
            t(&format!("/api/v1/tokens/0.0.{nft_token}/nfts/2")),
            "/api/v1/tokens/{tokenId}/nfts/{serialNumber}",
            200,
        ),
        (
            t(&nft_path),
            "/api/v1/tokens/{tokenId}/nfts/{serialNumber}/transactions",
            200,
        ),
        (
            t("/api/v1/transactions?limit=1"),
            "/api/v1/transactions",
            200,
        ),
        (
            t("/api/v1/transactions?account.id=0.0.1005&type=credit"),
            "/api/v1/transactions",
            200,
        ),
        (
            t(&format!("/api/v1/transactions/{first_id}")),
            "/api/v1/transactions/{transactionId}",
            200,
        ),
        (
            t(&format!("/api/v1/topics/0.0.{topic}/messages/2")),
            "/api/v1/topics/{topicId}/messages/{sequenceNumber}",
            200,
        ),
        (t("/api/v1/network/nodes"), "/api/v1/network/nodes", 200),
        (
            t(&format!("/api/v1/schedules/0.0.{schedule}")),
            "/api/v1/schedules/{scheduleId}",
            200,
        ),
        // Errors in the spec's `_status` shape.
        (
            t("/api/v1/accounts/0.0.999999"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}",
            404,
        ),
        (
            t("/api/v1/accounts/not-an-id"),
            "/api/v1/accounts/{idOrAliasOrEvmAddress}",
            400,
        ),
        (
            t("/api/v1/transactions?limit=1000"),
            "/api/v1/transactions",
            400,
        ),
        (
            t("/api/v1/transactions?timestamp=gt:yesterday"),
            "/api/v1/transactions",
            400,
        ),
        (
            t("/api/v1/transactions/0.0.2-1-2"),
            "/api/v1/transactions/{transactionId}",
            404,
        ),
        (
            t("/api/v1/tokens/0.0.4242"),
            "/api/v1/tokens/{tokenId}",
            404,
        ),
        (
            t(&format!("/api/v1/tokens/0.0.{nft_token}/nfts/99")),
            "/api/v1/tokens/{tokenId}/nfts/{serialNumber}",
            404,
        ),
        (
            t(&format!("/api/v1/topics/0.0.{topic}/messages/99")),
            "/api/v1/topics/{topicId}/messages/{sequenceNumber}",
            404,
        ),
        (
            t("/api/v1/schedules/0.0.4242"),
            "/api/v1/schedules/{scheduleId}",
            404,
        ),
    ]);
    let (nodes_status, nodes) = get(&base, "/api/v1/network/nodes").await;
    assert_eq!(nodes_status, 200);
    assert_eq!(
        nodes["nodes"][0]["grpc_proxy_endpoint"]["port"],
        devnet.grpc_web_addr().port()
    );
    assert!(
        validate(&checks),
        "mirror responses off the spec (see above)"
    );
    // The validator is no rubber stamp: a transactions page is not a node list.
    assert!(!validate(&[(
        t("/api/v1/transactions"),
        "/api/v1/network/nodes",
        200
    )]));
}

#[tokio::test]
async fn mirror_lag_holds_transactions_back() {
    let devnet =
        spawn(DevnetConfig::ephemeral().with_mirror_lag(std::time::Duration::from_secs(3)))
            .await
            .unwrap();
    let base = format!("http://{}", devnet.mirror_addr());
    let channel = Channel::from_shared(format!("http://{}", devnet.grpc_addr()))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut net = Net { channel, nanos: 0 };
    let receipt = net
        .exec(
            TransferTransaction::new()
                .with_hbar_transfer(account(2), Hbar::from_tinybars(-7))
                .with_hbar_transfer(account(1005), Hbar::from_tinybars(7)),
            2,
            &[&key("operator")],
        )
        .await;
    assert_eq!(receipt.status, Code::Success as i32);
    let (_, before) = get(&base, "/api/v1/transactions").await;
    assert_eq!(
        before["transactions"],
        json!([]),
        "visible before the lag passed"
    );
    let started = std::time::Instant::now();
    loop {
        let (_, after) = get(&base, "/api/v1/transactions").await;
        if after["transactions"].as_array().unwrap().len() == 1 {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(15),
            "never showed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
