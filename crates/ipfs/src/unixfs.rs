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
fn parent_node(children: &[Node]) -> (Vec<u8>, u64) {
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
                let (bytes, file_size) = parent_node(children);
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

/// The most a reassembled file may hold (64 MiB: metadata, images and media of a token, in a
/// browser tab's memory). A DAG whose nodes link the same child many times describes far more
/// bytes than it has blocks, and is refused rather than expanded; the check comes before each
/// piece is added, so the buffer never grows past the cap (on wasm32 a 1 GiB buffer's next
/// doubling overflows the address space).
pub const MAX_FILE_SIZE: u64 = 64 << 20;

/// The most links `cat` follows: a DAG can link the same empty block any number of times at
/// every level, which costs no bytes against `MAX_FILE_SIZE` but time without end (a 64 MiB
/// file in 256 KiB leaves takes 256 visits, in 1 KiB chunks 65,536).
pub const MAX_LINK_VISITS: usize = 1 << 20;

/// Reassembles a file from its blocks (in any order), verifying every block against its CID
/// once. `None` if a block is missing or does not hash to its CID, a node is not a UnixFS
/// file node, the sizes a node declares are not what its parts hold, the file would exceed
/// `MAX_FILE_SIZE`, or it takes more than `MAX_LINK_VISITS` links.
pub fn cat(root: &Cid, blocks: &[Block]) -> Option<Vec<u8>> {
    let verified: std::collections::HashMap<Cid, &[u8]> = blocks
        .iter()
        .filter(|b| crate::verify_block(&b.cid, &b.bytes))
        .map(|b| (b.cid, b.bytes.as_slice()))
        .collect();
    let mut out = Vec::new();
    let mut visits = 0;
    append(root, &verified, &mut out, &mut visits)?;
    Some(out)
}

fn append(
    cid: &Cid,
    blocks: &std::collections::HashMap<Cid, &[u8]>,
    out: &mut Vec<u8>,
    visits: &mut usize,
) -> Option<()> {
    *visits += 1;
    if *visits > MAX_LINK_VISITS {
        return None;
    }
    let bytes = blocks.get(cid)?;
    let start = out.len() as u64;
    if cid.codec == RAW {
        push_capped(out, bytes)?;
    } else {
        let node = file_node(bytes).ok()?;
        push_capped(out, &node.data)?;
        for child in &node.links {
            append(child, blocks, out, visits)?;
        }
        if node
            .file_size
            .is_some_and(|size| size != out.len() as u64 - start)
        {
            return None;
        }
    }
    Some(())
}

fn push_capped(out: &mut Vec<u8>, piece: &[u8]) -> Option<()> {
    if (out.len() + piece.len()) as u64 > MAX_FILE_SIZE {
        return None;
    }
    out.extend_from_slice(piece);
    Some(())
}

/// What a dag-pb node holds of a file: bytes of its own (UnixFS `Data`, first) and the
/// children whose bytes follow, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileNode {
    pub data: Vec<u8>,
    pub links: Vec<Cid>,
    /// The UnixFS `filesize`: the bytes of the whole subtree, when the node says.
    pub file_size: Option<u64>,
}

/// A dag-pb node read with its UnixFS data: links (with names) and the UnixFS fields used.
struct Decoded<'a> {
    links: Vec<(&'a [u8], Cid)>,
    kind: Option<u64>,
    data: &'a [u8],
    file_size: Option<u64>,
}

fn decode(node: &[u8]) -> Result<Decoded<'_>, &'static str> {
    let mut out = Decoded {
        links: Vec::new(),
        kind: None,
        data: &[],
        file_size: None,
    };
    let mut unixfs = None;
    for (number, value) in fields(node).ok_or("not a dag-pb node")? {
        match (number, value) {
            (1, Value::Bytes(data)) => unixfs = Some(data),
            (2, Value::Bytes(link)) => {
                let (mut hash, mut name) = (None, &[][..]);
                for field in fields(link).ok_or("a link is not a dag-pb link")? {
                    match field {
                        (1, Value::Bytes(h)) => hash = Some(h),
                        (2, Value::Bytes(n)) => name = n,
                        _ => {}
                    }
                }
                let cid = Cid::from_bytes(hash.ok_or("a link has no hash")?)
                    .map_err(|_| "a link's hash is not a CID")?;
                out.links.push((name, cid));
            }
            _ => return Err("not a dag-pb node"),
        }
    }
    for (number, value) in fields(unixfs.ok_or("a dag-pb node without UnixFS data")?)
        .ok_or("its UnixFS data does not decode")?
    {
        match (number, value) {
            (1, Value::Varint(t)) => out.kind = Some(t),
            (2, Value::Bytes(data)) => out.data = data,
            (3, Value::Varint(size)) => out.file_size = Some(size),
            _ => {} // blocksizes, hash type, fanout, mode, mtime: not needed here
        }
    }
    Ok(out)
}

/// Reads a dag-pb node as UnixFS `File` (or `Raw`). Directories, symlinks, HAMT shards and
/// anything that is not dag-pb are refused (the reason says which): they are not file bytes.
pub fn file_node(node: &[u8]) -> Result<FileNode, &'static str> {
    let d = decode(node)?;
    match d.kind {
        Some(0 | 2) => Ok(FileNode {
            data: d.data.to_vec(),
            links: d.links.into_iter().map(|(_, cid)| cid).collect(),
            file_size: d.file_size,
        }),
        Some(1) => Err("a UnixFS directory, not a file"),
        Some(4) => Err("a UnixFS symlink, not a file"),
        Some(5) => Err("a UnixFS HAMT shard (a directory), not a file"),
        _ => Err("not a UnixFS file node"),
    }
}

/// The entry `name` of a UnixFS directory node, `None` if it has none (`ipfs://<cid>/name`).
/// A HAMT-sharded directory (very large ones) is refused: its names are hashed into buckets.
pub fn directory_entry(node: &[u8], name: &str) -> Result<Option<Cid>, &'static str> {
    let d = decode(node)?;
    match d.kind {
        Some(1) => Ok(d
            .links
            .into_iter()
            .find(|(n, _)| *n == name.as_bytes())
            .map(|(_, cid)| cid)),
        Some(5) => Err("a HAMT-sharded directory, which this client does not walk"),
        _ => Err("not a UnixFS directory"),
    }
}

/// The child CIDs of a dag-pb file node, in order.
pub fn links(node: &[u8]) -> Option<Vec<Cid>> {
    file_node(node).ok().map(|n| n.links)
}

enum Value<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
}

/// The fields of a protobuf message, in order; `None` if it does not decode (fixed-width
/// fields are skipped as values no reader here needs).
fn fields(mut rest: &[u8]) -> Option<Vec<(u64, Value<'_>)>> {
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (key, r) = varint(rest)?;
        let number = key >> 3;
        if number == 0 {
            return None;
        }
        rest = match key & 7 {
            0 => {
                let (v, r) = varint(r)?;
                out.push((number, Value::Varint(v)));
                r
            }
            1 => r.get(8..)?,
            2 => {
                let (len, r) = varint(r)?;
                let (body, r) = r.split_at_checked(usize::try_from(len).ok()?)?;
                out.push((number, Value::Bytes(body)));
                r
            }
            5 => r.get(4..)?,
            _ => return None,
        };
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

    fn pb_node(unixfs: &[u8], links: &[Cid]) -> Vec<u8> {
        let mut node = Vec::new();
        for c in links {
            let mut link = Vec::new();
            bytes_field(&mut link, 1, &c.to_bytes());
            bytes_field(&mut node, 2, &link);
        }
        bytes_field(&mut node, 1, unixfs);
        node
    }

    fn unixfs(kind: u64, data: &[u8], size: Option<u64>) -> Vec<u8> {
        let mut out = Vec::new();
        field(&mut out, 1, 0);
        put_varint(&mut out, kind);
        if !data.is_empty() {
            bytes_field(&mut out, 2, data);
        }
        if let Some(size) = size {
            field(&mut out, 3, 0);
            put_varint(&mut out, size);
        }
        out
    }

    fn block(codec: u64, bytes: Vec<u8>) -> Block {
        Block {
            cid: Cid::of(codec, &bytes),
            bytes,
        }
    }

    #[test]
    fn inline_data_comes_first_and_directories_are_not_files() {
        // A file made without raw leaves: its bytes sit in the node itself, then its child's.
        let leaf = block(RAW, b" world".to_vec());
        let root = block(DAG_PB, pb_node(&unixfs(2, b"hello", Some(11)), &[leaf.cid]));
        let blocks = [root.clone(), leaf.clone()];
        assert_eq!(cat(&root.cid, &blocks).unwrap(), b"hello world");

        // The same node claiming another size is refused: its parts are not what it says.
        let lying = block(DAG_PB, pb_node(&unixfs(2, b"hello", Some(12)), &[leaf.cid]));
        assert_eq!(cat(&lying.cid, &[lying.clone(), leaf.clone()]), None);

        // A directory over the same child is not that child's bytes.
        let dir = block(DAG_PB, pb_node(&unixfs(1, b"", None), &[leaf.cid]));
        assert_eq!(cat(&dir.cid, &[dir.clone(), leaf.clone()]), None);
        assert_eq!(
            file_node(&dir.bytes).unwrap_err(),
            "a UnixFS directory, not a file"
        );
        // dag-pb without UnixFS data, and bytes that are not protobuf.
        assert!(file_node(&pb_node(b"", &[])[..0]).is_err());
        assert!(file_node(&[0x0a, 0x05, 1]).is_err());
    }

    #[test]
    fn a_dag_of_empty_links_is_refused_quickly() {
        // Three levels of 200 links to one empty leaf: 8 million visits, no bytes.
        let leaf = block(RAW, Vec::new());
        let m2 = block(DAG_PB, pb_node(&unixfs(2, b"", None), &vec![leaf.cid; 200]));
        let m1 = block(DAG_PB, pb_node(&unixfs(2, b"", None), &vec![m2.cid; 200]));
        let root = block(DAG_PB, pb_node(&unixfs(2, b"", None), &vec![m1.cid; 200]));
        // Refused at the visit budget (without it, 8 million visits of hashing and search).
        assert_eq!(cat(&root.cid, &[root.clone(), m1, m2, leaf]), None);
    }

    #[test]
    fn directory_entries_are_found_by_name() {
        let file = block(RAW, b"{}".to_vec());
        let mut node = Vec::new();
        for (name, cid) in [("a.json", Cid::of(RAW, b"a")), ("metadata.json", file.cid)] {
            let mut link = Vec::new();
            bytes_field(&mut link, 1, &cid.to_bytes());
            bytes_field(&mut link, 2, name.as_bytes());
            bytes_field(&mut node, 2, &link);
        }
        bytes_field(&mut node, 1, &unixfs(1, b"", None));
        assert_eq!(directory_entry(&node, "metadata.json"), Ok(Some(file.cid)));
        assert_eq!(directory_entry(&node, "missing.json"), Ok(None));
        let file_node = pb_node(&unixfs(2, b"x", None), &[]);
        assert!(directory_entry(&file_node, "metadata.json").is_err());
    }

    #[test]
    fn a_dag_that_expands_beyond_the_cap_is_refused() {
        // 174 links to one node of 174 links to one 256 KiB leaf, three levels: 7.9 GB from
        // four blocks. Refused at the cap, without building it.
        let leaf = block(RAW, vec![7; CHUNK_SIZE]);
        let mid = block(
            DAG_PB,
            pb_node(&unixfs(2, b"", None), &[leaf.cid; MAX_LINKS]),
        );
        let top = block(
            DAG_PB,
            pb_node(&unixfs(2, b"", None), &[mid.cid; MAX_LINKS]),
        );
        let root = block(
            DAG_PB,
            pb_node(&unixfs(2, b"", None), &[top.cid; MAX_LINKS]),
        );
        assert_eq!(cat(&root.cid, &[root.clone(), top, mid, leaf]), None);
    }
}
