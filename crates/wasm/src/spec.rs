//! A transaction spec (what the JS builder classes collect) turned into a frozen core
//! transaction. Ids are strings (`"0.0.1001"`, `"0.0.5/1"` for NFTs), keys any string form,
//! amounts `bigint` or integer numbers, byte fields `Uint8Array` or strings (UTF-8).

use crate::error::{core, invalid, missing, parse_in, JsResult};
use crate::keys::parse_public;
use crate::prelude::*;
use crate::read::Obj;
use core::str::FromStr;
use loyal_core::hbar::Hbar;
use loyal_core::id::{AccountId, NftId, ScheduleId, TokenId, TopicId};
use loyal_core::time::Duration;
use loyal_core::transaction::*;
use loyal_core::transaction_id::TransactionId;
use wasm_bindgen::JsValue;

pub struct HbarTransfer {
    account_id: String,
    amount: i64,
}

pub struct TokenTransfer {
    token_id: String,
    account_id: String,
    amount: i64,
    decimals: Option<u32>,
}

pub struct NftTransfer {
    nft_id: String,
    sender: String,
    receiver: String,
}

pub struct PendingAirdrop {
    sender: String,
    receiver: String,
    token_id: String,
    serial: Option<u64>,
}

/// What the builder classes collect, read field by field from the JS object (no serde: the
/// small signing build would pay ~30 KB for a derive over fifty optional fields). Absent,
/// `undefined` and `null` fields are unset; a field of the wrong type is an
/// `INVALID_ARGUMENT` naming it.
#[derive(Default)]
pub struct Spec {
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
    token_metadata: Option<Vec<u8>>,
    // Token operations
    token_id: Option<String>,
    token_ids: Vec<String>,
    nft_ids: Vec<String>,
    account_id: Option<String>,
    owner_id: Option<String>,
    amount: Option<u64>,
    metadata: Vec<Vec<u8>>,
    serials: Vec<i64>,
    // Topics
    topic_id: Option<String>,
    topic_memo: Option<String>,
    submit_key: Option<String>,
    message: Option<Vec<u8>>,
    // Schedules
    schedule_id: Option<String>,
    scheduled: Option<Box<Spec>>,
    schedule_memo: Option<String>,
    payer_account_id: Option<String>,
}

impl Spec {
    /// Fields are assigned one at a time into a default `Spec`: an error then drops one value,
    /// where a struct literal with fifty `?`s needs drop code for every partial state.
    #[allow(clippy::field_reassign_with_default)]
    pub fn from_js(v: &JsValue) -> JsResult<Spec> {
        let o = Obj::new("spec", v)?;
        let mut s = Spec::default();
        s.kind = o.string("type")?.ok_or_else(|| missing("type"))?;
        s.transaction_id = o.string("transactionId")?;
        s.node_account_ids = o.opt_list("nodeAccountIds", |i| i.as_string())?;
        s.max_transaction_fee = o.int("maxTransactionFee")?;
        s.transaction_memo = o.string("transactionMemo")?;
        s.transaction_valid_duration = o.int("transactionValidDuration")?;
        s.key = o.string("key")?;
        s.initial_balance = o.int("initialBalance")?;
        s.max_automatic_token_associations = o.int_in("maxAutomaticTokenAssociations")?;
        s.account_memo = o.string("accountMemo")?;
        s.receiver_signature_required = o.bool("receiverSignatureRequired")?;
        s.hbar_transfers = o.objects("hbarTransfers", |t| {
            Ok(HbarTransfer {
                account_id: t.req_string("accountId")?,
                amount: t.int("amount")?.ok_or_else(|| missing(&t.path("amount")))?,
            })
        })?;
        s.token_transfers = o.objects("tokenTransfers", |t| {
            Ok(TokenTransfer {
                token_id: t.req_string("tokenId")?,
                account_id: t.req_string("accountId")?,
                amount: t.int("amount")?.ok_or_else(|| missing(&t.path("amount")))?,
                decimals: t.int_in("decimals")?,
            })
        })?;
        s.nft_transfers = o.objects("nftTransfers", |t| {
            Ok(NftTransfer {
                nft_id: t.req_string("nftId")?,
                sender: t.req_string("sender")?,
                receiver: t.req_string("receiver")?,
            })
        })?;
        s.pending_airdrops = o.objects("pendingAirdrops", |t| {
            Ok(PendingAirdrop {
                sender: t.req_string("sender")?,
                receiver: t.req_string("receiver")?,
                token_id: t.req_string("tokenId")?,
                serial: t.uint("serial")?,
            })
        })?;
        s.token_name = o.string("tokenName")?;
        s.token_symbol = o.string("tokenSymbol")?;
        s.decimals = o.int_in("decimals")?;
        s.initial_supply = o.uint("initialSupply")?;
        s.treasury_account_id = o.string("treasuryAccountId")?;
        s.admin_key = o.string("adminKey")?;
        s.kyc_key = o.string("kycKey")?;
        s.freeze_key = o.string("freezeKey")?;
        s.wipe_key = o.string("wipeKey")?;
        s.supply_key = o.string("supplyKey")?;
        s.pause_key = o.string("pauseKey")?;
        s.metadata_key = o.string("metadataKey")?;
        s.fee_schedule_key = o.string("feeScheduleKey")?;
        s.freeze_default = o.bool("freezeDefault")?;
        s.token_type = o.string("tokenType")?;
        s.supply_type = o.string("supplyType")?;
        s.max_supply = o.int("maxSupply")?;
        s.token_memo = o.string("tokenMemo")?;
        s.token_metadata = o.bytes("tokenMetadata")?;
        s.token_id = o.string("tokenId")?;
        s.token_ids = o.list("tokenIds", |i| i.as_string())?;
        s.nft_ids = o.list("nftIds", |i| i.as_string())?;
        s.account_id = o.string("accountId")?;
        s.owner_id = o.string("ownerId")?;
        s.amount = o.uint("amount")?;
        s.metadata = o.list("metadata", crate::read::bytes)?;
        s.serials = o.list("serials", crate::read::int)?;
        s.topic_id = o.string("topicId")?;
        s.topic_memo = o.string("topicMemo")?;
        s.submit_key = o.string("submitKey")?;
        s.message = o.bytes("message")?;
        s.schedule_id = o.string("scheduleId")?;
        s.scheduled = match o.get("scheduledTransaction")? {
            Some(inner) => Some(Box::new(Spec::from_js(&inner)?)),
            None => None,
        };
        s.schedule_memo = o.string("scheduleMemo")?;
        s.payer_account_id = o.string("payerAccountId")?;
        Ok(s)
    }
}

fn required<'a, T>(field: &str, v: &'a Option<T>) -> JsResult<&'a T> {
    v.as_ref().ok_or_else(|| missing(field))
}

/// A required id (or other core type given as a string), parsed; missing or refused names `field`.
fn required_id<T: FromStr<Err = loyal_core::Error>>(
    field: &str,
    v: &Option<String>,
) -> JsResult<T> {
    parse_in(field, required(field, v)?)
}

/// Every item of a list field, parsed; a refusal names `field`.
fn parse_all<T: FromStr<Err = loyal_core::Error>>(
    field: &str,
    items: &[String],
) -> JsResult<Vec<T>> {
    items.iter().map(|item| parse_in(field, item)).collect()
}

/// What a client supplies for a builder that left them open: transaction id and nodes.
pub type Fill<'a> = &'a dyn Fn(Option<&TransactionId>) -> Option<(TransactionId, Vec<AccountId>)>;

/// The frame every transaction shares (id, nodes, fee, duration, memo), parsed once and
/// not per builder type, so each type adds only its own fields to the wasm.
struct Common {
    transaction_id: Option<TransactionId>,
    node_account_ids: Option<Vec<AccountId>>,
    max_transaction_fee: Option<Hbar>,
    valid_duration: Option<Duration>,
    memo: Option<String>,
}

impl Common {
    /// What of the frame travels into a schedule: the inner transaction's memo and max fee, as
    /// the SDK carries them (its id, nodes and valid duration are the ScheduleCreate's).
    fn scheduled(s: &Spec) -> Self {
        Common {
            transaction_id: None,
            node_account_ids: None,
            max_transaction_fee: s.max_transaction_fee.map(Hbar::from_tinybars),
            valid_duration: None,
            memo: s.transaction_memo.clone(),
        }
    }

    /// The whole frame: the scheduled part plus id, nodes and valid duration.
    fn parse(s: &Spec) -> JsResult<Self> {
        let mut common = Common::scheduled(s);
        if let Some(id) = &s.transaction_id {
            common.transaction_id = Some(parse_in("transactionId", id)?);
        }
        if let Some(nodes) = &s.node_account_ids {
            common.node_account_ids = Some(parse_all("nodeAccountIds", nodes)?);
        }
        common.valid_duration = s.transaction_valid_duration.map(Duration::from_secs);
        Ok(common)
    }

    /// Fills what the spec left open from the client (`fill`), once for every type.
    fn fill(&mut self, fill: Fill<'_>) {
        if let Some((id, nodes)) = fill(self.transaction_id.as_ref()) {
            self.transaction_id.get_or_insert(id);
            if self.node_account_ids.as_ref().is_none_or(Vec::is_empty) {
                self.node_account_ids = Some(nodes);
            }
        }
    }

    fn apply<D: TransactionData>(self, mut b: Builder<D>) -> Builder<D> {
        if let Some(id) = self.transaction_id {
            b = b.with_transaction_id(id);
        }
        if let Some(nodes) = self.node_account_ids {
            b = b.with_node_account_ids(nodes);
        }
        if let Some(fee) = self.max_transaction_fee {
            b = b.with_max_transaction_fee(fee);
        }
        if let Some(d) = self.valid_duration {
            b = b.with_transaction_valid_duration(d);
        }
        if let Some(memo) = self.memo {
            b = b.with_memo(memo);
        }
        b
    }
}

/// A typed builder behind a vtable: the spec is turned into one once, by the one function
/// below, and then frozen or scheduled — so the per-type construction code is not compiled a
/// second time for scheduling.
trait AnyBuilder {
    fn freeze(self: Box<Self>, common: Common) -> JsResult<Transaction>;
    fn schedule(
        self: Box<Self>,
        common: Common,
        create: ScheduleCreateTransaction,
    ) -> JsResult<ScheduleCreateTransaction>;
}

impl<D: TransactionData> AnyBuilder for Builder<D> {
    fn freeze(self: Box<Self>, common: Common) -> JsResult<Transaction> {
        common.apply(*self).freeze().map_err(core)
    }

    fn schedule(
        self: Box<Self>,
        common: Common,
        create: ScheduleCreateTransaction,
    ) -> JsResult<ScheduleCreateTransaction> {
        create
            .with_scheduled_transaction(&common.apply(*self))
            .map_err(core)
    }
}

/// The typed builder the spec describes, its own fields set (not the common frame).
fn builder(s: &Spec) -> JsResult<Box<dyn AnyBuilder>> {
    match s.kind.as_str() {
        "AccountCreateTransaction" => {
            let mut b = AccountCreateTransaction::new();
            if let Some(k) = &s.key {
                b = b.with_key(parse_public("key", k)?);
            }
            if let Some(v) = s.initial_balance {
                b = b.with_initial_balance(Hbar::from_tinybars(v));
            }
            if let Some(v) = s.max_automatic_token_associations {
                b = b.with_max_automatic_token_associations(v);
            }
            if let Some(v) = &s.account_memo {
                b = b.with_account_memo(v.clone());
            }
            if let Some(v) = s.receiver_signature_required {
                b = b.with_receiver_signature_required(v);
            }
            Ok(Box::new(b))
        }
        "TransferTransaction" | "TokenAirdropTransaction" => {
            let tokens = s
                .token_transfers
                .iter()
                .map(|t| {
                    Ok((
                        parse_in("tokenTransfers.tokenId", &t.token_id)?,
                        parse_in("tokenTransfers.accountId", &t.account_id)?,
                        t.amount,
                        t.decimals,
                    ))
                })
                .collect::<JsResult<Vec<_>>>()?;
            let nfts = s
                .nft_transfers
                .iter()
                .map(|t| {
                    Ok((
                        parse_in("nftTransfers.nftId", &t.nft_id)?,
                        parse_in("nftTransfers.sender", &t.sender)?,
                        parse_in("nftTransfers.receiver", &t.receiver)?,
                    ))
                })
                .collect::<JsResult<Vec<_>>>()?;
            /// The token and NFT transfers both bodies carry.
            fn with_tokens<D: WithTokenTransfers>(
                mut b: Builder<D>,
                tokens: Vec<(TokenId, AccountId, i64, Option<u32>)>,
                nfts: Vec<(NftId, AccountId, AccountId)>,
            ) -> Builder<D> {
                for (tok, acc, amount, decimals) in tokens {
                    b = match decimals {
                        Some(d) => b.with_token_transfer_with_decimals(tok, acc, amount, d),
                        None => b.with_token_transfer(tok, acc, amount),
                    };
                }
                for (id, from, to) in nfts {
                    b = b.with_nft_transfer(id, from, to);
                }
                b
            }
            if s.kind == "TokenAirdropTransaction" {
                let b = TokenAirdropTransaction::new();
                return Ok(Box::new(with_tokens(b, tokens, nfts)));
            }
            let mut b = TransferTransaction::new();
            for t in &s.hbar_transfers {
                b = b.with_hbar_transfer(
                    parse_in("hbarTransfers.accountId", &t.account_id)?,
                    Hbar::from_tinybars(t.amount),
                );
            }
            Ok(Box::new(with_tokens(b, tokens, nfts)))
        }
        "TokenCreateTransaction" => {
            let mut b = TokenCreateTransaction::new();
            if let Some(v) = &s.token_name {
                b = b.with_name(v.clone());
            }
            if let Some(v) = &s.token_symbol {
                b = b.with_symbol(v.clone());
            }
            if let Some(v) = s.decimals {
                b = b.with_decimals(v);
            }
            if let Some(v) = s.initial_supply {
                b = b.with_initial_supply(v);
            }
            if let Some(v) = &s.treasury_account_id {
                b = b.with_treasury(parse_in("treasuryAccountId", v)?);
            }
            if let Some(k) = &s.admin_key {
                b = b.with_admin_key(parse_public("adminKey", k)?);
            }
            if let Some(k) = &s.kyc_key {
                b = b.with_kyc_key(parse_public("kycKey", k)?);
            }
            if let Some(k) = &s.freeze_key {
                b = b.with_freeze_key(parse_public("freezeKey", k)?);
            }
            if let Some(k) = &s.wipe_key {
                b = b.with_wipe_key(parse_public("wipeKey", k)?);
            }
            if let Some(k) = &s.supply_key {
                b = b.with_supply_key(parse_public("supplyKey", k)?);
            }
            if let Some(k) = &s.pause_key {
                b = b.with_pause_key(parse_public("pauseKey", k)?);
            }
            if let Some(k) = &s.metadata_key {
                b = b.with_metadata_key(parse_public("metadataKey", k)?);
            }
            if let Some(k) = &s.fee_schedule_key {
                b = b.with_fee_schedule_key(parse_public("feeScheduleKey", k)?);
            }
            if let Some(v) = s.freeze_default {
                b = b.with_freeze_default(v);
            }
            if let Some(v) = &s.token_type {
                b = b.with_token_type(match v.as_str() {
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
                b = b.with_supply_type(match v.as_str() {
                    "INFINITE" => TokenSupplyType::Infinite,
                    "FINITE" => TokenSupplyType::Finite,
                    _ => return Err(invalid("supplyType", "INFINITE or FINITE")),
                });
            }
            if let Some(v) = s.max_supply {
                b = b.with_max_supply(v);
            }
            if let Some(v) = &s.token_memo {
                b = b.with_token_memo(v.clone());
            }
            if let Some(v) = &s.token_metadata {
                b = b.with_metadata(v.to_vec());
            }
            Ok(Box::new(b))
        }
        "TokenAssociateTransaction" | "TokenDissociateTransaction" => {
            let acc = required_id("accountId", &s.account_id)?;
            let toks = parse_all("tokenIds", &s.token_ids)?;
            if s.kind == "TokenAssociateTransaction" {
                let b = TokenAssociateTransaction::new()
                    .with_account_id(acc)
                    .with_token_ids(toks);
                Ok(Box::new(b))
            } else {
                let b = TokenDissociateTransaction::new()
                    .with_account_id(acc)
                    .with_token_ids(toks);
                Ok(Box::new(b))
            }
        }
        "TokenMintTransaction" => {
            let mut b =
                TokenMintTransaction::new().with_token_id(required_id("tokenId", &s.token_id)?);
            if let Some(a) = s.amount {
                b = b.with_amount(a);
            }
            let meta = s.metadata.clone();
            if !meta.is_empty() {
                b = b.with_metadata(meta);
            }
            Ok(Box::new(b))
        }
        "TokenBurnTransaction" => {
            let mut b =
                TokenBurnTransaction::new().with_token_id(required_id("tokenId", &s.token_id)?);
            if let Some(a) = s.amount {
                b = b.with_amount(a);
            }
            if !s.serials.is_empty() {
                b = b.with_serials(s.serials.clone());
            }
            Ok(Box::new(b))
        }
        "TokenUpdateNftsTransaction" => {
            let meta = s.metadata.first().cloned().unwrap_or_default();
            let b = TokenUpdateNftsTransaction::new()
                .with_token_id(required_id("tokenId", &s.token_id)?)
                .with_serials(s.serials.clone())
                .with_metadata(meta);
            Ok(Box::new(b))
        }
        "TokenFreezeTransaction"
        | "TokenUnfreezeTransaction"
        | "TokenGrantKycTransaction"
        | "TokenRevokeKycTransaction" => {
            let (t, a) = (
                required_id("tokenId", &s.token_id)?,
                required_id("accountId", &s.account_id)?,
            );
            macro_rules! token_account {
                ($builder:ty) => {
                    Ok(Box::new(
                        <$builder>::new().with_token_id(t).with_account_id(a),
                    ))
                };
            }
            match s.kind.as_str() {
                "TokenFreezeTransaction" => token_account!(TokenFreezeTransaction),
                "TokenUnfreezeTransaction" => token_account!(TokenUnfreezeTransaction),
                "TokenGrantKycTransaction" => token_account!(TokenGrantKycTransaction),
                _ => token_account!(TokenRevokeKycTransaction),
            }
        }
        "TokenPauseTransaction" => {
            let b =
                TokenPauseTransaction::new().with_token_id(required_id("tokenId", &s.token_id)?);
            Ok(Box::new(b))
        }
        "TokenUnpauseTransaction" => {
            let b =
                TokenUnpauseTransaction::new().with_token_id(required_id("tokenId", &s.token_id)?);
            Ok(Box::new(b))
        }
        "TokenClaimAirdropTransaction" | "TokenCancelAirdropTransaction" => {
            let ids = s
                .pending_airdrops
                .iter()
                .map(|p| {
                    Ok(PendingAirdropId {
                        sender: parse_in("sender", &p.sender)?,
                        receiver: parse_in("receiver", &p.receiver)?,
                        token_id: parse_in("tokenId", &p.token_id)?,
                        serial: p.serial,
                    })
                })
                .collect::<JsResult<Vec<_>>>()?;
            if s.kind == "TokenClaimAirdropTransaction" {
                let b = TokenClaimAirdropTransaction::new().with_pending_airdrops(ids);
                Ok(Box::new(b))
            } else {
                let b = TokenCancelAirdropTransaction::new().with_pending_airdrops(ids);
                Ok(Box::new(b))
            }
        }
        "TokenRejectTransaction" => {
            let mut b = TokenRejectTransaction::new()
                .with_token_ids(parse_all("tokenIds", &s.token_ids)?)
                .with_nft_ids(parse_all("nftIds", &s.nft_ids)?);
            if let Some(o) = &s.owner_id {
                b = b.with_owner(parse_in("ownerId", o)?);
            }
            Ok(Box::new(b))
        }
        "TopicCreateTransaction" => {
            let mut b = TopicCreateTransaction::new();
            if let Some(v) = &s.topic_memo {
                b = b.with_topic_memo(v.clone());
            }
            if let Some(k) = &s.admin_key {
                b = b.with_admin_key(parse_public("adminKey", k)?);
            }
            if let Some(k) = &s.submit_key {
                b = b.with_submit_key(parse_public("submitKey", k)?);
            }
            Ok(Box::new(b))
        }
        "TopicMessageSubmitTransaction" => {
            let topic: TopicId = required_id("topicId", &s.topic_id)?;
            let message = required("message", &s.message)?.to_vec();
            let b = TopicMessageSubmitTransaction::new()
                .with_topic_id(topic)
                .with_message(message);
            Ok(Box::new(b))
        }
        "ScheduleSignTransaction" => {
            let id: ScheduleId = required_id("scheduleId", &s.schedule_id)?;
            let b = ScheduleSignTransaction::new().with_schedule_id(id);
            Ok(Box::new(b))
        }
        other => Err(invalid(
            "type",
            format!("unknown transaction type {other:?}"),
        )),
    }
}

/// Freezes the spec; `fill` supplies what the builder left open (from a client).
pub fn freeze(s: &Spec, fill: Fill<'_>) -> JsResult<Transaction> {
    let mut common = Common::parse(s)?;
    common.fill(fill);
    if s.kind == "ScheduleCreateTransaction" {
        let inner = required("scheduledTransaction", &s.scheduled)?;
        let mut b =
            builder(inner)?.schedule(Common::scheduled(inner), ScheduleCreateTransaction::new())?;
        if let Some(m) = &s.schedule_memo {
            b = b.with_schedule_memo(m.clone());
        }
        if let Some(k) = &s.admin_key {
            b = b.with_admin_key(parse_public("adminKey", k)?);
        }
        if let Some(p) = &s.payer_account_id {
            b = b.with_payer_account_id(parse_in("payerAccountId", p)?);
        }
        return common.apply(b).freeze().map_err(core);
    }
    builder(s)?.freeze(common)
}
