//! SuperMarathon's staff page: the accomplishment collection, and the results (CSV) whose
//! workflow airdrops an accomplishment to the top 500, run in a worker loaded when staff turn to
//! the results.

use std::rc::Rc;

use loyal_core::transaction::{TokenCreateTransaction, TokenType};
use loyal_portals::dom::{self, on_click_with, set_text};
use loyal_portals::ledger::Boxed;
use loyal_portals::staff::Staff;
use loyal_portals::{config, ledger, names, results, status, workflow, Error};
use serde_json::json;

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
    let staff = Staff::install("SuperMarathon", names::SUPER_MARATHON, network);
    let page = Rc::new(Page {
        staff: staff.clone(),
    });
    dom::done("Ready.");
    on_click_with("create", &page, |p| async move {
        let token = p.create().await?;
        dom::set_value("collection", &token);
        dom::done(&format!("Created {token}."));
        Ok(())
    });
    results::wire_inputs();
    on_click_with("publish", &staff, |staff| async move {
        let account = staff.account()?.to_string();
        let key = staff.key()?.to_string_der().to_string();
        let client = staff.client()?;
        dom::busy("Reading the deployment…");
        let deployment = workflow::load(&client).await?.ok_or_else(|| {
            Error::new(
                "NO_DEPLOYMENT",
                "this page needs ?deployment=URL for its workflows",
            )
        })?;
        let date = loyal_portals::date::iso_date("Date", &dom::input_value("results-date"))?;
        let csv = dom::input_value("results-csv");
        if csv.trim().is_empty() {
            return Err(Error::new(
                "INVALID_INPUT",
                "paste the results CSV (account,position,time)",
            ));
        }
        dom::busy("Starting the results runner…");
        let inputs =
            json!({ "event": dom::input_value("results-event"), "date": date, "results": csv });
        let line =
            results::publish(deployment, account, key, format!("results-{date}"), inputs).await?;
        dom::done(&line);
        Ok(())
    });
}
