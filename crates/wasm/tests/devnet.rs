//! The binding in headless Chromium against a live devnet on its default ports (started by
//! `cargo xtask test` before this step): tokens, IPFS metadata, transfers, the mirror, and
//! the error codes a web page sees.
// The network client is the `network` feature: the signing build has nothing to test here.
#![cfg(all(target_arch = "wasm32", feature = "network"))]

use js_sys::Reflect;
use loyal_wasm::*;
use serde_json::json;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod common;
use common::{code, get};

wasm_bindgen_test_configure!(run_in_browser);

/// The devnet's documented keys: SHA-256("loyal-devnet/" + name), ED25519 (Bob is ECDSA).
const BESTPRODUCER: &str = "loyal-devnet/BestProducer";
const ALICE: &str = "loyal-devnet/Alice";

fn key(seed: &str) -> PrivateKey {
    use sha2::Digest;
    let raw = sha2::Sha256::digest(seed.as_bytes());
    PrivateKey::from_string_ed25519(&hex::encode(raw)).unwrap()
}

/// A plain JS object, as page code would write it.
fn spec(v: serde_json::Value) -> JsValue {
    use serde::Serialize;
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

/// Alice pays Bob one tinybar, frozen by `client` (its operator pays).
fn one_tinybar_to_bob(client: &Client) -> Transaction {
    client
        .freeze(spec(
            json!({"type": "TransferTransaction", "hbarTransfers": [
            {"accountId": "0.0.1005", "amount": -1}, {"accountId": "0.0.1006", "amount": 1}]}),
        ))
        .unwrap()
}

fn producer() -> Client {
    let mut c = Client::for_name("devnet").unwrap();
    c.set_operator(&"0.0.1001".into(), &key(BESTPRODUCER))
        .unwrap();
    c
}

#[wasm_bindgen_test]
async fn nft_with_ipfs_metadata_transfer_and_mirror() {
    let client = producer();
    let bp = key(BESTPRODUCER);
    let mut create = client
        .freeze(spec(json!({
            "type": "TokenCreateTransaction", "tokenName": "Twins (browser)", "tokenSymbol": "TWB",
            "tokenType": "NON_FUNGIBLE_UNIQUE", "treasuryAccountId": "0.0.1001",
            "supplyKey": bp.public_key().to_string_der(),
        })))
        .unwrap();
    let receipt = create.execute(&client).await.unwrap();
    assert_eq!(get(&receipt, "status").as_string().unwrap(), "SUCCESS");
    let token = get(&receipt, "tokenId").as_string().unwrap();

    let metadata = encode_metadata(spec(json!({
        "name": "Runner 42", "image": "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce",
        "type": "image/png", "attributes": [{"trait_type": "sustainability_score", "value": 87, "max_value": 100}],
    })))
    .unwrap();
    let cid = client
        .ipfs_add(&metadata, Some("twin.json".into()))
        .await
        .unwrap();
    let mut mint = client
        .freeze(spec(json!({"type": "TokenMintTransaction", "tokenId": token, "metadata": [format!("ipfs://{cid}")]})))
        .unwrap();
    let minted = mint.execute(&client).await.unwrap();
    assert_eq!(
        js_sys::Array::from(&get(&minted, "serials"))
            .get(0)
            .as_f64(),
        Some(1.0)
    );

    // Alice associates (she signs; the producer pays), then receives serial 1.
    let mut assoc = client
        .freeze(spec(json!({"type": "TokenAssociateTransaction", "accountId": "0.0.1005", "tokenIds": [token]})))
        .unwrap();
    assoc.sign(&key(ALICE));
    assoc.execute(&client).await.unwrap();
    let mut send = client
        .freeze(spec(json!({"type": "TransferTransaction",
            "nftTransfers": [{"nftId": format!("{token}/1"), "sender": "0.0.1001", "receiver": "0.0.1005"}]})))
        .unwrap();
    let id = send.transaction_id();
    send.execute(&client).await.unwrap();
    let seen = client
        .wait_for_mirror(id.clone().into(), 5_000)
        .await
        .unwrap();
    assert_eq!(get(&seen, "result").as_string().unwrap(), "SUCCESS");
    let all = client
        .mirror_all("/api/v1/accounts/0.0.1005/nfts?limit=2", "nfts", 50)
        .await
        .unwrap();
    assert_eq!(get(&all, "truncated"), JsValue::FALSE);
    let nfts = js_sys::Array::from(&all);
    // One page of a listing that has more says so.
    let accounts = client
        .mirror_all("/api/v1/accounts?limit=2", "accounts", 1)
        .await
        .unwrap();
    assert_eq!(js_sys::Array::from(&accounts).length(), 2);
    assert_eq!(get(&accounts, "truncated"), JsValue::TRUE);
    let ours = nfts
        .iter()
        .find(|n| get(n, "token_id").as_string().as_deref() == Some(token.as_str()))
        .expect("the NFT is listed on the mirror");
    // The mirror shows the on-ledger metadata in base64.
    let btoa: js_sys::Function = Reflect::get(&js_sys::global(), &"btoa".into())
        .unwrap()
        .into();
    let expected = btoa
        .call1(&JsValue::NULL, &format!("ipfs://{cid}").into())
        .unwrap();
    assert_eq!(get(&ours, "metadata"), expected);
    // The metadata, fetched back and verified against its CID.
    assert_eq!(
        client
            .ipfs_cat(&format!("ipfs://{cid}"))
            .await
            .unwrap()
            .to_vec(),
        metadata
    );
}

#[wasm_bindgen_test]
async fn fungible_token_associate_and_transfer() {
    // The node list as a page on Hedera reads it: from the mirror's /network/nodes pages.
    let mut client = producer();
    client.update_nodes_from_mirror().await.unwrap();
    let mut create = client
        .freeze(spec(json!({"type": "TokenCreateTransaction", "tokenName": "Points (browser)", "tokenSymbol": "PTB",
            "initialSupply": 1000, "decimals": 0, "treasuryAccountId": "0.0.1001"})))
        .unwrap();
    let token = get(&create.execute(&client).await.unwrap(), "tokenId")
        .as_string()
        .unwrap();
    let mut assoc = client
        .freeze(spec(json!({"type": "TokenAssociateTransaction", "accountId": "0.0.1005", "tokenIds": [token]})))
        .unwrap();
    assoc.sign(&key(ALICE));
    assoc.execute(&client).await.unwrap();
    let mut pay = client
        .freeze(spec(
            json!({"type": "TransferTransaction", "tokenTransfers": [
            {"tokenId": token, "accountId": "0.0.1001", "amount": -25},
            {"tokenId": token, "accountId": "0.0.1005", "amount": 25}]}),
        ))
        .unwrap();
    let id = pay.transaction_id();
    pay.execute(&client).await.unwrap();
    client
        .wait_for_mirror(id.clone().into(), 5_000)
        .await
        .unwrap();
    let balances = client
        .mirror_get(&format!(
            "/api/v1/tokens/{token}/balances?account.id=0.0.1005"
        ))
        .await
        .unwrap();
    let first = js_sys::Array::from(&get(&balances, "balances")).get(0);
    assert_eq!(get(&first, "balance").as_f64(), Some(25.0));
}

#[wasm_bindgen_test]
async fn error_paths_have_codes() {
    // A bad key string.
    assert_eq!(
        code(&PrivateKey::from_string("not a key").err().unwrap()),
        "INVALID_KEY"
    );
    // More than Alice has: consensus says INSUFFICIENT_ACCOUNT_BALANCE.
    let mut alice = Client::for_name("devnet").unwrap();
    alice.set_operator(&"0.0.1005".into(), &key(ALICE)).unwrap();
    let mut greedy = alice
        .freeze(spec(
            json!({"type": "TransferTransaction", "hbarTransfers": [
            {"accountId": "0.0.1005", "amount": -900_000_000_000_000i64},
            {"accountId": "0.0.1006", "amount": 900_000_000_000_000i64}]}),
        ))
        .unwrap();
    let err = greedy.execute(&alice).await.unwrap_err();
    assert_eq!(code(&err), "RECEIPT_STATUS");
    assert_eq!(
        get(&get(&err, "details"), "status").as_string().unwrap(),
        "INSUFFICIENT_ACCOUNT_BALANCE"
    );
    // The first proxy is down; the client fails over to the devnet's.
    let mut failover = Client::for_network(spec(json!({
        "nodes": [{"accountId": "0.0.3", "url": "http://127.0.0.1:9"}, {"accountId": "0.0.3", "url": "http://127.0.0.1:50213"}],
        "mirrorUrl": "http://127.0.0.1:5551",
    })))
    .unwrap();
    failover
        .set_operator(&"0.0.1005".into(), &key(ALICE))
        .unwrap();
    let mut small = one_tinybar_to_bob(&failover);
    let receipt = small.execute(&failover).await.unwrap();
    assert_eq!(get(&receipt, "status").as_string().unwrap(), "SUCCESS");
    // Signed with a key that is not the payer's: the node refuses it at precheck.
    let mut impostor = Client::for_name("devnet").unwrap();
    impostor
        .set_operator(&"0.0.1005".into(), &key(BESTPRODUCER))
        .unwrap();
    let mut forged = one_tinybar_to_bob(&impostor);
    let err = forged.execute(&impostor).await.unwrap_err();
    assert_eq!(code(&err), "PRECHECK");
    assert_eq!(
        get(&get(&err, "details"), "status").as_string().unwrap(),
        "INVALID_SIGNATURE"
    );
    // No proxy answers: after its attempts, NO_HEALTHY_NODE names the transaction to ask after.
    let mut dead = Client::for_network(spec(json!({
        "nodes": [{"accountId": "0.0.3", "url": "http://127.0.0.1:9"}],
        "mirrorUrl": "http://127.0.0.1:5551",
    })))
    .unwrap();
    dead.set_operator(&"0.0.1005".into(), &key(ALICE)).unwrap();
    dead.set_max_attempts(2);
    dead.set_request_timeout(2_000);
    let mut lost = one_tinybar_to_bob(&dead);
    let id = lost.transaction_id();
    let err = lost.execute(&dead).await.unwrap_err();
    assert_eq!(code(&err), "NO_HEALTHY_NODE");
    assert_eq!(
        get(&get(&err, "details"), "transactionId").as_string(),
        Some(id)
    );
    // A gateway that serves other content than the CID asked for.
    let client = producer();
    let real = client.ipfs_add(b"{\"real\":true}", None).await.unwrap();
    let other = client.ipfs_add(b"{\"real\":false}", None).await.unwrap();
    let liar = Client::for_network(spec(json!({
        "nodes": [{"accountId": "0.0.3", "url": "http://127.0.0.1:50213"}],
        "mirrorUrl": "http://127.0.0.1:5551",
        "ipfsApiUrl": "http://127.0.0.1:5001",
        // Every request lands on `other`: the path after `#` never reaches the server.
        "ipfsGatewayUrl": format!("http://127.0.0.1:5001/ipfs/{other}#"),
    })))
    .unwrap();
    let err = liar.ipfs_cat(&real).await.unwrap_err();
    assert_eq!(code(&err), "CID_MISMATCH");
    // A builder value the core rejects before any network round trip.
    let err = client
        .freeze(spec(json!({"type": "TransferTransaction", "transactionMemo": "x".repeat(101),
            "hbarTransfers": [{"accountId": "0.0.1001", "amount": -1}, {"accountId": "0.0.1005", "amount": 1}]})))
        .err()
        .unwrap();
    assert_eq!(code(&err), "MEMO_TOO_LONG");
}
