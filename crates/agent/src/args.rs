//! `--name value` arguments (repeatable ones collected), a leading subcommand, `--flag`s.

use loyal_workflow::Error;

pub struct Args {
    pub command: String,
    options: Vec<(String, Option<String>)>,
}

const FLAGS: [&str; 1] = ["once"];

impl Args {
    pub fn parse(args: impl Iterator<Item = String>) -> Result<Self, Error> {
        let mut args = args.peekable();
        let command = match args.peek() {
            Some(c) if !c.starts_with("--") => args.next().unwrap_or_default(),
            _ => "run".into(),
        };
        if !["run", "staff", "setup", "up", "seed"].contains(&command.as_str()) {
            return Err(usage(format!(
                "unknown command {command:?} (run, staff, setup, up, seed)"
            )));
        }
        let mut options = Vec::new();
        while let Some(a) = args.next() {
            let name = a
                .strip_prefix("--")
                .ok_or_else(|| usage(format!("unexpected {a:?}")))?
                .to_owned();
            if FLAGS.contains(&name.as_str()) {
                options.push((name, None));
            } else {
                let value = args
                    .next()
                    .ok_or_else(|| usage(format!("--{name} needs a value")))?;
                options.push((name, Some(value)));
            }
        }
        Ok(Self { command, options })
    }

    pub fn optional(&self, name: &str) -> Option<String> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    }

    pub fn required(&self, name: &str) -> Result<String, Error> {
        self.optional(name)
            .ok_or_else(|| usage(format!("--{name} is required")))
    }

    pub fn flag(&self, name: &str) -> bool {
        self.options.iter().any(|(n, _)| n == name)
    }

    pub fn number(&self, name: &str, default: u64) -> Result<u64, Error> {
        self.optional(name)
            .map(|v| {
                v.parse()
                    .map_err(|_| usage(format!("--{name} {v:?} is not a number")))
            })
            .unwrap_or(Ok(default))
    }

    /// Every `--name key=value`.
    pub fn pairs(&self, name: &str) -> Result<Vec<(String, String)>, Error> {
        self.options
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| {
                let v = v.clone().unwrap_or_default();
                v.split_once('=')
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .ok_or_else(|| usage(format!("--{name} {v:?}: expected name=value")))
            })
            .collect()
    }
}

fn usage(reason: String) -> Error {
    Error::InvalidInput {
        input: "arguments".into(),
        reason,
    }
}
