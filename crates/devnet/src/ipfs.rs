//! IPFS on the devnet: Kubo's RPC `POST /api/v0/add` and a trustless gateway `GET /ipfs/{cid}`,
//! over an in-memory block store. Content is addressed exactly as Kubo with
//! `--cid-version=1 --raw-leaves` does it, so a real Kubo node or a pinning service speaking the
//! same API can take its place.

use axum::{
    body::Bytes,
    extract::{Multipart, Path, State},
    http::{header, HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use loyal_ipfs::Cid;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// CID → block bytes, in memory and, with a state directory, as one file per block
/// (`blocks/<cid>`, written to a temporary name, fsync'ed and renamed, so a crash never leaves
/// a partial block under a real name).
#[derive(Clone, Default)]
pub struct BlockStore {
    memory: Arc<RwLock<HashMap<Cid, Vec<u8>>>>,
    dir: Option<Arc<std::path::PathBuf>>,
}

impl BlockStore {
    pub fn on_disk(dir: &std::path::Path) -> std::io::Result<Self> {
        let dir = dir.join("blocks");
        std::fs::create_dir_all(&dir)?;
        Ok(Self {
            memory: Default::default(),
            dir: Some(Arc::new(dir)),
        })
    }

    /// Stores a file's DAG; returns its root and the DAG's total size (Kubo's `Size`).
    pub fn add(&self, file: &[u8]) -> std::io::Result<(Cid, u64)> {
        let (root, blocks) = loyal_ipfs::add(file);
        let size = blocks.iter().map(|b| b.bytes.len() as u64).sum();
        if let Some(dir) = &self.dir {
            for b in &blocks {
                let path = dir.join(b.cid.to_string());
                if !path.exists() {
                    let tmp = dir.join(format!(".{}.tmp", b.cid));
                    let mut f = std::fs::File::create(&tmp)?;
                    std::io::Write::write_all(&mut f, &b.bytes)?;
                    f.sync_all()?;
                    std::fs::rename(&tmp, &path)?;
                }
            }
        }
        let mut memory = self.memory.write().expect("block store lock");
        for b in blocks {
            memory.insert(b.cid, b.bytes);
        }
        Ok((root, size))
    }

    /// A block, checked against its CID when read back from disk.
    pub fn block(&self, cid: &Cid) -> Option<Vec<u8>> {
        if let Some(b) = self.memory.read().expect("block store lock").get(cid) {
            return Some(b.clone());
        }
        let bytes = std::fs::read(self.dir.as_ref()?.join(cid.to_string())).ok()?;
        loyal_ipfs::verify_block(cid, &bytes).then_some(bytes)
    }

    pub fn file(&self, root: &Cid) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        let mut stack = vec![*root];
        while let Some(cid) = stack.pop() {
            let bytes = self.block(&cid)?;
            if cid.codec == loyal_ipfs::RAW {
                out.extend_from_slice(&bytes);
            } else {
                stack.extend(loyal_ipfs::links(&bytes)?.into_iter().rev());
            }
        }
        Some(out)
    }
}

pub fn router(store: BlockStore) -> Router {
    Router::new()
        .route("/api/v0/add", post(add))
        .route("/ipfs/:cid", get(fetch))
        .with_state(store)
        .layer(crate::web::cors())
}

fn error(status: StatusCode, message: String) -> Response {
    // Kubo's RPC error shape.
    let body = format!(
        "{{\"Message\":{},\"Code\":0,\"Type\":\"error\"}}",
        json_string(&message)
    );
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One NDJSON line per file, as Kubo answers (`Size` is a string there too).
async fn add(State(store): State<BlockStore>, mut form: Multipart) -> Response {
    let mut lines = String::new();
    loop {
        match form.next_field().await {
            Ok(Some(field)) => {
                let name = field.file_name().or(field.name()).unwrap_or("").to_owned();
                let data = match field.bytes().await {
                    Ok(d) => d,
                    Err(e) => {
                        return error(StatusCode::BAD_REQUEST, format!("reading the upload: {e}"))
                    }
                };
                let (cid, size) = match store.add(&data) {
                    Ok(added) => added,
                    Err(e) => {
                        return error(
                            StatusCode::INTERNAL_SERVER_ERROR,
                            format!("storing the blocks: {e}"),
                        )
                    }
                };
                lines += &format!(
                    "{{\"Name\":{},\"Hash\":\"{cid}\",\"Size\":\"{size}\"}}\n",
                    json_string(&name)
                );
            }
            Ok(None) => break,
            Err(e) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    format!("malformed multipart body: {e}"),
                )
            }
        }
    }
    if lines.is_empty() {
        return error(StatusCode::BAD_REQUEST, "no file in the request".into());
    }
    ([(header::CONTENT_TYPE, "application/x-ndjson")], lines).into_response()
}

/// The trustless gateway: `Accept: application/vnd.ipld.raw` gets the single block, anything
/// else the whole file.
async fn fetch(
    State(store): State<BlockStore>,
    Path(cid): Path<String>,
    headers: HeaderMap,
) -> Response {
    let cid: Cid = match cid.parse() {
        Ok(c) => c,
        Err(e) => return error(StatusCode::BAD_REQUEST, format!("{e}")),
    };
    let raw = headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("application/vnd.ipld.raw"));
    let (body, content_type) = if raw {
        (store.block(&cid), "application/vnd.ipld.raw")
    } else {
        (store.file(&cid), "application/octet-stream")
    };
    match body {
        Some(bytes) => (
            [
                (header::CONTENT_TYPE, content_type.to_owned()),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
                (
                    header::CACHE_CONTROL,
                    "public, max-age=29030400, immutable".to_owned(),
                ),
                (header::ETAG, format!("\"{cid}\"")),
            ],
            Bytes::from(bytes),
        )
            .into_response(),
        None => error(StatusCode::NOT_FOUND, format!("{cid} is not on this node")),
    }
}
