//! What one handled transaction did, in the terms the mirror node reports: the record stream a
//! real node writes and a mirror importer reads. The ledger collects the changes while it
//! handles a transaction and emits one `Record` per consensus timestamp.

use hedera_proto::services::{self as hp, transaction_body::Data, ResponseCodeEnum as Code};
use std::collections::BTreeMap;

/// One NFT changing hands; `None` is the mint side or the burn/wipe side.
#[derive(Clone, Debug, PartialEq)]
pub struct NftMove {
    pub token: u64,
    pub serial: i64,
    pub from: Option<u64>,
    pub to: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TopicMessage {
    pub topic: u64,
    pub sequence_number: u64,
    pub running_hash: Vec<u8>,
    pub message: Vec<u8>,
    /// (initial transaction id, number, total) for chunked messages.
    pub chunk: Option<(hp::TransactionId, i32, i32)>,
}

/// The balance changes of the transaction being handled, summed per account as the mirror
/// lists them.
#[derive(Clone, Debug, Default)]
pub struct Changes {
    pub hbar: BTreeMap<u64, i64>,
    pub tokens: BTreeMap<(u64, u64), i64>,
    pub nfts: Vec<NftMove>,
    pub message: Option<TopicMessage>,
}

#[derive(Clone, Debug)]
pub struct Record {
    pub consensus: i128,
    pub transaction_id: hp::TransactionId,
    pub name: &'static str,
    pub result: Code,
    pub node: u64,
    pub memo: String,
    pub max_fee: u64,
    pub valid_duration_seconds: i64,
    pub charged_fee: u64,
    /// SHA-384 of the signed transaction bytes (empty for a scheduled execution).
    pub hash: Vec<u8>,
    /// The account, token, topic or schedule the transaction created or acted on.
    pub entity: Option<u64>,
    pub scheduled: bool,
    pub transfers: Vec<(u64, i64)>,
    /// (token, account, amount)
    pub token_transfers: Vec<(u64, u64, i64)>,
    pub nft_transfers: Vec<NftMove>,
    pub message: Option<TopicMessage>,
}

impl Record {
    pub fn payer(&self) -> u64 {
        match self
            .transaction_id
            .account_id
            .as_ref()
            .and_then(|a| a.account.as_ref())
        {
            Some(hp::account_id::Account::AccountNum(n)) => *n as u64,
            _ => 0,
        }
    }

    /// Every account the transaction moved value to or from (the mirror's `account.id` filter).
    pub fn touches(&self, account: u64) -> bool {
        self.payer() == account
            || self.transfers.iter().any(|(a, _)| *a == account)
            || self.token_transfers.iter().any(|(_, a, _)| *a == account)
            || self
                .nft_transfers
                .iter()
                .any(|m| m.from == Some(account) || m.to == Some(account))
    }
}

fn account(n: u64) -> hp::AccountId {
    hp::AccountId {
        shard_num: 0,
        realm_num: 0,
        account: Some(hp::account_id::Account::AccountNum(n as i64)),
    }
}

fn token(n: u64) -> hp::TokenId {
    hp::TokenId {
        shard_num: 0,
        realm_num: 0,
        token_num: n as i64,
    }
}

impl Record {
    /// The HAPI `TransactionRecord` a node answers `getTxRecordByTxID` with.
    pub fn to_proto(&self, receipt: &hp::TransactionReceipt) -> hp::TransactionRecord {
        let mut lists: BTreeMap<u64, hp::TokenTransferList> = BTreeMap::new();
        for (t, a, amount) in &self.token_transfers {
            lists
                .entry(*t)
                .or_insert_with(|| hp::TokenTransferList {
                    token: Some(token(*t)),
                    ..Default::default()
                })
                .transfers
                .push(hp::AccountAmount {
                    account_id: Some(account(*a)),
                    amount: *amount,
                    is_approval: false,
                });
        }
        for m in &self.nft_transfers {
            lists
                .entry(m.token)
                .or_insert_with(|| hp::TokenTransferList {
                    token: Some(token(m.token)),
                    ..Default::default()
                })
                .nft_transfers
                .push(hp::NftTransfer {
                    // Mint and burn show the zero account, as on Hedera.
                    sender_account_id: Some(account(m.from.unwrap_or(0))),
                    receiver_account_id: Some(account(m.to.unwrap_or(0))),
                    serial_number: m.serial,
                    is_approval: false,
                });
        }
        hp::TransactionRecord {
            receipt: Some(receipt.clone()),
            transaction_hash: self.hash.clone(),
            consensus_timestamp: Some(hp::Timestamp {
                seconds: self.consensus.div_euclid(1_000_000_000) as i64,
                nanos: self.consensus.rem_euclid(1_000_000_000) as i32,
            }),
            transaction_id: Some(self.transaction_id.clone()),
            memo: self.memo.clone(),
            transaction_fee: self.charged_fee,
            transfer_list: Some(hp::TransferList {
                account_amounts: self
                    .transfers
                    .iter()
                    .map(|(a, amount)| hp::AccountAmount {
                        account_id: Some(account(*a)),
                        amount: *amount,
                        is_approval: false,
                    })
                    .collect(),
            }),
            token_transfer_lists: lists.into_values().collect(),
            ..Default::default()
        }
    }
}

/// Hbar transfers, token transfers (token, account, amount) and NFT moves.
pub type Lists = (Vec<(u64, i64)>, Vec<(u64, u64, i64)>, Vec<NftMove>);

impl Changes {
    pub fn into_lists(self) -> Lists {
        let hbar = self.hbar.into_iter().filter(|(_, a)| *a != 0).collect();
        let tokens = self
            .tokens
            .into_iter()
            .filter(|(_, a)| *a != 0)
            .map(|((t, a), amount)| (t, a, amount))
            .collect();
        (hbar, tokens, self.nfts)
    }
}

/// The mirror's `name` for a transaction type (its TransactionTypes enum).
pub fn name(data: &Data) -> &'static str {
    match data {
        Data::CryptoCreateAccount(_) => "CRYPTOCREATEACCOUNT",
        Data::CryptoTransfer(_) => "CRYPTOTRANSFER",
        Data::TokenCreation(_) => "TOKENCREATION",
        Data::TokenAssociate(_) => "TOKENASSOCIATE",
        Data::TokenDissociate(_) => "TOKENDISSOCIATE",
        Data::TokenMint(_) => "TOKENMINT",
        Data::TokenBurn(_) => "TOKENBURN",
        Data::TokenWipe(_) => "TOKENWIPE",
        Data::TokenFreeze(_) => "TOKENFREEZE",
        Data::TokenUnfreeze(_) => "TOKENUNFREEZE",
        Data::TokenGrantKyc(_) => "TOKENGRANTKYC",
        Data::TokenRevokeKyc(_) => "TOKENREVOKEKYC",
        Data::TokenPause(_) => "TOKENPAUSE",
        Data::TokenUnpause(_) => "TOKENUNPAUSE",
        Data::TokenUpdateNfts(_) => "TOKENUPDATENFTS",
        Data::ConsensusCreateTopic(_) => "CONSENSUSCREATETOPIC",
        Data::ConsensusSubmitMessage(_) => "CONSENSUSSUBMITMESSAGE",
        Data::ScheduleCreate(_) => "SCHEDULECREATE",
        Data::ScheduleSign(_) => "SCHEDULESIGN",
        Data::TokenAirdrop(_) => "TOKENAIRDROP",
        Data::TokenClaimAirdrop(_) => "TOKENCLAIMAIRDROP",
        Data::TokenCancelAirdrop(_) => "TOKENCANCELAIRDROP",
        Data::TokenReject(_) => "TOKENREJECT",
        _ => "UNKNOWN",
    }
}

/// The entity a transaction acts on when it creates none.
pub fn target(data: &Data) -> Option<u64> {
    let token = |t: &Option<hp::TokenId>| t.as_ref().map(|t| t.token_num as u64);
    match data {
        Data::TokenAssociate(b) => b.account.as_ref().and_then(account_num),
        Data::TokenDissociate(b) => b.account.as_ref().and_then(account_num),
        Data::TokenMint(b) => token(&b.token),
        Data::TokenBurn(b) => token(&b.token),
        Data::TokenWipe(b) => token(&b.token),
        Data::TokenFreeze(b) => token(&b.token),
        Data::TokenUnfreeze(b) => token(&b.token),
        Data::TokenGrantKyc(b) => token(&b.token),
        Data::TokenRevokeKyc(b) => token(&b.token),
        Data::TokenPause(b) => token(&b.token),
        Data::TokenUnpause(b) => token(&b.token),
        Data::TokenUpdateNfts(b) => token(&b.token),
        Data::ConsensusSubmitMessage(b) => b.topic_id.as_ref().map(|t| t.topic_num as u64),
        Data::ScheduleSign(b) => b.schedule_id.as_ref().map(|s| s.schedule_num as u64),
        _ => None,
    }
}

fn account_num(a: &hp::AccountId) -> Option<u64> {
    match a.account {
        Some(hp::account_id::Account::AccountNum(n)) => u64::try_from(n).ok(),
        _ => None,
    }
}

/// The entity a receipt reports as created.
pub fn created(receipt: &hp::TransactionReceipt) -> Option<u64> {
    receipt
        .account_id
        .as_ref()
        .and_then(account_num)
        .or(receipt.token_id.as_ref().map(|t| t.token_num as u64))
        .or(receipt.topic_id.as_ref().map(|t| t.topic_num as u64))
        .or(receipt.schedule_id.as_ref().map(|s| s.schedule_num as u64))
}
