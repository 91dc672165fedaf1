//! Answers to the node's queries: receipts, records, balances, account, token and NFT info.
//! Queries are free on the devnet: a cost query answers 0 and any payment attached is ignored
//! (Hedera charges for records and info; SDKs handle both the same way).

use crate::ledger::{Ledger, Token};
use hedera_proto::services::{
    self as hp, query::Query as Q, response::Response as R, ResponseCodeEnum as Code,
};
use prost_013::Message;

/// The devnet's ledger id (as Hedera's local node: 0x03), for info responses.
const LEDGER_ID: [u8; 1] = [3];

fn header(code: Code, query_header: Option<&hp::QueryHeader>) -> Option<hp::ResponseHeader> {
    Some(hp::ResponseHeader {
        node_transaction_precheck_code: code as i32,
        response_type: query_header.map_or(0, |h| h.response_type),
        cost: 0,
        state_proof: vec![],
    })
}

fn is_cost(query_header: Option<&hp::QueryHeader>) -> bool {
    query_header.is_some_and(|h| h.response_type == hp::ResponseType::CostAnswer as i32)
}

fn account_id(n: u64) -> hp::AccountId {
    hp::AccountId {
        shard_num: 0,
        realm_num: 0,
        account: Some(hp::account_id::Account::AccountNum(n as i64)),
    }
}

fn account_num(id: Option<&hp::AccountId>) -> Option<u64> {
    match id?.account.as_ref()? {
        hp::account_id::Account::AccountNum(n) => u64::try_from(*n).ok(),
        _ => None,
    }
}

fn ts(nanos: i128) -> hp::Timestamp {
    hp::Timestamp {
        seconds: nanos.div_euclid(1_000_000_000) as i64,
        nanos: nanos.rem_euclid(1_000_000_000) as i32,
    }
}

/// The core's key in hedera-proto's type (same wire format).
fn key(k: Option<&loyal_core::key::Key>) -> Option<hp::Key> {
    let bytes = loyal_core::proto::Message::encode_to_vec(&k?.to_proto());
    hp::Key::decode(bytes.as_slice()).ok()
}

pub fn answer(ledger: &Ledger, query: Q) -> Option<R> {
    Some(match query {
        Q::TransactionGetReceipt(q) => {
            let receipt = q
                .transaction_id
                .as_ref()
                .and_then(|id| ledger.receipt(id))
                .cloned();
            let code = if receipt.is_some() {
                Code::Ok
            } else {
                Code::ReceiptNotFound
            };
            R::TransactionGetReceipt(hp::TransactionGetReceiptResponse {
                header: header(code, q.header.as_ref()),
                receipt,
                ..Default::default()
            })
        }
        Q::TransactionGetRecord(q) => {
            let h = q.header.as_ref();
            let record = q
                .transaction_id
                .as_ref()
                .and_then(|id| ledger.record_of(id));
            let code = match record {
                _ if is_cost(h) => Code::Ok,
                Some(_) => Code::Ok,
                None => Code::RecordNotFound,
            };
            R::TransactionGetRecord(hp::TransactionGetRecordResponse {
                header: header(code, h),
                transaction_record: record.filter(|_| !is_cost(h)),
                ..Default::default()
            })
        }
        Q::CryptogetAccountBalance(q) => {
            use hp::crypto_get_account_balance_query::BalanceSource;
            let n = match &q.balance_source {
                Some(BalanceSource::AccountId(a)) => account_num(Some(a)),
                _ => None,
            };
            // Token balances here are deprecated on Hedera but still read by SDKs.
            #[allow(deprecated)]
            match n.and_then(|n| ledger.balance(n).map(|b| (n, b))) {
                Some((n, (balance, token_balances))) => {
                    R::CryptogetAccountBalance(hp::CryptoGetAccountBalanceResponse {
                        header: header(Code::Ok, q.header.as_ref()),
                        account_id: Some(account_id(n)),
                        balance,
                        token_balances,
                    })
                }
                None => R::CryptogetAccountBalance(hp::CryptoGetAccountBalanceResponse {
                    header: header(Code::InvalidAccountId, q.header.as_ref()),
                    ..Default::default()
                }),
            }
        }
        Q::CryptoGetInfo(q) => {
            let h = q.header.as_ref();
            let found = account_num(q.account_id.as_ref())
                .and_then(|n| ledger.accounts.get(&n).map(|a| (n, a)));
            let Some((n, a)) = found else {
                return Some(R::CryptoGetInfo(hp::CryptoGetInfoResponse {
                    header: header(Code::InvalidAccountId, h),
                    account_info: None,
                }));
            };
            let owned_nfts = ledger.nfts.values().filter(|nft| nft.owner == n).count() as i64;
            #[allow(deprecated)]
            let info = hp::crypto_get_info_response::AccountInfo {
                account_id: Some(account_id(n)),
                contract_account_id: format!("{n:040x}"),
                key: key(Some(&a.key)),
                balance: a.balance,
                receiver_sig_required: a.receiver_sig_required,
                expiration_time: Some(ts(a.created + 7_776_000 * 1_000_000_000)),
                auto_renew_period: Some(hp::Duration { seconds: 7_776_000 }),
                memo: a.memo.clone(),
                owned_nfts,
                max_automatic_token_associations: a.max_auto_associations,
                ledger_id: LEDGER_ID.to_vec(),
                ..Default::default()
            };
            R::CryptoGetInfo(hp::CryptoGetInfoResponse {
                header: header(Code::Ok, h),
                account_info: Some(info).filter(|_| !is_cost(h)),
            })
        }
        Q::TokenGetInfo(q) => {
            let h = q.header.as_ref();
            let t = q.token.as_ref().map(|t| t.token_num as u64);
            let Some((t, token)) = t.and_then(|t| ledger.tokens.get(&t).map(|x| (t, x))) else {
                return Some(R::TokenGetInfo(hp::TokenGetInfoResponse {
                    header: header(Code::InvalidTokenId, h),
                    token_info: None,
                }));
            };
            R::TokenGetInfo(hp::TokenGetInfoResponse {
                header: header(Code::Ok, h),
                token_info: Some(token_info(t, token)).filter(|_| !is_cost(h)),
            })
        }
        Q::TokenGetNftInfo(q) => {
            let h = q.header.as_ref();
            let id = q.nft_id.unwrap_or_default();
            let t = id.token_id.as_ref().map_or(0, |t| t.token_num as u64);
            let Some(nft) = ledger.nfts.get(&(t, id.serial_number)) else {
                let code = if ledger.tokens.contains_key(&t) {
                    Code::InvalidNftId
                } else {
                    Code::InvalidTokenId
                };
                return Some(R::TokenGetNftInfo(hp::TokenGetNftInfoResponse {
                    header: header(code, h),
                    nft: None,
                }));
            };
            let info = hp::TokenNftInfo {
                nft_id: Some(id),
                account_id: Some(account_id(nft.owner)),
                creation_time: Some(ts(nft.created)),
                metadata: nft.metadata.clone(),
                ledger_id: LEDGER_ID.to_vec(),
                spender_id: None,
            };
            R::TokenGetNftInfo(hp::TokenGetNftInfoResponse {
                header: header(Code::Ok, h),
                nft: Some(info).filter(|_| !is_cost(h)),
            })
        }
        Q::NetworkGetVersionInfo(q) => {
            // The devnet's own version for both: it serves the HAPI of hedera-proto 0.20.
            let (major, minor, patch) = (
                env!("CARGO_PKG_VERSION_MAJOR").parse().unwrap_or(0),
                env!("CARGO_PKG_VERSION_MINOR").parse().unwrap_or(0),
                env!("CARGO_PKG_VERSION_PATCH").parse().unwrap_or(0),
            );
            let version = hp::SemanticVersion {
                major,
                minor,
                patch,
                ..Default::default()
            };
            R::NetworkGetVersionInfo(hp::NetworkGetVersionInfoResponse {
                header: header(Code::Ok, q.header.as_ref()),
                hapi_proto_version: Some(version.clone()),
                hedera_services_version: Some(version),
            })
        }
        _ => return None,
    })
}

fn token_info(t: u64, token: &Token) -> hp::TokenInfo {
    let status = |has_key: bool, on: bool, on_code: i32, off_code: i32| {
        if !has_key {
            0
        } else if on {
            on_code
        } else {
            off_code
        }
    };
    hp::TokenInfo {
        token_id: Some(hp::TokenId {
            shard_num: 0,
            realm_num: 0,
            token_num: t as i64,
        }),
        name: token.name.clone(),
        symbol: token.symbol.clone(),
        decimals: token.decimals,
        total_supply: token.total_supply,
        treasury: Some(account_id(token.treasury)),
        admin_key: key(token.admin_key.as_ref()),
        kyc_key: key(token.kyc_key.as_ref()),
        freeze_key: key(token.freeze_key.as_ref()),
        wipe_key: key(token.wipe_key.as_ref()),
        supply_key: key(token.supply_key.as_ref()),
        // FreezeNotApplicable = 0, Frozen = 1, Unfrozen = 2 (and the same for KYC and pause).
        default_freeze_status: status(token.freeze_key.is_some(), token.freeze_default, 1, 2),
        default_kyc_status: status(token.kyc_key.is_some(), false, 1, 2),
        auto_renew_period: Some(hp::Duration { seconds: 7_776_000 }),
        expiry: Some(ts(token.created + 7_776_000 * 1_000_000_000)),
        memo: token.memo.clone(),
        token_type: token.nft as i32,
        supply_type: token.max_supply.is_some() as i32,
        max_supply: token.max_supply.unwrap_or(0) as i64,
        custom_fees: token.custom_fees.clone(),
        pause_key: key(token.pause_key.as_ref()),
        pause_status: status(token.pause_key.is_some(), token.paused, 1, 2),
        ledger_id: LEDGER_ID.to_vec(),
        metadata: token.metadata.clone(),
        metadata_key: key(token.metadata_key.as_ref()),
        ..Default::default()
    }
}
