//! The journey's four workflows end to end against a devnet over real sockets, with the
//! organisations' runners holding their own keys and the customers signing their proofs.

mod common;

use common::*;
use loyal_core::transaction::*;
use loyal_workflow::setup::order_code;
use loyal_workflow::{Runner, Status};
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_four_workflows_with_their_refusals() {
    // Mirror lag as on Hedera (shorter): every read of our own records waits for it.
    let config = loyal_devnet::DevnetConfig::ephemeral()
        .with_mirror_lag(std::time::Duration::from_millis(300));
    let devnet = loyal_devnet::spawn(config).await.unwrap();
    let d = deploy(&devnet).await;
    let c = client(d.client_network().unwrap());
    let (twin, medal, ticket) = (
        token(&d, "twin"),
        token(&d, "accomplishment"),
        token(&d, "ticket"),
    );
    associate(&c, "Alice", &[twin, ticket]).await;
    // Every token carries its TTF classification in its own (HIP-646) metadata on IPFS.
    let mirror =
        loyal_client::MirrorClient::new(c.transport(), c.runtime(), &c.network().mirror_url);
    let ipfs = loyal_client::IpfsClient::new(
        c.transport(),
        d.network.ipfs_api.as_deref().unwrap(),
        d.network.ipfs_gateway.as_deref().unwrap(),
    );
    for (t, formula) in [
        (twin, "[tN{~d,t,m,b,r}]"),
        (medal, "[tN{~d,t,m,b,r}]"),
        (ticket, "[tF{~d,t,b,r}]"),
    ] {
        let info = mirror
            .get_json(&format!("/api/v1/tokens/{t}"))
            .await
            .unwrap();
        assert_eq!(
            loyal_workflow::ttf::from_mirror_json(&info)
                .unwrap()
                .formula,
            formula
        );
        let uri = base64_decode(info["metadata"].as_str().unwrap());
        let doc: Value = serde_json::from_slice(
            &ipfs
                .cat_path(&String::from_utf8(uri).unwrap())
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(doc["ttf"]["formula"], json!(formula), "{t}");
    }

    // 1. Redeem the twin with the order code of serial 1.
    let mut fastshoes = Runner::new(&c, d.clone(), "FastShoes", key("FastShoes"))
        .unwrap()
        .with_journey()
        .unwrap();
    let code = order_code(&SEED, 1);
    post(
        &c,
        &d,
        "FastShoes",
        "Alice",
        &request(
            "fastshoes.redeem-twin",
            "redeem-alice-1",
            "Alice",
            &[("code", &code)],
            None,
        ),
    )
    .await;
    // The same code again, by Bob; and a code that is no order.
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.redeem-twin",
            "redeem-bob-1",
            "Bob",
            &[("code", &code)],
            None,
        ),
    )
    .await;
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.redeem-twin",
            "redeem-bob-2",
            "Bob",
            &[("code", "FS-0001-00000000")],
            None,
        ),
    )
    .await;
    let reports = poll_n(&mut fastshoes, 3).await;
    let by_id: BTreeMap<_, _> = reports.iter().map(|r| (r.request.as_str(), r)).collect();
    assert_eq!(
        by_id["redeem-alice-1"].status,
        Status::Granted,
        "{:?}",
        by_id["redeem-alice-1"]
    );
    assert_eq!(by_id["redeem-alice-1"].fields["twin"], json!(1));
    assert_eq!(
        by_id["redeem-bob-1"].code.as_deref(),
        Some("ALREADY_REDEEMED")
    );
    assert_eq!(
        by_id["redeem-bob-2"].code.as_deref(),
        Some("WORKFLOW_NOT_FOUND")
    );
    assert_eq!(owner(&c, twin, 1).await.as_deref(), Some("0.0.1005"));
    // A request too long for one topic message arrives in chunks and is read whole.
    let long = "X".repeat(1500);
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.redeem-twin",
            "redeem-bob-long",
            "Bob",
            &[("code", &long)],
            None,
        ),
    )
    .await;
    let r = poll_n(&mut fastshoes, 1).await.remove(0);
    assert_eq!(
        (r.request.as_str(), r.code.as_deref()),
        ("redeem-bob-long", Some("WORKFLOW_NOT_FOUND")),
        "{r:?}"
    );
    // A request id that could not be written in an outcome: post_request refuses it, and
    // sent anyway it is not answered, nor recorded.
    let bad = request(
        "fastshoes.redeem-twin",
        &"x".repeat(100),
        "Bob",
        &[("code", &code)],
        None,
    );
    let inbox = &d.organisations["FastShoes"].inbox_topic;
    let refused = loyal_workflow::post_request(&c, &account("Bob"), &key("Bob"), inbox, &bad).await;
    assert_eq!(refused.unwrap_err().code(), "WORKFLOW_INVALID_INPUT");
    let mut raw = c
        .prepare(
            TopicMessageSubmitTransaction::new()
                .with_topic_id(inbox.parse().unwrap())
                .with_message(loyal_workflow::Message::Request(bad).to_bytes())
                .with_transaction_id(c.new_transaction_id(account("Bob"))),
        )
        .unwrap();
    raw.sign(&key("Bob"));
    c.execute(&raw).await.unwrap();
    let r = poll_n(&mut fastshoes, 1).await.remove(0);
    assert_eq!(
        (r.recorded, r.code.as_deref()),
        (false, Some("WORKFLOW_INVALID_INPUT")),
        "{r:?}"
    );
    // Nothing new on the inbox: nothing done again.
    assert!(fastshoes.poll_inbox().await.unwrap().is_empty());
    // Bob redeems code 2 before his account can take the twin: the network refuses the
    // transfer, nothing is granted and the code is free again; associated, he redeems it.
    let code2 = order_code(&SEED, 2);
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.redeem-twin",
            "redeem-bob-3",
            "Bob",
            &[("code", &code2)],
            None,
        ),
    )
    .await;
    let r = poll_n(&mut fastshoes, 1).await.remove(0);
    assert_eq!(
        (r.status, r.code.as_deref()),
        (Status::Refused, Some("TOKEN_NOT_ASSOCIATED_TO_ACCOUNT")),
        "{r:?}"
    );
    associate(&c, "Bob", &[twin]).await;
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.redeem-twin",
            "redeem-bob-4",
            "Bob",
            &[("code", &code2)],
            None,
        ),
    )
    .await;
    let r = poll_n(&mut fastshoes, 1).await.remove(0);
    assert_eq!(r.status, Status::Granted, "{r:?}");
    assert_eq!(owner(&c, twin, 2).await.as_deref(), Some("0.0.1006"));

    // 2. Join the challenge: Alice proves her twin; Bob claims a twin he does not own.
    let alice_join = proof(
        &d,
        "FastShoes",
        "challenge-join",
        "Alice",
        "join-alice-000001",
        &[(twin, 1)],
    );
    post(
        &c,
        &d,
        "FastShoes",
        "Alice",
        &request(
            "fastshoes.challenge-join",
            "join-alice-000001",
            "Alice",
            &[],
            Some(alice_join),
        ),
    )
    .await;
    let bob_join = proof(
        &d,
        "FastShoes",
        "challenge-join",
        "Bob",
        "join-bob-0000001",
        &[(twin, 3)],
    );
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.challenge-join",
            "join-bob-0000001",
            "Bob",
            &[],
            Some(bob_join),
        ),
    )
    .await;
    // Alice's proof replayed under another request id: the nonce is the request.
    let replay = proof(
        &d,
        "FastShoes",
        "challenge-join",
        "Alice",
        "join-alice-000001",
        &[(twin, 1)],
    );
    post(
        &c,
        &d,
        "FastShoes",
        "Alice",
        &request(
            "fastshoes.challenge-join",
            "join-alice-000002",
            "Alice",
            &[],
            Some(replay),
        ),
    )
    .await;
    let again = proof(
        &d,
        "FastShoes",
        "challenge-join",
        "Alice",
        "join-alice-000003",
        &[(twin, 1)],
    );
    post(
        &c,
        &d,
        "FastShoes",
        "Alice",
        &request(
            "fastshoes.challenge-join",
            "join-alice-000003",
            "Alice",
            &[],
            Some(again),
        ),
    )
    .await;
    let reports = poll_n(&mut fastshoes, 4).await;
    let by_id: BTreeMap<_, _> = reports.iter().map(|r| (r.request.as_str(), r)).collect();
    let joined = by_id["join-alice-000001"];
    assert_eq!(joined.status, Status::Granted, "{joined:?}");
    assert_eq!(joined.fields["joined"], json!(true));
    assert_eq!(joined.fields["twin"], json!(format!("{twin}#1")));
    assert_eq!(
        by_id["join-bob-0000001"].code.as_deref(),
        Some("PROOF_NOT_OWNER"),
        "{:?}",
        by_id["join-bob-0000001"]
    );
    assert_eq!(
        by_id["join-alice-000002"].code.as_deref(),
        Some("PROOF_REPLAYED")
    );
    assert_eq!(
        by_id["join-alice-000003"].code.as_deref(),
        Some("ALREADY_REDEEMED")
    );

    // Bob (ECDSA) signs a proof of his twin, then gives the twin away before sending it.
    let bob_proof = proof(
        &d,
        "FastShoes",
        "challenge-join",
        "Bob",
        "join-bob-0000002",
        &[(twin, 2)],
    );
    let mut give = c
        .prepare(
            TransferTransaction::new()
                .with_nft_transfer(
                    loyal_core::id::NftId::new(twin, 2),
                    account("Bob"),
                    account("Alice"),
                )
                .with_transaction_id(c.new_transaction_id(account("Bob"))),
        )
        .unwrap();
    give.sign(&key("Bob"));
    c.execute(&give).await.unwrap();
    post(
        &c,
        &d,
        "FastShoes",
        "Bob",
        &request(
            "fastshoes.challenge-join",
            "join-bob-0000002",
            "Bob",
            &[],
            Some(bob_proof),
        ),
    )
    .await;
    let r = poll_n(&mut fastshoes, 1).await.remove(0);
    assert_eq!(r.code.as_deref(), Some("PROOF_NOT_OWNER"), "{r:?}");

    // 3. Results: Alice 250th gets an accomplishment (a pending airdrop: she is not
    // associated); Bob 600th gets nothing.
    let mut marathon = Runner::new(&c, d.clone(), "SuperMarathon", key("SuperMarathon"))
        .unwrap()
        .with_journey()
        .unwrap();
    let inputs: BTreeMap<String, Value> = BTreeMap::from([
        ("event".into(), json!("SuperMarathon 2026")),
        ("date".into(), json!("2026-11-29")),
        (
            "results".into(),
            json!("account,position,time\n0.0.1005,250,3:41:07\n0.0.1006,600,4:58:30\nnobody,300,4:00:00\n"),
        ),
    ]);
    let reports = marathon
        .run_staff("supermarathon.results", "results-2026", &inputs)
        .await
        .unwrap();
    assert_eq!(reports.len(), 3);
    assert_eq!(reports[0].status, Status::Granted, "{:?}", reports[0]);
    // A row whose account is not one: nothing claimed or minted for it.
    assert_eq!(
        (reports[2].recorded, reports[2].code.as_deref()),
        (false, Some("WORKFLOW_INVALID_INPUT"))
    );
    assert_eq!(reports[0].fields["position"], json!(250));
    assert_eq!(
        (reports[1].recorded, reports[1].code.as_deref()),
        (false, Some("PREDICATE"))
    );
    let nft = format!("{medal}#1");
    assert_eq!(reports[0].fields["accomplishment"], json!(nft));
    // Published twice (a staff member's double click): nothing minted again.
    let again = marathon
        .run_staff("supermarathon.results", "results-2026", &inputs)
        .await
        .unwrap();
    assert!(again[0].settled_before);
    let m = loyal_client::MirrorClient::new(c.transport(), c.runtime(), &c.network().mirror_url);
    assert_eq!(
        m.token_nfts(&medal.to_string(), 10)
            .collect()
            .await
            .unwrap()
            .len(),
        1
    );
    // The metadata on IPFS: the row, the event, and the collection's TTF classification.
    let uri = reports[0].fields["metadata"].as_str().unwrap().to_owned();
    let ipfs = loyal_client::IpfsClient::new(
        c.transport(),
        d.network.ipfs_api.as_deref().unwrap(),
        d.network.ipfs_gateway.as_deref().unwrap(),
    );
    let meta: Value = serde_json::from_slice(&ipfs.cat_path(&uri).await.unwrap()).unwrap();
    assert_eq!(meta["properties"]["position"], json!(250));
    assert_eq!(meta["properties"]["time"], json!("3:41:07"));
    assert_eq!(meta["properties"]["event"], json!("SuperMarathon 2026"));
    assert_eq!(
        meta["properties"]["ttf"]["formula"],
        json!("[tN{~d,t,m,b,r}]")
    );
    // Pending for Alice; she claims it.
    let pending = m.pending_airdrops("0.0.1005", 5).collect().await.unwrap();
    assert_eq!(pending.len(), 1);
    let mut claim = c
        .prepare(
            TokenClaimAirdropTransaction::new()
                .add_pending_airdrop(PendingAirdropId {
                    sender: account("SuperMarathon"),
                    receiver: account("Alice"),
                    token_id: medal,
                    serial: Some(1),
                })
                .with_transaction_id(c.new_transaction_id(account("Alice"))),
        )
        .unwrap();
    claim.sign(&key("Alice"));
    let claimed = c.execute(&claim).await.unwrap();
    m.wait_for_transaction(&claimed.transaction_id, std::time::Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(owner(&c, medal, 1).await.as_deref(), Some("0.0.1005"));

    // 4. Tickets for the twin + accomplishment pair; the same pair again is refused.
    let mut stillwater = Runner::new(&c, d.clone(), "StillWater", key("StillWater"))
        .unwrap()
        .with_journey()
        .unwrap();
    let pair = [(twin, 1), (medal, 1)];
    let p1 = proof(
        &d,
        "StillWater",
        "stillwater-tickets",
        "Alice",
        "tickets-alice-0001",
        &pair,
    );
    post(
        &c,
        &d,
        "StillWater",
        "Alice",
        &request(
            "stillwater.tickets",
            "tickets-alice-0001",
            "Alice",
            &[],
            Some(p1),
        ),
    )
    .await;
    let p2 = proof(
        &d,
        "StillWater",
        "stillwater-tickets",
        "Alice",
        "tickets-alice-0002",
        &pair,
    );
    post(
        &c,
        &d,
        "StillWater",
        "Alice",
        &request(
            "stillwater.tickets",
            "tickets-alice-0002",
            "Alice",
            &[],
            Some(p2),
        ),
    )
    .await;
    // The twin alone does not do: the accomplishment is required.
    let p3 = proof(
        &d,
        "StillWater",
        "stillwater-tickets",
        "Alice",
        "tickets-alice-0003",
        &[(twin, 1)],
    );
    post(
        &c,
        &d,
        "StillWater",
        "Alice",
        &request(
            "stillwater.tickets",
            "tickets-alice-0003",
            "Alice",
            &[],
            Some(p3),
        ),
    )
    .await;
    let reports = poll_n(&mut stillwater, 3).await;
    let by_id: BTreeMap<_, _> = reports.iter().map(|r| (r.request.as_str(), r)).collect();
    assert_eq!(
        by_id["tickets-alice-0001"].status,
        Status::Granted,
        "{:?}",
        by_id["tickets-alice-0001"]
    );
    assert_eq!(by_id["tickets-alice-0001"].fields["tickets"], json!(2));
    assert_eq!(
        by_id["tickets-alice-0002"].code.as_deref(),
        Some("ALREADY_REDEEMED")
    );
    assert_eq!(
        by_id["tickets-alice-0003"].code.as_deref(),
        Some("PROOF_CLAIM_MISSING")
    );
    assert_eq!(balance(&c, "Alice", ticket).await, 2);

    // A restarted runner reads the same outcomes and grants nothing again.
    let mut restarted = Runner::new(&c, d.clone(), "StillWater", key("StillWater"))
        .unwrap()
        .with_journey()
        .unwrap();
    let reports = poll_n(&mut restarted, 3).await;
    assert_eq!(reports.len(), 3);
    assert!(reports.iter().all(|r| r.settled_before));
    assert_eq!(balance(&c, "Alice", ticket).await, 2);

    // A staff action stopped after its claim and run again with other rows under the same
    // request id: the claimed row is not redirected; with the rows it claimed, it completes.
    let mut stopping = Runner::new(&c, d.clone(), "SuperMarathon", key("SuperMarathon"))
        .unwrap()
        .with_journey()
        .unwrap()
        .with_hook(Box::new(|step, _| step == "claimed"));
    let race = |rows: &str| -> BTreeMap<String, Value> {
        BTreeMap::from([
            ("event".into(), json!("Night Run 2026")),
            ("date".into(), json!("2026-12-01")),
            (
                "results".into(),
                json!(format!("account,position,time\n{rows}")),
            ),
        ])
    };
    let stopped = stopping
        .run_staff(
            "supermarathon.results",
            "night-run",
            &race("0.0.1006,10,0:41:00\n"),
        )
        .await;
    assert_eq!(stopped.unwrap_err().code(), "WORKFLOW_STOPPED");
    let changed = marathon
        .run_staff(
            "supermarathon.results",
            "night-run",
            &race("0.0.1005,10,0:41:00\n"),
        )
        .await
        .unwrap();
    assert_eq!(
        (changed[0].recorded, changed[0].code.as_deref()),
        (false, Some("WORKFLOW_REQUEST_CHANGED")),
        "{changed:?}"
    );
    let done = marathon
        .run_staff(
            "supermarathon.results",
            "night-run",
            &race("0.0.1006,10,0:41:00\n"),
        )
        .await
        .unwrap();
    assert_eq!(
        (done[0].status, done[0].account.as_str()),
        (Status::Granted, "0.0.1006"),
        "{done:?}"
    );
    assert_eq!(
        m.token_nfts(&medal.to_string(), 10)
            .collect()
            .await
            .unwrap()
            .len(),
        2
    );

    // An outcomes topic anyone may write to (no submit key): Bob's forged record — an
    // outcome settling Alice's request before she sends it — is not the organisation's.
    let mut topics = Vec::new();
    for _ in 0..2 {
        let mut open = c
            .prepare(
                TopicCreateTransaction::new()
                    .with_transaction_id(c.new_transaction_id(account("Bob"))),
            )
            .unwrap();
        open.sign(&key("Bob"));
        topics.push(
            c.execute(&open)
                .await
                .unwrap()
                .topic_id
                .unwrap()
                .to_string(),
        );
    }
    let open_topic = topics[0].clone();
    let mut d2 = d.clone();
    let o = d2.organisations.get_mut("FastShoes").unwrap();
    o.outcomes_topic = open_topic.clone();
    o.inbox_topic = topics[1].clone();
    let forged = loyal_workflow::Message::Outcome {
        workflow: "fastshoes.redeem-twin".into(),
        request: "redeem-alice-9".into(),
        account: "0.0.1005".into(),
        status: Status::Refused,
        claim: None,
        key: None,
        code: Some("ALREADY_REDEEMED".into()),
        reason: None,
        released: false,
        transactions: vec![],
        fields: Default::default(),
    };
    let mut fake = c
        .prepare(
            TopicMessageSubmitTransaction::new()
                .with_topic_id(open_topic.parse().unwrap())
                .with_message(forged.to_bytes())
                .with_transaction_id(c.new_transaction_id(account("Bob"))),
        )
        .unwrap();
    fake.sign(&key("Bob"));
    c.execute(&fake).await.unwrap();
    let mut fastshoes2 = Runner::new(&c, d2.clone(), "FastShoes", key("FastShoes"))
        .unwrap()
        .with_journey()
        .unwrap();
    let code3 = order_code(&SEED, 3);
    post(
        &c,
        &d2,
        "FastShoes",
        "Alice",
        &request(
            "fastshoes.redeem-twin",
            "redeem-alice-9",
            "Alice",
            &[("code", &code3)],
            None,
        ),
    )
    .await;
    let r = poll_n(&mut fastshoes2, 1).await.remove(0);
    assert_eq!(r.status, Status::Granted, "{r:?}");
    assert_eq!(
        fastshoes2.ledger().foreign,
        1,
        "the forged record was set aside"
    );
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}
