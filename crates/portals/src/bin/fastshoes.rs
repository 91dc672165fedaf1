//! FastShoes' customer portal: redeem the twin of your pair with the order code (connect the
//! wallet, associate the collection, post the request on FastShoes' inbox; FastShoes' runner
//! transfers the twin), and the provenance page of any twin (public: chain of custody from
//! the mirror, metadata verified against its CID, scores, image). The staff's stock is on
//! `/fastshoes/staff/` (its own binary: the customer page carries no transaction pipeline).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::time::Duration;

use loyal_client::Client;
use loyal_core::id::TokenId;
use loyal_core::transaction::TokenAssociateTransaction;
use loyal_portals::dom::{self, by_id, input_value, on_click, set_text};
use loyal_portals::error::invalid;
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::WebClient;
use loyal_portals::wallet::{Slot, Wallet};
use loyal_portals::workflow;
use loyal_portals::{config, ledger, names, nft, status, Error, Result};
use loyal_web::{Fetch, Timers};
use loyal_workflow::InboxRequest;
use serde_json::Value;

struct Page {
    reader: WebClient,
    wallet: Slot,
    deployment: RefCell<Option<Value>>,
    devnet: bool,
}

fn token(id: &str, label: &str) -> Result<TokenId> {
    input_value(id).parse().map_err(|e| invalid(label, e))
}

impl Page {
    /// Redeems the order code: the twin moves from FastShoes to the connected customer.
    fn redeem(&self) -> Boxed<'_, i64> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let code = input_value("code");
            if code.is_empty() {
                return Err(invalid("Order code", "the code on your receipt"));
            }
            let deployment = self.deployment.borrow().clone();
            let twin = workflow::token(deployment.as_ref(), "twin").ok_or_else(|| {
                Error::new("DEPLOYMENT", "the deployment names no twin collection")
            })?;
            let (inbox, outcomes) = workflow::topics(deployment.as_ref(), "FastShoes")?;
            let me = wallet.account.to_string();
            dom::busy("Checking your account can receive the twin…");
            if !ledger::associated(&self.reader, &me, &twin).await? {
                let token: TokenId = twin.parse().map_err(|e| invalid("twin", e))?;
                let associate = TokenAssociateTransaction::new()
                    .with_account_id(wallet.account.clone())
                    .with_token_ids([token]);
                wallet
                    .execute(&self.reader, associate, "accept BestProducer twins")
                    .await?;
            }
            let id = workflow::request_id();
            let mut inputs = BTreeMap::new();
            inputs.insert("code".to_owned(), Value::String(code));
            let request = InboxRequest {
                workflow: "fastshoes.redeem-twin".into(),
                request: id.clone(),
                account: me,
                inputs,
                proof: None,
            };
            workflow::post(&wallet, &self.reader, &inbox, request).await?;
            let outcome =
                workflow::outcome(&self.reader, &outcomes, &id, Duration::from_secs(60)).await?;
            if !outcome.granted {
                return Err(Error::new(
                    outcome.code.unwrap_or_else(|| "REFUSED".into()),
                    outcome
                        .reason
                        .unwrap_or_else(|| "FastShoes refused the request".into()),
                ));
            }
            let serial = outcome
                .fields
                .get("twin")
                .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
                .ok_or_else(|| Error::new("DEPLOYMENT", "the outcome names no twin"))?;
            dom::set_value("prov-collection", &twin);
            dom::set_value("prov-serial", &serial.to_string());
            Ok(serial)
        })
    }

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
        wallet: Slot::default(),
        deployment: RefCell::new(None),
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
    });
    if config::param("deployment").is_some() {
        let p = page.clone();
        dom::on_load(async move {
            dom::busy("Reading the deployment…");
            let d = workflow::load(&p.reader).await?;
            if let Some(twin) = workflow::token(d.as_ref(), "twin") {
                dom::set_value("prov-collection", &twin);
            }
            *p.deployment.borrow_mut() = d;
            dom::done("Ready.");
            Ok(())
        });
    }
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
    let p = page.clone();
    on_click("connect", move || {
        let p = p.clone();
        async move {
            let wallet = Wallet::connect(&p.reader.network().name).await?;
            let account = wallet.account.to_string();
            set_text(
                "wallet-state",
                &format!("Connected: {}", names::label(&account, p.devnet)),
            );
            p.wallet.set(wallet);
            dom::enable("redeem", true);
            dom::done("Wallet connected.");
            Ok(())
        }
    });
    let p = page.clone();
    on_click("redeem", move || {
        let p = p.clone();
        async move {
            let serial = p.redeem().await?;
            set_text(
                "redeem-result",
                &format!("The twin of your pair is yours: serial {serial}."),
            );
            p.provenance().await?;
            dom::done(&format!(
                "Redeemed: twin serial {serial} is in your wallet."
            ));
            Ok(())
        }
    });
    let p = page;
    on_click("prov-show", move || {
        let p = p.clone();
        async move {
            p.provenance().await?;
            dom::done("Provenance shown.");
            Ok(())
        }
    });
}
