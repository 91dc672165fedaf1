//! FastShoes' staff portal: the shop's stock and till. Associating the twin collection lets
//! BestProducer ship twins to the shop; the stock lists the twins the shop holds, names read
//! from IPFS; the till sells a pair in stock and prints the receipt's order code — the code the
//! redeem workflow honours (the orders table of FastShoes' own deployment file, which stays
//! with the staff: `?deployment=` names it here, never on a customer page).

use std::rc::Rc;

use loyal_client::Client;
use loyal_core::id::TokenId;
use loyal_core::transaction::TokenAssociateTransaction;
use loyal_portals::dom::{self, input_value, on_click_with, set_text};
use loyal_portals::error::invalid;
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::{Staff, WebClient};
use loyal_portals::{config, ledger, names, nft, status, workflow, Result};
use loyal_web::{Fetch, Timers};

struct Page {
    staff: Rc<Staff>,
    reader: WebClient,
}

/// The order code of `serial` in the deployment's orders table.
fn order_code(deployment: &serde_json::Value, serial: i64) -> Option<String> {
    deployment["organisations"]["FastShoes"]["tables"]["orders"]
        .as_object()?
        .iter()
        .find(|(_, row)| row["serial"].as_i64() == Some(serial))
        .map(|(code, _)| code.clone())
}

fn token(id: &str, label: &str) -> Result<TokenId> {
    input_value(id).parse().map_err(|e| invalid(label, e))
}

impl Page {
    /// Sells the pair whose twin is `#sell-serial` (it must be in stock): its receipt code.
    fn sell(&self) -> Boxed<'_, (i64, String)> {
        Box::pin(async move {
            let collection = token("collection", "Twin collection")?.to_string();
            let serial: i64 = input_value("sell-serial")
                .parse()
                .map_err(|e| invalid("Serial", e))?;
            let shop = self.staff.account()?.to_string();
            dom::busy("Checking the pair is in stock…");
            let twin = ledger::nft(&self.reader, &collection, serial).await?;
            if twin.account_id.as_deref() != Some(shop.as_str()) {
                return Err(loyal_portals::Error::new(
                    "NOT_IN_STOCK",
                    format!("twin {collection}/{serial} is not in FastShoes' stock"),
                ));
            }
            let deployment = workflow::load(&self.reader).await?.ok_or_else(|| {
                loyal_portals::Error::new(
                    "NO_DEPLOYMENT",
                    "the till needs FastShoes' deployment (?deployment=URL)",
                )
            })?;
            let code = order_code(&deployment, serial).ok_or_else(|| {
                loyal_portals::Error::new(
                    "NO_ORDER",
                    format!("the orders table has no code for serial {serial}"),
                )
            })?;
            Ok((serial, code))
        })
    }

    fn associate(&self) -> Boxed<'_, TokenId> {
        Box::pin(async move {
            let collection = token("collection", "Twin collection")?;
            let client = self.staff.client()?;
            dom::busy(&format!("Associating FastShoes with {collection}…"));
            let tx = client.prepare(
                TokenAssociateTransaction::new()
                    .with_account_id(self.staff.account()?)
                    .with_token_ids([collection]),
            )?;
            ledger::execute(&client, &tx).await?;
            Ok(collection)
        })
    }

    fn stock(&self) -> Boxed<'_, usize> {
        Box::pin(async move {
            let collection = token("collection", "Twin collection")?.to_string();
            let shop = self
                .staff
                .account()
                .map(|a| a.to_string())
                .unwrap_or_else(|_| format!("0.0.{}", names::FAST_SHOES));
            dom::busy("Reading the stock from the mirror…");
            let held: Vec<_> = ledger::account_nfts(&self.reader, &shop)
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
        staff: Staff::install("FastShoes", names::FAST_SHOES, network.clone()),
        reader: Client::new(network, Fetch, Timers),
    });
    if let Some(t) = config::param("twin")
        .or_else(|| config::remembered("twin", &page.reader.network().mirror_url))
    {
        dom::set_value("collection", &t);
    }
    dom::done("Ready.");
    on_click_with("associate", &page, |p| async move {
        let collection = p.associate().await?;
        dom::done(&format!("FastShoes can now receive twins of {collection}."));
        Ok(())
    });
    on_click_with("sell", &page, |p| async move {
        let (serial, code) = p.sell().await?;
        set_text("receipt-code", &code);
        set_text("receipt-item", &format!("One pair, twin serial {serial}"));
        dom::show("receipt", true);
        dom::done(&format!(
            "Sold: twin serial {serial}. Hand the customer her receipt."
        ));
        Ok(())
    });
    on_click_with("stock-refresh", &page, |p| async move {
        let n = p.stock().await?;
        dom::done(&format!("{n} twin(s) in stock."));
        Ok(())
    });
}
