//! `/api/v1/accounts...`: account info with balances, its NFTs, token relationships and
//! HIP-904 airdrops in both directions.

use super::params::{self, composite, Order, Params};
use super::{existing, json as j, page, read, ApiError, ApiResult, Mirror, Shared};
use crate::ledger::{Account, PendingKey};
use axum::extract::{Path, RawQuery, State};
use loyal_core::key::Key;
use serde_json::{json, Value};

/// The EVM address the mirror shows: derived from an ECDSA key, else the long-zero form.
fn evm_address(n: u64, account: &Account) -> String {
    match &account.key {
        Key::Single(pk) => match pk.to_evm_address() {
            Some(a) => format!("0x{}", hex::encode(a)),
            None => format!("0x{:040x}", n),
        },
        _ => format!("0x{:040x}", n),
    }
}

fn info(m: &Mirror, n: u64, a: &Account) -> Value {
    let tokens: Vec<Value> = m
        .replica
        .relationships
        .range((n, 0)..=(n, u64::MAX))
        .map(|((_, t), rel)| json!({ "token_id": j::id(*t), "balance": rel.balance }))
        .collect();
    json!({
        "account": j::id(n),
        "alias": null,
        "auto_renew_period": 7_776_000,
        "balance": {
            "timestamp": j::ts_or_null(m.history.latest()),
            "balance": a.balance,
            "tokens": tokens,
        },
        "created_timestamp": j::ts_or_null(a.created),
        "decline_reward": false,
        "deleted": false,
        "ethereum_nonce": 0,
        "evm_address": evm_address(n, a),
        "expiry_timestamp": null,
        "key": j::key(Some(&a.key)),
        "max_automatic_token_associations": a.max_auto_associations,
        "memo": a.memo,
        "pending_reward": 0,
        "receiver_sig_required": a.receiver_sig_required,
        "staked_account_id": null,
        "staked_node_id": null,
        "stake_period_start": null,
    })
}

/// `0.0.n`, `n`, or a 20-byte EVM address (hex, with or without `0x`).
fn resolve(m: &Mirror, raw: &str) -> Result<u64, ApiError> {
    let hex = raw.strip_prefix("0x").unwrap_or(raw);
    if hex.len() == 40 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        let wanted = format!("0x{}", hex.to_ascii_lowercase());
        return m
            .replica
            .accounts
            .iter()
            .find(|(n, a)| evm_address(**n, a) == wanted)
            .map(|(n, _)| *n)
            .ok_or_else(ApiError::not_found);
    }
    existing(&m.replica.accounts, raw, "idOrAliasOrEvmAddress")
}

pub async fn list(State(s): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Asc,
        &[
            "account.id",
            "account.balance",
            "account.publickey",
            "balance",
        ],
    )?;
    let ids = p.filters("account.id", params::entity)?;
    let balances = p.filters("account.balance", params::integer)?;
    let public_key = p.single("account.publickey").map(str::to_ascii_lowercase);
    let m = read(&s);
    let rows = m.replica.accounts.iter().filter(|(n, a)| {
        ids.admits(**n as i128)
            && balances.admits(a.balance as i128)
            && public_key.as_ref().is_none_or(|k| {
                a.key
                    .public_keys()
                    .iter()
                    .any(|pk| &pk.to_string_raw() == k || &pk.to_string_der() == k)
            })
    });
    let rows = page(rows, p.order, p.limit);
    let next = rows.last().and_then(|(n, _)| {
        p.next_link(
            "/api/v1/accounts",
            &[("account.id", j::id(**n))],
            rows.len(),
        )
    });
    let accounts: Vec<Value> = rows.iter().map(|(n, a)| info(&m, **n, a)).collect();
    Ok(axum::Json(
        json!({ "accounts": accounts, "links": { "next": next } }),
    ))
}

pub async fn one(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(q.as_deref(), Order::Desc, &["timestamp", "transactiontype"])?;
    let times = p.filters("timestamp", params::timestamp)?;
    let kind = p.single("transactiontype").map(str::to_ascii_uppercase);
    let m = read(&s);
    let n = resolve(&m, &id)?;
    let rows = m.history.transactions.iter().filter(|r| {
        times.admits(r.consensus) && kind.as_deref().is_none_or(|k| r.name == k) && r.touches(n)
    });
    let rows = page(rows, p.order, p.limit);
    let path = format!("/api/v1/accounts/{id}");
    let next = rows
        .last()
        .and_then(|r| p.next_link(&path, &[("timestamp", j::ts(r.consensus))], rows.len()));
    let mut body = info(&m, n, &m.replica.accounts[&n]);
    body["transactions"] = rows.iter().map(|r| j::transaction(r)).collect();
    body["links"] = json!({ "next": next });
    Ok(axum::Json(body))
}

pub async fn nfts(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Desc,
        &["token.id", "serialnumber", "spender.id"],
    )?;
    let tokens = p.filters("token.id", params::entity)?;
    let serials = p.filters("serialnumber", params::integer)?;
    let m = read(&s);
    let n = resolve(&m, &id)?;
    let rows = m.replica.nfts.iter().filter(|((t, serial), nft)| {
        nft.owner == n && composite(&tokens, &serials, *t as i128, *serial as i128)
    });
    let rows = page(rows, p.order, p.limit);
    let path = format!("/api/v1/accounts/{id}/nfts");
    let next = rows.last().and_then(|((t, serial), _)| {
        p.next_link(
            &path,
            &[
                ("token.id", j::id(*t)),
                ("serialnumber", serial.to_string()),
            ],
            rows.len(),
        )
    });
    let nfts: Vec<Value> = rows
        .iter()
        .map(|((t, serial), nft)| super::tokens::nft_json(*t, *serial, nft))
        .collect();
    Ok(axum::Json(
        json!({ "nfts": nfts, "links": { "next": next } }),
    ))
}

pub async fn tokens(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(q.as_deref(), Order::Asc, &["token.id"])?;
    let ids = p.filters("token.id", params::entity)?;
    let m = read(&s);
    let n = resolve(&m, &id)?;
    let rows = m
        .replica
        .relationships
        .range((n, 0)..=(n, u64::MAX))
        .filter(|((_, t), _)| ids.admits(*t as i128));
    let rows = page(rows, p.order, p.limit);
    let path = format!("/api/v1/accounts/{id}/tokens");
    let next = rows
        .last()
        .and_then(|((_, t), _)| p.next_link(&path, &[("token.id", j::id(*t))], rows.len()));
    let tokens: Vec<Value> = rows
        .iter()
        .map(|((_, t), rel)| {
            let token = &m.replica.tokens[t];
            json!({
                "automatic_association": rel.automatic,
                "balance": rel.balance,
                "created_timestamp": j::ts(rel.created),
                "decimals": token.decimals,
                "freeze_status": match (&token.freeze_key, rel.frozen) {
                    (None, _) => "NOT_APPLICABLE",
                    (Some(_), true) => "FROZEN",
                    (Some(_), false) => "UNFROZEN",
                },
                "kyc_status": match (&token.kyc_key, rel.kyc_granted) {
                    (None, _) => "NOT_APPLICABLE",
                    (Some(_), true) => "GRANTED",
                    (Some(_), false) => "REVOKED",
                },
                "token_id": j::id(*t),
            })
        })
        .collect();
    Ok(axum::Json(
        json!({ "tokens": tokens, "links": { "next": next } }),
    ))
}

pub async fn pending_airdrops(s: State<Shared>, Path(id): Path<String>, q: RawQuery) -> ApiResult {
    airdrops(s, id, q, false).await
}

pub async fn outstanding_airdrops(
    s: State<Shared>,
    Path(id): Path<String>,
    q: RawQuery,
) -> ApiResult {
    airdrops(s, id, q, true).await
}

/// Pending airdrops to the account (`pending`) or from it (`outstanding`), keyed by the other
/// party then the token.
async fn airdrops(
    State(s): State<Shared>,
    id: String,
    RawQuery(q): RawQuery,
    outstanding: bool,
) -> ApiResult {
    let party = if outstanding {
        "receiver.id"
    } else {
        "sender.id"
    };
    let p = Params::parse(
        q.as_deref(),
        Order::Asc,
        &[party, "token.id", "serialnumber"],
    )?;
    let parties = p.filters(party, params::entity)?;
    let tokens = p.filters("token.id", params::entity)?;
    let serials = p.filters("serialnumber", params::integer)?;
    let m = read(&s);
    let n = resolve(&m, &id)?;
    // (the other party, the airdrop, its amount)
    let mut rows: Vec<(u64, &PendingKey, &u64)> = m
        .replica
        .pending_airdrops
        .iter()
        .filter_map(|(k @ (sender, receiver, _, _), amount)| {
            let (me, other) = if outstanding {
                (*sender, *receiver)
            } else {
                (*receiver, *sender)
            };
            (me == n).then_some((other, k, amount))
        })
        .filter(|(other, (_, _, t, serial), _)| {
            composite(&parties, &tokens, *other as i128, *t as i128)
                && (serials.is_empty() || serials.admits(*serial as i128))
        })
        .collect();
    rows.sort_by_key(|(other, (_, _, t, serial), _)| (*other, *t, *serial));
    let rows = page(rows.into_iter(), p.order, p.limit);
    let kind = if outstanding {
        "outstanding"
    } else {
        "pending"
    };
    let path = format!("/api/v1/accounts/{id}/airdrops/{kind}");
    let next = rows.last().and_then(|(other, (_, _, t, _), _)| {
        p.next_link(
            &path,
            &[(party, j::id(*other)), ("token.id", j::id(*t))],
            rows.len(),
        )
    });
    let airdrops: Vec<Value> = rows
        .iter()
        .map(|(_, k @ (sender, receiver, t, serial), amount)| {
            let nft = *serial != 0;
            json!({
                "amount": if nft { 0 } else { **amount },
                "receiver_id": j::id(*receiver),
                "sender_id": j::id(*sender),
                "serial_number": if nft { Value::from(*serial) } else { Value::Null },
                "timestamp": {
                    "from": j::ts(m.replica.pending_since.get(k).copied().unwrap_or(0)),
                    "to": null,
                },
                "token_id": j::id(*t),
            })
        })
        .collect();
    Ok(axum::Json(
        json!({ "airdrops": airdrops, "links": { "next": next } }),
    ))
}
