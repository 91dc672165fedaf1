//! Every typed mirror model against what a real devnet serves over its REST port: an NFT
//! minted and moved (its transfers, holders, the account's tokens), a topic message, a
//! schedule, an airdrop left pending, the accounts and tokens lists.

use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::{Client, MirrorClient, Network};
use loyal_core::hbar::Hbar;
use loyal_core::id::{AccountId, NftId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::transaction::*;
use loyal_devnet::{genesis, spawn, DevnetConfig};

type Native = Client<HyperTransport, TokioRuntime>;

async fn run<D: TransactionData>(
    client: &Native,
    b: Builder<D>,
    also: Option<&PrivateKey>,
) -> loyal_client::Receipt {
    let mut tx = client.prepare(b).unwrap();
    if let Some(k) = also {
        tx.sign(k);
    }
    client.execute(&tx).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_models_read_what_the_devnet_serves() {
    let devnet = spawn(DevnetConfig::ephemeral()).await.unwrap();
    let net = Network::local(
        "127.0.0.1",
        devnet.grpc_web_addr().port(),
        devnet.mirror_addr().port(),
        devnet.ipfs_addr().port(),
    );
    let producer_key = genesis::key_for("BestProducer", false);
    let alice_key = genesis::key_for("Alice", false);
    let producer = Client::new(net.clone(), HyperTransport::default(), TokioRuntime)
        .with_operator(AccountId::new(0, 0, 1001), producer_key.clone());
    let (producer_id, alice) = (AccountId::new(0, 0, 1001), AccountId::new(0, 0, 1005));

    // An NFT minted, associated by Alice and sent to her.
    let token: TokenId = run(
        &producer,
        TokenCreateTransaction::new()
            .with_name("Twins")
            .with_symbol("TWIN")
            .with_token_type(TokenType::NonFungibleUnique)
            .with_treasury(producer_id.clone())
            .with_supply_key(producer_key.public_key()),
        None,
    )
    .await
    .token_id
    .unwrap();
    run(
        &producer,
        TokenMintTransaction::new()
            .with_token_id(token)
            .with_metadata([b"ipfs://x".to_vec()]),
        None,
    )
    .await;
    run(
        &producer,
        TokenAssociateTransaction::new()
            .with_account_id(alice.clone())
            .with_token_ids([token]),
        Some(&alice_key),
    )
    .await;
    run(
        &producer,
        TransferTransaction::new().with_nft_transfer(
            NftId::new(token, 1),
            producer_id.clone(),
            alice.clone(),
        ),
        None,
    )
    .await;

    // A topic message, a schedule, and an airdrop to an account with no free association slot.
    let topic = run(
        &producer,
        TopicCreateTransaction::new().with_topic_memo("news"),
        None,
    )
    .await
    .topic_id
    .unwrap();
    run(
        &producer,
        TopicMessageSubmitTransaction::new()
            .with_topic_id(topic)
            .with_message(b"hello".to_vec()),
        None,
    )
    .await;
    let schedule = run(
        &producer,
        ScheduleCreateTransaction::new()
            .with_scheduled_transaction(
                &TransferTransaction::new()
                    .with_hbar_transfer(alice.clone(), Hbar::from_tinybars(-1))
                    .with_hbar_transfer(producer_id.clone(), Hbar::from_tinybars(1)),
            )
            .unwrap()
            .with_schedule_memo("later"),
        None,
    )
    .await
    .schedule_id
    .unwrap();
    let points = run(
        &producer,
        TokenCreateTransaction::new()
            .with_name("Points")
            .with_symbol("PTS")
            .with_initial_supply(1000)
            .with_treasury(producer_id.clone()),
        None,
    )
    .await
    .token_id
    .unwrap();
    let stranger = PrivateKey::generate_ed25519(&mut rand_core::OsRng);
    let stranger_id = run(
        &producer,
        AccountCreateTransaction::new()
            .with_key(stranger.public_key())
            .with_initial_balance(Hbar::new(1)),
        None,
    )
    .await
    .account_id
    .unwrap();
    run(
        &producer,
        TokenAirdropTransaction::new()
            .with_token_transfer(points, producer_id.clone(), -7)
            .with_token_transfer(points, stranger_id.clone(), 7),
        None,
    )
    .await;

    let (transport, runtime) = (HyperTransport::default(), TokioRuntime);
    let mirror = MirrorClient::new(&transport, &runtime, &net.mirror_url);
    let t = token.to_string();

    let moves = mirror.nft_transfers(&t, 1, 5).collect().await.unwrap();
    let sent = moves
        .iter()
        .find(|m| m.kind == "CRYPTOTRANSFER")
        .expect("the transfer");
    assert_eq!(sent.sender_account_id.as_deref(), Some("0.0.1001"));
    assert_eq!(sent.receiver_account_id.as_deref(), Some("0.0.1005"));
    assert!(
        moves
            .iter()
            .any(|m| m.kind == "TOKENMINT" && m.receiver_account_id.as_deref() == Some("0.0.1001")),
        "{moves:?}"
    );

    let held = mirror
        .account_tokens("0.0.1005", 5)
        .collect()
        .await
        .unwrap();
    let twin = held
        .iter()
        .find(|r| r.token_id == t)
        .expect("Alice holds the token");
    assert_eq!(twin.balance, 1);
    let holders = mirror.token_holders(&t, 5).collect().await.unwrap();
    assert!(
        holders
            .iter()
            .any(|h| h.account == "0.0.1005" && h.balance == 1),
        "{holders:?}"
    );

    assert!(mirror
        .tokens(10)
        .collect()
        .await
        .unwrap()
        .iter()
        .any(|s| s.token_id == t && s.kind == "NON_FUNGIBLE_UNIQUE"));
    assert!(mirror
        .accounts(10)
        .collect()
        .await
        .unwrap()
        .iter()
        .any(|a| a.account == "0.0.1005"));

    let message = mirror.topic_message(&topic.to_string(), 1).await.unwrap();
    assert_eq!(
        (message.message.as_slice(), message.sequence_number),
        (&b"hello"[..], 1)
    );

    // A message over 1,024 bytes goes in three chunks, and execute sends every one of them.
    let long: Vec<u8> = (0..2500u32).map(|i| b'a' + (i % 26) as u8).collect();
    let receipt = run(
        &producer,
        TopicMessageSubmitTransaction::new()
            .with_topic_id(topic)
            .with_message(long.clone()),
        None,
    )
    .await;
    assert_eq!(
        receipt.topic_sequence_number, 2,
        "the first chunk's receipt"
    );
    let chunks = mirror
        .topic_messages(&topic.to_string(), 5)
        .collect()
        .await
        .unwrap();
    assert_eq!(chunks.len(), 4, "hello and three chunks");
    let joined: Vec<u8> = chunks[1..].iter().flat_map(|m| m.message.clone()).collect();
    assert_eq!(joined, long);

    let listed = mirror.network_nodes(5).collect().await.unwrap();
    let nodes = loyal_client::reachable_nodes(listed).unwrap();
    assert_eq!(nodes.len(), 1);
    assert_eq!(nodes[0].account_id, AccountId::new(0, 0, 3));
    assert_eq!(
        nodes[0].url, net.nodes[0].url,
        "the devnet advertises its own gRPC-web proxy"
    );

    let s = mirror.schedule(&schedule.to_string()).await.unwrap();
    assert_eq!(
        (
            s.schedule_id.as_str(),
            s.creator_account_id.as_str(),
            s.memo.as_str()
        ),
        (schedule.to_string().as_str(), "0.0.1001", "later")
    );

    let pending = mirror
        .pending_airdrops(&stranger_id.to_string(), 5)
        .collect()
        .await
        .unwrap();
    assert_eq!(pending.len(), 1, "{pending:?}");
    assert_eq!(
        (
            pending[0].token_id.as_str(),
            pending[0].amount,
            pending[0].sender_id.as_str()
        ),
        (points.to_string().as_str(), 7, "0.0.1001")
    );
}
