//! A digital twin's content: the product facts BestProducer records for one pair of shoes,
//! its HIP-412 metadata, and an SVG label drawn from those facts (uploaded to IPFS as the
//! NFT's image). Text in the SVG is XML-escaped: the label is data, never markup.

use loyal_metadata::{Attribute, NftMetadata};

use crate::error::invalid;
use crate::Result;

#[derive(Clone, Debug, PartialEq)]
pub struct Twin {
    pub model: String,
    pub size: String,
    pub batch: String,
    pub factory: String,
    pub date: String,
    pub materials: String,
    pub sustainability: u32,
    pub workers: u32,
}

impl Twin {
    pub fn name(&self) -> String {
        format!("{} · size {}", self.model, self.size)
    }

    /// The HIP-412 metadata for this pair, its image at `image_uri`.
    pub fn metadata(&self, image_uri: &str) -> Result<NftMetadata> {
        Ok(
            NftMetadata::builder(self.name(), image_uri, "image/svg+xml")
                .with_creator("BestProducer")
                .with_description(format!(
                    "Digital twin of one pair of {} shoes (batch {}), made at {} on {}.",
                    self.model, self.batch, self.factory, self.date
                ))
                .with_property("model", self.model.as_str())
                .with_property("size", self.size.as_str())
                .with_property("batch", self.batch.as_str())
                .with_property("factory", self.factory.as_str())
                .with_property("manufactured", self.date.as_str())
                .with_property("materials", self.materials.as_str())
                .with_attribute(Attribute::score(
                    "sustainability_score",
                    self.sustainability,
                    100,
                ))
                .with_attribute(Attribute::score(
                    "workers_conditions_score",
                    self.workers,
                    100,
                ))
                .build()?,
        )
    }

    /// An SVG label of the pair: model, size, batch, factory, date and both scores as bars.
    pub fn svg(&self) -> String {
        let bar = |y: u32, label: &str, score: u32| {
            format!(
                r##"<text x="24" y="{y}" font-size="14" fill="#1d2330">{} {score}/100</text><rect x="24" y="{}" width="272" height="10" rx="5" fill="#e3e6ef"/><rect x="24" y="{}" width="{}" height="10" rx="5" fill="#2e9d5b"/>"##,
                escape(label),
                y + 8,
                y + 8,
                score.min(100) * 272 / 100
            )
        };
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" viewBox="0 0 320 240"><rect width="320" height="240" rx="16" fill="#f6f7fb"/><path d="M40 135 q20 -40 70 -32 l40 26 q60 10 110 18 q20 5 20 12 l-240 0 z" fill="#3451d1"/><text x="24" y="36" font-size="20" font-weight="700" fill="#1d2330">{}</text><text x="24" y="58" font-size="13" fill="#555">size {} · batch {}</text><text x="24" y="76" font-size="13" fill="#555">{} · {}</text>{}{}</svg>"##,
            escape(&self.model),
            escape(&self.size),
            escape(&self.batch),
            escape(&self.factory),
            escape(&self.date),
            bar(176, "sustainability", self.sustainability),
            bar(206, "workers' conditions", self.workers),
        )
    }
}

/// XML text escaping (the five predefined entities).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Reads a score field: a whole number from 0 to 100.
pub fn score(field: &str, text: &str) -> Result<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|s| *s <= 100)
        .ok_or_else(|| invalid(field, "a whole number from 0 to 100"))
}

/// Sizes of a batch, "38, 39, 40" or "40 x3" (one twin per pair): at most 50 pairs per batch.
pub fn sizes(text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (size, count) = match part.split_once(['x', '×']) {
            Some((s, n)) => (
                s.trim(),
                n.trim()
                    .parse::<usize>()
                    .map_err(|_| invalid("Sizes", format!("bad count in {part:?}")))?,
            ),
            None => (part, 1),
        };
        if size.is_empty() || size.len() > 8 {
            return Err(invalid("Sizes", format!("bad size in {part:?}")));
        }
        out.extend(std::iter::repeat_n(size.to_owned(), count));
        if out.len() > 50 {
            return Err(invalid("Sizes", "at most 50 pairs per batch"));
        }
    }
    if out.is_empty() {
        return Err(invalid("Sizes", "name at least one size"));
    }
    Ok(out)
}

/// Serials "1-3, 7" → [1, 2, 3, 7]; at most 100.
pub fn serials(text: &str) -> Result<Vec<u64>> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || {
            invalid(
                "Serials",
                format!("{part:?} is not a serial or a range a-b"),
            )
        };
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let (a, b): (u64, u64) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
        if a == 0 || b < a || b - a >= 100 {
            return Err(bad());
        }
        out.extend(a..=b);
        if out.len() > 100 {
            return Err(invalid("Serials", "at most 100 at once"));
        }
    }
    if out.is_empty() {
        return Err(invalid("Serials", "name at least one serial"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twin(model: &str) -> Twin {
        Twin {
            model: model.into(),
            size: "42".into(),
            batch: "B-1".into(),
            factory: "Porto".into(),
            date: "2026-12-01".into(),
            materials: "recycled polyester".into(),
            sustainability: 87,
            workers: 91,
        }
    }

    #[test]
    fn svg_escapes_text() {
        let svg = twin("<script>alert(1)</script>").svg();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    #[test]
    fn metadata_carries_every_fact() {
        let m = twin("Runner")
            .metadata("ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce")
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&m.to_json_bytes()).unwrap();
        assert_eq!(json["properties"]["factory"], "Porto");
        assert_eq!(
            json["attributes"][1]["trait_type"],
            "workers_conditions_score"
        );
        assert_eq!(json["attributes"][1]["value"], 91);
        assert_eq!(json["type"], "image/svg+xml");
    }

    #[test]
    fn parses_sizes_and_serials() {
        assert_eq!(sizes("38, 40 x2").unwrap(), ["38", "40", "40"]);
        assert_eq!(sizes("").unwrap_err().code(), "INVALID_INPUT");
        assert_eq!(sizes("40 x51").unwrap_err().code(), "INVALID_INPUT");
        assert_eq!(serials("1-3, 7").unwrap(), [1, 2, 3, 7]);
        assert!(serials("3-1").is_err());
        assert!(serials("0").is_err());
        assert!(serials("1-1000").is_err());
        assert_eq!(score("S", "101").unwrap_err().code(), "INVALID_INPUT");
    }
}
