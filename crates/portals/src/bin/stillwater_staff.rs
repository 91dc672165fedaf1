//! StillWater's staff page: the concert tickets, a fungible token in whole units.

use std::rc::Rc;

use loyal_core::transaction::{TokenCreateTransaction, TokenType};
use loyal_portals::dom::{self, on_click_with, set_text};
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
}

fn main() {
    config::carry_links();
    let network = match config::network() {
        Ok(n) => n,
        Err(e) => return status::fail(&e),
    };
    set_text("network", &config::describe(&network));
    let page = Rc::new(Page {
        staff: Staff::install("StillWater", names::STILL_WATER, network),
    });
    dom::done("Ready.");
    on_click_with("create", &page, |p| async move {
        let token = p.create().await?;
        dom::set_value("tickets", &token);
        dom::done(&format!("Created {token}."));
        Ok(())
    });
}
