//! The page's status line (`#status`, `role=status`, `aria-live`): busy, done, or an error
//! with its code and, when the code says, a way forward (`#status-hint`). A `<progress
//! id="progress">` shows how far a multi-step action is.

use crate::dom::{by_id, try_by_id};
use crate::Error;

pub enum Status {
    Idle,
    Busy,
    Error,
}

pub fn set(status: Status, text: &str) {
    let el = by_id("status");
    el.set_class_name(match status {
        Status::Idle => "",
        Status::Busy => "busy",
        Status::Error => "error",
    });
    el.set_attribute("data-code", "").ok();
    el.set_text_content(Some(text));
    if let Some(hint) = try_by_id("status-hint") {
        hint.set_text_content(None);
    }
    if !matches!(status, Status::Busy) {
        progress(None);
    }
}

pub fn fail(e: &Error) {
    set(Status::Error, &e.to_string());
    let el = by_id("status");
    el.set_attribute("data-code", e.code()).ok();
    if let (Some(hint), Some(text)) = (try_by_id("status-hint"), e.hint()) {
        hint.set_text_content(Some(&format!("What now: {text}")));
    }
}

/// `Some((done, total))` shows the bar; `None` hides it.
pub fn progress(state: Option<(usize, usize)>) {
    let Some(bar) = try_by_id("progress") else {
        return;
    };
    match state {
        Some((done, total)) => {
            bar.set_attribute("max", &total.max(1).to_string()).ok();
            bar.set_attribute("value", &done.to_string()).ok();
            bar.set_hidden(false);
        }
        None => bar.set_hidden(true),
    }
}
