//! Submitting transactions and waiting for their receipts, with node failover.
//!
//! A transaction is frozen for one or more nodes; each attempt sends the bytes made for one of
//! them. Transport errors, timeouts, garbled replies, transient gRPC statuses and BUSY /
//! PLATFORM_NOT_ACTIVE answers move on to the next node after a back-off. The transaction id
//! never changes, so a retry can at worst be a duplicate of something that got through:
//! DUPLICATE_TRANSACTION means a transaction with this id is in (an earlier attempt whose
//! answer was lost, or the same transaction executed again), and its receipt tells the outcome.

use crate::grpc_web;
use crate::network::{Network, Node};
use crate::receipt::Receipt;
use crate::transport::{within, Runtime, Transport};
use crate::{Error, Result};
use core::time::Duration;
use loyal_core::id::AccountId;
use loyal_core::key::PrivateKey;
use loyal_core::proto::{self, transaction_body::tag, Message, ResponseCodeEnum as Code};
use loyal_core::transaction::{Builder, Transaction, TransactionData};
use loyal_core::transaction_id::TransactionId;

pub struct Client<T, R> {
    network: Network,
    transport: T,
    runtime: R,
    operator: Option<(AccountId, PrivateKey)>,
    max_attempts: u32,
    min_backoff: Duration,
    max_backoff: Duration,
    request_timeout: Duration,
    receipt_timeout: Duration,
}

/// What a node said when it took the transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct Submitted {
    pub transaction_id: TransactionId,
    pub node: AccountId,
    /// The endpoint of that node that took it (a node may have several proxies).
    pub url: String,
    /// SHA-384 of the signed bytes sent to that node.
    pub hash: Vec<u8>,
}

/// The gRPC method a transaction body goes to, by the field number of its `data` case
/// (`proto::transaction_body::tag`; service names from the HAPI protos). By number, so that
/// sending needs only the body's field numbers, not its decoded content.
pub fn method(data_case: u32) -> Option<&'static str> {
    Some(match data_case {
        tag::CryptoCreateAccount => "proto.CryptoService/createAccount",
        tag::CryptoTransfer => "proto.CryptoService/cryptoTransfer",
        tag::ConsensusCreateTopic => "proto.ConsensusService/createTopic",
        tag::ConsensusSubmitMessage => "proto.ConsensusService/submitMessage",
        tag::TokenCreation => "proto.TokenService/createToken",
        tag::TokenFreeze => "proto.TokenService/freezeTokenAccount",
        tag::TokenUnfreeze => "proto.TokenService/unfreezeTokenAccount",
        tag::TokenGrantKyc => "proto.TokenService/grantKycToTokenAccount",
        tag::TokenRevokeKyc => "proto.TokenService/revokeKycFromTokenAccount",
        tag::TokenDeletion => "proto.TokenService/deleteToken",
        tag::TokenMint => "proto.TokenService/mintToken",
        tag::TokenBurn => "proto.TokenService/burnToken",
        tag::TokenWipe => "proto.TokenService/wipeTokenAccount",
        tag::TokenAssociate => "proto.TokenService/associateTokens",
        tag::TokenDissociate => "proto.TokenService/dissociateTokens",
        tag::TokenPause => "proto.TokenService/pauseToken",
        tag::TokenUnpause => "proto.TokenService/unpauseToken",
        tag::TokenUpdateNfts => "proto.TokenService/updateNfts",
        tag::TokenReject => "proto.TokenService/rejectToken",
        tag::TokenAirdrop => "proto.TokenService/airdropTokens",
        tag::TokenCancelAirdrop => "proto.TokenService/cancelAirdrop",
        tag::TokenClaimAirdrop => "proto.TokenService/claimAirdrop",
        tag::ScheduleCreate => "proto.ScheduleService/createSchedule",
        tag::ScheduleDelete => "proto.ScheduleService/deleteSchedule",
        tag::ScheduleSign => "proto.ScheduleService/signSchedule",
        _ => return None,
    })
}

/// A `Response` read for its receipt case only (`proto::Response` field 14): the other cases
/// are skipped unread, so polling for receipts links no record, balance or NFT decoder.
#[derive(Clone, PartialEq, Message)]
struct ReceiptResponse {
    #[prost(message, optional, tag = "14")]
    transaction_get_receipt: Option<proto::TransactionGetReceiptResponse>,
}

fn retryable(code: Code) -> bool {
    matches!(
        code,
        Code::Busy | Code::PlatformNotActive | Code::PlatformTransactionNotCreated
    )
}

/// A receipt (or the receipt query's precheck) that says "not yet", as the SDKs read it:
/// the node has not seen the transaction reach consensus, or cannot answer now. OK as a
/// receipt status is the default of an unset field, not an outcome.
fn not_final(code: Code) -> bool {
    matches!(
        code,
        Code::Ok
            | Code::Unknown
            | Code::Busy
            | Code::ReceiptNotFound
            | Code::RecordNotFound
            | Code::PlatformNotActive
    )
}

/// gRPC statuses worth another node: the proxy or node cannot serve now (CANCELLED,
/// DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE). Others (UNIMPLEMENTED,
/// INVALID_ARGUMENT, …) would be answered the same by every node.
fn transient(grpc_status: u32) -> bool {
    matches!(grpc_status, 1 | 4 | 8 | 13 | 14)
}
impl<T: Transport, R: Runtime> Client<T, R> {
    pub fn new(network: Network, transport: T, runtime: R) -> Self {
        Self {
            network,
            transport,
            runtime,
            operator: None,
            max_attempts: 10,
            min_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
            request_timeout: Duration::from_secs(10),
            receipt_timeout: Duration::from_secs(120),
        }
    }

    /// The same settings on another network (a node list read from a mirror, say).
    pub fn with_network(mut self, network: Network) -> Self {
        self.network = network;
        self
    }

    /// The account that pays for and signs what `prepare` freezes.
    pub fn with_operator(mut self, account: AccountId, key: PrivateKey) -> Self {
        self.operator = Some((account, key));
        self
    }

    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    pub fn with_backoff(mut self, min: Duration, max: Duration) -> Self {
        self.min_backoff = min;
        self.max_backoff = max.max(min);
        self
    }

    /// How long one request to one node may take before it counts as a transport error and
    /// the next node is tried (default 10 s, the SDKs' gRPC deadline).
    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    pub fn with_receipt_timeout(mut self, timeout: Duration) -> Self {
        self.receipt_timeout = timeout;
        self
    }

    pub fn network(&self) -> &Network {
        &self.network
    }

    pub fn operator_account(&self) -> Option<AccountId> {
        self.operator.as_ref().map(|(a, _)| a.clone())
    }

    pub fn runtime(&self) -> &R {
        &self.runtime
    }

    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// Fills in what the builder left open — transaction id (operator, now) and the network's
    /// nodes — freezes, and signs with the operator key.
    pub fn prepare<D: TransactionData>(&self, builder: Builder<D>) -> Result<Transaction> {
        let mut builder = builder;
        if builder.transaction_id().is_none() {
            let (payer, _) =
                self.operator
                    .as_ref()
                    .ok_or(Error::Core(loyal_core::Error::MissingField {
                        field: "transaction_id (or a client operator)",
                    }))?;
            builder = builder.with_transaction_id(self.new_transaction_id(payer.clone()));
        }
        if builder.node_account_ids().is_empty() {
            builder = builder.with_node_account_ids(self.network.node_account_ids());
        }
        let mut tx = builder.freeze()?;
        if let Some((_, key)) = &self.operator {
            tx.sign(key);
        }
        Ok(tx)
    }

    /// A new transaction id paid by `payer` (`TransactionId::generate`: backdated 5 s). Unique
    /// per call within a process: the runtime's clock never returns the same instant twice.
    pub fn new_transaction_id(&self, payer: AccountId) -> TransactionId {
        TransactionId::generate(payer, self.runtime.now())
    }

    /// Exponential from the minimum to the maximum, with jitter (half of it to all of it) so
    /// clients a node throttled together do not come back in lockstep. The jitter is the
    /// clock's milliseconds: spread enough across clients, and no RNG is needed here.
    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32 << attempt.min(16);
        let full = (self.min_backoff * factor).min(self.max_backoff);
        let spread = ((self.runtime.now().as_nanos() / 1_000_000).rem_euclid(1000)) as u32;
        full / 2 + full / 2 * spread / 1000
    }

    /// One gRPC-web call, given up after `limit`: a node that accepts and never answers is a
    /// transport error like one that refuses.
    async fn call(
        &self,
        url: &str,
        path: &str,
        message: &[u8],
        limit: Duration,
    ) -> Result<Vec<u8>> {
        let call = grpc_web::call(&self.transport, url, path, message);
        within(&self.runtime, url, limit, call).await
    }

    /// Sends the transaction, failing over between the nodes it was frozen for. A topic
    /// message of several chunks sends every chunk, in order; the answer is the first's.
    pub async fn submit(&self, tx: &Transaction) -> Result<Submitted> {
        let mut all = self.submit_chunks(tx).await?;
        Ok(all.swap_remove(0))
    }

    /// Every chunk sent, in order (one for all but long topic messages).
    async fn submit_chunks(&self, tx: &Transaction) -> Result<Vec<Submitted>> {
        // The route and valid window only: the body's content is the signer's business.
        let first = &tx.entries()[0];
        let path = first
            .body_fields()?
            .into_iter()
            .rev()
            .find_map(method)
            .ok_or(Error::Decode {
                what: "transaction body",
                reason: "no transaction data".into(),
            })?;
        let header = first.header()?;
        // Every endpoint of every node the transaction was frozen for (a node may have several
        // proxies: a dead one fails over to the next).
        let frozen_for = tx.node_account_ids();
        let nodes: Vec<&Node> = self
            .network
            .nodes
            .iter()
            .filter(|n| frozen_for.contains(&n.account_id))
            .collect();
        let valid_secs = header
            .transaction_valid_duration
            .as_ref()
            .and_then(|d| d.seconds)
            .unwrap_or(120);
        let mut sent = Vec::new();
        for id in tx.chunk_transaction_ids() {
            sent.push(self.submit_chunk(tx, &nodes, path, valid_secs, id).await?);
        }
        Ok(sent)
    }

    /// One chunk (the entries with transaction id `id`), failing over between `nodes`.
    async fn submit_chunk(
        &self,
        tx: &Transaction,
        nodes: &[&Node],
        path: &str,
        valid_secs: i64,
        id: TransactionId,
    ) -> Result<Submitted> {
        if nodes.is_empty() {
            return Err(Error::NoHealthyNode {
                attempts: 0,
                last: "none of the transaction's nodes is in the network".into(),
                transaction_id: id.to_string(),
            });
        }
        let mut last = String::new();
        // Past its valid window every node answers TRANSACTION_EXPIRED, which would read as a
        // refusal though an earlier attempt may have landed: stop there, outcome unknown.
        let expires = id.valid_start.as_nanos() + i128::from(valid_secs) * 1_000_000_000;
        let mut attempts = 0;
        for attempt in 0..self.max_attempts {
            if attempt > 0 {
                self.runtime.sleep(self.backoff(attempt - 1)).await;
            }
            if self.runtime.now().as_nanos() >= expires {
                last = format!("{last} (then the transaction's valid window ended)");
                break;
            }
            attempts += 1;
            let node = nodes[attempt as usize % nodes.len()];
            let account = node.account_id.clone();
            let entry = tx
                .entries()
                .iter()
                .find(|e| e.node_account_id() == &account && e.transaction_id() == &id);
            let Some(entry) = entry else {
                return Err(Error::Decode {
                    what: "transaction",
                    reason: format!("no entry of {id} for node {account}"),
                });
            };
            let bytes = entry.to_proto().encode_to_vec();
            let reply = match self
                .call(&node.url, path, &bytes, self.request_timeout)
                .await
            {
                Ok(reply) => reply,
                Err(e @ Error::GrpcStatus { status, .. }) if !transient(status) => return Err(e),
                // The request may have reached the node: the next attempt sends the same id.
                Err(
                    e @ (Error::Transport { .. }
                    | Error::GrpcStatus { .. }
                    | Error::GrpcWeb { .. }
                    | Error::Http { .. }),
                ) => {
                    last = format!("{}: {e}", node.url);
                    continue;
                }
                Err(e) => return Err(e),
            };
            let code = match proto::TransactionResponse::decode(reply.as_slice()) {
                Ok(r) => Code::try_from(r.node_transaction_precheck_code).unwrap_or(Code::Unknown),
                Err(e) => {
                    last = format!("{}: garbled TransactionResponse: {e}", node.url);
                    continue;
                }
            };
            match code {
                Code::Ok | Code::DuplicateTransaction => {
                    return Ok(Submitted {
                        transaction_id: id,
                        node: account,
                        url: node.url.clone(),
                        hash: entry.hash().to_vec(),
                    })
                }
                c if retryable(c) => last = format!("{}: {}", node.url, c.as_str_name()),
                c => {
                    return Err(Error::Precheck {
                        status: c.as_str_name().to_owned(),
                        transaction_id: id.to_string(),
                    })
                }
            }
        }
        Err(Error::NoHealthyNode {
            attempts,
            last,
            transaction_id: id.to_string(),
        })
    }

    /// Polls `getTransactionReceipts` until the receipt is final or the timeout passes.
    /// A final receipt is returned whatever its status; `execute` turns failures into errors.
    pub async fn receipt(&self, id: &TransactionId, node: Option<AccountId>) -> Result<Receipt> {
        self.poll_receipt(id, node.as_ref(), None).await
    }

    /// `receipt`, asking `node` first, at `url` first of its endpoints (the one that took the
    /// transaction answered a moment ago; another may be the dead proxy it failed over from).
    async fn poll_receipt(
        &self,
        id: &TransactionId,
        node: Option<&AccountId>,
        url: Option<&str>,
    ) -> Result<Receipt> {
        let query = proto::Query {
            query: Some(proto::query::Query::TransactionGetReceipt(
                proto::TransactionGetReceiptQuery {
                    header: Some(proto::QueryHeader::default()),
                    transaction_id: Some(id.to_proto()),
                    ..Default::default()
                },
            )),
        }
        .encode_to_vec();
        let deadline = self.runtime.now().as_nanos() + self.receipt_timeout.as_nanos() as i128;
        if self.network.nodes.is_empty() {
            return Err(Error::NoHealthyNode {
                attempts: 0,
                last: "the network has no nodes".into(),
                transaction_id: id.to_string(),
            });
        }
        // `node` at `url` first, then `node`'s other endpoints, then other nodes at `url`, then
        // the rest, each in the network's order: a stable sort on these two flags, written as
        // four passes because std's stable sort costs a wasm build ~10 KB (see loyal-core's
        // transaction::order).
        let rank = |x: &Node| {
            2 * usize::from(Some(&x.account_id) != node) + usize::from(Some(x.url.as_str()) != url)
        };
        let order: Vec<&Node> = (0..4)
            .flat_map(|r| self.network.nodes.iter().filter(move |x| rank(x) == r))
            .collect();
        let mut attempt = 0u32;
        loop {
            let target = order[attempt as usize % order.len()];
            let left = Duration::from_nanos(
                (deadline - self.runtime.now().as_nanos()).clamp(0, u64::MAX as i128) as u64,
            );
            let path = "proto.CryptoService/getTransactionReceipts";
            let limit = self.request_timeout.min(left);
            // Transport errors and garbled replies: ask again (another node, after a pause).
            let answer = self.call(&target.url, path, &query, limit).await;
            let response = answer
                .ok()
                .and_then(|bytes| ReceiptResponse::decode(bytes.as_slice()).ok());
            if let Some(r) = response.and_then(|r| r.transaction_get_receipt) {
                let precheck = r.header.map_or(0, |h| h.node_transaction_precheck_code);
                match Code::try_from(precheck).unwrap_or(Code::Unknown) {
                    Code::Ok => {
                        if let Some(receipt) = r.receipt {
                            let status = Code::try_from(receipt.status).unwrap_or(Code::Unknown);
                            if !not_final(status) {
                                return Receipt::from_proto(id.clone(), &receipt);
                            }
                        }
                    }
                    c if not_final(c) => {}
                    // INVALID_TRANSACTION_ID and the like: asking again will not change it.
                    c => {
                        return Err(Error::Precheck {
                            status: c.as_str_name().to_owned(),
                            transaction_id: id.to_string(),
                        })
                    }
                }
            }
            if self.runtime.now().as_nanos() > deadline {
                return Err(Error::ReceiptTimeout {
                    transaction_id: id.to_string(),
                });
            }
            // Receipts come within seconds on Hedera and at once on the devnet: poll briskly.
            self.runtime
                .sleep(Duration::from_millis((50u64 << attempt.min(4)).min(500)))
                .await;
            attempt += 1;
        }
    }

    /// Submits and waits for the receipt; a receipt status other than SUCCESS is an error.
    pub async fn execute(&self, tx: &Transaction) -> Result<Receipt> {
        // Every chunk's receipt must say SUCCESS; the first chunk's is the answer.
        let mut first = None;
        for submitted in self.submit_chunks(tx).await? {
            let receipt = self
                .poll_receipt(
                    &submitted.transaction_id,
                    Some(&submitted.node),
                    Some(&submitted.url),
                )
                .await?;
            if receipt.status != Code::Success {
                return Err(Error::ReceiptStatus {
                    status: receipt.status.as_str_name().to_owned(),
                    transaction_id: submitted.transaction_id.to_string(),
                });
            }
            first.get_or_insert(receipt);
        }
        first.ok_or_else(|| Error::Decode {
            what: "transaction",
            reason: "no entries".into(),
        })
    }
}
