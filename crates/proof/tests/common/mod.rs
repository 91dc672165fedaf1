//! A devnet with the journey's tokens, over real sockets: BestProducer's twin collection
//! (HIP-412 metadata on the devnet's IPFS), SuperMarathon's accomplishments (positions 250 and
//! 600 for Alice, 100 for Bob) and StillWater's tickets (fungible: Alice 5, Bob 3); a
//! verifier's policy and nonces; and an HTTP proxy that can rewrite what it relays.
#![allow(dead_code)]

pub mod proxy;

use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::{Client, IpfsClient, MirrorClient, Network};
use loyal_core::id::{AccountId, NftId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_core::transaction::*;
use loyal_devnet::{genesis, spawn, DevnetConfig, DevnetHandle};
use loyal_metadata::{Attribute, NftMetadata};
use loyal_proof::*;
use std::time::Duration;

pub const AUDIENCE: &str = "http://127.0.0.1:8080";
pub const PURPOSE: &str = "StillWater concert tickets";
pub const PRODUCER: AccountId = AccountId::new(0, 0, 1001);
pub const MARATHON: AccountId = AccountId::new(0, 0, 1003);
pub const STILLWATER: AccountId = AccountId::new(0, 0, 1004);
pub const ALICE: AccountId = AccountId::new(0, 0, 1005);
pub const BOB: AccountId = AccountId::new(0, 0, 1006);

pub fn key(name: &str) -> PrivateKey {
    genesis::key_for(name, name == "Bob")
}

pub fn now() -> Timestamp {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    Timestamp::new(d.as_secs() as i64, d.subsec_nanos() as i32)
}

pub fn secs(t: Timestamp, delta: i64) -> Timestamp {
    Timestamp::new(t.seconds + delta, 0)
}

pub struct World {
    pub devnet: DevnetHandle,
    pub net: Network,
    pub transport: HyperTransport,
    pub runtime: TokioRuntime,
    pub twin: TokenId,
    pub medal: TokenId,
    pub tickets: TokenId,
    pub nonces: MemoryNonceStore,
}

pub fn twin_metadata(serial: u64) -> NftMetadata {
    NftMetadata::builder(
        format!("FastShoes Runner twin #{serial}"),
        "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce",
        "image/png",
    )
    .with_creator("BestProducer")
    .with_property("manufacturer", "BestProducer")
    .with_property("model", "Runner")
    .with_property("batch", "2026-11-A")
    .with_attribute(Attribute::score("sustainability_score", 87, 100))
    .with_attribute(Attribute::score("workers_conditions_score", 92, 100))
    .build()
    .unwrap()
}

pub fn medal_metadata(position: u64) -> NftMetadata {
    NftMetadata::builder(
        format!("SuperMarathon 2026 finisher #{position}"),
        "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce",
        "image/png",
    )
    .with_creator("SuperMarathon")
    .with_property("event", "SuperMarathon 2026")
    .with_property("position", position)
    .with_property("time", "3:12:09")
    .build()
    .unwrap()
}

impl World {
    pub async fn new() -> Self {
        Self::with_config(DevnetConfig::ephemeral()).await
    }

    pub async fn with_config(config: DevnetConfig) -> Self {
        let devnet = spawn(
            config
                .with_grpc_port(0)
                .with_grpc_web_port(0)
                .with_mirror_port(0)
                .with_ipfs_port(0),
        )
        .await
        .unwrap();
        let net = Network::local(
            "127.0.0.1",
            devnet.grpc_web_addr().port(),
            devnet.mirror_addr().port(),
            devnet.ipfs_addr().port(),
        );
        let mut w = World {
            devnet,
            net,
            transport: HyperTransport::default(),
            runtime: TokioRuntime,
            twin: TokenId::default(),
            medal: TokenId::default(),
            tickets: TokenId::default(),
            nonces: MemoryNonceStore::system(),
        };
        w.twin = w
            .nft_collection("BestProducer", PRODUCER, "FastShoes digital twin", "TWIN")
            .await;
        w.medal = w
            .nft_collection(
                "SuperMarathon",
                MARATHON,
                "SuperMarathon accomplishment",
                "MEDAL",
            )
            .await;
        w.tickets = w
            .create(
                "StillWater",
                TokenCreateTransaction::new()
                    .with_name("StillWater concert ticket")
                    .with_symbol("TIX")
                    .with_initial_supply(100)
                    .with_treasury(STILLWATER),
            )
            .await;
        for (name, who) in [("Alice", ALICE), ("Bob", BOB)] {
            w.run(
                name,
                TokenAssociateTransaction::new()
                    .with_account_id(who.clone())
                    .with_token_ids([w.twin, w.medal, w.tickets]),
            )
            .await;
        }
        let twins = w
            .mint(
                "BestProducer",
                w.twin,
                &[twin_metadata(1), twin_metadata(2)],
            )
            .await;
        let medals = w
            .mint(
                "SuperMarathon",
                w.medal,
                &[
                    medal_metadata(250),
                    medal_metadata(600),
                    medal_metadata(100),
                ],
            )
            .await;
        assert_eq!((twins, medals), (vec![1, 2], vec![1, 2, 3]));
        w.give_nft("BestProducer", w.twin, 1, PRODUCER, ALICE).await;
        w.give_nft("BestProducer", w.twin, 2, PRODUCER, BOB).await;
        w.give_nft("SuperMarathon", w.medal, 1, MARATHON, ALICE)
            .await;
        w.give_nft("SuperMarathon", w.medal, 2, MARATHON, ALICE)
            .await;
        w.give_nft("SuperMarathon", w.medal, 3, MARATHON, BOB).await;
        let tickets = w.tickets;
        w.run(
            "StillWater",
            TransferTransaction::new()
                .with_token_transfer(tickets, STILLWATER, -8)
                .with_token_transfer(tickets, ALICE, 5)
                .with_token_transfer(tickets, BOB, 3),
        )
        .await;
        w
    }

    pub fn client(&self, name: &str) -> Client<HyperTransport, TokioRuntime> {
        let num = genesis::accounts()
            .into_iter()
            .find(|a| a.name == name)
            .unwrap()
            .num;
        Client::new(self.net.clone(), HyperTransport::default(), TokioRuntime)
            .with_operator(AccountId::new(0, 0, num), key(name))
            .with_backoff(Duration::from_millis(20), Duration::from_millis(200))
    }

    pub async fn run<D: TransactionData>(
        &self,
        payer: &str,
        builder: Builder<D>,
    ) -> loyal_client::Receipt {
        let client = self.client(payer);
        let tx = client.prepare(builder).unwrap();
        client.execute(&tx).await.unwrap()
    }

    pub async fn create(&self, payer: &str, builder: Builder<TokenCreate>) -> TokenId {
        self.run(payer, builder).await.token_id.unwrap()
    }

    pub async fn nft_collection(
        &self,
        payer: &str,
        treasury: AccountId,
        name: &str,
        symbol: &str,
    ) -> TokenId {
        self.create(
            payer,
            TokenCreateTransaction::new()
                .with_name(name)
                .with_symbol(symbol)
                .with_token_type(TokenType::NonFungibleUnique)
                .with_treasury(treasury)
                .with_supply_key(key(payer).public_key()),
        )
        .await
    }

    /// Uploads each metadata to IPFS and mints one NFT per file; returns the serials.
    pub async fn mint(&self, payer: &str, token: TokenId, metadata: &[NftMetadata]) -> Vec<u64> {
        let mut uris = Vec::new();
        for m in metadata {
            let cid = self
                .ipfs()
                .add("metadata.json", &m.to_json_bytes())
                .await
                .unwrap();
            uris.push(format!("ipfs://{cid}").into_bytes());
        }
        self.mint_raw(payer, token, uris).await
    }

    pub async fn mint_raw(&self, payer: &str, token: TokenId, metadata: Vec<Vec<u8>>) -> Vec<u64> {
        self.run(
            payer,
            TokenMintTransaction::new()
                .with_token_id(token)
                .with_metadata(metadata),
        )
        .await
        .serial_numbers
        .into_iter()
        .map(|s| s as u64)
        .collect()
    }

    pub async fn give_nft(
        &self,
        payer: &str,
        token: TokenId,
        serial: u64,
        from: AccountId,
        to: AccountId,
    ) {
        self.run(
            payer,
            TransferTransaction::new().with_nft_transfer(NftId::new(token, serial), from, to),
        )
        .await;
    }

    pub fn mirror(&self) -> MirrorClient<'_, HyperTransport, TokioRuntime> {
        MirrorClient::new(&self.transport, &self.runtime, &self.net.mirror_url)
    }

    pub fn mirror_at(&self, url: &str) -> MirrorClient<'_, HyperTransport, TokioRuntime> {
        MirrorClient::new(&self.transport, &self.runtime, url)
    }

    pub fn ipfs(&self) -> IpfsClient<'_, HyperTransport> {
        self.ipfs_at(self.net.ipfs_gateway_url.as_deref().unwrap())
    }

    pub fn ipfs_at(&self, gateway: &str) -> IpfsClient<'_, HyperTransport> {
        IpfsClient::new(
            &self.transport,
            self.net.ipfs_api_url.as_deref().unwrap(),
            gateway,
        )
    }

    /// A presentation for this verifier, with a nonce it issued, valid for five minutes.
    pub fn presentation(&mut self, holder: AccountId) -> Presentation {
        let now = now();
        Presentation::new(holder)
            .with_audience(AUDIENCE)
            .with_purpose(PURPOSE)
            .with_nonce(self.nonces.issue())
            .with_issued_at(now)
            .with_expires_at(secs(now, 300))
    }

    /// Alice's proof for StillWater: her twin and her 250th-place accomplishment.
    pub fn alice_proof(&mut self) -> Presentation {
        let (twin, medal) = (self.twin, self.medal);
        self.presentation(ALICE)
            .with_nft(twin, 1)
            .with_nft(medal, 1)
    }

    /// StillWater's policy: a genuine BestProducer twin, and an accomplishment in the first 500.
    /// The devnet's mirror has no lag, so ownership is read at once.
    pub fn policy(&self) -> Policy {
        Policy::new(AUDIENCE, PURPOSE, now())
            .with_max_mirror_lag(Duration::ZERO)
            .with_requirement(
                Requirement::nft(self.twin)
                    .with_treasury(PRODUCER)
                    .with_supply_key(key("BestProducer").public_key())
                    .with_where("manufacturer == \"BestProducer\"")
                    .unwrap()
                    .with_where("sustainability_score >= 70")
                    .unwrap(),
            )
            .with_requirement(
                Requirement::nft(self.medal)
                    .with_treasury(MARATHON)
                    .with_where("position <= 500")
                    .unwrap(),
            )
    }

    pub async fn verify(
        &mut self,
        signed: &SignedPresentation,
        policy: &Policy,
    ) -> Result<Verified, ProofError> {
        // Field by field: the clients borrow the transport while the nonces are borrowed mutably.
        let mirror = MirrorClient::new(&self.transport, &self.runtime, &self.net.mirror_url);
        let gateway = self.net.ipfs_gateway_url.as_deref().unwrap();
        let ipfs = IpfsClient::new(&self.transport, gateway, gateway);
        verify(signed, policy, &mut self.nonces, &[mirror], &ipfs).await
    }

    /// Through other mirrors (each must agree) and another IPFS gateway.
    pub async fn verify_via(
        &mut self,
        signed: &SignedPresentation,
        policy: &Policy,
        mirror_urls: &[&str],
        gateway: &str,
    ) -> Result<Verified, ProofError> {
        let mirrors: Vec<_> = mirror_urls
            .iter()
            .map(|url| MirrorClient::new(&self.transport, &self.runtime, url))
            .collect();
        let ipfs = IpfsClient::new(&self.transport, gateway, gateway);
        verify(signed, policy, &mut self.nonces, &mirrors, &ipfs).await
    }

    pub fn gateway(&self) -> String {
        self.net.ipfs_gateway_url.clone().unwrap()
    }

    pub async fn verify_text(
        &mut self,
        text: &str,
        policy: &Policy,
    ) -> Result<Verified, ProofError> {
        let signed = SignedPresentation::from_text(text)?;
        self.verify(&signed, policy).await
    }
}

/// Asserts the error's code, showing the error when it is another.
#[track_caller]
pub fn assert_code<T: std::fmt::Debug>(result: Result<T, ProofError>, code: &str) -> ProofError {
    match result {
        Ok(v) => panic!("expected {code}, verified: {v:?}"),
        Err(e) => {
            assert_eq!(e.code(), code, "{e}");
            e
        }
    }
}
