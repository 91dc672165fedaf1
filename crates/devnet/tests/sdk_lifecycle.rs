//! The official JS SDK (Node, real gRPC over loopback) runs a token lifecycle against a devnet
//! spawned on a free port; every receipt and balance must be what Hedera would return.

use loyal_devnet::{genesis, spawn, DevnetConfig};
use serde_json::{json, Value};

fn run_sdk(port: u16) -> Value {
    node("lifecycle.mjs", json!({ "port": port }))
}

/// Runs a tests/devnet script with the genesis accounts and `extra` as JSON on stdin.
fn node(script: &str, extra: Value) -> Value {
    let accounts: serde_json::Map<String, Value> = genesis::accounts()
        .iter()
        .map(|a| {
            (
                a.name.to_owned(),
                json!({ "id": format!("0.0.{}", a.num), "key": a.key.to_string_der().as_str() }),
            )
        })
        .collect();
    let mut input = extra;
    input["accounts"] = Value::Object(accounts);
    loyal_jspeer::Peer::new("devnet", "@hashgraph/sdk", script)
        .with_stdin(input.to_string())
        .json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_js_sdk_runs_a_token_lifecycle_against_the_devnet() {
    let devnet = spawn(DevnetConfig::default().with_grpc_port(0))
        .await
        .expect("devnet starts");
    let port = devnet.grpc_addr().port();
    let out = tokio::task::spawn_blocking(move || run_sdk(port))
        .await
        .unwrap();
    let first = genesis::FIRST_FREE_NUM;
    assert_eq!(out["newAccountStatus"], "SUCCESS", "{out}");
    assert_eq!(out["newAccount"], format!("0.0.{first}"), "{out}");
    assert_eq!(
        out["newAccountHbar"], "1500000000",
        "10 ℏ initial + 5 ℏ transferred: {out}"
    );
    assert_eq!(out["pointsToken"], format!("0.0.{}", first + 1), "{out}");
    assert_eq!(out["newAccountPoints"], "2500", "{out}");
    assert_eq!(out["twinToken"], format!("0.0.{}", first + 2), "{out}");
    assert_eq!(out["mintedSerials"], json!(["1", "2"]), "{out}");
    assert_eq!(out["totalSupply"], "2", "{out}");
    assert_eq!(out["aliceTwins"], "1", "{out}");
    // Queries: the record of the NFT gift (paid by the operator, fee charged), account, token
    // and NFT info as Hedera answers them.
    assert_eq!(out["recordStatus"], "SUCCESS", "{out}");
    assert_eq!(
        out["recordNft"],
        json!([["0.0.1001", "0.0.1005", "2"]]),
        "{out}"
    );
    assert_eq!(out["recordHashMatches"], true, "{out}");
    let fee: i64 = out["recordFee"].as_str().unwrap().parse().unwrap();
    assert!(fee > 0, "{out}");
    assert_eq!(out["recordPaid"], json!([(-fee).to_string()]), "{out}");
    let alice_key = genesis::key_for("Alice", false)
        .public_key()
        .to_string_der();
    assert_eq!(out["infoKey"], alice_key.as_str(), "{out}");
    assert_eq!(out["infoOwnedNfts"], "2", "{out}");
    assert_eq!(
        out["tokenInfo"],
        json!([
            "Digital Twin",
            "TWIN",
            "2",
            "0.0.1001",
            "NON_FUNGIBLE_UNIQUE"
        ]),
        "{out}"
    );
    assert_eq!(
        out["nftInfo"],
        json!(["0.0.1005", "ipfs://bafy-shoe-2"]),
        "{out}"
    );
    assert_eq!(out["nftInfoMissing"], "INVALID_NFT_ID", "{out}");
    assert_eq!(out["version"], env!("CARGO_PKG_VERSION"), "{out}");
    assert_eq!(out["missingSignature"], "INVALID_SIGNATURE", "{out}");
    assert_eq!(
        out["unassociated"], "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT",
        "{out}"
    );
    assert_eq!(
        out["notOwner"], "SENDER_DOES_NOT_OWN_NFT_SERIAL_NO",
        "{out}"
    );
    assert_eq!(out["firstSubmit"], "SUCCESS", "{out}");
    assert_eq!(out["duplicate"], "DUPLICATE_TRANSACTION", "{out}");
    assert_eq!(out["expired"], "TRANSACTION_EXPIRED", "{out}");
    assert_eq!(
        out["kycMissing"], "ACCOUNT_KYC_NOT_GRANTED_FOR_TOKEN",
        "{out}"
    );
    assert_eq!(out["afterKyc"], "SUCCESS", "{out}");
    assert_eq!(out["frozen"], "ACCOUNT_FROZEN_FOR_TOKEN", "{out}");
    assert_eq!(out["paused"], "TOKEN_IS_PAUSED", "{out}");
    assert_eq!(out["afterUnpause"], "SUCCESS", "{out}");
    assert_eq!(out["kycWithoutKey"], "INVALID_SIGNATURE", "{out}");
    assert_eq!(out["supplyAfterBurn"], "6", "{out}");
    assert_eq!(out["sequence"], json!(["1", "2"]), "{out}");
    let hashes = out["runningHashes"].as_array().unwrap();
    assert_eq!(
        hashes[0].as_str().unwrap().len(),
        96,
        "SHA-384 running hash: {out}"
    );
    assert_ne!(hashes[0], hashes[1], "{out}");
    assert_eq!(out["unsignedMessage"], "INVALID_SIGNATURE", "{out}");
    assert!(
        out["scheduleId"]
            .as_str()
            .is_some_and(|s| s.starts_with("0.0.")),
        "{out}"
    );
    assert_eq!(
        out["paidBeforeSigning"], 0,
        "a schedule waits for Alice: {out}"
    );
    assert_eq!(out["scheduledStatus"], "SUCCESS", "{out}");
    assert_eq!(out["paidAfterSigning"], 1000, "{out}");
    assert_eq!(out["signAgain"], "SCHEDULE_ALREADY_EXECUTED", "{out}");
    assert_eq!(out["bobBeforeClaim"], "none", "{out}");
    assert_eq!(out["claimByStranger"], "INVALID_SIGNATURE", "{out}");
    assert_eq!(out["claim"], "SUCCESS", "{out}");
    assert_eq!(out["bobAfterClaim"], "200", "{out}");
    assert_eq!(out["claimTwice"], "INVALID_PENDING_AIRDROP_ID", "{out}");
    assert_eq!(out["cancel"], "SUCCESS", "{out}");
    assert_eq!(out["claimCancelled"], "INVALID_PENDING_AIRDROP_ID", "{out}");
    assert_eq!(out["reject"], "SUCCESS", "{out}");
    assert_eq!(out["aliceTicketsAfterReject"], "0", "{out}");

    // The ledger agrees with what the SDK saw, and fees were charged to the payer.
    {
        let ledger = devnet.ledger.lock().unwrap();
        let operator = &ledger.accounts[&2];
        let start = genesis::accounts()[0].balance.to_tinybars() as u64;
        assert!(
            operator.balance < start - 15 * 100_000_000,
            "operator paid 15 ℏ plus fees"
        );
        assert_eq!(ledger.nfts[&(first + 2, 1)].owner, 1005);
    }
    devnet.shutdown().await;
}

#[tokio::test]
async fn a_taken_port_is_an_error_and_port_zero_is_ephemeral() {
    let a = spawn(DevnetConfig::default().with_grpc_port(0))
        .await
        .unwrap();
    assert_ne!(a.grpc_addr().port(), 0);
    let err = spawn(DevnetConfig::default().with_grpc_port(a.grpc_addr().port())).await;
    assert!(err.is_err(), "binding a taken port must fail");
    a.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browsers_reach_the_devnet_over_grpc_web_with_cors() {
    let devnet = spawn(DevnetConfig::ephemeral())
        .await
        .expect("devnet starts");
    let port = devnet.grpc_web_addr().port();
    let out = tokio::task::spawn_blocking(move || node("grpc-web.mjs", json!({ "port": port })))
        .await
        .unwrap();
    assert_eq!(out["preflightStatus"], 200, "{out}");
    assert_eq!(
        out["preflightMaxAge"], "7200",
        "a page's many calls reuse one preflight: {out}"
    );
    assert_eq!(out["allowOrigin"], "http://localhost:8080", "{out}");
    assert_eq!(
        out["foreignOrigin"],
        Value::Null,
        "a foreign origin gets no CORS grant: {out}"
    );
    assert_eq!(out["contentType"], "application/grpc-web+proto", "{out}");
    assert_eq!(out["precheck"], 0, "OK: {out}");
    assert_eq!(out["grpcStatus"], "0", "{out}");
    assert_eq!(out["receiptStatus"], 22, "SUCCESS: {out}");
    assert_eq!(out["aliceBalance"], "100000000007", "1,000 ℏ + 7 tℏ: {out}");
    devnet.shutdown().await;
}
