//! `hedera_signAndExecuteQuery`: the page's `Query` decoded (the kinds the wallet can show and
//! route), what the approval window says about it, and the bytes sent once approved — the
//! page's payment (if any) replaced by one the wallet signs from the connected account, as the
//! SDKs do when a signer executes a query.

use crate::{Error, Result};
use loyal_core::hbar::Hbar;
use loyal_core::id::{AccountId, NftId};
use loyal_core::proto::{self, query::Query as Q};
use prost::Message as _;

/// The most a query's payment may be (the SDKs' default max query payment).
pub const MAX_QUERY_PAYMENT_TINYBARS: u64 = 100_000_000;

/// What the approval window shows for a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuerySummary {
    /// The proto's name (`CryptoGetAccountBalance`, `TokenGetNftInfo`, …).
    pub kind: &'static str,
    pub title: &'static str,
    /// The account, token serial or transaction asked about.
    pub subject: String,
    /// `None` for free queries; else who pays whom, and the cap.
    pub payment: Option<String>,
}

/// A query the wallet may send: decoded, with its gRPC route.
#[derive(Clone, Debug, PartialEq)]
pub struct PageQuery {
    query: Q,
    pub path: &'static str,
    pub paid: bool,
}

fn undecodable(reason: impl Into<String>) -> Error {
    Error::UndecodableQuery {
        reason: reason.into(),
    }
}

fn account(id: Option<&proto::AccountId>) -> Result<String> {
    let id = id.ok_or_else(|| undecodable("no account id"))?;
    Ok(AccountId::from_proto(id)
        .map_err(|e| undecodable(e.message()))?
        .to_string())
}

impl PageQuery {
    /// Decodes the page's bytes; kinds the wallet does not know are refused here, before any
    /// prompt (their routes and costs are unknown to it).
    pub fn decode(bytes: &[u8]) -> Result<(Self, QuerySummary)> {
        let query = proto::Query::decode(bytes)
            .map_err(|e| undecodable(e.to_string()))?
            .query
            .ok_or_else(|| {
                undecodable("not a query the wallet can send (balance, receipt, record, NFT info)")
            })?;
        let (kind, title, subject, path, paid) = match &query {
            Q::CryptogetAccountBalance(q) => {
                use proto::crypto_get_account_balance_query::BalanceSource;
                let subject = match &q.balance_source {
                    Some(BalanceSource::AccountId(a)) => account(Some(a))?,
                    Some(BalanceSource::ContractId(_)) => {
                        return Err(undecodable(
                            "a contract's balance (the wallet shows accounts)",
                        ))
                    }
                    None => return Err(undecodable("no account to ask about")),
                };
                (
                    "CryptoGetAccountBalance",
                    "Account balance",
                    subject,
                    "proto.CryptoService/cryptoGetBalance",
                    false,
                )
            }
            Q::TransactionGetReceipt(q) => (
                "TransactionGetReceipt",
                "Transaction receipt",
                transaction(q.transaction_id.as_ref())?,
                "proto.CryptoService/getTransactionReceipts",
                false,
            ),
            Q::TransactionGetRecord(q) => (
                "TransactionGetRecord",
                "Transaction record",
                transaction(q.transaction_id.as_ref())?,
                "proto.CryptoService/getTxRecordByTxID",
                true,
            ),
            Q::TokenGetNftInfo(q) => {
                let nft = q.nft_id.as_ref().ok_or_else(|| undecodable("no NFT id"))?;
                let nft = NftId::from_proto(nft).map_err(|e| undecodable(e.message()))?;
                (
                    "TokenGetNftInfo",
                    "NFT info",
                    format!("NFT {} #{}", nft.token_id, nft.serial),
                    "proto.TokenService/getTokenNftInfo",
                    true,
                )
            }
        };
        Ok((
            PageQuery { query, path, paid },
            QuerySummary {
                kind,
                title,
                subject,
                payment: None,
            },
        ))
    }

    /// The bytes to send: `payment` (signed by the wallet) in the header, `cost` asking the
    /// node's price instead of the answer.
    pub fn to_bytes(&self, payment: Option<proto::Transaction>, cost: bool) -> Vec<u8> {
        let header = Some(proto::QueryHeader {
            payment,
            response_type: if cost {
                proto::ResponseType::CostAnswer
            } else {
                proto::ResponseType::AnswerOnly
            } as i32,
        });
        let mut query = self.query.clone();
        match &mut query {
            Q::CryptogetAccountBalance(q) => q.header = header,
            Q::TransactionGetReceipt(q) => q.header = header,
            Q::TransactionGetRecord(q) => q.header = header,
            Q::TokenGetNftInfo(q) => q.header = header,
        }
        proto::Query { query: Some(query) }.encode_to_vec()
    }
}

fn transaction(id: Option<&proto::TransactionId>) -> Result<String> {
    let id = id.ok_or_else(|| undecodable("no transaction id"))?;
    Ok(loyal_core::transaction_id::TransactionId::from_proto(id)
        .map_err(|e| undecodable(e.message()))?
        .to_string())
}

/// The payment line of the approval window.
pub fn payment_text(payer: &AccountId) -> String {
    format!(
        "the node's cost, at most {}, from {payer} to the node",
        Hbar::from_tinybars(MAX_QUERY_PAYMENT_TINYBARS as i64)
    )
}

/// A `Response` case read for its header only (field 1 of every `*Response`).
#[derive(Clone, PartialEq, prost::Message)]
struct Answer {
    #[prost(message, optional, tag = "1")]
    header: Option<proto::ResponseHeader>,
}

/// A `Response` whose cases (`proto::Response`'s field numbers) are read for their header
/// only: the wallet hands the page the node's bytes as they came, and a decoder of records,
/// balances and NFT infos would only grow the service worker.
#[derive(Clone, PartialEq, prost::Message)]
struct AnyResponse {
    #[prost(message, optional, tag = "7")]
    balance: Option<Answer>,
    #[prost(message, optional, tag = "14")]
    receipt: Option<Answer>,
    #[prost(message, optional, tag = "15")]
    record: Option<Answer>,
    #[prost(message, optional, tag = "155")]
    nft_info: Option<Answer>,
}

/// The node's answer header (precheck and cost), whatever the query's kind.
pub fn response_header(bytes: &[u8]) -> Result<proto::ResponseHeader> {
    let r =
        AnyResponse::decode(bytes).map_err(|e| undecodable(format!("the node's response: {e}")))?;
    [r.balance, r.receipt, r.record, r.nft_info]
        .into_iter()
        .flatten()
        .find_map(|a| a.header)
        .ok_or_else(|| undecodable("the node's response has no header"))
}

#[cfg(test)]
pub(crate) mod tests;
