//! The mirror node's REST API (`/api/v1/...`), shapes as in the official OpenAPI spec.
//!
//! Like a real mirror node it has its own copy of the state: a replica ledger that handles the
//! same accepted transactions as the node (the record stream) and keeps a `Record` of each.
//! A configurable lag holds transactions back before the replica sees them, so clients can be
//! tested against the delay Hedera's mirror nodes really have.

mod accounts;
mod history;
mod json;
mod network;
mod params;
mod tokens;
mod topics;
mod transactions;

pub use history::History;

use crate::ledger::{Accepted, Ledger};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

pub struct Mirror {
    pub replica: Ledger,
    pub history: History,
    queue: VecDeque<(i128, Accepted)>,
    lag_nanos: i128,
    /// What `/network/nodes` advertises as node 0.0.3's endpoints.
    pub grpc_addr: std::net::SocketAddr,
    pub grpc_web_addr: std::net::SocketAddr,
}

pub type Shared = Arc<Mutex<Mirror>>;

impl Mirror {
    pub fn new(
        replica: Ledger,
        lag: std::time::Duration,
        grpc_addr: std::net::SocketAddr,
        grpc_web_addr: std::net::SocketAddr,
    ) -> Self {
        Self {
            replica: replica.recording(),
            history: History::default(),
            queue: VecDeque::new(),
            lag_nanos: lag.as_nanos() as i128,
            grpc_addr,
            grpc_web_addr,
        }
    }

    /// Hands the mirror a transaction the node accepted at `now`.
    pub fn push(&mut self, accepted: Accepted, now: i128) {
        self.queue.push_back((now + self.lag_nanos, accepted));
        if self.lag_nanos == 0 {
            self.catch_up(now);
        }
    }

    /// Imports every queued transaction whose lag has passed.
    pub fn catch_up(&mut self, now: i128) {
        while self.queue.front().is_some_and(|(at, _)| *at <= now) {
            let (_, accepted) = self.queue.pop_front().expect("checked");
            self.replica.apply(accepted);
            for record in self.replica.take_records() {
                self.history.add(record);
            }
        }
    }
}

/// An error in the spec's `_status` shape.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub fn invalid(param: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: format!("Invalid parameter: {param}"),
        }
    }

    pub fn unknown(param: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            message: format!("Unknown query parameter: {param}"),
        }
    }

    pub fn not_found() -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            message: "Not found".to_owned(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "_status": { "messages": [ { "message": self.message } ] } });
        (self.status, axum::Json(body)).into_response()
    }
}

pub type ApiResult = Result<axum::Json<Value>, ApiError>;

/// The first `limit` rows in the requested order, from rows sorted ascending.
fn page<T>(rows: impl DoubleEndedIterator<Item = T>, order: params::Order, limit: usize) -> Vec<T> {
    match order {
        params::Order::Asc => rows.take(limit).collect(),
        params::Order::Desc => rows.rev().take(limit).collect(),
    }
}

/// An entity id in the path: 400 naming the parameter when it does not parse.
fn path_entity(raw: &str, name: &str) -> Result<u64, ApiError> {
    params::entity(raw)
        .map(|n| n as u64)
        .ok_or_else(|| ApiError::invalid(name))
}

/// An entity id in the path that must name an existing entity: 400 if it does not parse,
/// 404 if nothing has that id.
fn existing<T>(
    entities: &std::collections::BTreeMap<u64, T>,
    raw: &str,
    name: &str,
) -> Result<u64, ApiError> {
    let n = path_entity(raw, name)?;
    if entities.contains_key(&n) {
        Ok(n)
    } else {
        Err(ApiError::not_found())
    }
}

/// Locks the mirror after importing whatever the lag now lets through.
fn read(shared: &Shared) -> std::sync::MutexGuard<'_, Mirror> {
    let mut mirror = shared.lock().unwrap_or_else(|p| p.into_inner());
    mirror.catch_up(crate::service::now_nanos());
    mirror
}

pub fn router(shared: Shared) -> Router {
    Router::new()
        .route("/api/v1/accounts", get(accounts::list))
        .route("/api/v1/accounts/:id", get(accounts::one))
        .route("/api/v1/accounts/:id/nfts", get(accounts::nfts))
        .route("/api/v1/accounts/:id/tokens", get(accounts::tokens))
        .route(
            "/api/v1/accounts/:id/airdrops/pending",
            get(accounts::pending_airdrops),
        )
        .route(
            "/api/v1/accounts/:id/airdrops/outstanding",
            get(accounts::outstanding_airdrops),
        )
        .route("/api/v1/tokens", get(tokens::list))
        .route("/api/v1/tokens/:id", get(tokens::one))
        .route("/api/v1/tokens/:id/balances", get(tokens::balances))
        .route("/api/v1/tokens/:id/nfts", get(tokens::nfts))
        .route("/api/v1/tokens/:id/nfts/:serial", get(tokens::nft))
        .route(
            "/api/v1/tokens/:id/nfts/:serial/transactions",
            get(tokens::nft_transactions),
        )
        .route("/api/v1/transactions", get(transactions::list))
        .route("/api/v1/transactions/:id", get(transactions::one))
        .route("/api/v1/topics/:id/messages", get(topics::messages))
        .route("/api/v1/topics/:id/messages/:seq", get(topics::message))
        .route("/api/v1/network/nodes", get(network::nodes))
        .route("/api/v1/schedules/:id", get(network::schedule))
        .fallback(|| async { ApiError::not_found() })
        .layer(crate::web::cors())
        .with_state(shared)
}
