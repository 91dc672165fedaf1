//! The runner in a headless Chromium page, over fetch and setTimeout (loyal-web), against a
//! live devnet on its default ports (started by `cargo xtask test` before this step): the
//! journey set up from the page, then the SuperMarathon results, a FastShoes redeem and the
//! StillWater tickets run there with each organisation's own key, Alice signing in the page.
// The native runs (tests/journey.rs) use tests/common, which needs tokio and an in-process
// devnet; the few customer-side steps a page needs are written here for fetch and timers.
#![cfg(target_arch = "wasm32")]

use loyal_client::{Client, MirrorClient, Receipt};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_core::transaction::*;
use loyal_proof::{Presentation, SignedPresentation};
use loyal_web::{Fetch, Timers};
use loyal_workflow::setup::{devnet_config, order_code, setup, SetupConfig};
use loyal_workflow::{Deployment, InboxRequest, NetworkConfig, Runner, Status, UnitReport};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::Duration;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

type WebClient = Client<Fetch, Timers>;
type WebRunner<'c> = Runner<'c, Fetch, Timers>;

/// Not the native tests' seed: every run sets up fresh tokens on the one live devnet.
const SEED: [u8; 32] = [11; 32];

/// The devnet's documented keys: SHA-256("loyal-devnet/" + name), ED25519 (Bob is ECDSA).
fn key(name: &str) -> PrivateKey {
    use sha2::Digest;
    let seed = sha2::Sha256::digest(format!("loyal-devnet/{name}").as_bytes());
    if name == "Bob" {
        PrivateKey::from_bytes_ecdsa(&seed).unwrap()
    } else {
        PrivateKey::from_bytes_ed25519(&seed).unwrap()
    }
}

fn account(name: &str) -> AccountId {
    let num = match name {
        "BestProducer" => 1001,
        "FastShoes" => 1002,
        "SuperMarathon" => 1003,
        "StillWater" => 1004,
        "Alice" => 1005,
        "Bob" => 1006,
        _ => panic!("{name}"),
    };
    AccountId::new(0, 0, num)
}

/// The devnet on its default ports, as `loyal-devnet --ephemeral` serves it; a devnet
/// elsewhere is named when the test is built (`LOYAL_DEVNET_GRPC_WEB`, `LOYAL_DEVNET_MIRROR`,
/// `LOYAL_DEVNET_IPFS`): a page has no environment to read at run time.
fn network() -> NetworkConfig {
    let grpc_web = option_env!("LOYAL_DEVNET_GRPC_WEB").unwrap_or("http://127.0.0.1:50213");
    let mirror = option_env!("LOYAL_DEVNET_MIRROR").unwrap_or("http://127.0.0.1:5551");
    let ipfs = option_env!("LOYAL_DEVNET_IPFS").unwrap_or("http://127.0.0.1:5001");
    NetworkConfig {
        name: "devnet".into(),
        nodes: BTreeMap::from([("0.0.3".to_owned(), grpc_web.to_owned())]),
        mirror: mirror.into(),
        ipfs_api: Some(ipfs.into()),
        ipfs_gateway: Some(ipfs.into()),
    }
}

fn client(d: &Deployment) -> WebClient {
    Client::new(d.client_network().unwrap(), Fetch, Timers)
        .with_backoff(Duration::from_millis(20), Duration::from_millis(200))
}

async fn deploy() -> Deployment {
    let config = SetupConfig {
        include_keys: false,
        ..devnet_config(network(), 2, SEED).unwrap()
    };
    let empty = Deployment {
        network: network(),
        organisations: BTreeMap::new(),
        tokens: BTreeMap::new(),
        accounts: BTreeMap::new(),
    };
    setup(&client(&empty), &config).await.unwrap()
}

fn runner<'c>(c: &'c WebClient, d: &Deployment, org: &str) -> WebRunner<'c> {
    Runner::new(c, d.clone(), org, key(org))
        .unwrap()
        .with_journey()
        .unwrap()
}

fn mirror(c: &WebClient) -> MirrorClient<'_, Fetch, Timers> {
    MirrorClient::new(c.transport(), c.runtime(), &c.network().mirror_url)
}

fn token(d: &Deployment, name: &str) -> TokenId {
    d.tokens[name].parse().unwrap()
}

/// A transaction `who` pays for and signs in the page with her own key.
async fn execute_as<D: TransactionData>(c: &WebClient, who: &str, builder: Builder<D>) -> Receipt {
    let mut tx = c
        .prepare(builder.with_transaction_id(c.new_transaction_id(account(who))))
        .unwrap();
    tx.sign(&key(who));
    c.execute(&tx).await.unwrap()
}

/// Alice's request on `org`'s inbox, signed and paid by her.
async fn post(c: &WebClient, d: &Deployment, org: &str, r: &InboxRequest) {
    let inbox = &d.organisations[org].inbox_topic;
    loyal_workflow::post_request(c, &account("Alice"), &key("Alice"), inbox, r)
        .await
        .unwrap();
}

fn request(
    workflow: &str,
    id: &str,
    inputs: &[(&str, &str)],
    proof: Option<String>,
) -> InboxRequest {
    InboxRequest {
        workflow: workflow.into(),
        request: id.into(),
        account: account("Alice").to_string(),
        inputs: inputs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::from(*v)))
            .collect(),
        proof,
    }
}

/// Alice's proof for StillWater's tickets, signed in the page (the clock is the page's).
fn tickets_proof(d: &Deployment, nonce: &str, nfts: &[(TokenId, u64)]) -> String {
    let now = (loyal_web::now_nanos() / 1_000_000_000) as i64;
    let mut p = Presentation::new(account("Alice"))
        .with_audience(d.organisations["StillWater"].audience())
        .with_purpose("stillwater-tickets")
        .with_nonce(nonce)
        .with_issued_at(Timestamp::new(now, 0))
        .with_expires_at(Timestamp::new(now + 120, 0));
    for (t, s) in nfts {
        p = p.with_nft(*t, *s);
    }
    SignedPresentation::sign(p, &key("Alice"))
        .unwrap()
        .to_text()
}

/// Polls the runner's inbox until `n` requests have reports (the mirror lags the posts).
async fn poll_n(
    c: &WebClient,
    runner: &mut WebRunner<'_>,
    n: usize,
) -> BTreeMap<String, UnitReport> {
    use loyal_client::Runtime;
    let mut all = BTreeMap::new();
    for _ in 0..600 {
        for r in runner.poll_inbox().await.unwrap() {
            all.insert(r.request.clone(), r);
        }
        if all.len() >= n {
            return all;
        }
        c.runtime().sleep(Duration::from_millis(50)).await;
    }
    panic!("only {} of {n} requests seen: {all:?}", all.len());
}

#[track_caller]
fn assert_granted(r: &UnitReport) {
    assert_eq!(r.status, Status::Granted, "{r:?}");
}

async fn owner(c: &WebClient, t: TokenId, serial: i64) -> Option<String> {
    mirror(c)
        .nft(&t.to_string(), serial)
        .await
        .unwrap()
        .account_id
}

/// `who`'s pending airdrops of `t` (the live devnet holds other runs' airdrops too).
async fn pending(c: &WebClient, who: &str, t: TokenId) -> Vec<i64> {
    let all = mirror(c)
        .pending_airdrops(&account(who).to_string(), 5)
        .collect()
        .await
        .unwrap();
    all.iter()
        .filter(|a| a.token_id == t.to_string())
        .filter_map(|a| a.serial_number)
        .collect()
}

#[wasm_bindgen_test]
async fn setup_and_three_workflows_run_in_the_page() {
    let d = deploy().await;
    let c = client(&d);
    let (twin, medal, ticket) = (
        token(&d, "twin"),
        token(&d, "accomplishment"),
        token(&d, "ticket"),
    );

    // 1. SuperMarathon's staff publish the results: Alice (250th) gets an accomplishment by
    // airdrop (she is not associated), Bob (600th) nothing.
    let mut marathon = runner(&c, &d, "SuperMarathon");
    let inputs: BTreeMap<String, Value> = BTreeMap::from([
        ("event".into(), json!("SuperMarathon 2026")),
        ("date".into(), json!("2026-11-29")),
        (
            "results".into(),
            json!("account,position,time\n0.0.1005,250,3:41:07\n0.0.1006,600,4:58:30\n"),
        ),
    ]);
    let reports = marathon
        .run_staff("supermarathon.results", "results-2026", &inputs)
        .await
        .unwrap();
    assert_eq!(reports.len(), 2, "{reports:?}");
    assert_granted(&reports[0]);
    assert_eq!(
        reports[0].fields["accomplishment"],
        json!(format!("{medal}#1"))
    );
    assert!(!reports[1].recorded, "{:?}", reports[1]);
    assert_eq!(
        reports[1].code.as_deref(),
        Some("PREDICATE"),
        "{:?}",
        reports[1]
    );
    let m = mirror(&c);
    let minted = m.token_nfts(&medal.to_string(), 5).collect().await.unwrap();
    assert_eq!(minted.len(), 1, "{minted:?}");
    // The airdrop reaches the mirror a moment after the runner's receipt.
    for _ in 0..200 {
        if !pending(&c, "Alice", medal).await.is_empty() {
            break;
        }
        loyal_client::Runtime::sleep(c.runtime(), Duration::from_millis(50)).await;
    }
    assert_eq!(pending(&c, "Alice", medal).await, vec![1]);
    assert!(pending(&c, "Bob", medal).await.is_empty());
    // Alice claims her accomplishment from the page.
    let claim = TokenClaimAirdropTransaction::new().add_pending_airdrop(PendingAirdropId {
        sender: account("SuperMarathon"),
        receiver: account("Alice"),
        token_id: medal,
        serial: Some(1),
    });
    let claimed = execute_as(&c, "Alice", claim).await;
    m.wait_for_transaction(&claimed.transaction_id, Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(owner(&c, medal, 1).await.as_deref(), Some("0.0.1005"));

    // 2. Alice associates, then redeems the order code of twin 1 on FastShoes' inbox.
    execute_as(
        &c,
        "Alice",
        TokenAssociateTransaction::new()
            .with_account_id(account("Alice"))
            .with_token_ids([twin, ticket]),
    )
    .await;
    let mut fastshoes = runner(&c, &d, "FastShoes");
    let code = order_code(&SEED, 1);
    let redeem = request(
        "fastshoes.redeem-twin",
        "redeem-alice-1",
        &[("code", &code)],
        None,
    );
    post(&c, &d, "FastShoes", &redeem).await;
    let by_id = poll_n(&c, &mut fastshoes, 1).await;
    assert_granted(&by_id["redeem-alice-1"]);
    assert_eq!(by_id["redeem-alice-1"].fields["twin"], json!(1));
    assert_eq!(owner(&c, twin, 1).await.as_deref(), Some("0.0.1005"));

    // 3. Tickets for the twin + accomplishment pair; the same pair again is refused.
    let mut stillwater = runner(&c, &d, "StillWater");
    let pair = [(twin, 1), (medal, 1)];
    for id in ["tickets-alice-0001", "tickets-alice-0002"] {
        let proof = tickets_proof(&d, id, &pair);
        post(
            &c,
            &d,
            "StillWater",
            &request("stillwater.tickets", id, &[], Some(proof)),
        )
        .await;
    }
    let by_id = poll_n(&c, &mut stillwater, 2).await;
    assert_granted(&by_id["tickets-alice-0001"]);
    assert_eq!(by_id["tickets-alice-0001"].fields["tickets"], json!(2));
    let again = &by_id["tickets-alice-0002"];
    assert_eq!(again.code.as_deref(), Some("ALREADY_REDEEMED"), "{again:?}");
    let holders = m
        .token_holders(&ticket.to_string(), 5)
        .collect()
        .await
        .unwrap();
    let balance = holders
        .iter()
        .find(|h| h.account == "0.0.1005")
        .map_or(0, |h| h.balance);
    assert_eq!(balance, 2);
}
