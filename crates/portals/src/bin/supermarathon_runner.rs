//! SuperMarathon's results runner as a web worker: the staff page starts it only when Publish
//! is clicked, so the runner (its workflows, templates, predicates) stays out of the page's
//! cold load. One JSON job in (`deployment`, `account`, `key`, `request`, `inputs`); JSON
//! events out: `step` while a row runs, `row` per row, then `done`, or `error` with a code.

use std::collections::BTreeMap;

use loyal_client::Client;
use loyal_core::key::PrivateKey;
use loyal_web::{Fetch, Timers};
use loyal_workflow::{Deployment, Runner, Status, UnitReport};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

const ORG: &str = "SuperMarathon";

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn emit(event: Value) {
    // A failed postMessage leaves the page waiting; nothing better can be done from here.
    let _ = scope().post_message(&JsValue::from_str(&event.to_string()));
}

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

async fn run(job: Value) -> Result<(), (String, String)> {
    let bad = |code: &str, e: String| (code.to_owned(), e);
    let deployment: Deployment = serde_json::from_value(job["deployment"].clone())
        .map_err(|e| bad("DEPLOYMENT", e.to_string()))?;
    let key: PrivateKey = job["key"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .map_err(|e| bad("INVALID_INPUT", format!("staff key: {e}")))?;
    let request = job["request"].as_str().unwrap_or_default().to_owned();
    let inputs: BTreeMap<String, Value> = serde_json::from_value(job["inputs"].clone())
        .map_err(|e| bad("INVALID_INPUT", e.to_string()))?;
    let network = deployment
        .client_network()
        .map_err(|e| bad(e.code(), e.to_string()))?;
    let client = Client::new(network, Fetch, Timers);
    let wf = |e: loyal_workflow::Error| (e.code().to_owned(), e.to_string());
    let mut runner = Runner::new(&client, deployment, ORG, key)
        .map_err(wf)?
        .with_journey()
        .map_err(wf)?
        .with_hook(Box::new(|step, request| {
            emit(json!({ "type": "step", "step": step, "request": request }));
            false
        }));
    let reports = runner
        .run_staff("supermarathon.results", &request, &inputs)
        .await
        .map_err(wf)?;
    for r in &reports {
        emit(row(r));
    }
    let granted = reports
        .iter()
        .filter(|r| r.status == Status::Granted)
        .count();
    emit(json!({ "type": "done", "granted": granted, "refused": reports.len() - granted }));
    Ok(())
}

fn main() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|m: MessageEvent| {
        let text = m.data().as_string().unwrap_or_default();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match serde_json::from_str::<Value>(&text) {
                Ok(job) => run(job).await,
                Err(e) => Err(("INVALID_INPUT".into(), e.to_string())),
            };
            if let Err((code, message)) = outcome {
                emit(json!({ "type": "error", "code": code, "message": message }));
            }
        });
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    emit(json!({ "type": "ready" }));
}
