//! Running commands: streamed output, captured where a summary must be parsed.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T = (), E = String> = std::result::Result<T, E>;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// Where cargo puts what it builds: `CARGO_TARGET_DIR` if the user set one, else `target/`.
/// (What xtask itself writes — benchmark JSON, the pages, screenshots — stays in `target/`.)
pub fn cargo_target() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root());
    c
}

/// Runs to completion with inherited output; an error names the command.
pub fn status(mut c: Command) -> Result {
    let shown = format!("{c:?}");
    let s = c.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if s.success() {
        Ok(())
    } else {
        Err(format!("{shown} exited with {s}"))
    }
}

/// Runs with stdout+stderr streamed to ours line by line and also returned.
pub fn tee(mut c: Command) -> (bool, String) {
    let shown = format!("{c:?}");
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match c.spawn() {
        Ok(child) => child,
        Err(e) => return (false, format!("cannot run {shown}: {e}")),
    };
    let stderr = child.stderr.take().unwrap();
    let err_thread = std::thread::spawn(move || {
        let mut out = String::new();
        for line in BufReader::new(stderr).lines().map_while(|l| l.ok()) {
            eprintln!("{line}");
            out.push_str(&line);
            out.push('\n');
        }
        out
    });
    let mut out = String::new();
    for line in BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(|l| l.ok())
    {
        println!("{line}");
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&err_thread.join().unwrap_or_default());
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, out)
}

pub fn output(mut c: Command) -> Option<String> {
    let o = c.stderr(Stdio::null()).output().ok()?;
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// How a long-running child's output is shown once it is up.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Its stdout echoed line by line as `name: line`, its stderr inherited (the demo).
    Echo,
    /// Nothing shown (a test suite's devnet); stderr kept to explain a failed start.
    Quiet,
}

/// Starts `c` and returns once a line of its stdout satisfies `ready`; an error, carrying what
/// it wrote to stderr when `Quiet`, if it exits first. Both pipes are drained for the child's
/// whole life, so a chatty child never blocks on a full pipe.
pub fn spawn_ready(
    c: &mut Command,
    name: &str,
    ready: fn(&str) -> bool,
    output: Output,
) -> Result<std::process::Child> {
    c.stdout(Stdio::piped());
    if output == Output::Quiet {
        c.stderr(Stdio::piped());
    }
    let mut child = c
        .spawn()
        .map_err(|e| format!("cannot start the {name}: {e}"))?;
    let stderr = child.stderr.take().map(|e| {
        std::thread::spawn(move || {
            let mut text = String::new();
            for line in BufReader::new(e).lines().map_while(|l| l.ok()) {
                // Only the start-up's story is worth keeping for an error message.
                if text.len() < 16 * 1024 {
                    text.push_str(&line);
                    text.push('\n');
                }
            }
            text
        })
    });
    let mut lines = BufReader::new(child.stdout.take().expect("piped")).lines();
    let echo = |line: &str| {
        if output == Output::Echo {
            println!("{name}: {line}");
        }
    };
    for line in lines.by_ref().map_while(|l| l.ok()) {
        echo(&line);
        if ready(&line) {
            let name = name.to_owned();
            std::thread::spawn(move || {
                for line in lines.map_while(|l| l.ok()) {
                    if output == Output::Echo {
                        println!("{name}: {line}");
                    }
                }
            });
            return Ok(child);
        }
    }
    let s = child.wait().map_err(|e| e.to_string())?;
    let err = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    Err(format!(
        "the {name} exited before it was ready ({s}){}{}",
        if err.is_empty() { "" } else { ": " },
        err.trim_end()
    ))
}

/// Whether every file in `outputs` exists and is newer than every file under `inputs`
/// (recursively; `target` and `node_modules` skipped). For binaries whose cargo fingerprint
/// never holds: hedera-proto's build script rewrites its generated sources on every cargo
/// invocation, so `cargo build` of the devnet recompiles it (minutes in release) even when
/// nothing changed.
pub fn newer_than(outputs: &[PathBuf], inputs: &[PathBuf]) -> bool {
    fn newest(path: &Path, acc: &mut std::time::SystemTime) -> std::io::Result<()> {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            for entry in std::fs::read_dir(path)? {
                let entry = entry?;
                let name = entry.file_name();
                if name != "target" && name != "node_modules" && name != ".git" {
                    newest(&entry.path(), acc)?;
                }
            }
        } else {
            *acc = (*acc).max(meta.modified()?);
        }
        Ok(())
    }
    let mut latest = std::time::SystemTime::UNIX_EPOCH;
    if inputs.iter().any(|i| newest(i, &mut latest).is_err()) {
        return false;
    }
    outputs.iter().all(|o| {
        std::fs::metadata(o)
            .and_then(|m| m.modified())
            .is_ok_and(|built| built > latest)
    })
}
