//! CryptoCreate and CryptoTransfer (hbar, fungible, NFT, approved).

use super::builder::{validate_memo, Builder, DataField, TransactionData};
use super::token_ops::TokenTransfers;
use crate::prelude::*;
use crate::{
    hbar::Hbar, id::AccountId, key::Key, proto, time::Duration, transaction_id::TransactionId,
    Error, Result,
};
use proto::schedulable_transaction_body::Data as SData;
use proto::transaction_body::tag;

/// The SDKs' default auto-renew period: 90 days.
pub const DEFAULT_AUTO_RENEW_PERIOD: Duration = Duration::from_secs(7_776_000);

#[derive(Clone, Debug)]
pub struct AccountCreate {
    pub key: Option<Key>,
    pub initial_balance: Hbar,
    pub receiver_signature_required: bool,
    /// -1 means unlimited automatic associations (HIP-904); `None` leaves the network default.
    pub max_automatic_token_associations: Option<i32>,
    pub account_memo: Option<String>,
    pub auto_renew_period: Duration,
    pub staked_node_id: Option<i64>,
    pub staked_account_id: Option<AccountId>,
    pub decline_staking_reward: bool,
    pub alias: Option<[u8; 20]>,
}

impl Default for AccountCreate {
    fn default() -> Self {
        Self {
            key: None,
            initial_balance: Hbar::ZERO,
            receiver_signature_required: false,
            max_automatic_token_associations: None,
            account_memo: None,
            auto_renew_period: DEFAULT_AUTO_RENEW_PERIOD,
            staked_node_id: None,
            staked_account_id: None,
            decline_staking_reward: false,
            alias: None,
        }
    }
}

impl Builder<AccountCreate> {
    pub fn with_key(self, key: impl Into<Key>) -> Self {
        self.map_data(|d| d.key = Some(key.into()))
    }
    pub fn with_initial_balance(self, balance: Hbar) -> Self {
        self.map_data(|d| d.initial_balance = balance)
    }
    pub fn with_receiver_signature_required(self, required: bool) -> Self {
        self.map_data(|d| d.receiver_signature_required = required)
    }
    pub fn with_max_automatic_token_associations(self, max: i32) -> Self {
        self.map_data(|d| d.max_automatic_token_associations = Some(max))
    }
    pub fn with_account_memo(self, memo: impl Into<String>) -> Self {
        self.map_data(|d| d.account_memo = Some(memo.into()))
    }
    pub fn with_auto_renew_period(self, period: Duration) -> Self {
        self.map_data(|d| d.auto_renew_period = period)
    }
    pub fn with_staked_node_id(self, node: i64) -> Self {
        self.map_data(|d| d.staked_node_id = Some(node))
    }
    pub fn with_decline_staking_reward(self, decline: bool) -> Self {
        self.map_data(|d| d.decline_staking_reward = decline)
    }
    pub fn with_alias(self, evm_address: [u8; 20]) -> Self {
        self.map_data(|d| d.alias = Some(evm_address))
    }
}

impl AccountCreate {
    fn body(&self) -> proto::CryptoCreateTransactionBody {
        use proto::crypto_create_transaction_body::StakedId;
        proto::CryptoCreateTransactionBody {
            key: self.key.as_ref().map(Key::to_proto),
            initial_balance: Some(self.initial_balance.to_tinybars() as u64),
            // Deprecated thresholds the SDKs still send as "never" (i64::MAX); kept for
            // byte-identical bodies.
            send_record_threshold: Some(i64::MAX as u64),
            receive_record_threshold: Some(i64::MAX as u64),
            receiver_sig_required: Some(self.receiver_signature_required),
            auto_renew_period: Some(self.auto_renew_period.to_proto()),
            memo: self.account_memo.clone(),
            max_automatic_token_associations: self.max_automatic_token_associations,
            staked_id: match (&self.staked_account_id, self.staked_node_id) {
                (Some(a), _) => Some(StakedId::StakedAccountId(a.to_proto())),
                (None, Some(n)) => Some(StakedId::StakedNodeId(n)),
                (None, None) => None,
            },
            decline_reward: Some(self.decline_staking_reward),
            alias: self.alias.map(|a| a.to_vec()),
            ..Default::default()
        }
    }
}

impl TransactionData for AccountCreate {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(2)
    }

    fn validate(&self) -> Result<()> {
        if self.key.is_none() && self.alias.is_none() {
            return Err(Error::MissingField { field: "key" });
        }
        if self.initial_balance.to_tinybars() < 0 {
            return Err(Error::InvalidField {
                field: "initial_balance",
                reason: "negative".into(),
            });
        }
        if self.max_automatic_token_associations.unwrap_or(0) < -1 {
            return Err(Error::InvalidField {
                field: "max_automatic_token_associations",
                reason: "must be -1 (unlimited) or more".into(),
            });
        }
        validate_memo(self.account_memo.as_deref().unwrap_or(""))
    }

    fn chunks(&self, _: &TransactionId) -> Result<Vec<DataField>> {
        Ok(vec![DataField::new(tag::CryptoCreateAccount, &self.body())])
    }

    fn to_schedulable(&self) -> Result<SData> {
        Ok(SData::CryptoCreateAccount(self.body()))
    }
}

/// Hbar and token movements in one atomic transfer.
#[derive(Clone, Debug, Default)]
pub struct Transfer {
    /// (account, tinybars, approved); repeated accounts are merged as the SDK does.
    pub hbar: Vec<(AccountId, i64, bool)>,
    pub tokens: TokenTransfers,
}

impl Builder<Transfer> {
    pub fn with_hbar_transfer(self, account: AccountId, amount: Hbar) -> Self {
        self.map_data(|d| merge(&mut d.hbar, account, amount.to_tinybars(), false))
    }
    /// Spends an allowance the owner granted to the payer.
    pub fn with_approved_hbar_transfer(self, owner: AccountId, amount: Hbar) -> Self {
        self.map_data(|d| merge(&mut d.hbar, owner, amount.to_tinybars(), true))
    }
}

impl super::token_ops::WithTokenTransfers for Transfer {
    fn tokens(&mut self) -> &mut TokenTransfers {
        &mut self.tokens
    }
}

pub(crate) fn merge(
    list: &mut Vec<(AccountId, i64, bool)>,
    account: AccountId,
    amount: i64,
    approved: bool,
) {
    match list
        .iter_mut()
        .find(|(a, _, ap)| *a == account && *ap == approved)
    {
        Some(entry) => entry.1 = entry.1.saturating_add(amount),
        None => list.push((account, amount, approved)),
    }
}

pub(crate) fn account_amounts(list: &[(AccountId, i64, bool)]) -> Vec<proto::AccountAmount> {
    let mut sorted = list.to_vec();
    super::order::sort_by(&mut sorted, |a, b| a.0 < b.0);
    sorted
        .iter()
        .map(|(account, amount, approved)| proto::AccountAmount {
            account_id: Some(account.to_proto()),
            amount: Some(*amount),
            is_approval: Some(*approved),
        })
        .collect()
}

pub(crate) fn check_balanced(list: &[(AccountId, i64, bool)], what: &str) -> Result<()> {
    let sum: i128 = list.iter().map(|(_, amount, _)| *amount as i128).sum();
    if sum != 0 {
        return Err(Error::UnbalancedTransfer {
            reason: text!(what, " transfers sum to ", sum, ", not 0"),
        });
    }
    Ok(())
}

impl Transfer {
    fn body(&self) -> proto::CryptoTransferTransactionBody {
        proto::CryptoTransferTransactionBody {
            transfers: Some(proto::TransferList {
                account_amounts: account_amounts(&self.hbar),
            }),
            token_transfers: self.tokens.to_proto(),
        }
    }
}

impl TransactionData for Transfer {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(1)
    }

    fn validate(&self) -> Result<()> {
        if self.hbar.is_empty() && self.tokens.is_empty() {
            return Err(Error::UnbalancedTransfer {
                reason: "no transfers".into(),
            });
        }
        check_balanced(&self.hbar, "hbar")?;
        self.tokens.validate()
    }

    fn chunks(&self, _: &TransactionId) -> Result<Vec<DataField>> {
        Ok(vec![DataField::new(tag::CryptoTransfer, &self.body())])
    }

    fn to_schedulable(&self) -> Result<SData> {
        Ok(SData::CryptoTransfer(self.body()))
    }
}
