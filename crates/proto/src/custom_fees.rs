//! custom_fees.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::{AccountId, Fraction, Key, TokenId};

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct FractionalFee {
    #[prost(message, optional, tag = "1")]
    pub fractional_amount: Option<Fraction>,
    #[prost(int64, optional, tag = "2")]
    pub minimum_amount: Option<i64>,
    #[prost(int64, optional, tag = "3")]
    pub maximum_amount: Option<i64>,
    #[prost(bool, optional, tag = "4")]
    pub net_of_transfers: Option<bool>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct FixedFee {
    #[prost(int64, optional, tag = "1")]
    pub amount: Option<i64>,
    #[prost(message, optional, tag = "2")]
    pub denominating_token_id: Option<TokenId>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct RoyaltyFee {
    #[prost(message, optional, tag = "1")]
    pub exchange_value_fraction: Option<Fraction>,
    #[prost(message, optional, tag = "2")]
    pub fallback_fee: Option<FixedFee>,
}

/// The proto's `oneof fee { fixed_fee = 1; fractional_fee = 2; royalty_fee = 4; }` is spelled
/// out as three optional fields here. Same wire format, but prost writes a oneof at its lowest
/// tag, which would put `royalty_fee` (4) before `fee_collector_account_id` (3); the SDK writes
/// fields in tag order, and signatures cover that order.
#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct CustomFee {
    #[prost(message, optional, tag = "1")]
    pub fixed_fee: Option<FixedFee>,
    #[prost(message, optional, tag = "2")]
    pub fractional_fee: Option<FractionalFee>,
    #[prost(message, optional, tag = "3")]
    pub fee_collector_account_id: Option<AccountId>,
    #[prost(message, optional, tag = "4")]
    pub royalty_fee: Option<RoyaltyFee>,
    #[prost(bool, optional, tag = "5")]
    pub all_collectors_are_exempt: Option<bool>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct AssessedCustomFee {
    #[prost(int64, optional, tag = "1")]
    pub amount: Option<i64>,
    #[prost(message, optional, tag = "2")]
    pub token_id: Option<TokenId>,
    #[prost(message, optional, tag = "3")]
    pub fee_collector_account_id: Option<AccountId>,
    #[prost(message, repeated, tag = "4")]
    pub effective_payer_account_id: Vec<AccountId>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct FixedCustomFee {
    #[prost(message, optional, tag = "1")]
    pub fixed_fee: Option<FixedFee>,
    #[prost(message, optional, tag = "2")]
    pub fee_collector_account_id: Option<AccountId>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct FeeExemptKeyList {
    #[prost(message, repeated, tag = "1")]
    pub keys: Vec<Key>,
}

#[derive(Clone, PartialEq, Eq, Hash, prost::Message)]
pub struct CustomFeeLimit {
    #[prost(message, optional, tag = "1")]
    pub account_id: Option<AccountId>,
    #[prost(message, repeated, tag = "2")]
    pub fees: Vec<FixedFee>,
}
