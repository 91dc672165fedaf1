//! `loyal-agent seed` against a devnet on port 0: the other finishers are real accounts on
//! the mirror, the results file reads as `supermarathon.results` reads it (Alice 250th, Bob
//! 600th), a second run creates nothing, the order code follows the ledger, and the results
//! workflow run on a seeded file grants the top rows for real.

mod cli;
#[path = "../../workflow/tests/common/mod.rs"]
mod common;

use cli::results_staff;
use common::*;
use loyal_core::id::NftId;
use loyal_core::transaction::TransferTransaction;
use loyal_workflow::setup::order_code;
use loyal_workflow::{seed, Workflow};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn agent(args: &[impl AsRef<std::ffi::OsStr> + std::fmt::Debug]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_loyal-agent"))
        .args(args)
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(out.status.success(), "loyal-agent {args:?}: {lines:#?}");
    lines
}

fn seed(deployment: &Path, finishers: u32, csv: &Path) -> Value {
    let lines = agent(&[
        "seed",
        "--deployment",
        deployment.to_str().unwrap(),
        "--finishers",
        &finishers.to_string(),
        "--out",
        csv.to_str().unwrap(),
    ]);
    lines.into_iter().find(|l| l["event"] == "seeded").unwrap()
}

fn results_workflow() -> Workflow {
    let (_, json) = loyal_workflow::JOURNEY
        .iter()
        .find(|(id, _)| *id == "supermarathon.results")
        .unwrap();
    Workflow::from_json(json.as_bytes()).unwrap()
}

/// Every account the mirror lists under the finishers' key: (account, memo).
async fn finishers_on_mirror(c: &NativeClient) -> Vec<(String, String)> {
    let key = seed::finisher_key().unwrap().public_key().to_string_raw();
    let path = format!("/api/v1/accounts?account.publickey={key}&limit=100");
    let accounts: Vec<loyal_client::mirror::Account> = mirror(c)
        .pages(path, "accounts", 100)
        .collect()
        .await
        .unwrap();
    accounts
        .into_iter()
        .map(|a| (a.account, a.memo.unwrap_or_default()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeds_the_finishers_and_a_results_file_the_workflow_accepts_once() {
    let (_devnet, d, c) = journey(loyal_devnet::DevnetConfig::ephemeral()).await;
    let dir = std::env::temp_dir().join(format!("loyal-agent-seed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let deployment = dir.join("deployment.json");
    std::fs::write(&deployment, d.to_json()).unwrap();
    let csv = dir.join("results.csv");

    let first = seed(&deployment, 249, &csv);
    assert_eq!(first["created"], 249, "{first}");
    assert_eq!(first["order"]["code"], order_code(&SEED, 1), "{first}");

    // The mirror knows 249 accounts with the finishers' key, one per position 1..=249.
    let on_mirror = finishers_on_mirror(&c).await;
    let mut memos: Vec<String> = on_mirror.iter().map(|(_, m)| m.clone()).collect();
    memos.sort();
    let mut want: Vec<String> = (1..=249).map(seed::finisher_memo).collect();
    want.sort();
    assert_eq!(memos, want);

    // The file, read as the results workflow reads it: the 249 in positions 1–249, Alice
    // 250th, Bob 600th; only Bob falls outside the workflow's `position <= 500`.
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("account,position,time\n"), "{text:.80}");
    let rows = results_workflow().rows(&text).unwrap();
    assert_eq!(rows.len(), 251);
    for (i, row) in rows[..249].iter().enumerate() {
        let account = row["account"].as_str().unwrap();
        let memo = &on_mirror.iter().find(|(a, _)| a == account).unwrap().1;
        assert_eq!(row["position"], i as u64 + 1);
        assert_eq!(memo, &seed::finisher_memo(i as u32 + 1));
    }
    assert_eq!(rows[249]["account"], "0.0.1005");
    assert_eq!(rows[249]["position"], 250);
    assert_eq!(rows[250]["account"], "0.0.1006");
    assert_eq!(rows[250]["position"], 600);
    let times: Vec<&str> = rows.iter().map(|r| r["time"].as_str().unwrap()).collect();
    assert!(
        times
            .windows(2)
            .all(|w| w[0].len() == w[1].len() && w[0] < w[1]),
        "{times:?}"
    );
    let top: loyal_proof::Predicate = "position <= 500".parse().unwrap();
    let admitted = rows.iter().filter(|r| top.eval(r).is_ok()).count();
    assert_eq!(admitted, 250);

    // FastShoes parts with twin 1: a second run names twin 2's code, creates no account and
    // writes the same file.
    let twin = token(&d, "twin");
    associate(&c, "Alice", &[twin]).await;
    let give = TransferTransaction::new().with_nft_transfer(
        NftId::new(twin, 1),
        account("FastShoes"),
        account("Alice"),
    );
    let given = execute_as(&c, "FastShoes", give).await;
    mirror(&c)
        .wait_for_transaction(&given.transaction_id, std::time::Duration::from_secs(30))
        .await
        .unwrap();
    let second = seed(&deployment, 249, &csv);
    assert_eq!(second["created"], 0, "{second}");
    assert_eq!(second["order"]["code"], order_code(&SEED, 2), "{second}");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), text);
    assert_eq!(finishers_on_mirror(&c).await.len(), 249);

    // The results workflow on a short seeded file: the three finishers' accomplishments
    // delivered, Alice's (4th) granted, Bob (600th) refused by the workflow's predicate.
    let short = dir.join("short.csv");
    let third = seed(&deployment, 3, &short);
    assert_eq!(third["created"], 0, "{third}");
    let lines = agent(&results_staff(
        deployment.to_str().unwrap(),
        "seed-test",
        short.to_str().unwrap(),
    ));
    let outcomes: Vec<(String, String)> = lines
        .iter()
        .filter(|l| l["event"] == "outcome")
        .map(|l| {
            let code = l["code"].as_str().unwrap_or_default();
            (
                l["account"].as_str().unwrap().to_owned(),
                format!("{}{code}", l["status"].as_str().unwrap_or_default()),
            )
        })
        .collect();
    let expected_finishers: Vec<&str> = rows[..3]
        .iter()
        .map(|r| r["account"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes.len(), 5, "{outcomes:?}");
    for (i, (account, status)) in outcomes[..4].iter().enumerate() {
        let who = expected_finishers.get(i).copied().unwrap_or("0.0.1005");
        assert_eq!(
            (account.as_str(), status.as_str()),
            (who, "granted"),
            "{outcomes:?}"
        );
    }
    assert_eq!(outcomes[4].0, "0.0.1006");
    assert!(outcomes[4].1.contains("PREDICATE"), "{outcomes:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
