//! The mirror node's JSON spellings: `0.0.n` ids, `seconds.nanos` timestamps, keys as
//! `{_type, key}`, bytes in base64, transaction ids as `0.0.n-seconds-nanos`.

use crate::record::{NftMove, Record};
use base64::Engine;
use hedera_proto::services as hp;
use loyal_core::key::{Key, KeyAlgorithm};
use serde_json::{json, Value};

pub fn id(n: u64) -> String {
    format!("0.0.{n}")
}

pub fn ts(nanos: i128) -> String {
    format!(
        "{}.{:09}",
        nanos.div_euclid(1_000_000_000),
        nanos.rem_euclid(1_000_000_000)
    )
}

/// Genesis entities have no creation record: the mirror shows null.
pub fn ts_or_null(nanos: i128) -> Value {
    if nanos == 0 {
        Value::Null
    } else {
        Value::String(ts(nanos))
    }
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn key(k: Option<&Key>) -> Value {
    match k {
        None => Value::Null,
        Some(Key::Single(pk)) => json!({
            "_type": match pk.algorithm() {
                KeyAlgorithm::Ed25519 => "ED25519",
                KeyAlgorithm::EcdsaSecp256k1 => "ECDSA_SECP256K1",
            },
            "key": hex::encode(pk.to_bytes_raw()),
        }),
        Some(other) => json!({
            "_type": "ProtobufEncoded",
            "key": hex::encode(loyal_core::proto::Message::encode_to_vec(&other.to_proto())),
        }),
    }
}

pub fn transaction_id(id: &hp::TransactionId) -> String {
    let payer = id
        .account_id
        .as_ref()
        .and_then(|a| match a.account {
            Some(hp::account_id::Account::AccountNum(n)) => Some(n),
            _ => None,
        })
        .unwrap_or(0);
    let start = id.transaction_valid_start.unwrap_or_default();
    format!("0.0.{payer}-{}-{:09}", start.seconds, start.nanos)
}

pub fn valid_start(id: &hp::TransactionId) -> String {
    let start = id.transaction_valid_start.unwrap_or_default();
    format!("{}.{:09}", start.seconds, start.nanos)
}

fn nft_move(m: &NftMove) -> Value {
    json!({
        "is_approval": false,
        "receiver_account_id": m.to.map(id),
        "sender_account_id": m.from.map(id),
        "serial_number": m.serial,
        "token_id": id(m.token),
    })
}

/// One transaction as `/api/v1/transactions` lists it.
pub fn transaction(r: &Record) -> Value {
    json!({
        "batch_key": null,
        "bytes": null,
        "charged_tx_fee": r.charged_fee,
        "consensus_timestamp": ts(r.consensus),
        "entity_id": r.entity.map(id),
        "max_custom_fees": [],
        "max_fee": r.max_fee.to_string(),
        "memo_base64": b64(r.memo.as_bytes()),
        "name": r.name,
        "nft_transfers": r.nft_transfers.iter().map(nft_move).collect::<Vec<_>>(),
        "node": id(r.node),
        "nonce": r.transaction_id.nonce,
        "parent_consensus_timestamp": null,
        "result": r.result.as_str_name(),
        "scheduled": r.scheduled,
        "staking_reward_transfers": [],
        "token_transfers": r.token_transfers.iter().map(|(t, a, amount)| json!({
            "token_id": id(*t),
            "account": id(*a),
            "amount": amount,
            "is_approval": false,
        })).collect::<Vec<_>>(),
        "transaction_hash": b64(&r.hash),
        "transaction_id": transaction_id(&r.transaction_id),
        "transfers": r.transfers.iter().map(|(a, amount)| json!({
            "account": id(*a),
            "amount": amount,
            "is_approval": false,
        })).collect::<Vec<_>>(),
        "valid_duration_seconds": r.valid_duration_seconds.to_string(),
        "valid_start_timestamp": valid_start(&r.transaction_id),
    })
}

/// The detail form of `/api/v1/transactions/{id}` adds the assessed custom fees.
pub fn transaction_detail(r: &Record) -> Value {
    let mut v = transaction(r);
    v["assessed_custom_fees"] = json!([]);
    v
}
