//! SuperMarathon's results runner as a web worker: the staff page starts it only when Publish
//! is clicked, so the runner (its workflows, templates, predicates) stays out of the page's
//! cold load. One JSON job in (`deployment`, `account`, `key`, `request`, `inputs`); JSON
//! events out: `step` while a row runs, `row` per row, then `done`, or `error` with a code.

use std::collections::BTreeMap;

use loyal_client::Client;
use loyal_core::key::PrivateKey;
use loyal_portals::error::invalid;
use loyal_portals::worker::{emit, serve};
use loyal_portals::{Error, Result};
use loyal_web::{Fetch, Timers};
use loyal_workflow::{Deployment, Runner, Status, UnitReport};
use serde_json::{json, Value};

const ORG: &str = "SuperMarathon";

fn row(r: &UnitReport) -> Value {
    let status = match r.status {
        Status::Granted => "granted",
        _ => "refused",
    };
    json!({
        "type": "row", "request": r.request, "account": r.account, "status": status,
        "code": r.code, "reason": r.reason, "fields": r.fields,
        "settled_before": r.settled_before, "recorded": r.recorded,
    })
}

async fn run(job: Value) -> Result<Value> {
    let deployment: Deployment = serde_json::from_value(job["deployment"].clone())
        .map_err(|e| Error::new("DEPLOYMENT", e.to_string()))?;
    let key: PrivateKey = job["key"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .map_err(|e| invalid("staff key", e))?;
    let request = job["request"].as_str().unwrap_or_default().to_owned();
    let inputs: BTreeMap<String, Value> = serde_json::from_value(job["inputs"].clone())
        .map_err(|e| Error::new("INVALID_INPUT", e.to_string()))?;
    let client = Client::new(deployment.client_network().map_err(wf)?, Fetch, Timers);
    let mut runner = Runner::new(&client, deployment, ORG, key)
        .map_err(wf)?
        .with_journey()
        .map_err(wf)?
        .with_hook(Box::new(|step, request| {
            emit(&json!({ "type": "step", "step": step, "request": request }));
            false
        }));
    let reports = runner
        .run_staff("supermarathon.results", &request, &inputs)
        .await
        .map_err(wf)?;
    for r in &reports {
        emit(&row(r));
    }
    let granted = reports
        .iter()
        .filter(|r| r.status == Status::Granted)
        .count();
    Ok(json!({ "granted": granted, "refused": reports.len() - granted }))
}

fn wf(e: loyal_workflow::Error) -> Error {
    Error::new(e.code(), e.to_string())
}

fn main() {
    serve(run);
}
