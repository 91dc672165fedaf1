//! basic_types.proto, timestamp.proto, duration.proto.

#[allow(unused_imports)]
use crate::prelude::*;
#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct ShardId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct RealmId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Message)]
pub struct TokenId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
    #[prost(int64, optional, tag = "3")]
    pub token_num: Option<i64>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct AccountId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
    #[prost(oneof = "account_id::Account", tags = "3, 4")]
    pub account: Option<account_id::Account>,
}
pub mod account_id {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, Eq, Hash, prost::Oneof)]
    pub enum Account {
        #[prost(int64, tag = "3")]
        AccountNum(i64),
        #[prost(bytes = "vec", tag = "4")]
        Alias(Vec<u8>),
    }
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct NftId {
    #[prost(message, optional, tag = "1")]
    pub token_id: Option<TokenId>,
    #[prost(int64, optional, tag = "2")]
    pub serial_number: Option<i64>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct FileId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
    #[prost(int64, optional, tag = "3")]
    pub file_num: Option<i64>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct ContractId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
    #[prost(oneof = "contract_id::Contract", tags = "3, 4")]
    pub contract: Option<contract_id::Contract>,
}
pub mod contract_id {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, Eq, Hash, prost::Oneof)]
    pub enum Contract {
        #[prost(int64, tag = "3")]
        ContractNum(i64),
        #[prost(bytes = "vec", tag = "4")]
        EvmAddress(Vec<u8>),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct TopicId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
    #[prost(int64, optional, tag = "3")]
    pub topic_num: Option<i64>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct ScheduleId {
    #[prost(int64, optional, tag = "1")]
    pub shard_num: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub realm_num: Option<i64>,
    #[prost(int64, optional, tag = "3")]
    pub schedule_num: Option<i64>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Message)]
pub struct Timestamp {
    #[prost(int64, optional, tag = "1")]
    pub seconds: Option<i64>,
    #[prost(int32, optional, tag = "2")]
    pub nanos: Option<i32>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct TimestampSeconds {
    #[prost(int64, optional, tag = "1")]
    pub seconds: Option<i64>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct Duration {
    #[prost(int64, optional, tag = "1")]
    pub seconds: Option<i64>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct TransactionId {
    #[prost(message, optional, tag = "1")]
    pub transaction_valid_start: Option<Timestamp>,
    #[prost(message, optional, tag = "2")]
    pub account_id: Option<AccountId>,
    #[prost(bool, optional, tag = "3")]
    pub scheduled: Option<bool>,
    #[prost(int32, optional, tag = "4")]
    pub nonce: Option<i32>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct AccountAmount {
    #[prost(message, optional, tag = "1")]
    pub account_id: Option<AccountId>,
    #[prost(sint64, optional, tag = "2")]
    pub amount: Option<i64>,
    #[prost(bool, optional, tag = "3")]
    pub is_approval: Option<bool>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct TransferList {
    #[prost(message, repeated, tag = "1")]
    pub account_amounts: Vec<AccountAmount>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct NftTransfer {
    #[prost(message, optional, tag = "1")]
    pub sender_account_id: Option<AccountId>,
    #[prost(message, optional, tag = "2")]
    pub receiver_account_id: Option<AccountId>,
    #[prost(int64, optional, tag = "3")]
    pub serial_number: Option<i64>,
    #[prost(bool, optional, tag = "4")]
    pub is_approval: Option<bool>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct TokenTransferList {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
    #[prost(message, repeated, tag = "2")]
    pub transfers: Vec<AccountAmount>,
    #[prost(message, repeated, tag = "3")]
    pub nft_transfers: Vec<NftTransfer>,
    /// `google.protobuf.UInt32Value`: absent and zero mean different things.
    #[prost(message, optional, tag = "4")]
    pub expected_decimals: Option<UInt32Value>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct Fraction {
    #[prost(int64, optional, tag = "1")]
    pub numerator: Option<i64>,
    #[prost(int64, optional, tag = "2")]
    pub denominator: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum TokenType {
    FungibleCommon = 0,
    NonFungibleUnique = 1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum TokenSupplyType {
    Infinite = 0,
    Finite = 1,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum TokenFreezeStatus {
    FreezeNotApplicable = 0,
    Frozen = 1,
    Unfrozen = 2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum TokenKycStatus {
    KycNotApplicable = 0,
    Granted = 1,
    Revoked = 2,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum TokenPauseStatus {
    PauseNotApplicable = 0,
    Paused = 1,
    Unpaused = 2,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct Key {
    #[prost(oneof = "key::Key", tags = "1, 2, 3, 4, 5, 6, 7, 8")]
    pub key: Option<key::Key>,
}
pub mod key {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, Eq, Hash, prost::Oneof)]
    pub enum Key {
        #[prost(message, tag = "1")]
        ContractId(super::ContractId),
        #[prost(bytes = "vec", tag = "2")]
        Ed25519(Vec<u8>),
        #[prost(bytes = "vec", tag = "3")]
        Rsa3072(Vec<u8>),
        #[prost(bytes = "vec", tag = "4")]
        Ecdsa384(Vec<u8>),
        #[prost(message, tag = "5")]
        ThresholdKey(super::ThresholdKey),
        #[prost(message, tag = "6")]
        KeyList(super::KeyList),
        #[prost(bytes = "vec", tag = "7")]
        EcdsaSecp256k1(Vec<u8>),
        #[prost(message, tag = "8")]
        DelegatableContractId(super::ContractId),
    }
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct ThresholdKey {
    #[prost(uint32, optional, tag = "1")]
    pub threshold: Option<u32>,
    #[prost(message, optional, tag = "2")]
    pub keys: Option<KeyList>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct KeyList {
    #[prost(message, repeated, tag = "1")]
    pub keys: Vec<Key>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct SignaturePair {
    #[prost(bytes = "vec", optional, tag = "1")]
    pub pub_key_prefix: Option<Vec<u8>>,
    #[prost(oneof = "signature_pair::Signature", tags = "2, 3, 4, 5, 6")]
    pub signature: Option<signature_pair::Signature>,
}
pub mod signature_pair {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, Eq, Hash, prost::Oneof)]
    pub enum Signature {
        #[prost(bytes = "vec", tag = "2")]
        Contract(Vec<u8>),
        #[prost(bytes = "vec", tag = "3")]
        Ed25519(Vec<u8>),
        #[prost(bytes = "vec", tag = "4")]
        Rsa3072(Vec<u8>),
        #[prost(bytes = "vec", tag = "5")]
        Ecdsa384(Vec<u8>),
        #[prost(bytes = "vec", tag = "6")]
        EcdsaSecp256k1(Vec<u8>),
    }
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct SignatureMap {
    #[prost(message, repeated, tag = "1")]
    pub sig_pair: Vec<SignaturePair>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct TokenBalance {
    #[prost(message, optional, tag = "1")]
    pub token_id: Option<TokenId>,
    #[prost(uint64, optional, tag = "2")]
    pub balance: Option<u64>,
    #[prost(uint32, optional, tag = "3")]
    pub decimals: Option<u32>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct TokenAssociation {
    #[prost(message, optional, tag = "1")]
    pub token_id: Option<TokenId>,
    #[prost(message, optional, tag = "2")]
    pub account_id: Option<AccountId>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct PendingAirdropId {
    #[prost(message, optional, tag = "1")]
    pub sender_id: Option<AccountId>,
    #[prost(message, optional, tag = "2")]
    pub receiver_id: Option<AccountId>,
    #[prost(oneof = "pending_airdrop_id::TokenReference", tags = "3, 4")]
    pub token_reference: Option<pending_airdrop_id::TokenReference>,
}
pub mod pending_airdrop_id {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, Eq, Hash, prost::Oneof)]
    pub enum TokenReference {
        #[prost(message, tag = "3")]
        FungibleTokenType(super::TokenId),
        #[prost(message, tag = "4")]
        NonFungibleToken(super::NftId),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct PendingAirdropValue {
    #[prost(uint64, optional, tag = "1")]
    pub amount: Option<u64>,
}

/// `google.protobuf.UInt32Value`, with presence on the inner value too: the SDK writes
/// `{ value: 0 }` as `08 00`, which prost's built-in wrapper would drop.
#[derive(Clone, Copy, PartialEq, Eq, Hash, prost::Message)]
pub struct UInt32Value {
    #[prost(uint32, optional, tag = "1")]
    pub value: Option<u32>,
}

/// `google.protobuf.BytesValue`, likewise with presence on the inner value.
#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct BytesValue {
    #[prost(bytes = "vec", optional, tag = "1")]
    pub value: Option<Vec<u8>>,
}
