//! Query parameters as the mirror node reads them: repeated `name=op:value` filters
//! (`eq`, `ne`, `lt`, `lte`, `gt`, `gte`; bare value = `eq`), `limit` (default 25, max 100)
//! and `order`, with errors in the spec's 400 shape.

use super::ApiError;

pub const DEFAULT_LIMIT: usize = 25;
pub const MAX_LIMIT: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Asc,
    Desc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Lte,
    Gt,
    Gte,
}

impl Op {
    pub fn holds(self, left: i128, right: i128) -> bool {
        match self {
            Op::Eq => left == right,
            Op::Ne => left != right,
            Op::Lt => left < right,
            Op::Lte => left <= right,
            Op::Gt => left > right,
            Op::Gte => left >= right,
        }
    }
}

/// A parsed query string: every parameter with its operator, plus limit and order.
pub struct Params {
    pairs: Vec<(String, Op, String)>,
    pub limit: usize,
    pub order: Order,
}

impl Params {
    /// `allowed` are the endpoint's parameters beyond `limit` and `order`; anything else is a
    /// 400, as on the mirror node.
    pub fn parse(
        raw: Option<&str>,
        default_order: Order,
        allowed: &[&str],
    ) -> Result<Self, ApiError> {
        let mut params = Params {
            pairs: Vec::new(),
            limit: DEFAULT_LIMIT,
            order: default_order,
        };
        for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (name, value) = (decode(name), decode(value));
            match name.as_str() {
                "limit" => {
                    params.limit = value
                        .parse::<usize>()
                        .ok()
                        .filter(|l| (1..=MAX_LIMIT).contains(l))
                        .ok_or_else(|| ApiError::invalid("limit"))?;
                }
                "order" => {
                    params.order = match value.to_ascii_lowercase().as_str() {
                        "asc" => Order::Asc,
                        "desc" => Order::Desc,
                        _ => return Err(ApiError::invalid("order")),
                    };
                }
                _ if allowed.contains(&name.as_str()) => {
                    let (op, v) = split_op(&value);
                    params.pairs.push((name, op, v.to_owned()));
                }
                _ => return Err(ApiError::unknown(&name)),
            }
        }
        Ok(params)
    }

    /// The raw values given for `name`.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (Op, &'a str)> + 'a {
        self.pairs
            .iter()
            .filter(move |(n, _, _)| n == name)
            .map(|(_, op, v)| (*op, v.as_str()))
    }

    pub fn single(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, _, v)| v.as_str())
    }

    /// The filters on `name` whose values parse with `parse` (a 400 naming the parameter if not).
    pub fn filters(&self, name: &str, parse: fn(&str) -> Option<i128>) -> Result<Filter, ApiError> {
        let ops = self
            .values(name)
            .map(|(op, v)| {
                parse(v)
                    .map(|v| (op, v))
                    .ok_or_else(|| ApiError::invalid(name))
            })
            .collect::<Result<_, _>>()?;
        Ok(Filter(ops))
    }

    /// The `links.next` for a full page: the same query with the paging keys moved past the
    /// last item. With several keys (e.g. token then serial) all but the last bound inclusively,
    /// which `composite` reads back as "after this (token, serial)".
    pub fn next_link(
        &self,
        path: &str,
        keys: &[(&str, String)],
        returned: usize,
    ) -> Option<String> {
        if returned < self.limit {
            return None;
        }
        let asc = self.order == Order::Asc;
        let mut query: Vec<String> = self
            .pairs
            .iter()
            .filter(|(n, op, _)| {
                // Bounds on a paging key in the page's direction give way to the new ones.
                !(keys.iter().any(|(k, _)| k == n)
                    && if asc {
                        matches!(op, Op::Gt | Op::Gte)
                    } else {
                        matches!(op, Op::Lt | Op::Lte)
                    })
            })
            .map(|(n, op, v)| format!("{n}={}{}", op_prefix(*op), encode(v)))
            .collect();
        query.push(format!("limit={}", self.limit));
        query.push(format!("order={}", if asc { "asc" } else { "desc" }));
        for (i, (key, last)) in keys.iter().enumerate() {
            let op = match (asc, i + 1 == keys.len()) {
                (true, true) => "gt",
                (true, false) => "gte",
                (false, true) => "lt",
                (false, false) => "lte",
            };
            query.push(format!("{key}={op}:{}", encode(last)));
        }
        Some(format!("{path}?{}", query.join("&")))
    }
}

/// Two-part keys as the mirror pages them: the second filter only narrows the rows at the
/// first filter's inclusive boundary (or everywhere when the first is an equality or absent).
pub fn composite(first: &Filter, second: &Filter, a: i128, b: i128) -> bool {
    if !first.admits(a) {
        return false;
    }
    if first.0.iter().all(|(op, _)| *op == Op::Eq) {
        return second.admits(b);
    }
    let at_boundary = first
        .0
        .iter()
        .any(|(op, v)| matches!(op, Op::Lte | Op::Gte) && *v == a);
    !at_boundary || second.admits(b)
}

/// Operators and values on one parameter, all of which must hold.
#[derive(Default)]
pub struct Filter(pub Vec<(Op, i128)>);

impl Filter {
    pub fn admits(&self, value: i128) -> bool {
        self.0.iter().all(|(op, v)| op.holds(value, *v))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn split_op(value: &str) -> (Op, &str) {
    for (prefix, op) in [
        ("eq:", Op::Eq),
        ("ne:", Op::Ne),
        ("lte:", Op::Lte),
        ("lt:", Op::Lt),
        ("gte:", Op::Gte),
        ("gt:", Op::Gt),
    ] {
        if let Some(v) = value.strip_prefix(prefix) {
            return (op, v);
        }
    }
    (Op::Eq, value)
}

fn op_prefix(op: Op) -> &'static str {
    match op {
        Op::Eq => "eq:",
        Op::Ne => "ne:",
        Op::Lt => "lt:",
        Op::Lte => "lte:",
        Op::Gt => "gt:",
        Op::Gte => "gte:",
    }
}

/// `0.0.n`, `0.n` or `n` (shard and realm 0 only on the devnet).
pub fn entity(s: &str) -> Option<i128> {
    let parts: Vec<&str> = s.split('.').collect();
    let (prefix, num) = parts.split_at(parts.len().saturating_sub(1));
    if prefix.len() > 2 || prefix.iter().any(|p| *p != "0") {
        return None;
    }
    let n = num.first()?;
    if n.is_empty() || n.len() > 10 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// `seconds[.nanos]` → nanoseconds.
pub fn timestamp(s: &str) -> Option<i128> {
    let (secs, nanos) = s.split_once('.').unwrap_or((s, "0"));
    if secs.is_empty() || secs.len() > 10 || nanos.is_empty() || nanos.len() > 9 {
        return None;
    }
    if !secs
        .bytes()
        .chain(nanos.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let nanos: i128 = format!("{nanos:0<9}").parse().ok()?;
    Some(secs.parse::<i128>().ok()? * 1_000_000_000 + nanos)
}

pub fn integer(s: &str) -> Option<i128> {
    s.parse::<i64>().ok().map(i128::from)
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entities_and_timestamps() {
        assert_eq!(entity("0.0.1001"), Some(1001));
        assert_eq!(entity("1001"), Some(1001));
        assert_eq!(entity("1.0.1001"), None);
        assert_eq!(entity("0.0.x"), None);
        assert_eq!(timestamp("12.5"), Some(12_500_000_000));
        assert_eq!(timestamp("12.000000001"), Some(12_000_000_001));
        assert_eq!(timestamp("12"), Some(12_000_000_000));
        assert_eq!(timestamp("1.2.3"), None);
    }

    #[test]
    fn next_link_moves_the_key_and_keeps_filters() {
        let p = Params::parse(
            Some("account.id=0.0.5&timestamp=lt:9.0&limit=2"),
            Order::Desc,
            &["account.id", "timestamp"],
        )
        .unwrap();
        assert_eq!(
            p.next_link(
                "/api/v1/transactions",
                &[("timestamp", "5.000000001".into())],
                2
            )
            .unwrap(),
            "/api/v1/transactions?account.id=eq:0.0.5&limit=2&order=desc&timestamp=lt:5.000000001"
        );
        assert!(p
            .next_link("/x", &[("timestamp", "1.0".into())], 1)
            .is_none());
        assert!(Params::parse(Some("limit=101"), Order::Asc, &[]).is_err());
        assert!(Params::parse(Some("bogus=1"), Order::Asc, &[]).is_err());
    }
}
