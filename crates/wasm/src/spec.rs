//! A transaction spec (what the JS builder classes collect) turned into a frozen core
//! transaction. Ids are strings (`"0.0.1001"`, `"0.0.5/1"` for NFTs), keys any string form,
//! amounts `bigint` or integer numbers, byte fields `Uint8Array` or strings (UTF-8).
//!
//! Every builder type has two exports that read only its own fields: `freeze<Type>Transaction`
//! gives a `Transaction` (what the builder classes call) and `freeze<Type>` its bytes (the
//! functions an app imports one by one: `freezeTokenMint`, then `signTransaction`). The wasm
//! is then one function per type and form, which `@loyal/hedera/shake` drops for those an
//! app's bundle never names. Only the schedule, whose inner transaction may be of any type,
//! dispatches on `type`.

use crate::error::{core, invalid, missing, parse_in, JsResult};
use crate::prelude::*;
use crate::read::{self, Obj};
use crate::tx::Transaction as JsTransaction;
use core::str::FromStr;
use loyal_core::hbar::Hbar;
use loyal_core::id::{AccountId, NftId, TokenId};
use loyal_core::key::PublicKey;
use loyal_core::text::Quoted;
use loyal_core::time::Duration;
use loyal_core::transaction::*;
use loyal_core::transaction_id::TransactionId;
use wasm_bindgen::prelude::*;

/// An id (or other core type given as a string), parsed if present; a refusal names the field.
fn opt_id<T: FromStr<Err = loyal_core::Error>>(s: &Obj<'_>, field: &str) -> JsResult<Option<T>> {
    match s.string(field)? {
        Some(v) => parse_in(&s.path(field), &v).map(Some),
        None => Ok(None),
    }
}

/// A required id; missing or refused names the field.
fn required_id<T: FromStr<Err = loyal_core::Error>>(s: &Obj<'_>, field: &str) -> JsResult<T> {
    opt_id(s, field)?.ok_or_else(|| missing(&s.path(field)))
}

/// Every item of a list of ids, parsed; absent is empty, a refusal names the field.
fn ids<T: FromStr<Err = loyal_core::Error>>(s: &Obj<'_>, field: &str) -> JsResult<Vec<T>> {
    s.list(field, JsValue::as_string)?
        .iter()
        .map(|item| parse_in(field, item))
        .collect()
}

/// A public key in any string form, if present.
fn key(s: &Obj<'_>, field: &str) -> JsResult<Option<PublicKey>> {
    opt_id(s, field)
}

/// What a client supplies for a builder that left them open: transaction id and nodes.
pub type Fill<'a> = &'a dyn Fn() -> Option<(TransactionId, Vec<AccountId>)>;

/// The frame every transaction shares (id, nodes, fee, duration, memo), read once and not
/// per builder type, so each type adds only its own fields to the wasm.
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
    fn scheduled(s: &Obj<'_>) -> JsResult<Self> {
        Ok(Common {
            transaction_id: None,
            node_account_ids: None,
            max_transaction_fee: s.int("maxTransactionFee")?.map(Hbar::from_tinybars),
            valid_duration: None,
            memo: s.string("transactionMemo")?,
        })
    }

    /// The whole frame: the scheduled part plus id, nodes and valid duration.
    fn parse(s: &Obj<'_>) -> JsResult<Self> {
        let mut common = Common::scheduled(s)?;
        common.transaction_id = opt_id(s, "transactionId")?;
        if let Some(nodes) = s.opt_list("nodeAccountIds", JsValue::as_string)? {
            common.node_account_ids = Some(
                nodes
                    .iter()
                    .map(|n| parse_in("nodeAccountIds", n))
                    .collect::<JsResult<_>>()?,
            );
        }
        common.valid_duration = s.int("transactionValidDuration")?.map(Duration::from_secs);
        Ok(common)
    }

    /// Fills what the spec left open from the client (`fill`), once for every type.
    fn fill(&mut self, fill: Fill<'_>) {
        if let Some((id, nodes)) = fill() {
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

/// What the paths that take any type (a schedule's inner transaction, `Client::freeze`) do
/// with the typed builder a spec's `type` names. A generic method, not a trait object: a
/// vtable would put every builder in the function table, which `@loyal/hedera/shake` keeps
/// whole without the shake graph (with it, whenever the vtable's static is live).
trait OnBuilder {
    type Out;
    fn on<D: TransactionData>(self, b: Builder<D>) -> JsResult<Self::Out>;
}

/// Freezes with the frame.
struct Freeze(Common);

impl OnBuilder for Freeze {
    type Out = Transaction;
    fn on<D: TransactionData>(self, b: Builder<D>) -> JsResult<Transaction> {
        self.0.apply(b).freeze().map_err(core)
    }
}

/// Puts the builder, with the scheduled part of its frame, into a ScheduleCreate.
struct Schedule(Common);

impl OnBuilder for Schedule {
    type Out = ScheduleCreateTransaction;
    fn on<D: TransactionData>(self, b: Builder<D>) -> JsResult<ScheduleCreateTransaction> {
        ScheduleCreateTransaction::new()
            .with_scheduled_transaction(&self.0.apply(b))
            .map_err(core)
    }
}

/// Freezes one type: the frame, then the type's own fields (`build`).
/// Out of line: each type's two exports (a `Transaction`, bytes) share one copy.
#[inline(never)]
fn freeze_as<D: TransactionData>(
    spec: &JsValue,
    build: fn(&Obj<'_>) -> JsResult<Builder<D>>,
) -> JsResult<JsTransaction> {
    let s = Obj::new("spec", spec)?;
    let common = Common::parse(&s)?;
    let b = build(&s)?;
    common.apply(b).freeze().map(JsTransaction).map_err(core)
}

/// The builder types: the spec's `type` (the JS class name), its export, its fields.
macro_rules! builders {
    ($($kind:literal => $export:ident, $js:literal, $to_bytes:ident, $bytes_js:literal, $build:ident;)*) => {
        $(
            #[doc = concat!("Freezes a `", $kind, "` spec that names its transaction id and nodes.")]
            #[wasm_bindgen(js_name = $js)]
            pub fn $export(spec: JsValue) -> JsResult<JsTransaction> {
                freeze_as(&spec, $build)
            }

            #[doc = concat!("The same, as bytes: what `new ", $kind, "()…freeze().toBytes()` gives.")]
            #[wasm_bindgen(js_name = $bytes_js)]
            pub fn $to_bytes(spec: JsValue) -> JsResult<Vec<u8>> {
                freeze_as(&spec, $build).map(|t| t.0.to_bytes())
            }
        )*

        /// The typed builder the spec's `type` names, its own fields set (not the frame),
        /// handed to `then`.
        fn with_builder<T: OnBuilder>(s: &Obj<'_>, then: T) -> JsResult<T::Out> {
            match s.req_string("type")?.as_str() {
                $($kind => then.on($build(s)?),)*
                other => Err(invalid("type", &text!("unknown transaction type ", Quoted(other)))),
            }
        }
    };
}

builders! {
    "AccountCreateTransaction" => freeze_account_create, "freezeAccountCreateTransaction", freeze_account_create_bytes, "freezeAccountCreate", account_create;
    "TransferTransaction" => freeze_transfer, "freezeTransferTransaction", freeze_transfer_bytes, "freezeTransfer", transfer;
    "TokenAirdropTransaction" => freeze_token_airdrop, "freezeTokenAirdropTransaction", freeze_token_airdrop_bytes, "freezeTokenAirdrop", token_airdrop;
    "TokenCreateTransaction" => freeze_token_create, "freezeTokenCreateTransaction", freeze_token_create_bytes, "freezeTokenCreate", token_create;
    "TokenAssociateTransaction" => freeze_token_associate, "freezeTokenAssociateTransaction", freeze_token_associate_bytes, "freezeTokenAssociate", token_associate;
    "TokenDissociateTransaction" => freeze_token_dissociate, "freezeTokenDissociateTransaction", freeze_token_dissociate_bytes, "freezeTokenDissociate", token_dissociate;
    "TokenMintTransaction" => freeze_token_mint, "freezeTokenMintTransaction", freeze_token_mint_bytes, "freezeTokenMint", token_mint;
    "TokenBurnTransaction" => freeze_token_burn, "freezeTokenBurnTransaction", freeze_token_burn_bytes, "freezeTokenBurn", token_burn;
    "TokenUpdateNftsTransaction" => freeze_token_update_nfts, "freezeTokenUpdateNftsTransaction", freeze_token_update_nfts_bytes, "freezeTokenUpdateNfts", token_update_nfts;
    "TokenFreezeTransaction" => freeze_token_freeze, "freezeTokenFreezeTransaction", freeze_token_freeze_bytes, "freezeTokenFreeze", token_freeze;
    "TokenUnfreezeTransaction" => freeze_token_unfreeze, "freezeTokenUnfreezeTransaction", freeze_token_unfreeze_bytes, "freezeTokenUnfreeze", token_unfreeze;
    "TokenGrantKycTransaction" => freeze_token_grant_kyc, "freezeTokenGrantKycTransaction", freeze_token_grant_kyc_bytes, "freezeTokenGrantKyc", token_grant_kyc;
    "TokenRevokeKycTransaction" => freeze_token_revoke_kyc, "freezeTokenRevokeKycTransaction", freeze_token_revoke_kyc_bytes, "freezeTokenRevokeKyc", token_revoke_kyc;
    "TokenPauseTransaction" => freeze_token_pause, "freezeTokenPauseTransaction", freeze_token_pause_bytes, "freezeTokenPause", token_pause;
    "TokenUnpauseTransaction" => freeze_token_unpause, "freezeTokenUnpauseTransaction", freeze_token_unpause_bytes, "freezeTokenUnpause", token_unpause;
    "TokenClaimAirdropTransaction" => freeze_token_claim_airdrop, "freezeTokenClaimAirdropTransaction", freeze_token_claim_airdrop_bytes, "freezeTokenClaimAirdrop", token_claim_airdrop;
    "TokenCancelAirdropTransaction" => freeze_token_cancel_airdrop, "freezeTokenCancelAirdropTransaction", freeze_token_cancel_airdrop_bytes, "freezeTokenCancelAirdrop", token_cancel_airdrop;
    "TokenRejectTransaction" => freeze_token_reject, "freezeTokenRejectTransaction", freeze_token_reject_bytes, "freezeTokenReject", token_reject;
    "TopicCreateTransaction" => freeze_topic_create, "freezeTopicCreateTransaction", freeze_topic_create_bytes, "freezeTopicCreate", topic_create;
    "TopicMessageSubmitTransaction" => freeze_topic_message_submit, "freezeTopicMessageSubmitTransaction", freeze_topic_message_submit_bytes, "freezeTopicMessageSubmit", topic_message_submit;
    "ScheduleSignTransaction" => freeze_schedule_sign, "freezeScheduleSignTransaction", freeze_schedule_sign_bytes, "freezeScheduleSign", schedule_sign;
}

/// Freezes a `ScheduleCreateTransaction` spec; its `scheduledTransaction` may be of any type.
#[wasm_bindgen(js_name = freezeScheduleCreateTransaction)]
pub fn freeze_schedule_create(spec: JsValue) -> JsResult<JsTransaction> {
    freeze_as(&spec, schedule_create)
}

/// The same, as bytes.
#[wasm_bindgen(js_name = freezeScheduleCreate)]
pub fn freeze_schedule_create_bytes(spec: JsValue) -> JsResult<Vec<u8>> {
    freeze_as(&spec, schedule_create).map(|t| t.0.to_bytes())
}

/// Freezes a spec of any type (its `type` names it); `fill` supplies what the builder left
/// open. What `Client::freeze` uses; the JS classes call their own `freeze<Type>`.
pub fn freeze_any(spec: &JsValue, fill: Fill<'_>) -> JsResult<Transaction> {
    let s = Obj::new("spec", spec)?;
    let mut common = Common::parse(&s)?;
    common.fill(fill);
    if s.req_string("type")? == "ScheduleCreateTransaction" {
        return common.apply(schedule_create(&s)?).freeze().map_err(core);
    }
    with_builder(&s, Freeze(common))
}

fn account_create(s: &Obj<'_>) -> JsResult<AccountCreateTransaction> {
    let mut b = AccountCreateTransaction::new();
    if let Some(k) = key(s, "key")? {
        b = b.with_key(k);
    }
    if let Some(v) = s.int("initialBalance")? {
        b = b.with_initial_balance(Hbar::from_tinybars(v));
    }
    if let Some(v) = s.int_in("maxAutomaticTokenAssociations")? {
        b = b.with_max_automatic_token_associations(v);
    }
    if let Some(v) = s.string("accountMemo")? {
        b = b.with_account_memo(v);
    }
    if let Some(v) = s.bool("receiverSignatureRequired")? {
        b = b.with_receiver_signature_required(v);
    }
    Ok(b)
}

fn transfer(s: &Obj<'_>) -> JsResult<TransferTransaction> {
    let mut b = TransferTransaction::new();
    for (account, amount) in s.objects("hbarTransfers", |t| {
        Ok((required_id(t, "accountId")?, required_amount(t)?))
    })? {
        b = b.with_hbar_transfer(account, Hbar::from_tinybars(amount));
    }
    with_tokens(s, b)
}

fn token_airdrop(s: &Obj<'_>) -> JsResult<TokenAirdropTransaction> {
    with_tokens(s, TokenAirdropTransaction::new())
}

fn required_amount(t: &Obj<'_>) -> JsResult<i64> {
    t.int("amount")?.ok_or_else(|| missing(&t.path("amount")))
}

/// The token and NFT transfers a transfer and an airdrop both carry.
fn with_tokens<D: WithTokenTransfers>(s: &Obj<'_>, mut b: Builder<D>) -> JsResult<Builder<D>> {
    let tokens = s.objects("tokenTransfers", |t| {
        Ok((
            required_id::<TokenId>(t, "tokenId")?,
            required_id::<AccountId>(t, "accountId")?,
            required_amount(t)?,
            t.int_in::<u32>("decimals")?,
        ))
    })?;
    for (tok, acc, amount, decimals) in tokens {
        b = match decimals {
            Some(d) => b.with_token_transfer_with_decimals(tok, acc, amount, d),
            None => b.with_token_transfer(tok, acc, amount),
        };
    }
    let nfts = s.objects("nftTransfers", |t| {
        Ok((
            required_id::<NftId>(t, "nftId")?,
            required_id::<AccountId>(t, "sender")?,
            required_id::<AccountId>(t, "receiver")?,
        ))
    })?;
    for (id, from, to) in nfts {
        b = b.with_nft_transfer(id, from, to);
    }
    Ok(b)
}

fn token_create(s: &Obj<'_>) -> JsResult<TokenCreateTransaction> {
    let mut b = TokenCreateTransaction::new();
    if let Some(v) = s.string("tokenName")? {
        b = b.with_name(v);
    }
    if let Some(v) = s.string("tokenSymbol")? {
        b = b.with_symbol(v);
    }
    if let Some(v) = s.int_in("decimals")? {
        b = b.with_decimals(v);
    }
    if let Some(v) = s.uint("initialSupply")? {
        b = b.with_initial_supply(v);
    }
    if let Some(v) = opt_id(s, "treasuryAccountId")? {
        b = b.with_treasury(v);
    }
    // Written out, not a table of `fn` pointers: a table puts the eight setters in the wasm's
    // function table, and @loyal/hedera/shake keeps a slot whose number appears as a constant
    // in wasm-bindgen's own shims, so some stay in every app (+246 B gzip for the shaken mint
    // app, measured with the shake graph; +337 B without it).
    if let Some(k) = key(s, "adminKey")? {
        b = b.with_admin_key(k);
    }
    if let Some(k) = key(s, "kycKey")? {
        b = b.with_kyc_key(k);
    }
    if let Some(k) = key(s, "freezeKey")? {
        b = b.with_freeze_key(k);
    }
    if let Some(k) = key(s, "wipeKey")? {
        b = b.with_wipe_key(k);
    }
    if let Some(k) = key(s, "supplyKey")? {
        b = b.with_supply_key(k);
    }
    if let Some(k) = key(s, "pauseKey")? {
        b = b.with_pause_key(k);
    }
    if let Some(k) = key(s, "metadataKey")? {
        b = b.with_metadata_key(k);
    }
    if let Some(k) = key(s, "feeScheduleKey")? {
        b = b.with_fee_schedule_key(k);
    }
    if let Some(v) = s.bool("freezeDefault")? {
        b = b.with_freeze_default(v);
    }
    if let Some(v) = s.string("tokenType")? {
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
    if let Some(v) = s.string("supplyType")? {
        b = b.with_supply_type(match v.as_str() {
            "INFINITE" => TokenSupplyType::Infinite,
            "FINITE" => TokenSupplyType::Finite,
            _ => return Err(invalid("supplyType", "INFINITE or FINITE")),
        });
    }
    if let Some(v) = s.int("maxSupply")? {
        b = b.with_max_supply(v);
    }
    if let Some(v) = s.string("tokenMemo")? {
        b = b.with_token_memo(v);
    }
    if let Some(v) = s.bytes("tokenMetadata")? {
        b = b.with_metadata(v);
    }
    Ok(b)
}

fn token_associate(s: &Obj<'_>) -> JsResult<TokenAssociateTransaction> {
    Ok(TokenAssociateTransaction::new()
        .with_account_id(required_id(s, "accountId")?)
        .with_token_ids(ids(s, "tokenIds")?))
}

fn token_dissociate(s: &Obj<'_>) -> JsResult<TokenDissociateTransaction> {
    Ok(TokenDissociateTransaction::new()
        .with_account_id(required_id(s, "accountId")?)
        .with_token_ids(ids(s, "tokenIds")?))
}

fn token_mint(s: &Obj<'_>) -> JsResult<TokenMintTransaction> {
    let mut b = TokenMintTransaction::new().with_token_id(required_id(s, "tokenId")?);
    if let Some(a) = s.uint("amount")? {
        b = b.with_amount(a);
    }
    let metadata = s.list("metadata", read::bytes)?;
    if !metadata.is_empty() {
        b = b.with_metadata(metadata);
    }
    Ok(b)
}

fn token_burn(s: &Obj<'_>) -> JsResult<TokenBurnTransaction> {
    let mut b = TokenBurnTransaction::new().with_token_id(required_id(s, "tokenId")?);
    if let Some(a) = s.uint("amount")? {
        b = b.with_amount(a);
    }
    let serials = s.list("serials", read::int)?;
    if !serials.is_empty() {
        b = b.with_serials(serials);
    }
    Ok(b)
}

/// Metadata left out is not sent (the NFTs keep theirs); empty bytes clear it.
fn token_update_nfts(s: &Obj<'_>) -> JsResult<TokenUpdateNftsTransaction> {
    let mut b = TokenUpdateNftsTransaction::new()
        .with_token_id(required_id(s, "tokenId")?)
        .with_serials(s.list("serials", read::int)?);
    if let Some(m) = s.bytes("metadata")? {
        b = b.with_metadata(m);
    }
    Ok(b)
}

/// The four token-and-account flag transactions: a token id and an account id.
macro_rules! token_account {
    ($($f:ident => $builder:ty;)*) => {$(
        fn $f(s: &Obj<'_>) -> JsResult<$builder> {
            Ok(<$builder>::new()
                .with_token_id(required_id(s, "tokenId")?)
                .with_account_id(required_id(s, "accountId")?))
        }
    )*};
}

token_account! {
    token_freeze => TokenFreezeTransaction;
    token_unfreeze => TokenUnfreezeTransaction;
    token_grant_kyc => TokenGrantKycTransaction;
    token_revoke_kyc => TokenRevokeKycTransaction;
}

fn token_pause(s: &Obj<'_>) -> JsResult<TokenPauseTransaction> {
    Ok(TokenPauseTransaction::new().with_token_id(required_id(s, "tokenId")?))
}

fn token_unpause(s: &Obj<'_>) -> JsResult<TokenUnpauseTransaction> {
    Ok(TokenUnpauseTransaction::new().with_token_id(required_id(s, "tokenId")?))
}

fn pending_airdrops(s: &Obj<'_>) -> JsResult<Vec<PendingAirdropId>> {
    s.objects("pendingAirdrops", |p| {
        Ok(PendingAirdropId {
            sender: required_id(p, "sender")?,
            receiver: required_id(p, "receiver")?,
            token_id: required_id(p, "tokenId")?,
            serial: p.uint("serial")?,
        })
    })
}

fn token_claim_airdrop(s: &Obj<'_>) -> JsResult<TokenClaimAirdropTransaction> {
    Ok(TokenClaimAirdropTransaction::new().with_pending_airdrops(pending_airdrops(s)?))
}

fn token_cancel_airdrop(s: &Obj<'_>) -> JsResult<TokenCancelAirdropTransaction> {
    Ok(TokenCancelAirdropTransaction::new().with_pending_airdrops(pending_airdrops(s)?))
}

fn token_reject(s: &Obj<'_>) -> JsResult<TokenRejectTransaction> {
    let mut b = TokenRejectTransaction::new()
        .with_token_ids(ids(s, "tokenIds")?)
        .with_nft_ids(ids(s, "nftIds")?);
    if let Some(o) = opt_id(s, "ownerId")? {
        b = b.with_owner(o);
    }
    Ok(b)
}

fn topic_create(s: &Obj<'_>) -> JsResult<TopicCreateTransaction> {
    let mut b = TopicCreateTransaction::new();
    if let Some(v) = s.string("topicMemo")? {
        b = b.with_topic_memo(v);
    }
    if let Some(k) = key(s, "adminKey")? {
        b = b.with_admin_key(k);
    }
    if let Some(k) = key(s, "submitKey")? {
        b = b.with_submit_key(k);
    }
    Ok(b)
}

fn topic_message_submit(s: &Obj<'_>) -> JsResult<TopicMessageSubmitTransaction> {
    let message = s.bytes("message")?.ok_or_else(|| missing("message"))?;
    Ok(TopicMessageSubmitTransaction::new()
        .with_topic_id(required_id(s, "topicId")?)
        .with_message(message))
}

fn schedule_sign(s: &Obj<'_>) -> JsResult<ScheduleSignTransaction> {
    Ok(ScheduleSignTransaction::new().with_schedule_id(required_id(s, "scheduleId")?))
}

fn schedule_create(s: &Obj<'_>) -> JsResult<ScheduleCreateTransaction> {
    let inner = s
        .get("scheduledTransaction")?
        .ok_or_else(|| missing("scheduledTransaction"))?;
    let inner = Obj::new("scheduledTransaction", &inner)?;
    let mut b = with_builder(&inner, Schedule(Common::scheduled(&inner)?))?;
    if let Some(m) = s.string("scheduleMemo")? {
        b = b.with_schedule_memo(m);
    }
    if let Some(k) = key(s, "adminKey")? {
        b = b.with_admin_key(k);
    }
    if let Some(p) = opt_id(s, "payerAccountId")? {
        b = b.with_payer_account_id(p);
    }
    Ok(b)
}
