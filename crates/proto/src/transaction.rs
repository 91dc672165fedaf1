//! transaction.proto, transaction_contents.proto and the SDK's transaction_list.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::*;

#[derive(Clone, PartialEq, prost::Message)]
pub struct Transaction {
    /// Deprecated body/sig fields 1-4 are kept so old-style bytes still decode.
    #[prost(message, optional, tag = "1")]
    pub body: Option<TransactionBody>,
    #[prost(message, optional, tag = "3")]
    pub sig_map: Option<SignatureMap>,
    #[prost(bytes = "vec", optional, tag = "4")]
    pub body_bytes: Option<Vec<u8>>,
    #[prost(bytes = "vec", optional, tag = "5")]
    pub signed_transaction_bytes: Option<Vec<u8>>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct SignedTransaction {
    #[prost(bytes = "vec", optional, tag = "1")]
    pub body_bytes: Option<Vec<u8>>,
    #[prost(message, optional, tag = "2")]
    pub sig_map: Option<SignatureMap>,
    #[prost(bool, optional, tag = "3")]
    pub use_serialized_tx_message_hash_algorithm: Option<bool>,
}

/// What the SDKs' `toBytes()` produce: one `Transaction` per node account id.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionList {
    #[prost(message, repeated, tag = "1")]
    pub transaction_list: Vec<Transaction>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionBody {
    #[prost(message, optional, tag = "1")]
    pub transaction_id: Option<TransactionId>,
    #[prost(message, optional, tag = "2")]
    pub node_account_id: Option<AccountId>,
    #[prost(uint64, optional, tag = "3")]
    pub transaction_fee: Option<u64>,
    #[prost(message, optional, tag = "4")]
    pub transaction_valid_duration: Option<Duration>,
    #[prost(bool, optional, tag = "5")]
    pub generate_record: Option<bool>,
    #[prost(string, optional, tag = "6")]
    pub memo: Option<String>,
    #[prost(
        oneof = "transaction_body::Data",
        tags = "11, 14, 24, 27, 29, 31, 32, 33, 34, 35, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 53, 57, 58, 59, 60"
    )]
    pub data: Option<transaction_body::Data>,
    #[prost(message, optional, tag = "73")]
    pub batch_key: Option<Key>,
    #[prost(message, repeated, tag = "1001")]
    pub max_custom_fees: Vec<CustomFeeLimit>,
}
pub mod transaction_body {
    #[allow(unused_imports)]
    use crate::prelude::*;
    use crate::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Data {
        #[prost(message, tag = "11")]
        CryptoCreateAccount(CryptoCreateTransactionBody),
        #[prost(message, tag = "14")]
        CryptoTransfer(CryptoTransferTransactionBody),
        #[prost(message, tag = "24")]
        ConsensusCreateTopic(ConsensusCreateTopicTransactionBody),
        #[prost(message, tag = "27")]
        ConsensusSubmitMessage(ConsensusSubmitMessageTransactionBody),
        #[prost(message, tag = "29")]
        TokenCreation(TokenCreateTransactionBody),
        #[prost(message, tag = "31")]
        TokenFreeze(TokenFreezeAccountTransactionBody),
        #[prost(message, tag = "32")]
        TokenUnfreeze(TokenUnfreezeAccountTransactionBody),
        #[prost(message, tag = "33")]
        TokenGrantKyc(TokenGrantKycTransactionBody),
        #[prost(message, tag = "34")]
        TokenRevokeKyc(TokenRevokeKycTransactionBody),
        #[prost(message, tag = "35")]
        TokenDeletion(TokenDeleteTransactionBody),
        #[prost(message, tag = "37")]
        TokenMint(TokenMintTransactionBody),
        #[prost(message, tag = "38")]
        TokenBurn(TokenBurnTransactionBody),
        #[prost(message, tag = "39")]
        TokenWipe(TokenWipeAccountTransactionBody),
        #[prost(message, tag = "40")]
        TokenAssociate(TokenAssociateTransactionBody),
        #[prost(message, tag = "41")]
        TokenDissociate(TokenDissociateTransactionBody),
        #[prost(message, tag = "42")]
        ScheduleCreate(ScheduleCreateTransactionBody),
        #[prost(message, tag = "43")]
        ScheduleDelete(ScheduleDeleteTransactionBody),
        #[prost(message, tag = "44")]
        ScheduleSign(ScheduleSignTransactionBody),
        #[prost(message, tag = "46")]
        TokenPause(TokenPauseTransactionBody),
        #[prost(message, tag = "47")]
        TokenUnpause(TokenUnpauseTransactionBody),
        #[prost(message, tag = "53")]
        TokenUpdateNfts(TokenUpdateNftsTransactionBody),
        #[prost(message, tag = "57")]
        TokenReject(TokenRejectTransactionBody),
        #[prost(message, tag = "58")]
        TokenAirdrop(TokenAirdropTransactionBody),
        #[prost(message, tag = "59")]
        TokenCancelAirdrop(TokenCancelAirdropTransactionBody),
        #[prost(message, tag = "60")]
        TokenClaimAirdrop(TokenClaimAirdropTransactionBody),
    }
}
