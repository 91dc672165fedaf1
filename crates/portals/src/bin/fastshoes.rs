//! FastShoes' portal: the provenance page of any twin (public: chain of custody from the
//! mirror, metadata verified against its CID, scores, image) and the staff's stock (associate
//! the twin collection so BestProducer can ship to the shop; the twins in stock).

use std::rc::Rc;
use std::time::Duration;

use loyal_client::Client;
use loyal_core::id::TokenId;
use loyal_core::transaction::TokenAssociateTransaction;
use loyal_portals::dom::{self, by_id, input_value, on_click, set_text};
use loyal_portals::error::invalid;
use loyal_portals::staff::{Staff, WebClient};
use loyal_portals::{config, names, nft, status, Result};
use loyal_web::{Fetch, Timers};

struct Page {
    staff: Rc<Staff>,
    reader: WebClient,
    devnet: bool,
}

fn token(id: &str, label: &str) -> Result<TokenId> {
    input_value(id).parse().map_err(|e| invalid(label, e))
}

impl Page {
    async fn associate(&self) -> Result<TokenId> {
        let collection = token("collection", "Twin collection")?;
        let client = self.staff.client()?;
        dom::busy(&format!("Associating FastShoes with {collection}…"));
        let tx = client.prepare(
            TokenAssociateTransaction::new()
                .with_account_id(self.staff.account()?)
                .with_token_ids([collection]),
        )?;
        client.execute(&tx).await?;
        dom::busy("Waiting for the mirror…");
        nft::mirror(&client)
            .wait_for_transaction(tx.transaction_id(), Duration::from_secs(20))
            .await?;
        Ok(collection)
    }

    async fn stock(&self) -> Result<usize> {
        let collection = token("collection", "Twin collection")?.to_string();
        let shop = self
            .staff
            .account()
            .map(|a| a.to_string())
            .unwrap_or_else(|_| format!("0.0.{}", names::FAST_SHOES));
        dom::busy("Reading the stock from the mirror…");
        let held: Vec<_> = nft::mirror(&self.reader)
            .account_nfts(&shop, 5)
            .collect()
            .await?
            .into_iter()
            .filter(|n| n.token_id == collection)
            .collect();
        let mut rows = Vec::new();
        for n in &held {
            let name = match nft::fetch_metadata(&self.reader, &n.metadata).await {
                Ok(m) => nft::name(&m.json),
                Err(e) => format!("({})", e.code()),
            };
            rows.push(vec![n.serial_number.to_string(), name]);
        }
        dom::fill_table("stock", &rows, &[0]);
        Ok(held.len())
    }

    /// The provenance of one twin, every part from the mirror and IPFS, nothing from us.
    async fn provenance(&self) -> Result<()> {
        let collection = token("prov-collection", "Collection")?.to_string();
        let serial: i64 = input_value("prov-serial")
            .parse()
            .ok()
            .filter(|s| *s > 0)
            .ok_or_else(|| invalid("Serial", "a serial number (1, 2, …)"))?;
        for id in ["prov-collection-info", "prov-verified"] {
            set_text(id, "");
        }
        dom::clear(&by_id("prov-metadata"));
        dom::clear(&by_id("prov-image"));
        dom::busy("Reading the twin from the mirror…");
        let mirror = nft::mirror(&self.reader);
        let info = mirror.token(&collection).await?;
        set_text(
            "prov-collection-info",
            &format!(
                "{} ({}) · issued by {}",
                info.name,
                info.symbol,
                names::label(info.treasury_account_id.as_deref().unwrap_or("?"), self.devnet)
            ),
        );
        let twin = mirror.nft(&collection, serial).await?;
        dom::busy("Reading its chain of custody…");
        let moves = nft::custody(&self.reader, &collection, serial).await?;
        nft::render_custody(&by_id("prov-chain"), "prov-moves", &moves, self.devnet);
        dom::busy("Fetching its metadata from IPFS and checking it against the CID…");
        let verified = by_id("prov-verified");
        match nft::fetch_metadata(&self.reader, &twin.metadata).await {
            Ok(m) => {
                let hip412 = match loyal_metadata::NftMetadata::from_json(
                    &serde_json::to_vec(&m.json).unwrap_or_default(),
                ) {
                    Ok(_) => "valid HIP-412".to_owned(),
                    Err(e) => format!("not valid HIP-412 ({}: {e})", e.code()),
                };
                verified.set_text_content(Some(&format!(
                    "✓ Metadata verified against its CID {} · {hip412}",
                    m.cid
                )));
                verified.set_class_name("ok");
                nft::render_metadata(&by_id("prov-metadata"), &m.json);
                dom::busy("Fetching its image from IPFS…");
                nft::render_image(&self.reader, &by_id("prov-image"), &m.json).await;
            }
            Err(e) => {
                verified.set_text_content(Some(&format!("✗ Metadata not verified: {e}")));
                verified.set_class_name("bad");
                return Err(e);
            }
        }
        by_id("provenance-result").set_hidden(false);
        Ok(())
    }
}

fn main() {
    config::carry_links();
    let network = match config::network() {
        Ok(n) => n,
        Err(e) => return status::fail(&e),
    };
    set_text("network", &config::describe(&network));
    let page = Rc::new(Page {
        staff: Staff::install("FastShoes", names::FAST_SHOES, network.clone()),
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
    });
    let twin = config::param("twin").or_else(|| {
        let key = format!("loyal.twin@{}", page.reader.network().mirror_url);
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item(&key).ok().flatten())
    });
    if let Some(t) = &twin {
        dom::set_value("collection", t);
        dom::set_value("prov-collection", t);
    }
    match config::param("serial") {
        Some(serial) if twin.is_some() => {
            dom::set_value("prov-serial", &serial);
            let first = page.clone();
            dom::on_load(async move {
                first.provenance().await?;
                dom::done("Provenance shown.");
                Ok(())
            });
        }
        _ => dom::done("Ready."),
    }

    let p = page.clone();
    on_click("prov-show", move || {
        let p = p.clone();
        async move {
            p.provenance().await?;
            dom::done("Provenance shown.");
            Ok(())
        }
    });
    let p = page.clone();
    on_click("associate", move || {
        let p = p.clone();
        async move {
            let collection = p.associate().await?;
            dom::done(&format!("FastShoes can now receive twins of {collection}."));
            Ok(())
        }
    });
    let p = page;
    on_click("stock-refresh", move || {
        let p = p.clone();
        async move {
            let n = p.stock().await?;
            dom::done(&format!("{n} twin(s) in stock."));
            Ok(())
        }
    });
}
