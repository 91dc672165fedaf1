//! Persistence: every transaction that passes precheck is appended to `transactions.log` and
//! fsync'ed before the node answers OK, then applied. On start the log is replayed through the
//! same deterministic ledger (with each record's original receive time), so a `kill -9` at any
//! moment loses nothing a client was told was accepted. A record cut short by a crash was never
//! acknowledged and is dropped.
//!
//! Record: `u32 length (LE) | i128 receive time in ns (LE) | Transaction protobuf`.

use crate::ledger::Ledger;
use crate::mirror::Mirror;
use hedera_proto::services as hp;
use prost_013::Message;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

pub struct Journal {
    file: File,
}

impl Journal {
    /// Opens (creating) `dir/transactions.log`, replays it into `ledger` (and the mirror's
    /// replica), and truncates a torn tail.
    pub fn open(
        dir: &Path,
        ledger: &mut Ledger,
        mut mirror: Option<&mut Mirror>,
    ) -> io::Result<(Self, usize)> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join("transactions.log");
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        let (mut at, mut replayed) = (0usize, 0usize);
        while let Some(header) = bytes.get(at..at + 20) {
            let len = u32::from_le_bytes(header[..4].try_into().expect("4 bytes")) as usize;
            let now = i128::from_le_bytes(header[4..20].try_into().expect("16 bytes"));
            let Some(body) = bytes.get(at + 20..at + 20 + len) else {
                break;
            };
            let tx = hp::Transaction::decode(body)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            // Replaying what was accepted re-accepts it: the ledger is deterministic.
            if let Ok(accepted) = ledger.check(&tx, now) {
                if let Some(m) = mirror.as_deref_mut() {
                    m.push(accepted.clone(), now);
                }
                ledger.apply(accepted);
            }
            at += 20 + len;
            replayed += 1;
        }
        if at < bytes.len() {
            drop(file);
            let f = OpenOptions::new().write(true).open(&path)?;
            f.set_len(at as u64)?;
            f.sync_all()?;
            file = OpenOptions::new().read(true).append(true).open(&path)?;
        }
        Ok((Self { file }, replayed))
    }

    /// Appends and fsyncs one accepted transaction.
    pub fn append(&mut self, now: i128, tx: &hp::Transaction) -> io::Result<()> {
        let body = tx.encode_to_vec();
        let mut record = Vec::with_capacity(20 + body.len());
        record.extend_from_slice(&(body.len() as u32).to_le_bytes());
        record.extend_from_slice(&now.to_le_bytes());
        record.extend_from_slice(&body);
        self.file.write_all(&record)?;
        self.file.sync_data()
    }
}
