//! schedule_create.proto, schedule_sign.proto, schedulable_transaction_body.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::*;

#[derive(Clone, PartialEq, prost::Message)]
pub struct ScheduleCreateTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub scheduled_transaction_body: Option<SchedulableTransactionBody>,
    #[prost(string, optional, tag = "2")]
    pub memo: Option<String>,
    #[prost(message, optional, tag = "3")]
    pub admin_key: Option<Key>,
    #[prost(message, optional, tag = "4")]
    pub payer_account_id: Option<AccountId>,
    #[prost(message, optional, tag = "5")]
    pub expiration_time: Option<Timestamp>,
    #[prost(bool, optional, tag = "13")]
    pub wait_for_expiry: Option<bool>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ScheduleSignTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub schedule_id: Option<ScheduleId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ScheduleDeleteTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub schedule_id: Option<ScheduleId>,
}

/// The body a ScheduleCreate wraps. Only the transaction types this project builds are
/// modelled; other variants decode as unknown fields.
#[derive(Clone, PartialEq, prost::Message)]
pub struct SchedulableTransactionBody {
    #[prost(uint64, optional, tag = "1")]
    pub transaction_fee: Option<u64>,
    #[prost(string, optional, tag = "2")]
    pub memo: Option<String>,
    #[prost(
        oneof = "schedulable_transaction_body::Data",
        tags = "7, 9, 18, 21, 22, 23, 24, 25, 26, 27, 29, 30, 31, 32, 33, 34, 35, 36, 41, 45, 46, 47, 48"
    )]
    pub data: Option<schedulable_transaction_body::Data>,
    #[prost(message, repeated, tag = "1001")]
    pub max_custom_fees: Vec<CustomFeeLimit>,
}
pub mod schedulable_transaction_body {
    #[allow(unused_imports)]
    use crate::prelude::*;
    use crate::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Data {
        #[prost(message, tag = "7")]
        CryptoCreateAccount(CryptoCreateTransactionBody),
        #[prost(message, tag = "9")]
        CryptoTransfer(CryptoTransferTransactionBody),
        #[prost(message, tag = "18")]
        ConsensusCreateTopic(ConsensusCreateTopicTransactionBody),
        #[prost(message, tag = "21")]
        ConsensusSubmitMessage(ConsensusSubmitMessageTransactionBody),
        #[prost(message, tag = "22")]
        TokenCreation(TokenCreateTransactionBody),
        #[prost(message, tag = "23")]
        TokenFreeze(TokenFreezeAccountTransactionBody),
        #[prost(message, tag = "24")]
        TokenUnfreeze(TokenUnfreezeAccountTransactionBody),
        #[prost(message, tag = "25")]
        TokenGrantKyc(TokenGrantKycTransactionBody),
        #[prost(message, tag = "26")]
        TokenRevokeKyc(TokenRevokeKycTransactionBody),
        #[prost(message, tag = "27")]
        TokenDeletion(TokenDeleteTransactionBody),
        #[prost(message, tag = "29")]
        TokenMint(TokenMintTransactionBody),
        #[prost(message, tag = "30")]
        TokenBurn(TokenBurnTransactionBody),
        #[prost(message, tag = "31")]
        TokenWipe(TokenWipeAccountTransactionBody),
        #[prost(message, tag = "32")]
        TokenAssociate(TokenAssociateTransactionBody),
        #[prost(message, tag = "33")]
        TokenDissociate(TokenDissociateTransactionBody),
        #[prost(message, tag = "34")]
        ScheduleDelete(ScheduleDeleteTransactionBody),
        #[prost(message, tag = "35")]
        TokenPause(TokenPauseTransactionBody),
        #[prost(message, tag = "36")]
        TokenUnpause(TokenUnpauseTransactionBody),
        #[prost(message, tag = "41")]
        TokenUpdateNfts(TokenUpdateNftsTransactionBody),
        #[prost(message, tag = "45")]
        TokenReject(TokenRejectTransactionBody),
        #[prost(message, tag = "46")]
        TokenCancelAirdrop(TokenCancelAirdropTransactionBody),
        #[prost(message, tag = "47")]
        TokenClaimAirdrop(TokenClaimAirdropTransactionBody),
        #[prost(message, tag = "48")]
        TokenAirdrop(TokenAirdropTransactionBody),
    }
}
