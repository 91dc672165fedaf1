//! The devnet's IPFS RPC and gateway, driven over HTTP by the JS IPFS libraries (Node).

use loyal_devnet::{spawn, DevnetConfig};
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_then_fetch_verifies_against_the_cid() {
    let devnet = spawn(DevnetConfig::ephemeral())
        .await
        .expect("devnet starts");
    let port = devnet.ipfs_addr().port();
    let out: Value = tokio::task::spawn_blocking(move || {
        loyal_jspeer::Peer::new("ipfs", "multiformats", "http.mjs")
            .with_args([port])
            .json()
    })
    .await
    .unwrap();
    assert_eq!(out["addStatus"], 200, "{out}");
    assert_eq!(out["names"], json!(["metadata.json", "shoe.png"]), "{out}");
    assert_eq!(out["cidsMatchJs"], true, "{out}");
    assert_eq!(out["sizeIsString"], true, "{out}");
    assert_eq!(out["imageRoundTrip"], true, "{out}");
    assert_eq!(out["rawContentType"], "application/vnd.ipld.raw", "{out}");
    assert_eq!(out["nosniff"], "nosniff", "{out}");
    assert_eq!(out["rawBlockVerifies"], true, "{out}");
    assert_eq!(out["rootIsDagPb"], true, "{out}");
    assert_eq!(out["unknown"], 404, "{out}");
    assert_eq!(out["malformed"], 400, "{out}");
    assert_eq!(out["emptyAdd"], 400, "{out}");
    assert_eq!(out["cors"], "http://localhost:8080", "{out}");
    // What the gateway served is what the store holds, addressed by the same CID.
    let cid = out["metadataCid"].as_str().unwrap().parse().unwrap();
    let stored = devnet.blocks.block(&cid).expect("stored");
    assert!(loyal_ipfs::verify_block(&cid, &stored));
    devnet.shutdown().await;
}
