//! The mirror node's REST API: typed models for what applications read (accounts and their
//! tokens, NFTs and their transfers, tokens and their holders, transactions, topic messages,
//! pending airdrops, schedules), `links.next` pagination with a page cap, back-off on
//! 429 and 5xx, and waiting until the mirror has seen a transaction (mirror lag is seconds on
//! Hedera).

use crate::transport::{HttpRequest, Runtime, Transport};
use crate::{Error, Result};
use base64::Engine;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};
use core::time::Duration;
use futures_core::Stream;
use loyal_core::transaction_id::TransactionId;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

fn b64<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<u8>, D::Error> {
    let s = Option::<String>::deserialize(d)?.unwrap_or_default();
    base64::engine::general_purpose::STANDARD
        .decode(s)
        .map_err(serde::de::Error::custom)
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Key {
    #[serde(rename = "_type")]
    pub kind: String,
    pub key: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TokenBalance {
    pub token_id: String,
    pub balance: i64,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Balance {
    pub balance: Option<i64>,
    pub timestamp: Option<String>,
    #[serde(default)]
    pub tokens: Vec<TokenBalance>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Account {
    pub account: String,
    pub balance: Balance,
    pub key: Option<Key>,
    pub evm_address: Option<String>,
    pub memo: Option<String>,
    pub created_timestamp: Option<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Nft {
    pub account_id: Option<String>,
    pub token_id: String,
    pub serial_number: i64,
    #[serde(deserialize_with = "b64", default)]
    pub metadata: Vec<u8>,
    pub created_timestamp: Option<String>,
    pub modified_timestamp: Option<String>,
    #[serde(default)]
    pub deleted: bool,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Token {
    pub token_id: String,
    pub name: String,
    pub symbol: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub decimals: serde_json::Value,
    pub total_supply: Option<String>,
    pub treasury_account_id: Option<String>,
    pub memo: Option<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Transaction {
    pub transaction_id: String,
    pub consensus_timestamp: String,
    pub name: String,
    pub result: String,
    pub entity_id: Option<String>,
    pub charged_tx_fee: i64,
    #[serde(default)]
    pub scheduled: bool,
    /// 0 for the transaction itself; child records (a token's automatic association, …) count up.
    #[serde(default)]
    pub nonce: i32,
}

/// An item of `/accounts/{id}/tokens`: the account's relationship with one token.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TokenRelationship {
    pub token_id: String,
    pub balance: i64,
    pub decimals: i64,
    pub automatic_association: bool,
    pub freeze_status: String,
    pub kyc_status: String,
    pub created_timestamp: String,
}

/// An item of `/tokens/{id}/balances`: one holder.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Holder {
    pub account: String,
    pub balance: i64,
    pub decimals: i64,
}

/// An item of `/tokens`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TokenSummary {
    pub token_id: String,
    pub name: String,
    pub symbol: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub decimals: i64,
}

/// An item of `/accounts/{id}/airdrops/pending` (or `/outstanding`).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Airdrop {
    pub sender_id: String,
    pub receiver_id: String,
    pub token_id: String,
    pub amount: i64,
    pub serial_number: Option<i64>,
}

/// An item of `/tokens/{id}/nfts/{serial}/transactions`: one move of the NFT.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct NftTransfer {
    pub transaction_id: String,
    pub consensus_timestamp: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub sender_account_id: Option<String>,
    pub receiver_account_id: Option<String>,
    pub is_approval: bool,
    pub nonce: i32,
}

/// `/schedules/{id}`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Schedule {
    pub schedule_id: String,
    pub creator_account_id: String,
    pub payer_account_id: String,
    pub executed_timestamp: Option<String>,
    #[serde(default)]
    pub deleted: bool,
    #[serde(default)]
    pub memo: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct TopicMessage {
    pub topic_id: String,
    pub sequence_number: u64,
    pub consensus_timestamp: String,
    #[serde(deserialize_with = "b64")]
    pub message: Vec<u8>,
    pub payer_account_id: String,
}

#[derive(Deserialize)]
struct Links {
    next: Option<String>,
}

pub struct MirrorClient<'a, T, R> {
    transport: &'a T,
    runtime: &'a R,
    base: String,
    retries: u32,
    timeout: Duration,
}

/// A paged listing, as an async stream of pages (`futures_core::Stream`, items
/// `Result<Vec<M>>`): each page follows `links.next`, at most `max_pages` times. `next_page`
/// is the same without a stream library.
pub struct Pages<'m, 'a, T, R, M> {
    mirror: &'m MirrorClient<'a, T, R>,
    next: Option<String>,
    field: &'static str,
    pages_left: usize,
    /// The page being fetched.
    pending: Option<Pin<Box<dyn Future<Output = Result<serde_json::Value>> + 'm>>>,
    _item: core::marker::PhantomData<fn() -> M>,
}

impl<'m, T: Transport, R: Runtime, M: DeserializeOwned> Stream for Pages<'m, '_, T, R, M> {
    type Item = Result<Vec<M>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.pending.is_none() {
            if this.pages_left == 0 {
                return Poll::Ready(None);
            }
            let Some(path) = this.next.take() else {
                return Poll::Ready(None);
            };
            this.pages_left -= 1;
            let mirror = this.mirror;
            this.pending = Some(Box::pin(async move { mirror.get_json(&path).await }));
        }
        let Some(pending) = this.pending.as_mut() else {
            return Poll::Ready(None);
        };
        let Poll::Ready(body) = pending.as_mut().poll(cx) else {
            return Poll::Pending;
        };
        this.pending = None;
        let body = match body {
            Ok(body) => body,
            Err(e) => return Poll::Ready(Some(Err(e))),
        };
        this.next = serde_json::from_value::<Links>(body["links"].clone())
            .ok()
            .and_then(|l| l.next);
        let items = serde_json::from_value(body[this.field].clone()).map_err(|e| Error::Decode {
            what: "mirror page",
            reason: e.to_string(),
        });
        Poll::Ready(Some(items))
    }
}

impl<T: Transport, R: Runtime, M: DeserializeOwned> Pages<'_, '_, T, R, M> {
    /// The next page, `None` after the last one (or at the page cap).
    pub async fn next_page(&mut self) -> Result<Option<Vec<M>>> {
        core::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx))
            .await
            .transpose()
    }

    /// Whether the page cap stopped the listing while the mirror had more (`links.next`):
    /// the items so far are not all there are.
    pub fn truncated(&self) -> bool {
        self.pages_left == 0 && self.next.is_some()
    }

    /// Every item of every page up to the page cap.
    pub async fn collect(mut self) -> Result<Vec<M>> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await? {
            all.extend(page);
        }
        Ok(all)
    }
}

impl<'a, T: Transport, R: Runtime> MirrorClient<'a, T, R> {
    pub fn new(transport: &'a T, runtime: &'a R, base_url: &str) -> Self {
        Self {
            transport,
            runtime,
            base: base_url.trim_end_matches('/').to_owned(),
            retries: 5,
            timeout: Duration::from_secs(10),
        }
    }

    /// How long one request may take before it is a transport error (default 10 s): a
    /// mirror that accepts and never answers does not hold its caller for ever.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The clock this client sleeps on (callers that poll the mirror wait on it too).
    pub fn runtime(&self) -> &'a R {
        self.runtime
    }

    /// GET `path` (starting `/api/v1/`), retrying 429 and 5xx with exponential back-off.
    pub async fn get_json(&self, path: &str) -> Result<serde_json::Value> {
        let body = self.get_body(path).await?;
        serde_json::from_slice(&body).map_err(|e| Error::Decode {
            what: "mirror JSON",
            reason: e.to_string(),
        })
    }

    /// `get_json`'s answer as bytes, for callers with a JSON reader of their own (the wallet's
    /// service worker links no serde_json).
    pub async fn get_body(&self, path: &str) -> Result<Vec<u8>> {
        let url = format!("{}{path}", self.base);
        let mut attempt = 0;
        loop {
            let send = self.transport.send(HttpRequest::get(url.clone()));
            let response = crate::transport::within(self.runtime, &url, self.timeout, send).await?;
            let retry = response.status == 429 || response.status >= 500;
            if retry && attempt < self.retries {
                self.runtime
                    .sleep(Duration::from_millis(200 << attempt))
                    .await;
                attempt += 1;
                continue;
            }
            if response.status != 200 {
                return Err(Error::http(url, &response));
            }
            return Ok(response.body);
        }
    }

    async fn get<M: DeserializeOwned>(&self, path: &str) -> Result<M> {
        serde_json::from_value(self.get_json(path).await?).map_err(|e| Error::Decode {
            what: "mirror JSON",
            reason: e.to_string(),
        })
    }

    pub fn pages<M: DeserializeOwned>(
        &self,
        path: String,
        field: &'static str,
        max_pages: usize,
    ) -> Pages<'_, 'a, T, R, M> {
        Pages {
            mirror: self,
            next: Some(path),
            field,
            pages_left: max_pages,
            pending: None,
            _item: core::marker::PhantomData,
        }
    }

    pub async fn account(&self, id: &str) -> Result<Account> {
        self.get(&format!("/api/v1/accounts/{id}?limit=1")).await
    }

    pub fn account_nfts(&self, id: &str, max_pages: usize) -> Pages<'_, 'a, T, R, Nft> {
        self.pages(
            format!("/api/v1/accounts/{id}/nfts?limit=100"),
            "nfts",
            max_pages,
        )
    }

    pub fn token_nfts(&self, token: &str, max_pages: usize) -> Pages<'_, 'a, T, R, Nft> {
        self.pages(
            format!("/api/v1/tokens/{token}/nfts?limit=100"),
            "nfts",
            max_pages,
        )
    }

    pub async fn nft(&self, token: &str, serial: i64) -> Result<Nft> {
        self.get(&format!("/api/v1/tokens/{token}/nfts/{serial}"))
            .await
    }

    pub async fn token(&self, id: &str) -> Result<Token> {
        self.get(&format!("/api/v1/tokens/{id}")).await
    }

    pub fn topic_messages(
        &self,
        topic: &str,
        max_pages: usize,
    ) -> Pages<'_, 'a, T, R, TopicMessage> {
        self.pages(
            format!("/api/v1/topics/{topic}/messages?limit=100"),
            "messages",
            max_pages,
        )
    }

    /// `/accounts`, in account order.
    pub fn accounts(&self, max_pages: usize) -> Pages<'_, 'a, T, R, Account> {
        self.pages("/api/v1/accounts?limit=100".into(), "accounts", max_pages)
    }

    pub fn account_tokens(
        &self,
        id: &str,
        max_pages: usize,
    ) -> Pages<'_, 'a, T, R, TokenRelationship> {
        self.pages(
            format!("/api/v1/accounts/{id}/tokens?limit=100"),
            "tokens",
            max_pages,
        )
    }

    /// Airdrops waiting for `id` to claim them.
    pub fn pending_airdrops(&self, id: &str, max_pages: usize) -> Pages<'_, 'a, T, R, Airdrop> {
        self.pages(
            format!("/api/v1/accounts/{id}/airdrops/pending?limit=100"),
            "airdrops",
            max_pages,
        )
    }

    pub fn tokens(&self, max_pages: usize) -> Pages<'_, 'a, T, R, TokenSummary> {
        self.pages("/api/v1/tokens?limit=100".into(), "tokens", max_pages)
    }

    pub fn token_holders(&self, token: &str, max_pages: usize) -> Pages<'_, 'a, T, R, Holder> {
        self.pages(
            format!("/api/v1/tokens/{token}/balances?limit=100"),
            "balances",
            max_pages,
        )
    }

    /// Every move of one NFT, newest first.
    pub fn nft_transfers(
        &self,
        token: &str,
        serial: i64,
        max_pages: usize,
    ) -> Pages<'_, 'a, T, R, NftTransfer> {
        self.pages(
            format!("/api/v1/tokens/{token}/nfts/{serial}/transactions?limit=100"),
            "transactions",
            max_pages,
        )
    }

    pub async fn topic_message(&self, topic: &str, sequence: u64) -> Result<TopicMessage> {
        self.get(&format!("/api/v1/topics/{topic}/messages/{sequence}"))
            .await
    }

    /// The network's nodes (`reachable_nodes` keeps those a browser can reach).
    pub fn network_nodes(&self, max_pages: usize) -> Pages<'_, 'a, T, R, crate::MirrorNode> {
        self.pages("/api/v1/network/nodes".into(), "nodes", max_pages)
    }

    pub async fn schedule(&self, id: &str) -> Result<Schedule> {
        self.get(&format!("/api/v1/schedules/{id}")).await
    }

    pub async fn transaction(&self, id: &TransactionId) -> Result<Vec<Transaction>> {
        #[derive(Deserialize)]
        struct ById {
            transactions: Vec<Transaction>,
        }
        let page: ById = self
            .get(&format!("/api/v1/transactions/{}", id.to_mirror_string()))
            .await?;
        Ok(page.transactions)
    }

    /// Polls until the mirror lists the transaction (404 until then) or the timeout passes.
    pub async fn wait_for_transaction(
        &self,
        id: &TransactionId,
        timeout: Duration,
    ) -> Result<Transaction> {
        let deadline = self.runtime.now().as_nanos() + timeout.as_nanos() as i128;
        let mut wait = Duration::from_millis(100);
        loop {
            match self.transaction(id).await {
                Ok(found) if !found.is_empty() => {
                    // The transaction itself: not what it scheduled, not a child record.
                    let first = found
                        .iter()
                        .find(|t| !t.scheduled && t.nonce == 0)
                        .unwrap_or(&found[0]);
                    return Ok(first.clone());
                }
                Ok(_) | Err(Error::Http { status: 404, .. }) => {}
                Err(e) => return Err(e),
            }
            if self.runtime.now().as_nanos() > deadline {
                return Err(Error::MirrorTimeout {
                    transaction_id: id.to_string(),
                });
            }
            self.runtime.sleep(wait).await;
            wait = (wait * 2).min(Duration::from_secs(2));
        }
    }
}
