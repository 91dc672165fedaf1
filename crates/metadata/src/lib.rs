//! HIP-412 (NFT token metadata JSON schema v2): a typed builder, a validator that names the
//! offending field, and JSON with a stable field order (the HIP's own order; `properties`
//! sorted), so the same metadata always hashes to the same IPFS CID.
//!
//! ```
//! use loyal_metadata::{Attribute, NftMetadata};
//! let twin = NftMetadata::builder("FastShoes Runner 42", "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce", "image/png")
//!     .with_creator("BestProducer")
//!     .with_description("Digital twin of a pair of FastShoes runners")
//!     .with_attribute(Attribute::new("provenance", "Porto, PT"))
//!     .with_attribute(Attribute::score("sustainability_score", 87, 100))
//!     .with_attribute(Attribute::score("workers_conditions_score", 92, 100))
//!     .build()?;
//! let json = twin.to_json_bytes();
//! assert_eq!(loyal_metadata::NftMetadata::from_json(&json)?, twin);
//! # Ok::<(), loyal_metadata::Error>(())
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;

pub const FORMAT: &str = "HIP412@2.0.0";

/// HAPI's limit on an NFT's on-ledger metadata (where the `ipfs://` URI of this JSON goes).
pub const MAX_ON_LEDGER_BYTES: usize = 100;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    MissingField { field: String },
    InvalidField { field: String, reason: String },
    Json { reason: String },
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::MissingField { .. } => "METADATA_MISSING_FIELD",
            Error::InvalidField { .. } => "METADATA_INVALID_FIELD",
            Error::Json { .. } => "METADATA_JSON",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::MissingField { field } => write!(f, "HIP-412 metadata needs `{field}`"),
            Error::InvalidField { field, reason } => write!(f, "HIP-412 `{field}`: {reason}"),
            Error::Json { reason } => write!(f, "not HIP-412 JSON: {reason}"),
        }
    }
}

impl std::error::Error for Error {}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub trait_type: String,
    /// A string, number or boolean.
    pub value: Value,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub display_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub max_value: Option<Value>,
}

impl Attribute {
    pub fn new(trait_type: impl Into<String>, value: impl Into<Value>) -> Self {
        Self {
            trait_type: trait_type.into(),
            value: value.into(),
            display_type: None,
            max_value: None,
        }
    }

    /// A number out of `max` shown as a percentage bar (`display_type: "percentage"`).
    pub fn score(trait_type: impl Into<String>, value: u32, max: u32) -> Self {
        Self {
            trait_type: trait_type.into(),
            value: value.into(),
            display_type: Some("percentage".into()),
            max_value: Some(max.into()),
        }
    }
}

/// One of `files` (the schema allows no other keys: a typo is an error, not a dropped field).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub checksum: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub is_default_file: Option<bool>,
    #[serde(rename = "type")]
    pub mime: String,
    /// A nested metadata object for this file, in the root's format but with no field
    /// required (the HIP's own examples give only a `name`): the root's fields it has are
    /// checked as the root's are. Keys sorted, so serialization stays byte-stable.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata: Option<serde_json::Map<String, Value>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub metadata_uri: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localization {
    pub uri: String,
    pub default: String,
    pub locales: Vec<String>,
}

/// Field order is the HIP's; `properties` is a sorted map, so serialization is byte-stable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NftMetadata {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub creator: Option<String>,
    #[serde(
        rename = "creatorDID",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub creator_did: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub description: Option<String>,
    pub image: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub checksum: Option<String>,
    #[serde(rename = "type")]
    pub mime: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub format: Option<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", default)]
    pub properties: BTreeMap<String, Value>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub files: Vec<File>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub attributes: Vec<Attribute>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub localization: Option<Localization>,
}

pub struct Builder(NftMetadata);

impl NftMetadata {
    /// `name`, `image` (a URI) and the image's MIME `type` are what HIP-412 requires;
    /// `format` defaults to `HIP412@2.0.0`.
    pub fn builder(
        name: impl Into<String>,
        image: impl Into<String>,
        mime: impl Into<String>,
    ) -> Builder {
        Builder(NftMetadata {
            name: name.into(),
            creator: None,
            creator_did: None,
            description: None,
            image: image.into(),
            checksum: None,
            mime: mime.into(),
            format: Some(FORMAT.into()),
            properties: BTreeMap::new(),
            files: Vec::new(),
            attributes: Vec::new(),
            localization: None,
        })
    }

    /// Parses and validates; the error names the first field that is wrong.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let raw: Value = serde_json::from_slice(bytes).map_err(|e| Error::Json {
            reason: e.to_string(),
        })?;
        for field in ["name", "image", "type"] {
            if raw.get(field).is_none() {
                return Err(Error::MissingField {
                    field: field.into(),
                });
            }
        }
        let parsed: NftMetadata = serde_json::from_value(raw).map_err(|e| Error::Json {
            reason: e.to_string(),
        })?;
        parsed.validate()?;
        Ok(parsed)
    }

    pub fn to_json_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("metadata always serializes")
    }

    pub fn validate(&self) -> Result<()> {
        let invalid = |f: &str, reason: &str| Error::InvalidField {
            field: f.to_owned(),
            reason: reason.into(),
        };
        if self.name.trim().is_empty() {
            return Err(Error::MissingField {
                field: "name".into(),
            });
        }
        check_uri(&self.image).map_err(|r| invalid("image", r))?;
        check_mime(&self.mime).map_err(|r| invalid("type", r))?;
        if let Some(c) = &self.checksum {
            check_sha256(c).map_err(|r| invalid("checksum", r))?;
        }
        if let Some(f) = &self.format {
            check_format(f).map_err(|r| invalid("format", r))?;
        }
        if let Some(did) = &self.creator_did {
            if !did.starts_with("did:") {
                return Err(invalid("creatorDID", "a DID starts with `did:`"));
            }
        }
        for (i, file) in self.files.iter().enumerate() {
            let at = |f: &str| format!("files[{i}].{f}");
            check_uri(&file.uri).map_err(|r| invalid(&at("uri"), r))?;
            check_mime(&file.mime).map_err(|r| invalid(&at("type"), r))?;
            if let Some(c) = &file.checksum {
                check_sha256(c).map_err(|r| invalid(&at("checksum"), r))?;
            }
            if let Some(uri) = &file.metadata_uri {
                check_uri(uri).map_err(|r| invalid(&at("metadata_uri"), r))?;
            }
            if let Some(nested) = &file.metadata {
                check_nested(nested, &format!("files[{i}].metadata."))?;
            }
        }
        for (i, a) in self.attributes.iter().enumerate() {
            if a.trait_type.trim().is_empty() {
                return Err(invalid(&format!("attributes[{i}].trait_type"), "empty"));
            }
            if !(a.value.is_string() || a.value.is_number() || a.value.is_boolean()) {
                return Err(invalid(
                    &format!("attributes[{i}].value"),
                    "a string, number or boolean",
                ));
            }
            if a.max_value
                .as_ref()
                .is_some_and(|m| !(m.is_string() || m.is_number()))
            {
                return Err(invalid(
                    &format!("attributes[{i}].max_value"),
                    "a string or number",
                ));
            }
            if let (Some(max), Some(v)) = (
                a.max_value.as_ref().and_then(Value::as_f64),
                a.value.as_f64(),
            ) {
                if v > max {
                    return Err(invalid(
                        &format!("attributes[{i}].value"),
                        "above max_value",
                    ));
                }
            }
        }
        if let Some(l) = &self.localization {
            if !l.uri.contains("{locale}") {
                return Err(invalid("localization.uri", "must contain {locale}"));
            }
            if !is_language_code(&l.default) {
                return Err(invalid(
                    "localization.default",
                    "a two-letter language code (en, es, …)",
                ));
            }
            if let Some(bad) = l.locales.iter().position(|c| !is_language_code(c)) {
                return Err(invalid(
                    &format!("localization.locales[{bad}]"),
                    "a two-letter language code (en, es, …)",
                ));
            }
            if l.locales.contains(&l.default) {
                return Err(invalid(
                    "localization.locales",
                    "repeats the default locale",
                ));
            }
        }
        Ok(())
    }
}

impl Builder {
    pub fn with_creator(mut self, creator: impl Into<String>) -> Self {
        self.0.creator = Some(creator.into());
        self
    }
    pub fn with_creator_did(mut self, did: impl Into<String>) -> Self {
        self.0.creator_did = Some(did.into());
        self
    }
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.0.description = Some(description.into());
        self
    }
    /// SHA-256 of the image, hex.
    pub fn with_checksum(mut self, sha256_hex: impl Into<String>) -> Self {
        self.0.checksum = Some(sha256_hex.into());
        self
    }
    pub fn with_format(mut self, format: impl Into<String>) -> Self {
        self.0.format = Some(format.into());
        self
    }
    pub fn with_property(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.0.properties.insert(key.into(), value.into());
        self
    }
    pub fn with_file(mut self, file: File) -> Self {
        self.0.files.push(file);
        self
    }
    pub fn with_attribute(mut self, attribute: Attribute) -> Self {
        self.0.attributes.push(attribute);
        self
    }
    pub fn with_localization(mut self, localization: Localization) -> Self {
        self.0.localization = Some(localization);
        self
    }
    pub fn build(self) -> Result<NftMetadata> {
        self.0.validate()?;
        Ok(self.0)
    }
}

/// `ipfs://<cid>`, checked against the 100-byte on-ledger limit.
pub fn metadata_uri(cid: &str) -> Result<String> {
    let uri = format!("ipfs://{cid}");
    if uri.len() > MAX_ON_LEDGER_BYTES {
        return Err(Error::InvalidField {
            field: "uri".into(),
            reason: format!(
                "{} bytes, the ledger keeps at most {MAX_ON_LEDGER_BYTES}",
                uri.len()
            ),
        });
    }
    Ok(uri)
}

fn check_uri(uri: &str) -> std::result::Result<(), &'static str> {
    let Some((scheme, rest)) = uri.split_once("://") else {
        return Err("a URI is protocol://location (ipfs://<cid>, https://...)");
    };
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
    {
        return Err("the URI's protocol is not valid");
    }
    if rest.is_empty() || rest.chars().any(char::is_whitespace) {
        return Err("the URI's location is empty or has whitespace");
    }
    Ok(())
}

/// Any named format may be given (sub-schemas define their own); a HIP412 one must be this
/// schema's version: `HIP412@1.0.0` is HIP-10's older schema, which this validator is not.
fn check_format(format: &str) -> std::result::Result<(), &'static str> {
    if format.trim().is_empty() {
        return Err("empty");
    }
    match format.split_once('@') {
        Some((name, version)) if name.eq_ignore_ascii_case("hip412") && version != "2.0.0" => {
            Err("this is the schema of HIP412@2.0.0")
        }
        _ => Ok(()),
    }
}

/// A nested file metadata object: the root's fields it has, checked as the root's.
fn check_nested(nested: &serde_json::Map<String, Value>, prefix: &str) -> Result<()> {
    let invalid = |f: &str, reason: &str| Error::InvalidField {
        field: format!("{prefix}{f}"),
        reason: reason.into(),
    };
    let text = |f: &str| match nested.get(f) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(_) => Err(invalid(f, "a string")),
    };
    for f in ["name", "creator", "creatorDID", "description", "format"] {
        text(f)?;
    }
    if let Some(image) = text("image")? {
        check_uri(image).map_err(|r| invalid("image", r))?;
    }
    if let Some(mime) = text("type")? {
        check_mime(mime).map_err(|r| invalid("type", r))?;
    }
    if let Some(c) = text("checksum")? {
        check_sha256(c).map_err(|r| invalid("checksum", r))?;
    }
    if nested.get("properties").is_some_and(|p| !p.is_object()) {
        return Err(invalid("properties", "an object"));
    }
    Ok(())
}

fn is_language_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic())
}

fn check_mime(mime: &str) -> std::result::Result<(), &'static str> {
    match mime.split_once('/') {
        Some((t, s)) if !t.is_empty() && !s.is_empty() && !mime.contains(char::is_whitespace) => {
            Ok(())
        }
        _ => Err("a MIME type is type/subtype, e.g. image/png"),
    }
}

fn check_sha256(hex: &str) -> std::result::Result<(), &'static str> {
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err("a SHA-256 digest is 64 hex digits")
    }
}

#[cfg(test)]
mod tests;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
