//! Custom fees as Hedera assesses them, on the ledger without sockets: a royalty on an NFT
//! resale paid out of the hbar exchanged, its fallback fee paid (and signed for) by a receiver
//! who paid nothing, a fixed fee per transfer, a fractional fee taken from what the receiver gets,
//! and the treasury exempt.

use hedera_proto::services::{self as hp, ResponseCodeEnum as Code};
use loyal_core::{
    hbar::Hbar,
    id::{AccountId, NftId, TokenId},
    key::PrivateKey,
    proto::Message as _,
    time::Timestamp,
    transaction::*,
    transaction_id::TransactionId,
};
use loyal_devnet::{genesis, ledger::Ledger};
use prost_013::Message as _;

const NOW: i128 = 1_800_000_000 * 1_000_000_000;
static NANOS: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

fn key(name: &str) -> PrivateKey {
    genesis::key_for(name, name == "Bob")
}

fn acct(n: u64) -> AccountId {
    AccountId::new(0, 0, n)
}

fn run<D: TransactionData>(
    l: &mut Ledger,
    b: Builder<D>,
    payer: u64,
    keys: &[&PrivateKey],
) -> (Code, hp::TransactionReceipt) {
    let n = NANOS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
    let mut tx = b
        .with_transaction_id(TransactionId::new(
            acct(payer),
            Timestamp::new((NOW / 1_000_000_000) as i64 - 5, n),
        ))
        .with_node_account_ids([acct(3)])
        .with_max_transaction_fee(Hbar::new(100))
        .freeze()
        .unwrap();
    for k in keys {
        tx.sign(k);
    }
    let wire =
        hp::Transaction::decode(tx.entries()[0].to_proto().encode_to_vec().as_slice()).unwrap();
    let code = l.submit(&wire, NOW);
    let id = hp::TransactionId::decode(tx.transaction_id().to_proto().encode_to_vec().as_slice())
        .unwrap();
    (code, l.receipt(&id).cloned().unwrap_or_default())
}

fn status(r: &hp::TransactionReceipt) -> Code {
    Code::try_from(r.status).unwrap()
}

fn hbar(l: &Ledger, n: u64) -> u64 {
    l.accounts[&n].balance
}

#[test]
fn royalty_fallback_fixed_and_fractional_fees() {
    let mut l = Ledger::genesis();
    let sw = key("StillWater");
    // StillWater's tickets: 10% royalty to StillWater on resales, or 1 ℏ fallback.
    let (_, r) = run(
        &mut l,
        TokenCreateTransaction::new()
            .with_name("Tickets")
            .with_symbol("TIX")
            .with_token_type(TokenType::NonFungibleUnique)
            .with_treasury(acct(1004))
            .with_supply_key(sw.public_key())
            .with_custom_fees(vec![CustomFee {
                kind: FeeKind::Royalty {
                    numerator: 1,
                    denominator: 10,
                    fallback: Some((100_000_000, None)),
                },
                fee_collector: acct(1004),
                all_collectors_are_exempt: false,
            }]),
        1004,
        &[&sw],
    );
    let tix = TokenId::new(0, 0, r.token_id.unwrap().token_num as u64);
    run(
        &mut l,
        TokenMintTransaction::new()
            .with_token_id(tix)
            .with_metadata([b"seat-1".to_vec()]),
        1004,
        &[&sw],
    );
    for (n, name) in [(1005, "Alice"), (1006, "Bob")] {
        let (code, r) = run(
            &mut l,
            TokenAssociateTransaction::new()
                .with_account_id(acct(n))
                .with_token_ids([tix]),
            n,
            &[&key(name)],
        );
        assert_eq!((code, status(&r)), (Code::Ok, Code::Success));
    }
    // The treasury's first sale: exempt.
    let (_, r) = run(
        &mut l,
        TransferTransaction::new().with_nft_transfer(NftId::new(tix, 1), acct(1004), acct(1005)),
        1004,
        &[&sw],
    );
    assert_eq!(status(&r), Code::Success);
    // Alice resells to Bob for 20 ℏ: 2 ℏ of it go to StillWater.
    let (alice0, bob0, sw0) = (hbar(&l, 1005), hbar(&l, 1006), hbar(&l, 1004));
    let (_, r) = run(
        &mut l,
        TransferTransaction::new()
            .with_nft_transfer(NftId::new(tix, 1), acct(1005), acct(1006))
            .with_hbar_transfer(acct(1006), Hbar::new(-20))
            .with_hbar_transfer(acct(1005), Hbar::new(20)),
        1002,
        &[&key("FastShoes"), &key("Alice"), &key("Bob")],
    );
    assert_eq!(status(&r), Code::Success);
    assert_eq!(hbar(&l, 1005) - alice0, 18 * 100_000_000);
    assert_eq!(bob0 - hbar(&l, 1006), 20 * 100_000_000);
    assert_eq!(hbar(&l, 1004) - sw0, 2 * 100_000_000);
    // Bob gives it back to Alice for nothing: Alice owes the 1 ℏ fallback and must sign.
    let gift =
        || TransferTransaction::new().with_nft_transfer(NftId::new(tix, 1), acct(1006), acct(1005));
    let (code, r) = run(&mut l, gift(), 1006, &[&key("Bob")]);
    assert_eq!(
        (code, status(&r)),
        (Code::Ok, Code::InvalidSignature),
        "the fallback payer did not sign"
    );
    let (alice0, sw0) = (hbar(&l, 1005), hbar(&l, 1004));
    let (_, r) = run(&mut l, gift(), 1006, &[&key("Bob"), &key("Alice")]);
    assert_eq!(status(&r), Code::Success);
    assert_eq!(alice0 - hbar(&l, 1005), 100_000_000);
    assert_eq!(hbar(&l, 1004) - sw0, 100_000_000);

    // FastShoes points: 1 point per transfer (fixed, in the token itself) and 5% fractional.
    let fs = key("FastShoes");
    let (_, r) = run(
        &mut l,
        TokenCreateTransaction::new()
            .with_name("Points")
            .with_symbol("PTS")
            .with_initial_supply(10_000)
            .with_treasury(acct(1002))
            .with_custom_fees(vec![
                CustomFee {
                    kind: FeeKind::Fixed {
                        amount: 1,
                        denominating_token: Some(TokenId::new(0, 0, 0)),
                    },
                    fee_collector: acct(1002),
                    all_collectors_are_exempt: false,
                },
                CustomFee {
                    kind: FeeKind::Fractional {
                        numerator: 5,
                        denominator: 100,
                        minimum: 1,
                        maximum: 0,
                        net_of_transfers: false,
                    },
                    fee_collector: acct(1002),
                    all_collectors_are_exempt: false,
                },
            ]),
        1002,
        &[&fs],
    );
    let pts = TokenId::new(0, 0, r.token_id.unwrap().token_num as u64);
    for (n, name) in [(1005, "Alice"), (1006, "Bob")] {
        run(
            &mut l,
            TokenAssociateTransaction::new()
                .with_account_id(acct(n))
                .with_token_ids([pts]),
            n,
            &[&key(name)],
        );
    }
    let (_, r) = run(
        &mut l,
        TransferTransaction::new()
            .with_token_transfer(pts, acct(1002), -500)
            .with_token_transfer(pts, acct(1005), 500),
        1002,
        &[&fs],
    );
    assert_eq!(status(&r), Code::Success);
    let units = |l: &Ledger, n: u64| l.relationships[&(n, pts.num())].balance;
    assert_eq!(units(&l, 1005), 500, "the treasury is exempt");
    // Alice sends 100 to Bob: she pays 1 (fixed); Bob receives 95 (5% fractional to FastShoes).
    let (_, r) = run(
        &mut l,
        TransferTransaction::new()
            .with_token_transfer(pts, acct(1005), -100)
            .with_token_transfer(pts, acct(1006), 100),
        1005,
        &[&key("Alice")],
    );
    assert_eq!(status(&r), Code::Success);
    assert_eq!(units(&l, 1005), 399);
    assert_eq!(units(&l, 1006), 95);
    assert_eq!(units(&l, 1002), 10_000 - 500 + 1 + 5);
}
