//! `{{path.to.value}}` templates over a JSON context. A string that is exactly one
//! reference takes the referenced value with its JSON type (a serial stays a number); in
//! longer strings references are spliced in as text. Nothing is evaluated beyond paths.

use crate::{Error, Result};
use serde_json::Value;

/// Every `{{name}}` in `value`'s strings (keys too), in order.
pub fn references(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk(value, &mut |s| out.extend(refs_in(s)));
    out
}

fn walk(value: &Value, f: &mut impl FnMut(&str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|v| walk(v, f)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            f(k);
            walk(v, f)
        }),
        _ => {}
    }
}

fn refs_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        out.push(rest[start + 2..start + 2 + len].trim().to_owned());
        rest = &rest[start + 2 + len + 2..];
    }
    out
}

/// The value at a dotted path (`proof.twin.serial`); array items by index.
pub fn get<'v>(ctx: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').try_fold(ctx, |v, part| match v {
        Value::Object(m) => m.get(part),
        Value::Array(a) => part.parse::<usize>().ok().and_then(|i| a.get(i)),
        _ => None,
    })
}

/// `value` with every reference replaced from `ctx`; `field` names where it came from.
pub fn render(value: &Value, ctx: &Value, field: &str) -> Result<Value> {
    Ok(match value {
        Value::String(s) => render_str(s, ctx, field)?,
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| render(v, ctx, field))
                .collect::<Result<_>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok((text(k, ctx, field)?, render(v, ctx, field)?)))
                .collect::<Result<_>>()?,
        ),
        other => other.clone(),
    })
}

/// A template that must give text (an account, a key part).
pub fn text(s: &str, ctx: &Value, field: &str) -> Result<String> {
    Ok(match render_str(s, ctx, field)? {
        Value::String(s) => s,
        other => plain(&other),
    })
}

fn render_str(s: &str, ctx: &Value, field: &str) -> Result<Value> {
    let unbound = |name: &str| Error::Unbound {
        field: field.to_owned(),
        name: name.to_owned(),
    };
    let trimmed = s.trim();
    if trimmed.starts_with("{{") && trimmed.ends_with("}}") && refs_in(trimmed).len() == 1 {
        let name = refs_in(trimmed).remove(0);
        if trimmed.len() == name.len() + 4 || trimmed[2..trimmed.len() - 2].trim() == name {
            return get(ctx, &name).cloned().ok_or_else(|| unbound(&name));
        }
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = rest[start + 2..start + 2 + len].trim();
        out.push_str(&plain(get(ctx, name).ok_or_else(|| unbound(name))?));
        rest = &rest[start + 2 + len + 2..];
    }
    out.push_str(rest);
    Ok(Value::String(out))
}

/// A value as text: strings without quotes, anything else as JSON.
pub fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn whole_references_keep_their_type_and_spliced_ones_become_text() {
        let ctx = json!({"row": {"position": 250, "name": "Alice"}, "minted": {"serial": 3}});
        let t = json!({"p": "{{row.position}}", "s": "#{{ minted.serial }} of {{row.name}}"});
        assert_eq!(
            render(&t, &ctx, "f").unwrap(),
            json!({"p": 250, "s": "#3 of Alice"})
        );
        assert_eq!(
            references(&t),
            ["row.position", "minted.serial", "row.name"]
        );
        let err = render(&json!("{{row.time}}"), &ctx, "actions[0].metadata").unwrap_err();
        assert_eq!(err.code(), "WORKFLOW_UNBOUND");
    }
}
