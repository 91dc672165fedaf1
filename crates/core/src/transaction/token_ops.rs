//! Token operations after creation: association, supply, compliance flags, NFT metadata
//! updates (HIP-657), airdrops (HIP-904) and rejection.

use super::builder::{Builder, DataField, TransactionData};
use super::crypto::{account_amounts, check_balanced, merge};
use crate::prelude::*;
use crate::{
    hbar::Hbar, id::AccountId, id::NftId, id::TokenId, proto, transaction_id::TransactionId, Error,
    Result,
};
use proto::schedulable_transaction_body::Data as SData;
use proto::transaction_body::tag;

/// The network's limits on list sizes, checked before anything is sent.
pub const MAX_AIRDROP_TRANSFERS: usize = 10;
pub const MAX_PENDING_AIRDROPS: usize = 10;
pub const MAX_NFT_METADATA_BYTES: usize = 100;
pub const MAX_MINT_BATCH: usize = 10;

/// Token movements grouped per token, shared by CryptoTransfer and TokenAirdrop.
#[derive(Clone, Debug, Default)]
pub struct TokenTransfers {
    pub lists: Vec<TokenTransferList>,
}

#[derive(Clone, Debug)]
pub struct TokenTransferList {
    pub token_id: TokenId,
    pub expected_decimals: Option<u32>,
    pub fungible: Vec<(AccountId, i64, bool)>,
    /// (serial, sender, receiver, approved)
    pub nfts: Vec<(u64, AccountId, AccountId, bool)>,
}

impl TokenTransfers {
    fn list(&mut self, token: TokenId) -> &mut TokenTransferList {
        if let Some(i) = self.lists.iter().position(|l| l.token_id == token) {
            return &mut self.lists[i];
        }
        self.lists.push(TokenTransferList {
            token_id: token,
            expected_decimals: None,
            fungible: vec![],
            nfts: vec![],
        });
        self.lists.last_mut().expect("just pushed")
    }

    pub fn add_fungible(
        &mut self,
        token: TokenId,
        account: AccountId,
        amount: i64,
        approved: bool,
        decimals: Option<u32>,
    ) {
        let list = self.list(token);
        if decimals.is_some() {
            list.expected_decimals = decimals;
        }
        merge(&mut list.fungible, account, amount, approved);
    }

    pub fn add_nft(&mut self, nft: NftId, sender: AccountId, receiver: AccountId, approved: bool) {
        self.list(nft.token_id)
            .nfts
            .push((nft.serial, sender, receiver, approved));
    }

    pub fn is_empty(&self) -> bool {
        self.lists
            .iter()
            .all(|l| l.fungible.is_empty() && l.nfts.is_empty())
    }

    /// Fungible balance adjustments plus NFT movements: what the airdrop limit counts.
    pub fn movement_count(&self) -> usize {
        self.lists
            .iter()
            .map(|l| l.fungible.len() + l.nfts.len())
            .sum()
    }

    pub fn validate(&self) -> Result<()> {
        for list in &self.lists {
            check_balanced(&list.fungible, &text!("token ", list.token_id))?;
            for (serial, sender, receiver, _) in &list.nfts {
                if sender == receiver {
                    return Err(Error::UnbalancedTransfer {
                        reason: text!(
                            "NFT ",
                            list.token_id,
                            "/",
                            serial,
                            " is sent to its own sender"
                        ),
                    });
                }
                if *serial == 0 || *serial > i64::MAX as u64 {
                    return Err(Error::InvalidField {
                        field: "serial_number",
                        reason: text!(serial),
                    });
                }
            }
            if !list.fungible.is_empty() && !list.nfts.is_empty() {
                return Err(Error::InvalidField {
                    field: "token_transfers",
                    reason: text!(
                        "token ",
                        list.token_id,
                        " has both fungible and NFT transfers"
                    ),
                });
            }
        }
        Ok(())
    }

    /// Sorted as the SDK sorts them (tokens, then accounts / sender, receiver, serial), so the
    /// same transfers always produce the same bytes whatever order they were added in.
    pub fn to_proto(&self) -> Vec<proto::TokenTransferList> {
        let mut lists: Vec<&TokenTransferList> = self.lists.iter().collect();
        super::order::sort_by(&mut lists, |a, b| a.token_id < b.token_id);
        lists
            .into_iter()
            .map(|l| {
                let mut nfts = l.nfts.clone();
                super::order::sort_by(&mut nfts, |a, b| (&a.1, &a.2, a.0) < (&b.1, &b.2, b.0));
                proto::TokenTransferList {
                    token: Some(l.token_id.to_proto()),
                    transfers: account_amounts(&l.fungible),
                    nft_transfers: nfts
                        .iter()
                        .map(|(serial, sender, receiver, approved)| proto::NftTransfer {
                            sender_account_id: Some(sender.to_proto()),
                            receiver_account_id: Some(receiver.to_proto()),
                            serial_number: Some(*serial as i64),
                            is_approval: Some(*approved),
                        })
                        .collect(),
                    expected_decimals: l
                        .expected_decimals
                        .map(|d| proto::UInt32Value { value: Some(d) }),
                }
            })
            .collect()
    }
}

/// A body that carries [`TokenTransfers`].
pub trait WithTokenTransfers: TransactionData {
    fn tokens(&mut self) -> &mut TokenTransfers;
}

/// The token and NFT transfer setters of the builders whose body has [`TokenTransfers`]
/// (CryptoTransfer, TokenAirdrop).
impl<D: WithTokenTransfers> Builder<D> {
    pub fn with_token_transfer(self, token: TokenId, account: AccountId, amount: i64) -> Self {
        self.map_data(|d| d.tokens().add_fungible(token, account, amount, false, None))
    }
    pub fn with_token_transfer_with_decimals(
        self,
        token: TokenId,
        account: AccountId,
        amount: i64,
        decimals: u32,
    ) -> Self {
        self.map_data(|d| {
            d.tokens()
                .add_fungible(token, account, amount, false, Some(decimals))
        })
    }
    pub fn with_approved_token_transfer(
        self,
        token: TokenId,
        owner: AccountId,
        amount: i64,
    ) -> Self {
        self.map_data(|d| d.tokens().add_fungible(token, owner, amount, true, None))
    }
    pub fn with_nft_transfer(self, nft: NftId, sender: AccountId, receiver: AccountId) -> Self {
        self.map_data(|d| d.tokens().add_nft(nft, sender, receiver, false))
    }
    pub fn with_approved_nft_transfer(
        self,
        nft: NftId,
        sender: AccountId,
        receiver: AccountId,
    ) -> Self {
        self.map_data(|d| d.tokens().add_nft(nft, sender, receiver, true))
    }
}

/// Implements `TransactionData` for a type from its body builder, default fee and variants.
macro_rules! data_impl {
    ($ty:ty, $fee:expr, $variant:ident, $svariant:ident) => {
        impl TransactionData for $ty {
            fn default_max_fee(&self) -> Hbar {
                $fee
            }
            fn validate(&self) -> Result<()> {
                self.check()
            }
            fn chunks(&self, _: &TransactionId) -> Result<Vec<DataField>> {
                Ok(vec![DataField::new(tag::$variant, &self.body())])
            }
            fn to_schedulable(&self) -> Result<SData> {
                Ok(SData::$svariant(self.body()))
            }
        }
    };
}

fn required<T: Clone>(value: &Option<T>, field: &'static str) -> Result<T> {
    value.clone().ok_or(Error::MissingField { field })
}

/// Associate and dissociate share a shape: an account and the tokens.
macro_rules! association {
    ($name:ident, $body:ident, $variant:ident) => {
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            pub account_id: Option<AccountId>,
            pub token_ids: Vec<TokenId>,
        }
        impl Builder<$name> {
            pub fn with_account_id(self, account: AccountId) -> Self {
                self.map_data(|d| d.account_id = Some(account))
            }
            pub fn with_token_ids(self, tokens: impl IntoIterator<Item = TokenId>) -> Self {
                self.map_data(|d| d.token_ids = tokens.into_iter().collect())
            }
        }
        impl $name {
            fn check(&self) -> Result<()> {
                required(&self.account_id, "account_id")?;
                if self.token_ids.is_empty() {
                    return Err(Error::MissingField { field: "token_ids" });
                }
                Ok(())
            }
            fn body(&self) -> proto::$body {
                proto::$body {
                    account: self.account_id.as_ref().map(AccountId::to_proto),
                    tokens: self.token_ids.iter().map(TokenId::to_proto).collect(),
                }
            }
        }
        data_impl!($name, Hbar::new(5), $variant, $variant);
    };
}
association!(
    TokenAssociate,
    TokenAssociateTransactionBody,
    TokenAssociate
);
association!(
    TokenDissociate,
    TokenDissociateTransactionBody,
    TokenDissociate
);

/// Freeze, unfreeze, grant KYC and revoke KYC: a token and an account.
macro_rules! token_account {
    ($name:ident, $body:ident, $variant:ident) => {
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            pub token_id: Option<TokenId>,
            pub account_id: Option<AccountId>,
        }
        impl Builder<$name> {
            pub fn with_token_id(self, token: TokenId) -> Self {
                self.map_data(|d| d.token_id = Some(token))
            }
            pub fn with_account_id(self, account: AccountId) -> Self {
                self.map_data(|d| d.account_id = Some(account))
            }
        }
        impl $name {
            fn check(&self) -> Result<()> {
                required(&self.token_id, "token_id")?;
                required(&self.account_id, "account_id")?;
                Ok(())
            }
            fn body(&self) -> proto::$body {
                proto::$body {
                    token: self.token_id.as_ref().map(TokenId::to_proto),
                    account: self.account_id.as_ref().map(AccountId::to_proto),
                }
            }
        }
        data_impl!($name, Hbar::new(2), $variant, $variant);
    };
}
token_account!(TokenFreeze, TokenFreezeAccountTransactionBody, TokenFreeze);
token_account!(
    TokenUnfreeze,
    TokenUnfreezeAccountTransactionBody,
    TokenUnfreeze
);
token_account!(TokenGrantKyc, TokenGrantKycTransactionBody, TokenGrantKyc);
token_account!(
    TokenRevokeKyc,
    TokenRevokeKycTransactionBody,
    TokenRevokeKyc
);

/// Pause and unpause: only the token.
macro_rules! token_only {
    ($name:ident, $body:ident, $variant:ident) => {
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            pub token_id: Option<TokenId>,
        }
        impl Builder<$name> {
            pub fn with_token_id(self, token: TokenId) -> Self {
                self.map_data(|d| d.token_id = Some(token))
            }
        }
        impl $name {
            fn check(&self) -> Result<()> {
                required(&self.token_id, "token_id").map(drop)
            }
            fn body(&self) -> proto::$body {
                proto::$body {
                    token: self.token_id.as_ref().map(TokenId::to_proto),
                }
            }
        }
        data_impl!($name, Hbar::new(2), $variant, $variant);
    };
}
token_only!(TokenPause, TokenPauseTransactionBody, TokenPause);
token_only!(TokenUnpause, TokenUnpauseTransactionBody, TokenUnpause);

/// Mints fungible units (`amount`) or NFTs (one per `metadata` entry), never both.
#[derive(Clone, Debug, Default)]
pub struct TokenMint {
    pub token_id: Option<TokenId>,
    /// `None` (not `Some(0)`) when unset, as the SDK leaves it off the wire.
    pub amount: Option<u64>,
    pub metadata: Vec<Vec<u8>>,
}

impl Builder<TokenMint> {
    pub fn with_token_id(self, token: TokenId) -> Self {
        self.map_data(|d| d.token_id = Some(token))
    }
    pub fn with_amount(self, amount: u64) -> Self {
        self.map_data(|d| d.amount = Some(amount))
    }
    pub fn with_metadata(self, metadata: impl IntoIterator<Item = Vec<u8>>) -> Self {
        self.map_data(|d| d.metadata = metadata.into_iter().collect())
    }
    pub fn add_metadata(self, metadata: Vec<u8>) -> Self {
        self.map_data(|d| d.metadata.push(metadata))
    }
}

impl TokenMint {
    fn check(&self) -> Result<()> {
        required(&self.token_id, "token_id")?;
        if self.amount.unwrap_or(0) > 0 && !self.metadata.is_empty() {
            return Err(Error::InvalidField {
                field: "amount",
                reason: "set either amount or metadata, not both".into(),
            });
        }
        if self.metadata.len() > MAX_MINT_BATCH {
            return Err(Error::InvalidField {
                field: "metadata",
                reason: text!(
                    self.metadata.len(),
                    " NFTs in one mint, at most ",
                    MAX_MINT_BATCH
                ),
            });
        }
        if let Some(m) = self
            .metadata
            .iter()
            .find(|m| m.len() > MAX_NFT_METADATA_BYTES)
        {
            return Err(Error::InvalidField {
                field: "metadata",
                reason: text!(m.len(), " bytes, at most ", MAX_NFT_METADATA_BYTES),
            });
        }
        Ok(())
    }
    fn body(&self) -> proto::TokenMintTransactionBody {
        proto::TokenMintTransactionBody {
            token: self.token_id.as_ref().map(TokenId::to_proto),
            amount: self.amount,
            metadata: self.metadata.clone(),
        }
    }
}
data_impl!(TokenMint, Hbar::new(2), TokenMint, TokenMint);

/// Burns fungible units from the treasury, or NFTs by serial.
#[derive(Clone, Debug, Default)]
pub struct TokenBurn {
    pub token_id: Option<TokenId>,
    pub amount: Option<u64>,
    pub serials: Vec<i64>,
}

impl Builder<TokenBurn> {
    pub fn with_token_id(self, token: TokenId) -> Self {
        self.map_data(|d| d.token_id = Some(token))
    }
    pub fn with_amount(self, amount: u64) -> Self {
        self.map_data(|d| d.amount = Some(amount))
    }
    pub fn with_serials(self, serials: impl IntoIterator<Item = i64>) -> Self {
        self.map_data(|d| d.serials = serials.into_iter().collect())
    }
}

impl TokenBurn {
    fn check(&self) -> Result<()> {
        required(&self.token_id, "token_id")?;
        check_amount_or_serials(self.amount.unwrap_or(0), &self.serials)
    }
    fn body(&self) -> proto::TokenBurnTransactionBody {
        proto::TokenBurnTransactionBody {
            token: self.token_id.as_ref().map(TokenId::to_proto),
            amount: self.amount,
            serial_numbers: self.serials.clone(),
        }
    }
}
data_impl!(TokenBurn, Hbar::new(2), TokenBurn, TokenBurn);

fn check_amount_or_serials(amount: u64, serials: &[i64]) -> Result<()> {
    if amount > 0 && !serials.is_empty() {
        return Err(Error::InvalidField {
            field: "amount",
            reason: "set either amount or serials, not both".into(),
        });
    }
    if let Some(s) = serials.iter().find(|s| **s <= 0) {
        return Err(Error::InvalidField {
            field: "serial_number",
            reason: text!(s, " is not positive"),
        });
    }
    Ok(())
}

/// Removes units or NFTs from an account (with the token's wipe key).
#[derive(Clone, Debug, Default)]
pub struct TokenWipe {
    pub token_id: Option<TokenId>,
    pub account_id: Option<AccountId>,
    pub amount: Option<u64>,
    pub serials: Vec<i64>,
}

impl Builder<TokenWipe> {
    pub fn with_token_id(self, token: TokenId) -> Self {
        self.map_data(|d| d.token_id = Some(token))
    }
    pub fn with_account_id(self, account: AccountId) -> Self {
        self.map_data(|d| d.account_id = Some(account))
    }
    pub fn with_amount(self, amount: u64) -> Self {
        self.map_data(|d| d.amount = Some(amount))
    }
    pub fn with_serials(self, serials: impl IntoIterator<Item = i64>) -> Self {
        self.map_data(|d| d.serials = serials.into_iter().collect())
    }
}

impl TokenWipe {
    fn check(&self) -> Result<()> {
        required(&self.token_id, "token_id")?;
        required(&self.account_id, "account_id")?;
        check_amount_or_serials(self.amount.unwrap_or(0), &self.serials)
    }
    fn body(&self) -> proto::TokenWipeAccountTransactionBody {
        proto::TokenWipeAccountTransactionBody {
            token: self.token_id.as_ref().map(TokenId::to_proto),
            account: self.account_id.as_ref().map(AccountId::to_proto),
            amount: self.amount,
            serial_numbers: self.serials.clone(),
        }
    }
}
data_impl!(TokenWipe, Hbar::new(2), TokenWipe, TokenWipe);

/// HIP-657: replaces the metadata of existing NFTs (needs the token's metadata key).
#[derive(Clone, Debug, Default)]
pub struct TokenUpdateNfts {
    pub token_id: Option<TokenId>,
    pub serials: Vec<i64>,
    pub metadata: Option<Vec<u8>>,
}

impl Builder<TokenUpdateNfts> {
    pub fn with_token_id(self, token: TokenId) -> Self {
        self.map_data(|d| d.token_id = Some(token))
    }
    pub fn with_serials(self, serials: impl IntoIterator<Item = i64>) -> Self {
        self.map_data(|d| d.serials = serials.into_iter().collect())
    }
    pub fn with_metadata(self, metadata: Vec<u8>) -> Self {
        self.map_data(|d| d.metadata = Some(metadata))
    }
}

impl TokenUpdateNfts {
    fn check(&self) -> Result<()> {
        required(&self.token_id, "token_id")?;
        if self.serials.is_empty() {
            return Err(Error::MissingField { field: "serials" });
        }
        check_amount_or_serials(0, &self.serials)?;
        if self
            .metadata
            .as_ref()
            .is_some_and(|m| m.len() > MAX_NFT_METADATA_BYTES)
        {
            return Err(Error::InvalidField {
                field: "metadata",
                reason: text!("at most ", MAX_NFT_METADATA_BYTES, " bytes"),
            });
        }
        Ok(())
    }
    fn body(&self) -> proto::TokenUpdateNftsTransactionBody {
        proto::TokenUpdateNftsTransactionBody {
            token: self.token_id.as_ref().map(TokenId::to_proto),
            serial_numbers: self.serials.clone(),
            metadata: self
                .metadata
                .clone()
                .map(|m| proto::BytesValue { value: Some(m) }),
        }
    }
}
data_impl!(
    TokenUpdateNfts,
    Hbar::new(2),
    TokenUpdateNfts,
    TokenUpdateNfts
);

/// HIP-904: sends tokens; receivers without a free association slot get a pending airdrop.
#[derive(Clone, Debug, Default)]
pub struct TokenAirdrop {
    pub tokens: TokenTransfers,
}

impl WithTokenTransfers for TokenAirdrop {
    fn tokens(&mut self) -> &mut TokenTransfers {
        &mut self.tokens
    }
}

impl TokenAirdrop {
    fn check(&self) -> Result<()> {
        if self.tokens.is_empty() {
            return Err(Error::UnbalancedTransfer {
                reason: "no transfers".into(),
            });
        }
        let count = self.tokens.movement_count();
        if count > MAX_AIRDROP_TRANSFERS {
            return Err(Error::InvalidField {
                field: "token_transfers",
                reason: text!(count, " airdrop transfers, at most ", MAX_AIRDROP_TRANSFERS),
            });
        }
        self.tokens.validate()
    }
    fn body(&self) -> proto::TokenAirdropTransactionBody {
        proto::TokenAirdropTransactionBody {
            token_transfers: self.tokens.to_proto(),
        }
    }
}
data_impl!(TokenAirdrop, Hbar::new(2), TokenAirdrop, TokenAirdrop);

/// A pending airdrop: what claim and cancel refer to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PendingAirdropId {
    pub sender: AccountId,
    pub receiver: AccountId,
    pub token_id: TokenId,
    /// `Some` for an NFT.
    pub serial: Option<u64>,
}

impl PendingAirdropId {
    pub fn to_proto(&self) -> proto::PendingAirdropId {
        use proto::pending_airdrop_id::TokenReference as R;
        proto::PendingAirdropId {
            sender_id: Some(self.sender.to_proto()),
            receiver_id: Some(self.receiver.to_proto()),
            token_reference: Some(match self.serial {
                None => R::FungibleTokenType(self.token_id.to_proto()),
                Some(serial) => R::NonFungibleToken(NftId::new(self.token_id, serial).to_proto()),
            }),
        }
    }
}

/// Claim and cancel take the same list of pending airdrops.
macro_rules! pending_airdrops {
    ($name:ident, $body:ident, $variant:ident) => {
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            pub pending_airdrops: Vec<PendingAirdropId>,
        }
        impl Builder<$name> {
            pub fn with_pending_airdrops(
                self,
                ids: impl IntoIterator<Item = PendingAirdropId>,
            ) -> Self {
                self.map_data(|d| d.pending_airdrops = ids.into_iter().collect())
            }
            pub fn add_pending_airdrop(self, id: PendingAirdropId) -> Self {
                self.map_data(|d| d.pending_airdrops.push(id))
            }
        }
        impl $name {
            fn check(&self) -> Result<()> {
                let n = self.pending_airdrops.len();
                if n == 0 {
                    return Err(Error::MissingField {
                        field: "pending_airdrops",
                    });
                }
                if n > MAX_PENDING_AIRDROPS {
                    return Err(Error::InvalidField {
                        field: "pending_airdrops",
                        reason: text!(n, " pending airdrops, at most ", MAX_PENDING_AIRDROPS),
                    });
                }
                if super::order::has_duplicates(&self.pending_airdrops) {
                    return Err(Error::InvalidField {
                        field: "pending_airdrops",
                        reason: "duplicate entries".into(),
                    });
                }
                Ok(())
            }
            fn body(&self) -> proto::$body {
                proto::$body {
                    pending_airdrops: self
                        .pending_airdrops
                        .iter()
                        .map(PendingAirdropId::to_proto)
                        .collect(),
                }
            }
        }
        data_impl!($name, Hbar::new(2), $variant, $variant);
    };
}
pending_airdrops!(
    TokenClaimAirdrop,
    TokenClaimAirdropTransactionBody,
    TokenClaimAirdrop
);
pending_airdrops!(
    TokenCancelAirdrop,
    TokenCancelAirdropTransactionBody,
    TokenCancelAirdrop
);

/// Returns unwanted tokens or NFTs to their treasury (HIP-904), fees paid by the owner.
#[derive(Clone, Debug, Default)]
pub struct TokenReject {
    pub owner: Option<AccountId>,
    pub token_ids: Vec<TokenId>,
    pub nft_ids: Vec<NftId>,
}

impl Builder<TokenReject> {
    pub fn with_owner(self, owner: AccountId) -> Self {
        self.map_data(|d| d.owner = Some(owner))
    }
    pub fn with_token_ids(self, tokens: impl IntoIterator<Item = TokenId>) -> Self {
        self.map_data(|d| d.token_ids = tokens.into_iter().collect())
    }
    pub fn with_nft_ids(self, nfts: impl IntoIterator<Item = NftId>) -> Self {
        self.map_data(|d| d.nft_ids = nfts.into_iter().collect())
    }
}

impl TokenReject {
    fn check(&self) -> Result<()> {
        let n = self.token_ids.len() + self.nft_ids.len();
        if n == 0 {
            return Err(Error::MissingField { field: "token_ids" });
        }
        if n > MAX_AIRDROP_TRANSFERS {
            return Err(Error::InvalidField {
                field: "token_ids",
                reason: text!(n, " references, at most ", MAX_AIRDROP_TRANSFERS),
            });
        }
        Ok(())
    }
    fn body(&self) -> proto::TokenRejectTransactionBody {
        use proto::token_reference::TokenIdentifier as T;
        let fungible = self
            .token_ids
            .iter()
            .map(|t| T::FungibleToken(t.to_proto()));
        let nfts = self.nft_ids.iter().map(|n| T::Nft(n.to_proto()));
        proto::TokenRejectTransactionBody {
            owner: self.owner.as_ref().map(AccountId::to_proto),
            rejections: fungible
                .chain(nfts)
                .map(|t| proto::TokenReference {
                    token_identifier: Some(t),
                })
                .collect(),
        }
    }
}
data_impl!(TokenReject, Hbar::new(2), TokenReject, TokenReject);
