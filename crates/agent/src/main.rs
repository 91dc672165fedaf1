//! `loyal-agent`: one per organisation. Prints one JSON object per line (`started`,
//! `step`, `outcome`, `paused`, `error`, `deployment`) so scripts and tests can follow it.
//!
//! ```text
//! loyal-agent [run] [--org FastShoes|all] --deployment deployment.json [--poll-ms N] [--once]
//! loyal-agent staff --org SuperMarathon --deployment deployment.json --workflow ID
//!             --request ID [--input name=value]... [--input-file name=path]...
//! loyal-agent setup --grpc-web URL --mirror URL --ipfs URL --out deployment.json [--twins N]
//!             [--network testnet --node 0.0.3 --organisations orgs.json]
//! loyal-agent up --grpc-web URL --mirror URL --ipfs URL --deployment deployment.json
//! loyal-agent seed --deployment deployment.json --out results.csv [--finishers 249]
//! ```
//!
//! `run` reads the inboxes every `--poll-ms` (default 50 on a devnet, whose mirror has a
//! message as soon as it is on the ledger and costs nothing to ask; 500 elsewhere), and at once
//! again after a pass that found requests.
//!
//! `up` is the demo's one command: it sets the journey up (unless the deployment file's
//! tokens are still on the network) and runs every organisation's agent. For the devnet on
//! its default ports:
//!
//! ```text
//! loyal-agent up --grpc-web http://127.0.0.1:50213 --mirror http://127.0.0.1:5551 \
//!                --ipfs http://127.0.0.1:5001 --deployment target/demo/deployment.json
//! ```
//!
//! On a devnet `setup` uses the genesis accounts and their published keys and writes the
//! keys into the deployment; elsewhere `--organisations` names each organisation's account
//! and key (`{"FastShoes": {"account": "0.0.x", "key": "302e…"}, …}`), and the file
//! written holds no key.
//!
//! The organisation's key is the deployment's `key`, else the environment variable named by
//! `key_env`, else the file `key_file`. `LOYAL_AGENT_PAUSE_AT=claimed|granted` makes the agent
//! stop at that step of the first request that reaches it, print `paused` and wait forever:
//! the crash tests kill it there.

mod args;
mod seed;

use args::Args;
use loyal_client::native::{HyperTransport, TokioRuntime};
use loyal_client::Client;
use loyal_core::key::PrivateKey;
use loyal_workflow::{Deployment, Error, Runner, UnitReport};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

fn emit(v: Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{v}");
    let _ = out.flush();
}

fn fail(e: &dyn std::fmt::Display, code: &str) -> ! {
    emit(json!({"event": "error", "code": code, "message": e.to_string()}));
    std::process::exit(1)
}

fn main() {
    let args = Args::parse(std::env::args().skip(1)).unwrap_or_else(|e| fail(&e, "USAGE"));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap_or_else(|e| fail(&e, "RUNTIME"));
    let result = rt.block_on(async {
        match args.command.as_str() {
            "setup" => setup(&args).await,
            "up" => up(&args).await,
            "staff" => staff(&args).await,
            "seed" => seed::seed(&args).await,
            _ => run(&args).await,
        }
    });
    if let Err(e) = result {
        fail(&e, &e.detail_code());
    }
}

fn report(r: &UnitReport) -> Value {
    json!({
        "event": "outcome",
        "workflow": r.workflow,
        "request": r.request,
        "account": r.account,
        "status": r.status,
        "code": r.code,
        "reason": r.reason,
        "transactions": r.transactions,
        "fields": r.fields,
        "settled_before": r.settled_before,
        "recorded": r.recorded,
    })
}

fn read_deployment(args: &Args) -> Result<Deployment, Error> {
    let path = args.required("deployment")?;
    let bytes = std::fs::read(&path).map_err(|e| Error::InvalidInput {
        input: path.clone(),
        reason: e.to_string(),
    })?;
    Deployment::from_json(&bytes)
}

fn client(d: &Deployment) -> Result<Client<HyperTransport, TokioRuntime>, Error> {
    Ok(
        Client::new(d.client_network()?, HyperTransport::default(), TokioRuntime)
            .with_backoff(Duration::from_millis(50), Duration::from_secs(2)),
    )
}

/// Prints each step (`claimed`, `granted`) as it happens; with `LOYAL_AGENT_PAUSE_AT` set,
/// stops for good at that step.
fn step_hook(org: &str) -> loyal_workflow::StepHook {
    let at = std::env::var("LOYAL_AGENT_PAUSE_AT").ok();
    let org = org.to_owned();
    Box::new(move |step: &str, request: &str| {
        emit(json!({"event": "step", "org": org, "step": step, "request": request}));
        if at.as_deref() == Some(step) {
            emit(json!({"event": "paused", "org": org, "step": step, "request": request}));
            loop {
                std::thread::sleep(Duration::from_secs(3600));
            }
        }
        false
    })
}

/// The organisation's key: the deployment's `key`, else `key_env`'s variable, else `key_file`.
fn org_key(deployment: &Deployment, org: &str) -> Result<PrivateKey, Error> {
    let o = deployment.organisation(org)?;
    let text = match (&o.key, &o.key_env, &o.key_file) {
        (Some(k), _, _) => k.clone(),
        (None, Some(var), _) if std::env::var(var).is_ok() => {
            std::env::var(var).unwrap_or_default()
        }
        (None, _, Some(file)) => {
            std::fs::read_to_string(file).map_err(|e| Error::InvalidInput {
                input: file.clone(),
                reason: e.to_string(),
            })?
        }
        _ => {
            return Err(Error::Unbound {
                field: format!("organisations.{org}"),
                name: "key / key_env / key_file".into(),
            })
        }
    };
    text.trim()
        .parse()
        .map_err(|e: loyal_core::Error| Error::InvalidInput {
            input: format!("{org}'s key"),
            reason: e.to_string(),
        })
}

/// Polls the inboxes of `--org NAME` (or of every organisation of the deployment with
/// `--org all`, one process for a demo).
async fn run(args: &Args) -> Result<(), Error> {
    let deployment = read_deployment(args)?;
    let org = args.optional("org").unwrap_or_else(|| "all".into());
    let orgs: Vec<String> = if org == "all" {
        deployment.organisations.keys().cloned().collect()
    } else {
        vec![org]
    };
    let c = client(&deployment)?;
    let mut runners = Vec::new();
    for org in &orgs {
        let key = org_key(&deployment, org)?;
        let runner = Runner::new(&c, deployment.clone(), org, key)?
            .with_journey()?
            .with_hook(step_hook(org));
        let workflows: Vec<String> = runner.workflows().map(|w| w.id.clone()).collect();
        emit(
            json!({"event": "started", "org": org, "workflows": workflows, "pid": std::process::id()}),
        );
        runners.push(runner);
    }
    let default_ms = if deployment.network.name == "devnet" {
        50
    } else {
        500
    };
    let poll = Duration::from_millis(args.number("poll-ms", default_ms)?);
    loop {
        let mut busy = false;
        for (org, runner) in orgs.iter().zip(runners.iter_mut()) {
            match runner.poll_inbox().await {
                Ok(reports) => {
                    busy |= !reports.is_empty();
                    reports.iter().for_each(|r| emit(report(r)));
                }
                // The request stays on the inbox: the next poll takes it up again.
                Err(e) => emit(
                    json!({"event": "error", "org": org, "code": e.detail_code(), "message": e.to_string()}),
                ),
            }
        }
        if args.flag("once") {
            return Ok(());
        }
        if !busy {
            tokio::time::sleep(poll).await;
        }
    }
}

async fn staff(args: &Args) -> Result<(), Error> {
    let deployment = read_deployment(args)?;
    let org = args.required("org")?;
    let key = org_key(&deployment, &org)?;
    let c = client(&deployment)?;
    let mut runner = Runner::new(&c, deployment, &org, key)?
        .with_journey()?
        .with_hook(step_hook(&org));
    let mut inputs = BTreeMap::new();
    for (name, value) in args.pairs("input")? {
        inputs.insert(name, Value::from(value));
    }
    for (name, path) in args.pairs("input-file")? {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::InvalidInput {
            input: path.clone(),
            reason: e.to_string(),
        })?;
        inputs.insert(name, Value::from(text));
    }
    let reports = runner
        .run_staff(
            &args.required("workflow")?,
            &args.required("request")?,
            &inputs,
        )
        .await?;
    reports.iter().for_each(|r| emit(report(r)));
    Ok(())
}

async fn setup(args: &Args) -> Result<(), Error> {
    create(args, &args.required("out")?).await
}

/// The demo's one command: the deployment at `--deployment` if the network still has its
/// tokens (a devnet with `--state`), else a new one set up there; then every organisation's
/// agent in this process.
async fn up(args: &Args) -> Result<(), Error> {
    let path = args.required("deployment")?;
    let existing = std::fs::read(&path)
        .ok()
        .and_then(|b| Deployment::from_json(&b).ok());
    let reuse = match &existing {
        Some(d) => {
            let c = client(d)?;
            let mirror = loyal_client::MirrorClient::new(
                c.transport(),
                c.runtime(),
                &c.network().mirror_url,
            );
            match d.tokens.get("twin") {
                Some(twin) => mirror.token(twin).await.is_ok(),
                None => false,
            }
        }
        None => false,
    };
    if !reuse {
        create(args, &path).await?;
    }
    run(args).await
}

/// `{"BestProducer": {"account": "0.0.x", "key": "302e…"}, …}`: the four organisations.
fn organisations(
    file: &str,
) -> Result<BTreeMap<String, (loyal_core::id::AccountId, PrivateKey)>, Error> {
    let bad = |reason: String| Error::InvalidInput {
        input: file.to_owned(),
        reason,
    };
    let text = std::fs::read_to_string(file).map_err(|e| bad(e.to_string()))?;
    let json: BTreeMap<String, BTreeMap<String, String>> =
        serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let mut out = BTreeMap::new();
    for name in loyal_workflow::setup::ORGANISATIONS {
        let entry = json.get(name).ok_or_else(|| bad(format!("no {name}")))?;
        let field = |f: &str| entry.get(f).ok_or_else(|| bad(format!("{name}: no {f}")));
        let account = field("account")?
            .parse()
            .map_err(|e: loyal_core::Error| bad(format!("{name}.account: {e}")))?;
        let key = field("key")?
            .parse()
            .map_err(|e: loyal_core::Error| bad(format!("{name}.key: {e}")))?;
        out.insert(name.to_owned(), (account, key));
    }
    Ok(out)
}

async fn create(args: &Args, out: &str) -> Result<(), Error> {
    let grpc_web = args.required("grpc-web")?;
    let ipfs = args.required("ipfs")?;
    let network = loyal_workflow::NetworkConfig {
        name: args.optional("network").unwrap_or_else(|| "devnet".into()),
        nodes: BTreeMap::from([(
            args.optional("node").unwrap_or_else(|| "0.0.3".into()),
            grpc_web,
        )]),
        mirror: args.required("mirror")?,
        ipfs_api: Some(ipfs.clone()),
        ipfs_gateway: Some(ipfs),
    };
    let mut seed = [0u8; 32];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut seed);
    let twins = args.number("twins", 5)? as u32;
    let mut config = loyal_workflow::setup::devnet_config(network, twins, seed)?;
    // Another network: the organisations' own accounts and keys, which stay out of the
    // deployment file (the agents read them from LOYAL_<ORG>_KEY).
    if let Some(file) = args.optional("organisations") {
        config.keys = organisations(&file)?;
        config.accounts.clear();
        config.include_keys = false;
    }
    let probe = Deployment {
        network: config.network.clone(),
        organisations: BTreeMap::new(),
        tokens: BTreeMap::new(),
        accounts: BTreeMap::new(),
    };
    let c = client(&probe)?;
    let deployment = loyal_workflow::setup::setup(&c, &config).await?;
    std::fs::write(out, deployment.to_json()).map_err(|e| Error::InvalidInput {
        input: out.to_owned(),
        reason: e.to_string(),
    })?;
    emit(json!({"event": "deployment", "path": out, "tokens": deployment.tokens}));
    Ok(())
}
