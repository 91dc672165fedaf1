//! A page's heavy, rare work (the results runner, a gate's ledger writes) runs in a web worker
//! started when it is needed, so it stays out of the page's cold load. One protocol for all of
//! them: the worker says `{"type":"ready"}`, takes one JSON job, may send progress events, and
//! ends with `{"type":"done",…}` or `{"type":"error","code":…,"message":…}`.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Promise;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::{Error, Result};

/// A worker started before its job is known (staff about to publish), so that its wasm loads
/// while they fill in the form; [`Spare::run`] gives it the job. It remembers whether it said
/// `ready` or failed to load before then.
pub struct Spare {
    worker: Worker,
    ready: Rc<Cell<bool>>,
    failed: Rc<Cell<bool>>,
}

impl Spare {
    /// Starts a worker from `url` (Trunk's loader shim).
    pub fn start(url: &str) -> Result<Spare> {
        let worker = start(url)?;
        let (ready, failed) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
        let r = ready.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
            let text = m.data().as_string().unwrap_or_default();
            let event: Value = serde_json::from_str(&text).unwrap_or_default();
            if event["type"] == "ready" {
                r.set(true);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let f = failed.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| f.set(true));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(Spare {
            worker,
            ready,
            failed,
        })
    }

    /// Runs `job` in this worker: as [`run`].
    pub async fn run(self, job: &Value, on_event: impl Fn(&Value) + 'static) -> Result<Value> {
        if self.failed.get() {
            return Err(Error::new("WORKER", "the worker failed to load"));
        }
        // Said `ready` already: the job goes now (its answers are later tasks of this thread,
        // which `drive`'s handlers, set before this call returns to the event loop, receive).
        if self.ready.get() {
            let _ = self
                .worker
                .post_message(&JsValue::from_str(&job.to_string()));
        }
        drive(self.worker, job, on_event).await
    }
}

fn start(url: &str) -> Result<Worker> {
    Worker::new(url).map_err(|e| Error::new("WORKER", format!("{url} did not start: {e:?}")))
}

/// Runs `job` in a fresh worker from `url` (Trunk's loader shim); `on_event` sees every event
/// before `done`. Resolves with the `done` event; an `error` event, or a worker that fails to
/// load, is the error it names. (Not through [`Spare`]: a page that never starts one ahead, the
/// gate, links none of its code.)
pub async fn run(url: &str, job: &Value, on_event: impl Fn(&Value) + 'static) -> Result<Value> {
    drive(start(url)?, job, on_event).await
}

/// Gives `worker` the job when it says `ready` and follows it to its end.
async fn drive(worker: Worker, job: &Value, on_event: impl Fn(&Value) + 'static) -> Result<Value> {
    let job = job.to_string();
    let w = worker.clone();
    let on_event = std::rc::Rc::new(on_event);
    let done = Promise::new(&mut move |resolve, reject| {
        let (w2, job, on_event) = (w.clone(), job.clone(), on_event.clone());
        let fail = reject.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            let e = serde_json::json!({ "code": "WORKER", "message": "the worker failed to load or crashed" });
            let _ = fail.call1(&JsValue::NULL, &JsValue::from_str(&e.to_string()));
        });
        w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        let handler = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
            let text = m.data().as_string().unwrap_or_default();
            let e: Value = serde_json::from_str(&text).unwrap_or_default();
            match e["type"].as_str().unwrap_or_default() {
                "ready" => {
                    let _ = w2.post_message(&JsValue::from_str(&job));
                }
                "done" => {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
                }
                "error" => {
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&text));
                }
                _ => on_event(&e),
            }
        });
        w.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
    });
    let outcome = JsFuture::from(done).await;
    worker.terminate();
    let parse = |v: JsValue| -> Value {
        serde_json::from_str(&v.as_string().unwrap_or_default()).unwrap_or_default()
    };
    match outcome {
        Ok(v) => Ok(parse(v)),
        Err(v) => {
            let e = parse(v);
            Err(Error::new(
                e["code"].as_str().unwrap_or("WORKER"),
                e["message"].as_str().unwrap_or("the worker failed"),
            ))
        }
    }
}

/// The worker's side: the global scope's `postMessage` of one event.
pub fn emit(event: &Value) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A failed postMessage leaves the page waiting; nothing better can be done from here.
    let _ = scope.post_message(&JsValue::from_str(&event.to_string()));
}

/// The worker's side: runs `job` on the first message and reports its end; says `ready` first.
pub fn serve<F, Fut>(job: F)
where
    F: Fn(Value) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<Value>> + 'static,
{
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |m: MessageEvent| {
        let text = m.data().as_string().unwrap_or_default();
        let run = serde_json::from_str::<Value>(&text)
            .map_err(|e| Error::new("INVALID_INPUT", e.to_string()))
            .map(&job);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match run {
                Ok(fut) => fut.await,
                Err(e) => Err(e),
            };
            emit(&match outcome {
                Ok(mut done) => {
                    done["type"] = "done".into();
                    done
                }
                Err(e) => {
                    serde_json::json!({ "type": "error", "code": e.code(), "message": e.message() })
                }
            });
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    emit(&serde_json::json!({ "type": "ready" }));
}
