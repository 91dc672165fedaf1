use super::*;
use crate::summary::{
    self,
    tests::{alice, bob, hbar_transfer},
};
use loyal_core::hbar::Hbar;
use loyal_core::time::Timestamp;
use loyal_core::transaction::{TokenMintTransaction, TransferTransaction};

fn code(r: Result<impl Sized>) -> &'static str {
    match r {
        Ok(_) => "OK",
        Err(e) => e.code(),
    }
}

#[test]
fn a_list_gives_its_id_and_signs_every_node_entry() {
    let tx = hbar_transfer(alice(), &[3, 4, 5]);
    let (read, id) = list(&tx.to_bytes()).unwrap();
    assert_eq!(&id, tx.transaction_id());
    assert_eq!(read.node_account_ids(), tx.node_account_ids());
    // Read shallow, the same bytes come out.
    assert_eq!(read.to_bytes(), tx.to_bytes());
    assert_eq!(body(tx.entries()[1].body_bytes()).unwrap(), id);
}

#[test]
fn what_the_service_worker_accepts_the_approval_page_decodes() {
    // The display decoder is the full one: bytes the service worker lets through to a prompt
    // must decode there (`schema`), and bytes it refuses must not be ones the page could
    // show… except those with a field the page would skip, which only the service worker
    // refuses.
    let mint = TokenMintTransaction::new()
        .with_token_id(loyal_core::id::TokenId::new(0, 0, 2001))
        .with_metadata([b"ipfs://bafy".to_vec()])
        .with_transaction_id(TransactionId::new(
            alice(),
            Timestamp::new(1_796_255_100, 0),
        ))
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .freeze()
        .unwrap();
    let good = [hbar_transfer(alice(), &[3]), mint];
    let mut bodies: Vec<Vec<u8>> = good
        .iter()
        .map(|t| t.entries()[0].body_bytes().to_vec())
        .collect();
    // Every truncation and every single-byte change of a good body.
    let seed = bodies[0].clone();
    for cut in 0..seed.len() {
        bodies.push(seed[..cut].to_vec());
    }
    for at in 0..seed.len() {
        for byte in [0x00, 0x02, 0x08, 0x7f, 0x80, 0xff] {
            let mut b = seed.clone();
            b[at] = byte;
            bodies.push(b);
        }
    }
    let mut agreed = 0;
    for b in &bodies {
        match (body(b), summary::of_body(b)) {
            (Ok(id), Ok((_, _, full_id))) => assert_eq!(id, full_id, "{b:?}"),
            // What the page may still refuse is content that decodes but names no entity
            // (an account alias that is not 20 bytes, a transfer list without its token).
            (Ok(_), Err(e)) => {
                assert_eq!(e.code(), "UNDECODABLE_TRANSACTION", "{b:?}");
                assert!(
                    proto::TransactionBody::decode(b.as_slice()).is_ok(),
                    "{e}: {b:?}"
                );
                continue;
            }
            (shallow, _) => assert_eq!(code(shallow), "UNDECODABLE_TRANSACTION"),
        }
        agreed += 1;
    }
    assert!(agreed > bodies.len() / 2, "{agreed} of {}", bodies.len());
}

#[test]
fn not_a_transaction_is_refused() {
    for bad in [&b"\xff\xff\xff"[..], b"", b"\x0a\x02\x0a\x00"] {
        assert_eq!(code(list(bad)), "UNDECODABLE_TRANSACTION", "{bad:?}");
    }
    assert_eq!(code(body(b"\xff")), "UNDECODABLE_TRANSACTION");
    let empty = proto::TransactionBody {
        transaction_id: Some(TransactionId::new(alice(), Timestamp::new(1, 0)).to_proto()),
        node_account_id: Some(AccountId::new(0, 0, 3).to_proto()),
        ..Default::default()
    };
    let err = body(&empty.encode_to_vec()).unwrap_err();
    assert!(err.to_string().contains("no transaction type"), "{err}");
}

#[test]
fn content_that_does_not_decode_is_refused_before_any_window() {
    // A transfer whose list holds a truncated entry, then one whose memo is not UTF-8: the
    // envelope, ids and top-level fields read, the content does not.
    let good = hbar_transfer(alice(), &[3]);
    let mut bad = proto::TransactionBody::decode(good.entries()[0].body_bytes()).unwrap();
    bad.data = None;
    let mut bytes = bad.encode_to_vec();
    bytes.extend_from_slice(&[14 << 3 | 2, 4, 0x0a, 0x02, 0x0a, 0x05]);
    assert!(proto::TransactionBodyHeader::decode(bytes.as_slice()).is_ok());
    let err = body(&bytes).unwrap_err();
    assert_eq!(err.code(), "UNDECODABLE_TRANSACTION");
    assert!(
        err.to_string()
            .contains("a length past the end in field 14.1.1"),
        "{err}"
    );
    let mut memo = good.entries()[0].body_bytes().to_vec();
    memo.extend_from_slice(&[6 << 3 | 2, 2, 0xc3, 0x28]);
    let err = body(&memo).unwrap_err();
    assert!(err.to_string().contains("not UTF-8 in field 6"), "{err}");
    // In a list, every entry's body is checked.
    let mut list_bytes = proto::TransactionList::decode(good.to_bytes().as_slice()).unwrap();
    let signed = proto::SignedTransaction {
        body_bytes: Some(bytes),
        ..Default::default()
    };
    list_bytes.transaction_list[0].signed_transaction_bytes = Some(signed.encode_to_vec());
    let err = list(&list_bytes.encode_to_vec()).unwrap_err();
    assert!(err.to_string().contains("field 14.1.1"), "{err}");
}

#[test]
fn a_field_the_page_cannot_show_is_refused() {
    // A transfer followed by field 7 (contractCall in the HAPI, unknown here): the display
    // decoder would skip it and show the transfer; a node would run the contract call.
    let mut b = hbar_transfer(alice(), &[3]).entries()[0]
        .body_bytes()
        .to_vec();
    assert!(body(&b).is_ok());
    b.extend_from_slice(&[7 << 3 | 2, 2, 0x08, 0x01]);
    assert!(summary::of_body(&b).is_ok(), "the full decoder skips it");
    let err = body(&b).unwrap_err();
    assert_eq!(err.code(), "UNDECODABLE_TRANSACTION");
    assert!(err.to_string().contains("field 7"), "{err}");
}

#[test]
fn entries_that_differ_in_more_than_their_node_are_refused() {
    let a = hbar_transfer(alice(), &[3]);
    let b = TransferTransaction::new()
        .with_hbar_transfer(alice(), Hbar::new(-100))
        .with_hbar_transfer(bob(), Hbar::new(100))
        .with_transaction_id(a.transaction_id().clone())
        .with_node_account_ids([AccountId::new(0, 0, 4)])
        .with_memo("for the concert")
        .freeze()
        .unwrap();
    let spliced = proto::TransactionList {
        transaction_list: vec![a.entries()[0].to_proto(), b.entries()[0].to_proto()],
    };
    let err = list(&spliced.encode_to_vec()).unwrap_err();
    assert!(err.to_string().contains("differ"), "{err}");
}

#[test]
fn the_digest_is_sha256_in_hex() {
    assert_eq!(
        digest(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}
