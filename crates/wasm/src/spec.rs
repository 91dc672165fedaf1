//! A transaction spec (what the JS builder classes collect) turned into a frozen core
//! transaction. Ids are strings (`"0.0.1001"`, `"0.0.5/1"` for NFTs), keys any string form,
//! amounts `bigint` or integer numbers, byte fields `Uint8Array` or strings (UTF-8).

use crate::error::{core, invalid, JsResult};
use crate::keys::parse_public;
use loyal_core::hbar::Hbar;
use loyal_core::id::{AccountId, NftId, ScheduleId, TokenId, TopicId};
use loyal_core::time::Duration;
use loyal_core::transaction::*;
use loyal_core::transaction_id::TransactionId;
use serde::Deserialize;

/// Bytes from JS: a `Uint8Array` or a string (taken as UTF-8, e.g. `ipfs://…`).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum Bytes {
    Raw(#[serde(with = "serde_bytes")] Vec<u8>),
    Text(String),
}

impl Bytes {
    fn to_vec(&self) -> Vec<u8> {
        match self {
            Bytes::Raw(b) => b.clone(),
            Bytes::Text(s) => s.as_bytes().to_vec(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HbarTransfer {
    account_id: String,
    amount: i64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenTransfer {
    token_id: String,
    account_id: String,
    amount: i64,
    decimals: Option<u32>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NftTransfer {
    nft_id: String,
    sender: String,
    receiver: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingAirdrop {
    sender: String,
    receiver: String,
    token_id: String,
    serial: Option<u64>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Spec {
    #[serde(rename = "type")]
    kind: String,
    transaction_id: Option<String>,
    node_account_ids: Option<Vec<String>>,
    max_transaction_fee: Option<i64>,
    transaction_memo: Option<String>,
    transaction_valid_duration: Option<i64>,
    // CryptoCreate
    key: Option<String>,
    initial_balance: Option<i64>,
    max_automatic_token_associations: Option<i32>,
    account_memo: Option<String>,
    receiver_signature_required: Option<bool>,
    // Transfers and airdrops
    hbar_transfers: Vec<HbarTransfer>,
    token_transfers: Vec<TokenTransfer>,
    nft_transfers: Vec<NftTransfer>,
    pending_airdrops: Vec<PendingAirdrop>,
    // TokenCreate
    token_name: Option<String>,
    token_symbol: Option<String>,
    decimals: Option<u32>,
    initial_supply: Option<u64>,
    treasury_account_id: Option<String>,
    admin_key: Option<String>,
    kyc_key: Option<String>,
    freeze_key: Option<String>,
    wipe_key: Option<String>,
    supply_key: Option<String>,
    pause_key: Option<String>,
    metadata_key: Option<String>,
    fee_schedule_key: Option<String>,
    freeze_default: Option<bool>,
    token_type: Option<String>,
    supply_type: Option<String>,
    max_supply: Option<i64>,
    token_memo: Option<String>,
    token_metadata: Option<Bytes>,
    // Token operations
    token_id: Option<String>,
    token_ids: Vec<String>,
    nft_ids: Vec<String>,
    account_id: Option<String>,
    owner_id: Option<String>,
    amount: Option<u64>,
    metadata: Vec<Bytes>,
    serials: Vec<i64>,
    // Topics
    topic_id: Option<String>,
    topic_memo: Option<String>,
    submit_key: Option<String>,
    message: Option<Bytes>,
    // Schedules
    schedule_id: Option<String>,
    scheduled: Option<Box<Spec>>,
    schedule_memo: Option<String>,
    payer_account_id: Option<String>,
}

fn account(field: &str, s: &str) -> JsResult<AccountId> {
    s.parse().map_err(|e| invalid(field, e))
}

fn token(field: &str, s: &str) -> JsResult<TokenId> {
    s.parse().map_err(|e| invalid(field, e))
}

fn nft(field: &str, s: &str) -> JsResult<NftId> {
    s.parse().map_err(|e| invalid(field, e))
}

fn required<'a, T>(field: &str, v: &'a Option<T>) -> JsResult<&'a T> {
    v.as_ref().ok_or_else(|| invalid(field, "required"))
}

/// What a client supplies for a builder that left them open: transaction id and nodes.
pub type Fill<'a> = &'a dyn Fn(Option<&TransactionId>) -> Option<(TransactionId, Vec<AccountId>)>;

/// The frame every transaction shares: id, nodes, fee, duration, memo.
fn common<D: TransactionData>(mut b: Builder<D>, s: &Spec) -> JsResult<Builder<D>> {
    if let Some(id) = &s.transaction_id {
        let id: TransactionId = id.parse().map_err(|e| invalid("transactionId", e))?;
        b = b.with_transaction_id(id);
    }
    if let Some(nodes) = &s.node_account_ids {
        let nodes = nodes
            .iter()
            .map(|n| account("nodeAccountIds", n))
            .collect::<JsResult<Vec<_>>>()?;
        b = b.with_node_account_ids(nodes);
    }
    if let Some(fee) = s.max_transaction_fee {
        b = b.with_max_transaction_fee(Hbar::from_tinybars(fee));
    }
    if let Some(d) = s.transaction_valid_duration {
        b = b.with_transaction_valid_duration(Duration::from_secs(d));
    }
    if let Some(memo) = &s.transaction_memo {
        b = b.with_memo(memo.clone());
    }
    Ok(b)
}

/// Applies `f` to the typed builder the spec describes, for both freezing and scheduling.
macro_rules! with_builder {
    ($spec:expr, |$b:ident| $body:expr) => {{
        let s: &Spec = $spec;
        match s.kind.as_str() {
            "AccountCreateTransaction" => {
                let mut $b = AccountCreateTransaction::new();
                if let Some(k) = &s.key {
                    $b = $b.with_key(parse_public("key", k)?);
                }
                if let Some(v) = s.initial_balance {
                    $b = $b.with_initial_balance(Hbar::from_tinybars(v));
                }
                if let Some(v) = s.max_automatic_token_associations {
                    $b = $b.with_max_automatic_token_associations(v);
                }
                if let Some(v) = &s.account_memo {
                    $b = $b.with_account_memo(v.clone());
                }
                if let Some(v) = s.receiver_signature_required {
                    $b = $b.with_receiver_signature_required(v);
                }
                $body
            }
            "TransferTransaction" | "TokenAirdropTransaction" => {
                let airdrop = s.kind == "TokenAirdropTransaction";
                if airdrop {
                    let mut $b = TokenAirdropTransaction::new();
                    for t in &s.token_transfers {
                        $b = $b.with_token_transfer(
                            token("tokenId", &t.token_id)?,
                            account("accountId", &t.account_id)?,
                            t.amount,
                        );
                    }
                    for t in &s.nft_transfers {
                        $b = $b.with_nft_transfer(
                            nft("nftId", &t.nft_id)?,
                            account("sender", &t.sender)?,
                            account("receiver", &t.receiver)?,
                        );
                    }
                    $body
                } else {
                    let mut $b = TransferTransaction::new();
                    for t in &s.hbar_transfers {
                        $b = $b.with_hbar_transfer(
                            account("accountId", &t.account_id)?,
                            Hbar::from_tinybars(t.amount),
                        );
                    }
                    for t in &s.token_transfers {
                        let (tok, acc) = (
                            token("tokenId", &t.token_id)?,
                            account("accountId", &t.account_id)?,
                        );
                        $b = match t.decimals {
                            Some(d) => $b.with_token_transfer_with_decimals(tok, acc, t.amount, d),
                            None => $b.with_token_transfer(tok, acc, t.amount),
                        };
                    }
                    for t in &s.nft_transfers {
                        $b = $b.with_nft_transfer(
                            nft("nftId", &t.nft_id)?,
                            account("sender", &t.sender)?,
                            account("receiver", &t.receiver)?,
                        );
                    }
                    $body
                }
            }
            "TokenCreateTransaction" => {
                let mut $b = TokenCreateTransaction::new();
                if let Some(v) = &s.token_name {
                    $b = $b.with_name(v.clone());
                }
                if let Some(v) = &s.token_symbol {
                    $b = $b.with_symbol(v.clone());
                }
                if let Some(v) = s.decimals {
                    $b = $b.with_decimals(v);
                }
                if let Some(v) = s.initial_supply {
                    $b = $b.with_initial_supply(v);
                }
                if let Some(v) = &s.treasury_account_id {
                    $b = $b.with_treasury(account("treasuryAccountId", v)?);
                }
                if let Some(k) = &s.admin_key {
                    $b = $b.with_admin_key(parse_public("adminKey", k)?);
                }
                if let Some(k) = &s.kyc_key {
                    $b = $b.with_kyc_key(parse_public("kycKey", k)?);
                }
                if let Some(k) = &s.freeze_key {
                    $b = $b.with_freeze_key(parse_public("freezeKey", k)?);
                }
                if let Some(k) = &s.wipe_key {
                    $b = $b.with_wipe_key(parse_public("wipeKey", k)?);
                }
                if let Some(k) = &s.supply_key {
                    $b = $b.with_supply_key(parse_public("supplyKey", k)?);
                }
                if let Some(k) = &s.pause_key {
                    $b = $b.with_pause_key(parse_public("pauseKey", k)?);
                }
                if let Some(k) = &s.metadata_key {
                    $b = $b.with_metadata_key(parse_public("metadataKey", k)?);
                }
                if let Some(k) = &s.fee_schedule_key {
                    $b = $b.with_fee_schedule_key(parse_public("feeScheduleKey", k)?);
                }
                if let Some(v) = s.freeze_default {
                    $b = $b.with_freeze_default(v);
                }
                if let Some(v) = &s.token_type {
                    $b = $b.with_token_type(match v.as_str() {
                        "FUNGIBLE_COMMON" => TokenType::FungibleCommon,
                        "NON_FUNGIBLE_UNIQUE" => TokenType::NonFungibleUnique,
                        _ => {
                            return Err(invalid(
                                "tokenType",
                                "FUNGIBLE_COMMON or NON_FUNGIBLE_UNIQUE",
                            ))
                        }
                    });
                }
                if let Some(v) = &s.supply_type {
                    $b = $b.with_supply_type(match v.as_str() {
                        "INFINITE" => TokenSupplyType::Infinite,
                        "FINITE" => TokenSupplyType::Finite,
                        _ => return Err(invalid("supplyType", "INFINITE or FINITE")),
                    });
                }
                if let Some(v) = s.max_supply {
                    $b = $b.with_max_supply(v);
                }
                if let Some(v) = &s.token_memo {
                    $b = $b.with_token_memo(v.clone());
                }
                if let Some(v) = &s.token_metadata {
                    $b = $b.with_metadata(v.to_vec());
                }
                $body
            }
            "TokenAssociateTransaction" | "TokenDissociateTransaction" => {
                let acc = account("accountId", required("accountId", &s.account_id)?)?;
                let toks = s
                    .token_ids
                    .iter()
                    .map(|t| token("tokenIds", t))
                    .collect::<JsResult<Vec<_>>>()?;
                if s.kind == "TokenAssociateTransaction" {
                    let $b = TokenAssociateTransaction::new()
                        .with_account_id(acc)
                        .with_token_ids(toks);
                    $body
                } else {
                    let $b = TokenDissociateTransaction::new()
                        .with_account_id(acc)
                        .with_token_ids(toks);
                    $body
                }
            }
            "TokenMintTransaction" => {
                let mut $b = TokenMintTransaction::new()
                    .with_token_id(token("tokenId", required("tokenId", &s.token_id)?)?);
                if let Some(a) = s.amount {
                    $b = $b.with_amount(a);
                }
                let meta: Vec<Vec<u8>> = s.metadata.iter().map(Bytes::to_vec).collect();
                if !meta.is_empty() {
                    $b = $b.with_metadata(meta);
                }
                $body
            }
            "TokenBurnTransaction" => {
                let mut $b = TokenBurnTransaction::new()
                    .with_token_id(token("tokenId", required("tokenId", &s.token_id)?)?);
                if let Some(a) = s.amount {
                    $b = $b.with_amount(a);
                }
                if !s.serials.is_empty() {
                    $b = $b.with_serials(s.serials.clone());
                }
                $body
            }
            "TokenUpdateNftsTransaction" => {
                let meta = s.metadata.first().map(Bytes::to_vec).unwrap_or_default();
                let $b = TokenUpdateNftsTransaction::new()
                    .with_token_id(token("tokenId", required("tokenId", &s.token_id)?)?)
                    .with_serials(s.serials.clone())
                    .with_metadata(meta);
                $body
            }
            "TokenFreezeTransaction"
            | "TokenUnfreezeTransaction"
            | "TokenGrantKycTransaction"
            | "TokenRevokeKycTransaction" => {
                let (t, a) = (
                    token("tokenId", required("tokenId", &s.token_id)?)?,
                    account("accountId", required("accountId", &s.account_id)?)?,
                );
                match s.kind.as_str() {
                    "TokenFreezeTransaction" => {
                        let $b = TokenFreezeTransaction::new()
                            .with_token_id(t)
                            .with_account_id(a);
                        $body
                    }
                    "TokenUnfreezeTransaction" => {
                        let $b = TokenUnfreezeTransaction::new()
                            .with_token_id(t)
                            .with_account_id(a);
                        $body
                    }
                    "TokenGrantKycTransaction" => {
                        let $b = TokenGrantKycTransaction::new()
                            .with_token_id(t)
                            .with_account_id(a);
                        $body
                    }
                    _ => {
                        let $b = TokenRevokeKycTransaction::new()
                            .with_token_id(t)
                            .with_account_id(a);
                        $body
                    }
                }
            }
            "TokenPauseTransaction" => {
                let $b = TokenPauseTransaction::new()
                    .with_token_id(token("tokenId", required("tokenId", &s.token_id)?)?);
                $body
            }
            "TokenUnpauseTransaction" => {
                let $b = TokenUnpauseTransaction::new()
                    .with_token_id(token("tokenId", required("tokenId", &s.token_id)?)?);
                $body
            }
            "TokenClaimAirdropTransaction" | "TokenCancelAirdropTransaction" => {
                let ids = s
                    .pending_airdrops
                    .iter()
                    .map(|p| {
                        Ok(PendingAirdropId {
                            sender: account("sender", &p.sender)?,
                            receiver: account("receiver", &p.receiver)?,
                            token_id: token("tokenId", &p.token_id)?,
                            serial: p.serial,
                        })
                    })
                    .collect::<JsResult<Vec<_>>>()?;
                if s.kind == "TokenClaimAirdropTransaction" {
                    let $b = TokenClaimAirdropTransaction::new().with_pending_airdrops(ids);
                    $body
                } else {
                    let $b = TokenCancelAirdropTransaction::new().with_pending_airdrops(ids);
                    $body
                }
            }
            "TokenRejectTransaction" => {
                let mut $b = TokenRejectTransaction::new()
                    .with_token_ids(
                        s.token_ids
                            .iter()
                            .map(|t| token("tokenIds", t))
                            .collect::<JsResult<Vec<_>>>()?,
                    )
                    .with_nft_ids(
                        s.nft_ids
                            .iter()
                            .map(|n| nft("nftIds", n))
                            .collect::<JsResult<Vec<_>>>()?,
                    );
                if let Some(o) = &s.owner_id {
                    $b = $b.with_owner(account("ownerId", o)?);
                }
                $body
            }
            "TopicCreateTransaction" => {
                let mut $b = TopicCreateTransaction::new();
                if let Some(v) = &s.topic_memo {
                    $b = $b.with_topic_memo(v.clone());
                }
                if let Some(k) = &s.admin_key {
                    $b = $b.with_admin_key(parse_public("adminKey", k)?);
                }
                if let Some(k) = &s.submit_key {
                    $b = $b.with_submit_key(parse_public("submitKey", k)?);
                }
                $body
            }
            "TopicMessageSubmitTransaction" => {
                let topic: TopicId = required("topicId", &s.topic_id)?
                    .parse()
                    .map_err(|e| invalid("topicId", e))?;
                let message = required("message", &s.message)?.to_vec();
                let $b = TopicMessageSubmitTransaction::new()
                    .with_topic_id(topic)
                    .with_message(message);
                $body
            }
            "ScheduleSignTransaction" => {
                let id: ScheduleId = required("scheduleId", &s.schedule_id)?
                    .parse()
                    .map_err(|e| invalid("scheduleId", e))?;
                let $b = ScheduleSignTransaction::new().with_schedule_id(id);
                $body
            }
            other => Err(invalid(
                "type",
                format!("unknown transaction type {other:?}"),
            )),
        }
    }};
}

/// Freezes the spec; `fill` supplies what the builder left open (from a client).
pub fn freeze(s: &Spec, fill: Fill<'_>) -> JsResult<Transaction> {
    if s.kind == "ScheduleCreateTransaction" {
        let inner = required("scheduledTransaction", &s.scheduled)?;
        let mut b = with_builder!(inner, |b| ScheduleCreateTransaction::new()
            .with_scheduled_transaction(&b)
            .map_err(core))?;
        if let Some(m) = &s.schedule_memo {
            b = b.with_schedule_memo(m.clone());
        }
        if let Some(k) = &s.admin_key {
            b = b.with_admin_key(parse_public("adminKey", k)?);
        }
        if let Some(p) = &s.payer_account_id {
            b = b.with_payer_account_id(account("payerAccountId", p)?);
        }
        return finish(common(b, s)?, fill);
    }
    with_builder!(s, |b| finish(common(b, s)?, fill))
}

fn finish<D: TransactionData>(mut b: Builder<D>, fill: Fill<'_>) -> JsResult<Transaction> {
    if let Some((id, nodes)) = fill(b.transaction_id()) {
        if b.transaction_id().is_none() {
            b = b.with_transaction_id(id);
        }
        if b.node_account_ids().is_empty() {
            b = b.with_node_account_ids(nodes);
        }
    }
    b.freeze().map_err(core)
}
