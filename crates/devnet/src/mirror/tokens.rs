//! `/api/v1/tokens...`: token list and info, balances, NFTs and an NFT's transaction history.

use super::params::{self, Order, Params};
use super::{json as j, page, path_entity, read, ApiError, ApiResult, Mirror, Shared};
use crate::ledger::{Nft, Token};
use axum::extract::{Path, RawQuery, State};
use hedera_proto::services as hp;
use serde_json::{json, Value};

pub fn nft_json(t: u64, serial: i64, nft: &Nft) -> Value {
    json!({
        "account_id": j::id(nft.owner),
        "created_timestamp": j::ts(nft.created),
        "delegating_spender": null,
        "deleted": false,
        "metadata": j::b64(&nft.metadata),
        "modified_timestamp": j::ts(nft.modified),
        "serial_number": serial,
        "spender": null,
        "token_id": j::id(t),
    })
}

fn kind(token: &Token) -> &'static str {
    if token.nft {
        "NON_FUNGIBLE_UNIQUE"
    } else {
        "FUNGIBLE_COMMON"
    }
}

fn token_of(m: &Mirror, raw: &str) -> Result<u64, ApiError> {
    super::existing(&m.replica.tokens, raw, "tokenId")
}

pub async fn list(State(s): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Asc,
        &["token.id", "account.id", "name", "publickey", "type"],
    )?;
    let ids = p.filters("token.id", params::entity)?;
    let holder = p
        .single("account.id")
        .map(|a| params::entity(a).ok_or_else(|| ApiError::invalid("account.id")))
        .transpose()?;
    let name = p.single("name").map(str::to_owned);
    let kinds: Vec<&str> = p.values("type").map(|(_, v)| v).collect();
    let public_key = p.single("publickey").map(str::to_ascii_lowercase);
    let m = read(&s);
    let rows = m.replica.tokens.iter().filter(|(t, token)| {
        ids.admits(**t as i128)
            && holder.is_none_or(|a| m.replica.relationships.contains_key(&(a as u64, **t)))
            && name
                .as_ref()
                .is_none_or(|n| token.name.contains(n.as_str()))
            && (kinds.is_empty()
                || kinds
                    .iter()
                    .any(|k| k.eq_ignore_ascii_case(kind(token)) || k.eq_ignore_ascii_case("ALL")))
            && public_key.as_ref().is_none_or(|k| {
                token.admin_key.as_ref().is_some_and(|key| {
                    key.public_keys()
                        .iter()
                        .any(|pk| &pk.to_string_raw() == k || &pk.to_string_der() == k)
                })
            })
    });
    let rows = page(rows, p.order, p.limit);
    let next = rows
        .last()
        .and_then(|(t, _)| p.next_link("/api/v1/tokens", &[("token.id", j::id(**t))], rows.len()));
    let tokens: Vec<Value> = rows
        .iter()
        .map(|(t, token)| {
            json!({
                "admin_key": j::key(token.admin_key.as_ref()),
                "decimals": token.decimals,
                "metadata": j::b64(&token.metadata),
                "name": token.name,
                "symbol": token.symbol,
                "token_id": j::id(**t),
                "type": kind(token),
            })
        })
        .collect();
    Ok(axum::Json(
        json!({ "tokens": tokens, "links": { "next": next } }),
    ))
}

fn fees(token: &Token) -> Value {
    use hp::custom_fee::Fee;
    let (mut fixed, mut fractional, mut royalty) = (vec![], vec![], vec![]);
    let id = |a: &Option<hp::AccountId>| {
        a.as_ref().and_then(|a| match a.account {
            Some(hp::account_id::Account::AccountNum(n)) => Some(j::id(n as u64)),
            _ => None,
        })
    };
    let token_id = |t: &Option<hp::TokenId>| t.as_ref().map(|t| j::id(t.token_num as u64));
    for f in &token.custom_fees {
        let collector = id(&f.fee_collector_account_id);
        let exempt = f.all_collectors_are_exempt;
        let fraction = |fr: &Option<hp::Fraction>| {
            let fr = fr.unwrap_or_default();
            json!({ "numerator": fr.numerator, "denominator": fr.denominator })
        };
        match &f.fee {
            Some(Fee::FixedFee(x)) => fixed.push(json!({
                "all_collectors_are_exempt": exempt,
                "amount": x.amount,
                "collector_account_id": collector,
                "denominating_token_id": token_id(&x.denominating_token_id),
            })),
            Some(Fee::FractionalFee(x)) => fractional.push(json!({
                "all_collectors_are_exempt": exempt,
                "amount": fraction(&x.fractional_amount),
                "collector_account_id": collector,
                "denominating_token_id": null,
                "maximum": if x.maximum_amount == 0 { Value::Null } else { x.maximum_amount.into() },
                "minimum": x.minimum_amount,
                "net_of_transfers": x.net_of_transfers,
            })),
            Some(Fee::RoyaltyFee(x)) => royalty.push(json!({
                "all_collectors_are_exempt": exempt,
                "amount": fraction(&x.exchange_value_fraction),
                "collector_account_id": collector,
                "fallback_fee": x.fallback_fee.as_ref().map(|fb| json!({
                    "amount": fb.amount,
                    "denominating_token_id": token_id(&fb.denominating_token_id),
                })),
            })),
            None => {}
        }
    }
    json!({
        "created_timestamp": j::ts(token.created),
        "fixed_fees": fixed,
        "fractional_fees": fractional,
        "royalty_fees": royalty,
    })
}

pub async fn one(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    Params::parse(q.as_deref(), Order::Asc, &["timestamp"])?;
    let m = read(&s);
    let t = token_of(&m, &id)?;
    let token = &m.replica.tokens[&t];
    Ok(axum::Json(json!({
        "admin_key": j::key(token.admin_key.as_ref()),
        "auto_renew_account": null,
        "auto_renew_period": 7_776_000,
        "created_timestamp": j::ts(token.created),
        "custom_fees": fees(token),
        "decimals": token.decimals.to_string(),
        "deleted": false,
        "expiry_timestamp": null,
        "fee_schedule_key": null,
        "freeze_default": token.freeze_default,
        "freeze_key": j::key(token.freeze_key.as_ref()),
        "initial_supply": token.initial_supply.to_string(),
        "kyc_key": j::key(token.kyc_key.as_ref()),
        "max_supply": token.max_supply.unwrap_or(0).to_string(),
        "memo": token.memo,
        "metadata": j::b64(&token.metadata),
        "metadata_key": j::key(token.metadata_key.as_ref()),
        "modified_timestamp": j::ts(token.modified),
        "name": token.name,
        "pause_key": j::key(token.pause_key.as_ref()),
        "pause_status": match (&token.pause_key, token.paused) {
            (None, _) => "NOT_APPLICABLE",
            (Some(_), true) => "PAUSED",
            (Some(_), false) => "UNPAUSED",
        },
        "supply_key": j::key(token.supply_key.as_ref()),
        "supply_type": if token.max_supply.is_some() { "FINITE" } else { "INFINITE" },
        "symbol": token.symbol,
        "token_id": j::id(t),
        "total_supply": token.total_supply.to_string(),
        "treasury_account_id": j::id(token.treasury),
        "type": kind(token),
        "wipe_key": j::key(token.wipe_key.as_ref()),
    })))
}

pub async fn balances(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Desc,
        &[
            "account.id",
            "account.balance",
            "account.publickey",
            "timestamp",
        ],
    )?;
    let accounts = p.filters("account.id", params::entity)?;
    let amounts = p.filters("account.balance", params::integer)?;
    let m = read(&s);
    let t = token_of(&m, &id)?;
    let decimals = m.replica.tokens[&t].decimals;
    let mut rows: Vec<(u64, u64)> = m
        .replica
        .relationships
        .iter()
        .filter(|((a, tok), rel)| {
            *tok == t && accounts.admits(*a as i128) && amounts.admits(rel.balance as i128)
        })
        .map(|((a, _), rel)| (*a, rel.balance))
        .collect();
    rows.sort_unstable();
    let rows = page(rows.into_iter(), p.order, p.limit);
    let path = format!("/api/v1/tokens/{id}/balances");
    let next = rows
        .last()
        .and_then(|(a, _)| p.next_link(&path, &[("account.id", j::id(*a))], rows.len()));
    let balances: Vec<Value> = rows
        .iter()
        .map(|(a, b)| json!({ "account": j::id(*a), "balance": b, "decimals": decimals }))
        .collect();
    Ok(axum::Json(json!({
        "timestamp": j::ts_or_null(m.history.latest()),
        "balances": balances,
        "links": { "next": next },
    })))
}

pub async fn nfts(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(q.as_deref(), Order::Desc, &["account.id", "serialnumber"])?;
    let owners = p.filters("account.id", params::entity)?;
    let serials = p.filters("serialnumber", params::integer)?;
    let m = read(&s);
    let t = token_of(&m, &id)?;
    let rows = m
        .replica
        .nfts
        .range((t, i64::MIN)..=(t, i64::MAX))
        .filter(|((_, serial), nft)| {
            owners.admits(nft.owner as i128) && serials.admits(*serial as i128)
        });
    let rows = page(rows, p.order, p.limit);
    let path = format!("/api/v1/tokens/{id}/nfts");
    let next = rows.last().and_then(|((_, serial), _)| {
        p.next_link(&path, &[("serialnumber", serial.to_string())], rows.len())
    });
    let nfts: Vec<Value> = rows
        .iter()
        .map(|((t, s), nft)| nft_json(*t, *s, nft))
        .collect();
    Ok(axum::Json(
        json!({ "nfts": nfts, "links": { "next": next } }),
    ))
}

fn serial_of(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|s| *s > 0)
        .ok_or_else(|| ApiError::invalid("serialNumber"))
}

pub async fn nft(
    State(s): State<Shared>,
    Path((id, serial)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    Params::parse(q.as_deref(), Order::Asc, &[])?;
    let t = path_entity(&id, "tokenId")?;
    let serial = serial_of(&serial)?;
    let m = read(&s);
    let nft = m
        .replica
        .nfts
        .get(&(t, serial))
        .ok_or_else(ApiError::not_found)?;
    Ok(axum::Json(nft_json(t, serial, nft)))
}

pub async fn nft_transactions(
    State(s): State<Shared>,
    Path((id, serial)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    let p = Params::parse(q.as_deref(), Order::Desc, &["timestamp"])?;
    let times = p.filters("timestamp", params::timestamp)?;
    let t = path_entity(&id, "tokenId")?;
    let serial = serial_of(&serial)?;
    let m = read(&s);
    let Some(positions) = m.history.nft_moves.get(&(t, serial)) else {
        return Err(ApiError::not_found());
    };
    let rows = positions
        .iter()
        .map(|&i| &m.history.transactions[i])
        .filter(|r| times.admits(r.consensus));
    let rows = page(rows, p.order, p.limit);
    let path = format!("/api/v1/tokens/{id}/nfts/{serial}/transactions");
    let next = rows
        .last()
        .and_then(|r| p.next_link(&path, &[("timestamp", j::ts(r.consensus))], rows.len()));
    let transactions: Vec<Value> = rows
        .iter()
        .flat_map(|r| {
            r.nft_transfers
                .iter()
                .filter(|mv| mv.token == t && mv.serial == serial)
                .map(|mv| {
                    json!({
                        "consensus_timestamp": j::ts(r.consensus),
                        "is_approval": false,
                        "nonce": r.transaction_id.nonce,
                        "receiver_account_id": mv.to.map(j::id),
                        "sender_account_id": mv.from.map(j::id),
                        "transaction_id": j::transaction_id(&r.transaction_id),
                        "type": r.name,
                    })
                })
        })
        .collect();
    Ok(axum::Json(
        json!({ "transactions": transactions, "links": { "next": next } }),
    ))
}
