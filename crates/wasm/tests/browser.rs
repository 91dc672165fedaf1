//! The binding in headless Chromium without a network: what a page sees when it builds and
//! signs — thrown values are `Error`s with a `code` and `details`, amounts arrive as `bigint`
//! without losing precision, keys sign and verify, ids parse and print.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, Uint8Array};
use loyal_core::proto::{transaction_body::Data, Message, TransactionBody};
use loyal_wasm::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::{code, detail};

wasm_bindgen_test_configure!(run_in_browser);

/// Evaluates page JS (so specs hold real `bigint`s, not what serde would make).
fn js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return ({source});"))
        .call0(&JsValue::NULL)
        .unwrap()
}

fn body(tx: &Transaction) -> TransactionBody {
    let first = tx.bodies().get(0);
    TransactionBody::decode(Uint8Array::new(&first).to_vec().as_slice()).unwrap()
}

/// What freezing the spec (page JS) throws; it must throw.
fn refused(source: &str) -> JsValue {
    freeze_spec(js(source)).err().expect("the spec is refused")
}

const ID: &str = "'0.0.1001@1700000000.000000001'";

#[wasm_bindgen_test]
fn bigint_amounts_keep_every_bit() {
    // 2^53 + 1 is not representable as a JS number: it must cross as a bigint.
    let tx = freeze_spec(js(&format!(
        "{{ type: 'TransferTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           maxTransactionFee: 9007199254740993n,
           hbarTransfers: [{{ accountId: '0.0.1001', amount: -9007199254740993n }},
                           {{ accountId: '0.0.1005', amount: 9007199254740993n }}] }}"
    )))
    .unwrap();
    let b = body(&tx);
    assert_eq!(b.transaction_fee, Some(9_007_199_254_740_993));
    let Some(Data::CryptoTransfer(t)) = b.data else {
        panic!("a CryptoTransfer body")
    };
    let amounts: Vec<i64> = t
        .transfers
        .unwrap()
        .account_amounts
        .iter()
        .map(|a| a.amount.unwrap())
        .collect();
    assert_eq!(amounts, vec![-9_007_199_254_740_993, 9_007_199_254_740_993]);
}

/// What pages pass besides bigints: plain numbers, byte arrays of every form, and a
/// scheduled transaction whose memo and fee travel with it while its own id does not matter.
#[wasm_bindgen_test]
fn numbers_bytes_and_schedules_from_page_values() {
    let tx = freeze_spec(js(&format!(
        "{{ type: 'TokenMintTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           tokenId: '0.0.5005', metadata: ['ipfs://a', new Uint8Array([1, 2]),
           new Uint8Array([3, 4]).buffer, [5, 6]] }}"
    )))
    .unwrap();
    let Some(Data::TokenMint(m)) = body(&tx).data else {
        panic!("a TokenMint body")
    };
    assert_eq!(
        m.metadata,
        vec![b"ipfs://a".to_vec(), vec![1, 2], vec![3, 4], vec![5, 6]]
    );
    let e = refused(&format!(
        "{{ type: 'TokenMintTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           tokenId: '0.0.5005', metadata: [[1, 256]] }}"
    ));
    assert_eq!(code(&e), "INVALID_ARGUMENT");
    assert_eq!(detail(&e, "field").as_string().unwrap(), "metadata");

    let tx = freeze_spec(js(&format!(
        "{{ type: 'ScheduleCreateTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           scheduleMemo: 'later',
           scheduledTransaction: {{ type: 'TransferTransaction', transactionMemo: 'inner',
             maxTransactionFee: 12345, transactionId: 'not an id',
             hbarTransfers: [{{ accountId: '0.0.1001', amount: -5 }}, {{ accountId: '0.0.1005', amount: 5 }}] }} }}"
    )))
    .unwrap();
    let Some(Data::ScheduleCreate(c)) = body(&tx).data else {
        panic!("a ScheduleCreate body")
    };
    assert_eq!(c.memo.as_deref(), Some("later"));
    let inner = c.scheduled_transaction_body.unwrap();
    assert_eq!(inner.memo.as_deref(), Some("inner"));
    assert_eq!(inner.transaction_fee, Some(12345));
}

#[wasm_bindgen_test]
fn errors_are_errors_with_codes_and_details() {
    let e = PrivateKey::from_string("not a key").err().unwrap();
    assert_eq!(code(&e), "INVALID_KEY");

    let e = AccountId::from_string("0.0.x").err().unwrap();
    assert_eq!(code(&e), "INVALID_ENTITY_ID");
    assert_eq!(detail(&e, "input").as_string().unwrap(), "0.0.x");

    // A bad id inside a builder keeps the core's code and names the field.
    let e = refused(&format!(
        "{{ type: 'TokenMintTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'], tokenId: 'nope' }}"
    ));
    assert_eq!(code(&e), "INVALID_ENTITY_ID");
    assert_eq!(detail(&e, "field").as_string().unwrap(), "tokenId");

    let e = refused(&format!(
        "{{ type: 'TokenMintTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'] }}"
    ));
    assert_eq!(code(&e), "MISSING_FIELD");
    assert_eq!(detail(&e, "field").as_string().unwrap(), "tokenId");

    let e = refused(&format!(
        "{{ type: 'TransferTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           transactionMemo: 'x'.repeat(101) }}"
    ));
    assert_eq!(code(&e), "MEMO_TOO_LONG");
    assert_eq!(detail(&e, "max").as_f64().unwrap(), 100.0);

    let e = refused(&format!(
        "{{ type: 'TransferTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           hbarTransfers: [{{ accountId: '0.0.1001', amount: -2n }}, {{ accountId: '0.0.1005', amount: 1n }}] }}"
    ));
    assert_eq!(code(&e), "UNBALANCED_TRANSFER");

    // A bad id inside a list item names the list and the field.
    let e = refused(&format!(
        "{{ type: 'TransferTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3'],
           hbarTransfers: [{{ accountId: '0.0.x', amount: 0 }}] }}"
    ));
    assert_eq!(code(&e), "INVALID_ENTITY_ID");
    assert_eq!(
        detail(&e, "field").as_string().unwrap(),
        "hbarTransfers.accountId"
    );
    // The core's own field names reach JS as the names the page set.
    let e =
        refused("{ type: 'TokenMintTransaction', nodeAccountIds: ['0.0.3'], tokenId: '0.0.5005' }");
    assert_eq!(code(&e), "MISSING_FIELD");
    assert_eq!(detail(&e, "field").as_string().unwrap(), "transactionId");

    let e = refused("{ type: 'NoSuchTransaction' }");
    assert_eq!(code(&e), "INVALID_ARGUMENT");
    assert_eq!(detail(&e, "field").as_string().unwrap(), "type");

    #[cfg(feature = "decode")]
    assert_eq!(
        code(&Transaction::from_bytes(&[0xff, 0xff]).err().unwrap()),
        "DECODE"
    );
}

/// The keys of this build: ECDSA only with the `ecdsa` feature (the signing build of
/// `@loyal/hedera/sign` is ED25519 only and says so with a code).
fn keys() -> Vec<PrivateKey> {
    let mut keys = vec![PrivateKey::generate_ed25519()];
    match PrivateKey::generate_ecdsa() {
        Ok(k) => keys.push(k),
        Err(e) => {
            assert_eq!(code(&e), "UNSUPPORTED");
            let e = PrivateKey::from_string_ecdsa(&"11".repeat(32))
                .err()
                .unwrap();
            assert_eq!(code(&e), "UNSUPPORTED");
        }
    }
    assert_eq!(keys.len(), if cfg!(feature = "ecdsa") { 2 } else { 1 });
    keys
}

#[wasm_bindgen_test]
fn keys_sign_and_verify() {
    for key in keys() {
        let sig = key.sign(b"points for a coffee");
        let public = key.public_key();
        assert!(public.verify(b"points for a coffee", &sig));
        assert!(!public.verify(b"points for a tea", &sig));
        // The printed forms parse back to the same key.
        let again = PrivateKey::from_string_der(&key.to_string_der()).unwrap();
        assert_eq!(again.public_key().to_string_der(), public.to_string_der());
        let public_again = PublicKey::from_string(&public.to_string_raw()).unwrap();
        assert!(public_again.verify(b"points for a coffee", &sig));
    }
    // Two generated keys differ: the randomness really comes from crypto.getRandomValues.
    assert_ne!(
        PrivateKey::generate_ed25519().to_string_raw(),
        PrivateKey::generate_ed25519().to_string_raw()
    );
}

#[wasm_bindgen_test]
fn transactions_sign_verify_and_refuse_bad_signatures() {
    let key = PrivateKey::generate_ed25519();
    let wallet = keys().pop().unwrap();
    let spec = || {
        js(&format!(
            "{{ type: 'TokenMintTransaction', transactionId: {ID}, nodeAccountIds: ['0.0.3', '0.0.4'],
               tokenId: '0.0.5005', metadata: ['ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce'] }}"
        ))
    };
    let mut tx = freeze_spec(spec()).unwrap();
    tx.sign(&key);
    // A wallet signs each node's body elsewhere; the signatures are checked when added.
    let sigs: Array = tx
        .bodies()
        .iter()
        .map(|b| {
            JsValue::from(Uint8Array::from(
                wallet.sign(&Uint8Array::new(&b).to_vec()).as_slice(),
            ))
        })
        .collect();
    tx.add_signature(&wallet.public_key(), sigs).unwrap();
    let signed = tx.verify_signatures().unwrap();
    assert!(signed.contains(&key.public_key().to_string_der()));
    assert!(signed.contains(&wallet.public_key().to_string_der()));

    assert_eq!(tx.hash().len(), 48, "SHA-384");
    // The bytes round-trip with signatures and hash intact.
    #[cfg(feature = "decode")]
    {
        let back = Transaction::from_bytes(&tx.to_bytes()).unwrap();
        assert_eq!(back.hash(), tx.hash());
        assert_eq!(back.transaction_id(), "0.0.1001@1700000000.000000001");
        assert_eq!(back.node_account_ids(), vec!["0.0.3", "0.0.4"]);
        assert_eq!(back.verify_signatures().unwrap().len(), 2);
    }

    let mut other = freeze_spec(spec()).unwrap();
    let zeros: Array = (0..2)
        .map(|_| JsValue::from(Uint8Array::new_with_length(64)))
        .collect();
    let e = other.add_signature(&key.public_key(), zeros).err().unwrap();
    assert_eq!(code(&e), "INVALID_SIGNATURE");
}

#[wasm_bindgen_test]
fn ids_parse_print_and_check_checksums() {
    let a = AccountId::from_string("0.0.1001").unwrap();
    assert_eq!(a.to_string_js(), "0.0.1001");
    assert_eq!(a.num(), 1001);
    let with_sum = a.to_string_with_checksum("testnet").unwrap();
    assert!(with_sum.starts_with("0.0.1001-") && with_sum.len() == "0.0.1001-abcde".len());
    assert!(AccountId::from_string_for_network(&with_sum, "testnet").is_ok());
    let e = AccountId::from_string_for_network(&with_sum, "mainnet")
        .err()
        .unwrap();
    assert_eq!(code(&e), "CHECKSUM_MISMATCH");

    let t = TokenId::from_string("0.0.5005").unwrap();
    assert_eq!(t.nft(&JsValue::from(7)).unwrap(), "0.0.5005/7");
    assert_eq!(
        t.nft(&JsValue::from(7u64)).unwrap(),
        "0.0.5005/7",
        "a bigint serial"
    );
    assert_eq!(
        code(&t.nft(&JsValue::from(-1)).err().unwrap()),
        "INVALID_ARGUMENT"
    );

    let id = TransactionId::from_string("0.0.1001-1700000000-000000001").unwrap();
    assert_eq!(id.to_string_js(), "0.0.1001@1700000000.000000001");
    assert_eq!(id.to_mirror_string(), "0.0.1001-1700000000-000000001");
    assert_eq!(id.account_id().to_string_js(), "0.0.1001");
    // Ids made in the same millisecond still differ; an id object is accepted where a string is.
    let a_js: JsValue = a.into();
    let first = TransactionId::generate(&a_js).unwrap();
    let second = TransactionId::generate(&a_js).unwrap();
    assert!(!first.equals(&second));
    // Valid from 5 s ago, as the SDKs' ids (a clock a little ahead still gives a valid start).
    let start: f64 = first
        .valid_start()
        .split('.')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let behind = js_sys::Date::now() / 1000.0 - start;
    assert!((4.0..7.0).contains(&behind), "{behind} s");
    let e = TransactionId::generate(&JsValue::UNDEFINED).err().unwrap();
    assert_eq!(code(&e), "MISSING_FIELD");
}

#[wasm_bindgen_test]
fn hip820_messages() {
    let key = PrivateKey::generate_ed25519();
    let map = sign_message(&key, "I own 0.0.1005");
    verify_message(&key.public_key(), "I own 0.0.1005", &map).unwrap();
    let e = verify_message(&key.public_key(), "I own 0.0.1006", &map)
        .err()
        .unwrap();
    assert_eq!(code(&e), "INVALID_SIGNATURE");
}

/// Freezing and signing again and again reuses memory (whichever allocator the build has:
/// lol_alloc's free list in the signing build, dlmalloc otherwise): no leak, no creeping
/// fragmentation.
#[wasm_bindgen_test]
fn repeated_signing_does_not_grow_memory() {
    let key = PrivateKey::generate_ed25519();
    let round = |n: u32| {
        for i in 0..n {
            let mut tx = freeze_spec(js(&format!(
                "{{ type: 'TopicMessageSubmitTransaction', transactionId: '0.0.1001@1700000000.{i:09}',
                   nodeAccountIds: ['0.0.3', '0.0.4'], topicId: '0.0.7007', message: 'x'.repeat({}) }}",
                100 + (i % 7) * 700
            )))
            .unwrap();
            tx.sign(&key);
            assert!(!tx.to_bytes().is_empty());
        }
    };
    round(150);
    let pages = core::arch::wasm32::memory_size(0);
    round(1000);
    let grown = core::arch::wasm32::memory_size(0) - pages;
    assert!(
        grown <= 2,
        "memory grew by {grown} pages of 64 KiB over 1,000 transactions"
    );
}

#[cfg(feature = "network")]
#[wasm_bindgen_test]
fn mirror_json_keeps_integers_beyond_2_53_exact() {
    // A token with 8 decimals and a supply of a billion has 10^17 units: a number would round.
    let v: serde_json::Value = serde_json::from_str(
        r#"{"balance": 100000000000000001, "decimals": 8, "debit": -9007199254740993,
            "safe": 9007199254740991, "rate": 1.5, "items": [null, true, "0.0.5"]}"#,
    )
    .unwrap();
    let check = Function::new_with_args(
        "o",
        "return o.balance === 100000000000000001n && o.decimals === 8 \
         && o.debit === -9007199254740993n && o.safe === 9007199254740991 && o.rate === 1.5 \
         && o.items[0] === null && o.items[1] === true && o.items[2] === '0.0.5'",
    );
    let ok = check
        .call1(&JsValue::NULL, &loyal_wasm::net::to_js(&v))
        .unwrap();
    assert_eq!(ok, JsValue::TRUE);
}
