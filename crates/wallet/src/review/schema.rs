//! Whether a `TransactionBody`'s bytes decode, checked without decoding them: a table of the
//! wire kind of every field of every message `proto::TransactionBody` holds, and a walk of the
//! wire format that fails exactly where prost's decode of that type fails (a known field with
//! another wire type, a malformed key or varint, a length past the end, a string that is not
//! UTF-8, nesting past prost's recursion limit, a malformed group in a skipped field). So the
//! service worker refuses before any window what the approval page could not decode, without
//! linking the decoders of every transaction type (which is why the page has its own wasm).
//! `tests` checks the table against the prost types, field by field and on random encodings.

use prost::encoding::decode_varint;

/// Any varint: int32/64, uint32/64, sint64, bool, enum (prost reads each from any varint).
const VARINT: u8 = 0;
/// A repeated varint scalar: one varint, or a length-delimited run of them (packed).
const PACKED: u8 = 1;
const BYTES: u8 = 2;
/// Length-delimited, UTF-8.
const STRING: u8 = 3;
/// `MESSAGE + i`: a message whose fields are `SCHEMA`'s table `i`.
const MESSAGE: u8 = 4;

/// prost's `RECURSION_LIMIT`: how many message levels (and skipped groups) a decode enters.
const DEPTH: u32 = 100;

// Messages of one shape share a table: field numbers and wire kinds are all the wire says.
const BODY: u8 = MESSAGE;
const TX_ID: u8 = MESSAGE + 1;
/// AccountID and ContractID (shard, realm, number or 20-byte address).
const ACCOUNT: u8 = MESSAGE + 2;
/// Timestamp, RealmID, Fraction.
const TWO: u8 = MESSAGE + 3;
/// Duration, ShardID, UInt32Value.
const ONE: u8 = MESSAGE + 4;
const KEY: u8 = MESSAGE + 5;
const THRESHOLD: u8 = MESSAGE + 6;
const KEY_LIST: u8 = MESSAGE + 7;
const FEE_LIMIT: u8 = MESSAGE + 8;
const FIXED_FEE: u8 = MESSAGE + 9;
/// TokenID, TopicID, ScheduleID.
const ID: u8 = MESSAGE + 10;
const CRYPTO_CREATE: u8 = MESSAGE + 11;
const CRYPTO_TRANSFER: u8 = MESSAGE + 12;
const TRANSFER_LIST: u8 = MESSAGE + 13;
const ACCOUNT_AMOUNT: u8 = MESSAGE + 14;
const TOKEN_TRANSFERS: u8 = MESSAGE + 15;
const NFT_TRANSFER: u8 = MESSAGE + 16;
const TOPIC_CREATE: u8 = MESSAGE + 17;
const FIXED_CUSTOM_FEE: u8 = MESSAGE + 18;
const SUBMIT_MESSAGE: u8 = MESSAGE + 19;
const CHUNK_INFO: u8 = MESSAGE + 20;
const TOKEN_CREATE: u8 = MESSAGE + 21;
const CUSTOM_FEE: u8 = MESSAGE + 22;
const FRACTIONAL_FEE: u8 = MESSAGE + 23;
const ROYALTY_FEE: u8 = MESSAGE + 24;
/// Token freeze, unfreeze, grant and revoke KYC: a token and an account.
const TOKEN_ACCOUNT: u8 = MESSAGE + 25;
/// Token delete, pause, unpause; schedule sign, delete: one id.
const ONE_ID: u8 = MESSAGE + 26;
const TOKEN_MINT: u8 = MESSAGE + 27;
const TOKEN_BURN: u8 = MESSAGE + 28;
const TOKEN_WIPE: u8 = MESSAGE + 29;
/// Token associate and dissociate.
const ASSOCIATE: u8 = MESSAGE + 30;
const SCHEDULE_CREATE: u8 = MESSAGE + 31;
const SCHEDULABLE: u8 = MESSAGE + 32;
const UPDATE_NFTS: u8 = MESSAGE + 33;
const BYTES_VALUE: u8 = MESSAGE + 34;
const AIRDROP: u8 = MESSAGE + 35;
/// Claim and cancel airdrops.
const PENDING_LIST: u8 = MESSAGE + 36;
const PENDING: u8 = MESSAGE + 37;
const NFT_ID: u8 = MESSAGE + 38;
const REJECT: u8 = MESSAGE + 39;
const TOKEN_REFERENCE: u8 = MESSAGE + 40;

/// Every table in a row, in `kind - MESSAGE` order, each entry `number << 6 | kind`, each
/// table ended by a 0; field numbers and types from `loyal_proto`.
#[rustfmt::skip]
const SCHEMA: &[u16] = &[
    // TransactionBody: shared fields, the `data` cases, batch_key, max_custom_fees.
    f(1, TX_ID), f(2, ACCOUNT), f(3, VARINT), f(4, ONE), f(5, VARINT), f(6, STRING),
    f(11, CRYPTO_CREATE), f(14, CRYPTO_TRANSFER), f(24, TOPIC_CREATE), f(27, SUBMIT_MESSAGE),
    f(29, TOKEN_CREATE), f(31, TOKEN_ACCOUNT), f(32, TOKEN_ACCOUNT), f(33, TOKEN_ACCOUNT),
    f(34, TOKEN_ACCOUNT), f(35, ONE_ID), f(37, TOKEN_MINT), f(38, TOKEN_BURN), f(39, TOKEN_WIPE),
    f(40, ASSOCIATE), f(41, ASSOCIATE), f(42, SCHEDULE_CREATE), f(43, ONE_ID), f(44, ONE_ID),
    f(46, ONE_ID), f(47, ONE_ID), f(53, UPDATE_NFTS), f(57, REJECT), f(58, AIRDROP),
    f(59, PENDING_LIST), f(60, PENDING_LIST), f(73, KEY), f(1001, FEE_LIMIT), 0,
    // TransactionID
    f(1, TWO), f(2, ACCOUNT), f(3, VARINT), f(4, VARINT), 0,
    // AccountID, ContractID
    f(1, VARINT), f(2, VARINT), f(3, VARINT), f(4, BYTES), 0,
    // Timestamp, RealmID, Fraction
    f(1, VARINT), f(2, VARINT), 0,
    // Duration, ShardID, UInt32Value
    f(1, VARINT), 0,
    // Key
    f(1, ACCOUNT), f(2, BYTES), f(3, BYTES), f(4, BYTES), f(5, THRESHOLD), f(6, KEY_LIST),
    f(7, BYTES), f(8, ACCOUNT), 0,
    // ThresholdKey
    f(1, VARINT), f(2, KEY_LIST), 0,
    // KeyList
    f(1, KEY), 0,
    // CustomFeeLimit
    f(1, ACCOUNT), f(2, FIXED_FEE), 0,
    // FixedFee
    f(1, VARINT), f(2, ID), 0,
    // TokenID, TopicID, ScheduleID
    f(1, VARINT), f(2, VARINT), f(3, VARINT), 0,
    // CryptoCreateTransactionBody
    f(1, KEY), f(2, VARINT), f(3, ACCOUNT), f(6, VARINT), f(7, VARINT), f(8, VARINT), f(9, ONE),
    f(10, ONE), f(11, TWO), f(12, KEY), f(13, STRING), f(14, VARINT), f(15, ACCOUNT),
    f(16, VARINT), f(17, VARINT), f(18, BYTES), 0,
    // CryptoTransferTransactionBody
    f(1, TRANSFER_LIST), f(2, TOKEN_TRANSFERS), 0,
    // TransferList
    f(1, ACCOUNT_AMOUNT), 0,
    // AccountAmount
    f(1, ACCOUNT), f(2, VARINT), f(3, VARINT), 0,
    // TokenTransferList
    f(1, ID), f(2, ACCOUNT_AMOUNT), f(3, NFT_TRANSFER), f(4, ONE), 0,
    // NftTransfer
    f(1, ACCOUNT), f(2, ACCOUNT), f(3, VARINT), f(4, VARINT), 0,
    // ConsensusCreateTopicTransactionBody
    f(1, STRING), f(2, KEY), f(3, KEY), f(6, ONE), f(7, ACCOUNT), f(8, KEY), f(9, KEY),
    f(10, FIXED_CUSTOM_FEE), 0,
    // FixedCustomFee
    f(1, FIXED_FEE), f(2, ACCOUNT), 0,
    // ConsensusSubmitMessageTransactionBody
    f(1, ID), f(2, BYTES), f(3, CHUNK_INFO), 0,
    // ConsensusMessageChunkInfo
    f(1, TX_ID), f(2, VARINT), f(3, VARINT), 0,
    // TokenCreateTransactionBody
    f(1, STRING), f(2, STRING), f(3, VARINT), f(4, VARINT), f(5, ACCOUNT), f(6, KEY), f(7, KEY),
    f(8, KEY), f(9, KEY), f(10, KEY), f(11, VARINT), f(13, TWO), f(14, ACCOUNT), f(15, ONE),
    f(16, STRING), f(17, VARINT), f(18, VARINT), f(19, VARINT), f(20, KEY), f(21, CUSTOM_FEE),
    f(22, KEY), f(23, BYTES), f(24, KEY), 0,
    // CustomFee
    f(1, FIXED_FEE), f(2, FRACTIONAL_FEE), f(3, ACCOUNT), f(4, ROYALTY_FEE), f(5, VARINT), 0,
    // FractionalFee
    f(1, TWO), f(2, VARINT), f(3, VARINT), f(4, VARINT), 0,
    // RoyaltyFee
    f(1, TWO), f(2, FIXED_FEE), 0,
    // Token{Freeze,Unfreeze}Account, Token{Grant,Revoke}Kyc
    f(1, ID), f(2, ACCOUNT), 0,
    // TokenDelete, TokenPause, TokenUnpause, ScheduleSign, ScheduleDelete
    f(1, ID), 0,
    // TokenMintTransactionBody
    f(1, ID), f(2, VARINT), f(3, BYTES), 0,
    // TokenBurnTransactionBody
    f(1, ID), f(2, VARINT), f(3, PACKED), 0,
    // TokenWipeAccountTransactionBody
    f(1, ID), f(2, ACCOUNT), f(3, VARINT), f(4, PACKED), 0,
    // TokenAssociate, TokenDissociate
    f(1, ACCOUNT), f(2, ID), 0,
    // ScheduleCreateTransactionBody
    f(1, SCHEDULABLE), f(2, STRING), f(3, KEY), f(4, ACCOUNT), f(5, TWO), f(13, VARINT), 0,
    // SchedulableTransactionBody: fee, memo, its own numbering of the `data` cases.
    f(1, VARINT), f(2, STRING), f(7, CRYPTO_CREATE), f(9, CRYPTO_TRANSFER), f(18, TOPIC_CREATE),
    f(21, SUBMIT_MESSAGE), f(22, TOKEN_CREATE), f(23, TOKEN_ACCOUNT), f(24, TOKEN_ACCOUNT),
    f(25, TOKEN_ACCOUNT), f(26, TOKEN_ACCOUNT), f(27, ONE_ID), f(29, TOKEN_MINT),
    f(30, TOKEN_BURN), f(31, TOKEN_WIPE), f(32, ASSOCIATE), f(33, ASSOCIATE), f(34, ONE_ID),
    f(35, ONE_ID), f(36, ONE_ID), f(41, UPDATE_NFTS), f(45, REJECT), f(46, PENDING_LIST),
    f(47, PENDING_LIST), f(48, AIRDROP), f(1001, FEE_LIMIT), 0,
    // TokenUpdateNftsTransactionBody
    f(1, ID), f(2, PACKED), f(3, BYTES_VALUE), 0,
    // BytesValue
    f(1, BYTES), 0,
    // TokenAirdropTransactionBody
    f(1, TOKEN_TRANSFERS), 0,
    // TokenClaimAirdrop, TokenCancelAirdrop
    f(1, PENDING), 0,
    // PendingAirdropId
    f(1, ACCOUNT), f(2, ACCOUNT), f(3, ID), f(4, NFT_ID), 0,
    // NftID
    f(1, ID), f(2, VARINT), 0,
    // TokenRejectTransactionBody
    f(1, ACCOUNT), f(2, TOKEN_REFERENCE), 0,
    // TokenReference
    f(1, ID), f(2, NFT_ID), 0,
];

const fn f(number: u16, kind: u8) -> u16 {
    number << 6 | kind as u16
}

/// The wire kind of field `number` in table `kind`, if the table has it.
fn lookup(kind: u8, number: u32) -> Option<u8> {
    let mut table = kind - MESSAGE;
    for &entry in SCHEMA {
        if entry == 0 {
            if table == 0 {
                return None;
            }
            table -= 1;
        } else if table == 0 && u32::from(entry >> 6) == number {
            return Some(entry as u8 & 63);
        }
    }
    None
}

/// What is wrong, e.g. `a string that is not UTF-8`.
type Fault = &'static str;

/// Ok exactly when `proto::TransactionBody::decode(body)` is; else what is wrong and where,
/// e.g. `it does not decode: a string that is not UTF-8 in field 29.1` (field 1 of the
/// body's field 29).
pub fn body(body: &[u8]) -> Result<(), String> {
    use core::fmt::Write as _;
    let mut path = Vec::new();
    message(body, BODY, DEPTH, &mut path).map_err(|what| {
        let mut out = format!("it does not decode: {what}");
        for (i, number) in path.iter().rev().enumerate() {
            let _ = write!(out, "{}{number}", if i == 0 { " in field " } else { "." });
        }
        out
    })
}

/// `bytes` as the message `kind`, `depth` levels left before prost's limit. On a fault,
/// `path` gets the field numbers from the faulty field out.
fn message(mut bytes: &[u8], kind: u8, depth: u32, path: &mut Vec<u32>) -> Result<(), Fault> {
    while !bytes.is_empty() {
        let (number, wire) = key(&mut bytes)?;
        field(lookup(kind, number), number, wire, &mut bytes, depth, path)
            .inspect_err(|_| path.push(number))?;
    }
    Ok(())
}

/// One field's value after its key: a known field as its kind, an unknown one (`None`)
/// skipped as prost skips it, groups included (which prost counts as levels).
fn field(
    known: Option<u8>,
    number: u32,
    wire: u8,
    bytes: &mut &[u8],
    depth: u32,
    path: &mut Vec<u32>,
) -> Result<(), Fault> {
    let deep = "messages nested too deep";
    if known.is_none() && depth == 0 {
        return Err(deep);
    }
    match (known, wire) {
        (None | Some(VARINT | PACKED), WIRE_VARINT) => varint(bytes).map(drop),
        (None, WIRE_64) => take(bytes, 8).map(drop),
        (None, WIRE_32) => take(bytes, 4).map(drop),
        (None | Some(BYTES), WIRE_DELIMITED) => delimited(bytes).map(drop),
        (Some(PACKED), WIRE_DELIMITED) => {
            let mut run = delimited(bytes)?;
            while !run.is_empty() {
                varint(&mut run)?;
            }
            Ok(())
        }
        (Some(STRING), WIRE_DELIMITED) => core::str::from_utf8(delimited(bytes)?)
            .map(drop)
            .map_err(|_| "a string that is not UTF-8"),
        (Some(kind), WIRE_DELIMITED) if kind >= MESSAGE => match depth {
            0 => Err(deep),
            _ => message(delimited(bytes)?, kind, depth - 1, path),
        },
        (None, WIRE_START_GROUP) => loop {
            let (inner, wire) = key(bytes)?;
            if wire == WIRE_END_GROUP {
                return match inner == number {
                    true => Ok(()),
                    false => Err("a group that does not end"),
                };
            }
            field(None, inner, wire, bytes, depth - 1, path)?;
        },
        (None, _) => Err("a group that does not end"),
        _ => Err("a wire type the field does not have"),
    }
}

const WIRE_VARINT: u8 = 0;
const WIRE_64: u8 = 1;
const WIRE_DELIMITED: u8 = 2;
const WIRE_START_GROUP: u8 = 3;
const WIRE_END_GROUP: u8 = 4;
const WIRE_32: u8 = 5;

/// A field's number and wire type, refused where prost's `decode_key` refuses them.
fn key(bytes: &mut &[u8]) -> Result<(u32, u8), Fault> {
    let key = varint(bytes)?;
    let (number, wire) = (key >> 3, key as u8 & 7);
    if key > u64::from(u32::MAX) || wire > WIRE_32 || number == 0 {
        return Err("a malformed field key");
    }
    Ok((number as u32, wire))
}

fn varint(bytes: &mut &[u8]) -> Result<u64, Fault> {
    decode_varint(bytes).map_err(|_| "a malformed number")
}

fn delimited<'a>(bytes: &mut &'a [u8]) -> Result<&'a [u8], Fault> {
    let len = varint(bytes)?;
    take(bytes, len)
}

fn take<'a>(bytes: &mut &'a [u8], len: u64) -> Result<&'a [u8], Fault> {
    if len > bytes.len() as u64 {
        return Err("a length past the end");
    }
    let (taken, rest) = bytes.split_at(len as usize);
    *bytes = rest;
    Ok(taken)
}

#[cfg(test)]
mod tests;
