//! The devnet's network console: accounts and balances from the mirror, an NFT collection
//! created by BestProducer, NFTs minted with HIP-412 metadata uploaded to IPFS, and the
//! collection's NFTs listed from the mirror with their metadata fetched back and verified.
//! Plain web-sys; every action shows a pending state and any error with its code.

use loyal_client::{Client, IpfsClient, MirrorClient, Network};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::transaction::{TokenCreateTransaction, TokenMintTransaction, TokenType};
use loyal_metadata::{Attribute, NftMetadata};
use loyal_portals::dom::{self, by_id, input_value, on_click};
use loyal_portals::names::{devnet_key, BEST_PRODUCER as PRODUCER, NAMES};
use loyal_portals::status;
use loyal_portals::{Error, Result};
use loyal_web::{Fetch, Timers};
use std::cell::RefCell;
use std::rc::Rc;

struct App {
    client: Client<Fetch, Timers>,
    collection: RefCell<Option<TokenId>>,
}

impl App {
    fn mirror(&self) -> MirrorClient<'_, Fetch, Timers> {
        MirrorClient::new(
            self.client.transport(),
            self.client.runtime(),
            &self.client.network().mirror_url,
        )
    }

    fn ipfs(&self) -> IpfsClient<'_, Fetch> {
        let n = self.client.network();
        IpfsClient::new(
            self.client.transport(),
            n.ipfs_api_url.as_deref().unwrap_or_default(),
            n.ipfs_gateway_url.as_deref().unwrap_or_default(),
        )
    }

    async fn show_accounts(&self) -> Result<()> {
        let page = self.mirror().get_json("/api/v1/accounts?limit=100").await?;
        let rows: Vec<Vec<String>> = page["accounts"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                let id = a["account"].as_str().unwrap_or_default();
                let num: u64 = id
                    .rsplit('.')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(0);
                let name = NAMES
                    .iter()
                    .find(|(n, _)| *n == num)
                    .map_or("", |(_, name)| name);
                // The mirror may not have a balance snapshot yet: unknown, not zero.
                let balance = a["balance"]["balance"]
                    .as_i64()
                    .map_or("—".to_owned(), |t| {
                        format!("{}.{:08} ℏ", t / 100_000_000, t % 100_000_000)
                    });
                let tokens = a["balance"]["tokens"].as_array().map_or(0, Vec::len);
                vec![id.to_owned(), name.to_owned(), balance, tokens.to_string()]
            })
            .collect();
        dom::fill_table("accounts", &rows, &[2, 3]);
        Ok(())
    }

    async fn create_collection(&self) -> Result<TokenId> {
        let key = devnet_key("BestProducer");
        let tx = self.client.prepare(
            TokenCreateTransaction::new()
                .with_name(input_value("collection-name"))
                .with_symbol(input_value("collection-symbol"))
                .with_token_type(TokenType::NonFungibleUnique)
                .with_treasury(AccountId::new(0, 0, PRODUCER))
                .with_supply_key(key.public_key())
                .with_metadata_key(key.public_key()),
        )?;
        let receipt = self.client.execute(&tx).await?;
        receipt
            .token_id
            .ok_or_else(|| Error::new("NO_TOKEN_ID", "the receipt names no token"))
    }

    async fn mint(&self, token: TokenId) -> Result<i64> {
        let score: u32 = input_value("nft-score")
            .parse()
            .map_err(|_| loyal_portals::error::invalid("Score", "a number from 0 to 100"))?;
        let metadata = NftMetadata::builder(
            input_value("nft-name"),
            "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce",
            "image/png",
        )
        .with_creator("BestProducer")
        .with_attribute(Attribute::score("sustainability_score", score, 100))
        .build()?;
        dom::busy("Uploading the metadata to IPFS…");
        let cid = self
            .ipfs()
            .add("metadata.json", &metadata.to_json_bytes())
            .await?;
        let uri = loyal_metadata::metadata_uri(&cid.to_string())?;
        dom::busy(&format!("Minting with {uri}…"));
        let tx = self.client.prepare(
            TokenMintTransaction::new()
                .with_token_id(token)
                .with_metadata([uri.into_bytes()]),
        )?;
        let receipt = self.client.execute(&tx).await?;
        dom::busy("Waiting for the mirror…");
        self.mirror()
            .wait_for_transaction(tx.transaction_id(), core::time::Duration::from_secs(10))
            .await?;
        receipt
            .serial_numbers
            .first()
            .copied()
            .ok_or_else(|| Error::new("NO_SERIAL", "the receipt names no serial"))
    }

    async fn show_nfts(&self, token: TokenId) -> Result<()> {
        let nfts = self
            .mirror()
            .token_nfts(&token.to_string(), 10)
            .collect()
            .await?;
        let mut rows = Vec::new();
        for nft in nfts {
            let uri = String::from_utf8_lossy(&nft.metadata).into_owned();
            let name = match uri.strip_prefix("ipfs://").and_then(|c| c.parse().ok()) {
                Some(cid) => match self.ipfs().cat(&cid).await {
                    Ok(bytes) => NftMetadata::from_json(&bytes)
                        .map(|m| m.name)
                        .unwrap_or_else(|e| format!("({})", e.code())),
                    Err(e) => format!("({})", e.code()),
                },
                None => "(not an IPFS URI)".into(),
            };
            rows.push(vec![
                nft.serial_number.to_string(),
                nft.account_id.unwrap_or_default(),
                uri,
                name,
            ]);
        }
        dom::fill_table("nfts", &rows, &[0]);
        Ok(())
    }
}

fn main() {
    let origin = web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .unwrap_or_else(|| "127.0.0.1".into());
    let host = if origin.is_empty() {
        "127.0.0.1".to_owned()
    } else {
        origin
    };
    let network = Network::local(&host, 50213, 5551, 5001);
    by_id("network").set_text_content(Some(&format!(
        "devnet: node 0.0.3 at {} · mirror {} · IPFS {}",
        network.nodes[0].url,
        network.mirror_url,
        network.ipfs_api_url.clone().unwrap_or_default()
    )));
    let client = Client::new(network, Fetch, Timers)
        .with_operator(AccountId::new(0, 0, PRODUCER), devnet_key("BestProducer"));
    let app = Rc::new(App {
        client,
        collection: RefCell::new(None),
    });

    let first = app.clone();
    wasm_bindgen_futures::spawn_local(async move {
        dom::busy("Loading accounts from the mirror…");
        match first.show_accounts().await {
            Ok(()) => dom::done("Ready."),
            Err(e) => status::fail(&e),
        }
    });

    let on_create = app.clone();
    on_click("create", move || {
        let app = on_create.clone();
        async move {
            dom::busy("Creating the collection…");
            let token = app.create_collection().await?;
            *app.collection.borrow_mut() = Some(token);
            by_id("collection").set_text_content(Some(&format!("Collection {token}")));
            dom::enable("mint", true);
            app.show_accounts().await?;
            dom::done(&format!("Created {token}."));
            Ok(())
        }
    });

    let on_mint = app;
    on_click("mint", move || {
        let app = on_mint.clone();
        async move {
            let token = (*app.collection.borrow())
                .ok_or_else(|| Error::new("NO_COLLECTION", "create a collection first"))?;
            let serial = app.mint(token).await?;
            app.show_nfts(token).await?;
            dom::done(&format!("Minted {token}/{serial}."));
            Ok(())
        }
    });
}
