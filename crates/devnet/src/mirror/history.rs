//! The mirror's history: every record in consensus order, with the indexes its endpoints
//! page through.

use crate::record::Record;
use std::collections::{BTreeMap, HashMap};

#[derive(Default)]
pub struct History {
    /// In consensus order (strictly increasing timestamps).
    pub transactions: Vec<Record>,
    /// (payer, valid start seconds, nanos) → positions; a scheduled execution shares its id.
    by_id: HashMap<(u64, i64, i32), Vec<usize>>,
    /// (topic, sequence number) → position.
    pub messages: BTreeMap<(u64, u64), usize>,
    /// (token, serial) → positions of the transactions that moved it.
    pub nft_moves: BTreeMap<(u64, i64), Vec<usize>>,
}

impl History {
    pub fn add(&mut self, record: Record) {
        let at = self.transactions.len();
        let start = record
            .transaction_id
            .transaction_valid_start
            .unwrap_or_default();
        self.by_id
            .entry((record.payer(), start.seconds, start.nanos))
            .or_default()
            .push(at);
        if let Some(m) = &record.message {
            self.messages.insert((m.topic, m.sequence_number), at);
        }
        for m in &record.nft_transfers {
            let moves = self.nft_moves.entry((m.token, m.serial)).or_default();
            if moves.last() != Some(&at) {
                moves.push(at);
            }
        }
        self.transactions.push(record);
    }

    pub fn by_id(&self, payer: u64, seconds: i64, nanos: i32) -> impl Iterator<Item = &Record> {
        self.by_id
            .get(&(payer, seconds, nanos))
            .into_iter()
            .flatten()
            .map(|&i| &self.transactions[i])
    }

    /// The consensus time of the newest record: the time of the balances the mirror shows.
    pub fn latest(&self) -> i128 {
        self.transactions.last().map_or(0, |r| r.consensus)
    }
}
