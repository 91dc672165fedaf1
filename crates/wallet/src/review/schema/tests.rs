//! The table against the prost types it stands for: `message(bytes, kind)` must be Ok exactly
//! when each of those types decodes `bytes` — one field at a time for every field number and
//! wire type, on random encodings built from the table and then damaged, and at the nesting
//! limit.
use super::*;
use loyal_core::proto as p;
use proptest::prelude::*;
use prost::Message;

type Decode = fn(&[u8]) -> bool;

/// How many tables `SCHEMA` holds.
const TABLES: usize = 41;

fn ok<M: Message + Default>(b: &[u8]) -> bool {
    M::decode(b).is_ok()
}

/// Every table and the prost types of that shape, in `SCHEMA`'s order.
fn types() -> Vec<(u8, Vec<Decode>)> {
    vec![
        (BODY, vec![ok::<p::TransactionBody>]),
        (TX_ID, vec![ok::<p::TransactionId>]),
        (ACCOUNT, vec![ok::<p::AccountId>, ok::<p::ContractId>]),
        (
            TWO,
            vec![ok::<p::Timestamp>, ok::<p::RealmId>, ok::<p::Fraction>],
        ),
        (
            ONE,
            vec![ok::<p::Duration>, ok::<p::ShardId>, ok::<p::UInt32Value>],
        ),
        (KEY, vec![ok::<p::Key>]),
        (THRESHOLD, vec![ok::<p::ThresholdKey>]),
        (KEY_LIST, vec![ok::<p::KeyList>]),
        (FEE_LIMIT, vec![ok::<p::CustomFeeLimit>]),
        (FIXED_FEE, vec![ok::<p::FixedFee>]),
        (
            ID,
            vec![ok::<p::TokenId>, ok::<p::TopicId>, ok::<p::ScheduleId>],
        ),
        (CRYPTO_CREATE, vec![ok::<p::CryptoCreateTransactionBody>]),
        (
            CRYPTO_TRANSFER,
            vec![ok::<p::CryptoTransferTransactionBody>],
        ),
        (TRANSFER_LIST, vec![ok::<p::TransferList>]),
        (ACCOUNT_AMOUNT, vec![ok::<p::AccountAmount>]),
        (TOKEN_TRANSFERS, vec![ok::<p::TokenTransferList>]),
        (NFT_TRANSFER, vec![ok::<p::NftTransfer>]),
        (
            TOPIC_CREATE,
            vec![ok::<p::ConsensusCreateTopicTransactionBody>],
        ),
        (FIXED_CUSTOM_FEE, vec![ok::<p::FixedCustomFee>]),
        (
            SUBMIT_MESSAGE,
            vec![ok::<p::ConsensusSubmitMessageTransactionBody>],
        ),
        (CHUNK_INFO, vec![ok::<p::ConsensusMessageChunkInfo>]),
        (TOKEN_CREATE, vec![ok::<p::TokenCreateTransactionBody>]),
        (CUSTOM_FEE, vec![ok::<p::CustomFee>]),
        (FRACTIONAL_FEE, vec![ok::<p::FractionalFee>]),
        (ROYALTY_FEE, vec![ok::<p::RoyaltyFee>]),
        (
            TOKEN_ACCOUNT,
            vec![
                ok::<p::TokenFreezeAccountTransactionBody>,
                ok::<p::TokenUnfreezeAccountTransactionBody>,
                ok::<p::TokenGrantKycTransactionBody>,
                ok::<p::TokenRevokeKycTransactionBody>,
            ],
        ),
        (
            ONE_ID,
            vec![
                ok::<p::TokenDeleteTransactionBody>,
                ok::<p::TokenPauseTransactionBody>,
                ok::<p::TokenUnpauseTransactionBody>,
                ok::<p::ScheduleSignTransactionBody>,
                ok::<p::ScheduleDeleteTransactionBody>,
            ],
        ),
        (TOKEN_MINT, vec![ok::<p::TokenMintTransactionBody>]),
        (TOKEN_BURN, vec![ok::<p::TokenBurnTransactionBody>]),
        (TOKEN_WIPE, vec![ok::<p::TokenWipeAccountTransactionBody>]),
        (
            ASSOCIATE,
            vec![
                ok::<p::TokenAssociateTransactionBody>,
                ok::<p::TokenDissociateTransactionBody>,
            ],
        ),
        (
            SCHEDULE_CREATE,
            vec![ok::<p::ScheduleCreateTransactionBody>],
        ),
        (SCHEDULABLE, vec![ok::<p::SchedulableTransactionBody>]),
        (UPDATE_NFTS, vec![ok::<p::TokenUpdateNftsTransactionBody>]),
        (BYTES_VALUE, vec![ok::<p::BytesValue>]),
        (AIRDROP, vec![ok::<p::TokenAirdropTransactionBody>]),
        (
            PENDING_LIST,
            vec![
                ok::<p::TokenClaimAirdropTransactionBody>,
                ok::<p::TokenCancelAirdropTransactionBody>,
            ],
        ),
        (PENDING, vec![ok::<p::PendingAirdropId>]),
        (NFT_ID, vec![ok::<p::NftId>]),
        (REJECT, vec![ok::<p::TokenRejectTransactionBody>]),
        (TOKEN_REFERENCE, vec![ok::<p::TokenReference>]),
    ]
}

fn agree(kind: u8, decoders: &[Decode], bytes: &[u8]) {
    let ours = message(bytes, kind, DEPTH, &mut Vec::new()).is_ok();
    for (i, decode) in decoders.iter().enumerate() {
        assert_eq!(
            ours,
            decode(bytes),
            "table {} (type {i} of its shape): {bytes:02x?}",
            kind - MESSAGE
        );
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_key(out: &mut Vec<u8>, number: u32, wire: u64) {
    put_varint(out, u64::from(number) << 3 | wire);
}

fn delimited_field(number: u32, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    put_key(&mut out, number, 2);
    put_varint(&mut out, content.len() as u64);
    out.extend_from_slice(content);
    out
}

/// Contents of a length-delimited field that tell apart bytes, a string, a packed run and
/// each message shape (down two levels).
fn payloads() -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = vec![
        vec![],
        vec![0xff],
        vec![0x80],
        vec![0xc3, 0x28],
        "€".into(),
        b"ab".to_vec(),
        vec![0x08, 0x96, 0x01],
    ];
    let inner: Vec<Vec<u8>> = (1..=5u32)
        .flat_map(|k| {
            let mut v = vec![
                [vec![(k << 3) as u8], vec![0x01]].concat(),
                [vec![(k << 3 | 1) as u8], vec![0; 8]].concat(),
                [vec![(k << 3 | 5) as u8], vec![0; 4]].concat(),
                delimited_field(k, &[0xff]),
                delimited_field(k, b""),
            ];
            v.push(delimited_field(k, &[0x08, 0x01]));
            v
        })
        .collect();
    for k in 1..=5 {
        for i in &inner {
            out.push(delimited_field(k, i));
        }
    }
    out.extend(inner);
    out
}

/// One field `number` in every wire type, well and badly formed.
fn probes(number: u32, payloads: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let with = |wire: u64, rest: &[u8]| {
        let mut out = Vec::new();
        put_key(&mut out, number, wire);
        out.extend_from_slice(rest);
        out
    };
    let mut end = Vec::new();
    put_key(&mut end, number, 4);
    let mut other_end = Vec::new();
    put_key(&mut other_end, number + 1, 4);
    let mut out = vec![
        with(0, &[0x01]),
        with(0, &[0x80]),
        with(
            0,
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01],
        ),
        with(
            0,
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],
        ),
        with(1, &[0; 8]),
        with(1, &[0; 7]),
        with(5, &[0; 4]),
        with(5, &[0; 3]),
        with(3, &end),
        with(3, &other_end),
        with(3, &[]),
        with(4, &[]),
        with(6, &[0]),
        with(7, &[0]),
        with(2, &[0x05, 0x01]),
    ];
    out.extend(payloads.iter().map(|p| delimited_field(number, p)));
    out
}

#[test]
fn every_field_number_in_every_wire_type_agrees_with_prost() {
    let payloads = payloads();
    let numbers: Vec<u32> = (1..=64).chain([73, 1001, 1002]).collect();
    for (kind, decoders) in types() {
        for &number in &numbers {
            for bytes in probes(number, &payloads) {
                agree(kind, &decoders, &bytes);
                // And after a field that decodes, and twice (prost merges a repeat).
                agree(kind, &decoders, &[&[0x08, 0x01][..], &bytes].concat());
                agree(kind, &decoders, &[&bytes[..], &bytes].concat());
            }
        }
    }
}

#[test]
fn the_types_are_the_tables_in_order() {
    let kinds: Vec<u8> = types().iter().map(|(k, _)| *k).collect();
    let all: Vec<u8> = (0..TABLES as u8).map(|i| MESSAGE + i).collect();
    assert_eq!(kinds, all);
    assert_eq!(SCHEMA.iter().filter(|e| **e == 0).count(), TABLES);
}

/// Table `kind`'s entries, as (field number, kind).
fn table(kind: u8) -> Vec<(u32, u8)> {
    let entries = SCHEMA.split(|e| *e == 0).nth(usize::from(kind - MESSAGE));
    let entries = entries.unwrap().iter();
    entries
        .map(|e| (u32::from(e >> 6), *e as u8 & 63))
        .collect()
}

/// xorshift64*: a seed from proptest, the rest drawn here so an encoding can be any shape.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

/// An encoding of table `kind`, mostly well formed: its fields in their wire kinds, with now
/// and then an unknown field, a wrong wire type, a skipped group, a bad string, or the content
/// of another table.
fn encoding(rng: &mut Rng, kind: u8, levels: u32, out: &mut Vec<u8>) {
    let table = table(kind);
    for _ in 0..rng.below(5) {
        let (number, known) = if rng.below(5) > 0 {
            let (n, k) = table[rng.below(table.len() as u64) as usize];
            (n, Some(k))
        } else {
            let n = [rng.below(64) as u32 + 1, 73, 1001, 1002][rng.below(4) as usize];
            (n, lookup(kind, n))
        };
        let wire = match (rng.below(10), known) {
            (0, _) | (_, None) => [0, 1, 2, 3, 5][rng.below(5) as usize],
            (_, Some(VARINT)) => 0,
            (_, Some(PACKED)) => [0, 2][rng.below(2) as usize],
            _ => 2,
        };
        put_key(out, number, wire);
        match wire {
            0 => put_varint(
                out,
                [1, 300, u64::MAX, rng.below(1 << 40)][rng.below(4) as usize],
            ),
            1 => out.extend_from_slice(&[7; 8]),
            5 => out.extend_from_slice(&[5; 4]),
            3 => {
                if rng.below(3) == 0 {
                    put_key(out, rng.below(9) as u32 + 1, 0);
                    put_varint(out, 1);
                }
                let end = if rng.below(6) == 0 {
                    number + 1
                } else {
                    number
                };
                put_key(out, end, 4);
            }
            _ => {
                let mut content = Vec::new();
                match known {
                    Some(k) if k >= MESSAGE && levels > 0 => {
                        let k = match rng.below(6) {
                            0 => MESSAGE + rng.below(TABLES as u64) as u8,
                            _ => k,
                        };
                        encoding(rng, k, levels - 1, &mut content);
                    }
                    Some(STRING) if rng.below(4) > 0 => {
                        content.extend_from_slice("héllo".as_bytes())
                    }
                    Some(PACKED) => {
                        for _ in 0..rng.below(4) {
                            put_varint(&mut content, rng.below(u64::MAX));
                        }
                    }
                    _ => {
                        for _ in 0..rng.below(6) {
                            content.push(rng.below(256) as u8);
                        }
                    }
                }
                put_varint(out, content.len() as u64);
                out.extend_from_slice(&content);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_and_damaged_encodings_agree_with_prost(
        table in 0..TABLES,
        seed in any::<u64>(),
        damage in prop::collection::vec((0u8..4, any::<u16>(), any::<u8>()), 0..3),
    ) {
        let (kind, decoders) = types().swap_remove(table);
        let mut rng = Rng(seed | 1);
        let mut bytes = Vec::new();
        encoding(&mut rng, kind, 5, &mut bytes);
        agree(kind, &decoders, &bytes);
        for (op, at, byte) in damage {
            let at = usize::from(at) % (bytes.len() + 1);
            match op {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.truncate(at),
                2 => bytes.insert(at, byte),
                _ if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => {}
            }
            agree(kind, &decoders, &bytes);
        }
    }

    #[test]
    fn random_bytes_agree_with_prost(
        table in 0..TABLES,
        bytes in prop::collection::vec(any::<u8>(), 0..24),
    ) {
        let (kind, decoders) = types().swap_remove(table);
        agree(kind, &decoders, &bytes);
    }
}

#[test]
fn nesting_agrees_with_prost_at_the_limit() {
    let decoders = [ok::<p::TransactionBody> as Decode];
    // batch_key: a Key, holding a KeyList, holding a Key…: two levels a round.
    for rounds in 45..=52 {
        let mut key = delimited_field(2, &[0; 32]);
        for _ in 0..rounds {
            key = delimited_field(6, &delimited_field(1, &key));
        }
        agree(BODY, &decoders, &delimited_field(73, &key));
    }
    // An unknown field of nested groups, which prost counts as levels too.
    for levels in 95..=102u32 {
        let mut bytes = Vec::new();
        for _ in 0..levels {
            put_key(&mut bytes, 99, 3);
        }
        for _ in 0..levels {
            put_key(&mut bytes, 99, 4);
        }
        agree(BODY, &decoders, &bytes);
    }
}

#[test]
fn a_fault_names_the_field_and_what_is_wrong() {
    // A CryptoTransfer whose transfer list holds an AccountAmount with a truncated amount.
    let mut amount = Vec::new();
    put_key(&mut amount, 2, 0);
    amount.push(0x80);
    let transfer = delimited_field(1, &delimited_field(1, &amount));
    let err = body(&delimited_field(14, &transfer)).unwrap_err();
    assert_eq!(
        err,
        "it does not decode: a malformed number in field 14.1.1.2"
    );
    // TokenCreate's name, not UTF-8.
    let err = body(&delimited_field(29, &delimited_field(1, &[0xc3, 0x28]))).unwrap_err();
    assert_eq!(
        err,
        "it does not decode: a string that is not UTF-8 in field 29.1"
    );
    // The memo as a varint.
    assert_eq!(
        body(&[6 << 3, 1]).unwrap_err(),
        "it does not decode: a wire type the field does not have in field 6"
    );
    // A key with wire type 7, at the top level.
    assert_eq!(
        body(&[0x0f]).unwrap_err(),
        "it does not decode: a malformed field key"
    );
}
