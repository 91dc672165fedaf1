use super::*;
use loyal_core::id::TokenId;

fn balance_of(num: u64) -> Vec<u8> {
    proto::Query {
        query: Some(Q::CryptogetAccountBalance(
            proto::CryptoGetAccountBalanceQuery {
                header: Some(proto::QueryHeader::default()),
                balance_source: Some(
                    proto::crypto_get_account_balance_query::BalanceSource::AccountId(
                        AccountId::new(0, 0, num).to_proto(),
                    ),
                ),
            },
        )),
    }
    .encode_to_vec()
}

fn nft_info(token: u64, serial: u64) -> Vec<u8> {
    proto::Query {
        query: Some(Q::TokenGetNftInfo(proto::TokenGetNftInfoQuery {
            header: None,
            nft_id: Some(NftId::new(TokenId::new(0, 0, token), serial).to_proto()),
        })),
    }
    .encode_to_vec()
}

#[test]
fn a_balance_query_is_free_and_routed_to_crypto_service() {
    let (q, summary) = PageQuery::decode(&balance_of(1005)).unwrap();
    assert_eq!(
        (q.path, q.paid),
        ("proto.CryptoService/cryptoGetBalance", false)
    );
    assert_eq!(
        (summary.kind, summary.subject.as_str()),
        ("CryptoGetAccountBalance", "0.0.1005")
    );
    // Sent as asked, answer only, no payment.
    let sent = proto::Query::decode(q.to_bytes(None, false).as_slice()).unwrap();
    let Some(Q::CryptogetAccountBalance(b)) = sent.query else {
        panic!()
    };
    assert_eq!(
        b.header,
        Some(proto::QueryHeader {
            payment: None,
            response_type: 0
        })
    );
}

#[test]
fn an_nft_info_query_is_paid_and_routed_to_token_service() {
    let (q, summary) = PageQuery::decode(&nft_info(5005, 7)).unwrap();
    assert_eq!(
        (q.path, q.paid),
        ("proto.TokenService/getTokenNftInfo", true)
    );
    assert_eq!(summary.subject, "NFT 0.0.5005 #7");
    let cost = proto::Query::decode(q.to_bytes(None, true).as_slice()).unwrap();
    let Some(Q::TokenGetNftInfo(n)) = cost.query else {
        panic!()
    };
    assert_eq!(
        n.header.unwrap().response_type,
        proto::ResponseType::CostAnswer as i32
    );
}

#[test]
fn undecodable_and_unknown_queries_are_refused() {
    // Garbage, an empty Query (no kind), and a kind the wallet does not route (CryptoGetInfo,
    // field 9 of Query: unknown to the wallet's proto, so decoded as no query).
    let crypto_get_info = {
        let inner = proto::AccountId::default().encode_to_vec();
        let mut q = vec![
            (9 << 3) | 2,
            inner.len() as u8 + 2,
            (2 << 3) | 2,
            inner.len() as u8,
        ];
        q.extend(inner);
        q
    };
    for bytes in [vec![0xff, 0xff, 0xff], vec![], crypto_get_info] {
        let err = PageQuery::decode(&bytes).unwrap_err();
        assert_eq!(
            (err.code(), err.rpc_code()),
            ("UNDECODABLE_QUERY", -32602),
            "{bytes:?}"
        );
    }
    // A balance query naming nothing, an NFT with a negative serial.
    let empty_balance = proto::Query {
        query: Some(Q::CryptogetAccountBalance(Default::default())),
    }
    .encode_to_vec();
    let mut negative = NftId::new(TokenId::new(0, 0, 5), 1).to_proto();
    negative.serial_number = Some(-1);
    let negative = proto::Query {
        query: Some(Q::TokenGetNftInfo(proto::TokenGetNftInfoQuery {
            header: None,
            nft_id: Some(negative),
        })),
    }
    .encode_to_vec();
    for bytes in [empty_balance, negative] {
        assert_eq!(
            PageQuery::decode(&bytes).unwrap_err().code(),
            "UNDECODABLE_QUERY"
        );
    }
}

#[test]
fn the_response_header_is_read_whatever_the_kind() {
    use proto::response::Response as R;
    let header = |cost| {
        Some(proto::ResponseHeader {
            cost,
            ..Default::default()
        })
    };
    let kinds = [
        R::CryptogetAccountBalance(proto::CryptoGetAccountBalanceResponse {
            header: header(7),
            ..Default::default()
        }),
        R::TransactionGetReceipt(proto::TransactionGetReceiptResponse {
            header: header(14),
            ..Default::default()
        }),
        R::TransactionGetRecord(proto::TransactionGetRecordResponse {
            header: header(15),
            ..Default::default()
        }),
        R::TokenGetNftInfo(proto::TokenGetNftInfoResponse {
            header: header(155),
            nft: None,
        }),
    ];
    for (kind, cost) in kinds.into_iter().zip([7, 14, 15, 155]) {
        let response = proto::Response {
            response: Some(kind),
        }
        .encode_to_vec();
        assert_eq!(response_header(&response).unwrap().cost, cost);
    }
    assert_eq!(
        response_header(&[]).unwrap_err().code(),
        "UNDECODABLE_QUERY"
    );
}

pub fn sample_balance(num: u64) -> Vec<u8> {
    balance_of(num)
}
pub fn sample_nft_info(token: u64, serial: u64) -> Vec<u8> {
    nft_info(token, serial)
}
