//! Kubo's file layout: 256 KiB raw leaves; a file of one chunk is that leaf; longer files get
//! UnixFS `File` nodes (dag-pb) over at most 174 children per node, filled left to right
//! (the "balanced" layout), each link carrying the cumulative size of its subtree.

use crate::cid::{put_varint, Cid, DAG_PB, RAW};

pub const CHUNK_SIZE: usize = 256 * 1024;
pub const MAX_LINKS: usize = 174;

/// A block of the DAG: its CID and bytes (what a trustless gateway serves per CID).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub cid: Cid,
    pub bytes: Vec<u8>,
}

struct Node {
    cid: Cid,
    /// File bytes under this node.
    file_size: u64,
    /// Serialized bytes of the whole subtree (dag-pb Tsize).
    tree_size: u64,
}

fn field(out: &mut Vec<u8>, number: u64, wire: u64) {
    put_varint(out, number << 3 | wire);
}

fn bytes_field(out: &mut Vec<u8>, number: u64, data: &[u8]) {
    field(out, number, 2);
    put_varint(out, data.len() as u64);
    out.extend_from_slice(data);
}

/// dag-pb PBNode: Links (field 2) come before Data (field 1) in the canonical form.
fn file_node(children: &[Node]) -> (Vec<u8>, u64) {
    let file_size: u64 = children.iter().map(|c| c.file_size).sum();
    let mut unixfs = Vec::new();
    field(&mut unixfs, 1, 0);
    put_varint(&mut unixfs, 2); // Type = File
    field(&mut unixfs, 3, 0);
    put_varint(&mut unixfs, file_size);
    for c in children {
        field(&mut unixfs, 4, 0); // blocksizes, one field each (proto2, not packed)
        put_varint(&mut unixfs, c.file_size);
    }
    let mut node = Vec::new();
    for c in children {
        let mut link = Vec::new();
        bytes_field(&mut link, 1, &c.cid.to_bytes());
        bytes_field(&mut link, 2, b"");
        field(&mut link, 3, 0);
        put_varint(&mut link, c.tree_size);
        bytes_field(&mut node, 2, &link);
    }
    bytes_field(&mut node, 1, &unixfs);
    (node, file_size)
}

/// The root CID of `file` and every block of its DAG (leaves first, root last).
pub fn add(file: &[u8]) -> (Cid, Vec<Block>) {
    let mut blocks = Vec::new();
    let mut level: Vec<Node> = if file.is_empty() {
        vec![leaf(&[], &mut blocks)]
    } else {
        file.chunks(CHUNK_SIZE)
            .map(|chunk| leaf(chunk, &mut blocks))
            .collect()
    };
    while level.len() > 1 {
        level = level
            .chunks(MAX_LINKS)
            .map(|children| {
                let (bytes, file_size) = file_node(children);
                let tree_size =
                    bytes.len() as u64 + children.iter().map(|c| c.tree_size).sum::<u64>();
                let cid = Cid::of(DAG_PB, &bytes);
                blocks.push(Block { cid, bytes });
                Node {
                    cid,
                    file_size,
                    tree_size,
                }
            })
            .collect();
    }
    (level[0].cid, blocks)
}

fn leaf(chunk: &[u8], blocks: &mut Vec<Block>) -> Node {
    let cid = Cid::of(RAW, chunk);
    blocks.push(Block {
        cid,
        bytes: chunk.to_vec(),
    });
    Node {
        cid,
        file_size: chunk.len() as u64,
        tree_size: chunk.len() as u64,
    }
}

/// Reassembles a file from its blocks (in any order), verifying every block against its CID.
pub fn cat(root: &Cid, blocks: &[Block]) -> Option<Vec<u8>> {
    let find = |cid: &Cid| {
        blocks
            .iter()
            .find(|b| &b.cid == cid && crate::verify_block(cid, &b.bytes))
    };
    let block = find(root)?;
    if root.codec == RAW {
        return Some(block.bytes.clone());
    }
    let mut out = Vec::new();
    for child in links(&block.bytes)? {
        out.extend(cat(&child, blocks)?);
    }
    Some(out)
}

/// The child CIDs of a dag-pb node, in order.
pub fn links(node: &[u8]) -> Option<Vec<Cid>> {
    let mut out = Vec::new();
    let mut rest = node;
    while !rest.is_empty() {
        let (key, r) = varint(rest)?;
        let (len, r) = varint(r)?;
        let (body, r) = r.split_at_checked(len as usize)?;
        rest = r;
        if key == (2 << 3 | 2) {
            let (k, r) = varint(body)?;
            let (l, r) = varint(r)?;
            if k != (1 << 3 | 2) {
                return None;
            }
            out.push(Cid::from_bytes(r.get(..l as usize)?).ok()?);
        }
    }
    Some(out)
}

fn varint(bytes: &[u8]) -> Option<(u64, &[u8])> {
    let mut v = 0u64;
    for (i, &b) in bytes.iter().enumerate().take(10) {
        v |= ((b & 0x7f) as u64) << (7 * i);
        if b < 0x80 {
            return Some((v, &bytes[i + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn file(size: usize) -> Vec<u8> {
        (0..size).map(|i| (i % 251) as u8).collect()
    }

    #[test]
    fn blocks_reassemble_and_tampering_is_caught() {
        let data = file(3 * CHUNK_SIZE + 5);
        let (root, mut blocks) = add(&data);
        assert_eq!(root.codec, DAG_PB);
        assert_eq!(blocks.len(), 5);
        assert_eq!(cat(&root, &blocks).unwrap(), data);
        assert!(crate::verify_file(&root, &data));
        blocks[1].bytes[0] ^= 1;
        assert_eq!(
            cat(&root, &blocks),
            None,
            "a tampered leaf must not be returned"
        );
        assert!(!crate::verify_file(&root, &data[1..]));
    }
}
