//! A staff action's wave granted action by action and confirmed on the mirror (not by
//! receipts), against a devnet whose mirror lags as Hedera's does: what each row's outcome
//! says is what the ledger did for that row — its serial minted with its own metadata and
//! airdropped to its own account — a transaction the network refused at consensus ends its row
//! as the receipt would have, and two runners publishing the same results at once grant each
//! row once.

mod common;

use common::*;
use loyal_workflow::{Status, UnitReport};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn results(event: &str, rows: &[(&str, u32)]) -> BTreeMap<String, Value> {
    let mut csv = String::from("account,position,time\n");
    for (account, position) in rows {
        csv += &format!("{account},{position},3:{position:02}:00\n");
    }
    BTreeMap::from([
        ("event".into(), json!(event)),
        ("date".into(), json!("2026-11-29")),
        ("results".into(), json!(csv)),
    ])
}

/// The NFT `token#serial` is `account`'s, or waits for it as a pending airdrop.
async fn delivered_to(c: &NativeClient, token: &str, serial: u64, account: &str) -> bool {
    let m = mirror(c);
    let nft = m.nft(token, serial as i64).await.unwrap();
    if nft.account_id.as_deref() == Some(account) {
        return true;
    }
    let pending = m.pending_airdrops(account, 10).collect().await.unwrap();
    pending
        .iter()
        .any(|a| a.token_id == token && a.serial_number == Some(serial as i64))
}

/// The row's granted report names the serial minted with its own metadata, delivered to its
/// account; the serial, read back.
async fn check_granted(
    c: &NativeClient,
    d: &loyal_workflow::Deployment,
    r: &UnitReport,
    position: u32,
) -> u64 {
    assert_granted(r);
    assert_eq!(r.transactions.len(), 2, "mint and delivery: {r:?}");
    let medal = token(d, "accomplishment").to_string();
    let nft = r.fields["accomplishment"].as_str().unwrap();
    let serial: u64 = nft
        .strip_prefix(&format!("{medal}#"))
        .unwrap()
        .parse()
        .unwrap();
    let on_ledger = mirror(c).nft(&medal, serial as i64).await.unwrap();
    let uri = r.fields["metadata"].as_str().unwrap();
    assert_eq!(on_ledger.metadata, uri.as_bytes(), "{r:?}");
    let meta: Value = serde_json::from_slice(&ipfs(c, d).cat_path(uri).await.unwrap()).unwrap();
    assert_eq!(meta["properties"]["finisher"], json!(r.account));
    assert_eq!(meta["properties"]["position"], json!(position));
    assert!(delivered_to(c, &medal, serial, &r.account).await, "{r:?}");
    serial
}

/// SuperMarathon's records in topic order, a batch's in the order it lists them.
async fn topic_records(c: &NativeClient, d: &loyal_workflow::Deployment) -> Vec<Value> {
    let topic = &d.organisations["SuperMarathon"].outcomes_topic;
    let messages = mirror(c).topic_messages(topic, 10).collect().await.unwrap();
    let mut records = Vec::new();
    for m in messages {
        let v: Value = serde_json::from_slice(&m.message).unwrap();
        match v["records"].as_array() {
            Some(batch) if v["type"] == "batch" => records.extend(batch.iter().cloned()),
            _ => records.push(v),
        }
    }
    records
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_row_gets_what_the_ledger_did_for_it() {
    let config = loyal_devnet::DevnetConfig::ephemeral()
        .with_mirror_lag(std::time::Duration::from_millis(200));
    let (_devnet, d, c) = journey(config).await;
    let medal = token(&d, "accomplishment");
    let rows = [
        ("0.0.1001", 1),
        ("0.0.1002", 2),
        ("0.0.1004", 3),
        ("0.0.1005", 4),
        ("0.0.1006", 5),
    ];
    let inputs = results("Wave Run 2026", &rows);
    let mut marathon = runner(&c, &d, "SuperMarathon");
    let reports = marathon
        .run_staff("supermarathon.results", "wave", &inputs)
        .await
        .unwrap();
    assert_eq!(reports.len(), rows.len());
    let mut serials = Vec::new();
    for (r, (account, position)) in reports.iter().zip(rows) {
        assert_eq!(r.account, account);
        serials.push(check_granted(&c, &d, r, position).await);
    }
    serials.sort_unstable();
    assert_eq!(serials, [1, 2, 3, 4, 5], "a serial per row");
    assert_eq!(minted(&c, medal).await, 5, "one mint a row");
    // Run again: every row settled, nothing minted again.
    let again = marathon
        .run_staff("supermarathon.results", "wave", &inputs)
        .await
        .unwrap();
    let settled: Vec<UnitReport> = reports
        .iter()
        .map(|r| UnitReport {
            settled_before: true,
            ..r.clone()
        })
        .collect();
    assert_eq!(again, settled);
    assert_eq!(minted(&c, medal).await, 5);

    // The same results delivered by NFT transfer, which the network refuses at consensus for
    // an account not associated with the collection (FastShoes): that row's mint executed,
    // so its key stays held and its report is the refusal a receipt would have given.
    let mut def: Value = serde_json::from_str(
        loyal_workflow::JOURNEY
            .iter()
            .find(|(id, _)| *id == "supermarathon.results")
            .unwrap()
            .1,
    )
    .unwrap();
    def["id"] = json!("supermarathon.results-by-transfer");
    def["actions"][1]["type"] = json!("transfer");
    let by_transfer = loyal_workflow::Workflow::from_json(def.to_string().as_bytes()).unwrap();
    for who in ["BestProducer", "StillWater", "Alice", "Bob"] {
        associate(&c, who, &[medal]).await;
    }
    let mut marathon = runner(&c, &d, "SuperMarathon")
        .with_workflow(by_transfer)
        .unwrap();
    let inputs = results("Transfer Run 2026", &rows);
    let reports = marathon
        .run_staff("supermarathon.results-by-transfer", "transfer", &inputs)
        .await
        .unwrap();
    for (r, (account, position)) in reports.iter().zip(rows) {
        if account == "0.0.1002" {
            assert_eq!(r.status, Status::Refused, "{r:?}");
            assert_code(r, "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT");
            assert!(r.recorded && r.transactions.is_empty(), "{r:?}");
            continue;
        }
        check_granted(&c, &d, r, position).await;
    }
    assert_eq!(
        minted(&c, medal).await,
        10,
        "one mint a row, the refused row's too"
    );
    let refused: Vec<Value> = topic_records(&c, &d)
        .await
        .into_iter()
        .filter(|m| m["type"] == "outcome" && m["request"] == "transfer#2")
        .collect();
    assert_eq!(refused.len(), 1);
    // Not released (the field is left out when false): the mint executed.
    assert_ne!(refused[0]["released"], json!(true), "{refused:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_runners_publishing_at_once_grant_each_row_once() {
    let config = loyal_devnet::DevnetConfig::ephemeral()
        .with_mirror_lag(std::time::Duration::from_millis(100));
    let (_devnet, d, c) = journey(config).await;
    let medal = token(&d, "accomplishment");
    let rows = [
        ("0.0.1001", 1),
        ("0.0.1002", 2),
        ("0.0.1004", 3),
        ("0.0.1005", 4),
        ("0.0.1006", 5),
    ];
    let inputs = results("Race Day 2026", &rows);
    let mut first = runner(&c, &d, "SuperMarathon");
    let mut second = runner(&c, &d, "SuperMarathon");
    let (a, b) = tokio::join!(
        first.run_staff("supermarathon.results", "race", &inputs),
        second.run_staff("supermarathon.results", "race", &inputs)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len(), 5);
    for (x, y) in a.iter().zip(&b) {
        // Both read the first outcome of the row.
        assert_eq!(
            (x.status, &x.fields, &x.code),
            (y.status, &y.fields, &y.code),
            "{x:?} {y:?}"
        );
    }
    assert!(a.iter().all(|r| r.status == Status::Granted), "{a:?}");
    assert_eq!(minted(&c, medal).await, 5, "minted once per row");
    for r in &a {
        let nft = r.fields["accomplishment"].as_str().unwrap();
        let serial: u64 = nft.rsplit('#').next().unwrap().parse().unwrap();
        assert!(
            delivered_to(&c, &medal.to_string(), serial, &r.account).await,
            "{r:?}"
        );
    }
}

/// Stopped after one row's mint (as a crash would leave it), the wave's other rows are
/// recorded; run again, the row resumes under the ids of its place in its claims' batch: its
/// mint is found done (not repeated), its airdrop follows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_row_stopped_after_its_mint_resumes_under_its_batch_ids() {
    let config = loyal_devnet::DevnetConfig::ephemeral()
        .with_mirror_lag(std::time::Duration::from_millis(100));
    let (_devnet, d, c) = journey(config).await;
    let medal = token(&d, "accomplishment");
    let rows = [
        ("0.0.1001", 1),
        ("0.0.1002", 2),
        ("0.0.1004", 3),
        ("0.0.1005", 4),
        ("0.0.1006", 5),
    ];
    let inputs = results("Stop Run 2026", &rows);
    let mut stopping = runner(&c, &d, "SuperMarathon").with_hook(Box::new(|step, request| {
        step == "action-1" && request == "stop#3"
    }));
    let stopped = stopping
        .run_staff("supermarathon.results", "stop", &inputs)
        .await;
    assert_eq!(stopped.unwrap_err().code(), "WORKFLOW_STOPPED");
    assert_eq!(minted(&c, medal).await, 5, "every row minted once");
    let topic = &d.organisations["SuperMarathon"].outcomes_topic;
    let records: Vec<Value> = mirror(&c)
        .topic_messages(topic, 10)
        .collect()
        .await
        .unwrap()
        .iter()
        .map(|m| serde_json::from_slice(&m.message).unwrap())
        .collect();
    // The claims went in one batch; row 3's is the third in it.
    let batch = &records[0];
    assert_eq!(batch["type"], json!("batch"), "{records:?}");
    assert_eq!(batch["records"][2]["request"], json!("stop#3"));

    let mut again = runner(&c, &d, "SuperMarathon");
    let reports = again
        .run_staff("supermarathon.results", "stop", &inputs)
        .await
        .unwrap();
    for (r, (_, position)) in reports.iter().zip(rows) {
        check_granted(&c, &d, r, position).await;
        assert_eq!(r.settled_before, r.request != "stop#3", "{r:?}");
    }
    assert_eq!(
        minted(&c, medal).await,
        5,
        "the stopped row's mint was not repeated"
    );
}
