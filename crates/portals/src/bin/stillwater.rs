//! StillWater's portal: what a customer can present (the NFTs her account holds, each with its
//! verified metadata) and the staff's ticket token.

use std::rc::Rc;

use loyal_client::Client;
use loyal_core::transaction::{TokenCreateTransaction, TokenType};
use loyal_portals::dom::{self, by_id, on_click, set_text};
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::{Staff, WebClient};
use loyal_portals::{config, ledger, names, nft, status, Error};
use loyal_web::{Fetch, Timers};

struct Page {
    staff: Rc<Staff>,
    reader: WebClient,
    devnet: bool,
}

impl Page {
    /// The concert tickets: a fungible token in whole units, StillWater its treasury.
    fn create(&self) -> Boxed<'_, String> {
        Box::pin(async move {
            let client = self.staff.client()?;
            let supply: u64 = dom::input_value("ticket-supply")
                .parse()
                .map_err(|e| loyal_portals::error::invalid("Tickets", e))?;
            dom::busy("Creating the ticket token…");
            let tx = client.prepare(
                TokenCreateTransaction::new()
                    .with_name(dom::input_value("ticket-name"))
                    .with_symbol(dom::input_value("ticket-symbol"))
                    .with_token_type(TokenType::FungibleCommon)
                    .with_decimals(0)
                    .with_initial_supply(supply)
                    .with_treasury(self.staff.account()?)
                    .with_supply_key(self.staff.key()?.public_key()),
            )?;
            let receipt = ledger::execute(&client, &tx).await?;
            receipt
                .token_id
                .map(|t| t.to_string())
                .ok_or_else(|| Error::new("NO_TOKEN_ID", "the receipt names no token"))
        })
    }

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
        staff: Staff::install("StillWater", names::STILL_WATER, network.clone()),
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
    let p = page.clone();
    on_click("holdings-show", move || {
        let p = p.clone();
        async move {
            let n = p.holdings().await?;
            dom::done(&format!("{n} NFT(s) shown."));
            Ok(())
        }
    });
    let p = page;
    on_click("create", move || {
        let p = p.clone();
        async move {
            let token = p.create().await?;
            dom::set_value("tickets", &token);
            dom::done(&format!("Created the ticket token {token}."));
            Ok(())
        }
    });
}
