//! The agent binary as organisations run it: two instances racing on one inbox grant once;
//! an instance killed with SIGKILL between claim and outcome is restarted and neither loses
//! the request nor grants twice.

mod cli;
#[path = "../../workflow/tests/common/mod.rs"]
mod common;

use cli::results_staff;
use common::*;
use loyal_workflow::setup::order_code;
use loyal_workflow::Deployment;
use serde_json::{json, Value};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

/// A running `loyal-agent`, its stdout lines as JSON.
struct Agent {
    child: Child,
    lines: Receiver<Value>,
}

impl Agent {
    fn start(deployment: &std::path::Path, org: &str, pause_at: Option<&str>) -> Agent {
        let path = deployment.to_string_lossy().into_owned();
        Self::spawn(
            &["--org", org, "--deployment", &path, "--poll-ms", "100"],
            pause_at,
        )
    }

    fn spawn(args: &[impl AsRef<OsStr>], pause_at: Option<&str>) -> Agent {
        Self::spawn_with_env(args, pause_at, &[])
    }

    fn spawn_with_env(
        args: &[impl AsRef<OsStr>],
        pause_at: Option<&str>,
        env: &[(&str, String)],
    ) -> Agent {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_loyal-agent"));
        cmd.args(args)
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .env_remove("LOYAL_AGENT_PAUSE_AT");
        if let Some(step) = pause_at {
            cmd.env("LOYAL_AGENT_PAUSE_AT", step);
        }
        let mut child = cmd.spawn().unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let v = serde_json::from_str(&line)
                    .unwrap_or_else(|_| json!({"event": "text", "line": line}));
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Agent { child, lines }
    }

    /// The first line satisfying `want` (others are kept in `seen`), within 60 s.
    fn wait(&self, seen: &mut Vec<Value>, what: &str, want: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = self
                .lines
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no {what} within 60 s; saw {seen:#?}"));
            seen.push(line.clone());
            if want(&line) {
                return line;
            }
        }
    }

    /// The outcome of `request`, which must be a grant.
    fn granted(&self, seen: &mut Vec<Value>, request: &str) -> Value {
        let o = self.wait(seen, "outcome", outcome_for(request));
        assert_eq!(o["status"], "granted", "{o}");
        o
    }

    /// Waits for the pause `want` describes, then kills the agent there with SIGKILL.
    fn kill_9_when(self, seen: &mut Vec<Value>, what: &str, want: impl Fn(&Value) -> bool) {
        self.wait(seen, what, want);
        self.kill_9();
    }

    /// SIGKILL: no destructor, no flush, nothing after the step it stands at.
    fn kill_9(mut self) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill")
            .args(["-9", &pid])
            .status()
            .unwrap()
            .success());
        self.child.wait().unwrap();
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn outcome_for<'a>(request: &'a str) -> impl Fn(&Value) -> bool + 'a {
    move |v| v["event"] == "outcome" && v["request"] == request
}

fn paused_at<'a>(step: &'a str) -> impl Fn(&Value) -> bool + 'a {
    move |v| v["event"] == "paused" && v["step"] == step
}

fn temp_file(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("loyal-agent-{}-{name}", std::process::id()))
}

fn write_deployment(d: &Deployment, name: &str) -> std::path::PathBuf {
    let path = temp_file(&format!("{name}.json"));
    std::fs::write(&path, d.to_json()).unwrap();
    path
}

/// The staff action publishing Alice's 250th place from a results file written for it.
fn alice_results_staff(
    deployment: &std::path::Path,
    request: &str,
) -> (Vec<String>, std::path::PathBuf) {
    let csv = temp_file(&format!("{request}.csv"));
    std::fs::write(&csv, "account,position,time\n0.0.1005,250,3:41:07\n").unwrap();
    let args = results_staff(deployment.to_str().unwrap(), request, csv.to_str().unwrap());
    (args, csv)
}

/// The records of one `kind` (claim, outcome) on an outcomes topic.
fn of_type<'a>(records: &'a [Value], kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    records.iter().filter(move |r| r["type"] == kind)
}

/// The outcomes topic's messages, as JSON.
async fn outcomes(c: &NativeClient, d: &Deployment, org: &str) -> Vec<Value> {
    let msgs = mirror(c)
        .topic_messages(&d.organisations[org].outcomes_topic, 100)
        .collect()
        .await
        .unwrap();
    msgs.iter()
        .map(|m| serde_json::from_slice(&m.message).unwrap())
        .collect()
}

/// How many times the mirror saw twin `serial` move to `to`.
async fn transfers_to(
    c: &NativeClient,
    token: loyal_core::id::TokenId,
    serial: u64,
    to: &str,
) -> usize {
    let history = mirror(c)
        .nft_transfers(&token.to_string(), serial as i64, 10)
        .collect()
        .await
        .unwrap();
    history
        .iter()
        .filter(|t| t.receiver_account_id.as_deref() == Some(to))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_agents_racing_on_one_inbox_grant_once() {
    // With mirror lag each agent decides on a view that is behind: consensus order decides.
    let config =
        loyal_devnet::DevnetConfig::ephemeral().with_mirror_lag(Duration::from_millis(400));
    let (_devnet, d, c) = journey(config).await;
    let twin = token(&d, "twin");
    associate(&c, "Alice", &[twin]).await;
    associate(&c, "Bob", &[twin]).await;
    let path = write_deployment(&d, "race");
    let (a, b) = (
        Agent::start(&path, "FastShoes", None),
        Agent::start(&path, "FastShoes", None),
    );
    // Both poll every 100 ms: requests posted now reach both at about the same time.
    let code1 = order_code(&SEED, 1);
    let code2 = order_code(&SEED, 2);
    redeem(&c, &d, "Alice", "race-alice-1", &code1).await;
    redeem(&c, &d, "Bob", "race-bob-1", &code1).await;
    redeem(&c, &d, "Bob", "race-bob-2", &code2).await;
    let (mut seen_a, mut seen_b) = (Vec::new(), Vec::new());
    for (agent, seen) in [(&a, &mut seen_a), (&b, &mut seen_b)] {
        for id in ["race-alice-1", "race-bob-1", "race-bob-2"] {
            let o = agent.wait(seen, id, outcome_for(id));
            let expected = if id == "race-bob-1" {
                "refused"
            } else {
                "granted"
            };
            assert_eq!(o["status"], expected, "{o}");
        }
    }
    // Each serial moved once to its redeemer; the first claim of code 1 won.
    assert_eq!(transfers_to(&c, twin, 1, "0.0.1005").await, 1);
    assert_eq!(transfers_to(&c, twin, 1, "0.0.1006").await, 0);
    assert_eq!(transfers_to(&c, twin, 2, "0.0.1006").await, 1);
    let records = outcomes(&c, &d, "FastShoes").await;
    let granted: Vec<&Value> = of_type(&records, "outcome")
        .filter(|r| r["status"] == "granted")
        .collect();
    let mut requests: Vec<&str> = granted
        .iter()
        .map(|r| r["request"].as_str().unwrap())
        .collect();
    requests.sort();
    requests.dedup();
    assert_eq!(requests, ["race-alice-1", "race-bob-2"]);
    // Whatever the interleaving, a request's recorded transaction is the one that executed.
    for r in &granted {
        let tx = r["transactions"][0].as_str().unwrap();
        assert!(granted
            .iter()
            .filter(|g| g["request"] == r["request"])
            .all(|g| g["transactions"][0] == tx));
    }
    eprintln!(
        "race: {} claims and {} outcomes recorded by two agents for 3 requests",
        of_type(&records, "claim").count(),
        of_type(&records, "outcome").count()
    );
    let _ = std::fs::remove_file(path);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_between_claim_and_outcome_loses_nothing_and_grants_once() {
    let (_devnet, d, c) = journey(loyal_devnet::DevnetConfig::ephemeral()).await;
    let (twin, medal, ticket) = (
        token(&d, "twin"),
        token(&d, "accomplishment"),
        token(&d, "ticket"),
    );
    associate(&c, "Alice", &[twin, ticket, medal]).await;
    let path = write_deployment(&d, "crash");

    // Killed after claiming, before granting: the restarted agent grants.
    redeem(&c, &d, "Alice", "crash-redeem-1", &order_code(&SEED, 1)).await;
    let mut seen = Vec::new();
    Agent::start(&path, "FastShoes", Some("claimed")).kill_9_when(
        &mut seen,
        "pause at claimed",
        paused_at("claimed"),
    );
    assert_eq!(
        owner(&c, twin, 1).await.as_deref(),
        Some("0.0.1002"),
        "nothing granted before the kill"
    );
    let again = Agent::start(&path, "FastShoes", None);
    let o = again.granted(&mut seen, "crash-redeem-1");
    assert_eq!(o["settled_before"], false);
    assert_eq!(owner(&c, twin, 1).await.as_deref(), Some("0.0.1005"));
    drop(again);

    // Alice's accomplishment: the results staff action killed between the mint and the
    // airdrop and run again at once; the mint is not repeated (same id: its receipt gives
    // the serial) and the airdrop follows.
    let (staff, csv) = alice_results_staff(&path, "results");
    Agent::spawn(&staff, Some("action-1")).kill_9_when(
        &mut seen,
        "pause after the mint",
        paused_at("action-1"),
    );
    let again = Agent::spawn(&staff, None);
    again.granted(&mut seen, "results#1");
    assert_eq!(owner(&c, medal, 1).await.as_deref(), Some("0.0.1005"));
    assert_eq!(minted(&c, medal).await, 1, "minted once");
    let _ = std::fs::remove_file(csv);

    // Killed after granting the tickets, before recording the outcome: the restarted agent
    // finds its grant done (same transaction id) and records it; Alice has 2 tickets, not 4.
    let pair = [(twin, 1), (medal, 1)];
    TICKETS
        .ask(&c, &d, "Alice", "crash-tickets-0001", &pair)
        .await;
    Agent::start(&path, "StillWater", Some("granted")).kill_9_when(
        &mut seen,
        "pause at granted",
        paused_at("granted"),
    );
    assert_eq!(
        balance(&c, "Alice", ticket).await,
        2,
        "granted before the kill"
    );
    let records = outcomes(&c, &d, "StillWater").await;
    assert_eq!(of_type(&records, "outcome").count(), 0);
    let again = Agent::start(&path, "StillWater", None);
    again.granted(&mut seen, "crash-tickets-0001");
    assert_eq!(balance(&c, "Alice", ticket).await, 2, "no double grant");
    let records = outcomes(&c, &d, "StillWater").await;
    assert_eq!(of_type(&records, "claim").count(), 1);
    assert_eq!(of_type(&records, "outcome").count(), 1);
    let _ = std::fs::remove_file(path);
}

/// A runner down longer than the grant window: the claim is renewed once the window has
/// closed, and the mirror decides what the old transaction ids did.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_claim_outliving_its_grant_window_is_renewed_without_double_grant() {
    let (_devnet, mut d, c) = journey(loyal_devnet::DevnetConfig::ephemeral()).await;
    // The shortest valid duration Hedera accepts, so the test waits 15 s, not 180.
    for org in ["FastShoes", "SuperMarathon"] {
        d.organisations.get_mut(org).unwrap().grant_window_secs = 15;
    }
    let twin = token(&d, "twin");
    associate(&c, "Alice", &[twin]).await;
    let path = write_deployment(&d, "window");
    let mut seen = Vec::new();
    // Results: killed between the mint and the airdrop, back after the window (below). The
    // mint is found on the mirror (its serial read back), the airdrop runs under the
    // renewal's id.
    let (staff, csv) = alice_results_staff(&path, "window-results");
    Agent::spawn(&staff, Some("action-1")).kill_9_when(
        &mut seen,
        "pause after the mint",
        paused_at("action-1"),
    );
    for (serial, id, pause) in [(1, "window-1", "claimed"), (2, "window-2", "granted")] {
        redeem(&c, &d, "Alice", id, &order_code(&SEED, serial)).await;
        Agent::start(&path, "FastShoes", Some(pause)).kill_9_when(&mut seen, pause, |v| {
            v["event"] == "paused" && v["request"] == id
        });
        tokio::time::sleep(Duration::from_secs(16)).await;
        let again = Agent::start(&path, "FastShoes", None);
        again.granted(&mut seen, id);
        assert_eq!(
            transfers_to(&c, twin, serial, "0.0.1005").await,
            1,
            "{id}: one transfer"
        );
        let records = outcomes(&c, &d, "FastShoes").await;
        let of_id = |kind| {
            of_type(&records, kind)
                .filter(|r| r["request"] == id)
                .count()
        };
        assert_eq!(of_id("claim"), 2, "{id}: the claim and its renewal");
        assert_eq!(of_id("outcome"), 1);
    }

    // (The FastShoes cases above took more than its 15 s window.)
    let again = Agent::spawn(&staff, None);
    let o = again.granted(&mut seen, "window-results#1");
    let medal = token(&d, "accomplishment");
    assert_eq!(o["fields"]["accomplishment"], json!(format!("{medal}#1")));
    assert_eq!(minted(&c, medal).await, 1, "minted once");
    let pending = mirror(&c)
        .pending_airdrops("0.0.1005", 5)
        .collect()
        .await
        .unwrap();
    assert_eq!(pending.len(), 1, "airdropped once: {pending:?}");
    let records = outcomes(&c, &d, "SuperMarathon").await;
    assert_eq!(
        of_type(&records, "claim").count(),
        2,
        "the claim and its renewal"
    );
    let _ = std::fs::remove_file(csv);
    let _ = std::fs::remove_file(path);
}

/// Set up as on a network whose keys are not public: the deployment written holds no key,
/// and the agent takes its organisation's key from the environment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn setup_with_the_organisations_own_keys_and_an_agent_keyed_from_the_environment() {
    let devnet = loyal_devnet::spawn(loyal_devnet::DevnetConfig::ephemeral())
        .await
        .unwrap();
    let dir = std::env::temp_dir().join(format!("loyal-agent-{}-keys", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let orgs: serde_json::Map<String, Value> = loyal_workflow::setup::ORGANISATIONS
        .iter()
        .map(|o| (o.to_string(), json!({"account": account(o).to_string(), "key": key(o).to_string_der().to_string()})))
        .collect();
    let orgs_file = dir.join("orgs.json");
    std::fs::write(&orgs_file, Value::Object(orgs).to_string()).unwrap();
    let out = dir.join("deployment.json");
    let n = network_config(&devnet);
    let status = Command::new(env!("CARGO_BIN_EXE_loyal-agent"))
        .args([
            "setup",
            "--grpc-web",
            &n.nodes["0.0.3"],
            "--mirror",
            &n.mirror,
            "--ipfs",
            n.ipfs_api.as_deref().unwrap(),
        ])
        .arg("--organisations")
        .arg(&orgs_file)
        .arg("--out")
        .arg(&out)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let d = Deployment::from_json(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        d.organisations.values().all(|o| o.key.is_none()),
        "no key written"
    );
    let c = client(d.client_network().unwrap());
    let twin = token(&d, "twin");
    associate(&c, "Alice", &[twin]).await;
    let (code, _) = d.organisations["FastShoes"].tables["orders"]
        .iter()
        .next()
        .unwrap();
    redeem(&c, &d, "Alice", "env-key-1", code).await;
    let path = out.to_string_lossy().into_owned();
    let args = [
        "--org",
        "FastShoes",
        "--deployment",
        &path,
        "--poll-ms",
        "100",
    ];
    // Without the key the agent says so and stops.
    let keyless = Command::new(env!("CARGO_BIN_EXE_loyal-agent"))
        .args(args)
        .env_remove("LOYAL_FASTSHOES_KEY")
        .output()
        .unwrap();
    assert!(!keyless.status.success());
    assert!(String::from_utf8_lossy(&keyless.stdout).contains("WORKFLOW_UNBOUND"));
    let agent = Agent::spawn_with_env(
        &args,
        None,
        &[(
            "LOYAL_FASTSHOES_KEY",
            key("FastShoes").to_string_der().to_string(),
        )],
    );
    agent.granted(&mut Vec::new(), "env-key-1");
    let _ = std::fs::remove_dir_all(dir);
}
