//! Idempotent installs: each check is cheap, and only what is missing gets installed.

use crate::run::{self, cmd, have, output, root, status, Result};

pub const APT_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "binaryen",
    "protobuf-compiler",
    // protoc's well-known types (google/protobuf/*.proto) for hedera-proto's build.
    "libprotobuf-dev",
];
pub const NODE_PROJECTS: &[&str] = &[
    "tests/sdk",
    "tests/devnet",
    "tests/ipfs",
    "tests/pkg",
    "tests/console",
    "tests/wallet",
    "tests/proof",
    "tests/portals",
];

pub fn all() -> Result {
    rust_target()?;
    apt()?;
    wasm_bindgen_cli()?;
    trunk()?;
    for p in NODE_PROJECTS {
        npm(p)?;
    }
    for p in PYTHON_PROJECTS {
        python_venv(p)?;
    }
    Ok(())
}

/// Python tools (pinned in each project's requirements.txt) live in the project's own `.venv`.
pub const PYTHON_PROJECTS: &[&str] = &["tests/mirror"];

/// Creates `project/.venv` and installs `requirements.txt` when it changed since the last run.
pub fn python_venv(project: &str) -> Result {
    let dir = root().join(project);
    let requirements = std::fs::read(dir.join("requirements.txt"))
        .map_err(|e| format!("{project}/requirements.txt: {e}"))?;
    let stamp_path = dir.join(".venv/.loyal-requirements-stamp");
    let stamp = format!("{:x}", fnv(&requirements));
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    eprintln!("xtask: python venv in {project}");
    let mut venv = cmd("python3", &["-m", "venv", ".venv"]);
    venv.current_dir(&dir);
    status(venv)?;
    let mut pip = cmd(
        ".venv/bin/pip",
        &[
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            "requirements.txt",
        ],
    );
    pip.current_dir(&dir);
    status(pip)?;
    std::fs::write(&stamp_path, stamp).map_err(|e| e.to_string())
}

pub fn rust_target() -> Result {
    let installed = output(cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    eprintln!("xtask: installing rustup target wasm32-unknown-unknown");
    status(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

pub fn apt() -> Result {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| {
            !output(cmd("dpkg-query", &["-W", "-f=${Status}", p]))
                .is_some_and(|s| s.contains("install ok installed"))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    eprintln!("xtask: installing Debian packages {missing:?}");
    let sudo = if output(cmd("id", &["-u"])).is_some_and(|u| u.trim() == "0") {
        vec![]
    } else {
        vec!["sudo"]
    };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.clone();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut c = cmd(all[0], &all[1..]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        status(c)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(missing);
    apt(&args)
}

/// The CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

pub fn wasm_bindgen_cli() -> Result {
    let want = wasm_bindgen_version()?;
    let have_version = output(cmd("wasm-bindgen", &["--version"])).unwrap_or_default();
    if have_version.split_whitespace().nth(1) == Some(want.as_str())
        && have("wasm-bindgen-test-runner")
    {
        return Ok(());
    }
    eprintln!("xtask: installing wasm-bindgen-cli {want}");
    // Not --locked: the CLI's own lockfile asks for crate versions the registry may not serve.
    status(cmd(
        "cargo",
        &["install", "wasm-bindgen-cli", "--version", &want],
    ))
}

pub const TRUNK_VERSION: &str = "0.21.14";

/// Trunk builds the portals; 0.21 is the last line that builds with this toolchain (0.22 needs
/// a newer rustc). `--locked` works for trunk (unlike wasm-bindgen-cli).
pub fn trunk() -> Result {
    let have_version = output(cmd("trunk", &["--version"])).unwrap_or_default();
    if have_version.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
        return Ok(());
    }
    eprintln!("xtask: installing trunk {TRUNK_VERSION} (a few minutes, once)");
    status(cmd(
        "cargo",
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    ))
}

/// `npm ci` when node_modules is missing or older than the lockfile's content.
pub fn npm(project: &str) -> Result {
    let dir = root().join(project);
    let lock = std::fs::read(dir.join("package-lock.json"))
        .map_err(|e| format!("{project}/package-lock.json: {e}"))?;
    let stamp_path = dir.join("node_modules/.loyal-lock-stamp");
    let stamp = format!("{:x}", fnv(&lock));
    if std::fs::read_to_string(&stamp_path).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    eprintln!("xtask: npm ci in {project}");
    let mut c = run::cmd(
        "npm",
        &["ci", "--no-audit", "--no-fund", "--loglevel=error"],
    );
    c.current_dir(&dir);
    status(c)?;
    std::fs::write(&stamp_path, stamp).map_err(|e| e.to_string())
}

fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ *b as u64).wrapping_mul(0x100000001b3)
    })
}
