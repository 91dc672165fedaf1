//! The staff key panel each organisation's pages carry: the organisation's account and key,
//! pasted in (any string form the core reads) or, on the devnet, its published test key by a
//! button. The key stays in this page's memory: never stored, never sent; a customer's key is
//! never asked for here (customers sign in their wallet).

use std::cell::RefCell;
use std::rc::Rc;

use loyal_client::{Client, MirrorClient, Network};
use loyal_core::id::AccountId;
use loyal_core::key::PrivateKey;
use loyal_web::{Fetch, Timers};

use crate::dom::{self, by_id, input_value, on_click_with, set_value};
use crate::{names, Error, Result};

pub type WebClient = Client<Fetch, Timers>;

pub struct Staff {
    org: &'static str,
    network: Network,
    held: RefCell<Option<(AccountId, PrivateKey)>>,
}

impl Staff {
    /// Wires the panel (`#staff-account`, `#staff-key`, `#staff-use`, `#staff-devnet`,
    /// `#staff-state`) for the organisation `org` whose devnet account is `account`.
    pub fn install(org: &'static str, account: u64, network: Network) -> Rc<Self> {
        let staff = Rc::new(Self {
            org,
            network,
            held: RefCell::new(None),
        });
        set_value("staff-account", &format!("0.0.{account}"));
        let devnet = crate::config::is_devnet(&staff.network);
        dom::show("staff-devnet", devnet);
        on_click_with("staff-use", &staff, |staff| async move {
            let account: AccountId = input_value("staff-account")
                .parse()
                .map_err(|e| crate::error::invalid("Account", e))?;
            let key: PrivateKey = input_value("staff-key")
                .parse()
                .map_err(|e| crate::error::invalid("Private key", e))?;
            staff.hold(account, key).await
        });
        on_click_with("staff-devnet", &staff, move |staff| async move {
            let account = AccountId::new(0, 0, account);
            set_value("staff-account", &account.to_string());
            set_value("staff-key", "");
            staff.hold(account, names::devnet_key(staff.org)).await
        });
        staff
    }

    /// Checks the key against the account's key on the mirror before holding it: a wrong key
    /// is told now, not at the first transaction.
    async fn hold(&self, account: AccountId, key: PrivateKey) -> Result<()> {
        dom::busy("Checking the key against the account on the mirror…");
        let client = Client::new(self.network.clone(), Fetch, Timers);
        let mirror = MirrorClient::new(
            client.transport(),
            client.runtime(),
            &self.network.mirror_url,
        );
        // Read as JSON: the typed Account model would link its own decoder for one field.
        let found = mirror
            .get_json(&format!("/api/v1/accounts/{account}"))
            .await?;
        let public = key.public_key().to_string_raw();
        let on_ledger = found["key"]["key"].as_str().unwrap_or_default();
        if !on_ledger.eq_ignore_ascii_case(&public) {
            return Err(Error::new(
                "KEY_MISMATCH",
                format!("this key is not {account}'s key on the ledger"),
            ));
        }
        *self.held.borrow_mut() = Some((account.clone(), key));
        by_id("staff-state").set_text_content(Some(&format!(
            "Signing as {} for {}.",
            names::label(
                &account.to_string(),
                crate::config::is_devnet(&self.network)
            ),
            self.org
        )));
        by_id("staff").set_attribute("data-ready", "true").ok();
        dom::done(&format!("{} key ready.", self.org));
        Ok(())
    }

    pub fn account(&self) -> Result<AccountId> {
        self.held
            .borrow()
            .as_ref()
            .map(|(a, _)| a.clone())
            .ok_or_else(|| Error::new("NO_STAFF_KEY", format!("no {} key yet", self.org)))
    }

    /// A client that pays and signs as the organisation.
    pub fn client(&self) -> Result<WebClient> {
        let held = self.held.borrow();
        let (account, key) = held
            .as_ref()
            .ok_or_else(|| Error::new("NO_STAFF_KEY", format!("no {} key yet", self.org)))?;
        Ok(Client::new(self.network.clone(), Fetch, Timers)
            .with_operator(account.clone(), key.clone()))
    }

    pub fn key(&self) -> Result<PrivateKey> {
        self.held
            .borrow()
            .as_ref()
            .map(|(_, k)| k.clone())
            .ok_or_else(|| Error::new("NO_STAFF_KEY", format!("no {} key yet", self.org)))
    }
}
