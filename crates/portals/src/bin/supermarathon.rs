//! SuperMarathon's portal: the runner's page (accomplishment NFTs waiting as pending airdrops
//! and those already held, each with its verified metadata) and the staff's collection.

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
    fn create(&self) -> Boxed<'_, String> {
        Box::pin(async move {
            let client = self.staff.client()?;
            let key = self.staff.key()?.public_key();
            dom::busy("Creating the accomplishment collection…");
            let tx = client.prepare(
                TokenCreateTransaction::new()
                    .with_name(dom::input_value("collection-name"))
                    .with_symbol(dom::input_value("collection-symbol"))
                    .with_token_type(TokenType::NonFungibleUnique)
                    .with_treasury(self.staff.account()?)
                    .with_supply_key(key.clone())
                    .with_metadata_key(key),
            )?;
            let receipt = ledger::execute(&client, &tx).await?;
            receipt
                .token_id
                .map(|t| t.to_string())
                .ok_or_else(|| Error::new("NO_TOKEN_ID", "the receipt names no token"))
        })
    }

    /// What the runner has waiting (pending airdrops) and holds.
    fn runner(&self) -> Boxed<'_, (usize, usize)> {
        Box::pin(async move {
            let account = nft::account_input("runner", "Runner's account")?;
            dom::busy("Reading pending airdrops from the mirror…");
            let pending = ledger::pending_airdrops(&self.reader, &account).await?;
            let list = by_id("pending");
            dom::clear(&list);
            let mut shown = 0;
            for a in &pending {
                let Some(serial) = a.serial_number else {
                    continue;
                };
                let found = ledger::nft(&self.reader, &a.token_id, serial).await?;
                let note = format!(
                    "waiting to be claimed · sent by {}",
                    names::label(&a.sender_id, self.devnet)
                );
                nft::render_card(
                    &self.reader,
                    &list,
                    &a.token_id,
                    serial,
                    &found.metadata,
                    &note,
                )
                .await?;
                shown += 1;
            }
            dom::busy("Reading the runner's NFTs from the mirror…");
            let held = ledger::account_nfts(&self.reader, &account).await?;
            let list = by_id("held");
            dom::clear(&list);
            for n in &held {
                nft::render_card(
                    &self.reader,
                    &list,
                    &n.token_id,
                    n.serial_number,
                    &n.metadata,
                    "held",
                )
                .await?;
            }
            set_text(
                "runner-summary",
                &format!(
                    "{} pending airdrop(s), {} NFT(s) held by {}.",
                    shown,
                    held.len(),
                    names::label(&account, self.devnet)
                ),
            );
            Ok((shown, held.len()))
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
        staff: Staff::install("SuperMarathon", names::SUPER_MARATHON, network.clone()),
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
    });
    if let Some(account) = config::param("account") {
        dom::set_value("runner", &account);
        let first = page.clone();
        dom::on_load(async move {
            first.runner().await?;
            dom::done("Ready.");
            Ok(())
        });
    } else {
        dom::done("Ready.");
    }
    let p = page.clone();
    on_click("runner-show", move || {
        let p = p.clone();
        async move {
            let (pending, held) = p.runner().await?;
            dom::done(&format!("{pending} pending, {held} held."));
            Ok(())
        }
    });
    let p = page;
    on_click("create", move || {
        let p = p.clone();
        async move {
            let token = p.create().await?;
            dom::set_value("collection", &token);
            dom::done(&format!("Created the accomplishment collection {token}."));
            Ok(())
        }
    });
}
