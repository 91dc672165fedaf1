//! StillWater's venue gate: the gate shows a fresh code, the ticket holder's page signs a
//! ticket proof answering it (holder, at least one StillWater ticket, this gate as audience),
//! the gate pastes (or scans) it and verifies it against the mirror — the holder's key, a
//! genuine ticket (StillWater's treasury), held now, fresh, for this gate and this code — and
//! admits as many entries per holder as tickets the holder has, across every gate of the venue:
//! each admission is recorded on StillWater's outcomes topic with the staff key, and the topic
//! up to that record decides (`loyal_workflow::admissions`), so two scanners never let one
//! ticket in twice. Both run in a worker started for each admission
//! (`stillwater_gate_recorder`): the gate's cold load carries neither.

use std::rc::Rc;

use loyal_client::Client;
use loyal_core::id::{AccountId, TokenId};
use loyal_core::time::Timestamp;
use loyal_portals::dom::{self, input_value, on_click_with, set_text};
use loyal_portals::error::invalid;
use loyal_portals::staff::{Staff, WebClient};
use loyal_portals::{config, names, nft, proof, status, worker, workflow, Error, Result};
use loyal_proof::{MemoryNonceStore, Policy, Requirement, SignedPresentation};
use loyal_web::{Fetch, Timers};
use serde_json::Value;
use std::cell::RefCell;

/// Trunk's loader shim for the recorder worker, next to the page.
const RECORDER: &str = "./stillwater_gate_recorder_loader.js";

struct Gate {
    reader: WebClient,
    staff: Rc<Staff>,
    devnet: bool,
    deployment: RefCell<Option<Value>>,
    /// The code the next holder must answer.
    code: RefCell<String>,
    /// Codes answered: a proof is accepted once.
    nonces: RefCell<MemoryNonceStore>,
}

/// The gate's nonce store, borrowed for each call only (never across an await).
struct Shared<'a>(&'a RefCell<MemoryNonceStore>);

impl loyal_proof::NonceStore for Shared<'_> {
    fn issue(&mut self) -> String {
        self.0.borrow_mut().issue()
    }
    fn consume(&mut self, nonce: &str) -> bool {
        self.0.borrow_mut().consume(nonce)
    }
}

impl Gate {
    fn new_code(&self) {
        use loyal_proof::NonceStore;
        let code = self.nonces.borrow_mut().issue();
        set_text("gate-code", &code);
        *self.code.borrow_mut() = code;
    }

    async fn admit(&self) -> Result<(String, u64, u64)> {
        // Before the proof is checked (which uses up the code): without the key nothing can
        // be recorded, and the holder would have to sign again.
        let (account, key) = (self.staff.account()?, self.staff.key()?);
        let text = input_value("proof");
        let signed = SignedPresentation::from_text(&text)?;
        let d = self.deployment.borrow().clone();
        let ticket: TokenId = workflow::token(d.as_ref(), "ticket")
            .ok_or_else(|| Error::new("DEPLOYMENT", "the deployment names no ticket"))?
            .parse()
            .map_err(|e| invalid("ticket", e))?;
        let treasury: AccountId = d
            .as_ref()
            .and_then(|d| {
                d["organisations"]["StillWater"]["account"]
                    .as_str()
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| format!("0.0.{}", names::STILL_WATER))
            .parse()
            .map_err(|e| invalid("StillWater account", e))?;
        if signed.presentation.nonce != *self.code.borrow() {
            return Err(Error::new(
                "PROOF_NONCE",
                "the proof answers another code: show the current one",
            ));
        }
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let now = Timestamp::from_unix_nanos(loyal_web::now_nanos());
        let policy = Policy::new(proof::gate_audience(&origin), proof::GATE_PURPOSE, now)
            .with_max_mirror_lag(std::time::Duration::ZERO)
            .with_requirement(Requirement::fungible(ticket, 1).with_treasury(treasury));
        dom::busy("Checking the ticket proof against the ledger…");
        let mirrors = [nft::mirror(&self.reader)];
        let ipfs = nft::ipfs(&self.reader)?;
        let verified =
            loyal_proof::verify(&signed, &policy, &mut Shared(&self.nonces), &mirrors, &ipfs)
                .await?;
        let tickets = verified.claims.iter().map(|c| c.amount).max().unwrap_or(0);
        let holder = verified.holder.to_string();
        let deployment = d.ok_or_else(|| {
            Error::new(
                "NO_DEPLOYMENT",
                "this page needs ?deployment=URL for its workflows",
            )
        })?;
        dom::busy("Recording the admission on StillWater's topic, then counting this holder's entries at every gate…");
        let job = serde_json::json!({
            "deployment": deployment, "account": account.to_string(),
            "key": key.to_string_der().to_string(),
            "token": ticket.to_string(), "holder": holder, "nonce": signed.presentation.nonce,
            "tickets": tickets,
        });
        let done = worker::run(RECORDER, &job, |_| {}).await?;
        let number = |name: &str| done[name].as_u64().unwrap_or(0);
        if done["admitted"] == true {
            Ok((holder, number("number"), number("tickets")))
        } else {
            Err(Error::new(
                "ALREADY_ADMITTED",
                format!(
                    "{holder} holds {} ticket(s) and has entered {} time(s)",
                    number("tickets"),
                    number("entered")
                ),
            ))
        }
    }
}

fn main() {
    config::carry_links();
    let network = match config::network() {
        Ok(n) => n,
        Err(e) => return status::fail(&e),
    };
    set_text("network", &config::describe(&network));
    let gate = Rc::new(Gate {
        staff: Staff::install("StillWater", names::STILL_WATER, network.clone()),
        devnet: config::is_devnet(&network),
        reader: Client::new(network, Fetch, Timers),
        deployment: RefCell::new(None),
        code: RefCell::new(String::new()),
        nonces: RefCell::new(MemoryNonceStore::new(
            || Timestamp::from_unix_nanos(loyal_web::now_nanos()),
            |buf| rand_core::RngCore::fill_bytes(&mut loyal_web::WebRng, buf),
        )),
    });
    gate.new_code();
    let first = gate.clone();
    dom::on_load(async move {
        *first.deployment.borrow_mut() = workflow::load(&first.reader).await?;
        dom::done("Ready: show the code to the next ticket holder.");
        Ok(())
    });
    on_click_with("admit", &gate, |g| async move {
        let result = g.admit().await;
        g.new_code();
        let (holder, n, of) = result?;
        let label = names::label(&holder, g.devnet);
        set_text(
            "admitted",
            &format!("✓ Admitted {label}: entry {n} of {of}."),
        );
        dom::set_value("proof", "");
        dom::done(&format!("Admitted {label} ({n} of {of})."));
        Ok(())
    });
}
