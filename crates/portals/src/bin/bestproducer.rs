//! BestProducer's staff portal: create the digital-twin collection, manufacture a batch
//! (one NFT per pair, HIP-412 metadata and an SVG label on IPFS), ship twins to FastShoes,
//! and the collection's supply and holders from the mirror.

use std::rc::Rc;

use loyal_client::Client;
use loyal_core::id::{AccountId, NftId, TokenId};
use loyal_core::transaction::{
    TokenCreateTransaction, TokenMintTransaction, TokenType, TransferTransaction,
};
use loyal_portals::dom::{self, by_id, input_value, on_click_with, set_text};
use loyal_portals::error::invalid;
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::{Staff, WebClient};
use loyal_portals::twin::{self, Twin};
use loyal_portals::{config, ledger, names, nft, status, Error, Result};
use loyal_web::{Fetch, Timers};

struct Page {
    staff: Rc<Staff>,
    reader: WebClient,
    devnet: bool,
}

fn collection() -> Result<TokenId> {
    input_value("collection")
        .parse()
        .map_err(|e| invalid("Collection", e))
}

impl Page {
    fn create(&self) -> Boxed<'_, TokenId> {
        Box::pin(async move {
            let client = self.staff.client()?;
            let key = self.staff.key()?.public_key();
            dom::busy("Creating the twin collection…");
            let tx = client.prepare(
                TokenCreateTransaction::new()
                    .with_name(input_value("collection-name"))
                    .with_symbol(input_value("collection-symbol"))
                    .with_token_type(TokenType::NonFungibleUnique)
                    .with_treasury(self.staff.account()?)
                    .with_supply_key(key)
                    .with_metadata_key(key),
            )?;
            ledger::execute(&client, &tx)
                .await?
                .token_id
                .ok_or_else(|| Error::new("NO_TOKEN_ID", "the receipt names no token"))
        })
    }

    fn batch(&self) -> Result<Vec<Twin>> {
        let sizes = twin::sizes(&input_value("sizes"))?;
        let field = |id: &str, label: &str| {
            let v = input_value(id);
            if v.is_empty() {
                Err(invalid(label, "required"))
            } else {
                Ok(v)
            }
        };
        let base = Twin {
            model: field("model", "Model")?,
            size: String::new(),
            batch: field("batch", "Batch")?,
            factory: field("factory", "Factory")?,
            date: loyal_portals::date::iso_date("Manufacturing date", &input_value("date"))?,
            materials: field("materials", "Materials")?,
            sustainability: twin::score("Sustainability score", &input_value("sustainability"))?,
            workers: twin::score("Workers' conditions score", &input_value("workers"))?,
        };
        Ok(sizes
            .into_iter()
            .map(|size| Twin {
                size,
                ..base.clone()
            })
            .collect())
    }

    /// Uploads each pair's label and metadata, then mints ten twins per transaction.
    fn manufacture(&self) -> Boxed<'_, Vec<i64>> {
        Box::pin(async move {
            let token = collection()?;
            let pairs = self.batch()?;
            let client = self.staff.client()?;
            let ipfs = nft::ipfs(&client)?;
            let steps = pairs.len() + pairs.len().div_ceil(10);
            let mut uris = Vec::new();
            for (i, pair) in pairs.iter().enumerate() {
                dom::busy(&format!(
                    "Uploading pair {} of {} to IPFS…",
                    i + 1,
                    pairs.len()
                ));
                status::progress(Some((i, steps)));
                let image = ipfs.add("twin.svg", pair.svg().as_bytes()).await?;
                let metadata = pair.metadata(&format!("ipfs://{image}"))?;
                let cid = ipfs.add("metadata.json", &metadata.to_json_bytes()).await?;
                uris.push(loyal_metadata::metadata_uri(&cid.to_string())?.into_bytes());
            }
            let mut serials = Vec::new();
            for (i, chunk) in uris.chunks(10).enumerate() {
                dom::busy(&format!(
                    "Minting twins {}–{}…",
                    i * 10 + 1,
                    i * 10 + chunk.len()
                ));
                status::progress(Some((pairs.len() + i, steps)));
                let tx = client.prepare(
                    TokenMintTransaction::new()
                        .with_token_id(token)
                        .with_metadata(chunk.to_vec()),
                )?;
                serials.extend(ledger::execute(&client, &tx).await?.serial_numbers);
            }
            Ok(serials)
        })
    }

    fn ship(&self) -> Boxed<'_, (Vec<u64>, AccountId)> {
        Box::pin(async move {
            let token = collection()?;
            let serials = twin::serials(&input_value("ship-serials"))?;
            let to: AccountId = input_value("ship-to")
                .parse()
                .map_err(|e| invalid("Ship to", e))?;
            let client = self.staff.client()?;
            let from = self.staff.account()?;
            dom::busy(&format!("Shipping {} twin(s) to {to}…", serials.len()));
            let mut transfer = TransferTransaction::new();
            for s in &serials {
                transfer =
                    transfer.with_nft_transfer(NftId::new(token, *s), from.clone(), to.clone());
            }
            let tx = client.prepare(transfer)?;
            ledger::execute(&client, &tx).await?;
            Ok((serials, to))
        })
    }

    /// The collection's name, supply and treasury, and its NFTs with owner and verified name.
    fn show(&self) -> Boxed<'_, ()> {
        Box::pin(async move {
            let token = collection()?;
            dom::busy("Reading the collection from the mirror…");
            let id = token.to_string();
            let info = ledger::token(&self.reader, &id).await?;
            // Shown once a collection is open: they act on it, and a cold page without them
            // lays out in ~40 ms less.
            for section in ["batch-section", "ship-section", "nfts-section"] {
                dom::show(section, true);
            }
            set_text(
                "collection-info",
                &format!(
                    "{} ({}) · supply {} · treasury {}",
                    info.name,
                    info.symbol,
                    info.total_supply.as_deref().unwrap_or("?"),
                    names::label(
                        info.treasury_account_id.as_deref().unwrap_or("?"),
                        self.devnet
                    )
                ),
            );
            by_id("collection-info")
                .set_attribute("data-supply", info.total_supply.as_deref().unwrap_or(""))
                .ok();
            let nfts = ledger::token_nfts(&self.reader, &id).await?;
            let mut rows = Vec::new();
            for (i, n) in nfts.iter().enumerate() {
                dom::busy(&format!(
                    "Reading metadata {} of {} from IPFS…",
                    i + 1,
                    nfts.len()
                ));
                let (name, batch) = match nft::fetch_metadata(&self.reader, &n.metadata).await {
                    Ok(m) => (
                        nft::name(&m.json),
                        nft::text(&m.json["properties"]["batch"]),
                    ),
                    Err(e) => (format!("({})", e.code()), String::new()),
                };
                rows.push(vec![
                    n.serial_number.to_string(),
                    names::label(n.account_id.as_deref().unwrap_or("—"), self.devnet),
                    name,
                    batch,
                ]);
            }
            dom::fill_table("nfts", &rows, &[0]);
            Ok(())
        })
    }
}

fn main() {
    config::carry_links();
    let network = match config::network() {
        Ok(n) => n,
        Err(e) => return status::fail(&e),
    };
    set_text("network", &config::describe(&network));
    let devnet = config::is_devnet(&network);
    let page = Rc::new(Page {
        staff: Staff::install("BestProducer", names::BEST_PRODUCER, network.clone()),
        reader: Client::new(network, Fetch, Timers),
        devnet,
    });
    dom::set_value(
        "date",
        &String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect::<String>(),
    );
    if let Some(t) = config::param("twin")
        .or_else(|| config::remembered("twin", &page.reader.network().mirror_url))
    {
        dom::set_value("collection", &t);
        let first = page.clone();
        dom::on_load(async move {
            first.show().await?;
            dom::done("Ready.");
            Ok(())
        });
    } else {
        dom::done("Ready. Enter the staff key, then create or open the twin collection.");
    }

    on_click_with("create", &page, |p| async move {
        let token = p.create().await?;
        dom::set_value("collection", &token.to_string());
        config::remember("twin", &p.reader.network().mirror_url, &token.to_string());
        p.show().await?;
        dom::done(&format!("Created the twin collection {token}."));
        Ok(())
    });
    on_click_with("open", &page, |p| async move {
        p.show().await?;
        config::remember(
            "twin",
            &p.reader.network().mirror_url,
            &collection()?.to_string(),
        );
        dom::done("Collection loaded.");
        Ok(())
    });
    on_click_with("manufacture", &page, |p| async move {
        let serials = p.manufacture().await?;
        let (first, last) = (
            serials.first().copied().unwrap_or(0),
            serials.last().copied().unwrap_or(0),
        );
        set_text("minted", &format!("Minted serials {first}–{last}."));
        dom::set_value("ship-serials", &format!("{first}-{last}"));
        p.show().await?;
        dom::done(&format!(
            "Manufactured {} pair(s): serials {first}–{last}.",
            serials.len()
        ));
        Ok(())
    });
    on_click_with("ship", &page, |p| async move {
        let (serials, to) = p.ship().await?;
        p.show().await?;
        dom::done(&format!(
            "Shipped {} twin(s) to {}.",
            serials.len(),
            names::label(&to.to_string(), p.devnet)
        ));
        Ok(())
    });
}
