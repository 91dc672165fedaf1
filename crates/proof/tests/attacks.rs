//! The attack suite: each test is one way to cheat a verifier, run against a devnet over real
//! sockets, and asserts the refusal's own code (and what it names).

mod common;
use common::proxy;
use common::*;
use loyal_core::id::AccountId;
use loyal_core::key::{KeyList, PrivateKey};
use loyal_core::message::prefixed_message;
use loyal_core::proto::SignatureMap;
use loyal_core::transaction::*;
use loyal_devnet::DevnetConfig;
use loyal_proof::*;
use std::sync::Arc;
use std::time::Duration;

fn open_policy() -> Policy {
    Policy::new(AUDIENCE, PURPOSE, now()).with_max_mirror_lag(Duration::ZERO)
}

fn signed_by(key: &PrivateKey, p: Presentation) -> SignedPresentation {
    SignedPresentation::sign(p, key).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_key() {
    let mut w = World::new().await;
    // Alice's presentation signed by Bob, a real account's key, with Bob's signature pair.
    let forged = signed_by(&key("Bob"), w.alice_proof());
    let e = assert_code(w.verify(&forged, &w.policy()).await, "PROOF_BAD_SIGNATURE");
    assert!(matches!(e, ProofError::BadSignature { holder, .. } if holder == ALICE));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_taken_from_the_prover() {
    let mut w = World::new().await;
    let rogue = PrivateKey::generate_ed25519(&mut rand_core::OsRng);
    let p = w.alice_proof();
    // Signed by a key that is not on the account, carrying that key's own signature pair.
    let with_own_pair = signed_by(&rogue, p.clone());
    assert_code(
        w.verify(&with_own_pair, &w.policy()).await,
        "PROOF_BAD_SIGNATURE",
    );
    // The rogue signature filed under Alice's public key.
    let message = p.message();
    let under_alice = SignatureMap {
        sig_pair: vec![key("Alice")
            .public_key()
            .signature_pair(rogue.sign(&prefixed_message(&message)))],
    };
    let spoofed = SignedPresentation::from_parts(&message, under_alice).unwrap();
    assert_code(w.verify(&spoofed, &w.policy()).await, "PROOF_BAD_SIGNATURE");
    // Neither burnt Alice's nonce: her own signature over the same presentation verifies.
    w.verify(&signed_by(&key("Alice"), p), &w.policy())
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_without_the_hip820_prefix() {
    let mut w = World::new().await;
    for (holder, name) in [(ALICE, "Alice"), (BOB, "Bob")] {
        let (twin, medal) = (w.twin, w.medal);
        let p = w.presentation(holder).with_nft(twin, 1).with_nft(medal, 1);
        let message = p.message();
        let k = key(name);
        let raw = SignatureMap {
            sig_pair: vec![k.public_key().signature_pair(k.sign(message.as_bytes()))],
        };
        let signed = SignedPresentation::from_parts(&message, raw).unwrap();
        assert_code(
            w.verify(&signed, &open_policy()).await,
            "PROOF_BAD_SIGNATURE",
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_audience() {
    let mut w = World::new().await;
    // A proof Alice made for FastShoes' challenge, presented to StillWater.
    let for_fastshoes = signed_by(
        &key("Alice"),
        w.alice_proof().with_audience("http://127.0.0.1:8081"),
    );
    let e = assert_code(
        w.verify(&for_fastshoes, &w.policy()).await,
        "PROOF_WRONG_AUDIENCE",
    );
    assert!(
        matches!(e, ProofError::WrongAudience { field: "audience", got, .. } if got == "http://127.0.0.1:8081")
    );
    let other_purpose = signed_by(
        &key("Alice"),
        w.alice_proof().with_purpose("join the FastShoes challenge"),
    );
    let e = assert_code(
        w.verify(&other_purpose, &w.policy()).await,
        "PROOF_WRONG_AUDIENCE",
    );
    assert!(matches!(
        e,
        ProofError::WrongAudience {
            field: "purpose",
            ..
        }
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replayed_nonce() {
    let mut w = World::new().await;
    let text = signed_by(&key("Alice"), w.alice_proof()).to_text();
    w.verify_text(&text, &w.policy()).await.unwrap();
    let e = assert_code(w.verify_text(&text, &w.policy()).await, "PROOF_REPLAYED");
    assert!(matches!(e, ProofError::Replayed { .. }));
    // A nonce this verifier never issued (one the prover chose) is refused the same way.
    let own_nonce = signed_by(
        &key("Alice"),
        w.alice_proof().with_nonce("chosen-by-the-prover"),
    );
    assert_code(w.verify(&own_nonce, &w.policy()).await, "PROOF_REPLAYED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired() {
    let mut w = World::new().await;
    let t = now();
    let past = signed_by(
        &key("Alice"),
        w.alice_proof()
            .with_issued_at(secs(t, -400))
            .with_expires_at(secs(t, -100)),
    );
    let e = assert_code(w.verify(&past, &w.policy()).await, "PROOF_EXPIRED");
    assert!(matches!(e, ProofError::Expired { expires_at, .. } if expires_at == secs(t, -100)));
    // Still within its own expiry, but older than the verifier accepts.
    let stale = signed_by(
        &key("Alice"),
        w.alice_proof()
            .with_issued_at(secs(t, -400))
            .with_expires_at(secs(t, 3600)),
    );
    assert_code(w.verify(&stale, &w.policy()).await, "PROOF_EXPIRED");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn future_dated() {
    let mut w = World::new().await;
    let t = now();
    let future = signed_by(
        &key("Alice"),
        w.alice_proof()
            .with_issued_at(secs(t, 120))
            .with_expires_at(secs(t, 400)),
    );
    let e = assert_code(w.verify(&future, &w.policy()).await, "PROOF_NOT_YET_VALID");
    assert!(matches!(e, ProofError::NotYetValid { issued_at, .. } if issued_at == secs(t, 120)));
    // A clock a few seconds ahead is within the skew.
    let ahead = signed_by(
        &key("Alice"),
        w.alice_proof()
            .with_issued_at(secs(t, 10))
            .with_expires_at(secs(t, 300)),
    );
    w.verify(&ahead, &w.policy()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nft_transferred_away_after_signing() {
    let mut w = World::new().await;
    let signed = signed_by(&key("Alice"), w.alice_proof());
    w.give_nft("Alice", w.twin, 1, ALICE, BOB).await;
    let e = assert_code(w.verify(&signed, &w.policy()).await, "PROOF_NOT_OWNER");
    match e {
        ProofError::NotOwner {
            token, serial, got, ..
        } => {
            assert_eq!((token, serial, got.as_str()), (w.twin, Some(1), "0.0.1006"))
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_swapped() {
    let mut w = World::new().await;
    // A gateway that serves other content for the accomplishment: the 600th place made 250th.
    let gateway = w.net.ipfs_gateway_url.clone().unwrap();
    let tampering = proxy::start(
        &gateway,
        Arc::new(|path: &str, body: Vec<u8>| {
            let text = String::from_utf8_lossy(&body);
            if path.starts_with("/ipfs/") && text.contains("\"position\":600") {
                text.replace("\"position\":600", "\"position\":250")
                    .into_bytes()
            } else {
                body
            }
        }),
    )
    .await;
    let medal = w.medal;
    let p = w.presentation(ALICE).with_nft(medal, 2);
    let signed = signed_by(&key("Alice"), p);
    let policy = open_policy().with_requirement(
        Requirement::nft(medal)
            .with_where("position <= 500")
            .unwrap(),
    );
    let mirror = w.net.mirror_url.clone();
    let e = assert_code(
        w.verify_via(&signed, &policy, &[&mirror], &tampering).await,
        "PROOF_METADATA",
    );
    assert!(
        matches!(&e, ProofError::Metadata { serial: 2, reason, .. } if reason.contains("CID_MISMATCH")),
        "{e:?}"
    );

    // An NFT whose CID holds JSON that is not HIP-412, and one whose metadata is no IPFS URI.
    let not_hip412 = w.ipfs().add("m.json", br#"{"position":1}"#).await.unwrap();
    let serials = w
        .mint_raw(
            "SuperMarathon",
            medal,
            vec![
                format!("ipfs://{not_hip412}").into_bytes(),
                b"https://example.com/1.json".to_vec(),
            ],
        )
        .await;
    for serial in &serials {
        w.give_nft("SuperMarathon", medal, *serial, MARATHON, ALICE)
            .await;
    }
    for serial in serials {
        let signed = signed_by(&key("Alice"), w.presentation(ALICE).with_nft(medal, serial));
        assert_code(w.verify(&signed, &open_policy()).await, "PROOF_METADATA");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn predicate_false() {
    let mut w = World::new().await;
    let (twin, medal) = (w.twin, w.medal);
    // Alice's other accomplishment: 600th.
    let signed = signed_by(
        &key("Alice"),
        w.presentation(ALICE).with_nft(twin, 1).with_nft(medal, 2),
    );
    let e = assert_code(w.verify(&signed, &w.policy()).await, "PROOF_PREDICATE");
    match e {
        ProofError::Predicate {
            token,
            serial,
            predicate,
            got,
        } => {
            assert_eq!(
                (token, serial, predicate.as_str()),
                (medal, 2, "position <= 500")
            );
            assert_eq!(got, Some(serde_json::json!(600)));
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collection_forged_by_another_treasury() {
    let mut w = World::new().await;
    // FastShoes' counterfeit: the same name, symbol and metadata, its own treasury.
    let forged = w
        .nft_collection(
            "FastShoes",
            AccountId::new(0, 0, 1002),
            "FastShoes digital twin",
            "TWIN",
        )
        .await;
    w.run(
        "Alice",
        TokenAssociateTransaction::new()
            .with_account_id(ALICE)
            .with_token_ids([forged]),
    )
    .await;
    w.mint("FastShoes", forged, &[twin_metadata(1)]).await;
    w.give_nft("FastShoes", forged, 1, AccountId::new(0, 0, 1002), ALICE)
        .await;
    let medal = w.medal;
    let p = |w: &mut World| w.presentation(ALICE).with_nft(forged, 1).with_nft(medal, 1);

    // The verifier expects the collection by id (it may be misconfigured, or the network reset);
    // the treasury the mirror reports exposes the counterfeit.
    let by_treasury =
        open_policy().with_requirement(Requirement::nft(forged).with_treasury(PRODUCER));
    let signed = signed_by(&key("Alice"), p(&mut w));
    let e = assert_code(
        w.verify(&signed, &by_treasury).await,
        "PROOF_WRONG_COLLECTION",
    );
    assert!(
        matches!(&e, ProofError::WrongCollection { field: "treasury", got, .. } if got == "0.0.1002"),
        "{e:?}"
    );
    let by_supply_key = open_policy().with_requirement(
        Requirement::nft(forged).with_supply_key(key("BestProducer").public_key()),
    );
    let signed = signed_by(&key("Alice"), p(&mut w));
    let e = assert_code(
        w.verify(&signed, &by_supply_key).await,
        "PROOF_WRONG_COLLECTION",
    );
    assert!(matches!(
        e,
        ProofError::WrongCollection {
            field: "supply_key",
            ..
        }
    ));
    // StillWater's real policy names the genuine collection: the counterfeit meets nothing.
    let signed = signed_by(&key("Alice"), p(&mut w));
    assert_code(w.verify(&signed, &w.policy()).await, "PROOF_CLAIM_MISSING");
    // A fungible token claimed as an NFT collection.
    let tickets = w.tickets;
    let signed = signed_by(&key("Alice"), w.presentation(ALICE).with_nft(tickets, 1));
    let e = assert_code(
        w.verify(
            &signed,
            &open_policy().with_requirement(Requirement::nft(tickets)),
        )
        .await,
        "PROOF_WRONG_COLLECTION",
    );
    assert!(matches!(
        e,
        ProofError::WrongCollection { field: "type", .. }
    ));
}

/// Adds `b` to the little-endian number `a` (no overflow: both are below 2^253 here).
fn add_le(a: &mut [u8], b: &[u8]) {
    let mut carry = 0u16;
    for (x, y) in a.iter_mut().zip(b) {
        let sum = *x as u16 + *y as u16 + carry;
        *x = sum as u8;
        carry = sum >> 8;
    }
}

/// `n - s` for big-endian 32-byte numbers, s < n.
fn sub_be(n: &[u8; 32], s: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = n[i] as i16 - s[i] as i16 - borrow;
        borrow = (d < 0) as i16;
        if d < 0 {
            d += 256;
        }
        out[i] = d as u8;
    }
    out
}

fn resign(signed: &SignedPresentation, edit: impl Fn(&mut Vec<u8>)) -> SignedPresentation {
    use loyal_core::proto::signature_pair::Signature as S;
    let mut map = signed.signature_map.clone();
    match map.sig_pair[0].signature.as_mut().unwrap() {
        S::Ed25519(s) | S::EcdsaSecp256k1(s) => edit(s),
        _ => unreachable!(),
    }
    SignedPresentation::from_parts(&signed.message(), map).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signature_malleability() {
    let mut w = World::new().await;
    // ED25519: S + L is the same signature to a lax verifier; RFC 8032 strict refuses it.
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let alice = signed_by(&key("Alice"), w.alice_proof());
    let plus_l = resign(&alice, |s| add_le(&mut s[32..], &L));
    assert_ne!(plus_l, alice);
    assert_code(w.verify(&plus_l, &w.policy()).await, "PROOF_BAD_SIGNATURE");
    w.verify(&alice, &w.policy()).await.unwrap();

    // ECDSA: (r, n - s) verifies too; the core (like the network) accepts low S only.
    const N: [u8; 32] = [
        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
        0xfe, 0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36,
        0x41, 0x41,
    ];
    let (twin, medal) = (w.twin, w.medal);
    let bob = signed_by(
        &key("Bob"),
        w.presentation(BOB).with_nft(twin, 2).with_nft(medal, 3),
    );
    let high_s = resign(&bob, |s| {
        let flipped = sub_be(&N, &s[32..]);
        s[32..].copy_from_slice(&flipped)
    });
    // The edited signature is the same signature's high-S twin, which a lax verifier accepts.
    let sig_of = |s: &SignedPresentation| {
        use loyal_core::proto::signature_pair::Signature as S;
        match s.signature_map.sig_pair[0].signature.clone().unwrap() {
            S::EcdsaSecp256k1(b) => k256::ecdsa::Signature::from_slice(&b).unwrap(),
            _ => unreachable!(),
        }
    };
    assert_eq!(sig_of(&high_s).normalize_s(), Some(sig_of(&bob)));
    assert_code(w.verify(&high_s, &w.policy()).await, "PROOF_BAD_SIGNATURE");
    w.verify(&bob, &w.policy()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncated_and_garbage_encodings() {
    let mut w = World::new().await;
    let text = signed_by(&key("Alice"), w.alice_proof()).to_text();
    for end in 0..text.len() {
        assert_code(
            w.verify_text(&text[..end], &w.policy()).await,
            "PROOF_DECODE",
        );
    }
    let garbage = [
        "".to_owned(),
        "lp1.".to_owned(),
        "lp1..".to_owned(),
        "lp1.!!!!.????".to_owned(),
        "https://stillwater.example/?proof=lp1.abc".to_owned(),
        format!("{text}{text}"),
        text.replace('.', "_"),
        "lp1.".to_owned() + &"A".repeat(100_000),
        String::from_utf8_lossy(&(0..=255u8).collect::<Vec<_>>()).into_owned(),
    ];
    for g in garbage {
        assert_code(w.verify_text(&g, &w.policy()).await, "PROOF_DECODE");
    }
    // A message edited under its signature still decodes, and then fails the signature.
    let signed = SignedPresentation::from_text(&text).unwrap();
    let edited = signed
        .message()
        .replace(&format!("{}/1", w.twin), &format!("{}/2", w.twin));
    assert_ne!(edited, signed.message());
    let swapped = SignedPresentation::from_parts(&edited, signed.signature_map.clone()).unwrap();
    assert_code(
        w.verify(&swapped, &open_policy()).await,
        "PROOF_BAD_SIGNATURE",
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requirement_no_claim_meets() {
    let mut w = World::new().await;
    let (twin, tickets) = (w.twin, w.tickets);
    let only_twin = signed_by(&key("Alice"), w.presentation(ALICE).with_nft(twin, 1));
    let e = assert_code(
        w.verify(&only_twin, &w.policy()).await,
        "PROOF_CLAIM_MISSING",
    );
    assert!(e.to_string().contains("position <= 500"), "{e}");
    let needs_ten = open_policy().with_requirement(Requirement::fungible(tickets, 10));
    let claims_two = signed_by(
        &key("Alice"),
        w.presentation(ALICE).with_fungible(tickets, 2),
    );
    assert_code(
        w.verify(&claims_two, &needs_ten).await,
        "PROOF_CLAIM_MISSING",
    );
    // Claiming ten while holding five.
    let claims_ten = signed_by(
        &key("Alice"),
        w.presentation(ALICE).with_fungible(tickets, 10),
    );
    let e = assert_code(w.verify(&claims_ten, &needs_ten).await, "PROOF_NOT_OWNER");
    assert!(matches!(e, ProofError::NotOwner { serial: None, got, .. } if got == "5"));
}

/// An account of several keys: its key list needs every key's signature, its threshold key
/// that many; one signature counted twice is still one. A contract key signs nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_lists_and_thresholds_need_their_signatures() {
    let mut w = World::new().await;
    let k1 = PrivateKey::generate_ed25519(&mut rand_core::OsRng);
    let k2 = PrivateKey::generate_ecdsa(&mut rand_core::OsRng).unwrap();
    let k3 = PrivateKey::generate_ed25519(&mut rand_core::OsRng);
    let keys = || {
        [
            k1.public_key().into(),
            k2.public_key().into(),
            k3.public_key().into(),
        ]
    };
    let lists = [
        (KeyList::threshold(2, keys()), "threshold key"),
        (KeyList::all(keys()), "key list"),
    ];
    let twin = w.twin;
    for (serial, (list, kind)) in (3..).zip(lists) {
        let account = w
            .run(
                "BestProducer",
                AccountCreateTransaction::new()
                    .with_key(list.clone())
                    .with_max_automatic_token_associations(-1)
                    .with_initial_balance(loyal_core::hbar::Hbar::new(1)),
            )
            .await
            .account_id
            .unwrap();
        assert_eq!(
            w.mint("BestProducer", twin, &[twin_metadata(serial)]).await,
            vec![serial]
        );
        w.give_nft("BestProducer", twin, serial, PRODUCER, account.clone())
            .await;
        let p = |w: &mut World| w.presentation(account.clone()).with_nft(twin, serial);

        let one = signed_by(&k1, p(&mut w));
        let e = assert_code(w.verify(&one, &open_policy()).await, "PROOF_BAD_SIGNATURE");
        assert!(
            e.to_string().contains(&format!(
                "1 valid signature(s) do not satisfy the account's {kind}"
            )),
            "{e}"
        );
        let twice = signed_by(&k1, p(&mut w)).with_signature(&k1);
        assert_code(
            w.verify(&twice, &open_policy()).await,
            "PROOF_BAD_SIGNATURE",
        );

        let two = signed_by(&k1, p(&mut w)).with_signature(&k2);
        match list.threshold {
            Some(_) => {
                let v = w.verify(&two, &open_policy()).await.unwrap();
                assert_eq!(v.signers, vec![k1.public_key(), k2.public_key()]);
                assert_eq!((v.holder, v.public_key), (account.clone(), k1.public_key()));
            }
            None => {
                assert_code(w.verify(&two, &open_policy()).await, "PROOF_BAD_SIGNATURE");
                let all = signed_by(&k3, p(&mut w))
                    .with_signature(&k2)
                    .with_signature(&k1);
                assert_eq!(
                    w.verify(&all, &open_policy()).await.unwrap().signers.len(),
                    3
                );
            }
        }
    }

    use loyal_core::proto::{contract_id::Contract, key::Key as K, ContractId};
    let contract = loyal_core::key::Key::Contract(loyal_core::proto::Key {
        key: Some(K::ContractId(ContractId {
            shard_num: Some(0),
            realm_num: Some(0),
            contract: Some(Contract::ContractNum(4242)),
        })),
    });
    let account = w
        .run(
            "BestProducer",
            AccountCreateTransaction::new()
                .with_key(contract)
                .with_initial_balance(loyal_core::hbar::Hbar::new(1)),
        )
        .await
        .account_id
        .unwrap();
    let signed = signed_by(&k1, w.presentation(account.clone()).with_nft(twin, 1));
    let e = assert_code(
        w.verify(&signed, &open_policy()).await,
        "PROOF_UNSUPPORTED_KEY",
    );
    assert!(
        matches!(&e, ProofError::UnsupportedKey { holder, key_type } if *holder == account && key_type == "contract"),
        "{e:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_account_and_unreachable_mirror() {
    let mut w = World::new().await;
    let twin = w.twin;
    let ghost = signed_by(
        &key("Alice"),
        w.presentation(AccountId::new(0, 0, 99_999))
            .with_nft(twin, 1),
    );
    assert_code(
        w.verify(&ghost, &open_policy()).await,
        "PROOF_BAD_SIGNATURE",
    );
    let signed = signed_by(&key("Alice"), w.alice_proof());
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    let gateway = w.gateway();
    let e = assert_code(
        w.verify_via(&signed, &w.policy(), &[&closed], &gateway)
            .await,
        "PROOF_NETWORK",
    );
    assert!(
        matches!(e, ProofError::Network(ref c) if c.code() == "TRANSPORT"),
        "{e:?}"
    );
}

/// Mirror lag: a twin given away just before signing is still Alice's on a mirror seconds
/// behind. Reading at once (lag 0) is fooled; waiting for the mirror to pass the issued-at
/// second, as the default policy does, is not.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mirror_lag_is_waited_out() {
    let mut w =
        World::with_config(DevnetConfig::ephemeral().with_mirror_lag(Duration::from_secs(4))).await;
    // The setup visible on the mirror; then the hasty verifier has 4 s to read the stale owner.
    tokio::time::sleep(Duration::from_millis(4500)).await;
    w.give_nft("Alice", w.twin, 1, ALICE, BOB).await;
    let twin = w.twin;
    let hasty = signed_by(&key("Alice"), w.presentation(ALICE).with_nft(twin, 1));
    w.verify(&hasty, &open_policy())
        .await
        .expect("the lagging mirror still shows Alice");
    let patient = signed_by(&key("Alice"), w.presentation(ALICE).with_nft(twin, 1));
    let policy = open_policy().with_max_mirror_lag(Duration::from_secs(6));
    let e = assert_code(w.verify(&patient, &policy).await, "PROOF_NOT_OWNER");
    assert!(matches!(e, ProofError::NotOwner { got, .. } if got == "0.0.1006"));
}

/// Several mirrors must agree on every fact: a lying mirror (a proxy in front of the devnet's
/// that says Alice owns Bob's twin) passes alone and is caught beside an honest one.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lying_mirror_is_outvoted() {
    let mut w = World::new().await;
    let twin = w.twin;
    let bobs_twin = format!("/api/v1/tokens/{twin}/nfts/2");
    let liar = proxy::start(
        &w.net.mirror_url,
        Arc::new(move |path: &str, body: Vec<u8>| {
            if !path.starts_with(&bobs_twin) {
                return body;
            }
            let mut nft: serde_json::Value = serde_json::from_slice(&body).unwrap();
            nft["account_id"] = "0.0.1005".into();
            serde_json::to_vec(&nft).unwrap()
        }),
    )
    .await;
    let honest = proxy::start(&w.net.mirror_url, proxy::honest()).await;
    let policy = open_policy().with_requirement(Requirement::nft(twin).with_treasury(PRODUCER));
    let (gateway, real) = (w.gateway(), w.net.mirror_url.clone());
    let claim = |w: &mut World| signed_by(&key("Alice"), w.presentation(ALICE).with_nft(twin, 2));

    let signed = claim(&mut w);
    w.verify_via(&signed, &policy, &[&liar], &gateway)
        .await
        .expect("a lone liar is believed");

    for mirrors in [[&real, &liar], [&liar, &honest]] {
        let signed = claim(&mut w);
        let e = assert_code(
            w.verify_via(&signed, &policy, &mirrors.map(String::as_str), &gateway)
                .await,
            "PROOF_MIRROR_DISAGREE",
        );
        match e {
            ProofError::MirrorDisagree { fact, mirror, .. } => {
                assert_eq!((fact, mirror), (format!("NFT {twin}/2"), 1))
            }
            other => panic!("{other:?}"),
        }
    }
    // Two honest mirrors agree on Bob's own proof.
    let medal = w.medal;
    let bob = signed_by(
        &key("Bob"),
        w.presentation(BOB).with_nft(twin, 2).with_nft(medal, 3),
    );
    w.verify_via(&bob, &policy, &[&real, &honest], &gateway)
        .await
        .unwrap();
}
