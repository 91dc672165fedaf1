//! `loyal-agent seed`: the journey's preconditions on a devnet whose deployment `up` or
//! `setup` wrote — the race's other finishers as accounts, the results file for the
//! SuperMarathon staff (those finishers first, Alice right after them, Bob at 600 or
//! below) and an order code for Alice's receipt. Safe to run again: nothing is created
//! twice.

use crate::{client, emit, read_deployment, Args};
use loyal_core::id::AccountId;
use loyal_workflow::{seed, Error, Workflow};
use serde_json::json;

/// What the staff page's other two inputs take for the demo's race.
pub const EVENT: &str = "SuperMarathon 2026";
pub const DATE: &str = "2026-11-29";

pub async fn seed(args: &Args) -> Result<(), Error> {
    let deployment = read_deployment(args)?;
    if deployment.network.name != "devnet" {
        return Err(Error::InvalidInput {
            input: "deployment".into(),
            reason: format!(
                "seed is for a devnet (its finishers share a published key), not {:?}",
                deployment.network.name
            ),
        });
    }
    let count = u32::try_from(args.number("finishers", 249)?)
        .ok()
        .filter(|n| (1..=10_000).contains(n))
        .ok_or_else(|| Error::InvalidInput {
            input: "--finishers".into(),
            reason: "1 to 10000".into(),
        })?;
    let out = args.required("out")?;
    let c = client(&deployment)?;
    // The devnet's operator pays, with its published key.
    let operator = AccountId::new(0, 0, 2);
    let operator_key = loyal_workflow::setup::devnet_key("operator")?;
    let (finishers, created) = seed::finishers(&c, &operator, &operator_key, count).await?;

    let customer =
        |name: &str| deployment.bind("SuperMarathon", &format!("$accounts.{name}"), "accounts");
    let alice = (customer("Alice")?, count + 1);
    let bob = (customer("Bob")?, (count + 2).max(600));
    let mut rows: Vec<(String, u32)> = finishers
        .iter()
        .zip(1..)
        .map(|(a, p)| (a.to_string(), p))
        .collect();
    rows.push(alice.clone());
    rows.push(bob.clone());
    let results = loyal_workflow::JOURNEY
        .iter()
        .find(|(id, _)| *id == "supermarathon.results")
        .map(|(_, json)| Workflow::from_json(json.as_bytes()))
        .ok_or_else(|| Error::UnknownWorkflow {
            id: "supermarathon.results".into(),
        })??;
    let csv = seed::results_csv(&results, &rows)?;
    std::fs::write(&out, &csv).map_err(|e| Error::InvalidInput {
        input: out.clone(),
        reason: e.to_string(),
    })?;
    let order = seed::open_order(&c, &deployment).await?;
    emit(json!({
        "event": "seeded",
        "finishers": count,
        "created": created,
        "first": finishers.first().map(|a| a.to_string()),
        "last": finishers.last().map(|a| a.to_string()),
        "results": out,
        "rows": rows.len(),
        "race": {"event": EVENT, "date": DATE},
        "alice": {"account": alice.0, "position": alice.1},
        "bob": {"account": bob.0, "position": bob.1},
        "order": order.map(|(code, serial)| json!({"code": code, "twin_serial": serial})),
    }));
    Ok(())
}
