//! FastShoes' provenance page of any twin, public and read-only: its chain of custody from the
//! mirror, its metadata verified against its CID, the scores, the image. Its own binary: the
//! page carries neither a wallet nor a transaction pipeline.

use std::rc::Rc;

use loyal_client::Client;
use loyal_core::id::TokenId;
use loyal_portals::dom::{self, by_id, input_value, on_click_with, set_text};
use loyal_portals::error::invalid;
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::WebClient;
use loyal_portals::{config, ledger, names, nft, status, Result};
use loyal_web::{Fetch, Timers};

struct Page {
    reader: WebClient,
    devnet: bool,
}

fn token(id: &str, label: &str) -> Result<TokenId> {
    input_value(id).parse().map_err(|e| invalid(label, e))
}

impl Page {
    /// The provenance of one twin, every part from the mirror and IPFS, nothing from us.
    fn provenance(&self) -> Boxed<'_, ()> {
        Box::pin(async move {
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
            let info = ledger::token(&self.reader, &collection).await?;
            set_text(
                "prov-collection-info",
                &format!(
                    "{} ({}) · issued by {}",
                    info.name,
                    info.symbol,
                    names::label(
                        info.treasury_account_id.as_deref().unwrap_or("?"),
                        self.devnet
                    )
                ),
            );
            let twin = ledger::nft(&self.reader, &collection, serial).await?;
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
                    nft::render_image(&self.reader, &by_id("prov-image"), &m.json).await?;
                }
                Err(e) => {
                    verified.set_text_content(Some(&format!("✗ Metadata not verified: {e}")));
                    verified.set_class_name("bad");
                    return Err(e);
                }
            }
            by_id("provenance-result").set_hidden(false);
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
    let page = Rc::new(Page {
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
    });
    let twin = config::param("twin")
        .or_else(|| config::remembered("twin", &page.reader.network().mirror_url));
    if let Some(t) = &twin {
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
    on_click_with("prov-show", &page, |p| async move {
        p.provenance().await?;
        dom::done("Provenance shown.");
        Ok(())
    });
}
