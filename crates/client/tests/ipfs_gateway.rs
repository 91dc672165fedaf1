//! Reading what other IPFS tools make, through a trustless gateway on a real socket that
//! serves a fixed set of blocks (`/ipfs/{cid}`, raw): a directory walked by name
//! (`ipfs://CID/metadata.json`), a CIDv0 file whose bytes sit inline in its dag-pb node, and
//! a gateway that swaps a block on the way (refused).

use loyal_client::native::HyperTransport;
use loyal_client::IpfsClient;
use loyal_ipfs::{Cid, DAG_PB, RAW};
use std::collections::HashMap;
use std::sync::Arc;

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn bytes_field(out: &mut Vec<u8>, number: u64, data: &[u8]) {
    varint(out, number << 3 | 2);
    varint(out, data.len() as u64);
    out.extend_from_slice(data);
}

/// A dag-pb node: named links, then UnixFS data of `kind` with `data` inline.
fn pb_node(kind: u64, data: &[u8], links: &[(&str, Cid)]) -> Vec<u8> {
    let mut node = Vec::new();
    for (name, cid) in links {
        let mut link = Vec::new();
        bytes_field(&mut link, 1, &cid.to_bytes());
        bytes_field(&mut link, 2, name.as_bytes());
        bytes_field(&mut node, 2, &link);
    }
    let mut unixfs = vec![0x08];
    varint(&mut unixfs, kind);
    if !data.is_empty() {
        bytes_field(&mut unixfs, 2, data);
        unixfs.push(0x18);
        varint(&mut unixfs, data.len() as u64);
    }
    bytes_field(&mut node, 1, &unixfs);
    node
}

/// Serves `blocks` by CID, but the block of `swap` (if any) with its last byte flipped.
async fn gateway(blocks: HashMap<String, Vec<u8>>, swap: Option<Cid>) -> String {
    gateway_counting(blocks, swap).await.0
}

/// `gateway`, with the number of requests it served.
async fn gateway_counting(
    blocks: HashMap<String, Vec<u8>>,
    swap: Option<Cid>,
) -> (String, Arc<std::sync::atomic::AtomicUsize>) {
    let hits = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = hits.clone();
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let blocks = Arc::new(blocks);
    tokio::spawn(async move {
        loop {
            let (mut s, _) = listener.accept().await.unwrap();
            counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut buf = [0u8; 4096];
            let n = s.read(&mut buf).await.unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]).into_owned();
            let path = request.split_whitespace().nth(1).unwrap_or("");
            let cid = path.strip_prefix("/ipfs/").unwrap_or("");
            let (status, mut body) = match blocks.get(cid) {
                Some(b) => ("200 OK", b.clone()),
                None => ("404 Not Found", b"not found".to_vec()),
            };
            if swap.is_some_and(|c| c.to_string() == cid) {
                *body.last_mut().unwrap() ^= 1;
            }
            let head = format!("HTTP/1.1 {status}\r\ncontent-type: application/vnd.ipld.raw\r\ncontent-length: {}\r\nconnection: close\r\n\r\n", body.len());
            let _ = s.write_all(head.as_bytes()).await;
            let _ = s.write_all(&body).await;
        }
    });
    (url, hits)
}

#[tokio::test]
async fn paths_cid_v0_and_inline_data_are_read_and_verified() {
    let metadata = br#"{"name":"twin"}"#.to_vec();
    let leaf = Cid::of(RAW, &metadata);
    // A file as `ipfs add` without raw leaves makes it: its bytes in the dag-pb node itself.
    let inline = pb_node(2, b"inline bytes", &[]);
    let inline_cid = Cid::of(DAG_PB, &inline);
    let dir = pb_node(
        1,
        b"",
        &[("image.png", inline_cid), ("metadata.json", leaf)],
    );
    let dir_cid = Cid::of(DAG_PB, &dir);
    let blocks: HashMap<String, Vec<u8>> = [
        (leaf, metadata.clone()),
        (inline_cid, inline.clone()),
        (dir_cid, dir.clone()),
    ]
    .into_iter()
    .map(|(c, b)| (c.to_string(), b))
    .collect();
    let url = gateway(blocks.clone(), None).await;
    let transport = HyperTransport::default();
    let ipfs = IpfsClient::new(&transport, &url, &url);

    let got = ipfs
        .cat_path(&format!("ipfs://{dir_cid}/metadata.json"))
        .await
        .unwrap();
    assert_eq!(got, metadata);
    let got = ipfs
        .cat_path(&format!("{dir_cid}/image.png"))
        .await
        .unwrap();
    assert_eq!(got, b"inline bytes");

    // The CIDv0 spelling of the same directory names the same bytes.
    let v0 = {
        let mut multihash = vec![0x12, 0x20];
        multihash.extend_from_slice(&dir_cid.digest);
        bs58(&multihash)
    };
    assert!(v0.starts_with("Qm"), "{v0}");
    assert_eq!(
        ipfs.cat_path(&format!("ipfs://{v0}/metadata.json"))
            .await
            .unwrap(),
        metadata
    );

    // Missing entries, a file used as a directory, a directory read as a file: typed errors.
    for (path, code) in [
        (format!("ipfs://{dir_cid}/nope.json"), "DECODE"),
        (format!("ipfs://{dir_cid}/metadata.json/x"), "DECODE"),
        (format!("ipfs://{dir_cid}"), "DECODE"),
        ("ipfs://notacid/metadata.json".to_owned(), "INVALID_CID"),
    ] {
        let err = ipfs.cat_path(&path).await.unwrap_err();
        assert_eq!(err.code(), code, "{path}: {err}");
    }

    // A gateway that alters the directory block on the way is caught before the path is read.
    let lying = gateway(blocks, Some(dir_cid)).await;
    let ipfs = IpfsClient::new(&transport, &lying, &lying);
    let err = ipfs
        .cat_path(&format!("ipfs://{dir_cid}/metadata.json"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "CID_MISMATCH", "{err}");
}

#[tokio::test]
async fn a_block_linked_many_times_is_fetched_once() {
    // root -> [A, B, A, B, …], A and B -> [C, D, C, D, …]: five blocks, 10,000 bytes of file.
    let (c, d) = (b"c".to_vec(), b"d".to_vec());
    let (c_cid, d_cid) = (Cid::of(RAW, &c), Cid::of(RAW, &d));
    let pair = |x: Cid, y: Cid| -> Vec<(&'static str, Cid)> {
        (0..100)
            .map(|i| ("", if i % 2 == 0 { x } else { y }))
            .collect()
    };
    let a = pb_node(2, b"", &pair(c_cid, d_cid));
    let b = pb_node(2, b"", &pair(d_cid, c_cid));
    let (a_cid, b_cid) = (Cid::of(DAG_PB, &a), Cid::of(DAG_PB, &b));
    let root = pb_node(2, b"", &pair(a_cid, b_cid));
    let root_cid = Cid::of(DAG_PB, &root);
    let blocks: HashMap<String, Vec<u8>> = [
        (root_cid, root),
        (a_cid, a),
        (b_cid, b),
        (c_cid, c),
        (d_cid, d),
    ]
    .into_iter()
    .map(|(cid, bytes)| (cid.to_string(), bytes))
    .collect();
    let (url, hits) = gateway_counting(blocks, None).await;
    let transport = HyperTransport::default();
    let file = IpfsClient::new(&transport, &url, &url)
        .cat(&root_cid)
        .await
        .unwrap();
    assert_eq!(file.len(), 100 * 100);
    assert!(file.starts_with(b"cdcd") && file[100..104] == *b"dcdc");
    assert_eq!(
        hits.load(std::sync::atomic::Ordering::SeqCst),
        5,
        "each block fetched once"
    );
}

/// Base58btc, for spelling a CIDv0 in the test (the library only reads it).
fn bs58(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let mut digits: Vec<u8> = Vec::new();
    for &b in bytes {
        let mut carry = b as u32;
        for d in digits.iter_mut() {
            carry += (*d as u32) << 8;
            *d = (carry % 58) as u8;
            carry /= 58;
        }
        while carry > 0 {
            digits.push((carry % 58) as u8);
            carry /= 58;
        }
    }
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    std::iter::repeat_n(b'1', zeros)
        .chain(digits.iter().rev().map(|&d| ALPHABET[d as usize]))
        .map(char::from)
        .collect()
}
