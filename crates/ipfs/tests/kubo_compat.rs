//! CIDs equal what the JS IPFS importer (the Helia/js-ipfs implementation, run live in Node)
//! computes with Kubo's `add --cid-version=1 --raw-leaves` settings, from 0 bytes to a
//! two-level DAG.
#![cfg(not(target_arch = "wasm32"))]

#[test]
fn cids_match_the_js_ipfs_importer() {
    let chunk = loyal_ipfs::CHUNK_SIZE;
    let sizes = [
        0,
        1,
        11,
        1000,
        chunk - 1,
        chunk,
        chunk + 1,
        4 * chunk + 7,
        loyal_ipfs::MAX_LINKS * chunk,
        loyal_ipfs::MAX_LINKS * chunk + 1,
    ];
    let expected = loyal_jspeer::Peer::new("ipfs", "ipfs-unixfs-importer", "cids.mjs")
        .with_args(sizes)
        .json();
    for size in sizes {
        let data: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
        let (cid, blocks) = loyal_ipfs::add(&data);
        assert_eq!(
            cid.to_string(),
            expected[size.to_string()].as_str().unwrap(),
            "size {size}"
        );
        assert!(loyal_ipfs::verify_file(&cid, &data));
        assert!(blocks
            .iter()
            .all(|b| loyal_ipfs::verify_block(&b.cid, &b.bytes)));
    }
}
