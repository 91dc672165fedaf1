//! The little DOM the portals need. Text goes in with `set_text_content`, attributes with
//! `set_attribute`: nothing a page shows is ever parsed as HTML. Element ids are the pages'
//! own (`www/portals/*/index.html`); a missing one is a page bug, reported, not a panic.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlButtonElement, HtmlElement, HtmlInputElement};

use crate::status::{self, Status};
use crate::Error;

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a page")
}

pub fn try_by_id(id: &str) -> Option<HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into().ok())
}

pub fn by_id(id: &str) -> HtmlElement {
    try_by_id(id).unwrap_or_else(|| {
        // Shown on the page as well: a page whose markup lost an id says which.
        if id != "status" {
            crate::status::set(
                crate::status::Status::Error,
                &format!("PAGE: #{id} is missing from the page"),
            );
        }
        document()
            .create_element("div")
            .expect("div")
            .unchecked_into()
    })
}

/// A new element with `text` as its text (never markup).
pub fn el(tag: &str, text: &str) -> Element {
    let e = document().create_element(tag).expect("a valid tag");
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e
}

/// A new element with a class.
pub fn el_class(tag: &str, class: &str, text: &str) -> Element {
    let e = el(tag, text);
    e.set_class_name(class);
    e
}

pub fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

pub fn set_text(id: &str, text: &str) {
    by_id(id).set_text_content(Some(text));
}

/// Removes every child (setting no text makes the element empty).
pub fn clear(e: &Element) {
    e.set_text_content(None);
}

pub fn input_value(id: &str) -> String {
    let e = by_id(id);
    match e.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.value(),
        None => e
            .dyn_ref::<web_sys::HtmlTextAreaElement>()
            .map(|t| t.value())
            .or_else(|| e.dyn_ref::<web_sys::HtmlSelectElement>().map(|s| s.value()))
            .unwrap_or_default(),
    }
    .trim()
    .to_owned()
}

pub fn set_value(id: &str, value: &str) {
    let e = by_id(id);
    if let Some(input) = e.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(value);
    }
}

pub fn enable(id: &str, on: bool) {
    if let Some(b) = try_by_id(id).and_then(|e| e.dyn_into::<HtmlButtonElement>().ok()) {
        b.set_disabled(!on);
    }
}

pub fn show(id: &str, on: bool) {
    by_id(id).set_hidden(!on);
}

/// Replaces the rows of `<table id>`'s body; `numeric` columns are right-aligned.
pub fn fill_table(id: &str, rows: &[Vec<String>], numeric: &[usize]) {
    let Some(body) = by_id(id).query_selector("tbody").ok().flatten() else {
        return;
    };
    clear(&body);
    for row in rows {
        let tr = el("tr", "");
        for (i, cell) in row.iter().enumerate() {
            let td = el("td", cell);
            if numeric.contains(&i) {
                td.set_class_name("num");
            }
            append(&tr, &td);
        }
        append(&body, &tr);
    }
}

thread_local! {
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Marks the page busy (`<main aria-busy>`: every button greys out and takes no clicks) or
/// idle again. One ledger action at a time: a second one meanwhile could act on state the
/// first is changing.
fn hold(busy: bool) {
    BUSY.with(|b| b.set(busy));
    if let Some(main) = document().query_selector("main").ok().flatten() {
        let _ = main.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
}

/// Runs `action` on click (or Enter in a form field: buttons are keyboard-usable as they are)
/// with its button disabled and the other actions held until it finishes; an error goes to
/// the status line with its code and a way forward. The listener lives as long as the page.
pub fn on_click<F, Fut>(id: &'static str, action: F)
where
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<(), Error>> + 'static,
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
                status::fail(&e);
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

/// [`on_click`] for an action on the page's shared state: each click gets its own handle.
pub fn on_click_with<S, F, Fut>(id: &'static str, state: &Rc<S>, action: F)
where
    S: 'static,
    F: Fn(Rc<S>) -> Fut + 'static,
    Fut: Future<Output = Result<(), Error>> + 'static,
{
    let state = Rc::clone(state);
    on_click(id, move || action(Rc::clone(&state)));
}

/// Runs `action` once, as the page loads, with the page held like a click's action.
pub fn on_load<Fut>(fut: Fut)
where
    Fut: Future<Output = Result<(), Error>> + 'static,
{
    hold(true);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = fut.await {
            status::fail(&e);
        }
        hold(false);
    });
}

/// A status line that says Busy while `text` is being done.
pub fn busy(text: &str) {
    status::set(Status::Busy, text);
}

pub fn done(text: &str) {
    status::set(Status::Idle, text);
}
