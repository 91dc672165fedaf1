//! Conditions on an NFT's HIP-412 metadata, written as text: `position <= 500`,
//! `manufacturer == "BestProducer"`, `scores.sustainability >= 70`.
//!
//! A path is looked up in `properties` (dots descend into objects), then at the top level,
//! then in `attributes[]` by `trait_type` (the whole path as the trait's name). Numbers compare
//! numerically (a numeric string in the metadata counts as its number); strings and booleans
//! only with `==` and `!=`. A missing value makes the predicate false.

use crate::error::{ProofError, Result};
use serde_json::Value;
use std::fmt;
use std::str::FromStr;

pub const MAX_PREDICATE_CHARS: usize = 200;
const MAX_PATH_SEGMENTS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Number(f64),
    String(String),
    Bool(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Predicate {
    pub path: Vec<String>,
    pub op: Op,
    pub value: Literal,
}

impl Predicate {
    /// The value the path names in `metadata`, if any.
    pub fn lookup<'m>(&self, metadata: &'m Value) -> Option<&'m Value> {
        let walk = |mut v: &'m Value| {
            for segment in &self.path {
                v = v.as_object()?.get(segment)?;
            }
            Some(v)
        };
        if let Some(v) = metadata.get("properties").and_then(walk) {
            return Some(v);
        }
        if let Some(v) = walk(metadata) {
            return Some(v);
        }
        let name = self.path.join(".");
        metadata
            .get("attributes")?
            .as_array()?
            .iter()
            .find(|a| a.get("trait_type").and_then(Value::as_str) == Some(name.as_str()))?
            .get("value")
    }

    /// Whether the predicate holds for `metadata`; `Err` carries the value found (or `None`).
    pub fn eval(&self, metadata: &Value) -> std::result::Result<(), Option<Value>> {
        let found = self.lookup(metadata).ok_or(None)?;
        let holds = match &self.value {
            Literal::Number(want) => {
                let got = match found {
                    Value::Number(n) => n.as_f64(),
                    Value::String(s) => s.trim().parse::<f64>().ok().filter(|f| f.is_finite()),
                    _ => None,
                };
                got.is_some_and(|got| compare(got.partial_cmp(want), self.op))
            }
            Literal::String(want) => {
                let equal = found.as_str() == Some(want.as_str());
                match self.op {
                    Op::Eq => equal,
                    Op::Ne => found.is_string() && !equal,
                    _ => false,
                }
            }
            Literal::Bool(want) => {
                let equal = found.as_bool() == Some(*want);
                match self.op {
                    Op::Eq => equal,
                    Op::Ne => found.is_boolean() && !equal,
                    _ => false,
                }
            }
        };
        if holds {
            Ok(())
        } else {
            Err(Some(found.clone()))
        }
    }
}

fn compare(ord: Option<std::cmp::Ordering>, op: Op) -> bool {
    use std::cmp::Ordering::*;
    match (ord, op) {
        (None, _) => false,
        (Some(o), Op::Eq) => o == Equal,
        (Some(o), Op::Ne) => o != Equal,
        (Some(o), Op::Lt) => o == Less,
        (Some(o), Op::Le) => o != Greater,
        (Some(o), Op::Gt) => o == Greater,
        (Some(o), Op::Ge) => o != Less,
    }
}

impl FromStr for Predicate {
    type Err = ProofError;

    fn from_str(s: &str) -> Result<Self> {
        let bad = |why: &str| ProofError::policy(format!("predicate {s:?}: {why}"));
        if s.len() > MAX_PREDICATE_CHARS {
            return Err(bad("too long"));
        }
        let s = s.trim();
        let path_end = s
            .find(|c: char| c.is_whitespace() || "=!<>".contains(c))
            .ok_or_else(|| bad("expected `path op value`"))?;
        let (path_text, rest) = s.split_at(path_end);
        let path: Vec<String> = path_text.split('.').map(str::to_owned).collect();
        let segment_ok = |p: &String| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        };
        if path.len() > MAX_PATH_SEGMENTS || !path.iter().all(segment_ok) {
            return Err(bad(
                "the path is dot-separated names of letters, digits, _ and -",
            ));
        }
        let rest = rest.trim_start();
        let op = [
            ("==", Op::Eq),
            ("!=", Op::Ne),
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("<", Op::Lt),
            (">", Op::Gt),
        ]
        .into_iter()
        .find(|(text, _)| rest.starts_with(text))
        .ok_or_else(|| bad("the operator is one of == != < <= > >="))?;
        let value_text = rest[op.0.len()..].trim();
        let value = literal(value_text).ok_or_else(|| {
            bad("the value is a number, a \"quoted string\", true, false or a bare word")
        })?;
        let op = op.1;
        if !matches!(value, Literal::Number(_)) && !matches!(op, Op::Eq | Op::Ne) {
            return Err(bad("only numbers are ordered: use == or != for text"));
        }
        Ok(Predicate { path, op, value })
    }
}

fn literal(s: &str) -> Option<Literal> {
    if let Some(inner) = s.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next()? {
                    c @ ('"' | '\\') => out.push(c),
                    _ => return None,
                },
                '"' => return None,
                c if c.is_control() => return None,
                c => out.push(c),
            }
        }
        return Some(Literal::String(out));
    }
    match s {
        "true" => return Some(Literal::Bool(true)),
        "false" => return Some(Literal::Bool(false)),
        "" | "null" => return None,
        _ => {}
    }
    let numeric = s
        .bytes()
        .all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    if s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') {
        return numeric
            .then(|| s.parse::<f64>().ok())
            .flatten()
            .filter(|f| f.is_finite())
            .map(Literal::Number);
    }
    let word = s.chars().all(|c| c.is_alphanumeric() || "_-.".contains(c));
    word.then(|| Literal::String(s.to_owned()))
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ", self.path.join("."), self.op.as_str())?;
        match &self.value {
            Literal::Number(n) => write!(f, "{n}"),
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::String(s) => {
                f.write_str("\"")?;
                for c in s.chars() {
                    if c == '"' || c == '\\' {
                        f.write_str("\\")?;
                    }
                    write!(f, "{c}")?;
                }
                f.write_str("\"")
            }
        }
    }
}

impl serde::Serialize for Predicate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Predicate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn holds(p: &str, m: &Value) -> bool {
        p.parse::<Predicate>().unwrap().eval(m).is_ok()
    }

    #[test]
    fn paths_ops_and_types() {
        let m = json!({
            "name": "Finisher 250",
            "creator": "SuperMarathon",
            "properties": {"position": 250, "manufacturer": "BestProducer",
                           "scores": {"sustainability": 87}, "bib": "0250"},
            "attributes": [{"trait_type": "time", "value": "3:12:09"},
                           {"trait_type": "workers_conditions_score", "value": 92}]
        });
        assert!(holds("position <= 500", &m));
        assert!(!holds("position <= 249", &m));
        assert!(holds("position<500", &m));
        assert!(holds("position == 250.0", &m));
        assert!(holds("manufacturer == \"BestProducer\"", &m));
        assert!(holds("manufacturer == BestProducer", &m));
        assert!(!holds("manufacturer == \"BestProducers\"", &m));
        assert!(holds("manufacturer != \"Other\"", &m));
        assert!(holds("scores.sustainability >= 70", &m));
        assert!(holds("creator == SuperMarathon", &m));
        assert!(holds("workers_conditions_score > 90", &m));
        assert!(holds("time == \"3:12:09\"", &m));
        assert!(
            holds("bib == 250", &m),
            "numeric strings compare as numbers"
        );
        // Missing values and type mismatches are false, whatever the operator.
        assert_eq!(
            "missing != 1".parse::<Predicate>().unwrap().eval(&m),
            Err(None)
        );
        assert!(!holds("manufacturer > 3", &m));
        assert!(!holds("position != \"x\"", &m));
    }

    #[test]
    fn refuses_malformed_text() {
        for bad in [
            "",
            "position",
            "position 500",
            "position =< 500",
            "position <= ",
            "position <= null",
            "name < \"x\"",
            "a..b == 1",
            "position <= 1e999",
            "position <= 5 00",
            "name == \"unterminated",
            "name == \"a\"b\"",
        ] {
            let e = bad.parse::<Predicate>().unwrap_err();
            assert_eq!(e.code(), "PROOF_POLICY", "{bad}");
        }
    }

    #[test]
    fn display_parses_back() {
        for text in [
            "position <= 500",
            "manufacturer == \"Best \\\"P\\\"\"",
            "scores.x >= 70.5",
            "ok == true",
        ] {
            let p: Predicate = text.parse().unwrap();
            assert_eq!(p.to_string().parse::<Predicate>().unwrap(), p);
        }
    }
}
