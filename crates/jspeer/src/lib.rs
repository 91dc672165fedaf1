//! The JS peers of the native tests: scripts under `tests/<project>/` run with Node against
//! the official libraries (`@hashgraph/sdk`, the JS IPFS importer) installed there by
//! `cargo xtask install`. A peer that is not installed, or fails, fails the test with what it
//! wrote to stderr — never a skip, so a suite cannot pass by not running its oracle.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One run of `node <script> [args]` in `tests/<project>/`, with optional stdin.
#[must_use]
pub struct Peer {
    dir: PathBuf,
    script: String,
    args: Vec<String>,
    stdin: Option<String>,
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root")
}

impl Peer {
    /// `needs` is an npm package the script imports: its absence means the project was never
    /// installed, which is said with the command that installs it.
    pub fn new(project: &str, needs: &str, script: &str) -> Self {
        let dir = workspace_root().join("tests").join(project);
        assert!(
            dir.join("node_modules").join(needs).exists(),
            "{needs} is not installed in tests/{project}: run `cargo xtask install` \
             (or `npm ci --prefix tests/{project}`)"
        );
        Peer {
            dir,
            script: script.to_owned(),
            args: Vec::new(),
            stdin: None,
        }
    }

    pub fn with_args<I: IntoIterator<Item = S>, S: ToString>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(|a| a.to_string()));
        self
    }

    pub fn with_stdin(mut self, input: impl Into<String>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    /// What the script printed on stdout.
    pub fn run(self) -> String {
        let mut child = Command::new("node")
            .arg(&self.script)
            .args(&self.args)
            .current_dir(&self.dir)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("node must be on PATH");
        if let Some(input) = &self.stdin {
            // A script that exits without reading its input closes the pipe: its exit status
            // and stderr below tell why, not this write's error.
            let _ = child
                .stdin
                .take()
                .expect("piped")
                .write_all(input.as_bytes());
        }
        let out = child.wait_with_output().expect("node runs");
        assert!(
            out.status.success(),
            "node {} in {} failed ({}):\n{}\n{}",
            self.script,
            self.dir.display(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("the script prints UTF-8")
    }

    /// What the script printed, as one JSON value.
    pub fn json(self) -> serde_json::Value {
        let script = self.script.clone();
        let out = self.run();
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("node {script} printed no JSON ({e}):\n{out}"))
    }
}
