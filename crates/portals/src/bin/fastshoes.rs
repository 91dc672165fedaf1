//! FastShoes' customer portal: redeem the twin of your pair with the order code (connect the
//! wallet, associate the collection, post the request on FastShoes' inbox; FastShoes' runner
//! transfers the twin), and join the challenge with a proof, signed in the wallet, of owning a
//! twin. The provenance of any twin is on `/fastshoes/provenance/`, the stock on
//! `/fastshoes/staff/`: each its own binary, so each page stays small.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use loyal_client::Client;
use loyal_core::id::TokenId;
use loyal_core::transaction::TokenAssociateTransaction;
use loyal_portals::dom::{self, input_value, on_click_with, set_text};
use loyal_portals::error::invalid;
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::WebClient;
use loyal_portals::wallet::Slot;
use loyal_portals::workflow;
use loyal_portals::{config, ledger, status, Error};
use loyal_web::{Fetch, Timers};
use loyal_workflow::InboxRequest;
use serde_json::Value;

struct Page {
    reader: WebClient,
    wallet: Slot,
    deployment: RefCell<Option<Value>>,
    devnet: bool,
}

impl Page {
    /// Joins the challenge with a proof, signed in the wallet, of owning a BestProducer twin.
    fn join(&self) -> Boxed<'_, String> {
        Box::pin(async move {
            let wallet = self.wallet.get()?;
            let deployment = self.deployment.borrow().clone();
            let twin = workflow::token(deployment.as_ref(), "twin").ok_or_else(|| {
                Error::new("DEPLOYMENT", "the deployment names no twin collection")
            })?;
            let (inbox, outcomes) = workflow::topics(deployment.as_ref(), "FastShoes")?;
            let me = wallet.account.to_string();
            dom::busy("Looking for your twin on the ledger…");
            let owned = ledger::account_nfts(&self.reader, &me).await?;
            let serial = owned
                .iter()
                .find(|n| n.token_id == twin)
                .map(|n| n.serial_number as u64)
                .ok_or_else(|| Error::new("NO_TWIN", "your account holds no BestProducer twin"))?;
            let token: TokenId = twin.parse().map_err(|e| invalid("twin", e))?;
            let id = workflow::request_id();
            let proof = loyal_portals::proof::prove(
                &wallet,
                &[(token, serial)],
                &workflow::audience(deployment.as_ref(), "FastShoes")?,
                "challenge-join",
                &id,
            )
            .await?;
            let request = InboxRequest {
                workflow: "fastshoes.challenge-join".into(),
                request: id.clone(),
                account: me,
                inputs: BTreeMap::new(),
                proof: Some(proof),
            };
            workflow::ask(
                &wallet,
                &self.reader,
                (&inbox, &outcomes),
                "FastShoes",
                request,
            )
            .await?;
            Ok(format!("{twin}/{serial}"))
        })
    }

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
            let fields = workflow::ask(
                &wallet,
                &self.reader,
                (&inbox, &outcomes),
                "FastShoes",
                request,
            )
            .await?;
            let serial = fields
                .get("twin")
                .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
                .ok_or_else(|| Error::new("DEPLOYMENT", "the outcome names no twin"))?;
            // Its provenance is one click away, on the provenance page.
            let search = web_sys::window()
                .and_then(|w| w.location().search().ok())
                .unwrap_or_default();
            let sep = if search.is_empty() { "?" } else { "&" };
            dom::by_id("redeem-provenance")
                .set_attribute(
                    "href",
                    &format!("provenance/{search}{sep}twin={twin}&serial={serial}"),
                )
                .ok();
            dom::show("redeem-provenance", true);
            Ok(serial)
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
            *p.deployment.borrow_mut() = d;
            dom::done("Ready.");
            Ok(())
        });
    }
    if config::param("deployment").is_none() {
        dom::done("Ready. This page needs ?deployment=URL for its workflows.");
    }
    on_click_with("connect", &page, |p| async move {
        p.wallet.connect(&p.reader.network().name, p.devnet).await?;
        dom::enable("redeem", true);
        dom::enable("join", true);
        dom::done("Wallet connected.");
        Ok(())
    });
    on_click_with("redeem", &page, |p| async move {
        let serial = p.redeem().await?;
        set_text(
            "redeem-result",
            &format!("The twin of your pair is yours: serial {serial}."),
        );
        dom::done(&format!(
            "Redeemed: twin serial {serial} is in your wallet."
        ));
        Ok(())
    });
    on_click_with("join", &page, |p| async move {
        let twin = p.join().await?;
        set_text(
            "join-result",
            &format!("You are in the challenge, with twin {twin}."),
        );
        dom::done("Joined the challenge.");
        Ok(())
    });
}
