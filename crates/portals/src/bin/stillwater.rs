//! StillWater's portal for customers: connect the wallet, present a BestProducer twin and a
//! SuperMarathon accomplishment in one proof signed in the wallet (StillWater's runner checks
//! it and sends two tickets), send a ticket to a friend (a HIP-904 airdrop: it waits for him
//! if he has not associated the ticket), and what an account can present, each NFT with its
//! verified metadata. The ticket token is on the staff page, `/stillwater/staff/`.

use std::cell::RefCell;
use std::rc::Rc;

use loyal_client::Client;
use loyal_core::id::{AccountId, TokenId};
use loyal_core::transaction::{TokenAirdropTransaction, TokenAssociateTransaction};
use loyal_portals::dom::{self, by_id, input_value, on_click_with, set_text};
use loyal_portals::error::invalid;
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::WebClient;
use loyal_portals::wallet::Slot;
use loyal_portals::{config, ledger, names, nft, status, workflow, Error};
use loyal_web::{Fetch, Timers};
use loyal_workflow::InboxRequest;
use serde_json::Value;

struct Page {
    reader: WebClient,
    devnet: bool,
    wallet: Slot,
    deployment: RefCell<Option<Value>>,
}

impl Page {
    fn token(&self, name: &str) -> Result<String, Error> {
        workflow::token(self.deployment.borrow().as_ref(), name).ok_or_else(|| {
            Error::new(
                "DEPLOYMENT",
                format!("the deployment names no {name} token"),
            )
        })
    }

    /// Presents the first twin and accomplishment the wallet's account holds; two tickets
    /// come back.
    fn present(&self) -> Boxed<'_, i64> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let (twin, medal, ticket) = (
                self.token("twin")?,
                self.token("accomplishment")?,
                self.token("ticket")?,
            );
            let (inbox, outcomes) =
                workflow::topics(self.deployment.borrow().as_ref(), "StillWater")?;
            let me = wallet.account.to_string();
            dom::busy("Looking for your twin and your accomplishment on the ledger…");
            let owned = ledger::account_nfts(&self.reader, &me).await?;
            let find = |token: &str, code: &str, what: &str| {
                owned
                    .iter()
                    .find(|n| n.token_id == token)
                    .map(|n| (token.parse::<TokenId>(), n.serial_number as u64))
                    .and_then(|(t, s)| Some((t.ok()?, s)))
                    .ok_or_else(|| Error::new(code, format!("your account holds no {what}")))
            };
            let claims = [
                find(&twin, "NO_TWIN", "BestProducer twin")?,
                find(&medal, "NO_ACCOMPLISHMENT", "SuperMarathon accomplishment")?,
            ];
            if !ledger::associated(&self.reader, &me, &ticket).await? {
                let token: TokenId = ticket.parse().map_err(|e| invalid("ticket", e))?;
                let associate = TokenAssociateTransaction::new()
                    .with_account_id(wallet.account.clone())
                    .with_token_ids([token]);
                wallet
                    .execute(&self.reader, associate, "accept StillWater tickets")
                    .await?;
            }
            let id = workflow::request_id();
            // Read before the wallet's await: no borrow of the deployment is held across it.
            let audience = workflow::audience(self.deployment.borrow().as_ref(), "StillWater")?;
            let proof =
                loyal_portals::proof::prove(&wallet, &claims, &audience, "stillwater-tickets", &id)
                    .await?;
            let request = InboxRequest {
                workflow: "stillwater.tickets".into(),
                request: id.clone(),
                account: me.clone(),
                inputs: Default::default(),
                proof: Some(proof),
            };
            workflow::ask(
                &wallet,
                &self.reader,
                (&inbox, &outcomes),
                "StillWater",
                request,
            )
            .await?;
            self.tickets().await
        })
    }

    /// The connected account's ticket balance, shown.
    fn tickets(&self) -> Boxed<'_, i64> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let ticket = self.token("ticket")?;
            let me = wallet.account.to_string();
            let account = nft::mirror(&self.reader).account(&me).await?;
            let n = account
                .balance
                .tokens
                .iter()
                .find(|t| t.token_id == ticket)
                .map_or(0, |t| t.balance);
            set_text(
                "tickets",
                &format!("{n} ticket(s) for StillWater's concert."),
            );
            by_id("tickets")
                .set_attribute("data-count", &n.to_string())
                .ok();
            Ok(n)
        })
    }

    /// Sends one ticket as a HIP-904 airdrop: it waits for the friend if he has not associated.
    fn send(&self) -> Boxed<'_, String> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let ticket: TokenId = self
                .token("ticket")?
                .parse()
                .map_err(|e| invalid("ticket", e))?;
            let to: AccountId = input_value("friend")
                .parse()
                .map_err(|e| invalid("Friend's account", e))?;
            let airdrop = TokenAirdropTransaction::new()
                .with_token_transfer(ticket, wallet.account.clone(), -1)
                .with_token_transfer(ticket, to.clone(), 1);
            wallet
                .execute(&self.reader, airdrop, "send one ticket")
                .await?;
            self.tickets().await?;
            Ok(names::label(&to.to_string(), self.devnet))
        })
    }

    /// A ticket proof for the gate: the gate's code as the nonce, signed in the wallet.
    fn ticket_proof(&self) -> Boxed<'_, String> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let ticket: TokenId = self
                .token("ticket")?
                .parse()
                .map_err(|e| invalid("ticket", e))?;
            let code = input_value("gate-code");
            if code.is_empty() {
                return Err(invalid("Gate code", "the code the gate shows"));
            }
            let origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            loyal_portals::proof::prove_holding(
                &wallet,
                &[],
                &[(ticket, 1)],
                &loyal_portals::proof::gate_audience(&origin),
                loyal_portals::proof::GATE_PURPOSE,
                &code,
            )
            .await
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
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
        wallet: Slot::default(),
        deployment: RefCell::new(None),
    });
    let account = config::param("account");
    let first = page.clone();
    dom::on_load(async move {
        if config::param("deployment").is_some() {
            dom::busy("Reading the deployment…");
            *first.deployment.borrow_mut() = workflow::load(&first.reader).await?;
        }
        if let Some(account) = account {
            dom::set_value("customer", &account);
            first.holdings().await?;
        }
        dom::done("Ready.");
        Ok(())
    });
    on_click_with("connect", &page, |p| async move {
        let wallet = p.wallet.connect(&p.reader.network().name, p.devnet).await?;
        dom::set_value("customer", &wallet.account.to_string());
        for id in ["present", "send", "ticket-proof-make"] {
            dom::enable(id, true);
        }
        p.holdings().await?;
        if p.token("ticket").is_ok() {
            p.tickets().await?;
        }
        dom::done("Wallet connected.");
        Ok(())
    });
    on_click_with("present", &page, |p| async move {
        let n = p.present().await?;
        dom::done(&format!("Tickets received: you hold {n}."));
        Ok(())
    });
    on_click_with("send", &page, |p| async move {
        let to = p.send().await?;
        dom::done(&format!(
                "One ticket sent to {to} (until he accepts it, it waits for him and still counts as yours)."
            ));
        Ok(())
    });
    on_click_with("ticket-proof-make", &page, |p| async move {
        let text = p.ticket_proof().await?;
        dom::set_value("ticket-proof", &text);
        dom::done("Your ticket proof is ready: show it at the gate.");
        Ok(())
    });
    on_click_with("holdings-show", &page, |p| async move {
        let n = p.holdings().await?;
        dom::done(&format!("{n} NFT(s) shown."));
        Ok(())
    });
}
