//! SuperMarathon's portal: the runner's page (accomplishment NFTs waiting as pending airdrops
//! and those already held, each with its verified metadata; the runner connects her wallet and
//! claims them, HIP-904). The collection is on the staff page, `/supermarathon/staff/`.

use std::rc::Rc;

use loyal_client::Client;
use loyal_core::transaction::{PendingAirdropId, TokenClaimAirdropTransaction};
use loyal_portals::dom::{self, by_id, on_click_with, set_text};
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::WebClient;
use loyal_portals::wallet::Slot;
use loyal_portals::{config, ledger, names, nft, status, Error};
use loyal_web::{Fetch, Timers};

struct Page {
    wallet: Slot,
    reader: WebClient,
    devnet: bool,
}

impl Page {
    /// Claims every airdrop waiting for the connected runner (ten per transaction), signed
    /// in her wallet.
    fn claim(&self) -> Boxed<'_, usize> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let me = wallet.account.to_string();
            dom::busy("Reading pending airdrops from the mirror…");
            let pending = ledger::pending_airdrops(&self.reader, &me).await?;
            let ids: Vec<PendingAirdropId> = pending
                .iter()
                .filter_map(|a| {
                    Some(PendingAirdropId {
                        sender: a.sender_id.parse().ok()?,
                        receiver: wallet.account.clone(),
                        token_id: a.token_id.parse().ok()?,
                        serial: a.serial_number.map(|s| s as u64),
                    })
                })
                .collect();
            if ids.is_empty() {
                return Err(Error::new(
                    "NOTHING_PENDING",
                    "no airdrop is waiting for this account",
                ));
            }
            for chunk in ids.chunks(10) {
                let claim =
                    TokenClaimAirdropTransaction::new().with_pending_airdrops(chunk.to_vec());
                wallet
                    .execute(
                        &self.reader,
                        claim,
                        &format!("claim {} NFT(s)", chunk.len()),
                    )
                    .await?;
            }
            Ok(ids.len())
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
        wallet: Slot::default(),
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
    on_click_with("runner-show", &page, |p| async move {
        let (pending, held) = p.runner().await?;
        dom::done(&format!("{pending} pending, {held} held."));
        Ok(())
    });
    on_click_with("connect", &page, |p| async move {
        let wallet = p.wallet.connect(&p.reader.network().name, p.devnet).await?;
        dom::set_value("runner", &wallet.account.to_string());
        dom::enable("claim", true);
        p.runner().await?;
        dom::done("Wallet connected.");
        Ok(())
    });
    on_click_with("claim", &page, |p| async move {
        let n = p.claim().await?;
        p.runner().await?;
        dom::done(&format!("Claimed {n} NFT(s)."));
        Ok(())
    });
}
