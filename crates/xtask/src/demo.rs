//! `cargo xtask demo`: the whole journey's world on one machine — the devnet on its default
//! ports, the organisations' agents (`loyal-agent up`: the journey's tokens and topics created
//! once, then every organisation's inbox served), the portals on http://127.0.0.1:8080/ and the
//! wallet extension built to load. Ctrl-C stops everything (the children share our process
//! group). Arguments go to the devnet (`--state DIR` keeps the ledger, and with it the
//! deployment, across runs), except `--journey`: it seeds what Alice's steps need before
//! she takes them (`loyal-agent seed`: the race's other finishers, the results file, an
//! order code) and prints the steps.

use crate::run::{cmd, root, spawn_ready, Output, Result};
use std::path::Path;
use std::process::Child;

const GRPC_WEB: &str = "http://127.0.0.1:50213";
const MIRROR: &str = "http://127.0.0.1:5551";
const IPFS: &str = "http://127.0.0.1:5001";

pub fn run(args: &[String]) -> Result {
    let started = std::time::Instant::now();
    let journey = args.iter().any(|a| a == "--journey");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--journey").collect();
    crate::install::all()?;
    let bin = crate::live::release_binaries()?;
    crate::portals::build()?;
    let extension = crate::wallet::build()?;

    let mut devnet = spawn_ready(
        cmd(bin.join("loyal-devnet").to_str().unwrap(), &[]).args(args),
        "devnet",
        |line| line.starts_with("Ready in"),
        Output::Echo,
    )?;

    let demo = root().join("target/demo");
    std::fs::create_dir_all(&demo).map_err(|e| e.to_string())?;
    let deployment = demo.join("deployment.json");
    let agents = spawn_ready(
        &mut cmd(
            bin.join("loyal-agent").to_str().unwrap(),
            &[
                "up",
                "--grpc-web",
                GRPC_WEB,
                "--mirror",
                MIRROR,
                "--ipfs",
                IPFS,
                "--deployment",
                deployment.to_str().unwrap(),
            ],
        ),
        "agents",
        |line| line.contains("\"event\":\"started\""),
        Output::Echo,
    );
    let agents = match agents {
        Ok(a) => a,
        Err(e) => {
            let _ = devnet.kill();
            return Err(e);
        }
    };
    let _agents = Guard(agents);
    let seeded = if journey {
        match crate::journey::seed(&bin.join("loyal-agent"), &deployment, &demo) {
            Ok(s) => Some(s),
            Err(e) => {
                let _ = devnet.kill();
                return Err(e);
            }
        }
    } else {
        None
    };
    let www = root().join("target/www");
    publish_deployment(&deployment, &www.join("deployment.json"), false)?;
    publish_deployment(&deployment, &www.join("deployment.staff.json"), true)?;

    let addr = crate::serve::spawn(www, "127.0.0.1:8080")
        .map_err(|e| format!("cannot serve the portals on 127.0.0.1:8080: {e}"))?;
    println!("\nPortals (each page reads the journey's tokens and topics from the deployment its address names):");
    println!("  landing page           http://{addr}/");
    for (_, dir) in crate::portals::PAGES {
        let file = if is_staff(dir) {
            "deployment.staff.json"
        } else {
            "deployment.json"
        };
        println!("  {dir:<22} http://{addr}/{dir}/?deployment=/{file}");
    }
    println!("\nWallet extension: {}", extension.display());
    println!("{}", crate::wallet::how_to_load(&extension));
    println!(
        "\nAgents: BestProducer, FastShoes, SuperMarathon and StillWater serve their inboxes (deployment: {}).\nCtrl-C stops the devnet, the agents and the portals.",
        deployment.display()
    );
    if let Some(seeded) = seeded {
        let agent = bin.join("loyal-agent");
        let steps = crate::journey::steps(&seeded, &addr.to_string(), &agent, &deployment);
        println!("{steps}");
    }
    println!("\nDemo ready in {:.1} s.", started.elapsed().as_secs_f64());
    let s = devnet.wait().map_err(|e| e.to_string())?;
    if s.success() {
        Ok(())
    } else {
        Err(format!("the devnet exited with {s}"))
    }
}

/// The organisations' own pages (their keys are typed in there), which also see the order codes
/// the till hands out; customers' pages and the gate do not.
fn is_staff(dir: &str) -> bool {
    dir == "bestproducer" || dir.ends_with("/staff")
}

/// The deployment as the portals may see it: every organisation's key left out (on the devnet
/// they are the published genesis keys, but a page has no business with them), and for
/// customers' pages the lookup tables too (FastShoes' order codes are what a buyer redeems).
fn publish_deployment(from: &Path, to: &Path, staff: bool) -> Result {
    let text = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    let mut json: serde_json::Value =
        serde_json::from_slice(&text).map_err(|e| format!("{}: {e}", from.display()))?;
    if let Some(orgs) = json["organisations"].as_object_mut() {
        for org in orgs.values_mut().filter_map(|o| o.as_object_mut()) {
            for secret in ["key", "key_env", "key_file"] {
                org.remove(secret);
            }
            if !staff {
                org.remove("tables");
            }
        }
    }
    let out = serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?;
    std::fs::write(to, out).map_err(|e| format!("{}: {e}", to.display()))
}

/// Kills the agents when the demo ends for any reason other than Ctrl-C.
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
