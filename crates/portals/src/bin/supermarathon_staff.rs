//! SuperMarathon's staff page: the accomplishment collection (the results upload and the
//! airdrop to the top 500 are the results workflow's, run by SuperMarathon's agent).

use std::rc::Rc;

use loyal_core::transaction::{TokenCreateTransaction, TokenType};
use loyal_portals::dom::{self, on_click, set_text};
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::Staff;
use loyal_portals::{config, ledger, names, status, Error};

struct Page {
    staff: Rc<Staff>,
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
                    .with_supply_key(key)
                    .with_metadata_key(key),
            )?;
            let receipt = ledger::execute(&client, &tx).await?;
            receipt
                .token_id
                .map(|t| t.to_string())
                .ok_or_else(|| Error::new("NO_TOKEN_ID", "the receipt names no token"))
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
        staff: Staff::install("SuperMarathon", names::SUPER_MARATHON, network),
    });
    dom::done("Ready.");
    on_click("create", move || {
        let p = page.clone();
        async move {
            let token = p.create().await?;
            dom::set_value("collection", &token);
            dom::done(&format!("Created {token}."));
            Ok(())
        }
    });
}
