//! The journey's four workflows end to end against a devnet over real sockets, with the
//! organisations' runners holding their own keys and the customers signing their proofs.

mod common;

use common::*;
use loyal_core::transaction::*;
use loyal_workflow::setup::order_code;
use loyal_workflow::Status;
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_four_workflows_with_their_refusals() {
    // Mirror lag as on Hedera (shorter): every read of our own records waits for it.
    let config = loyal_devnet::DevnetConfig::ephemeral()
        .with_mirror_lag(std::time::Duration::from_millis(300));
    let (_devnet, d, c) = journey(config).await;
    let (twin, medal, ticket) = (
        token(&d, "twin"),
        token(&d, "accomplishment"),
        token(&d, "ticket"),
    );
    associate(&c, "Alice", &[twin, ticket]).await;
    // Every token carries its TTF classification in its own (HIP-646) metadata on IPFS.
    let m = mirror(&c);
    for (t, formula) in [
        (twin, "[tN{~d,t,m,b,r}]"),
        (medal, "[tN{~d,t,m,b,r}]"),
        (ticket, "[tF{~d,t,b,r}]"),
    ] {
        let info = m.get_json(&format!("/api/v1/tokens/{t}")).await.unwrap();
        assert_eq!(
            loyal_workflow::ttf::from_mirror_json(&info)
                .unwrap()
                .formula,
            formula
        );
        let uri = String::from_utf8(base64_decode(info["metadata"].as_str().unwrap())).unwrap();
        let doc = ipfs_json(&c, &d, &uri).await;
        assert_eq!(doc["ttf"]["formula"], json!(formula), "{t}");
    }

    // 1. Redeem the twin with the order code of serial 1.
    let mut fastshoes = runner(&c, &d, "FastShoes");
    let code = order_code(&SEED, 1);
    redeem(&c, &d, "Alice", "redeem-alice-1", &code).await;
    // The same code again, by Bob; and a code that is no order.
    redeem(&c, &d, "Bob", "redeem-bob-1", &code).await;
    redeem(&c, &d, "Bob", "redeem-bob-2", "FS-0001-00000000").await;
    let by_id = poll_by_id(&mut fastshoes, 3).await;
    assert_granted(&by_id["redeem-alice-1"]);
    assert_eq!(by_id["redeem-alice-1"].fields["twin"], json!(1));
    assert_code(&by_id["redeem-bob-1"], "ALREADY_REDEEMED");
    assert_code(&by_id["redeem-bob-2"], "WORKFLOW_NOT_FOUND");
    assert_eq!(owner(&c, twin, 1).await.as_deref(), Some("0.0.1005"));
    // A request too long for one topic message arrives in chunks and is read whole.
    redeem(&c, &d, "Bob", "redeem-bob-long", &"X".repeat(1500)).await;
    let r = poll_one(&mut fastshoes).await;
    assert_eq!(r.request, "redeem-bob-long", "{r:?}");
    assert_code(&r, "WORKFLOW_NOT_FOUND");
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
    let raw = loyal_workflow::Message::Request(bad).to_bytes();
    submit_as(&c, "Bob", inbox, raw).await;
    let r = poll_one(&mut fastshoes).await;
    assert!(!r.recorded, "{r:?}");
    assert_code(&r, "WORKFLOW_INVALID_INPUT");
    // Nothing new on the inbox: nothing done again.
    assert!(fastshoes.poll_inbox().await.unwrap().is_empty());
    // Bob redeems code 2 before his account can take the twin: the network refuses the
    // transfer, nothing is granted and the code is free again; associated, he redeems it.
    let code2 = order_code(&SEED, 2);
    redeem(&c, &d, "Bob", "redeem-bob-3", &code2).await;
    let r = poll_one(&mut fastshoes).await;
    assert_eq!(r.status, Status::Refused, "{r:?}");
    assert_code(&r, "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT");
    associate(&c, "Bob", &[twin]).await;
    redeem(&c, &d, "Bob", "redeem-bob-4", &code2).await;
    assert_granted(&poll_one(&mut fastshoes).await);
    assert_eq!(owner(&c, twin, 2).await.as_deref(), Some("0.0.1006"));

    // 2. Join the challenge: Alice proves her twin; Bob claims a twin he does not own.
    JOIN.ask(&c, &d, "Alice", "join-alice-000001", &[(twin, 1)])
        .await;
    JOIN.ask(&c, &d, "Bob", "join-bob-0000001", &[(twin, 3)])
        .await;
    // Alice's proof replayed under another request id: the nonce is the request.
    let replay = JOIN.proof(&d, "Alice", "join-alice-000001", &[(twin, 1)]);
    JOIN.post(&c, &d, "Alice", "join-alice-000002", replay)
        .await;
    JOIN.ask(&c, &d, "Alice", "join-alice-000003", &[(twin, 1)])
        .await;
    let by_id = poll_by_id(&mut fastshoes, 4).await;
    let joined = &by_id["join-alice-000001"];
    assert_granted(joined);
    assert_eq!(joined.fields["joined"], json!(true));
    assert_eq!(joined.fields["twin"], json!(format!("{twin}#1")));
    assert_code(&by_id["join-bob-0000001"], "PROOF_NOT_OWNER");
    assert_code(&by_id["join-alice-000002"], "PROOF_REPLAYED");
    assert_code(&by_id["join-alice-000003"], "ALREADY_REDEEMED");

    // Bob (ECDSA) signs a proof of his twin, then gives the twin away before sending it.
    let bob_proof = JOIN.proof(&d, "Bob", "join-bob-0000002", &[(twin, 2)]);
    let give = TransferTransaction::new().with_nft_transfer(
        loyal_core::id::NftId::new(twin, 2),
        account("Bob"),
        account("Alice"),
    );
    execute_as(&c, "Bob", give).await;
    JOIN.post(&c, &d, "Bob", "join-bob-0000002", bob_proof)
        .await;
    assert_code(&poll_one(&mut fastshoes).await, "PROOF_NOT_OWNER");

    // 3. Results: Alice 250th gets an accomplishment (a pending airdrop: she is not
    // associated); Bob 600th gets nothing.
    let mut marathon = runner(&c, &d, "SuperMarathon");
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
    assert_granted(&reports[0]);
    // A row whose account is not one: nothing claimed or minted for it.
    assert!(!reports[2].recorded, "{:?}", reports[2]);
    assert_code(&reports[2], "WORKFLOW_INVALID_INPUT");
    assert_eq!(reports[0].fields["position"], json!(250));
    assert!(!reports[1].recorded, "{:?}", reports[1]);
    assert_code(&reports[1], "PREDICATE");
    let nft = format!("{medal}#1");
    assert_eq!(reports[0].fields["accomplishment"], json!(nft));
    // Published twice (a staff member's double click): nothing minted again.
    let again = marathon
        .run_staff("supermarathon.results", "results-2026", &inputs)
        .await
        .unwrap();
    assert!(again[0].settled_before);
    assert_eq!(minted(&c, medal).await, 1);
    // The metadata on IPFS: the row, the event, and the collection's TTF classification.
    let meta = ipfs_json(&c, &d, reports[0].fields["metadata"].as_str().unwrap()).await;
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
    let claim = TokenClaimAirdropTransaction::new().add_pending_airdrop(PendingAirdropId {
        sender: account("SuperMarathon"),
        receiver: account("Alice"),
        token_id: medal,
        serial: Some(1),
    });
    let claimed = execute_as(&c, "Alice", claim).await;
    m.wait_for_transaction(&claimed.transaction_id, std::time::Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(owner(&c, medal, 1).await.as_deref(), Some("0.0.1005"));

    // 4. Tickets for the twin + accomplishment pair; the same pair again is refused.
    let mut stillwater = runner(&c, &d, "StillWater");
    let pair = [(twin, 1), (medal, 1)];
    TICKETS
        .ask(&c, &d, "Alice", "tickets-alice-0001", &pair)
        .await;
    TICKETS
        .ask(&c, &d, "Alice", "tickets-alice-0002", &pair)
        .await;
    // The twin alone does not do: the accomplishment is required.
    TICKETS
        .ask(&c, &d, "Alice", "tickets-alice-0003", &[(twin, 1)])
        .await;
    let by_id = poll_by_id(&mut stillwater, 3).await;
    assert_granted(&by_id["tickets-alice-0001"]);
    assert_eq!(by_id["tickets-alice-0001"].fields["tickets"], json!(2));
    assert_code(&by_id["tickets-alice-0002"], "ALREADY_REDEEMED");
    assert_code(&by_id["tickets-alice-0003"], "PROOF_CLAIM_MISSING");
    assert_eq!(balance(&c, "Alice", ticket).await, 2);

    // A restarted runner reads the same outcomes and grants nothing again.
    let mut restarted = runner(&c, &d, "StillWater");
    let reports = poll_n(&mut restarted, 3).await;
    assert_eq!(reports.len(), 3);
    assert!(reports.iter().all(|r| r.settled_before));
    assert_eq!(balance(&c, "Alice", ticket).await, 2);

    // A staff action stopped after its claim and run again with other rows under the same
    // request id: the claimed row is not redirected; with the rows it claimed, it completes.
    let mut stopping =
        runner(&c, &d, "SuperMarathon").with_hook(Box::new(|step, _| step == "claimed"));
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
    let bob_10th = race("0.0.1006,10,0:41:00\n");
    let stopped = stopping
        .run_staff("supermarathon.results", "night-run", &bob_10th)
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
    assert!(!changed[0].recorded, "{changed:?}");
    assert_code(&changed[0], "WORKFLOW_REQUEST_CHANGED");
    let done = marathon
        .run_staff("supermarathon.results", "night-run", &bob_10th)
        .await
        .unwrap();
    assert_granted(&done[0]);
    assert_eq!(done[0].account, "0.0.1006", "{done:?}");
    assert_eq!(minted(&c, medal).await, 2);

    // An outcomes topic anyone may write to (no submit key): Bob's forged record — an
    // outcome settling Alice's request before she sends it — is not the organisation's.
    let mut topics = Vec::new();
    for _ in 0..2 {
        let open = execute_as(&c, "Bob", TopicCreateTransaction::new()).await;
        topics.push(open.topic_id.unwrap().to_string());
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
    submit_as(&c, "Bob", &open_topic, forged.to_bytes()).await;
    let mut fastshoes2 = runner(&c, &d2, "FastShoes");
    redeem(&c, &d2, "Alice", "redeem-alice-9", &order_code(&SEED, 3)).await;
    assert_granted(&poll_one(&mut fastshoes2).await);
    assert_eq!(
        fastshoes2.ledger().foreign,
        1,
        "the forged record was set aside"
    );
}

/// A JSON document on IPFS.
async fn ipfs_json(c: &NativeClient, d: &loyal_workflow::Deployment, path: &str) -> Value {
    serde_json::from_slice(&ipfs(c, d).cat_path(path).await.unwrap()).unwrap()
}

/// `who` writes `message` on `topic` herself, past the library's checks.
async fn submit_as(c: &NativeClient, who: &str, topic: &str, message: Vec<u8>) {
    let submit = TopicMessageSubmitTransaction::new()
        .with_topic_id(topic.parse().unwrap())
        .with_message(message);
    execute_as(c, who, submit).await;
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).unwrap()
}
