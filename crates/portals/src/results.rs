//! SuperMarathon's results, published from the staff page: the results workflow runs in a web
//! worker (`supermarathon_runner`) started only when Publish is clicked, so the runner stays
//! out of the page's cold load. The page sends one JSON job and shows the worker's events as
//! text: a line per row (granted: the NFT airdropped or transferred; refused: its code), then
//! a summary.

use js_sys::Promise;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::dom::{self, append, by_id, el};
use crate::{status, Error, Result};

/// Trunk's loader shim for the worker, next to the page.
const WORKER: &str = "./supermarathon_runner_loader.js";

/// Fills the CSV box from the file chosen in `#results-file` (the seeded results file of the
/// demo has hundreds of rows); the box stays editable.
pub fn wire_file() {
    let input = by_id("results-file");
    let handler = Closure::<dyn Fn()>::new(move || {
        let file = by_id("results-file")
            .dyn_into::<web_sys::HtmlInputElement>()
            .ok()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            wasm_bindgen_futures::spawn_local(async move {
                match JsFuture::from(file.text()).await {
                    Ok(text) => {
                        dom::set_value("results-csv", &text.as_string().unwrap_or_default())
                    }
                    Err(e) => {
                        status::fail(&Error::new("FILE", format!("cannot read the file: {e:?}")))
                    }
                }
            });
        }
    });
    let _ = input.add_event_listener_with_callback("change", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// One line for a row event: who, what happened, and the code when refused.
fn describe(e: &Value) -> String {
    let account = e["account"].as_str().unwrap_or("?");
    let request = e["request"].as_str().unwrap_or("?");
    if e["status"] == "granted" {
        let nft = e["fields"]["accomplishment"]
            .as_str()
            .unwrap_or("an accomplishment");
        let before = if e["settled_before"] == true {
            " (already settled)"
        } else {
            ""
        };
        format!("{request} {account}: minted and airdropped {nft}{before}")
    } else {
        let code = e["code"].as_str().unwrap_or("REFUSED");
        let reason = e["reason"].as_str().unwrap_or("");
        format!("{request} {account}: refused {code} — {reason}")
    }
}

/// Runs the results workflow for `inputs` in a fresh worker and shows its progress; resolves
/// with the summary line when the worker is done.
pub async fn publish(
    deployment: Value,
    account: String,
    key: String,
    request: String,
    inputs: Value,
) -> Result<String> {
    let worker = Worker::new(WORKER)
        .map_err(|e| Error::new("WORKER", format!("{WORKER} did not start: {e:?}")))?;
    let rows = by_id("results-rows");
    dom::clear(&rows);
    dom::set_text("results-summary", "");
    let job = json!({ "deployment": deployment, "account": account, "key": key, "request": request, "inputs": inputs }).to_string();
    let w = worker.clone();
    let done = Promise::new(&mut move |resolve, reject| {
        let (w2, job, rows) = (w.clone(), job.clone(), rows.clone());
        let fail = reject.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            let _ = fail.call1(
                &JsValue::NULL,
                &JsValue::from_str("WORKER: the results runner failed to load or crashed"),
            );
        });
        w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
            let e: Value =
                serde_json::from_str(&m.data().as_string().unwrap_or_default()).unwrap_or_default();
            match e["type"].as_str().unwrap_or_default() {
                "ready" => {
                    let _ = w2.post_message(&JsValue::from_str(&job));
                }
                "step" => {
                    dom::busy(&format!(
                        "Publishing: {} {}…",
                        e["request"].as_str().unwrap_or(""),
                        e["step"].as_str().unwrap_or("")
                    ));
                }
                "row" => {
                    let li = el("li", &describe(&e));
                    let _ = li.set_attribute("data-status", e["status"].as_str().unwrap_or(""));
                    let _ = li.set_attribute("data-code", e["code"].as_str().unwrap_or(""));
                    append(&rows, &li);
                }
                "done" => {
                    let line = format!(
                        "Published: {} granted, {} refused.",
                        e["granted"], e["refused"]
                    );
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&line));
                }
                _ => {
                    let line = format!(
                        "{}: {}",
                        e["code"].as_str().unwrap_or("WORKER"),
                        e["message"].as_str().unwrap_or("")
                    );
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&line));
                }
            }
        });
        w.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    });
    let outcome = JsFuture::from(done).await;
    worker.terminate();
    match outcome {
        Ok(line) => {
            let line = line.as_string().unwrap_or_default();
            dom::set_text("results-summary", &line);
            status::progress(None);
            Ok(line)
        }
        Err(e) => {
            let text = e.as_string().unwrap_or_default();
            let (code, message) = text.split_once(": ").unwrap_or(("WORKER", &text));
            Err(Error::new(code, message))
        }
    }
}
