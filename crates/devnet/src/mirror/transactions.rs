//! `/api/v1/transactions`: the list with its filters, and one transaction by id.

use super::params::{self, Order, Params};
use super::{json as j, page, read, ApiError, ApiResult, Shared};
use axum::extract::{Path, RawQuery, State};
use hedera_proto::services::ResponseCodeEnum as Code;
use serde_json::{json, Value};

pub async fn list(State(s): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Desc,
        &[
            "account.id",
            "timestamp",
            "transactiontype",
            "result",
            "type",
        ],
    )?;
    let times = p.filters("timestamp", params::timestamp)?;
    let account = p
        .single("account.id")
        .map(|a| {
            params::entity(a)
                .map(|n| n as u64)
                .ok_or_else(|| ApiError::invalid("account.id"))
        })
        .transpose()?;
    let kind = p.single("transactiontype").map(str::to_ascii_uppercase);
    let success = match p.single("result") {
        None => None,
        Some("success") => Some(true),
        Some("fail") => Some(false),
        Some(_) => return Err(ApiError::invalid("result")),
    };
    let direction = match p.single("type") {
        None => None,
        Some("credit") => Some(1i64),
        Some("debit") => Some(-1),
        Some(_) => return Err(ApiError::invalid("type")),
    };
    let m = read(&s);
    let rows = m.history.transactions.iter().filter(|r| {
        times.admits(r.consensus)
            && account.is_none_or(|a| r.touches(a))
            && kind.as_deref().is_none_or(|k| r.name == k)
            && success.is_none_or(|ok| (r.result == Code::Success) == ok)
            && direction.is_none_or(|sign| {
                r.transfers.iter().any(|(a, amount)| {
                    account.is_none_or(|acc| acc == *a) && amount.signum() == sign
                })
            })
    });
    let rows = page(rows, p.order, p.limit);
    let next = rows.last().and_then(|r| {
        p.next_link(
            "/api/v1/transactions",
            &[("timestamp", j::ts(r.consensus))],
            rows.len(),
        )
    });
    let transactions: Vec<Value> = rows.iter().map(|r| j::transaction(r)).collect();
    Ok(axum::Json(
        json!({ "transactions": transactions, "links": { "next": next } }),
    ))
}

/// `0.0.payer-seconds-nanos`, the mirror's transaction id form.
fn parse_id(raw: &str) -> Option<(u64, i64, i32)> {
    let mut parts = raw.split('-');
    let payer = params::entity(parts.next()?)? as u64;
    let seconds = parts.next()?.parse().ok()?;
    let nanos_str = parts.next()?;
    if parts.next().is_some() || nanos_str.len() > 9 {
        return None;
    }
    let nanos: i32 = nanos_str.parse().ok()?;
    Some((payer, seconds, nanos))
}

pub async fn one(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(q.as_deref(), Order::Asc, &["nonce", "scheduled"])?;
    let (payer, seconds, nanos) =
        parse_id(&id).ok_or_else(|| ApiError::invalid("transactionId"))?;
    let nonce = p
        .single("nonce")
        .map(|n| n.parse::<i32>().map_err(|_| ApiError::invalid("nonce")))
        .transpose()?;
    let scheduled = match p.single("scheduled") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(_) => return Err(ApiError::invalid("scheduled")),
    };
    let m = read(&s);
    let transactions: Vec<Value> = m
        .history
        .by_id(payer, seconds, nanos)
        .filter(|r| {
            nonce.is_none_or(|n| r.transaction_id.nonce == n)
                && scheduled.is_none_or(|sch| r.scheduled == sch)
        })
        .map(j::transaction_detail)
        .collect();
    if transactions.is_empty() {
        return Err(ApiError::not_found());
    }
    Ok(axum::Json(json!({ "transactions": transactions })))
}
