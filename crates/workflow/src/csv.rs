//! The CSV a staff member pastes (race results): a header row naming the declared columns,
//! comma-separated fields, double quotes around fields that hold commas.

use crate::{Error, Result};
use serde_json::{Map, Value};

/// Rows as JSON objects keyed by column; `integers` are parsed as numbers.
pub fn parse(
    input: &str,
    text: &str,
    columns: &[String],
    integers: &[String],
) -> Result<Vec<Value>> {
    let bad = |reason: String| Error::InvalidInput {
        input: input.to_owned(),
        reason,
    };
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let header = split(lines.next().ok_or_else(|| bad("empty".into()))?);
    if header != columns {
        return Err(bad(format!(
            "header {:?}, expected {:?}",
            header.join(","),
            columns.join(",")
        )));
    }
    lines
        .enumerate()
        .map(|(i, line)| {
            let fields = split(line);
            if fields.len() != columns.len() {
                return Err(bad(format!(
                    "row {}: {} fields, expected {}",
                    i + 1,
                    fields.len(),
                    columns.len()
                )));
            }
            let mut row = Map::new();
            for (c, f) in columns.iter().zip(fields) {
                let v = if integers.contains(c) {
                    Value::from(f.parse::<i64>().map_err(|_| {
                        bad(format!("row {}: {c} = {f:?} is not an integer", i + 1))
                    })?)
                } else {
                    Value::from(f)
                };
                row.insert(c.clone(), v);
            }
            Ok(Value::Object(row))
        })
        .collect()
}

impl crate::Workflow {
    /// The rows of the csv input its `each` iterates, read as the runner reads them: what a
    /// results file must parse to before it is pasted.
    pub fn rows(&self, text: &str) -> Result<Vec<Value>> {
        let each = self
            .each
            .as_ref()
            .ok_or_else(|| Error::invalid("each", format!("{} has no rows", self.id)))?;
        let input = self.trigger.inputs().get(&each.input).ok_or_else(|| {
            Error::invalid("each.input", format!("{:?} is not an input", each.input))
        })?;
        parse(&each.input, text, &input.columns, &input.integer_columns)
    }
}

fn split(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field).trim().to_owned()),
            c => field.push(c),
        }
    }
    out.push(field.trim().to_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn rows_with_quotes_and_integers() {
        let cols = ["account", "position", "name"].map(String::from);
        let rows = parse(
            "results",
            "account,position,name\n0.0.1005, 250 ,\"Alice, A.\"\n",
            &cols,
            &["position".into()],
        )
        .unwrap();
        assert_eq!(rows[0]["position"], 250);
        assert_eq!(rows[0]["name"], "Alice, A.");
        let err = parse(
            "results",
            "account,position,name\n0.0.1,x,y",
            &cols,
            &["position".into()],
        );
        assert_eq!(err.unwrap_err().code(), "WORKFLOW_INVALID_INPUT");
    }
}
