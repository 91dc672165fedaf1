//! A devnet on port 0, the journey set up on it, and the customers' side (proofs signed with
//! the test's own Alice/Bob keys, requests posted on inboxes).

#![allow(dead_code)]

use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::{Client, IpfsClient, MirrorClient, Network, Receipt};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_core::transaction::*;
use loyal_devnet::{genesis, DevnetConfig, DevnetHandle};
use loyal_proof::{Presentation, SignedPresentation};
use loyal_workflow::setup::{devnet_config, setup};
use loyal_workflow::{Deployment, InboxRequest, NetworkConfig, Runner, Status, UnitReport};
use std::collections::BTreeMap;
use std::time::Duration;

pub type NativeClient = Client<HyperTransport, TokioRuntime>;
pub type NativeRunner<'c> = Runner<'c, HyperTransport, TokioRuntime>;

pub const SEED: [u8; 32] = [7; 32];

pub fn key(name: &str) -> PrivateKey {
    genesis::key_for(name, name == "Bob")
}

pub fn account(name: &str) -> AccountId {
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

pub fn network_config(d: &DevnetHandle) -> NetworkConfig {
    let ipfs = format!("http://{}", d.ipfs_addr());
    NetworkConfig {
        name: "devnet".into(),
        nodes: BTreeMap::from([("0.0.3".to_owned(), format!("http://{}", d.grpc_web_addr()))]),
        mirror: format!("http://{}", d.mirror_addr()),
        ipfs_api: Some(ipfs.clone()),
        ipfs_gateway: Some(ipfs),
    }
}

pub fn client(network: Network) -> NativeClient {
    Client::new(network, HyperTransport::default(), TokioRuntime)
        .with_backoff(Duration::from_millis(20), Duration::from_millis(200))
}

pub async fn deploy(d: &DevnetHandle) -> Deployment {
    let network = network_config(d);
    let config = devnet_config(network.clone(), 3, SEED).unwrap();
    let deployment_network = Deployment {
        network: network.clone(),
        organisations: BTreeMap::new(),
        tokens: BTreeMap::new(),
        accounts: BTreeMap::new(),
    }
    .client_network()
    .unwrap();
    setup(&client(deployment_network), &config).await.unwrap()
}

/// A devnet, the journey set up on it, and a client for it (the devnet lives as long as the
/// handle is kept).
pub async fn journey(config: DevnetConfig) -> (DevnetHandle, Deployment, NativeClient) {
    let devnet = loyal_devnet::spawn(config).await.unwrap();
    let d = deploy(&devnet).await;
    let c = client(d.client_network().unwrap());
    (devnet, d, c)
}

/// `org`'s runner with its own key and the journey's workflows.
pub fn runner<'c>(c: &'c NativeClient, d: &Deployment, org: &str) -> NativeRunner<'c> {
    Runner::new(c, d.clone(), org, key(org))
        .unwrap()
        .with_journey()
        .unwrap()
}

pub fn mirror(c: &NativeClient) -> MirrorClient<'_, HyperTransport, TokioRuntime> {
    MirrorClient::new(c.transport(), c.runtime(), &c.network().mirror_url)
}

pub fn ipfs<'c>(c: &'c NativeClient, d: &Deployment) -> IpfsClient<'c, HyperTransport> {
    IpfsClient::new(
        c.transport(),
        d.network.ipfs_api.as_deref().unwrap(),
        d.network.ipfs_gateway.as_deref().unwrap(),
    )
}

pub fn token(d: &Deployment, name: &str) -> TokenId {
    d.tokens[name].parse().unwrap()
}

/// A transaction `who` pays for and signs with her own key (what her wallet does).
pub async fn execute_as<D: TransactionData>(
    c: &NativeClient,
    who: &str,
    builder: Builder<D>,
) -> Receipt {
    let mut tx = c
        .prepare(builder.with_transaction_id(c.new_transaction_id(account(who))))
        .unwrap();
    tx.sign(&key(who));
    c.execute(&tx).await.unwrap()
}

/// The customer associates her account with tokens (what her wallet does before asking).
pub async fn associate(c: &NativeClient, who: &str, tokens: &[TokenId]) {
    execute_as(
        c,
        who,
        TokenAssociateTransaction::new()
            .with_account_id(account(who))
            .with_token_ids(tokens.iter().copied()),
    )
    .await;
}

/// A fresh proof by `who` for `org`'s inbox: `nfts` owned, nonce the request id.
pub fn proof(
    d: &Deployment,
    org: &str,
    purpose: &str,
    who: &str,
    request: &str,
    nfts: &[(TokenId, u64)],
) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let mut p = Presentation::new(account(who))
        .with_audience(d.organisations[org].audience())
        .with_purpose(purpose)
        .with_nonce(request)
        .with_issued_at(Timestamp::new(now, 0))
        .with_expires_at(Timestamp::new(now + 120, 0));
    for (t, s) in nfts {
        p = p.with_nft(*t, *s);
    }
    SignedPresentation::sign(p, &key(who)).unwrap().to_text()
}

pub fn request(
    workflow: &str,
    id: &str,
    who: &str,
    inputs: &[(&str, &str)],
    proof: Option<String>,
) -> InboxRequest {
    InboxRequest {
        workflow: workflow.into(),
        request: id.into(),
        account: account(who).to_string(),
        inputs: inputs
            .iter()
            .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
            .collect(),
        proof,
    }
}

pub async fn post(c: &NativeClient, d: &Deployment, org: &str, who: &str, r: &InboxRequest) -> u64 {
    loyal_workflow::post_request(
        c,
        &account(who),
        &key(who),
        &d.organisations[org].inbox_topic,
        r,
    )
    .await
    .unwrap()
}

/// `who` asks FastShoes for the twin of an order code.
pub async fn redeem(c: &NativeClient, d: &Deployment, who: &str, id: &str, code: &str) -> u64 {
    let r = request("fastshoes.redeem-twin", id, who, &[("code", code)], None);
    post(c, d, "FastShoes", who, &r).await
}

/// A workflow a customer asks for with a proof: the inbox it is posted on and what the
/// proof says it is for.
pub struct ProofWorkflow {
    pub org: &'static str,
    pub workflow: &'static str,
    pub purpose: &'static str,
}

pub const JOIN: ProofWorkflow = ProofWorkflow {
    org: "FastShoes",
    workflow: "fastshoes.challenge-join",
    purpose: "challenge-join",
};

pub const TICKETS: ProofWorkflow = ProofWorkflow {
    org: "StillWater",
    workflow: "stillwater.tickets",
    purpose: "stillwater-tickets",
};

impl ProofWorkflow {
    /// `who`'s proof for this workflow under `nonce`.
    pub fn proof(&self, d: &Deployment, who: &str, nonce: &str, nfts: &[(TokenId, u64)]) -> String {
        proof(d, self.org, self.purpose, who, nonce, nfts)
    }

    /// `who`'s request `id` carrying `proof`, whatever its nonce.
    pub async fn post(&self, c: &NativeClient, d: &Deployment, who: &str, id: &str, proof: String) {
        let r = request(self.workflow, id, who, &[], Some(proof));
        post(c, d, self.org, who, &r).await;
    }

    /// `who`'s request `id` with a fresh proof of `nfts` whose nonce is the request.
    pub async fn ask(
        &self,
        c: &NativeClient,
        d: &Deployment,
        who: &str,
        id: &str,
        nfts: &[(TokenId, u64)],
    ) {
        self.post(c, d, who, id, self.proof(d, who, id, nfts)).await;
    }
}

/// Who owns an NFT, from the mirror.
pub async fn owner(c: &NativeClient, token: TokenId, serial: u64) -> Option<String> {
    mirror(c)
        .nft(&token.to_string(), serial as i64)
        .await
        .unwrap()
        .account_id
}

/// How many NFTs of `token` the mirror lists.
pub async fn minted(c: &NativeClient, token: TokenId) -> usize {
    mirror(c)
        .token_nfts(&token.to_string(), 10)
        .collect()
        .await
        .unwrap()
        .len()
}

pub async fn balance(c: &NativeClient, who: &str, token: TokenId) -> i64 {
    let rels = mirror(c)
        .account_tokens(&account(who).to_string(), 10)
        .collect()
        .await
        .unwrap();
    rels.iter()
        .find(|r| r.token_id == token.to_string())
        .map_or(0, |r| r.balance)
}

/// Polls the runner's inbox until `n` requests have reports (the mirror lags the posts).
pub async fn poll_n(runner: &mut NativeRunner<'_>, n: usize) -> Vec<UnitReport> {
    let mut all = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while all.len() < n {
        assert!(
            std::time::Instant::now() < deadline,
            "only {} of {n} requests seen: {all:?}",
            all.len()
        );
        all.extend(runner.poll_inbox().await.unwrap());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    all
}

/// The next request's report.
pub async fn poll_one(runner: &mut NativeRunner<'_>) -> UnitReport {
    poll_n(runner, 1).await.remove(0)
}

/// The next `n` requests' reports by request id.
pub async fn poll_by_id(runner: &mut NativeRunner<'_>, n: usize) -> BTreeMap<String, UnitReport> {
    poll_n(runner, n)
        .await
        .into_iter()
        .map(|r| (r.request.clone(), r))
        .collect()
}

#[track_caller]
pub fn assert_granted(r: &UnitReport) {
    assert_eq!(r.status, Status::Granted, "{r:?}");
}

#[track_caller]
pub fn assert_code(r: &UnitReport, code: &str) {
    assert_eq!(r.code.as_deref(), Some(code), "{r:?}");
}
