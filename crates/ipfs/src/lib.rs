//! Content addressing compatible with Kubo's `ipfs add --cid-version=1 --raw-leaves` (and
//! reading what other settings make: CIDv0, UnixFS data inline in dag-pb nodes, directories):
//! CIDv1 with sha2-256, raw leaves of 256 KiB, UnixFS dag-pb parents in a balanced DAG of at
//! most 174 links per node. Pure Rust (runs in the browser): a client hashes what a gateway
//! returned and compares it with the CID before using a single byte of it.

mod cid;
mod unixfs;

pub use cid::{Cid, CidError, DAG_PB, RAW};
pub use unixfs::{
    add, cat, directory_entry, file_node, links, Block, FileNode, CHUNK_SIZE, MAX_FILE_SIZE,
    MAX_LINKS, MAX_LINK_VISITS,
};

/// Whether `bytes` are exactly the block `cid` names (its multihash is sha2-256 of them).
pub fn verify_block(cid: &Cid, bytes: &[u8]) -> bool {
    cid.digest == cid::sha256(bytes)
}

/// Whether `file` is the file `cid` names: rebuilds its DAG and compares roots.
pub fn verify_file(cid: &Cid, file: &[u8]) -> bool {
    &add(file).0 == cid
}

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
