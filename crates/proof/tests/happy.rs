//! Proofs that must verify: Alice (ED25519) and Bob (ECDSA secp256k1) on a devnet with real
//! tokens, HIP-412 metadata on its IPFS, through the text form a QR code carries.

mod common;
use common::*;
use loyal_proof::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn alice_ed25519_twin_and_accomplishment_and_tickets() {
    let mut w = World::new().await;
    let tickets = w.tickets;
    let presentation = w.alice_proof().with_fungible(tickets, 2);
    let text = SignedPresentation::sign(presentation, &key("Alice"))
        .unwrap()
        .to_text();
    let policy = w
        .policy()
        .with_requirement(Requirement::fungible(tickets, 2).with_treasury(STILLWATER));
    let verified = w.verify_text(&text, &policy).await.unwrap();
    assert_eq!(verified.holder, ALICE);
    assert_eq!(verified.public_key, key("Alice").public_key());
    // The policy asks for the twin, the accomplishment, then the tickets.
    assert_eq!(verified.met_by, vec![0, 1, 2]);
    let [twin, medal, held] = &verified.claims[..] else {
        panic!("{verified:?}")
    };
    assert_eq!((twin.token, twin.serial, twin.amount), (w.twin, Some(1), 1));
    assert_eq!(twin.metadata["properties"]["manufacturer"], "BestProducer");
    assert!(twin
        .metadata_uri
        .as_deref()
        .unwrap()
        .starts_with("ipfs://bafkrei"));
    assert_eq!(medal.metadata["properties"]["position"], 250);
    assert_eq!((held.token, held.serial, held.amount), (tickets, None, 5));
    assert!(held.metadata.is_null());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bob_ecdsa_twin_and_accomplishment() {
    let mut w = World::new().await;
    let (twin, medal) = (w.twin, w.medal);
    let presentation = w.presentation(BOB).with_nft(twin, 2).with_nft(medal, 3);
    let text = SignedPresentation::sign(presentation, &key("Bob"))
        .unwrap()
        .to_text();
    let verified = w.verify_text(&text, &w.policy()).await.unwrap();
    assert_eq!(verified.holder, BOB);
    assert_eq!(verified.public_key, key("Bob").public_key());
    assert_eq!(verified.claims[1].metadata["properties"]["position"], 100);
}

/// A policy that asks for nothing still proves the claims: ownership and metadata are checked
/// for every claim, required or not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unrequired_claims_are_still_checked() {
    let mut w = World::new().await;
    let (twin, medal) = (w.twin, w.medal);
    let open = loyal_proof::Policy::new(AUDIENCE, PURPOSE, now())
        .with_max_mirror_lag(std::time::Duration::ZERO);
    let fine =
        SignedPresentation::sign(w.presentation(ALICE).with_nft(medal, 2), &key("Alice")).unwrap();
    let verified = w.verify(&fine, &open).await.unwrap();
    assert_eq!(verified.claims[0].metadata["properties"]["position"], 600);
    let not_hers =
        SignedPresentation::sign(w.presentation(ALICE).with_nft(twin, 2), &key("Alice")).unwrap();
    assert_code(w.verify(&not_hers, &open).await, "PROOF_NOT_OWNER");
}

/// Two requirements on one collection: any accomplishment, and one in the first 500. Alice
/// presents hers at 250th and at 600th (canonical order: serial 1, then 2). Taking claims first
/// fit would give the 250th to "any" and leave the 600th for "first 500"; the matching gives
/// each requirement the claim that meets it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn claims_are_matched_to_requirements_by_what_they_meet() {
    let mut w = World::new().await;
    let medal = w.medal;
    let any = Requirement::nft(medal).with_treasury(MARATHON);
    let top = Requirement::nft(medal)
        .with_treasury(MARATHON)
        .with_where("position <= 500")
        .unwrap();
    let policy = Policy::new(AUDIENCE, PURPOSE, now())
        .with_max_mirror_lag(std::time::Duration::ZERO)
        .with_requirement(any.clone())
        .with_requirement(top.clone());
    let both = w.presentation(ALICE).with_nft(medal, 2).with_nft(medal, 1);
    let signed = SignedPresentation::sign(both, &key("Alice")).unwrap();
    let verified = w.verify(&signed, &policy).await.unwrap();
    let position =
        |i: usize| verified.claims[verified.met_by[i]].metadata["properties"]["position"].clone();
    assert_eq!((position(0), position(1)), (600.into(), 250.into()));

    // Two places in the first 500 asked for: her 600th meets neither, so it is the predicate
    // that refuses, not a missing claim.
    let two_top = Policy::new(AUDIENCE, PURPOSE, now())
        .with_max_mirror_lag(std::time::Duration::ZERO)
        .with_requirement(top.clone())
        .with_requirement(top.clone());
    let both = w.presentation(ALICE).with_nft(medal, 1).with_nft(medal, 2);
    let signed = SignedPresentation::sign(both, &key("Alice")).unwrap();
    assert_code(w.verify(&signed, &two_top).await, "PROOF_PREDICATE");

    // One claim cannot meet two requirements, even when it meets each.
    let one = w.presentation(ALICE).with_nft(medal, 1);
    let signed = SignedPresentation::sign(one, &key("Alice")).unwrap();
    assert_code(w.verify(&signed, &policy).await, "PROOF_CLAIM_MISSING");
}
