//! TokenCreate: fungible tokens and NFT collections, every key, supply rules, custom fees
//! and token metadata.

use super::builder::{validate_memo, Builder, DataField, TransactionData};
use super::crypto::DEFAULT_AUTO_RENEW_PERIOD;
use crate::prelude::*;
use crate::{
    hbar::Hbar, id::AccountId, id::TokenId, key::Key, proto, time::Duration, time::Timestamp,
    transaction_id::TransactionId, Error, Result,
};
use proto::schedulable_transaction_body::Data as SData;
use proto::transaction_body::tag;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TokenType {
    #[default]
    FungibleCommon,
    NonFungibleUnique,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TokenSupplyType {
    #[default]
    Infinite,
    Finite,
}

/// The network's limits (TOKEN_NAME_TOO_LONG, TOKEN_SYMBOL_TOO_LONG, CUSTOM_FEES_LIST_TOO_LONG).
pub const MAX_TOKEN_NAME_BYTES: usize = 100;
pub const MAX_CUSTOM_FEES: usize = 10;
pub const MAX_TOKEN_METADATA_BYTES: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomFee {
    pub kind: FeeKind,
    pub fee_collector: AccountId,
    pub all_collectors_are_exempt: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeeKind {
    /// `denominating_token: None` charges hbar (tinybars).
    Fixed {
        amount: i64,
        denominating_token: Option<TokenId>,
    },
    /// A fraction of each transferred amount, bounded by min/max (max 0 = no maximum).
    Fractional {
        numerator: i64,
        denominator: i64,
        minimum: i64,
        maximum: i64,
        net_of_transfers: bool,
    },
    /// NFT royalty: a fraction of the fungible value exchanged, or the fallback fee when none is.
    Royalty {
        numerator: i64,
        denominator: i64,
        fallback: Option<(i64, Option<TokenId>)>,
    },
}

fn fixed_fee(amount: i64, token: &Option<TokenId>) -> proto::FixedFee {
    proto::FixedFee {
        amount: Some(amount),
        denominating_token_id: token.as_ref().map(TokenId::to_proto),
    }
}

fn fraction(numerator: i64, denominator: i64) -> proto::Fraction {
    proto::Fraction {
        numerator: Some(numerator),
        denominator: Some(denominator),
    }
}

impl CustomFee {
    pub fn to_proto(&self) -> proto::CustomFee {
        let mut fee = proto::CustomFee {
            fee_collector_account_id: Some(self.fee_collector.to_proto()),
            all_collectors_are_exempt: Some(self.all_collectors_are_exempt),
            ..Default::default()
        };
        match &self.kind {
            FeeKind::Fixed {
                amount,
                denominating_token,
            } => {
                fee.fixed_fee = Some(fixed_fee(*amount, denominating_token));
            }
            FeeKind::Fractional {
                numerator,
                denominator,
                minimum,
                maximum,
                net_of_transfers,
            } => {
                fee.fractional_fee = Some(proto::FractionalFee {
                    fractional_amount: Some(fraction(*numerator, *denominator)),
                    minimum_amount: Some(*minimum),
                    maximum_amount: Some(*maximum),
                    net_of_transfers: Some(*net_of_transfers),
                });
            }
            FeeKind::Royalty {
                numerator,
                denominator,
                fallback,
            } => {
                fee.royalty_fee = Some(proto::RoyaltyFee {
                    exchange_value_fraction: Some(fraction(*numerator, *denominator)),
                    fallback_fee: fallback
                        .as_ref()
                        .map(|(amount, token)| fixed_fee(*amount, token)),
                });
            }
        }
        fee
    }

    fn validate(&self, token_type: TokenType) -> Result<()> {
        let bad = |reason: String| Error::InvalidField {
            field: "custom_fees",
            reason,
        };
        match &self.kind {
            FeeKind::Fixed { amount, .. } if *amount <= 0 => {
                Err(bad("fixed fee must be positive".into()))
            }
            FeeKind::Fractional {
                numerator,
                denominator,
                minimum,
                maximum,
                ..
            } => {
                check_fraction(*numerator, *denominator).map_err(bad)?;
                if token_type != TokenType::FungibleCommon {
                    return Err(bad("fractional fees apply only to fungible tokens".into()));
                }
                if *minimum < 0 || *maximum < 0 || (*maximum > 0 && minimum > maximum) {
                    return Err(bad(text!(
                        "fractional fee bounds ",
                        minimum,
                        "..",
                        maximum,
                        " are invalid"
                    )));
                }
                Ok(())
            }
            FeeKind::Royalty {
                numerator,
                denominator,
                fallback,
            } => {
                check_fraction(*numerator, *denominator).map_err(bad)?;
                if token_type != TokenType::NonFungibleUnique {
                    return Err(bad("royalty fees apply only to NFTs".into()));
                }
                match fallback {
                    Some((amount, _)) if *amount <= 0 => {
                        Err(bad("fallback fee must be positive".into()))
                    }
                    _ => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }
}

fn check_fraction(numerator: i64, denominator: i64) -> core::result::Result<(), String> {
    if denominator <= 0 || numerator < 0 || numerator > denominator {
        return Err(text!(
            "fraction ",
            numerator,
            "/",
            denominator,
            " must be within 0..=1 with a positive denominator"
        ));
    }
    Ok(())
}

#[derive(Clone, Debug)]
pub struct TokenCreate {
    pub name: String,
    pub symbol: String,
    // `None` = never set: the SDK leaves such fields off the wire, so we do too.
    pub decimals: Option<u32>,
    pub initial_supply: Option<u64>,
    pub treasury: Option<AccountId>,
    pub admin_key: Option<Key>,
    pub kyc_key: Option<Key>,
    pub freeze_key: Option<Key>,
    pub wipe_key: Option<Key>,
    pub supply_key: Option<Key>,
    pub fee_schedule_key: Option<Key>,
    pub pause_key: Option<Key>,
    pub metadata_key: Option<Key>,
    pub freeze_default: Option<bool>,
    pub expiration_time: Option<Timestamp>,
    pub auto_renew_account: Option<AccountId>,
    pub auto_renew_period: Option<Duration>,
    pub token_memo: Option<String>,
    pub token_type: Option<TokenType>,
    pub supply_type: Option<TokenSupplyType>,
    pub max_supply: Option<i64>,
    pub custom_fees: Vec<CustomFee>,
    pub metadata: Option<Vec<u8>>,
}

impl Default for TokenCreate {
    fn default() -> Self {
        Self {
            name: String::new(),
            symbol: String::new(),
            decimals: None,
            initial_supply: None,
            treasury: None,
            admin_key: None,
            kyc_key: None,
            freeze_key: None,
            wipe_key: None,
            supply_key: None,
            fee_schedule_key: None,
            pause_key: None,
            metadata_key: None,
            freeze_default: None,
            expiration_time: None,
            auto_renew_account: None,
            auto_renew_period: Some(DEFAULT_AUTO_RENEW_PERIOD),
            token_memo: None,
            token_type: None,
            supply_type: None,
            max_supply: None,
            custom_fees: Vec::new(),
            metadata: None,
        }
    }
}

macro_rules! setters {
    ($($fn:ident($field:ident: $ty:ty) => $value:expr;)*) => {
        impl Builder<TokenCreate> {
            $(pub fn $fn(self, $field: $ty) -> Self {
                self.map_data(|d| d.$field = $value)
            })*
        }
    };
}

setters! {
    with_name(name: impl Into<String>) => name.into();
    with_symbol(symbol: impl Into<String>) => symbol.into();
    with_decimals(decimals: u32) => Some(decimals);
    with_initial_supply(initial_supply: u64) => Some(initial_supply);
    with_treasury(treasury: AccountId) => Some(treasury);
    with_admin_key(admin_key: impl Into<Key>) => Some(admin_key.into());
    with_kyc_key(kyc_key: impl Into<Key>) => Some(kyc_key.into());
    with_freeze_key(freeze_key: impl Into<Key>) => Some(freeze_key.into());
    with_wipe_key(wipe_key: impl Into<Key>) => Some(wipe_key.into());
    with_supply_key(supply_key: impl Into<Key>) => Some(supply_key.into());
    with_fee_schedule_key(fee_schedule_key: impl Into<Key>) => Some(fee_schedule_key.into());
    with_pause_key(pause_key: impl Into<Key>) => Some(pause_key.into());
    with_metadata_key(metadata_key: impl Into<Key>) => Some(metadata_key.into());
    with_freeze_default(freeze_default: bool) => Some(freeze_default);
    with_auto_renew_account(auto_renew_account: AccountId) => Some(auto_renew_account);
    with_auto_renew_period(auto_renew_period: Duration) => Some(auto_renew_period);
    with_token_memo(token_memo: impl Into<String>) => Some(token_memo.into());
    with_token_type(token_type: TokenType) => Some(token_type);
    with_supply_type(supply_type: TokenSupplyType) => Some(supply_type);
    with_max_supply(max_supply: i64) => Some(max_supply);
    with_custom_fees(custom_fees: Vec<CustomFee>) => custom_fees;
    with_metadata(metadata: Vec<u8>) => Some(metadata);
}

impl Builder<TokenCreate> {
    /// A fixed expiry replaces auto-renewal: the auto-renew period is cleared, as in the SDK
    /// (set the period again afterwards to have both).
    pub fn with_expiration_time(self, at: Timestamp) -> Self {
        self.map_data(|d| {
            d.expiration_time = Some(at);
            d.auto_renew_period = None;
        })
    }
}

impl TokenCreate {
    /// `payer` becomes the auto-renew account when none is set and the token auto-renews,
    /// as the SDK does at freeze.
    fn body(&self, payer: Option<&AccountId>) -> proto::TokenCreateTransactionBody {
        let key = |k: &Option<Key>| k.as_ref().map(Key::to_proto);
        proto::TokenCreateTransactionBody {
            name: Some(self.name.clone()),
            symbol: Some(self.symbol.clone()),
            decimals: self.decimals,
            initial_supply: self.initial_supply,
            treasury: self.treasury.as_ref().map(AccountId::to_proto),
            admin_key: key(&self.admin_key),
            kyc_key: key(&self.kyc_key),
            freeze_key: key(&self.freeze_key),
            wipe_key: key(&self.wipe_key),
            supply_key: key(&self.supply_key),
            freeze_default: self.freeze_default,
            expiry: self.expiration_time.map(|t| t.to_proto()),
            // Only an auto-renewing token gets the payer as default auto-renew account.
            auto_renew_account: self
                .auto_renew_account
                .as_ref()
                .or(payer.filter(|_| self.auto_renew_period.is_some()))
                .map(AccountId::to_proto),
            auto_renew_period: self.auto_renew_period.map(|d| d.to_proto()),
            memo: self.token_memo.clone(),
            token_type: self.token_type.map(|t| match t {
                TokenType::FungibleCommon => proto::TokenType::FungibleCommon as i32,
                TokenType::NonFungibleUnique => proto::TokenType::NonFungibleUnique as i32,
            }),
            supply_type: self.supply_type.map(|t| match t {
                TokenSupplyType::Infinite => proto::TokenSupplyType::Infinite as i32,
                TokenSupplyType::Finite => proto::TokenSupplyType::Finite as i32,
            }),
            max_supply: self.max_supply,
            fee_schedule_key: key(&self.fee_schedule_key),
            custom_fees: self.custom_fees.iter().map(CustomFee::to_proto).collect(),
            pause_key: key(&self.pause_key),
            metadata: self.metadata.clone(),
            metadata_key: key(&self.metadata_key),
        }
    }
}

impl TransactionData for TokenCreate {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(30)
    }

    fn validate(&self) -> Result<()> {
        let bad = |field, reason: String| Err(Error::InvalidField { field, reason });
        if self.name.is_empty() {
            return Err(Error::MissingField {
                field: "token_name",
            });
        }
        if self.symbol.is_empty() {
            return Err(Error::MissingField {
                field: "token_symbol",
            });
        }
        if self.treasury.is_none() {
            return Err(Error::MissingField {
                field: "treasury_account_id",
            });
        }
        for (field, value) in [("token_name", &self.name), ("token_symbol", &self.symbol)] {
            if value.len() > MAX_TOKEN_NAME_BYTES || value.bytes().any(|b| b == 0) {
                return bad(
                    field,
                    text!("at most ", MAX_TOKEN_NAME_BYTES, " bytes, no NUL"),
                );
            }
        }
        validate_memo(self.token_memo.as_deref().unwrap_or(""))?;
        if self
            .metadata
            .as_ref()
            .is_some_and(|m| m.len() > MAX_TOKEN_METADATA_BYTES)
        {
            return bad(
                "metadata",
                text!("at most ", MAX_TOKEN_METADATA_BYTES, " bytes"),
            );
        }
        let token_type = self.token_type.unwrap_or_default();
        let (decimals, initial_supply) =
            (self.decimals.unwrap_or(0), self.initial_supply.unwrap_or(0));
        let max_supply = self.max_supply.unwrap_or(0);
        if token_type == TokenType::NonFungibleUnique {
            if decimals != 0 || initial_supply != 0 {
                return bad(
                    "decimals",
                    "an NFT collection has 0 decimals and 0 initial supply".into(),
                );
            }
            if self.supply_key.is_none() {
                return Err(Error::MissingField {
                    field: "supply_key",
                });
            }
        }
        if initial_supply > i64::MAX as u64 {
            return bad("initial_supply", "exceeds 2^63-1".into());
        }
        match self.supply_type.unwrap_or_default() {
            TokenSupplyType::Finite if max_supply <= 0 => {
                return bad(
                    "max_supply",
                    "a finite token needs a positive max supply".into(),
                );
            }
            TokenSupplyType::Finite if initial_supply > max_supply as u64 => {
                return bad("initial_supply", "exceeds max supply".into());
            }
            TokenSupplyType::Infinite if max_supply != 0 => {
                return bad(
                    "max_supply",
                    "an infinite-supply token has no max supply".into(),
                );
            }
            _ => {}
        }
        if self.custom_fees.len() > MAX_CUSTOM_FEES {
            return bad("custom_fees", text!("at most ", MAX_CUSTOM_FEES));
        }
        for fee in &self.custom_fees {
            fee.validate(token_type)?;
        }
        Ok(())
    }

    fn chunks(&self, id: &TransactionId) -> Result<Vec<DataField>> {
        Ok(vec![DataField::new(
            tag::TokenCreation,
            &self.body(Some(&id.account_id)),
        )])
    }

    fn to_schedulable(&self) -> Result<SData> {
        Ok(SData::TokenCreation(self.body(None)))
    }
}
