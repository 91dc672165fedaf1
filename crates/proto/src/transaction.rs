//! transaction.proto, transaction_contents.proto and the SDK's transaction_list.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::*;

#[derive(Clone, PartialEq, prost::Message)]
pub struct Transaction {
    /// The deprecated sigMap/bodyBytes form (fields 3, 4) still decodes. Field 1, a body as a
    /// message, signed nothing anyone could check and nothing reads it: left out, it is skipped
    /// like any unknown field (and encoding a Transaction links no transaction body encoder).
    #[prost(message, optional, tag = "3")]
    pub sig_map: Option<SignatureMap>,
    #[prost(bytes = "vec", optional, tag = "4")]
    pub body_bytes: Option<Vec<u8>>,
    #[prost(bytes = "vec", optional, tag = "5")]
    pub signed_transaction_bytes: Option<Vec<u8>>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct SignedTransaction {
    #[prost(bytes = "vec", optional, tag = "1")]
    pub body_bytes: Option<Vec<u8>>,
    #[prost(message, optional, tag = "2")]
    pub sig_map: Option<SignatureMap>,
    #[prost(bool, optional, tag = "3")]
    pub use_serialized_tx_message_hash_algorithm: Option<bool>,
}

/// What the SDKs' `toBytes()` produce: one `Transaction` per node account id.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionList {
    #[prost(message, repeated, tag = "1")]
    pub transaction_list: Vec<Transaction>,
}

/// Declares a message that starts with the six fields every TransactionBody shares, so the body
/// and its header cannot drift apart.
macro_rules! with_shared_body_fields {
    ($(#[$doc:meta])* $name:ident { $($rest:tt)* }) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, prost::Message)]
        pub struct $name {
            #[prost(message, optional, tag = "1")]
            pub transaction_id: Option<TransactionId>,
            #[prost(message, optional, tag = "2")]
            pub node_account_id: Option<AccountId>,
            #[prost(uint64, optional, tag = "3")]
            pub transaction_fee: Option<u64>,
            #[prost(message, optional, tag = "4")]
            pub transaction_valid_duration: Option<Duration>,
            #[prost(bool, optional, tag = "5")]
            pub generate_record: Option<bool>,
            #[prost(string, optional, tag = "6")]
            pub memo: Option<String>,
            $($rest)*
        }
    };
}

with_shared_body_fields!(
    /// The fields of a [`TransactionBody`] that every transaction shares. Encoded and followed
    /// by one `data` case (see [`transaction_body::tag`]) they are the body's bytes, without
    /// linking the oneof's encoder, which matches every case.
    TransactionBodyHeader {}
);

with_shared_body_fields!(TransactionBody {
    #[prost(
        oneof = "transaction_body::Data",
        tags = "11, 14, 24, 27, 29, 31, 32, 33, 34, 35, 37, 38, 39, 40, 41, 42, 43, 44, 46, 47, 53, 57, 58, 59, 60"
    )]
    pub data: Option<transaction_body::Data>,
    #[prost(message, optional, tag = "73")]
    pub batch_key: Option<Key>,
    #[prost(message, repeated, tag = "1001")]
    pub max_custom_fees: Vec<CustomFeeLimit>,
});

pub mod transaction_body {
    #[allow(unused_imports)]
    use crate::prelude::*;
    use crate::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Data {
        #[prost(message, tag = "11")]
        CryptoCreateAccount(CryptoCreateTransactionBody),
        #[prost(message, tag = "14")]
        CryptoTransfer(CryptoTransferTransactionBody),
        #[prost(message, tag = "24")]
        ConsensusCreateTopic(ConsensusCreateTopicTransactionBody),
        #[prost(message, tag = "27")]
        ConsensusSubmitMessage(ConsensusSubmitMessageTransactionBody),
        #[prost(message, tag = "29")]
        TokenCreation(TokenCreateTransactionBody),
        #[prost(message, tag = "31")]
        TokenFreeze(TokenFreezeAccountTransactionBody),
        #[prost(message, tag = "32")]
        TokenUnfreeze(TokenUnfreezeAccountTransactionBody),
        #[prost(message, tag = "33")]
        TokenGrantKyc(TokenGrantKycTransactionBody),
        #[prost(message, tag = "34")]
        TokenRevokeKyc(TokenRevokeKycTransactionBody),
        #[prost(message, tag = "35")]
        TokenDeletion(TokenDeleteTransactionBody),
        #[prost(message, tag = "37")]
        TokenMint(TokenMintTransactionBody),
        #[prost(message, tag = "38")]
        TokenBurn(TokenBurnTransactionBody),
        #[prost(message, tag = "39")]
        TokenWipe(TokenWipeAccountTransactionBody),
        #[prost(message, tag = "40")]
        TokenAssociate(TokenAssociateTransactionBody),
        #[prost(message, tag = "41")]
        TokenDissociate(TokenDissociateTransactionBody),
        #[prost(message, tag = "42")]
        ScheduleCreate(ScheduleCreateTransactionBody),
        #[prost(message, tag = "43")]
        ScheduleDelete(ScheduleDeleteTransactionBody),
        #[prost(message, tag = "44")]
        ScheduleSign(ScheduleSignTransactionBody),
        #[prost(message, tag = "46")]
        TokenPause(TokenPauseTransactionBody),
        #[prost(message, tag = "47")]
        TokenUnpause(TokenUnpauseTransactionBody),
        #[prost(message, tag = "53")]
        TokenUpdateNfts(TokenUpdateNftsTransactionBody),
        #[prost(message, tag = "57")]
        TokenReject(TokenRejectTransactionBody),
        #[prost(message, tag = "58")]
        TokenAirdrop(TokenAirdropTransactionBody),
        #[prost(message, tag = "59")]
        TokenCancelAirdrop(TokenCancelAirdropTransactionBody),
        #[prost(message, tag = "60")]
        TokenClaimAirdrop(TokenClaimAirdropTransactionBody),
    }

    /// The field number of each `data` case, named as its variant, to encode one case without
    /// going through the enum: `Data::encode` matches every case, so a wasm app that builds a
    /// single transaction type would link every type's encoder (loyal-core's `DataField`).
    #[allow(non_upper_case_globals)]
    pub mod tag {
        pub const CryptoCreateAccount: u32 = 11;
        pub const CryptoTransfer: u32 = 14;
        pub const ConsensusCreateTopic: u32 = 24;
        pub const ConsensusSubmitMessage: u32 = 27;
        pub const TokenCreation: u32 = 29;
        pub const TokenFreeze: u32 = 31;
        pub const TokenUnfreeze: u32 = 32;
        pub const TokenGrantKyc: u32 = 33;
        pub const TokenRevokeKyc: u32 = 34;
        pub const TokenDeletion: u32 = 35;
        pub const TokenMint: u32 = 37;
        pub const TokenBurn: u32 = 38;
        pub const TokenWipe: u32 = 39;
        pub const TokenAssociate: u32 = 40;
        pub const TokenDissociate: u32 = 41;
        pub const ScheduleCreate: u32 = 42;
        pub const ScheduleDelete: u32 = 43;
        pub const ScheduleSign: u32 = 44;
        pub const TokenPause: u32 = 46;
        pub const TokenUnpause: u32 = 47;
        pub const TokenUpdateNfts: u32 = 53;
        pub const TokenReject: u32 = 57;
        pub const TokenAirdrop: u32 = 58;
        pub const TokenCancelAirdrop: u32 = 59;
        pub const TokenClaimAirdrop: u32 = 60;

        /// Every case, for readers that look at a body's field numbers without decoding it.
        pub const ALL: [u32; 25] = [
            CryptoCreateAccount,
            CryptoTransfer,
            ConsensusCreateTopic,
            ConsensusSubmitMessage,
            TokenCreation,
            TokenFreeze,
            TokenUnfreeze,
            TokenGrantKyc,
            TokenRevokeKyc,
            TokenDeletion,
            TokenMint,
            TokenBurn,
            TokenWipe,
            TokenAssociate,
            TokenDissociate,
            ScheduleCreate,
            ScheduleDelete,
            ScheduleSign,
            TokenPause,
            TokenUnpause,
            TokenUpdateNfts,
            TokenReject,
            TokenAirdrop,
            TokenCancelAirdrop,
            TokenClaimAirdrop,
        ];
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn all_lists_exactly_the_data_cases() {
            for number in 1..=100u32 {
                let mut bytes = Vec::new();
                prost::encoding::encode_key(
                    number,
                    prost::encoding::WireType::LengthDelimited,
                    &mut bytes,
                );
                bytes.push(0);
                let is_case = TransactionBody::decode(bytes.as_slice())
                    .map(|b| b.data.is_some())
                    .unwrap_or(false);
                assert_eq!(is_case, tag::ALL.contains(&number), "field {number}");
            }
        }

        #[test]
        fn header_and_one_case_encode_as_the_whole_body() {
            let header = TransactionBodyHeader {
                transaction_id: Some(TransactionId {
                    account_id: Some(AccountId {
                        account: Some(account_id::Account::AccountNum(1001)),
                        ..Default::default()
                    }),
                    ..Default::default()
                }),
                transaction_fee: Some(200_000_000),
                memo: Some("m".into()),
                ..Default::default()
            };
            let mint = TokenMintTransactionBody {
                amount: Some(5),
                ..Default::default()
            };
            let body = TransactionBody {
                transaction_id: header.transaction_id.clone(),
                transaction_fee: header.transaction_fee,
                memo: header.memo.clone(),
                data: Some(Data::TokenMint(mint.clone())),
                ..Default::default()
            };
            let mut split = header.encode_to_vec();
            prost::encoding::message::encode(tag::TokenMint, &mint, &mut split);
            assert_eq!(split, body.encode_to_vec());
        }

        #[test]
        fn every_tag_is_the_field_number_of_its_case() {
            let cases = [
                (
                    Data::CryptoCreateAccount(Default::default()),
                    tag::CryptoCreateAccount,
                ),
                (
                    Data::CryptoTransfer(Default::default()),
                    tag::CryptoTransfer,
                ),
                (
                    Data::ConsensusCreateTopic(Default::default()),
                    tag::ConsensusCreateTopic,
                ),
                (
                    Data::ConsensusSubmitMessage(Default::default()),
                    tag::ConsensusSubmitMessage,
                ),
                (Data::TokenCreation(Default::default()), tag::TokenCreation),
                (Data::TokenFreeze(Default::default()), tag::TokenFreeze),
                (Data::TokenUnfreeze(Default::default()), tag::TokenUnfreeze),
                (Data::TokenGrantKyc(Default::default()), tag::TokenGrantKyc),
                (
                    Data::TokenRevokeKyc(Default::default()),
                    tag::TokenRevokeKyc,
                ),
                (Data::TokenDeletion(Default::default()), tag::TokenDeletion),
                (Data::TokenMint(Default::default()), tag::TokenMint),
                (Data::TokenBurn(Default::default()), tag::TokenBurn),
                (Data::TokenWipe(Default::default()), tag::TokenWipe),
                (
                    Data::TokenAssociate(Default::default()),
                    tag::TokenAssociate,
                ),
                (
                    Data::TokenDissociate(Default::default()),
                    tag::TokenDissociate,
                ),
                (
                    Data::ScheduleCreate(Default::default()),
                    tag::ScheduleCreate,
                ),
                (
                    Data::ScheduleDelete(Default::default()),
                    tag::ScheduleDelete,
                ),
                (Data::ScheduleSign(Default::default()), tag::ScheduleSign),
                (Data::TokenPause(Default::default()), tag::TokenPause),
                (Data::TokenUnpause(Default::default()), tag::TokenUnpause),
                (
                    Data::TokenUpdateNfts(Default::default()),
                    tag::TokenUpdateNfts,
                ),
                (Data::TokenReject(Default::default()), tag::TokenReject),
                (Data::TokenAirdrop(Default::default()), tag::TokenAirdrop),
                (
                    Data::TokenCancelAirdrop(Default::default()),
                    tag::TokenCancelAirdrop,
                ),
                (
                    Data::TokenClaimAirdrop(Default::default()),
                    tag::TokenClaimAirdrop,
                ),
            ];
            for (data, tag) in cases {
                let mut buf = Vec::new();
                data.encode(&mut buf);
                let key = prost::encoding::decode_varint(&mut buf.as_slice()).unwrap();
                assert_eq!(key >> 3, u64::from(tag), "{data:?}");
            }
        }
    }
}
