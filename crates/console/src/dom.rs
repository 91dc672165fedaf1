//! The little DOM the console needs: lookups, text tables, a status line, and click handlers
//! that hold every action while one runs.

use std::cell::Cell;
use std::future::Future;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlButtonElement, HtmlElement, HtmlInputElement};

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page")
}

pub fn by_id(id: &str) -> HtmlElement {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into().ok())
        .unwrap_or_else(|| panic!("#{id} is in index.html"))
}

pub fn input_value(id: &str) -> String {
    by_id(id).unchecked_into::<HtmlInputElement>().value()
}

pub fn enable(id: &str, on: bool) {
    by_id(id)
        .unchecked_into::<HtmlButtonElement>()
        .set_disabled(!on);
}

pub enum Status {
    Idle,
    Busy,
    Error,
}

pub fn set_status(status: Status, text: &str) {
    let el = by_id("status");
    el.set_class_name(match status {
        Status::Idle => "",
        Status::Busy => "busy",
        Status::Error => "error",
    });
    el.set_text_content(Some(text));
}

/// Replaces the rows of `<table id>`'s body; `numeric` columns are right-aligned.
pub fn fill_table(id: &str, rows: &[Vec<String>], numeric: &[usize]) {
    let doc = document();
    let body = by_id(id)
        .query_selector("tbody")
        .ok()
        .flatten()
        .expect("a tbody");
    body.set_inner_html("");
    for row in rows {
        let tr = doc.create_element("tr").expect("tr");
        for (i, cell) in row.iter().enumerate() {
            let td = doc.create_element("td").expect("td");
            if numeric.contains(&i) {
                td.set_class_name("num");
            }
            td.set_text_content(Some(cell));
            let _ = tr.append_child(&td);
        }
        let _ = body.append_child(&tr);
    }
}

thread_local! {
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Marks the page busy (`<main aria-busy>`: every button greys out and takes no clicks) or
/// idle again. One action at a time: a Create during a Mint would change the collection the
/// mint is for.
fn hold(busy: bool) {
    BUSY.with(|b| b.set(busy));
    if let Some(main) = document().query_selector("main").ok().flatten() {
        let _ = main.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
}

/// Runs `action` on click with its button disabled and the other actions held until it
/// finishes (a click meanwhile is ignored); an error goes to the status line. The listener
/// lives as long as the page.
pub fn on_click<F, Fut>(id: &'static str, action: F)
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<(), String>> + 'static,
{
    let handler = Closure::<dyn Fn()>::new(move || {
        if BUSY.with(Cell::get) {
            return;
        }
        hold(true);
        enable(id, false);
        let fut = action();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = fut.await {
                set_status(Status::Error, &e);
            }
            enable(id, true);
            hold(false);
        });
    });
    by_id(id)
        .add_event_listener_with_callback("click", handler.as_ref().unchecked_ref())
        .expect("listener");
    handler.forget();
}
