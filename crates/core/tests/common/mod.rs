//! Shared by the native conformance tests: the SDK corpus (made by the real JS SDK) and an
//! interpreter that builds the same transactions with the core.
#![allow(dead_code)]

use loyal_core::{
    hbar::Hbar,
    id::{AccountId, NftId, ScheduleId, TokenId, TopicId},
    key::{Key, KeyList, PrivateKey},
    time::{Duration, Timestamp},
    transaction::*,
    transaction_id::TransactionId,
};
use serde_json::Value;
use std::collections::BTreeMap;

/// Runs a script of tests/sdk (the official JS SDK) with node.
pub fn node(script: &str, stdin: Option<&str>) -> String {
    let peer = loyal_jspeer::Peer::new("sdk", "@hashgraph/sdk", script);
    match stdin {
        Some(input) => peer.with_stdin(input).run(),
        None => peer.run(),
    }
}

pub struct Corpus {
    pub json: Value,
    pub keys: BTreeMap<String, PrivateKey>,
}

pub fn corpus() -> Corpus {
    let json: Value = serde_json::from_str(&node("corpus.mjs", None)).expect("corpus is JSON");
    let keys = json["keys"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, k)| {
            (
                name.clone(),
                PrivateKey::from_str_der(k["privateDer"].as_str().unwrap()).unwrap(),
            )
        })
        .collect();
    Corpus { json, keys }
}

fn s(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}
fn acct(v: &Value) -> AccountId {
    s(v).parse().unwrap()
}
fn tok(v: &Value) -> TokenId {
    s(v).parse().unwrap()
}
fn int(v: &Value) -> i64 {
    match v {
        Value::String(x) => x.parse().unwrap(),
        _ => v.as_i64().unwrap(),
    }
}
fn hex(v: &Value) -> Vec<u8> {
    hex::decode(s(v)).unwrap()
}
fn arr(v: &Value) -> &Vec<Value> {
    static EMPTY: Vec<Value> = Vec::new();
    v.as_array().unwrap_or(&EMPTY)
}
fn ts(v: &Value) -> Timestamp {
    Timestamp::new(int(&v[0]), int(&v[1]) as i32)
}

impl Corpus {
    pub fn key(&self, spec: &Value) -> Key {
        match spec {
            Value::String(name) => Key::Single(self.keys[name].public_key()),
            _ => {
                let items = if spec["keys"].is_array() {
                    &spec["keys"]
                } else {
                    &spec["list"]
                };
                let keys: Vec<Key> = arr(items).iter().map(|k| self.key(k)).collect();
                match spec["threshold"].as_u64() {
                    Some(t) => KeyList::threshold(t as u32, keys).into(),
                    None => KeyList::all(keys).into(),
                }
            }
        }
    }

    fn common<D: TransactionData>(&self, b: Builder<D>, c: &Value) -> Builder<D> {
        let mut b = b
            .with_transaction_id(TransactionId::new(acct(&c["payer"]), ts(&c["validStart"])))
            .with_node_account_ids(arr(&c["nodes"]).iter().map(acct))
            .with_memo(s(&c["memo"]));
        if !c["maxFee"].is_null() {
            b = b.with_max_transaction_fee(Hbar::from_tinybars(int(&c["maxFee"])));
        }
        if !c["duration"].is_null() {
            b = b.with_transaction_valid_duration(Duration::from_secs(int(&c["duration"])));
        }
        b
    }

    /// Builds, freezes and signs a corpus case with the core.
    pub fn build(&self, c: &Value) -> loyal_core::Result<Transaction> {
        let mut tx = self.freeze(s(&c["kind"]), &c["params"], c)?;
        for signer in arr(&c["signers"]) {
            tx.sign(&self.keys[s(signer)]);
        }
        Ok(tx)
    }

    fn freeze(&self, kind: &str, p: &Value, c: &Value) -> loyal_core::Result<Transaction> {
        macro_rules! done {
            ($b:expr) => {
                self.common($b, c).freeze()
            };
        }
        match kind {
            "scheduleCreate" => {
                let inner = &p["inner"];
                let mut b = ScheduleCreateTransaction::new();
                b = self.schedule_inner(b, s(&inner["kind"]), &inner["params"], inner)?;
                if let Some(m) = p["scheduleMemo"].as_str() {
                    b = b.with_schedule_memo(m);
                }
                if !p["adminKey"].is_null() {
                    b = b.with_admin_key(self.key(&p["adminKey"]));
                }
                if !p["payer"].is_null() {
                    b = b.with_payer_account_id(acct(&p["payer"]));
                }
                if !p["expiry"].is_null() {
                    b = b.with_expiration_time(ts(&p["expiry"]));
                }
                if p["waitForExpiry"].as_bool() == Some(true) {
                    b = b.with_wait_for_expiry(true);
                }
                done!(b)
            }
            "scheduleSign" => done!(ScheduleSignTransaction::new()
                .with_schedule_id(s(&p["schedule"]).parse::<ScheduleId>().unwrap())),
            _ => self.with_builder(kind, p, |any| match any {
                AnyBuilder::AccountCreate(b) => done!(b),
                AnyBuilder::Transfer(b) => done!(b),
                AnyBuilder::TokenCreate(b) => done!(b),
                AnyBuilder::TokenAssociate(b) => done!(b),
                AnyBuilder::TokenDissociate(b) => done!(b),
                AnyBuilder::TokenMint(b) => done!(b),
                AnyBuilder::TokenBurn(b) => done!(b),
                AnyBuilder::TokenWipe(b) => done!(b),
                AnyBuilder::TokenFreeze(b) => done!(b),
                AnyBuilder::TokenUnfreeze(b) => done!(b),
                AnyBuilder::TokenGrantKyc(b) => done!(b),
                AnyBuilder::TokenRevokeKyc(b) => done!(b),
                AnyBuilder::TokenPause(b) => done!(b),
                AnyBuilder::TokenUnpause(b) => done!(b),
                AnyBuilder::TokenUpdateNfts(b) => done!(b),
                AnyBuilder::TokenAirdrop(b) => done!(b),
                AnyBuilder::TokenClaimAirdrop(b) => done!(b),
                AnyBuilder::TokenCancelAirdrop(b) => done!(b),
                AnyBuilder::TokenReject(b) => done!(b),
                AnyBuilder::TopicCreate(b) => done!(b),
                AnyBuilder::TopicMessage(b) => done!(b),
            }),
        }
    }

    fn schedule_inner(
        &self,
        outer: ScheduleCreateTransaction,
        kind: &str,
        p: &Value,
        inner: &Value,
    ) -> loyal_core::Result<ScheduleCreateTransaction> {
        let fee = Hbar::from_tinybars(int(&inner["maxFee"]));
        let memo = s(&inner["memo"]);
        macro_rules! wrap {
            ($b:expr) => {
                outer.with_scheduled_transaction(&$b.with_max_transaction_fee(fee).with_memo(memo))
            };
        }
        self.with_builder(kind, p, |any| match any {
            AnyBuilder::Transfer(b) => wrap!(b),
            AnyBuilder::TokenMint(b) => wrap!(b),
            AnyBuilder::TokenAssociate(b) => wrap!(b),
            _ => panic!("corpus schedules only transfer, mint and associate"),
        })
    }

    fn with_builder<R>(&self, kind: &str, p: &Value, f: impl FnOnce(AnyBuilder) -> R) -> R {
        let b = match kind {
            "accountCreate" => {
                let mut b = AccountCreateTransaction::new()
                    .with_key(self.key(&p["key"]))
                    .with_initial_balance(Hbar::from_tinybars(int(&p["initialBalance"])));
                if p["receiverSigRequired"].as_bool() == Some(true) {
                    b = b.with_receiver_signature_required(true);
                }
                if !p["maxAutoAssociations"].is_null() {
                    b = b.with_max_automatic_token_associations(
                        int(&p["maxAutoAssociations"]) as i32
                    );
                }
                if let Some(m) = p["accountMemo"].as_str() {
                    b = b.with_account_memo(m);
                }
                if !p["autoRenewPeriod"].is_null() {
                    b = b.with_auto_renew_period(Duration::from_secs(int(&p["autoRenewPeriod"])));
                }
                if !p["stakedNodeId"].is_null() {
                    b = b.with_staked_node_id(int(&p["stakedNodeId"]));
                }
                if p["declineReward"].as_bool() == Some(true) {
                    b = b.with_decline_staking_reward(true);
                }
                AnyBuilder::AccountCreate(b)
            }
            "transfer" => {
                let mut b = TransferTransaction::new();
                for h in arr(&p["hbar"]) {
                    let amount = Hbar::from_tinybars(int(&h[1]));
                    b = if h[2].as_bool() == Some(true) {
                        b.with_approved_hbar_transfer(acct(&h[0]), amount)
                    } else {
                        b.with_hbar_transfer(acct(&h[0]), amount)
                    };
                }
                for t in arr(&p["tokens"]) {
                    b = if t[4].as_bool() == Some(true) {
                        b.with_approved_token_transfer(tok(&t[0]), acct(&t[1]), int(&t[2]))
                    } else if !t[3].is_null() {
                        b.with_token_transfer_with_decimals(
                            tok(&t[0]),
                            acct(&t[1]),
                            int(&t[2]),
                            int(&t[3]) as u32,
                        )
                    } else {
                        b.with_token_transfer(tok(&t[0]), acct(&t[1]), int(&t[2]))
                    };
                }
                for n in arr(&p["nfts"]) {
                    let nft = NftId::new(tok(&n[0]), int(&n[1]) as u64);
                    b = if n[4].as_bool() == Some(true) {
                        b.with_approved_nft_transfer(nft, acct(&n[2]), acct(&n[3]))
                    } else {
                        b.with_nft_transfer(nft, acct(&n[2]), acct(&n[3]))
                    };
                }
                AnyBuilder::Transfer(b)
            }
            "tokenCreate" => AnyBuilder::TokenCreate(self.token_create(p)),
            "tokenAssociate" => AnyBuilder::TokenAssociate(
                TokenAssociateTransaction::new()
                    .with_account_id(acct(&p["account"]))
                    .with_token_ids(arr(&p["tokens"]).iter().map(tok)),
            ),
            "tokenDissociate" => AnyBuilder::TokenDissociate(
                TokenDissociateTransaction::new()
                    .with_account_id(acct(&p["account"]))
                    .with_token_ids(arr(&p["tokens"]).iter().map(tok)),
            ),
            "tokenMint" => {
                let mut b = TokenMintTransaction::new().with_token_id(tok(&p["token"]));
                if !p["amount"].is_null() {
                    b = b.with_amount(int(&p["amount"]) as u64);
                }
                AnyBuilder::TokenMint(b.with_metadata(arr(&p["metadata"]).iter().map(hex)))
            }
            "tokenBurn" => {
                let mut b = TokenBurnTransaction::new().with_token_id(tok(&p["token"]));
                if !p["amount"].is_null() {
                    b = b.with_amount(int(&p["amount"]) as u64);
                }
                AnyBuilder::TokenBurn(b.with_serials(arr(&p["serials"]).iter().map(int)))
            }
            "tokenWipe" => {
                let mut b = TokenWipeTransaction::new()
                    .with_token_id(tok(&p["token"]))
                    .with_account_id(acct(&p["account"]));
                if !p["amount"].is_null() {
                    b = b.with_amount(int(&p["amount"]) as u64);
                }
                AnyBuilder::TokenWipe(b.with_serials(arr(&p["serials"]).iter().map(int)))
            }
            "tokenFreeze" => AnyBuilder::TokenFreeze(
                TokenFreezeTransaction::new()
                    .with_token_id(tok(&p["token"]))
                    .with_account_id(acct(&p["account"])),
            ),
            "tokenUnfreeze" => AnyBuilder::TokenUnfreeze(
                TokenUnfreezeTransaction::new()
                    .with_token_id(tok(&p["token"]))
                    .with_account_id(acct(&p["account"])),
            ),
            "tokenGrantKyc" => AnyBuilder::TokenGrantKyc(
                TokenGrantKycTransaction::new()
                    .with_token_id(tok(&p["token"]))
                    .with_account_id(acct(&p["account"])),
            ),
            "tokenRevokeKyc" => AnyBuilder::TokenRevokeKyc(
                TokenRevokeKycTransaction::new()
                    .with_token_id(tok(&p["token"]))
                    .with_account_id(acct(&p["account"])),
            ),
            "tokenPause" => {
                AnyBuilder::TokenPause(TokenPauseTransaction::new().with_token_id(tok(&p["token"])))
            }
            "tokenUnpause" => AnyBuilder::TokenUnpause(
                TokenUnpauseTransaction::new().with_token_id(tok(&p["token"])),
            ),
            "tokenUpdateNfts" => AnyBuilder::TokenUpdateNfts(
                TokenUpdateNftsTransaction::new()
                    .with_token_id(tok(&p["token"]))
                    .with_serials(arr(&p["serials"]).iter().map(int))
                    .with_metadata(hex(&p["metadata"])),
            ),
            "tokenAirdrop" => {
                let mut b = TokenAirdropTransaction::new();
                for t in arr(&p["tokens"]) {
                    b = if !t[3].is_null() {
                        b.with_token_transfer_with_decimals(
                            tok(&t[0]),
                            acct(&t[1]),
                            int(&t[2]),
                            int(&t[3]) as u32,
                        )
                    } else {
                        b.with_token_transfer(tok(&t[0]), acct(&t[1]), int(&t[2]))
                    };
                }
                for n in arr(&p["nfts"]) {
                    b = b.with_nft_transfer(
                        NftId::new(tok(&n[0]), int(&n[1]) as u64),
                        acct(&n[2]),
                        acct(&n[3]),
                    );
                }
                AnyBuilder::TokenAirdrop(b)
            }
            "tokenClaimAirdrop" => AnyBuilder::TokenClaimAirdrop(
                TokenClaimAirdropTransaction::new().with_pending_airdrops(pending(p)),
            ),
            "tokenCancelAirdrop" => AnyBuilder::TokenCancelAirdrop(
                TokenCancelAirdropTransaction::new().with_pending_airdrops(pending(p)),
            ),
            "tokenReject" => {
                let mut b = TokenRejectTransaction::new()
                    .with_token_ids(arr(&p["tokens"]).iter().map(tok))
                    .with_nft_ids(
                        arr(&p["nfts"])
                            .iter()
                            .map(|n| NftId::new(tok(&n[0]), int(&n[1]) as u64)),
                    );
                if !p["owner"].is_null() {
                    b = b.with_owner(acct(&p["owner"]));
                }
                AnyBuilder::TokenReject(b)
            }
            "topicCreate" => {
                let mut b = TopicCreateTransaction::new();
                if let Some(m) = p["topicMemo"].as_str() {
                    b = b.with_topic_memo(m);
                }
                if !p["adminKey"].is_null() {
                    b = b.with_admin_key(self.key(&p["adminKey"]));
                }
                if !p["submitKey"].is_null() {
                    b = b.with_submit_key(self.key(&p["submitKey"]));
                }
                if !p["autoRenewAccount"].is_null() {
                    b = b.with_auto_renew_account(acct(&p["autoRenewAccount"]));
                }
                if !p["autoRenewPeriod"].is_null() {
                    b = b.with_auto_renew_period(Duration::from_secs(int(&p["autoRenewPeriod"])));
                }
                AnyBuilder::TopicCreate(b)
            }
            "topicMessage" => {
                let message = match p["message"].as_str() {
                    Some(m) => m.to_owned(),
                    None => s(&p["messageRepeat"][0]).repeat(int(&p["messageRepeat"][1]) as usize),
                };
                AnyBuilder::TopicMessage(
                    TopicMessageSubmitTransaction::new()
                        .with_topic_id(s(&p["topic"]).parse::<TopicId>().unwrap())
                        .with_message(message.into_bytes()),
                )
            }
            other => panic!("unknown corpus kind {other}"),
        };
        f(b)
    }

    fn token_create(&self, p: &Value) -> TokenCreateTransaction {
        let mut b = TokenCreateTransaction::new()
            .with_name(s(&p["name"]))
            .with_symbol(s(&p["symbol"]))
            .with_treasury(acct(&p["treasury"]));
        if !p["decimals"].is_null() {
            b = b.with_decimals(int(&p["decimals"]) as u32);
        }
        if !p["initialSupply"].is_null() {
            b = b.with_initial_supply(int(&p["initialSupply"]) as u64);
        }
        let k = &p["keys"];
        let key = |name: &str| (!k[name].is_null()).then(|| self.key(&k[name]));
        if let Some(x) = key("admin") {
            b = b.with_admin_key(x);
        }
        if let Some(x) = key("kyc") {
            b = b.with_kyc_key(x);
        }
        if let Some(x) = key("freeze") {
            b = b.with_freeze_key(x);
        }
        if let Some(x) = key("wipe") {
            b = b.with_wipe_key(x);
        }
        if let Some(x) = key("supply") {
            b = b.with_supply_key(x);
        }
        if let Some(x) = key("feeSchedule") {
            b = b.with_fee_schedule_key(x);
        }
        if let Some(x) = key("pause") {
            b = b.with_pause_key(x);
        }
        if let Some(x) = key("metadata") {
            b = b.with_metadata_key(x);
        }
        if p["freezeDefault"].as_bool() == Some(true) {
            b = b.with_freeze_default(true);
        }
        if !p["autoRenewAccount"].is_null() {
            b = b.with_auto_renew_account(acct(&p["autoRenewAccount"]));
        }
        if !p["autoRenewPeriod"].is_null() {
            b = b.with_auto_renew_period(Duration::from_secs(int(&p["autoRenewPeriod"])));
        }
        if !p["expiry"].is_null() {
            b = b.with_expiration_time(ts(&p["expiry"]));
        }
        if let Some(m) = p["tokenMemo"].as_str() {
            b = b.with_token_memo(m);
        }
        if p["tokenType"].as_str() == Some("nft") {
            b = b.with_token_type(TokenType::NonFungibleUnique);
        }
        if p["supplyType"].as_str() == Some("finite") {
            b = b.with_supply_type(TokenSupplyType::Finite);
        }
        if !p["maxSupply"].is_null() {
            b = b.with_max_supply(int(&p["maxSupply"]));
        }
        if !p["metadata"].is_null() {
            b = b.with_metadata(hex(&p["metadata"]));
        }
        let fees = arr(&p["customFees"])
            .iter()
            .map(|f| {
                let kind = match s(&f["type"]) {
                    "fixed" => FeeKind::Fixed {
                        amount: int(&f["amount"]),
                        denominating_token: f["token"].as_str().map(|t| t.parse().unwrap()),
                    },
                    "fractional" => FeeKind::Fractional {
                        numerator: int(&f["num"]),
                        denominator: int(&f["den"]),
                        minimum: int(&f["min"]),
                        maximum: int(&f["max"]),
                        net_of_transfers: f["netOfTransfers"].as_bool() == Some(true),
                    },
                    _ => FeeKind::Royalty {
                        numerator: int(&f["num"]),
                        denominator: int(&f["den"]),
                        fallback: (!f["fallback"].is_null()).then(|| {
                            (
                                int(&f["fallback"]["amount"]),
                                f["fallback"]["token"].as_str().map(|t| t.parse().unwrap()),
                            )
                        }),
                    },
                };
                CustomFee {
                    kind,
                    fee_collector: acct(&f["collector"]),
                    all_collectors_are_exempt: f["exempt"].as_bool() == Some(true),
                }
            })
            .collect::<Vec<_>>();
        if !fees.is_empty() {
            b = b.with_custom_fees(fees);
        }
        b
    }
}

fn pending(p: &Value) -> Vec<PendingAirdropId> {
    arr(&p["pending"])
        .iter()
        .map(|x| PendingAirdropId {
            sender: acct(&x["sender"]),
            receiver: acct(&x["receiver"]),
            token_id: tok(&x["token"]),
            serial: x["serial"].as_u64(),
        })
        .collect()
}

#[allow(clippy::large_enum_variant)] // test helper: one builder of each type, built once
pub enum AnyBuilder {
    AccountCreate(AccountCreateTransaction),
    Transfer(TransferTransaction),
    TokenCreate(TokenCreateTransaction),
    TokenAssociate(TokenAssociateTransaction),
    TokenDissociate(TokenDissociateTransaction),
    TokenMint(TokenMintTransaction),
    TokenBurn(TokenBurnTransaction),
    TokenWipe(TokenWipeTransaction),
    TokenFreeze(TokenFreezeTransaction),
    TokenUnfreeze(TokenUnfreezeTransaction),
    TokenGrantKyc(TokenGrantKycTransaction),
    TokenRevokeKyc(TokenRevokeKycTransaction),
    TokenPause(TokenPauseTransaction),
    TokenUnpause(TokenUnpauseTransaction),
    TokenUpdateNfts(TokenUpdateNftsTransaction),
    TokenAirdrop(TokenAirdropTransaction),
    TokenClaimAirdrop(TokenClaimAirdropTransaction),
    TokenCancelAirdrop(TokenCancelAirdropTransaction),
    TokenReject(TokenRejectTransaction),
    TopicCreate(TopicCreateTransaction),
    TopicMessage(TopicMessageSubmitTransaction),
}

/// Field-level view of serialized transactions, for readable mismatch reports.
pub fn describe(bytes: &[u8]) -> String {
    use loyal_core::proto::{self, Message};
    let list = proto::TransactionList::decode(bytes).unwrap();
    let mut out = String::new();
    for (i, t) in list.transaction_list.iter().enumerate() {
        let signed = proto::SignedTransaction::decode(t.signed_transaction_bytes()).unwrap();
        let body = proto::TransactionBody::decode(signed.body_bytes()).unwrap();
        out += &format!(
            "entry {i}: {body:#?}\nsigs: {:?}\n",
            signed.sig_map.map(|m| m.sig_pair.len())
        );
    }
    out
}
