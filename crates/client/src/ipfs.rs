//! IPFS: upload through the Kubo RPC (`/api/v0/add`, CIDv1, raw leaves) and fetch through a
//! trustless gateway block by block (`Accept: application/vnd.ipld.raw`), hashing every block
//! against its CID before it is used. A gateway can serve nothing but the bytes asked for:
//! anything else is `CID_MISMATCH`, never data.

use crate::transport::{HttpRequest, Transport};
use crate::{Error, Result};
use loyal_ipfs::{Block, Cid, DAG_PB, RAW};

pub struct IpfsClient<'a, T> {
    transport: &'a T,
    api_url: String,
    gateway_url: String,
}

const BOUNDARY: &str = "loyal-ipfs-boundary-7d41a3c9";

/// A DAG deeper than this is not a file we made (a 1 GiB file is 3 levels).
const MAX_DEPTH: usize = 8;

/// The blocks of the largest file `cat` returns (`MAX_FILE_SIZE` in 256 KiB leaves and their
/// parents, twice over for DAGs made with smaller chunks).
const MAX_BLOCKS: usize = (loyal_ipfs::MAX_FILE_SIZE as usize / loyal_ipfs::CHUNK_SIZE) * 4;

impl<'a, T: Transport> IpfsClient<'a, T> {
    pub fn new(transport: &'a T, api_url: &str, gateway_url: &str) -> Self {
        Self {
            transport,
            api_url: api_url.trim_end_matches('/').to_owned(),
            gateway_url: gateway_url.trim_end_matches('/').to_owned(),
        }
    }

    /// Uploads `bytes`; returns their CID after checking the node computed the same one.
    pub async fn add(&self, name: &str, bytes: &[u8]) -> Result<Cid> {
        let mut cids = self.add_all(&[(name, bytes)]).await?;
        Ok(cids.swap_remove(0))
    }

    /// Uploads several files in one request, each as a file of its own (Kubo answers one NDJSON
    /// line per file); returns their CIDs in the order given, after checking the node named
    /// each one it was expected to. Content addressing makes this the same as adding them one
    /// by one: the same bytes, the same CID, whoever adds them and however often.
    pub async fn add_all(&self, files: &[(&str, &[u8])]) -> Result<Vec<Cid>> {
        if files.is_empty() {
            return Ok(Vec::new());
        }
        let expected: Vec<Cid> = files.iter().map(|(_, b)| loyal_ipfs::add(b).0).collect();
        let mut body = Vec::new();
        for (name, bytes) in files {
            let safe_name: String = name
                .chars()
                .filter(|c| c.is_ascii_graphic() && *c != '"')
                .collect();
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{safe_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let url = format!(
            "{}/api/v0/add?cid-version=1&raw-leaves=true&pin=true",
            self.api_url
        );
        let request = HttpRequest::post(url.clone(), body).with_header(
            "content-type",
            &format!("multipart/form-data; boundary={BOUNDARY}"),
        );
        let response = self.transport.send(request).await?;
        if response.status != 200 {
            return Err(Error::http(url, &response));
        }
        // NDJSON, a line per file naming its root; matched by CID, not by name or order.
        let text = String::from_utf8_lossy(&response.body);
        let mut named = Vec::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let line: serde_json::Value =
                serde_json::from_str(line).map_err(|e| Error::Decode {
                    what: "IPFS add response",
                    reason: e.to_string(),
                })?;
            // A progress line (`progress=true`) names no file.
            let Some(hash) = line["Hash"].as_str() else {
                continue;
            };
            let cid: Cid = hash.parse().map_err(|_| Error::InvalidCid {
                input: hash.to_owned(),
            })?;
            named.push(cid);
        }
        match expected.iter().find(|cid| !named.contains(cid)) {
            Some(missing) => Err(Error::CidMismatch {
                cid: missing.to_string(),
            }),
            None => Ok(expected),
        }
    }

    async fn block(&self, cid: &Cid) -> Result<Vec<u8>> {
        let url = format!("{}/ipfs/{cid}", self.gateway_url);
        let response = self
            .transport
            .send(HttpRequest::get(url.clone()).with_header("accept", "application/vnd.ipld.raw"))
            .await?;
        if response.status != 200 {
            return Err(Error::http(url, &response));
        }
        if !loyal_ipfs::verify_block(cid, &response.body) {
            return Err(Error::CidMismatch {
                cid: cid.to_string(),
            });
        }
        Ok(response.body)
    }

    /// Fetches `ipfs://<cid>/<path>` (or `<cid>/<path>`, or a bare CID, v0 or v1): every
    /// directory on the path and every block of the file verified against its CID.
    pub async fn cat_path(&self, uri: &str) -> Result<Vec<u8>> {
        let path = uri.strip_prefix("ipfs://").unwrap_or(uri);
        let mut names = path.split('/').filter(|n| !n.is_empty());
        let mut cid: Cid =
            names
                .next()
                .unwrap_or_default()
                .parse()
                .map_err(|_| Error::InvalidCid {
                    input: uri.to_owned(),
                })?;
        for name in names {
            let not_found = |reason: String| Error::Decode {
                what: "IPFS path",
                reason,
            };
            if cid.codec != DAG_PB {
                return Err(not_found(format!("{cid} is a file, not a directory")));
            }
            let node = self.block(&cid).await?;
            cid = loyal_ipfs::directory_entry(&node, name)
                .map_err(|r| not_found(format!("{cid}: {r}")))?
                .ok_or_else(|| not_found(format!("{cid} has no entry {name:?}")))?;
        }
        self.cat(&cid).await
    }

    /// Fetches the file `cid` names, verifying every block on the way.
    pub async fn cat(&self, cid: &Cid) -> Result<Vec<u8>> {
        let root = self.block(cid).await?;
        if cid.codec == RAW {
            return Ok(root);
        }
        if cid.codec != DAG_PB {
            return Err(Error::InvalidCid {
                input: cid.to_string(),
            });
        }
        let mut blocks = vec![Block {
            cid: *cid,
            bytes: root,
        }];
        // A child linked twice (anywhere) is fetched and walked once; a DAG of more distinct
        // blocks than the largest file holds is not fetched at all.
        let mut seen = std::collections::HashSet::from([*cid]);
        let mut level = vec![*cid];
        for _ in 0..MAX_DEPTH {
            let mut next = Vec::new();
            for parent in &level {
                let node = &blocks
                    .iter()
                    .find(|b| &b.cid == parent)
                    .expect("fetched")
                    .bytes;
                let node = loyal_ipfs::file_node(node).map_err(|reason| Error::Decode {
                    what: "UnixFS node",
                    reason: format!("{parent}: {reason}"),
                })?;
                next.extend(node.links);
            }
            next.retain(|c| seen.insert(*c));
            for child in &next {
                if blocks.len() > MAX_BLOCKS {
                    return Err(Error::Decode {
                        what: "UnixFS DAG",
                        reason: format!("{cid} has more than {MAX_BLOCKS} blocks"),
                    });
                }
                let bytes = self.block(child).await?;
                blocks.push(Block { cid: *child, bytes });
            }
            level = next.into_iter().filter(|c| c.codec == DAG_PB).collect();
            if level.is_empty() {
                break;
            }
        }
        // Every block was checked against its CID as it came: what `cat` refuses now is the
        // file's shape, not the gateway's honesty.
        loyal_ipfs::cat(cid, &blocks).ok_or_else(|| Error::Decode {
            what: "UnixFS file",
            reason: format!(
                "{cid} is larger than {} MiB, deeper than {MAX_DEPTH} levels, links too many \
                 blocks, or its nodes' sizes disagree",
                loyal_ipfs::MAX_FILE_SIZE >> 20
            ),
        })
    }
}
