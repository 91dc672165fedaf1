//! The ledger: precheck, then deterministic handling of each transaction with Hedera's response
//! codes. Pure and synchronous (no I/O, time passed in), so it is tested without sockets.

use crate::fees::fee_for;
use crate::genesis;
use crate::record::{self, Changes, NftMove, Record};
use hedera_proto::services::{self as hp, transaction_body::Data, ResponseCodeEnum as Code};
use loyal_core::key::{Key, PublicKey};
use prost_013::Message;
use std::collections::{BTreeMap, HashMap};

type Outcome<T = ()> = Result<T, Code>;

/// How long receipts stay queryable, as on Hedera (~3 minutes).
pub const RECEIPT_TTL_NANOS: i128 = 180 * 1_000_000_000;
pub const NODE_ACCOUNT: i64 = 3;
const MAX_CLOCK_SKEW_NANOS: i128 = 10 * 1_000_000_000;
/// How far apart in consensus time two transactions are at least (Hedera's platform constant).
const CONSENSUS_SPACING_NANOS: i128 = 1_000;

#[derive(Clone)]
pub struct Account {
    pub key: Key,
    pub balance: u64,
    pub memo: String,
    pub receiver_sig_required: bool,
    pub max_auto_associations: i32,
    pub used_auto_associations: i32,
    /// Consensus time of creation (0 for genesis accounts), for the mirror.
    pub created: i128,
}

#[derive(Clone)]
pub struct Token {
    pub name: String,
    pub symbol: String,
    pub decimals: u32,
    pub treasury: u64,
    pub nft: bool,
    pub total_supply: u64,
    pub max_supply: Option<u64>,
    pub admin_key: Option<Key>,
    pub supply_key: Option<Key>,
    pub kyc_key: Option<Key>,
    pub freeze_key: Option<Key>,
    pub wipe_key: Option<Key>,
    pub pause_key: Option<Key>,
    pub metadata_key: Option<Key>,
    pub freeze_default: bool,
    pub paused: bool,
    pub next_serial: i64,
    pub memo: String,
    pub metadata: Vec<u8>,
    pub custom_fees: Vec<hp::CustomFee>,
    pub initial_supply: u64,
    pub created: i128,
    pub modified: i128,
}

#[derive(Clone, Default)]
pub struct Relationship {
    pub balance: u64,
    pub frozen: bool,
    pub kyc_granted: bool,
    pub created: i128,
    /// Made by an auto-association slot rather than a TokenAssociate.
    pub automatic: bool,
}

#[derive(Clone)]
pub struct Topic {
    pub memo: String,
    pub admin_key: Option<Key>,
    pub submit_key: Option<Key>,
    pub sequence_number: u64,
    pub running_hash: Vec<u8>,
}

#[derive(Clone)]
pub struct Nft {
    pub owner: u64,
    pub metadata: Vec<u8>,
    pub created: i128,
    pub modified: i128,
}

type TxKey = (i64, i64, i32, bool, i32);

/// A scheduled transaction waiting for its signatures (or already executed).
#[derive(Clone)]
pub struct Schedule {
    pub body: hp::TransactionBody,
    pub payer: u64,
    pub signers: Vec<PublicKey>,
    pub admin_key: Option<Key>,
    pub memo: String,
    pub executed: bool,
    pub creator: u64,
    pub created: i128,
    pub executed_at: Option<i128>,
    /// The SchedulableTransactionBody as submitted (the mirror shows it).
    pub scheduled_body: Vec<u8>,
}

/// (sender, receiver, token, serial — 0 for fungible)
pub type PendingKey = (u64, u64, u64, i64);

#[derive(Clone)]
pub struct Ledger {
    pub accounts: BTreeMap<u64, Account>,
    pub tokens: BTreeMap<u64, Token>,
    pub relationships: BTreeMap<(u64, u64), Relationship>,
    pub nfts: BTreeMap<(u64, i64), Nft>,
    pub topics: BTreeMap<u64, Topic>,
    pub schedules: BTreeMap<u64, Schedule>,
    /// HIP-904 airdrops waiting for the receiver to claim (amount for fungible tokens).
    pub pending_airdrops: BTreeMap<PendingKey, u64>,
    /// When each pending airdrop was (last) made, for the mirror.
    pub pending_since: BTreeMap<PendingKey, i128>,
    /// Receipt, time received and record of each recent transaction (for ~3 minutes).
    receipts: HashMap<TxKey, (hp::TransactionReceipt, i128, Box<Record>)>,
    /// Receipt keys in the order they expire.
    expiry: std::collections::VecDeque<(i128, TxKey)>,
    next_num: u64,
    last_consensus: i128,
    /// Balance changes of the transaction being handled.
    changes: Changes,
    /// Records of handled transactions, kept only when a mirror reads them.
    records: Option<Vec<Record>>,
}

fn tx_key(id: &hp::TransactionId) -> TxKey {
    let start = id.transaction_valid_start.unwrap_or_default();
    (
        account_num(id.account_id.as_ref()),
        start.seconds,
        start.nanos,
        id.scheduled,
        id.nonce,
    )
}

fn account_num(id: Option<&hp::AccountId>) -> i64 {
    match id.and_then(|a| a.account.as_ref()) {
        Some(hp::account_id::Account::AccountNum(n)) => *n,
        _ => -1,
    }
}

fn num(id: Option<&hp::AccountId>) -> Outcome<u64> {
    u64::try_from(account_num(id)).map_err(|_| Code::InvalidAccountId)
}

fn account_id(n: u64) -> hp::AccountId {
    hp::AccountId {
        shard_num: 0,
        realm_num: 0,
        account: Some(hp::account_id::Account::AccountNum(n as i64)),
    }
}

fn token_num(id: Option<&hp::TokenId>) -> Outcome<u64> {
    id.and_then(|t| u64::try_from(t.token_num).ok())
        .ok_or(Code::InvalidTokenId)
}

/// hedera-proto's `Key` → the core's `Key`, through the wire format both share.
pub fn core_key(k: &hp::Key) -> Outcome<Key> {
    let ours = <loyal_proto::Key as loyal_proto::Message>::decode(k.encode_to_vec().as_slice())
        .map_err(|_| Code::BadEncoding)?;
    Key::from_proto(&ours).map_err(|_| Code::BadEncoding)
}

fn optional_key(k: &Option<hp::Key>) -> Outcome<Option<Key>> {
    k.as_ref().map(core_key).transpose()
}

/// A decoded, signature-checked transaction ready to handle.
/// A transaction that passed precheck, with the time it was received.
#[derive(Clone)]
pub struct Accepted {
    checked: Checked,
    now: i128,
}

#[derive(Clone)]
struct Checked {
    body: hp::TransactionBody,
    signers: Vec<PublicKey>,
    payer: u64,
    key: TxKey,
    hash: Vec<u8>,
}

impl Default for Ledger {
    fn default() -> Self {
        Self::genesis()
    }
}

impl Ledger {
    pub fn genesis() -> Self {
        let mut accounts = BTreeMap::new();
        for g in genesis::accounts() {
            accounts.insert(
                g.num,
                Account {
                    key: Key::Single(g.key.public_key()),
                    balance: g.balance.to_tinybars() as u64,
                    memo: g.name.to_owned(),
                    receiver_sig_required: false,
                    max_auto_associations: 0,
                    used_auto_associations: 0,
                    created: 0,
                },
            );
        }
        let operator = accounts[&2].key.clone();
        accounts.insert(
            genesis::FEE_COLLECTOR,
            Account {
                key: operator,
                balance: 0,
                memo: "fee collection".to_owned(),
                receiver_sig_required: false,
                max_auto_associations: 0,
                used_auto_associations: 0,
                created: 0,
            },
        );
        Self {
            accounts,
            tokens: BTreeMap::new(),
            relationships: BTreeMap::new(),
            nfts: BTreeMap::new(),
            topics: BTreeMap::new(),
            schedules: BTreeMap::new(),
            pending_airdrops: BTreeMap::new(),
            pending_since: BTreeMap::new(),
            receipts: HashMap::new(),
            expiry: Default::default(),
            next_num: genesis::FIRST_FREE_NUM,
            last_consensus: 0,
            changes: Changes::default(),
            records: None,
        }
    }

    /// A ledger that keeps a `Record` of every handled transaction (the mirror's replica).
    pub fn recording(mut self) -> Self {
        self.records = Some(Vec::new());
        self
    }

    /// The records written since the last call, in consensus order.
    pub fn take_records(&mut self) -> Vec<Record> {
        let mut records = self
            .records
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        records.sort_by_key(|r| r.consensus);
        records
    }

    /// The consensus time of the transaction being handled.
    fn now(&self) -> i128 {
        self.last_consensus
    }

    fn move_hbar(&mut self, account: u64, amount: i64) {
        if let Some(a) = self.accounts.get_mut(&account) {
            a.balance = (a.balance as i128 + amount as i128) as u64;
        }
        *self.changes.hbar.entry(account).or_insert(0) += amount;
    }

    /// Moves fungible units of a token in or out of an associated account.
    fn move_units(&mut self, account: u64, token: u64, amount: i64) {
        if let Some(rel) = self.relationships.get_mut(&(account, token)) {
            rel.balance = (rel.balance as i128 + amount as i128) as u64;
        }
        *self.changes.tokens.entry((token, account)).or_insert(0) += amount;
    }

    fn move_nft(&mut self, token: u64, serial: i64, from: Option<u64>, to: Option<u64>) {
        let now = self.now();
        for (account, delta) in [(from, -1i64), (to, 1)] {
            if let Some(rel) = account.and_then(|a| self.relationships.get_mut(&(a, token))) {
                rel.balance = (rel.balance as i128 + delta as i128) as u64;
            }
        }
        match to {
            Some(owner) => {
                if let Some(nft) = self.nfts.get_mut(&(token, serial)) {
                    nft.owner = owner;
                    nft.modified = now;
                }
            }
            None => {
                self.nfts.remove(&(token, serial));
            }
        }
        self.changes.nfts.push(NftMove {
            token,
            serial,
            from,
            to,
        });
    }

    /// Precheck and, if it passes, handle. Returns the precheck code; the outcome is in the receipt.
    /// Precheck and, if it passes, handle. Returns the precheck code; the outcome is in the receipt.
    pub fn submit(&mut self, tx: &hp::Transaction, now: i128) -> Code {
        match self.check(tx, now) {
            Ok(accepted) => {
                self.apply(accepted);
                Code::Ok
            }
            Err(code) => code,
        }
    }

    /// The precheck alone: nothing changes, so the caller can journal the transaction before
    /// it takes effect.
    pub fn check(&self, tx: &hp::Transaction, now: i128) -> Result<Accepted, Code> {
        let checked = self.precheck(tx, now)?;
        Ok(Accepted { checked, now })
    }

    /// Charges the fee and handles a prechecked transaction; its receipt records the outcome.
    pub fn apply(&mut self, accepted: Accepted) {
        let Accepted { checked, now } = accepted;
        self.expire_receipts(now);
        let fee = checked.body.data.as_ref().map(fee_for).unwrap_or(0);
        // As on Hedera, whose platform puts transactions at least 1,000 ns apart in consensus
        // order (room for their child records, a nanosecond each): a workflow runner's grant
        // ids are its claim's consensus time plus 1, 2, … ns, and must not meet the next
        // claim's.
        let consensus = now.max(self.last_consensus + CONSENSUS_SPACING_NANOS);
        self.last_consensus = consensus;
        self.changes = Changes::default();
        // The fee goes to the fee collection account 0.0.98, as on Hedera, success or not.
        self.move_hbar(checked.payer, -(fee as i64));
        self.move_hbar(genesis::FEE_COLLECTOR, fee as i64);
        let fee_only = self.changes.clone();
        let mut receipt = hp::TransactionReceipt {
            status: Code::Success as i32,
            exchange_rate: Some(exchange_rate(consensus)),
            ..Default::default()
        };
        if let Err(code) = self.handle(&checked, &mut receipt) {
            receipt = hp::TransactionReceipt {
                status: code as i32,
                exchange_rate: receipt.exchange_rate,
                ..Default::default()
            };
            self.changes = fee_only;
        }
        let changes = std::mem::take(&mut self.changes);
        self.remember(&checked, consensus, receipt, fee, changes, now);
    }

    /// Keeps the receipt and record for queries (until they expire) and, on a mirror's
    /// replica, the record for the mirror.
    fn remember(
        &mut self,
        c: &Checked,
        consensus: i128,
        receipt: hp::TransactionReceipt,
        fee: u64,
        changes: Changes,
        at: i128,
    ) {
        let data = c.body.data.as_ref().expect("prechecked");
        let entity = record::created(&receipt).or_else(|| record::target(data));
        let record = self.record(c, consensus, &receipt, entity, fee, changes);
        match &mut self.records {
            // A mirror's replica answers no receipt queries: the record goes to the mirror.
            Some(records) => records.push(record),
            None => {
                self.receipts.insert(c.key, (receipt, at, Box::new(record)));
                self.expiry.push_back((at, c.key));
            }
        }
    }

    fn record(
        &self,
        c: &Checked,
        consensus: i128,
        receipt: &hp::TransactionReceipt,
        entity: Option<u64>,
        charged_fee: u64,
        changes: Changes,
    ) -> Record {
        let message = changes.message.clone();
        let (transfers, token_transfers, nft_transfers) = changes.into_lists();
        Record {
            consensus,
            transaction_id: c.body.transaction_id.clone().unwrap_or_default(),
            name: c.body.data.as_ref().map(record::name).unwrap_or("UNKNOWN"),
            result: Code::try_from(receipt.status).unwrap_or(Code::Unknown),
            node: account_num(c.body.node_account_id.as_ref()).max(0) as u64,
            memo: c.body.memo.clone(),
            max_fee: c.body.transaction_fee,
            valid_duration_seconds: c
                .body
                .transaction_valid_duration
                .map(|d| d.seconds)
                .unwrap_or(0),
            charged_fee,
            hash: c.hash.clone(),
            entity,
            scheduled: c.key.3,
            transfers,
            token_transfers,
            nft_transfers,
            message,
        }
    }

    /// A digest of the whole state, to compare a recovered ledger with a replay.
    pub fn state_hash(&self) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for (n, a) in &self.accounts {
            h.update(format!(
                "a{n}:{}:{:?}:{}:{};",
                a.balance,
                a.key.to_proto(),
                a.max_auto_associations,
                a.used_auto_associations
            ));
        }
        for (t, tok) in &self.tokens {
            h.update(format!(
                "t{t}:{}:{}:{}:{};",
                tok.symbol, tok.total_supply, tok.treasury, tok.paused
            ));
        }
        for ((a, t), r) in &self.relationships {
            h.update(format!(
                "r{a}/{t}:{}:{}:{};",
                r.balance, r.frozen, r.kyc_granted
            ));
        }
        for ((t, s), nft) in &self.nfts {
            h.update(format!("n{t}/{s}:{}:", nft.owner));
            h.update(&nft.metadata);
        }
        for (n, topic) in &self.topics {
            h.update(format!("c{n}:{}:", topic.sequence_number));
            h.update(&topic.running_hash);
        }
        for (k, amount) in &self.pending_airdrops {
            h.update(format!("p{k:?}:{amount};"));
        }
        h.update(format!("s{}:{}", self.schedules.len(), self.next_num));
        h.finalize().into()
    }

    pub fn receipt(&self, id: &hp::TransactionId) -> Option<&hp::TransactionReceipt> {
        self.receipts.get(&tx_key(id)).map(|(r, _, _)| r)
    }

    /// The record a node answers `getTxRecordByTxID` with, while the receipt is kept.
    pub fn record_of(&self, id: &hp::TransactionId) -> Option<hp::TransactionRecord> {
        self.receipts
            .get(&tx_key(id))
            .map(|(receipt, _, record)| record.to_proto(receipt))
    }

    fn expire_receipts(&mut self, now: i128) {
        while let Some(&(at, key)) = self.expiry.front() {
            if now - at < RECEIPT_TTL_NANOS {
                break;
            }
            self.expiry.pop_front();
            if self.receipts.get(&key).is_some_and(|(_, t, _)| *t == at) {
                self.receipts.remove(&key);
            }
        }
    }

    fn precheck(&self, tx: &hp::Transaction, now: i128) -> Outcome<Checked> {
        if tx.encoded_len() > 6144 {
            return Err(Code::TransactionOversize);
        }
        let (body_bytes, sig_map) = if !tx.signed_transaction_bytes.is_empty() {
            let signed = hp::SignedTransaction::decode(tx.signed_transaction_bytes.as_slice())
                .map_err(|_| Code::InvalidTransaction)?;
            (signed.body_bytes, signed.sig_map.unwrap_or_default())
        } else {
            // Old SDKs still send the deprecated body/sigMap form; nodes accept it.
            #[allow(deprecated)]
            (
                tx.body_bytes.clone(),
                tx.sig_map.clone().unwrap_or_default(),
            )
        };
        let body = hp::TransactionBody::decode(body_bytes.as_slice())
            .map_err(|_| Code::InvalidTransactionBody)?;
        let id = body
            .transaction_id
            .as_ref()
            .ok_or(Code::InvalidTransactionId)?;
        let payer = num(id.account_id.as_ref()).map_err(|_| Code::PayerAccountNotFound)?;
        if account_num(body.node_account_id.as_ref()) != NODE_ACCOUNT {
            return Err(Code::InvalidNodeAccount);
        }
        let duration = body
            .transaction_valid_duration
            .map(|d| d.seconds)
            .unwrap_or(0);
        if !(15..=180).contains(&duration) {
            return Err(Code::InvalidTransactionDuration);
        }
        let start = id.transaction_valid_start.unwrap_or_default();
        let start = start.seconds as i128 * 1_000_000_000 + start.nanos as i128;
        if start > now + MAX_CLOCK_SKEW_NANOS {
            return Err(Code::InvalidTransactionStart);
        }
        if start + duration as i128 * 1_000_000_000 < now {
            return Err(Code::TransactionExpired);
        }
        if body.memo.len() > 100 {
            return Err(Code::MemoTooLong);
        }
        if body.data.is_none() {
            return Err(Code::InvalidTransactionBody);
        }
        let key = tx_key(id);
        if self.receipts.contains_key(&key) {
            return Err(Code::DuplicateTransaction);
        }
        let account = self
            .accounts
            .get(&payer)
            .ok_or(Code::PayerAccountNotFound)?;
        let signers = verify_signatures(&body_bytes, &sig_map)?;
        if !account.key.is_satisfied_by(&signers) {
            return Err(Code::InvalidSignature);
        }
        let fee = body.data.as_ref().map(fee_for).unwrap_or(0);
        if body.transaction_fee < fee {
            return Err(Code::InsufficientTxFee);
        }
        if account.balance < fee {
            return Err(Code::InsufficientPayerBalance);
        }
        if !supported(body.data.as_ref().expect("checked above")) {
            return Err(Code::NotSupported);
        }
        // The transaction hash: SHA-384 of the signed bytes (of the whole transaction in the
        // deprecated form).
        let hash = {
            use sha2::{Digest, Sha384};
            if tx.signed_transaction_bytes.is_empty() {
                Sha384::digest(tx.encode_to_vec()).to_vec()
            } else {
                Sha384::digest(&tx.signed_transaction_bytes).to_vec()
            }
        };
        Ok(Checked {
            body,
            signers,
            payer,
            key,
            hash,
        })
    }

    fn require(&self, key: &Key, signers: &[PublicKey]) -> Outcome {
        if key.is_satisfied_by(signers) {
            Ok(())
        } else {
            Err(Code::InvalidSignature)
        }
    }

    fn handle(&mut self, c: &Checked, receipt: &mut hp::TransactionReceipt) -> Outcome {
        match c.body.data.as_ref().expect("prechecked") {
            Data::CryptoCreateAccount(b) => self.crypto_create(c, b, receipt),
            Data::CryptoTransfer(b) => {
                let with_fees = self.with_custom_fees(b)?;
                self.crypto_transfer(c, &with_fees)
            }
            Data::TokenCreation(b) => self.token_create(c, b, receipt),
            Data::TokenAssociate(b) => self.token_associate(c, b),
            Data::TokenMint(b) => self.token_mint(c, b, receipt),
            Data::TokenBurn(b) => self.token_burn(c, b, receipt),
            Data::TokenWipe(b) => self.token_wipe(c, b, receipt),
            Data::TokenDissociate(b) => self.token_dissociate(c, b),
            Data::TokenFreeze(b) => {
                self.set_flag(c, b.token.as_ref(), b.account.as_ref(), Flag::Freeze(true))
            }
            Data::TokenUnfreeze(b) => {
                self.set_flag(c, b.token.as_ref(), b.account.as_ref(), Flag::Freeze(false))
            }
            Data::TokenGrantKyc(b) => {
                self.set_flag(c, b.token.as_ref(), b.account.as_ref(), Flag::Kyc(true))
            }
            Data::TokenRevokeKyc(b) => {
                self.set_flag(c, b.token.as_ref(), b.account.as_ref(), Flag::Kyc(false))
            }
            Data::TokenPause(b) => self.set_paused(c, b.token.as_ref(), true),
            Data::TokenUnpause(b) => self.set_paused(c, b.token.as_ref(), false),
            Data::TokenUpdateNfts(b) => self.token_update_nfts(c, b),
            Data::ConsensusCreateTopic(b) => self.topic_create(c, b, receipt),
            Data::ConsensusSubmitMessage(b) => self.topic_submit(c, b, receipt),
            Data::ScheduleCreate(b) => self.schedule_create(c, b, receipt),
            Data::ScheduleSign(b) => self.schedule_sign(c, b, receipt),
            Data::TokenAirdrop(b) => self.token_airdrop(c, b),
            Data::TokenClaimAirdrop(b) => self.claim_airdrops(c, &b.pending_airdrops),
            Data::TokenCancelAirdrop(b) => self.cancel_airdrops(c, &b.pending_airdrops),
            Data::TokenReject(b) => self.token_reject(c, b),
            _ => Err(Code::NotSupported),
        }
    }

    fn new_num(&mut self) -> u64 {
        self.next_num += 1;
        self.next_num - 1
    }

    fn crypto_create(
        &mut self,
        c: &Checked,
        b: &hp::CryptoCreateTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let key = b.key.as_ref().ok_or(Code::KeyRequired).and_then(core_key)?;
        if b.receiver_sig_required {
            self.require(&key, &c.signers)?;
        }
        if b.max_automatic_token_associations < -1 {
            return Err(Code::InvalidMaxAutoAssociations);
        }
        let payer = self.accounts.get(&c.payer).expect("payer exists");
        if payer.balance < b.initial_balance {
            return Err(Code::InsufficientPayerBalance);
        }
        let n = self.new_num();
        self.accounts.insert(
            n,
            Account {
                key,
                balance: 0,
                memo: b.memo.clone(),
                receiver_sig_required: b.receiver_sig_required,
                max_auto_associations: b.max_automatic_token_associations,
                used_auto_associations: 0,
                created: self.now(),
            },
        );
        let amount = b.initial_balance as i64;
        self.move_hbar(c.payer, -amount);
        self.move_hbar(n, amount);
        receipt.account_id = Some(account_id(n));
        Ok(())
    }

    fn crypto_transfer(&mut self, c: &Checked, b: &hp::CryptoTransferTransactionBody) -> Outcome {
        // Validate everything first, then apply: a transfer is all or nothing.
        let hbar: Vec<(u64, i64)> = b
            .transfers
            .iter()
            .flat_map(|l| &l.account_amounts)
            .map(|aa| Ok((num(aa.account_id.as_ref())?, aa.amount)))
            .collect::<Outcome<_>>()?;
        if hbar.iter().map(|(_, a)| *a as i128).sum::<i128>() != 0 {
            return Err(Code::InvalidAccountAmounts);
        }
        for (n, amount) in &hbar {
            let account = self.accounts.get(n).ok_or(Code::InvalidAccountId)?;
            if *amount < 0 {
                self.require(&account.key, &c.signers)?;
                if account.balance < amount.unsigned_abs() {
                    return Err(Code::InsufficientAccountBalance);
                }
            } else if account.receiver_sig_required {
                self.require(&account.key, &c.signers)?;
            }
        }
        let mut auto_associate: Vec<(u64, u64)> = Vec::new();
        for list in &b.token_transfers {
            let t = token_num(list.token.as_ref())?;
            let token = self.tokens.get(&t).ok_or(Code::InvalidTokenId)?;
            if token.paused {
                return Err(Code::TokenIsPaused);
            }
            if let Some(d) = list.expected_decimals {
                if d != token.decimals {
                    return Err(Code::UnexpectedTokenDecimals);
                }
            }
            if list
                .transfers
                .iter()
                .map(|aa| aa.amount as i128)
                .sum::<i128>()
                != 0
            {
                return Err(Code::TransfersNotZeroSumForToken);
            }
            let mut parties: Vec<(u64, i64)> = Vec::new();
            for aa in &list.transfers {
                parties.push((num(aa.account_id.as_ref())?, aa.amount));
            }
            for nft in &list.nft_transfers {
                let from = num(nft.sender_account_id.as_ref())?;
                let to = num(nft.receiver_account_id.as_ref())?;
                let owned = self
                    .nfts
                    .get(&(t, nft.serial_number))
                    .ok_or(Code::InvalidNftId)?;
                if owned.owner != from {
                    return Err(Code::SenderDoesNotOwnNftSerialNo);
                }
                parties.push((from, -1));
                parties.push((to, 1));
            }
            for (n, amount) in parties {
                let account = self.accounts.get(&n).ok_or(Code::InvalidAccountId)?;
                if amount < 0 {
                    self.require(&account.key, &c.signers)?;
                }
                match self.relationships.get(&(n, t)) {
                    Some(rel) => {
                        if rel.frozen {
                            return Err(Code::AccountFrozenForToken);
                        }
                        if !rel.kyc_granted {
                            return Err(Code::AccountKycNotGrantedForToken);
                        }
                        if amount < 0 && !token.nft && rel.balance < amount.unsigned_abs() {
                            return Err(Code::InsufficientTokenBalance);
                        }
                    }
                    None if amount > 0 && self.has_free_auto_association(n, &auto_associate) => {
                        auto_associate.push((n, t));
                    }
                    None => return Err(Code::TokenNotAssociatedToAccount),
                }
            }
        }
        // Apply.
        for (n, amount) in hbar {
            self.move_hbar(n, amount);
        }
        for (n, t) in auto_associate {
            self.associate(n, t);
            self.relationships
                .get_mut(&(n, t))
                .expect("just made")
                .automatic = true;
            self.accounts
                .get_mut(&n)
                .expect("validated")
                .used_auto_associations += 1;
        }
        for list in &b.token_transfers {
            let t = token_num(list.token.as_ref())?;
            for aa in &list.transfers {
                self.move_units(num(aa.account_id.as_ref())?, t, aa.amount);
            }
            for nft in &list.nft_transfers {
                let (from, to) = (
                    num(nft.sender_account_id.as_ref())?,
                    num(nft.receiver_account_id.as_ref())?,
                );
                self.move_nft(t, nft.serial_number, Some(from), Some(to));
            }
        }
        Ok(())
    }

    fn has_free_auto_association(&self, n: u64, pending: &[(u64, u64)]) -> bool {
        let account = &self.accounts[&n];
        let planned = pending.iter().filter(|(a, _)| *a == n).count() as i32;
        account.max_auto_associations == -1
            || account.used_auto_associations + planned < account.max_auto_associations
    }

    fn associate(&mut self, account: u64, t: u64) {
        let token = &self.tokens[&t];
        let rel = Relationship {
            balance: 0,
            frozen: token.freeze_key.is_some() && token.freeze_default,
            kyc_granted: token.kyc_key.is_none(),
            created: self.now(),
            automatic: false,
        };
        self.relationships.insert((account, t), rel);
    }

    fn token_create(
        &mut self,
        c: &Checked,
        b: &hp::TokenCreateTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        if b.name.is_empty() {
            return Err(Code::MissingTokenName);
        }
        if b.symbol.is_empty() {
            return Err(Code::MissingTokenSymbol);
        }
        let treasury =
            num(b.treasury.as_ref()).map_err(|_| Code::InvalidTreasuryAccountForToken)?;
        let treasury_key = &self
            .accounts
            .get(&treasury)
            .ok_or(Code::InvalidTreasuryAccountForToken)?
            .key;
        self.require(treasury_key, &c.signers)?;
        let admin_key = optional_key(&b.admin_key)?;
        if let Some(k) = &admin_key {
            self.require(k, &c.signers)?;
        }
        let nft = b.token_type == hp::TokenType::NonFungibleUnique as i32;
        let supply_key = optional_key(&b.supply_key)?;
        if nft && supply_key.is_none() {
            return Err(Code::TokenHasNoSupplyKey);
        }
        if nft && (b.decimals != 0 || b.initial_supply != 0) {
            return Err(if b.decimals != 0 {
                Code::InvalidTokenDecimals
            } else {
                Code::InvalidTokenInitialSupply
            });
        }
        let max_supply =
            (b.supply_type == hp::TokenSupplyType::Finite as i32).then_some(b.max_supply as u64);
        if max_supply == Some(0) {
            return Err(Code::InvalidTokenMaxSupply);
        }
        if max_supply.is_some_and(|m| b.initial_supply > m) {
            return Err(Code::InvalidTokenInitialSupply);
        }
        let t = self.new_num();
        self.tokens.insert(
            t,
            Token {
                name: b.name.clone(),
                symbol: b.symbol.clone(),
                decimals: b.decimals,
                treasury,
                nft,
                total_supply: b.initial_supply,
                max_supply,
                admin_key,
                supply_key,
                kyc_key: optional_key(&b.kyc_key)?,
                freeze_key: optional_key(&b.freeze_key)?,
                wipe_key: optional_key(&b.wipe_key)?,
                pause_key: optional_key(&b.pause_key)?,
                metadata_key: optional_key(&b.metadata_key)?,
                freeze_default: b.freeze_default,
                paused: false,
                next_serial: 1,
                memo: b.memo.clone(),
                metadata: b.metadata.clone(),
                // A fixed fee "in this token" names token 0.0.0 until the token exists.
                custom_fees: b
                    .custom_fees
                    .iter()
                    .cloned()
                    .map(|mut f| {
                        if let Some(hp::custom_fee::Fee::FixedFee(x)) = &mut f.fee {
                            if let Some(d) = &mut x.denominating_token_id {
                                if d.token_num == 0 {
                                    d.token_num = t as i64;
                                }
                            }
                        }
                        f
                    })
                    .collect(),
                initial_supply: b.initial_supply,
                created: self.now(),
                modified: self.now(),
            },
        );
        // The treasury is associated, KYC'd and unfrozen from the start.
        self.relationships.insert(
            (treasury, t),
            Relationship {
                balance: 0,
                frozen: false,
                kyc_granted: true,
                created: self.now(),
                automatic: false,
            },
        );
        if b.initial_supply > 0 {
            self.move_units(treasury, t, b.initial_supply as i64);
        }
        receipt.token_id = Some(hp::TokenId {
            shard_num: 0,
            realm_num: 0,
            token_num: t as i64,
        });
        Ok(())
    }

    fn token_associate(&mut self, c: &Checked, b: &hp::TokenAssociateTransactionBody) -> Outcome {
        let account = num(b.account.as_ref())?;
        let key = &self
            .accounts
            .get(&account)
            .ok_or(Code::InvalidAccountId)?
            .key;
        self.require(key, &c.signers)?;
        let tokens: Vec<u64> = b
            .tokens
            .iter()
            .map(|t| token_num(Some(t)))
            .collect::<Outcome<_>>()?;
        for t in &tokens {
            if !self.tokens.contains_key(t) {
                return Err(Code::InvalidTokenId);
            }
            if self.relationships.contains_key(&(account, *t)) {
                return Err(Code::TokenAlreadyAssociatedToAccount);
            }
        }
        for t in tokens {
            self.associate(account, t);
        }
        Ok(())
    }

    fn token_mint(
        &mut self,
        c: &Checked,
        b: &hp::TokenMintTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let t = token_num(b.token.as_ref())?;
        let token = self.tokens.get(&t).ok_or(Code::InvalidTokenId)?;
        let supply_key = token.supply_key.as_ref().ok_or(Code::TokenHasNoSupplyKey)?;
        self.require(supply_key, &c.signers)?;
        if token.paused {
            return Err(Code::TokenIsPaused);
        }
        let minted = if token.nft {
            if b.amount != 0 {
                return Err(Code::InvalidTokenMintAmount);
            }
            if b.metadata.is_empty() {
                return Err(Code::InvalidTokenMintMetadata);
            }
            if b.metadata.iter().any(|m| m.len() > 100) {
                return Err(Code::MetadataTooLong);
            }
            b.metadata.len() as u64
        } else {
            if !b.metadata.is_empty() || b.amount == 0 {
                return Err(Code::InvalidTokenMintAmount);
            }
            b.amount
        };
        if token
            .max_supply
            .is_some_and(|m| token.total_supply + minted > m)
        {
            return Err(Code::TokenMaxSupplyReached);
        }
        let treasury = token.treasury;
        let now = self.now();
        let token = self.tokens.get_mut(&t).expect("exists");
        token.total_supply += minted;
        token.modified = now;
        receipt.new_total_supply = token.total_supply;
        if token.nft {
            for m in &b.metadata {
                let token = self.tokens.get_mut(&t).expect("exists");
                let serial = token.next_serial;
                token.next_serial += 1;
                self.nfts.insert(
                    (t, serial),
                    Nft {
                        owner: treasury,
                        metadata: m.clone(),
                        created: now,
                        modified: now,
                    },
                );
                self.move_nft(t, serial, None, Some(treasury));
                receipt.serial_numbers.push(serial);
            }
        } else {
            self.move_units(treasury, t, minted as i64);
        }
        Ok(())
    }

    fn token(&self, id: Option<&hp::TokenId>) -> Outcome<(u64, &Token)> {
        let t = token_num(id)?;
        Ok((t, self.tokens.get(&t).ok_or(Code::InvalidTokenId)?))
    }

    fn token_burn(
        &mut self,
        c: &Checked,
        b: &hp::TokenBurnTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let (t, token) = self.token(b.token.as_ref())?;
        self.require(
            token.supply_key.as_ref().ok_or(Code::TokenHasNoSupplyKey)?,
            &c.signers,
        )?;
        if token.paused {
            return Err(Code::TokenIsPaused);
        }
        let treasury = token.treasury;
        let burned = if token.nft {
            for serial in &b.serial_numbers {
                match self.nfts.get(&(t, *serial)) {
                    None => return Err(Code::InvalidNftId),
                    Some(n) if n.owner != treasury => return Err(Code::TreasuryMustOwnBurnedNft),
                    Some(_) => {}
                }
            }
            for serial in &b.serial_numbers {
                self.move_nft(t, *serial, Some(treasury), None);
            }
            b.serial_numbers.len() as u64
        } else {
            if b.amount == 0 {
                return Err(Code::InvalidTokenBurnAmount);
            }
            if self.relationships[&(treasury, t)].balance < b.amount {
                return Err(Code::InsufficientTokenBalance);
            }
            self.move_units(treasury, t, -(b.amount as i64));
            b.amount
        };
        let token = self.tokens.get_mut(&t).expect("exists");
        token.total_supply -= burned;
        receipt.new_total_supply = token.total_supply;
        Ok(())
    }

    fn token_wipe(
        &mut self,
        c: &Checked,
        b: &hp::TokenWipeAccountTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let (t, token) = self.token(b.token.as_ref())?;
        self.require(
            token.wipe_key.as_ref().ok_or(Code::TokenHasNoWipeKey)?,
            &c.signers,
        )?;
        let account = num(b.account.as_ref())?;
        if account == token.treasury {
            return Err(Code::CannotWipeTokenTreasuryAccount);
        }
        let rel = self
            .relationships
            .get(&(account, t))
            .ok_or(Code::TokenNotAssociatedToAccount)?;
        let wiped = if token.nft {
            for serial in &b.serial_numbers {
                if self.nfts.get(&(t, *serial)).map(|n| n.owner) != Some(account) {
                    return Err(Code::AccountDoesNotOwnWipedNft);
                }
            }
            for serial in &b.serial_numbers {
                self.move_nft(t, *serial, Some(account), None);
            }
            b.serial_numbers.len() as u64
        } else {
            if rel.balance < b.amount {
                return Err(Code::InvalidWipingAmount);
            }
            self.move_units(account, t, -(b.amount as i64));
            b.amount
        };
        let token = self.tokens.get_mut(&t).expect("exists");
        token.total_supply -= wiped;
        receipt.new_total_supply = token.total_supply;
        Ok(())
    }

    fn token_dissociate(&mut self, c: &Checked, b: &hp::TokenDissociateTransactionBody) -> Outcome {
        let account = num(b.account.as_ref())?;
        self.require(
            &self
                .accounts
                .get(&account)
                .ok_or(Code::InvalidAccountId)?
                .key,
            &c.signers,
        )?;
        for id in &b.tokens {
            let (t, token) = self.token(Some(id))?;
            let rel = self
                .relationships
                .get(&(account, t))
                .ok_or(Code::TokenNotAssociatedToAccount)?;
            if token.treasury == account {
                return Err(Code::AccountIsTreasury);
            }
            if rel.balance > 0 {
                return Err(Code::TransactionRequiresZeroTokenBalances);
            }
        }
        for id in &b.tokens {
            self.relationships.remove(&(account, token_num(Some(id))?));
        }
        Ok(())
    }

    fn set_flag(
        &mut self,
        c: &Checked,
        token: Option<&hp::TokenId>,
        account: Option<&hp::AccountId>,
        flag: Flag,
    ) -> Outcome {
        let (t, tok) = self.token(token)?;
        let key = match flag {
            Flag::Freeze(_) => tok.freeze_key.as_ref().ok_or(Code::TokenHasNoFreezeKey)?,
            Flag::Kyc(_) => tok.kyc_key.as_ref().ok_or(Code::TokenHasNoKycKey)?,
        };
        self.require(key, &c.signers)?;
        let account = num(account)?;
        if !self.accounts.contains_key(&account) {
            return Err(Code::InvalidAccountId);
        }
        let rel = self
            .relationships
            .get_mut(&(account, t))
            .ok_or(Code::TokenNotAssociatedToAccount)?;
        match flag {
            Flag::Freeze(on) => rel.frozen = on,
            Flag::Kyc(on) => rel.kyc_granted = on,
        }
        Ok(())
    }

    fn set_paused(&mut self, c: &Checked, token: Option<&hp::TokenId>, paused: bool) -> Outcome {
        let (t, tok) = self.token(token)?;
        self.require(
            tok.pause_key.as_ref().ok_or(Code::TokenHasNoPauseKey)?,
            &c.signers,
        )?;
        self.tokens.get_mut(&t).expect("exists").paused = paused;
        Ok(())
    }

    fn token_update_nfts(
        &mut self,
        c: &Checked,
        b: &hp::TokenUpdateNftsTransactionBody,
    ) -> Outcome {
        let (t, tok) = self.token(b.token.as_ref())?;
        self.require(
            tok.metadata_key
                .as_ref()
                .ok_or(Code::TokenHasNoMetadataKey)?,
            &c.signers,
        )?;
        let Some(metadata) = &b.metadata else {
            return Ok(());
        };
        if metadata.len() > 100 {
            return Err(Code::MetadataTooLong);
        }
        if b.serial_numbers
            .iter()
            .any(|s| !self.nfts.contains_key(&(t, *s)))
        {
            return Err(Code::InvalidNftId);
        }
        let now = self.now();
        for s in &b.serial_numbers {
            let nft = self.nfts.get_mut(&(t, *s)).expect("checked");
            nft.metadata = metadata.clone();
            nft.modified = now;
        }
        Ok(())
    }

    fn topic_create(
        &mut self,
        c: &Checked,
        b: &hp::ConsensusCreateTopicTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let admin_key = optional_key(&b.admin_key)?;
        if let Some(k) = &admin_key {
            self.require(k, &c.signers)?;
        }
        if b.memo.len() > 100 {
            return Err(Code::MemoTooLong);
        }
        let n = self.new_num();
        let topic = Topic {
            memo: b.memo.clone(),
            admin_key,
            submit_key: optional_key(&b.submit_key)?,
            sequence_number: 0,
            running_hash: vec![0; 48],
        };
        self.topics.insert(n, topic);
        receipt.topic_id = Some(hp::TopicId {
            shard_num: 0,
            realm_num: 0,
            topic_num: n as i64,
        });
        Ok(())
    }

    /// Running hash version 3: SHA-384 over the previous hash, the version, the payer, the topic,
    /// the consensus time, the sequence number and SHA-384 of the message.
    fn topic_submit(
        &mut self,
        c: &Checked,
        b: &hp::ConsensusSubmitMessageTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        use sha2::{Digest, Sha384};
        let id = b.topic_id.as_ref().ok_or(Code::InvalidTopicId)?;
        let n = u64::try_from(id.topic_num).map_err(|_| Code::InvalidTopicId)?;
        let topic = self.topics.get(&n).ok_or(Code::InvalidTopicId)?;
        if let Some(k) = &topic.submit_key {
            self.require(k, &c.signers)?;
        }
        if b.message.is_empty() {
            return Err(Code::InvalidTopicMessage);
        }
        if b.message.len() > 1024 {
            return Err(Code::MessageSizeTooLarge);
        }
        let consensus = self.last_consensus;
        let topic = self.topics.get_mut(&n).expect("exists");
        topic.sequence_number += 1;
        let mut h = Sha384::new();
        h.update(&topic.running_hash);
        h.update(3u64.to_be_bytes());
        h.update(0i64.to_be_bytes());
        h.update(0i64.to_be_bytes());
        h.update((c.payer as i64).to_be_bytes());
        h.update(0i64.to_be_bytes());
        h.update(0i64.to_be_bytes());
        h.update((n as i64).to_be_bytes());
        h.update(((consensus / 1_000_000_000) as i64).to_be_bytes());
        h.update(((consensus % 1_000_000_000) as i32).to_be_bytes());
        h.update(topic.sequence_number.to_be_bytes());
        h.update(Sha384::digest(&b.message));
        topic.running_hash = h.finalize().to_vec();
        receipt.topic_sequence_number = topic.sequence_number;
        receipt.topic_running_hash = topic.running_hash.clone();
        receipt.topic_running_hash_version = 3;
        self.changes.message = Some(record::TopicMessage {
            topic: n,
            sequence_number: topic.sequence_number,
            running_hash: topic.running_hash.clone(),
            message: b.message.clone(),
            chunk: b.chunk_info.as_ref().map(|ci| {
                (
                    ci.initial_transaction_id.clone().unwrap_or_default(),
                    ci.number,
                    ci.total,
                )
            }),
        });
        Ok(())
    }

    fn schedule_create(
        &mut self,
        c: &Checked,
        b: &hp::ScheduleCreateTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let inner = b
            .scheduled_transaction_body
            .as_ref()
            .ok_or(Code::InvalidTransaction)?;
        let data = unschedule(inner.data.clone().ok_or(Code::InvalidTransaction)?)?;
        if !supported(&data) || matches!(data, Data::ScheduleCreate(_) | Data::ScheduleSign(_)) {
            return Err(Code::ScheduledTransactionNotInWhitelist);
        }
        let admin_key = optional_key(&b.admin_key)?;
        if let Some(k) = &admin_key {
            self.require(k, &c.signers)?;
        }
        let payer = match b.payer_account_id.as_ref() {
            Some(p) => num(Some(p)).map_err(|_| Code::InvalidSchedulePayerId)?,
            None => c.payer,
        };
        if !self.accounts.contains_key(&payer) {
            return Err(Code::InvalidSchedulePayerId);
        }
        let mut id = c.body.transaction_id.clone().expect("prechecked");
        id.scheduled = true;
        let body = hp::TransactionBody {
            transaction_id: Some(id.clone()),
            node_account_id: c.body.node_account_id.clone(),
            transaction_fee: inner.transaction_fee,
            transaction_valid_duration: c.body.transaction_valid_duration,
            memo: inner.memo.clone(),
            data: Some(data),
            ..Default::default()
        };
        let n = self.new_num();
        let schedule = Schedule {
            body,
            payer,
            signers: c.signers.clone(),
            admin_key,
            memo: b.memo.clone(),
            executed: false,
            creator: c.payer,
            created: self.now(),
            executed_at: None,
            scheduled_body: inner.encode_to_vec(),
        };
        self.schedules.insert(n, schedule);
        receipt.schedule_id = Some(hp::ScheduleId {
            shard_num: 0,
            realm_num: 0,
            schedule_num: n as i64,
        });
        receipt.scheduled_transaction_id = Some(id);
        self.try_execute_schedule(n);
        Ok(())
    }

    fn schedule_sign(
        &mut self,
        c: &Checked,
        b: &hp::ScheduleSignTransactionBody,
        receipt: &mut hp::TransactionReceipt,
    ) -> Outcome {
        let n = b
            .schedule_id
            .as_ref()
            .and_then(|s| u64::try_from(s.schedule_num).ok())
            .ok_or(Code::InvalidScheduleId)?;
        let schedule = self.schedules.get_mut(&n).ok_or(Code::InvalidScheduleId)?;
        if schedule.executed {
            return Err(Code::ScheduleAlreadyExecuted);
        }
        let before = schedule.signers.len();
        for k in &c.signers {
            if !schedule.signers.contains(k) {
                schedule.signers.push(*k);
            }
        }
        if schedule.signers.len() == before {
            return Err(Code::NoNewValidSignatures);
        }
        receipt.scheduled_transaction_id = schedule.body.transaction_id.clone();
        self.try_execute_schedule(n);
        Ok(())
    }

    /// Runs the scheduled transaction on a copy of the ledger: if a signature is still missing
    /// the copy is dropped and the schedule waits; otherwise the copy becomes the ledger and
    /// the scheduled transaction gets its own receipt (success or not), as on Hedera.
    fn try_execute_schedule(&mut self, n: u64) {
        let schedule = self.schedules[&n].clone();
        if !self.accounts[&schedule.payer]
            .key
            .is_satisfied_by(&schedule.signers)
        {
            return;
        }
        let id = schedule
            .body
            .transaction_id
            .clone()
            .expect("set at creation");
        let checked = Checked {
            body: schedule.body.clone(),
            signers: schedule.signers.clone(),
            payer: schedule.payer,
            key: tx_key(&id),
            hash: Vec::new(),
        };
        // The scheduled transaction is its own record, one nanosecond after its trigger.
        let outer = std::mem::take(&mut self.changes);
        let mut trial = self.clone();
        trial.last_consensus += 1;
        let mut receipt = hp::TransactionReceipt {
            status: Code::Success as i32,
            ..Default::default()
        };
        match trial.handle(&checked, &mut receipt) {
            Err(Code::InvalidSignature) => {
                self.changes = outer;
                return;
            }
            Err(code) => {
                receipt = hp::TransactionReceipt {
                    status: code as i32,
                    ..Default::default()
                };
                self.last_consensus += 1;
            }
            Ok(()) => *self = trial,
        }
        let inner = std::mem::replace(&mut self.changes, outer);
        let consensus = self.last_consensus;
        let schedule = self.schedules.get_mut(&n).expect("exists");
        schedule.executed = true;
        schedule.executed_at = Some(consensus);
        self.remember(&checked, consensus, receipt, 0, inner, consensus);
    }

    fn token_airdrop(&mut self, c: &Checked, b: &hp::TokenAirdropTransactionBody) -> Outcome {
        // Receivers who can take the tokens now get them in one transfer; the rest become
        // pending airdrops the receiver may claim (HIP-904).
        let mut direct = hp::CryptoTransferTransactionBody::default();
        let mut pending: Vec<(PendingKey, u64)> = Vec::new();
        for list in &b.token_transfers {
            let (t, _) = self.token(list.token.as_ref())?;
            let mut now = hp::TokenTransferList {
                token: list.token,
                expected_decimals: list.expected_decimals,
                ..Default::default()
            };
            let senders: Vec<&hp::AccountAmount> =
                list.transfers.iter().filter(|aa| aa.amount < 0).collect();
            let sender = match senders.as_slice() {
                [one] => num(one.account_id.as_ref())?,
                [] if !list.nft_transfers.is_empty() => 0,
                _ => return Err(Code::InvalidAccountAmounts),
            };
            let mut sent_now: i64 = 0;
            for aa in list.transfers.iter().filter(|aa| aa.amount > 0) {
                let receiver = num(aa.account_id.as_ref())?;
                if self.can_receive(receiver, t) {
                    now.transfers.push(aa.clone());
                    sent_now += aa.amount;
                } else {
                    pending.push(((sender, receiver, t, 0), aa.amount as u64));
                }
            }
            if sent_now > 0 {
                let mut from = (*senders[0]).clone();
                from.amount = -sent_now;
                now.transfers.insert(0, from);
            }
            for nt in &list.nft_transfers {
                let (from, to) = (
                    num(nt.sender_account_id.as_ref())?,
                    num(nt.receiver_account_id.as_ref())?,
                );
                if self.can_receive(to, t) {
                    now.nft_transfers.push(nt.clone());
                } else {
                    let owner = self
                        .nfts
                        .get(&(t, nt.serial_number))
                        .ok_or(Code::InvalidNftId)?
                        .owner;
                    if owner != from {
                        return Err(Code::SenderDoesNotOwnNftSerialNo);
                    }
                    self.require(
                        &self.accounts.get(&from).ok_or(Code::InvalidAccountId)?.key,
                        &c.signers,
                    )?;
                    pending.push(((from, to, t, nt.serial_number), 1));
                }
            }
            if !now.transfers.is_empty() || !now.nft_transfers.is_empty() {
                direct.token_transfers.push(now);
            }
        }
        for ((sender, _, _, _), _) in &pending {
            if *sender != 0 {
                self.require(
                    &self.accounts.get(sender).ok_or(Code::InvalidAccountId)?.key,
                    &c.signers,
                )?;
            }
        }
        if !direct.token_transfers.is_empty() {
            self.crypto_transfer(c, &direct)?;
        }
        let now = self.now();
        for (k, amount) in pending {
            *self.pending_airdrops.entry(k).or_insert(0) += amount;
            self.pending_since.insert(k, now);
        }
        Ok(())
    }

    fn can_receive(&self, account: u64, token: u64) -> bool {
        self.relationships.contains_key(&(account, token))
            || self.accounts.get(&account).is_some_and(|a| {
                a.max_auto_associations == -1 || a.used_auto_associations < a.max_auto_associations
            })
    }

    fn pending_key(id: &hp::PendingAirdropId) -> Outcome<PendingKey> {
        use hp::pending_airdrop_id::TokenReference as R;
        let (sender, receiver) = (num(id.sender_id.as_ref())?, num(id.receiver_id.as_ref())?);
        match &id.token_reference {
            Some(R::FungibleTokenType(t)) => Ok((sender, receiver, token_num(Some(t))?, 0)),
            Some(R::NonFungibleToken(n)) => Ok((
                sender,
                receiver,
                token_num(n.token_id.as_ref())?,
                n.serial_number,
            )),
            None => Err(Code::InvalidPendingAirdropId),
        }
    }

    fn claim_airdrops(&mut self, c: &Checked, ids: &[hp::PendingAirdropId]) -> Outcome {
        let keys: Vec<PendingKey> = ids.iter().map(Self::pending_key).collect::<Outcome<_>>()?;
        for k in &keys {
            if !self.pending_airdrops.contains_key(k) {
                return Err(Code::InvalidPendingAirdropId);
            }
            self.require(&self.accounts[&k.1].key, &c.signers)?;
        }
        for k @ &(sender, receiver, t, serial) in &keys {
            let amount = self.pending_airdrops[k];
            if !self.relationships.contains_key(&(receiver, t)) {
                self.associate(receiver, t);
            }
            // The sender's signature was given when airdropping; the claim moves the tokens.
            let mut signers = c.signers.clone();
            signers.extend(self.accounts[&sender].key.public_keys());
            let moved = Checked {
                signers,
                ..c.clone()
            };
            let list = if serial == 0 {
                hp::TokenTransferList {
                    token: Some(hp::TokenId {
                        shard_num: 0,
                        realm_num: 0,
                        token_num: t as i64,
                    }),
                    transfers: vec![
                        hp::AccountAmount {
                            account_id: Some(account_id(sender)),
                            amount: -(amount as i64),
                            ..Default::default()
                        },
                        hp::AccountAmount {
                            account_id: Some(account_id(receiver)),
                            amount: amount as i64,
                            ..Default::default()
                        },
                    ],
                    ..Default::default()
                }
            } else {
                hp::TokenTransferList {
                    token: Some(hp::TokenId {
                        shard_num: 0,
                        realm_num: 0,
                        token_num: t as i64,
                    }),
                    nft_transfers: vec![hp::NftTransfer {
                        sender_account_id: Some(account_id(sender)),
                        receiver_account_id: Some(account_id(receiver)),
                        serial_number: serial,
                        ..Default::default()
                    }],
                    ..Default::default()
                }
            };
            self.crypto_transfer(
                &moved,
                &hp::CryptoTransferTransactionBody {
                    transfers: None,
                    token_transfers: vec![list],
                },
            )?;
            self.pending_airdrops.remove(k);
            self.pending_since.remove(k);
        }
        Ok(())
    }

    fn cancel_airdrops(&mut self, c: &Checked, ids: &[hp::PendingAirdropId]) -> Outcome {
        let keys: Vec<PendingKey> = ids.iter().map(Self::pending_key).collect::<Outcome<_>>()?;
        for k in &keys {
            if !self.pending_airdrops.contains_key(k) {
                return Err(Code::InvalidPendingAirdropId);
            }
            self.require(&self.accounts[&k.0].key, &c.signers)?;
        }
        for k in keys {
            self.pending_airdrops.remove(&k);
            self.pending_since.remove(&k);
        }
        Ok(())
    }

    /// HIP-904 reject: the owner returns whole fungible balances or single NFTs to the treasury.
    fn token_reject(&mut self, c: &Checked, b: &hp::TokenRejectTransactionBody) -> Outcome {
        use hp::token_reference::TokenIdentifier as T;
        let owner = match b.owner.as_ref() {
            Some(o) => num(Some(o))?,
            None => c.payer,
        };
        self.require(
            &self.accounts.get(&owner).ok_or(Code::InvalidOwnerId)?.key,
            &c.signers,
        )?;
        let mut transfer = hp::CryptoTransferTransactionBody::default();
        for r in &b.rejections {
            let (t, token, serial) = match &r.token_identifier {
                Some(T::FungibleToken(id)) => {
                    let (t, token) = self.token(Some(id))?;
                    (t, token, None)
                }
                Some(T::Nft(n)) => {
                    let (t, token) = self.token(n.token_id.as_ref())?;
                    (t, token, Some(n.serial_number))
                }
                None => return Err(Code::InvalidTokenId),
            };
            if token.treasury == owner {
                return Err(Code::AccountIsTreasury);
            }
            let token_id = Some(hp::TokenId {
                shard_num: 0,
                realm_num: 0,
                token_num: t as i64,
            });
            let list = match serial {
                None => {
                    let balance = self
                        .relationships
                        .get(&(owner, t))
                        .ok_or(Code::TokenNotAssociatedToAccount)?
                        .balance;
                    if balance == 0 {
                        return Err(Code::InsufficientTokenBalance);
                    }
                    hp::TokenTransferList {
                        token: token_id,
                        transfers: vec![
                            hp::AccountAmount {
                                account_id: Some(account_id(owner)),
                                amount: -(balance as i64),
                                ..Default::default()
                            },
                            hp::AccountAmount {
                                account_id: Some(account_id(token.treasury)),
                                amount: balance as i64,
                                ..Default::default()
                            },
                        ],
                        ..Default::default()
                    }
                }
                Some(serial) => hp::TokenTransferList {
                    token: token_id,
                    nft_transfers: vec![hp::NftTransfer {
                        sender_account_id: Some(account_id(owner)),
                        receiver_account_id: Some(account_id(token.treasury)),
                        serial_number: serial,
                        ..Default::default()
                    }],
                    ..Default::default()
                },
            };
            transfer.token_transfers.push(list);
        }
        self.crypto_transfer(c, &transfer)
    }

    pub fn balance(&self, account: u64) -> Option<(u64, Vec<hp::TokenBalance>)> {
        let a = self.accounts.get(&account)?;
        let tokens = self
            .relationships
            .range((account, 0)..=(account, u64::MAX))
            .map(|((_, t), rel)| hp::TokenBalance {
                token_id: Some(hp::TokenId {
                    shard_num: 0,
                    realm_num: 0,
                    token_num: *t as i64,
                }),
                balance: rel.balance,
                decimals: self.tokens[t].decimals,
            })
            .collect();
        Some((a.balance, tokens))
    }
}

fn supported(data: &Data) -> bool {
    matches!(
        data,
        Data::CryptoCreateAccount(_)
            | Data::CryptoTransfer(_)
            | Data::TokenCreation(_)
            | Data::TokenAssociate(_)
            | Data::TokenDissociate(_)
            | Data::TokenMint(_)
            | Data::TokenBurn(_)
            | Data::TokenWipe(_)
            | Data::TokenFreeze(_)
            | Data::TokenUnfreeze(_)
            | Data::TokenGrantKyc(_)
            | Data::TokenRevokeKyc(_)
            | Data::TokenPause(_)
            | Data::TokenUnpause(_)
            | Data::TokenUpdateNfts(_)
            | Data::ConsensusCreateTopic(_)
            | Data::ConsensusSubmitMessage(_)
            | Data::ScheduleCreate(_)
            | Data::ScheduleSign(_)
            | Data::TokenAirdrop(_)
            | Data::TokenClaimAirdrop(_)
            | Data::TokenCancelAirdrop(_)
            | Data::TokenReject(_)
    )
}

/// A scheduled body as the transaction body it becomes when executed.
fn unschedule(data: hp::schedulable_transaction_body::Data) -> Outcome<Data> {
    use hp::schedulable_transaction_body::Data as S;
    Ok(match data {
        S::CryptoCreateAccount(b) => Data::CryptoCreateAccount(b),
        S::CryptoTransfer(b) => Data::CryptoTransfer(b),
        S::TokenCreation(b) => Data::TokenCreation(b),
        S::TokenAssociate(b) => Data::TokenAssociate(b),
        S::TokenDissociate(b) => Data::TokenDissociate(b),
        S::TokenMint(b) => Data::TokenMint(b),
        S::TokenBurn(b) => Data::TokenBurn(b),
        S::TokenWipe(b) => Data::TokenWipe(b),
        S::TokenFreeze(b) => Data::TokenFreeze(b),
        S::TokenUnfreeze(b) => Data::TokenUnfreeze(b),
        S::TokenGrantKyc(b) => Data::TokenGrantKyc(b),
        S::TokenRevokeKyc(b) => Data::TokenRevokeKyc(b),
        S::TokenPause(b) => Data::TokenPause(b),
        S::TokenUnpause(b) => Data::TokenUnpause(b),
        S::TokenUpdateNfts(b) => Data::TokenUpdateNfts(b),
        S::ConsensusCreateTopic(b) => Data::ConsensusCreateTopic(b),
        S::ConsensusSubmitMessage(b) => Data::ConsensusSubmitMessage(b),
        S::TokenAirdrop(b) => Data::TokenAirdrop(b),
        S::TokenClaimAirdrop(b) => Data::TokenClaimAirdrop(b),
        S::TokenCancelAirdrop(b) => Data::TokenCancelAirdrop(b),
        S::TokenReject(b) => Data::TokenReject(b),
        _ => return Err(Code::ScheduledTransactionNotInWhitelist),
    })
}

enum Flag {
    Freeze(bool),
    Kyc(bool),
}

/// Every pair must verify; prefixes must be full public keys (what the SDKs send).
fn verify_signatures(body: &[u8], map: &hp::SignatureMap) -> Outcome<Vec<PublicKey>> {
    use hp::signature_pair::Signature as S;
    let mut signers = Vec::new();
    for pair in &map.sig_pair {
        let (key, sig) = match &pair.signature {
            Some(S::Ed25519(sig)) => (PublicKey::from_bytes_ed25519(&pair.pub_key_prefix), sig),
            Some(S::EcdsaSecp256k1(sig)) => {
                (PublicKey::from_bytes_ecdsa(&pair.pub_key_prefix), sig)
            }
            _ => return Err(Code::InvalidSignatureTypeMismatchingKey),
        };
        let key = key.map_err(|_| Code::KeyPrefixMismatch)?;
        key.verify(body, sig).map_err(|_| Code::InvalidSignature)?;
        signers.push(key);
    }
    Ok(signers)
}

fn exchange_rate(consensus: i128) -> hp::ExchangeRateSet {
    let expiry = (consensus / 1_000_000_000) as i64 / 3600 * 3600 + 3600;
    let rate = |e| hp::ExchangeRate {
        hbar_equiv: 1,
        cent_equiv: 10,
        expiration_time: Some(hp::TimestampSeconds { seconds: e }),
    };
    hp::ExchangeRateSet {
        current_rate: Some(rate(expiry)),
        next_rate: Some(rate(expiry + 3600)),
    }
}
