//! `/api/v1/network/nodes` (one node, 0.0.3, with its gRPC-web proxy endpoint) and
//! `/api/v1/schedules/{id}`.

use super::params::{self, Order, Params};
use super::{json as j, path_entity, read, ApiError, ApiResult, Shared};
use axum::extract::{Path, RawQuery, State};
use serde_json::json;
use std::net::SocketAddr;

fn endpoint(addr: SocketAddr) -> serde_json::Value {
    json!({ "domain_name": "", "ip_address_v4": addr.ip().to_string(), "port": addr.port() })
}

pub async fn nodes(State(s): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(
        q.as_deref(),
        Order::Asc,
        &["node.id", "file.id", "node.account.id"],
    )?;
    let node_ids = p.filters("node.id", params::integer)?;
    let accounts = p.filters("node.account.id", params::entity)?;
    let m = read(&s);
    let listed = node_ids.admits(0) && accounts.admits(crate::ledger::NODE_ACCOUNT as i128);
    let nodes = if listed {
        vec![json!({
            "admin_key": null,
            "decline_reward": true,
            "description": "loyal-devnet node",
            "file_id": "0.0.102",
            "grpc_proxy_endpoint": endpoint(m.grpc_web_addr),
            "max_stake": null,
            "memo": "",
            "min_stake": null,
            "node_account_id": j::id(crate::ledger::NODE_ACCOUNT as u64),
            "node_cert_hash": null,
            "node_id": 0,
            "public_key": null,
            "reward_rate_start": null,
            "service_endpoints": [endpoint(m.grpc_addr)],
            "stake": null,
            "stake_not_rewarded": null,
            "stake_rewarded": null,
            "staking_period": null,
            "timestamp": { "from": "0.000000000", "to": null },
        })]
    } else {
        vec![]
    };
    Ok(axum::Json(
        json!({ "nodes": nodes, "links": { "next": null } }),
    ))
}

pub async fn schedule(
    State(s): State<Shared>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult {
    Params::parse(q.as_deref(), Order::Asc, &[])?;
    let n = path_entity(&id, "scheduleId")?;
    let m = read(&s);
    let sch = m
        .replica
        .schedules
        .get(&n)
        .ok_or_else(ApiError::not_found)?;
    let signatures: Vec<serde_json::Value> = sch
        .signers
        .iter()
        .map(|pk| {
            json!({
                "consensus_timestamp": j::ts(sch.created),
                "public_key_prefix": j::b64(&pk.to_bytes_raw()),
                "signature": "",
                "type": match pk.algorithm() {
                    loyal_core::key::KeyAlgorithm::Ed25519 => "ED25519",
                    loyal_core::key::KeyAlgorithm::EcdsaSecp256k1 => "ECDSA_SECP256K1",
                },
            })
        })
        .collect();
    Ok(axum::Json(json!({
        "admin_key": j::key(sch.admin_key.as_ref()),
        "consensus_timestamp": j::ts(sch.created),
        "creator_account_id": j::id(sch.creator),
        "deleted": false,
        "executed_timestamp": sch.executed_at.map(j::ts),
        "expiration_time": null,
        "memo": sch.memo,
        "payer_account_id": j::id(sch.payer),
        "schedule_id": j::id(n),
        "signatures": signatures,
        "transaction_body": j::b64(&sch.scheduled_body),
        "wait_for_expiry": false,
    })))
}
