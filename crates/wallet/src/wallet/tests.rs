use super::*;
use crate::json_test as json;
use crate::summary::tests::{alice, bob, hbar_transfer};
use rand_core::OsRng;

const SITE: &str = "https://fastshoes.example";
const ALICE: &str = "hedera:devnet:0.0.1005";
const BOB: &str = "hedera:devnet:0.0.1006";

fn wallet() -> Wallet {
    let mut w = Wallet::new(Settings::default(), None);
    w.create_with_rounds("correct horse", 1000, 0, &mut OsRng)
        .unwrap();
    assert_eq!(w.import_devnet_genesis(&mut OsRng).unwrap(), 6);
    w
}

fn connected() -> Wallet {
    let mut w = wallet();
    w.connect(SITE, &[ALICE.into()]).unwrap();
    w
}

fn req(method: &str, params: Value) -> Request {
    Request::parse(method, &params).unwrap()
}

fn sign_message(signer: &str) -> Request {
    req(
        "hedera_signMessage",
        json!({ "signerAccountId": signer, "message": "join the challenge" }),
    )
}

fn sign_and_execute(signer: &str, tx: &Transaction) -> Request {
    req(
        "hedera_signAndExecuteTransaction",
        json!({ "signerAccountId": signer, "transactionList": B64.encode(tx.to_bytes()) }),
    )
}

/// The digest the approval window returns for `r`: that of the bytes it was given to show.
fn shown(w: &Wallet, r: &Request) -> Option<String> {
    match w.check(SITE, r) {
        Ok(Checked::Prompt(p)) => p.digest,
        _ => None,
    }
}

fn refusal(w: &Wallet, origin: &str, r: &Request) -> (&'static str, i32) {
    let e = w.check(origin, r).unwrap_err();
    (e.code(), e.rpc_code())
}

#[test]
fn genesis_import_gives_the_devnet_keys_with_bob_on_ecdsa() {
    let w = wallet();
    let accounts: Vec<_> = w.settings.network_accounts().collect();
    assert_eq!(accounts.len(), 6);
    let bob = accounts
        .iter()
        .find(|a| a.account_id == "0.0.1006")
        .unwrap();
    assert_eq!(
        (bob.label.as_str(), bob.algorithm.as_str()),
        ("Bob", "ECDSA_SECP256K1")
    );
    // Alice's public key is the one the devnet prints for SHA-256("loyal-devnet/Alice").
    use sha2::Digest as _;
    let seed: [u8; 32] = sha2::Sha256::digest("loyal-devnet/Alice").into();
    let want = PrivateKey::from_bytes_ed25519(&seed)
        .unwrap()
        .public_key()
        .to_string_der();
    assert_eq!(
        accounts
            .iter()
            .find(|a| a.label == "Alice")
            .unwrap()
            .public_key,
        want
    );
    let mut w = w;
    assert_eq!(
        w.import_devnet_genesis(&mut OsRng).unwrap(),
        0,
        "a second import adds nothing"
    );
}

#[test]
fn the_stored_settings_hold_no_key_and_the_vault_round_trips() {
    let w = wallet();
    let settings = w.settings.to_json();
    let alice_key = w
        .open
        .as_ref()
        .unwrap()
        .secrets
        .accounts
        .iter()
        .find(|a| a.label == "Alice")
        .unwrap()
        .private_key
        .clone();
    let raw = &alice_key[alice_key.len() - 64..];
    assert!(!settings.contains(raw));
    let file = w.vault_file().unwrap().to_json();
    assert!(!file.contains(raw));
    let mut again = Wallet::new(
        Settings::from_json(Some(&settings)),
        Some(VaultFile::from_json(&file).unwrap()),
    );
    assert!(!again.is_unlocked());
    assert_eq!(
        again.unlock("wrong horse", 1).unwrap_err().code(),
        "WALLET_BAD_PASSPHRASE"
    );
    assert!(again.has_vault(), "a wrong passphrase keeps the vault");
    again.unlock("correct horse", 2).unwrap();
    assert_eq!(again.settings.accounts.len(), 6);
}

#[test]
fn creating_over_a_vault_is_refused() {
    let mut w = wallet();
    assert_eq!(
        w.create_with_rounds("another horse", 10, 0, &mut OsRng)
            .unwrap_err()
            .code(),
        "WALLET_VAULT_EXISTS"
    );
}

#[test]
fn an_unconnected_origin_is_refused_before_any_prompt() {
    let w = connected();
    let tx = hbar_transfer(alice(), &[3]);
    for r in [
        sign_message(ALICE),
        sign_and_execute(ALICE, &tx),
        req("hedera_getNodeAddresses", json!({})),
    ] {
        assert_eq!(
            refusal(&w, "https://evil.example", &r),
            ("UNAUTHORIZED", 4100)
        );
    }
    assert_eq!(w.accounts_of("https://evil.example")["accounts"], json!([]));
}

#[test]
fn an_account_the_origin_did_not_connect_is_refused() {
    let w = connected();
    assert_eq!(
        refusal(&w, SITE, &sign_message(BOB)),
        ("WRONG_ACCOUNT", 4100)
    );
}

#[test]
fn a_payer_other_than_the_signer_is_refused() {
    let w = connected();
    let paid_by_bob = hbar_transfer(bob(), &[3]);
    assert_eq!(
        refusal(&w, SITE, &sign_and_execute(ALICE, &paid_by_bob)),
        ("WRONG_ACCOUNT", 4100)
    );
    let body = B64.encode(paid_by_bob.entries()[0].body_bytes());
    let r = req(
        "hedera_signTransaction",
        json!({ "signerAccountId": ALICE, "transactionBody": body }),
    );
    assert_eq!(refusal(&w, SITE, &r), ("WRONG_ACCOUNT", 4100));
}

#[test]
fn bytes_that_do_not_decode_are_refused() {
    let w = connected();
    let r = req(
        "hedera_signAndExecuteTransaction",
        json!({ "signerAccountId": ALICE, "transactionList": "AAECAwQ=" }),
    );
    assert_eq!(refusal(&w, SITE, &r).0, "UNDECODABLE_TRANSACTION");
    let r = req(
        "hedera_signTransaction",
        json!({ "signerAccountId": ALICE, "transactionBody": "/////w==" }),
    );
    assert_eq!(refusal(&w, SITE, &r).0, "UNDECODABLE_TRANSACTION");
}

#[test]
fn another_network_is_refused() {
    let w = connected();
    assert_eq!(
        refusal(&w, SITE, &sign_message("hedera:testnet:0.0.1005")),
        ("WRONG_NETWORK", 4901)
    );
    let r = req("hedera_connect", json!({ "network": "mainnet" }));
    assert_eq!(refusal(&w, SITE, &r).0, "WRONG_NETWORK");
    // Switched away: the connected site hears of the network, and sees no account there.
    let mut w = w;
    w.set_network("testnet").unwrap();
    assert_eq!(
        refusal(&w, SITE, &sign_message(ALICE)),
        ("WRONG_NETWORK", 4901)
    );
    assert_eq!(w.accounts_of(SITE)["accounts"], json!([]));
    assert_eq!(w.set_network("moon").unwrap_err().code(), "INVALID_PARAMS");
}

#[test]
fn connect_prompts_with_the_networks_accounts_then_answers_accounts() {
    let mut w = wallet();
    let Checked::Prompt(p) = w
        .check(SITE, &req("hedera_connect", json!({ "network": "devnet" })))
        .unwrap()
    else {
        panic!()
    };
    assert_eq!((p.kind, p.accounts.len(), p.locked), ("connect", 6, false));
    assert_eq!(
        w.connect(SITE, &["hedera:devnet:0.0.9999".into()])
            .unwrap_err()
            .code(),
        "INVALID_PARAMS"
    );
    let answer = w.connect(SITE, &[ALICE.into()]).unwrap();
    assert_eq!(answer["accounts"][0]["accountId"], ALICE);
    assert_eq!(answer["network"], "devnet");
    assert!(answer["accounts"][0]["publicKey"]
        .as_str()
        .unwrap()
        .starts_with("302a300506032b6570"));
}

#[test]
fn a_message_prompt_shows_the_text_and_the_signature_verifies() {
    let mut w = connected();
    let r = sign_message(ALICE);
    let Checked::Prompt(p) = w.check(SITE, &r).unwrap() else {
        panic!()
    };
    assert_eq!(
        (p.kind, p.message.as_deref(), p.signer.as_deref()),
        ("message", Some("join the challenge"), Some(ALICE))
    );
    let Signed::Answer(a) = w.sign(SITE, &r, shown(&w, &r).as_deref()).unwrap() else {
        panic!()
    };
    let map =
        proto::SignatureMap::decode(&B64.decode(a["signatureMap"].as_str().unwrap()).unwrap()[..])
            .unwrap();
    let key = w.key_of(r.signer().unwrap()).unwrap().public_key();
    loyal_core::message::verify_message(&key, "join the challenge", &map).unwrap();
}

#[test]
fn sign_and_execute_signs_every_node_entry() {
    let mut w = connected();
    let r = sign_and_execute(ALICE, &hbar_transfer(alice(), &[3, 4]));
    let Checked::Prompt(p) = w.check(SITE, &r).unwrap() else {
        panic!()
    };
    let bytes = B64.decode(p.bytes.unwrap()).unwrap();
    assert_eq!(
        bytes,
        hbar_transfer(alice(), &[3, 4]).to_bytes(),
        "the window gets the bytes"
    );
    assert_eq!(p.digest.unwrap(), crate::review::digest(&bytes));
    let Signed::Execute(tx) = w.sign(SITE, &r, shown(&w, &r).as_deref()).unwrap() else {
        panic!()
    };
    let signers = tx.verify_signatures().unwrap();
    assert_eq!(signers.len(), 1);
    assert!(tx
        .entries()
        .iter()
        .all(|e| e.signature_map().sig_pair.len() == 1));
}

#[test]
fn sign_transaction_answers_a_signature_map_over_the_body() {
    let mut w = connected();
    let tx = hbar_transfer(alice(), &[3]);
    let body = tx.entries()[0].body_bytes().to_vec();
    let r = req(
        "hedera_signTransaction",
        json!({ "signerAccountId": ALICE, "transactionBody": B64.encode(&body) }),
    );
    let Signed::Answer(a) = w.sign(SITE, &r, shown(&w, &r).as_deref()).unwrap() else {
        panic!()
    };
    let map =
        proto::SignatureMap::decode(&B64.decode(a["signatureMap"].as_str().unwrap()).unwrap()[..])
            .unwrap();
    let key = w.key_of(r.signer().unwrap()).unwrap().public_key();
    let mut tx = tx;
    let sig = match &map.sig_pair[0].signature {
        Some(proto::signature_pair::Signature::Ed25519(s)) => s.clone(),
        other => panic!("{other:?}"),
    };
    tx.add_signature(&key, &[sig]).unwrap();
}

#[test]
fn a_locked_vault_prompts_to_unlock_and_never_signs() {
    let mut w = connected();
    w.lock();
    let r = sign_message(ALICE);
    let Checked::Prompt(p) = w.check(SITE, &r).unwrap() else {
        panic!()
    };
    assert!(p.locked);
    assert_eq!(
        w.sign(SITE, &r, shown(&w, &r).as_deref())
            .err()
            .unwrap()
            .code(),
        "WALLET_LOCKED"
    );
    assert_eq!(
        w.add_account("devnet", "0.0.7", "", None, None, &mut OsRng)
            .unwrap_err()
            .code(),
        "WALLET_LOCKED"
    );
    w.unlock("correct horse", 5).unwrap();
    assert!(w.sign(SITE, &r, shown(&w, &r).as_deref()).is_ok());
}

#[test]
fn revoking_a_site_refuses_it_afterwards() {
    let mut w = connected();
    assert!(w.check(SITE, &sign_message(ALICE)).is_ok());
    assert!(w.revoke(SITE));
    assert_eq!(
        refusal(&w, SITE, &sign_message(ALICE)),
        ("UNAUTHORIZED", 4100)
    );
    assert!(!w.revoke(SITE));
}

#[test]
fn the_vault_locks_after_the_idle_time() {
    let mut w = wallet();
    w.settings.idle_minutes = 1;
    w.touch(1_000);
    assert!(!w.lock_if_idle(59_000));
    assert!(w.is_unlocked());
    assert!(w.lock_if_idle(61_000));
    assert!(!w.is_unlocked());
}

#[test]
fn no_vault_is_a_clear_error() {
    let w = Wallet::new(Settings::default(), None);
    assert_eq!(
        refusal(&w, SITE, &sign_message(ALICE)),
        ("WALLET_NO_VAULT", 4900)
    );
}

fn query(signer: &str, bytes: &[u8]) -> Request {
    req(
        "hedera_signAndExecuteQuery",
        json!({ "signerAccountId": signer, "query": B64.encode(bytes) }),
    )
}

#[test]
fn queries_that_do_not_decode_or_come_unconnected_are_refused_before_any_prompt() {
    let w = connected();
    assert_eq!(
        refusal(&w, SITE, &query(ALICE, &[0])),
        ("UNDECODABLE_QUERY", -32602)
    );
    let balance = crate::query::tests::sample_balance(1005);
    assert_eq!(
        refusal(&w, "https://stranger.example", &query(ALICE, &balance)),
        ("UNAUTHORIZED", 4100)
    );
    assert_eq!(
        refusal(&w, SITE, &query(BOB, &balance)),
        ("WRONG_ACCOUNT", 4100)
    );
}

#[test]
fn a_query_prompt_shows_kind_subject_and_payment() {
    let w = connected();
    let Checked::Prompt(p) = w
        .check(
            SITE,
            &query(ALICE, &crate::query::tests::sample_balance(1006)),
        )
        .unwrap()
    else {
        panic!()
    };
    let q = p.query.unwrap();
    assert_eq!(
        (p.kind, q.title, q.subject.as_str(), q.payment),
        ("query", "Account balance", "0.0.1006", None)
    );
    let Checked::Prompt(p) = w
        .check(
            SITE,
            &query(ALICE, &crate::query::tests::sample_nft_info(5005, 1)),
        )
        .unwrap()
    else {
        panic!()
    };
    let q = p.query.unwrap();
    assert_eq!(q.subject, "NFT 0.0.5005 #1");
    assert!(q.payment.unwrap().contains("from 0.0.1005 to the node"));
}

#[test]
fn a_paid_query_carries_a_transfer_to_the_node_signed_by_the_signer() {
    let mut w = connected();
    let r = query(ALICE, &crate::query::tests::sample_nft_info(5005, 1));
    let now = Timestamp::new(1_700_000_000, 0);
    let bytes = w
        .paid_query(SITE, &r, AccountId::new(0, 0, 3), 25, false, now)
        .unwrap();
    let sent = proto::Query::decode(bytes.as_slice()).unwrap();
    let Some(proto::query::Query::TokenGetNftInfo(q)) = sent.query else {
        panic!()
    };
    let payment = q.header.unwrap().payment.unwrap();
    let tx = Transaction::from_bytes(&payment.encode_to_vec()).unwrap();
    let alice_key = w
        .key_of(
            &Request::parse(
                "hedera_signMessage",
                &json!({"signerAccountId": ALICE, "message": ""}),
            )
            .unwrap()
            .signer()
            .unwrap()
            .clone(),
        )
        .unwrap();
    assert_eq!(
        tx.verify_signatures().unwrap(),
        vec![alice_key.public_key()]
    );
    let body = tx.body().unwrap();
    assert_eq!(tx.transaction_id().account_id, AccountId::new(0, 0, 1005));
    let Some(proto::transaction_body::Data::CryptoTransfer(t)) = body.data else {
        panic!()
    };
    let amounts: Vec<(AccountId, i64)> = t
        .transfers
        .unwrap()
        .account_amounts
        .iter()
        .map(|a| {
            (
                AccountId::from_proto(a.account_id.as_ref().unwrap()).unwrap(),
                a.amount(),
            )
        })
        .collect();
    // In account order, as the SDKs write transfers.
    assert_eq!(
        amounts,
        vec![
            (AccountId::new(0, 0, 3), 25),
            (AccountId::new(0, 0, 1005), -25)
        ]
    );
    // More than the cap is refused; a locked vault pays nothing.
    let err = w
        .paid_query(
            SITE,
            &r,
            AccountId::new(0, 0, 3),
            crate::query::MAX_QUERY_PAYMENT_TINYBARS + 1,
            false,
            now,
        )
        .unwrap_err();
    assert_eq!(err.code(), "NETWORK");
    w.lock();
    assert_eq!(
        w.paid_query(SITE, &r, AccountId::new(0, 0, 3), 0, false, now)
            .unwrap_err()
            .code(),
        "WALLET_LOCKED"
    );
}

#[test]
fn keys_import_in_every_form_and_new_keys_of_both_kinds() {
    let mut w = wallet();
    let ed = "302e020100300506032b657004220420".to_owned() + &"22".repeat(32);
    let a = w
        .add_account("testnet", "0.0.12345", "DER", Some(&ed), None, &mut OsRng)
        .unwrap();
    assert_eq!(a.algorithm, "ED25519");
    let b = w
        .add_account(
            "testnet",
            "0.0.12346",
            "raw ecdsa",
            Some(&"33".repeat(32)),
            Some("ECDSA_SECP256K1"),
            &mut OsRng,
        )
        .unwrap();
    assert_eq!(b.algorithm, "ECDSA_SECP256K1");
    let c = w
        .add_account(
            "mainnet",
            "0.0.7",
            "",
            None,
            Some("ECDSA_SECP256K1"),
            &mut OsRng,
        )
        .unwrap();
    assert_eq!(
        (c.algorithm.as_str(), c.label.as_str()),
        ("ECDSA_SECP256K1", "0.0.7")
    );
    let d = w
        .add_account("mainnet", "0.0.8", "", None, None, &mut OsRng)
        .unwrap();
    assert_eq!(d.algorithm, "ED25519");
    assert_eq!(
        w.add_account("mainnet", "0.0.8", "", None, None, &mut OsRng)
            .unwrap_err()
            .code(),
        "INVALID_ACCOUNT"
    );
    assert_eq!(
        w.add_account("moon", "0.0.8", "", None, None, &mut OsRng)
            .unwrap_err()
            .code(),
        "INVALID_ACCOUNT"
    );
    assert_eq!(
        w.add_account("mainnet", "0.0.9", "", Some("zz"), None, &mut OsRng)
            .unwrap_err()
            .code(),
        "INVALID_KEY"
    );
    assert_eq!(
        w.add_account("mainnet", "zero", "", None, None, &mut OsRng)
            .unwrap_err()
            .code(),
        "INVALID_ENTITY_ID"
    );
    w.remove_account("mainnet", "0.0.8", &mut OsRng).unwrap();
    assert_eq!(
        w.settings
            .accounts
            .iter()
            .filter(|a| a.network == "mainnet")
            .count(),
        1
    );
}

#[test]
fn relaying_needs_a_connection_and_bytes_that_decode() {
    let w = connected();
    let tx = hbar_transfer(alice(), &[3]);
    let r = req(
        "hedera_executeTransaction",
        json!({ "transactionList": B64.encode(tx.to_bytes()) }),
    );
    assert_eq!(
        refusal(&w, "https://evil.example", &r),
        ("UNAUTHORIZED", 4100)
    );
    assert!(matches!(w.check(SITE, &r).unwrap(), Checked::Relay(_)));
    let r = req(
        "hedera_executeTransaction",
        json!({ "transactionList": "AQID" }),
    );
    assert_eq!(refusal(&w, SITE, &r).0, "UNDECODABLE_TRANSACTION");
}

#[test]
fn signing_checks_again_what_changed_while_the_window_was_open() {
    let mut w = connected();
    let r = sign_message(ALICE);
    assert!(w.check(SITE, &r).is_ok());
    w.revoke(SITE);
    assert_eq!(
        w.sign(SITE, &r, shown(&w, &r).as_deref())
            .err()
            .unwrap()
            .code(),
        "UNAUTHORIZED"
    );
}

#[test]
fn only_web_origins_may_connect() {
    let w = wallet();
    let connect = req("hedera_connect", json!({}));
    for origin in ["null", "file://", "chrome-extension://abc", ""] {
        assert_eq!(
            refusal(&w, origin, &connect),
            ("UNAUTHORIZED", 4100),
            "{origin}"
        );
    }
    assert!(w.check("http://127.0.0.1:8080", &connect).is_ok());
}

#[test]
fn a_transaction_is_signed_only_with_the_digest_of_what_the_window_showed() {
    let mut w = connected();
    let r = sign_and_execute(ALICE, &hbar_transfer(alice(), &[3]));
    let other = hbar_transfer(alice(), &[4]).to_bytes();
    for wrong in [None, Some(crate::review::digest(&other)), Some("".into())] {
        let e = w.sign(SITE, &r, wrong.as_deref()).err().unwrap();
        assert_eq!((e.code(), e.rpc_code()), ("NOT_SHOWN", -32603), "{wrong:?}");
    }
    let body = hbar_transfer(alice(), &[3]).entries()[0]
        .body_bytes()
        .to_vec();
    let r2 = req(
        "hedera_signTransaction",
        json!({ "signerAccountId": ALICE, "transactionBody": B64.encode(&body) }),
    );
    // The digest of another request (the list) does not sign this body.
    let e = w.sign(SITE, &r2, shown(&w, &r).as_deref()).err().unwrap();
    assert_eq!(e.code(), "NOT_SHOWN");
    assert!(w.sign(SITE, &r2, shown(&w, &r2).as_deref()).is_ok());
    assert!(w.sign(SITE, &r, shown(&w, &r).as_deref()).is_ok());
}
