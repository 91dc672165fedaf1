//! Entity ids `shard.realm.num`, HIP-15 checksums and the HIP-30 `hedera:<network>:` form.

use crate::parse;
use crate::prelude::*;
use crate::text::Piece;
use crate::{proto, Error, Result};
use core::str::FromStr;

/// The ledger an id's checksum is computed for (HIP-15 hashes the ledger id's bytes).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LedgerId {
    Mainnet,
    Testnet,
    Previewnet,
    /// Our local devnet; same bytes (0x03) as Hedera's local node, so SDK checksums agree.
    Devnet,
    Other(Vec<u8>),
}

impl LedgerId {
    pub fn bytes(&self) -> &[u8] {
        match self {
            LedgerId::Mainnet => &[0],
            LedgerId::Testnet => &[1],
            LedgerId::Previewnet => &[2],
            LedgerId::Devnet => &[3],
            LedgerId::Other(b) => b,
        }
    }

    /// The HIP-30 network name, if the ledger has one.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            LedgerId::Mainnet => Some("mainnet"),
            LedgerId::Testnet => Some("testnet"),
            LedgerId::Previewnet => Some("previewnet"),
            LedgerId::Devnet => Some("devnet"),
            LedgerId::Other(_) => None,
        }
    }

    pub fn from_name(name: &str) -> Option<LedgerId> {
        match name {
            "mainnet" => Some(LedgerId::Mainnet),
            "testnet" => Some(LedgerId::Testnet),
            "previewnet" => Some(LedgerId::Previewnet),
            "devnet" | "local-node" => Some(LedgerId::Devnet),
            _ => None,
        }
    }
}

/// The `shard.realm.num` triple every Hedera entity is addressed by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct EntityId {
    pub shard: u64,
    pub realm: u64,
    pub num: u64,
}

impl EntityId {
    pub const fn new(shard: u64, realm: u64, num: u64) -> Self {
        Self { shard, realm, num }
    }

    /// HIP-15: five lowercase letters derived from the id's digits and the ledger id.
    pub fn checksum(&self, ledger: &LedgerId) -> String {
        const P3: u64 = 26 * 26 * 26;
        const P5: u64 = 26 * 26 * 26 * 26 * 26;
        const M: u64 = 1_000_003;
        const W: u64 = 31;
        let addr = self.to_string();
        let digits: Vec<u64> = addr
            .bytes()
            .map(|b| if b == b'.' { 10 } else { (b - b'0') as u64 })
            .collect();
        let (mut sd0, mut sd1, mut sd, mut sh) = (0u64, 0u64, 0u64, 0u64);
        for (i, d) in digits.iter().enumerate() {
            sd = (W * sd + d) % P3;
            if i % 2 == 0 {
                sd0 = (sd0 + d) % 11;
            } else {
                sd1 = (sd1 + d) % 11;
            }
        }
        // The ledger id is followed by six zero bytes, as HIP-15 specifies.
        for b in ledger.bytes().iter().copied().chain([0u8; 6]) {
            sh = (W * sh + b as u64) % P5;
        }
        let c = ((((digits.len() as u64 % 5) * 11 + sd0) * 11 + sd1) * P3 + sd + sh) % P5;
        let mut cp = (c * M) % P5;
        let mut out = [0u8; 5];
        for slot in out.iter_mut().rev() {
            *slot = b'a' + (cp % 26) as u8;
            cp /= 26;
        }
        String::from_utf8(out.to_vec()).expect("ascii")
    }

    pub fn to_string_with_checksum(&self, ledger: &LedgerId) -> String {
        text!(self, '-', self.checksum(ledger))
    }

    /// Parses `0.0.n` or `0.0.n-abcde`; the checksum, if any, is returned for validation.
    pub fn parse_with_checksum(input: &str) -> Result<(EntityId, Option<String>)> {
        let bad = |reason| Error::InvalidEntityId {
            input: input.to_owned(),
            reason,
        };
        let (id, checksum) = match parse::split_first(input, b'-') {
            Some((id, cs)) => {
                if cs.len() != 5 || !cs.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(bad("checksum must be 5 lowercase letters"));
                }
                (id, Some(cs.to_owned()))
            }
            None => (input, None),
        };
        let number = |s: &str| -> Result<u64> {
            if !parse::all_digits(s) {
                return Err(bad("expected shard.realm.num with decimal numbers"));
            }
            parse::decimal(s).ok_or_else(|| bad("number out of range"))
        };
        let entity = match parse::split_first(id, b'.') {
            None => EntityId::new(0, 0, number(id)?),
            Some((shard, rest)) => match parse::split_first(rest, b'.') {
                Some((realm, num)) if !num.bytes().any(|b| b == b'.') => {
                    EntityId::new(number(shard)?, number(realm)?, number(num)?)
                }
                _ => return Err(bad("expected shard.realm.num")),
            },
        };
        if entity.num > i64::MAX as u64
            || entity.shard > i64::MAX as u64
            || entity.realm > i64::MAX as u64
        {
            return Err(bad("number out of range"));
        }
        Ok((entity, checksum))
    }

    /// Parses and, if a checksum is present, checks it against `ledger`.
    pub fn parse_for_ledger(input: &str, ledger: &LedgerId) -> Result<EntityId> {
        let (id, checksum) = Self::parse_with_checksum(input)?;
        if let Some(actual) = checksum {
            let expected = id.checksum(ledger);
            if actual != expected {
                return Err(Error::ChecksumMismatch {
                    id: id.to_string(),
                    expected,
                    actual,
                });
            }
        }
        Ok(id)
    }

    /// HIP-30: `hedera:<network>:0.0.n[-checksum]`; the checksum must match that network.
    pub fn from_hip30(input: &str) -> Result<(LedgerId, EntityId)> {
        let bad = |reason| Error::InvalidEntityId {
            input: input.to_owned(),
            reason,
        };
        let rest = input
            .strip_prefix("hedera:")
            .ok_or_else(|| bad("HIP-30 ids start with `hedera:`"))?;
        let (network, id) =
            parse::split_first(rest, b':').ok_or_else(|| bad("expected hedera:<network>:<id>"))?;
        let ledger = LedgerId::from_name(network).ok_or_else(|| bad("unknown network"))?;
        let id = Self::parse_for_ledger(id, &ledger)?;
        Ok((ledger, id))
    }

    /// HIP-30 form with checksum; `None` for ledgers without a network name.
    pub fn to_hip30(&self, ledger: &LedgerId) -> Option<String> {
        Some(text!(
            "hedera:",
            ledger.name()?,
            ':',
            self.to_string_with_checksum(ledger)
        ))
    }
}

impl Piece for EntityId {
    fn push_to(&self, out: &mut String) {
        push_text!(out; self.shard, '.', self.realm, '.', self.num);
    }
}
display_as_text!(EntityId);

impl FromStr for EntityId {
    type Err = Error;
    /// Accepts an id with a checksum but does not validate it (no ledger is known here);
    /// use `parse_for_ledger` when the network is known.
    fn from_str(s: &str) -> Result<Self> {
        Self::parse_with_checksum(s).map(|(id, _)| id)
    }
}

/// Typed wrappers so an account id can't be passed where a token id is expected.
macro_rules! entity_type {
    ($(#[$doc:meta])* $name:ident, $proto:ident, $num_field:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(pub EntityId);

        impl $name {
            pub const fn new(shard: u64, realm: u64, num: u64) -> Self {
                Self(EntityId::new(shard, realm, num))
            }
            pub fn num(&self) -> u64 {
                self.0.num
            }
            pub fn to_string_with_checksum(&self, ledger: &LedgerId) -> String {
                self.0.to_string_with_checksum(ledger)
            }
            pub fn parse_for_ledger(s: &str, ledger: &LedgerId) -> Result<Self> {
                EntityId::parse_for_ledger(s, ledger).map(Self)
            }
            pub fn to_proto(&self) -> proto::$proto {
                proto::$proto {
                    shard_num: Some(self.0.shard as i64),
                    realm_num: Some(self.0.realm as i64),
                    $num_field: Some(self.0.num as i64),
                }
            }
            pub fn from_proto(p: &proto::$proto) -> Result<Self> {
                Ok(Self(entity_from_parts(p.shard_num(), p.realm_num(), p.$num_field())?))
            }
        }

        impl Piece for $name {
            fn push_to(&self, out: &mut String) {
                self.0.push_to(out)
            }
        }
        display_as_text!($name);

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self> {
                s.parse().map(Self)
            }
        }

        impl From<EntityId> for $name {
            fn from(id: EntityId) -> Self {
                Self(id)
            }
        }
    };
}

fn entity_from_parts(shard: i64, realm: i64, num: i64) -> Result<EntityId> {
    let conv = |v: i64| {
        u64::try_from(v).map_err(|_| Error::Decode {
            message: "entity id",
            reason: text!("negative part ", v),
        })
    };
    Ok(EntityId::new(conv(shard)?, conv(realm)?, conv(num)?))
}

entity_type!(
    /// A token (fungible or NFT collection).
    TokenId, TokenId, token_num
);
entity_type!(
    /// An HCS topic.
    TopicId, TopicId, topic_num
);
entity_type!(
    /// A scheduled transaction.
    ScheduleId, ScheduleId, schedule_num
);

/// An account: `shard.realm.num`, or an alias (20-byte EVM address) when the account is
/// addressed before it exists (auto-create) or by EVM tools.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AccountId {
    pub shard: u64,
    pub realm: u64,
    pub num: u64,
    pub evm_address: Option<[u8; 20]>,
}

impl AccountId {
    pub const fn new(shard: u64, realm: u64, num: u64) -> Self {
        Self {
            shard,
            realm,
            num,
            evm_address: None,
        }
    }

    pub fn from_evm_address(shard: u64, realm: u64, address: [u8; 20]) -> Self {
        Self {
            shard,
            realm,
            num: 0,
            evm_address: Some(address),
        }
    }

    pub fn entity(&self) -> EntityId {
        EntityId::new(self.shard, self.realm, self.num)
    }

    pub fn to_string_with_checksum(&self, ledger: &LedgerId) -> String {
        match self.evm_address {
            Some(_) => self.to_string(),
            None => self.entity().to_string_with_checksum(ledger),
        }
    }

    pub fn parse_for_ledger(s: &str, ledger: &LedgerId) -> Result<Self> {
        EntityId::parse_for_ledger(s, ledger).map(Self::from)
    }

    pub fn to_proto(&self) -> proto::AccountId {
        use proto::account_id::Account;
        proto::AccountId {
            shard_num: Some(self.shard as i64),
            realm_num: Some(self.realm as i64),
            account: Some(match self.evm_address {
                Some(a) => Account::Alias(a.to_vec()),
                None => Account::AccountNum(self.num as i64),
            }),
        }
    }

    pub fn from_proto(p: &proto::AccountId) -> Result<Self> {
        use proto::account_id::Account;
        let base = entity_from_parts(p.shard_num(), p.realm_num(), 0)?;
        match &p.account {
            Some(Account::AccountNum(n)) => Ok(Self::from(entity_from_parts(
                p.shard_num(),
                p.realm_num(),
                *n,
            )?)),
            Some(Account::Alias(a)) => {
                let address: [u8; 20] = a.as_slice().try_into().map_err(|_| Error::Decode {
                    message: "AccountID",
                    reason: "only 20-byte EVM address aliases are supported".into(),
                })?;
                Ok(Self::from_evm_address(base.shard, base.realm, address))
            }
            None => Ok(Self::from(base)),
        }
    }
}

impl From<EntityId> for AccountId {
    fn from(id: EntityId) -> Self {
        Self::new(id.shard, id.realm, id.num)
    }
}

impl Piece for AccountId {
    fn push_to(&self, out: &mut String) {
        match &self.evm_address {
            Some(a) => push_text!(out; self.shard, '.', self.realm, '.', hex::encode(a)),
            None => self.entity().push_to(out),
        }
    }
}
display_as_text!(AccountId);

impl FromStr for AccountId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        // `0.0.<40 hex>` is an EVM-address alias; anything else must be a numeric id.
        if let Some((head, last)) = parse::split_last(s, b'.') {
            let hex_part = last.strip_prefix("0x").unwrap_or(last);
            let address = parse::hex(hex_part).and_then(|a| <[u8; 20]>::try_from(a).ok());
            if let (Some(address), true) =
                (address, head.bytes().filter(|&b| b == b'.').count() == 1)
            {
                let head: EntityId = text!(head, ".0").parse()?;
                return Ok(Self::from_evm_address(head.shard, head.realm, address));
            }
        }
        s.parse::<EntityId>().map(Self::from)
    }
}

/// One NFT: collection and serial number, `0.0.5/12` as the SDK prints it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NftId {
    pub token_id: TokenId,
    pub serial: u64,
}

impl NftId {
    pub const fn new(token_id: TokenId, serial: u64) -> Self {
        Self { token_id, serial }
    }

    pub fn to_proto(&self) -> proto::NftId {
        proto::NftId {
            token_id: Some(self.token_id.to_proto()),
            serial_number: Some(self.serial as i64),
        }
    }

    pub fn from_proto(p: &proto::NftId) -> Result<Self> {
        let token = p.token_id.as_ref().ok_or(Error::Decode {
            message: "NftID",
            reason: "missing token id".into(),
        })?;
        let serial = u64::try_from(p.serial_number()).map_err(|_| Error::Decode {
            message: "NftID",
            reason: "negative serial".into(),
        })?;
        Ok(Self::new(TokenId::from_proto(token)?, serial))
    }
}

impl Piece for NftId {
    fn push_to(&self, out: &mut String) {
        push_text!(out; self.token_id, '/', self.serial);
    }
}
display_as_text!(NftId);

impl FromStr for NftId {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        let bad = |reason| Error::InvalidEntityId {
            input: s.to_owned(),
            reason,
        };
        let (token, serial) =
            parse::split_first_of(s, b"/@").ok_or_else(|| bad("expected <token>/<serial>"))?;
        let serial = parse::decimal(serial).ok_or_else(|| bad("bad serial number"))?;
        Ok(Self::new(token.parse()?, serial))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn parses_and_prints_ids() {
        let id: AccountId = "0.0.1234".parse().unwrap();
        assert_eq!(id, AccountId::new(0, 0, 1234));
        assert_eq!(id.to_string(), "0.0.1234");
        assert_eq!("7".parse::<TokenId>().unwrap(), TokenId::new(0, 0, 7));
        let nft: NftId = "0.0.5/12".parse().unwrap();
        assert_eq!(nft.to_string(), "0.0.5/12");
        assert_eq!(
            "0.0.5@12".parse::<NftId>().unwrap(),
            nft,
            "the mirror's form"
        );
        for bad in ["0.0.5/+1", "0.0.5/", "0.0.5", "0.0.5/1/2"] {
            assert_eq!(
                bad.parse::<NftId>().unwrap_err().code(),
                "INVALID_ENTITY_ID",
                "{bad}"
            );
        }
        let evm: AccountId = "0.0.00000000000000000000000000000000000004d2"
            .parse()
            .unwrap();
        assert_eq!(evm.evm_address.unwrap()[19], 0xd2);
        assert_eq!(AccountId::from_proto(&evm.to_proto()).unwrap(), evm);
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in [
            "",
            "0.0",
            "0.0.x",
            "0..1",
            "a.b.c",
            "0.0.1-ABCDE",
            "0.0.1-abc",
            "1.2.3.4",
            "0.0.-1",
        ] {
            let err = bad.parse::<AccountId>().unwrap_err();
            assert_eq!(err.code(), "INVALID_ENTITY_ID", "{bad}");
        }
    }

    #[test]
    fn checksums_match_the_sdk() {
        // Printed by @hashgraph/sdk 2.81.0 `toStringWithChecksum` for each network.
        let cases = [
            (LedgerId::Mainnet, "0.0.123-vfmkw", "0.0.1234567-ylkls"),
            (LedgerId::Testnet, "0.0.123-esxsf", "0.0.1234567-hyvtb"),
            (LedgerId::Previewnet, "0.0.123-ogizo", "0.0.1234567-rmhak"),
            (LedgerId::Devnet, "0.0.123-xtugx", "0.0.1234567-azsht"),
        ];
        for (ledger, a, b) in cases {
            assert_eq!(EntityId::new(0, 0, 123).to_string_with_checksum(&ledger), a);
            assert_eq!(
                EntityId::new(0, 0, 1234567).to_string_with_checksum(&ledger),
                b
            );
        }
    }

    #[test]
    fn checksum_validates_and_hip30_round_trips() {
        let id = EntityId::new(0, 0, 123);
        for ledger in [
            LedgerId::Mainnet,
            LedgerId::Testnet,
            LedgerId::Previewnet,
            LedgerId::Devnet,
        ] {
            let with = id.to_string_with_checksum(&ledger);
            assert_eq!(EntityId::parse_for_ledger(&with, &ledger).unwrap(), id);
            let hip30 = id.to_hip30(&ledger).unwrap();
            assert_eq!(EntityId::from_hip30(&hip30).unwrap(), (ledger, id));
        }
        let mainnet = id.to_string_with_checksum(&LedgerId::Mainnet);
        let err = EntityId::parse_for_ledger(&mainnet, &LedgerId::Testnet).unwrap_err();
        assert_eq!(err.code(), "CHECKSUM_MISMATCH");
    }
}
