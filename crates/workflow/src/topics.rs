//! Reading topic messages from the mirror in sequence order, and submitting ours.

use crate::{Error, Result};
use loyal_client::mirror::TopicMessage;
use loyal_client::{Client, MirrorClient, Runtime, Transport};
use loyal_core::id::{AccountId, TopicId};
use loyal_core::key::PrivateKey;
use loyal_core::time::Timestamp;
use loyal_core::transaction::{Builder, TopicMessageSubmitTransaction, TransactionData};

/// Messages after sequence number `after`, oldest first.
pub async fn messages_after<T: Transport, R: Runtime>(
    mirror: &MirrorClient<'_, T, R>,
    topic: &str,
    after: u64,
) -> Result<Vec<TopicMessage>> {
    let path =
        format!("/api/v1/topics/{topic}/messages?limit=100&order=asc&sequencenumber=gt:{after}");
    let mut all: Vec<TopicMessage> =
        match mirror.pages(path, "messages", usize::MAX).collect().await {
            Ok(all) => all,
            // A topic the mirror has not seen yet (mirror lag) has no messages yet.
            Err(loyal_client::Error::Http { status: 404, .. }) => Vec::new(),
            Err(e) => return Err(e.into()),
        };
    all.sort_by_key(|m| m.sequence_number);
    Ok(all)
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

/// Submits one message; returns its sequence number.
pub async fn submit<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    payer: &AccountId,
    key: &PrivateKey,
    topic: &str,
    bytes: Vec<u8>,
) -> Result<u64> {
    let topic: TopicId = topic
        .parse()
        .map_err(|e| Error::invalid("topic", format!("{topic:?}: {e}")))?;
    let receipt = execute(
        client,
        payer,
        key,
        TopicMessageSubmitTransaction::new()
            .with_topic_id(topic)
            .with_message(bytes),
    )
    .await?;
    Ok(receipt.topic_sequence_number)
}

/// A customer's side: posts `request` on an organisation's inbox topic, paid and signed by
/// `account` (whose key must also have signed the proof the request carries); returns the
/// message's sequence number.
pub async fn post_request<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    account: &AccountId,
    key: &PrivateKey,
    inbox_topic: &str,
    request: &crate::InboxRequest,
) -> Result<u64> {
    let bytes = crate::Message::Request(request.clone()).to_bytes();
    if bytes.len() > 1024 {
        // One chunk: the runner reads requests as single messages.
        return Err(Error::InvalidInput {
            input: "request".into(),
            reason: format!("{} bytes, at most 1024", bytes.len()),
        });
    }
    submit(client, account, key, inbox_topic, bytes).await
}
