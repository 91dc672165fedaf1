//! The organisations' workflows as a customer's page meets them: which tokens and topics the
//! deployment names (`?deployment=URL`, a JSON file in `loyal-workflow`'s `Deployment` format;
//! only its public part is read: tokens, accounts, topics), a request posted on the
//! organisation's inbox topic — paid and signed in the customer's wallet — and its outcome
//! read from the organisation's outcomes topic on the mirror.

use std::collections::BTreeMap;
use std::time::Duration;

use loyal_client::mirror::TopicMessage;
use loyal_client::{HttpRequest, Runtime, Transport};
use loyal_core::id::TopicId;
use loyal_core::transaction::TopicMessageSubmitTransaction;
use loyal_workflow::{InboxRequest, Message, Status};
use serde_json::Value;

use crate::ledger::Boxed;
use crate::staff::WebClient;
use crate::wallet::Wallet;
use crate::{config, dom, nft, Error, Result};

/// The deployment the page's address names, if any.
pub fn load(client: &WebClient) -> Boxed<'_, Option<Value>> {
    Box::pin(async move {
        let Some(url) = config::param("deployment") else {
            return Ok(None);
        };
        let url = match url.strip_prefix('/') {
            // Same origin: the portals' own server.
            Some(_) => web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .map_or(url.clone(), |o| format!("{o}{url}")),
            None => url,
        };
        let answer = client
            .transport()
            .send(HttpRequest::get(url.clone()))
            .await?;
        if answer.status != 200 {
            return Err(Error::new(
                "DEPLOYMENT",
                format!("{url} answered {}", answer.status),
            ));
        }
        let v: Value = serde_json::from_slice(&answer.body)
            .map_err(|e| Error::new("DEPLOYMENT", format!("{url}: {e}")))?;
        Ok(Some(v))
    })
}

/// A token id by its journey name (`twin`, `accomplishment`, `ticket`): the page's
/// `?<name>=` first, then the deployment.
pub fn token(deployment: Option<&Value>, name: &str) -> Option<String> {
    config::param(name).or_else(|| deployment?["tokens"][name].as_str().map(str::to_owned))
}

/// The inbox and outcomes topics of `org`.
pub fn topics(deployment: Option<&Value>, org: &str) -> Result<(String, String)> {
    let o = deployment
        .map(|d| &d["organisations"][org])
        .ok_or_else(|| {
            Error::new(
                "NO_DEPLOYMENT",
                "this page needs ?deployment=URL for its workflows",
            )
        })?;
    match (o["inbox_topic"].as_str(), o["outcomes_topic"].as_str()) {
        (Some(i), Some(out)) => Ok((i.to_owned(), out.to_owned())),
        _ => Err(Error::new(
            "DEPLOYMENT",
            format!("the deployment names no topics for {org}"),
        )),
    }
}

/// What proofs for `org`'s inbox must name as their audience: the deployment's `audience`,
/// else `hcs://<inbox topic>` — the same default the organisation's runner applies
/// (`loyal_workflow::Organisation::audience`), so a deployment that sets its own is honoured.
pub fn audience(deployment: Option<&Value>, org: &str) -> Result<String> {
    let (inbox, _) = topics(deployment, org)?;
    Ok(deployment
        .and_then(|d| d["organisations"][org]["audience"].as_str())
        .map_or_else(|| format!("hcs://{inbox}"), str::to_owned))
}

/// A fresh request id (128 random bits, hex): the first request with an id counts.
pub fn request_id() -> String {
    let mut bytes = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut loyal_web::WebRng, &mut bytes);
    hex::encode(bytes)
}

/// Posts `request` on `inbox`, paid and signed in the customer's wallet.
pub fn post<'a>(
    wallet: &'a Wallet,
    client: &'a WebClient,
    inbox: &'a str,
    request: InboxRequest,
) -> Boxed<'a, ()> {
    Box::pin(async move {
        let topic: TopicId = inbox
            .parse()
            .map_err(|e| Error::new("DEPLOYMENT", format!("inbox topic {inbox:?}: {e}")))?;
        let bytes = Message::Request(request).to_bytes();
        let tx = TopicMessageSubmitTransaction::new()
            .with_topic_id(topic)
            .with_message(bytes);
        wallet.execute(client, tx, "send the request").await?;
        Ok(())
    })
}

/// Posts `request` on `org`'s inbox from the customer's wallet and waits for its outcome: the
/// granted outcome's fields, or the refusal as an error with the runner's code.
pub fn ask<'a>(
    wallet: &'a Wallet,
    client: &'a WebClient,
    (inbox, outcomes): (&'a str, &'a str),
    org: &'a str,
    request: InboxRequest,
) -> Boxed<'a, BTreeMap<String, Value>> {
    Box::pin(async move {
        let id = request.request.clone();
        // The outcome comes after everything on the topic now: only what follows is read.
        let after = last_sequence(client, outcomes).await?;
        post(wallet, client, inbox, request).await?;
        let answer = outcome(client, outcomes, &id, after, Duration::from_secs(60)).await?;
        if !answer.granted {
            return Err(Error::new(
                answer.code.unwrap_or_else(|| "REFUSED".into()),
                answer
                    .reason
                    .unwrap_or_else(|| format!("{org} refused the request")),
            ));
        }
        Ok(answer.fields)
    })
}

/// What the organisation answered.
pub struct Outcome {
    pub granted: bool,
    pub code: Option<String>,
    pub reason: Option<String>,
    pub fields: BTreeMap<String, Value>,
}

/// The last sequence number of `topic` (0 while the mirror has no message of it).
fn last_sequence<'a>(client: &'a WebClient, topic: &'a str) -> Boxed<'a, u64> {
    Box::pin(async move {
        let path = format!("/api/v1/topics/{topic}/messages?order=desc&limit=1");
        match nft::mirror(client)
            .pages::<TopicMessage>(path, "messages", 1)
            .collect()
            .await
        {
            Ok(last) => Ok(last.first().map_or(0, |m| m.sequence_number)),
            Err(loyal_client::Error::Http { status: 404, .. }) => Ok(0),
            Err(e) => Err(e.into()),
        }
    })
}

/// Polls the outcomes topic past sequence number `after` until the organisation's runner
/// records the outcome of `request` (or `timeout` passes: `NO_OUTCOME`, the runner may be
/// down); each poll reads only the messages the last one had not. A runner on the devnet answers
/// in a fraction of a second, on Hedera in seconds (mirror lag): asked again soon, then less
/// often.
pub fn outcome<'a>(
    client: &'a WebClient,
    outcomes: &'a str,
    request: &'a str,
    mut after: u64,
    timeout: Duration,
) -> Boxed<'a, Outcome> {
    Box::pin(async move {
        let deadline = client.runtime().now().as_nanos() + timeout.as_nanos() as i128;
        let mut wait = Duration::from_millis(25);
        loop {
            let path =
                format!("/api/v1/topics/{outcomes}/messages?limit=100&sequencenumber=gt:{after}");
            let messages: Vec<TopicMessage> = match nft::mirror(client)
                .pages(path, "messages", 10)
                .collect()
                .await
            {
                Ok(m) => m,
                Err(loyal_client::Error::Http { status: 404, .. }) => Vec::new(),
                Err(e) => return Err(e.into()),
            };
            for m in messages {
                after = after.max(m.sequence_number);
                if let Ok(Message::Outcome {
                    request: r,
                    status,
                    code,
                    reason,
                    fields,
                    ..
                }) = Message::from_bytes(&m.message)
                {
                    if r == request {
                        return Ok(Outcome {
                            granted: status == Status::Granted,
                            code,
                            reason,
                            fields,
                        });
                    }
                }
            }
            if client.runtime().now().as_nanos() > deadline {
                return Err(Error::new(
                    "NO_OUTCOME",
                    format!("no answer to request {request} yet"),
                ));
            }
            dom::busy("Waiting for the organisation's answer on the ledger…");
            client.runtime().sleep(wait).await;
            wait = (wait * 3 / 2).min(Duration::from_secs(1));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_is_the_deployments_else_the_inbox() {
        let mut d = serde_json::json!({ "organisations": { "StillWater": {
            "inbox_topic": "0.0.1001", "outcomes_topic": "0.0.1002" } } });
        assert_eq!(audience(Some(&d), "StillWater").unwrap(), "hcs://0.0.1001");
        d["organisations"]["StillWater"]["audience"] = "https://stillwater.example/tickets".into();
        assert_eq!(
            audience(Some(&d), "StillWater").unwrap(),
            "https://stillwater.example/tickets"
        );
        assert_eq!(
            audience(Some(&d), "Nobody").unwrap_err().code(),
            "DEPLOYMENT"
        );
        assert_eq!(
            audience(None, "StillWater").unwrap_err().code(),
            "NO_DEPLOYMENT"
        );
    }
}
