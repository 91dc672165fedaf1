//! SuperMarathon's results, published from the staff page: the results workflow runs in a web
//! worker (`supermarathon_runner`) started when staff turn to the results (the CSV box gets
//! focus or a file) or at Publish, so the runner stays out of the page's cold load and loads
//! while they fill in the form. The page sends one JSON job and shows the worker's events as
//! text: a line per row (granted: the NFT airdropped or transferred; refused: its code), then
//! a summary.

use std::cell::RefCell;

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::dom::{self, append, by_id, el};
use crate::{status, worker, Error, Result};

/// Trunk's loader shim for the worker, next to the page.
const WORKER: &str = "./supermarathon_runner_loader.js";

thread_local! {
    /// The runner started ahead of Publish (see [`warm`]).
    static SPARE: RefCell<Option<worker::Spare>> = const { RefCell::new(None) };
}

/// Starts the runner's worker if none is waiting, so its wasm loads while staff fill in the
/// results: called when the CSV box gets focus or a file. A failure here is met again, and
/// shown, by Publish.
fn warm() {
    SPARE.with(|s| {
        let mut spare = s.borrow_mut();
        if spare.is_none() {
            *spare = worker::Spare::start(WORKER).ok();
        }
    });
}

/// Fills the CSV box from the file chosen in `#results-file` (the seeded results file of the
/// demo has hundreds of rows); the box stays editable. Either box getting attention starts
/// the runner's worker ahead of Publish.
pub fn wire_inputs() {
    let warming = Closure::<dyn Fn()>::new(warm);
    for id in ["results-csv", "results-file"] {
        let _ =
            by_id(id).add_event_listener_with_callback("focus", warming.as_ref().unchecked_ref());
    }
    warming.forget();
    let input = by_id("results-file");
    let handler = Closure::<dyn Fn()>::new(move || {
        warm();
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
    let rows = by_id("results-rows");
    dom::clear(&rows);
    dom::set_text("results-summary", "");
    let job = json!({ "deployment": deployment, "account": account, "key": key, "request": request, "inputs": inputs });
    let spare = match SPARE.with(|s| s.borrow_mut().take()) {
        Some(spare) => spare,
        None => worker::Spare::start(WORKER)?,
    };
    let done = spare
        .run(&job, move |e| match e["type"].as_str() {
            Some("step") => dom::busy(&format!(
                "Publishing: {} {}…",
                e["request"].as_str().unwrap_or(""),
                e["step"].as_str().unwrap_or("")
            )),
            Some("row") => {
                let li = el("li", &describe(e));
                let _ = li.set_attribute("data-status", e["status"].as_str().unwrap_or(""));
                let _ = li.set_attribute("data-code", e["code"].as_str().unwrap_or(""));
                append(&rows, &li);
            }
            _ => {}
        })
        .await?;
    let line = format!(
        "Published: {} granted, {} refused.",
        done["granted"], done["refused"]
    );
    dom::set_text("results-summary", &line);
    status::progress(None);
    Ok(line)
}
