//! query.proto, response.proto and the receipt/record/balance/NFT-info queries.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum ResponseType {
    AnswerOnly = 0,
    AnswerStateProof = 1,
    CostAnswer = 2,
    CostAnswerStateProof = 3,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct QueryHeader {
    #[prost(message, optional, tag = "1")]
    pub payment: Option<Transaction>,
    #[prost(enumeration = "ResponseType", tag = "2")]
    pub response_type: i32,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ResponseHeader {
    #[prost(enumeration = "ResponseCodeEnum", tag = "1")]
    pub node_transaction_precheck_code: i32,
    #[prost(enumeration = "ResponseType", tag = "2")]
    pub response_type: i32,
    #[prost(uint64, tag = "3")]
    pub cost: u64,
    #[prost(bytes = "vec", tag = "4")]
    pub state_proof: Vec<u8>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionResponse {
    #[prost(enumeration = "ResponseCodeEnum", tag = "1")]
    pub node_transaction_precheck_code: i32,
    #[prost(uint64, tag = "2")]
    pub cost: u64,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Query {
    #[prost(oneof = "query::Query", tags = "7, 14, 15, 55")]
    pub query: Option<query::Query>,
}
pub mod query {
    #[allow(unused_imports)]
    use crate::prelude::*;
    use crate::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Query {
        #[prost(message, tag = "7")]
        CryptogetAccountBalance(CryptoGetAccountBalanceQuery),
        #[prost(message, tag = "14")]
        TransactionGetReceipt(TransactionGetReceiptQuery),
        #[prost(message, tag = "15")]
        TransactionGetRecord(TransactionGetRecordQuery),
        #[prost(message, tag = "55")]
        TokenGetNftInfo(TokenGetNftInfoQuery),
    }
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct Response {
    #[prost(oneof = "response::Response", tags = "7, 14, 15, 155")]
    pub response: Option<response::Response>,
}
pub mod response {
    #[allow(unused_imports)]
    use crate::prelude::*;
    use crate::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Response {
        #[prost(message, tag = "7")]
        CryptogetAccountBalance(CryptoGetAccountBalanceResponse),
        #[prost(message, tag = "14")]
        TransactionGetReceipt(TransactionGetReceiptResponse),
        #[prost(message, tag = "15")]
        TransactionGetRecord(TransactionGetRecordResponse),
        #[prost(message, tag = "155")]
        TokenGetNftInfo(TokenGetNftInfoResponse),
    }
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionGetReceiptQuery {
    #[prost(message, optional, tag = "1")]
    pub header: Option<QueryHeader>,
    #[prost(message, optional, tag = "2")]
    pub transaction_id: Option<TransactionId>,
    #[prost(bool, tag = "3")]
    pub include_duplicates: bool,
    #[prost(bool, tag = "4")]
    pub include_child_receipts: bool,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionGetReceiptResponse {
    #[prost(message, optional, tag = "1")]
    pub header: Option<ResponseHeader>,
    #[prost(message, optional, tag = "2")]
    pub receipt: Option<TransactionReceipt>,
    #[prost(message, repeated, tag = "4")]
    pub duplicate_transaction_receipts: Vec<TransactionReceipt>,
    #[prost(message, repeated, tag = "5")]
    pub child_transaction_receipts: Vec<TransactionReceipt>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionGetRecordQuery {
    #[prost(message, optional, tag = "1")]
    pub header: Option<QueryHeader>,
    #[prost(message, optional, tag = "2")]
    pub transaction_id: Option<TransactionId>,
    #[prost(bool, tag = "3")]
    pub include_duplicates: bool,
    #[prost(bool, tag = "4")]
    pub include_child_records: bool,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionGetRecordResponse {
    #[prost(message, optional, tag = "1")]
    pub header: Option<ResponseHeader>,
    #[prost(message, optional, tag = "3")]
    pub transaction_record: Option<TransactionRecord>,
    #[prost(message, repeated, tag = "4")]
    pub duplicate_transaction_records: Vec<TransactionRecord>,
    #[prost(message, repeated, tag = "5")]
    pub child_transaction_records: Vec<TransactionRecord>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct CryptoGetAccountBalanceQuery {
    #[prost(message, optional, tag = "1")]
    pub header: Option<QueryHeader>,
    #[prost(
        oneof = "crypto_get_account_balance_query::BalanceSource",
        tags = "2, 3"
    )]
    pub balance_source: Option<crypto_get_account_balance_query::BalanceSource>,
}
pub mod crypto_get_account_balance_query {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum BalanceSource {
        #[prost(message, tag = "2")]
        AccountId(crate::AccountId),
        #[prost(message, tag = "3")]
        ContractId(crate::ContractId),
    }
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct CryptoGetAccountBalanceResponse {
    #[prost(message, optional, tag = "1")]
    pub header: Option<ResponseHeader>,
    #[prost(message, optional, tag = "2")]
    pub account_id: Option<AccountId>,
    #[prost(uint64, tag = "3")]
    pub balance: u64,
    #[prost(message, repeated, tag = "4")]
    pub token_balances: Vec<TokenBalance>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenGetNftInfoQuery {
    #[prost(message, optional, tag = "1")]
    pub header: Option<QueryHeader>,
    #[prost(message, optional, tag = "2")]
    pub nft_id: Option<NftId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenNftInfo {
    #[prost(message, optional, tag = "1")]
    pub nft_id: Option<NftId>,
    #[prost(message, optional, tag = "2")]
    pub account_id: Option<AccountId>,
    #[prost(message, optional, tag = "3")]
    pub creation_time: Option<Timestamp>,
    #[prost(bytes = "vec", tag = "4")]
    pub metadata: Vec<u8>,
    #[prost(bytes = "vec", tag = "5")]
    pub ledger_id: Vec<u8>,
    #[prost(message, optional, tag = "6")]
    pub spender_id: Option<AccountId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenGetNftInfoResponse {
    #[prost(message, optional, tag = "1")]
    pub header: Option<ResponseHeader>,
    #[prost(message, optional, tag = "2")]
    pub nft: Option<TokenNftInfo>,
}
