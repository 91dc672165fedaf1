//! The venue gate's admissions as a web worker, started by the gate page for each admission so
//! that gRPC-web, transaction signing and the topic's records stay out of its cold load. One
//! JSON job in (`deployment`, `account`, `key`, and the verified `token`, `holder`, `nonce`,
//! `tickets`): the admission is recorded on StillWater's outcomes topic, paid and signed with
//! the staff key (the topic's submit key), then the topic is read from the mirror up to that
//! record and decided by the rule every gate applies ([`loyal_workflow::admissions`]). `done`
//! says `admitted` with the entry `number`, or how many times the holder has `entered`.

use std::time::Duration;

use loyal_client::{Client, MirrorClient, Runtime};
use loyal_core::id::{AccountId, TopicId};
use loyal_core::key::PrivateKey;
use loyal_core::transaction::TopicMessageSubmitTransaction;
use loyal_portals::error::invalid;
use loyal_portals::staff::WebClient;
use loyal_portals::worker::serve;
use loyal_portals::{Error, Result};
use loyal_web::{Fetch, Timers};
use loyal_workflow::admissions::{self, Entry};
use loyal_workflow::{Deployment, Message, TopicReader};
use serde_json::{json, Value};

const ORG: &str = "StillWater";

async fn record(job: Value) -> Result<Value> {
    let deployment: Deployment = serde_json::from_value(job["deployment"].clone())
        .map_err(|e| Error::new("DEPLOYMENT", e.to_string()))?;
    let text = |name: &str| job[name].as_str().unwrap_or_default().to_owned();
    let account: AccountId = text("account")
        .parse()
        .map_err(|e| invalid("staff account", e))?;
    let key: PrivateKey = text("key").parse().map_err(|e| invalid("staff key", e))?;
    let topic: TopicId = deployment
        .organisation(ORG)
        .map_err(wf)?
        .outcomes_topic
        .parse()
        .map_err(|e| invalid("StillWater outcomes topic", e))?;
    let client = Client::new(deployment.client_network().map_err(wf)?, Fetch, Timers)
        .with_operator(account, key);
    let record = Message::Admission {
        token: text("token"),
        holder: text("holder"),
        nonce: text("nonce"),
        tickets: job["tickets"].as_u64().unwrap_or(0),
    };
    let tx = client.prepare(
        TopicMessageSubmitTransaction::new()
            .with_topic_id(topic)
            .with_message(record.to_bytes()),
    )?;
    let sequence = client.execute(&tx).await?.topic_sequence_number;
    Ok(match decide(&client, &topic.to_string(), sequence).await? {
        Entry::Admitted { number, tickets } => {
            json!({ "admitted": true, "number": number, "tickets": tickets, "sequence": sequence })
        }
        Entry::Refused { entered, tickets } => {
            json!({ "admitted": false, "entered": entered, "tickets": tickets, "sequence": sequence })
        }
    })
}

/// Reads the topic from the mirror until it holds the record at `sequence`, and decides it.
async fn decide(client: &WebClient, topic: &str, sequence: u64) -> Result<Entry> {
    let mirror = MirrorClient::new(
        client.transport(),
        client.runtime(),
        &client.network().mirror_url,
    );
    let mut reader = TopicReader::default();
    let mut seen = Vec::new();
    let mut wait = Duration::from_millis(50);
    for _ in 0..40 {
        let read = reader.read(&mirror, topic).await.map_err(wf)?;
        seen.extend(read.into_iter().map(|m| (m.sequence, m.bytes)));
        if let Some(entry) =
            admissions::entry(seen.iter().map(|(s, b)| (*s, b.as_slice())), sequence)
        {
            return Ok(entry);
        }
        Timers.sleep(wait).await;
        wait = (wait * 2).min(Duration::from_secs(1));
    }
    Err(Error::new(
        "MIRROR_TIMEOUT",
        format!("the mirror does not show admission record {sequence} on {topic} yet"),
    ))
}

fn wf(e: loyal_workflow::Error) -> Error {
    Error::new(e.code(), e.to_string())
}

fn main() {
    serve(record);
}
