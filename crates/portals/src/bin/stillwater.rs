//! StillWater's portal: what a customer can present (the NFTs her account holds, each with its
//! verified metadata). The ticket token is on the staff page, `/stillwater/staff/`.

use std::rc::Rc;

use loyal_client::Client;
use loyal_portals::dom::{self, by_id, on_click, set_text};
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::WebClient;
use loyal_portals::{config, ledger, names, nft, status};
use loyal_web::{Fetch, Timers};

struct Page {
    reader: WebClient,
    devnet: bool,
}

impl Page {
    /// The concert tickets: a fungible token in whole units, StillWater its treasury.

    fn holdings(&self) -> Boxed<'_, usize> {
        Box::pin(async move {
            let account = nft::account_input("customer", "Account")?;
            dom::busy("Reading the account's NFTs from the mirror…");
            let held = ledger::account_nfts(&self.reader, &account).await?;
            let list = by_id("holdings");
            dom::clear(&list);
            for n in &held {
                nft::render_card(
                    &self.reader,
                    &list,
                    &n.token_id,
                    n.serial_number,
                    &n.metadata,
                    "",
                )
                .await?;
            }
            set_text(
                "holdings-summary",
                &format!(
                    "{} NFT(s) held by {}.",
                    held.len(),
                    names::label(&account, self.devnet)
                ),
            );
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
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
    });
    if let Some(account) = config::param("account") {
        dom::set_value("customer", &account);
        let first = page.clone();
        dom::on_load(async move {
            first.holdings().await?;
            dom::done("Ready.");
            Ok(())
        });
    } else {
        dom::done("Ready.");
    }
    let p = page;
    on_click("holdings-show", move || {
        let p = p.clone();
        async move {
            let n = p.holdings().await?;
            dom::done(&format!("{n} NFT(s) shown."));
            Ok(())
        }
    });
}
