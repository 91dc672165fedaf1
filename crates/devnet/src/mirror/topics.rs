//! `/api/v1/topics/{id}/messages`: HCS messages by sequence number or time.

use super::params::{self, Order, Params};
use super::{json as j, page, read, ApiError, ApiResult, Shared};
use crate::record::Record;
use axum::extract::{Path, RawQuery, State};
use serde_json::{json, Value};

fn message_json(r: &Record, utf8: bool) -> Value {
    let m = r.message.as_ref().expect("indexed records carry a message");
    let chunk = m.chunk.as_ref().map(|(initial, number, total)| {
        let start = initial.transaction_valid_start.unwrap_or_default();
        let payer = initial
            .account_id
            .as_ref()
            .and_then(|a| match a.account {
                Some(hedera_proto::services::account_id::Account::AccountNum(n)) => Some(n),
                _ => None,
            })
            .unwrap_or(0);
        json!({
            "initial_transaction_id": {
                "account_id": j::id(payer as u64),
                "nonce": initial.nonce,
                "scheduled": initial.scheduled,
                "transaction_valid_start": format!("{}.{:09}", start.seconds, start.nanos),
            },
            "number": number,
            "total": total,
        })
    });
    let message = if utf8 {
        String::from_utf8_lossy(&m.message).into_owned()
    } else {
        j::b64(&m.message)
    };
    json!({
        "chunk_info": chunk,
        "consensus_timestamp": j::ts(r.consensus),
        "message": message,
        "payer_account_id": j::id(r.payer()),
        "running_hash": j::b64(&m.running_hash),
        "running_hash_version": 3,
        "sequence_number": m.sequence_number,
        "topic_id": j::id(m.topic),
    })
}

fn topic_of(m: &super::Mirror, raw: &str) -> Result<u64, ApiError> {
    super::existing(&m.replica.topics, raw, "topicId")
}

pub async fn messages(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Asc,
        &["sequencenumber", "timestamp", "encoding"],
    )?;
    let sequence = p.filters("sequencenumber", params::integer)?;
    let times = p.filters("timestamp", params::timestamp)?;
    let utf8 = match p.single("encoding").map(str::to_ascii_lowercase).as_deref() {
        None | Some("base64") => false,
        Some("utf-8") | Some("utf8") => true,
        Some(_) => return Err(ApiError::invalid("encoding")),
    };
    let m = read(&s);
    let topic = topic_of(&m, &id)?;
    let rows = m
        .history
        .messages
        .range((topic, 0)..=(topic, u64::MAX))
        .map(|(_, &i)| &m.history.transactions[i])
        .filter(|r| {
            let seq = r.message.as_ref().map_or(0, |m| m.sequence_number);
            sequence.admits(seq as i128) && times.admits(r.consensus)
        });
    let rows = page(rows, p.order, p.limit);
    let path = format!("/api/v1/topics/{id}/messages");
    let next = rows.last().and_then(|r| {
        let seq = r.message.as_ref().map_or(0, |m| m.sequence_number);
        p.next_link(&path, &[("sequencenumber", seq.to_string())], rows.len())
    });
    let messages: Vec<Value> = rows.iter().map(|r| message_json(r, utf8)).collect();
    Ok(axum::Json(
        json!({ "messages": messages, "links": { "next": next } }),
    ))
}

pub async fn message(
    State(s): State<Shared>,
    Path((id, seq)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    Params::parse(q.as_deref(), Order::Asc, &[])?;
    let seq: u64 = seq
        .parse()
        .ok()
        .filter(|s| *s > 0)
        .ok_or_else(|| ApiError::invalid("sequenceNumber"))?;
    let m = read(&s);
    let topic = topic_of(&m, &id)?;
    let &i = m
        .history
        .messages
        .get(&(topic, seq))
        .ok_or_else(ApiError::not_found)?;
    Ok(axum::Json(message_json(&m.history.transactions[i], false)))
}
