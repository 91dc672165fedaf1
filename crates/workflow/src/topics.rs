//! Reading topic messages from the mirror in sequence order, and submitting ours.

use crate::{Error, Result};
use base64::Engine;
use loyal_client::{Client, MirrorClient, Runtime, Transport};
use loyal_core::id::{AccountId, TopicId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_core::transaction::{
    Builder, TopicMessageSubmitTransaction, Transaction, TransactionData,
};
use serde::Deserialize;
use serde_json::Value;

/// One message of a topic, whole: a message sent in chunks (over 1,024 bytes) counts at its
/// last chunk, with that chunk's sequence number and consensus time.
#[derive(Clone, Debug, PartialEq)]
pub struct Whole {
    pub sequence: u64,
    pub consensus: Timestamp,
    /// Who paid for the (last chunk of the) message.
    pub payer: String,
    pub bytes: Vec<u8>,
}

/// The mirror's topic message, with the chunk info the client's model leaves out.
#[derive(Deserialize)]
struct Raw {
    sequence_number: u64,
    consensus_timestamp: String,
    message: String,
    #[serde(default)]
    payer_account_id: String,
    #[serde(default)]
    chunk_info: Option<ChunkInfo>,
}

#[derive(Deserialize)]
struct ChunkInfo {
    initial_transaction_id: Value,
    number: u32,
    total: u32,
}

/// A message of more chunks than this is not one of ours (ours fit in one).
const MAX_CHUNKS: u32 = 20;
/// Unfinished chunked messages kept (the oldest are dropped): a sender who never finishes
/// cannot make the reader hold more.
const MAX_PENDING: usize = 256;

/// Reads a topic forward from the mirror, joining chunked messages.
#[derive(Default)]
pub struct TopicReader {
    /// The last sequence number read.
    pub after: u64,
    pending: Vec<(String, Vec<Option<Vec<u8>>>)>,
}

impl TopicReader {
    /// The whole messages completed since the last call, oldest first.
    pub async fn read<T: Transport, R: Runtime>(
        &mut self,
        mirror: &MirrorClient<'_, T, R>,
        topic: &str,
    ) -> Result<Vec<Whole>> {
        let path = format!(
            "/api/v1/topics/{topic}/messages?limit=100&order=asc&sequencenumber=gt:{}",
            self.after
        );
        let mut raw: Vec<Raw> = match mirror.pages(path, "messages", usize::MAX).collect().await {
            Ok(all) => all,
            // A topic the mirror has not seen yet (mirror lag) has no messages yet.
            Err(loyal_client::Error::Http { status: 404, .. }) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
        raw.sort_by_key(|m| m.sequence_number);
        let mut out = Vec::new();
        for m in raw {
            if m.sequence_number <= self.after {
                continue;
            }
            self.after = m.sequence_number;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(&m.message)
                .map_err(|e| Error::BadMessage {
                    reason: format!("message {}: {e}", m.sequence_number),
                })?;
            let whole = |bytes| -> Result<Whole> {
                Ok(Whole {
                    sequence: m.sequence_number,
                    consensus: parse_timestamp(&m.consensus_timestamp)?,
                    payer: m.payer_account_id.clone(),
                    bytes,
                })
            };
            match m.chunk_info {
                Some(c) if c.total > 1 => {
                    if c.total > MAX_CHUNKS || c.number == 0 || c.number > c.total {
                        continue;
                    }
                    let id = c.initial_transaction_id.to_string();
                    let i = match self.pending.iter().position(|(k, _)| *k == id) {
                        Some(i) => i,
                        None => {
                            if self.pending.len() == MAX_PENDING {
                                self.pending.remove(0);
                            }
                            self.pending.push((id, vec![None; c.total as usize]));
                            self.pending.len() - 1
                        }
                    };
                    let parts = &mut self.pending[i].1;
                    if parts.len() != c.total as usize {
                        continue;
                    }
                    parts[c.number as usize - 1] = Some(bytes);
                    if parts.iter().all(Option::is_some) {
                        let (_, parts) = self.pending.remove(i);
                        out.push(whole(parts.into_iter().flatten().flatten().collect())?);
                    }
                }
                _ => out.push(whole(bytes)?),
            }
        }
        Ok(out)
    }
}

/// The mirror's `seconds.nanos`.
pub fn parse_timestamp(s: &str) -> Result<Timestamp> {
    let bad = || Error::BadMessage {
        reason: format!("timestamp {s:?}"),
    };
    let (secs, nanos) = s.split_once('.').unwrap_or((s, "0"));
    let nanos = format!("{nanos:0<9}");
    Ok(Timestamp::new(
        secs.parse().map_err(|_| bad())?,
        nanos.get(..9).ok_or_else(bad)?.parse().map_err(|_| bad())?,
    ))
}

/// Freezes with a fresh id paid by `payer`, signs with `key`, executes.
pub async fn execute<T: Transport, R: Runtime, D: TransactionData>(
    client: &Client<T, R>,
    payer: &AccountId,
    key: &PrivateKey,
    builder: Builder<D>,
) -> Result<loyal_client::Receipt> {
    let builder = if builder.transaction_id().is_none() {
        builder.with_transaction_id(client.new_transaction_id(payer.clone()))
    } else {
        builder
    };
    let mut tx = client.prepare(builder)?;
    tx.sign(key);
    Ok(client.execute(&tx).await?)
}

/// One message for `topic`, with a fresh id paid by `payer`, signed with `key`.
fn message_transaction<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    payer: &AccountId,
    key: &PrivateKey,
    topic: &str,
    bytes: Vec<u8>,
) -> Result<Transaction> {
    let topic: TopicId = topic
        .parse()
        .map_err(|e| Error::invalid("topic", format!("{topic:?}: {e}")))?;
    let mut tx = client.prepare(
        TopicMessageSubmitTransaction::new()
            .with_topic_id(topic)
            .with_message(bytes)
            .with_transaction_id(client.new_transaction_id(payer.clone())),
    )?;
    tx.sign(key);
    Ok(tx)
}

/// Sends one message past the node's precheck, without asking for its receipt: for records the
/// caller then awaits on the mirror, which shows them only once they reached consensus.
pub async fn send<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    payer: &AccountId,
    key: &PrivateKey,
    topic: &str,
    bytes: Vec<u8>,
) -> Result<()> {
    let tx = message_transaction(client, payer, key, topic, bytes)?;
    client.submit(&tx).await?;
    Ok(())
}

/// Submits one message; returns its sequence number.
pub async fn submit<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    payer: &AccountId,
    key: &PrivateKey,
    topic: &str,
    bytes: Vec<u8>,
) -> Result<u64> {
    let tx = message_transaction(client, payer, key, topic, bytes)?;
    Ok(client.execute(&tx).await?.topic_sequence_number)
}

/// A customer's side: posts `request` on an organisation's inbox topic, paid and signed by
/// `account` (whose key must also have signed the proof the request carries); returns the
/// sequence number of its first chunk (a request over 1,024 bytes is sent in chunks, which
/// the runner joins).
pub async fn post_request<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    account: &AccountId,
    key: &PrivateKey,
    inbox_topic: &str,
    request: &crate::InboxRequest,
) -> Result<u64> {
    // A request the runner could not answer is refused here, before it costs anything.
    request.check()?;
    let bytes = crate::Message::Request(request.clone()).to_bytes();
    submit(client, account, key, inbox_topic, bytes).await
}
