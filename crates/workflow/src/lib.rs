//! Token workflows as data, run by the organisation that owns them.
//!
//! A [`Workflow`] is a JSON document (schema: `schema/workflow.schema.json`, the journey's
//! four in `workflows/`): what starts it (a request on the organisation's HCS inbox topic, or
//! a staff action with typed inputs), the ownership proofs it requires, the token actions it
//! takes (mint with HIP-412 metadata on IPFS, NFT transfer, HIP-904 airdrop, fungible
//! transfer), how often it may be granted (`once_per`) and what it records. Token ids,
//! accounts and topics are symbolic (`$tokens.twin`) and bound from a [`Deployment`].
//!
//! The [`Runner`] executes workflows with the organisation's key over `loyal-client`'s
//! `Transport`/`Runtime` traits, so the same code runs in the `loyal-agent` binary and in a
//! staff page in the browser.
//!
//! # Exactly once, across runner instances and crashes
//!
//! Every grant has a *redemption key* (from `once_per`: the code, the account, the NFT or
//! the NFT pair, hashed). The organisation's outcomes topic is the single source of truth,
//! read in consensus (sequence) order:
//!
//! 1. **Claim first.** Before granting, a runner submits `claim {key, request}`. The first
//!    claim of a key in topic order *holds* it; later claims of a held key lose. A request
//!    whose key is held by another request is refused (`ALREADY_REDEEMED`).
//! 2. **Deterministic grants.** The grant transactions of a holding claim have fixed ids:
//!    payer the organisation, valid start the claim's consensus timestamp + *i* ns for the
//!    *i*-th transaction (1-based; the *k*-th claim of a batch, below, adds *k* · 100 ns: at
//!    most 9 claims a batch and 100 actions a workflow keep every id within the 1,000 ns
//!    Hedera's platform leaves before the next transaction, so no two claims share one),
//!    valid for the grant window; the memo names the request. Every
//!    runner that executes the grant — the claimant, a racing instance, a restarted one —
//!    submits the same ids, and the network executes an id at most once (a second
//!    submission is `DUPLICATE_TRANSACTION`; its receipt is the first one's). The window
//!    is the deployment's `grant_window_secs` (15–180 s, default 180), the same for every
//!    runner of the organisation.
//! 3. **Outcome last.** After the grant the runner records `outcome {request, claim,
//!    status}`. The first outcome of a request settles it; duplicates (two instances
//!    finishing the same grant) change nothing. A grant the network refused (e.g. the
//!    customer is not associated) is recorded `refused` with `released: true`: the key is
//!    free again for a later request.
//! 4. **Resume.** On start, and on every poll, a runner folds the whole topic
//!    ([`Ledger`]); every request on the inbox with no outcome is processed: with a holding
//!    claim it resumes at step 2 (same ids, so nothing is granted twice), without one it
//!    starts at step 1. No request is lost and none granted twice.
//! 5. **Renew.** A runner that finds a claim's window (nearly) over — it was down between
//!    claim and outcome — waits for the window to close and posts a new claim of the same
//!    request. It holds the key only if its consensus time is past the old window, so the
//!    old ids can no longer execute, and the mirror, which shows it only after everything
//!    before it, then says for good what the old ids did. Actions run in order, so the
//!    executed ones are a prefix: all executed → `granted`; otherwise what the executed ones
//!    bound (a mint's serial) is read back from the mirror and the rest run under the
//!    renewal's ids.
//!
//! A staff action's rows (SuperMarathon's hundreds of finishers) run in waves, side by side
//! within a wave: the wave's claims recorded and folded in, then the holding ones granted, then
//! their outcomes recorded. Each row keeps the order above; only rows interleave. A wave's
//! claims, and then its outcomes, go several to a topic message (a `batch`, folded in the order
//! it lists them, as if each were a message of its own). A wave is granted action by action:
//! every row's *i*-th transaction (its fixed id) submitted, then all confirmed together on the
//! mirror, whose first record of an id is what its receipt says (a mint's serial included),
//! before any row's next action; a mint's metadata goes to IPFS in one request for the wave
//! (content addressing: the same CIDs as one by one).
//!
//! Only records paid by the organisation's account count (setup also gives the outcomes
//! topic the organisation's submit key). A grant refused for its valid window alone
//! (`TRANSACTION_EXPIRED`: this runner's clock) is retried, never taken for a release. A
//! claimed request resumes only as claimed (same account and key), so a message reusing a
//! request id cannot redirect a grant. A request read from the inbox is checked against the
//! mirror it was read from, which already lists everything before it: its proof needs no
//! wait for mirror lag.

pub mod admissions;
mod csv;
mod definition;
mod deployment;
mod error;
mod grant;
mod join;
mod ledger;
mod messages;
mod runner;
mod staff;
mod topics;
mod wave;

pub mod seed;
pub mod setup;
mod template;
pub mod ttf;

pub use definition::{
    Action, Input, InputType, Limit, Lookup, OncePer, Outcome, ProofRequirement, Trigger, Workflow,
};
pub use deployment::{Deployment, NetworkConfig, Organisation};
pub use error::{Error, Result};
pub use ledger::{Claim, Ledger, OutcomeRecord};
pub use messages::{InboxRequest, Message, Status};
pub use runner::{Grant, Runner, StepHook, UnitReport};
pub use topics::{parse_timestamp, post_request, TopicReader, Whole};
pub use ttf::{classify, Classification, TokenInfo};

/// The journey's workflow definitions, as shipped (`workflows/*.json`).
pub const JOURNEY: &[(&str, &str)] = &[
    (
        "fastshoes.redeem-twin",
        include_str!("../workflows/fastshoes.redeem-twin.json"),
    ),
    (
        "fastshoes.challenge-join",
        include_str!("../workflows/fastshoes.challenge-join.json"),
    ),
    (
        "supermarathon.results",
        include_str!("../workflows/supermarathon.results.json"),
    ),
    (
        "stillwater.tickets",
        include_str!("../workflows/stillwater.tickets.json"),
    ),
];

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// What a staff page loads: every shipped definition parses, in the browser too.
    #[test]
    fn the_journey_definitions_parse() {
        for (id, json) in super::JOURNEY {
            let w = super::Workflow::from_json(json.as_bytes()).unwrap();
            assert_eq!(w.id, *id);
        }
    }
}
