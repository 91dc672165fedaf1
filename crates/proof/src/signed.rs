//! A presentation with its HIP-820 signature map, and the compact text form for QR codes:
//!
//! `lp1.` + base64url(message) + `.` + base64url(SignatureMap protobuf), no padding.
//!
//! Decoding is strict: the prefix, unpadded canonical base64url, a canonical message, and a
//! signature map whose protobuf re-encodes to the same bytes (1 to 8 signature pairs).

use crate::error::{ProofError, Result};
use crate::presentation::{Presentation, MAX_MESSAGE_BYTES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use loyal_core::key::{PrivateKey, PublicKey};
use loyal_core::proto::SignatureMap;
use prost::Message;

pub const TEXT_PREFIX: &str = "lp1.";
pub const MAX_SIGNATURE_PAIRS: usize = 8;
/// The longest text form of the longest message with the most signature pairs.
pub const MAX_TEXT_CHARS: usize = 4 + (MAX_MESSAGE_BYTES * 4).div_ceil(3) + 1 + 1400;

#[derive(Clone, Debug, PartialEq)]
pub struct SignedPresentation {
    pub presentation: Presentation,
    pub signature_map: SignatureMap,
}

impl SignedPresentation {
    /// Signs the canonical message as HIP-820 does (what a wallet's `hedera_signMessage` does).
    pub fn sign(presentation: Presentation, key: &PrivateKey) -> Result<Self> {
        presentation.validate()?;
        let signature_map = loyal_core::message::sign_message(key, &presentation.message());
        Ok(Self {
            presentation,
            signature_map,
        })
    }

    /// Adds `key`'s signature, for an account whose key list or threshold key needs several.
    pub fn with_signature(mut self, key: &PrivateKey) -> Self {
        let more = loyal_core::message::sign_message(key, &self.presentation.message());
        self.signature_map.sig_pair.extend(more.sig_pair);
        self
    }

    /// For wallets: the message the wallet signed and the signature map it answered with.
    pub fn from_parts(message: &str, signature_map: SignatureMap) -> Result<Self> {
        let presentation = Presentation::parse(message)?;
        check_signature_map(&signature_map)?;
        Ok(Self {
            presentation,
            signature_map,
        })
    }

    /// The message that was signed.
    pub fn message(&self) -> String {
        self.presentation.message()
    }

    /// Whether `key` signed the message (HIP-820 prefix). The key must come from the ledger,
    /// never from the presentation: [`verify`](crate::verify) reads it from the mirror.
    pub fn verify_signature(&self, key: &PublicKey) -> loyal_core::Result<()> {
        crate::key_cache::verify_message(key, &self.message(), &self.signature_map)
    }

    /// As [`verify_signature`](Self::verify_signature) for an ED25519 key prepared once.
    pub fn verify_signature_prepared(
        &self,
        key: &crate::ed25519::PreparedKey,
    ) -> loyal_core::Result<()> {
        key.verify_message(&self.message(), &self.signature_map)
    }

    pub fn to_text(&self) -> String {
        let message = self.message();
        let sigs = self.signature_map.encode_to_vec();
        let mut out = String::with_capacity(8 + (message.len() + sigs.len()) * 4 / 3);
        out.push_str(TEXT_PREFIX);
        URL_SAFE_NO_PAD.encode_string(message.as_bytes(), &mut out);
        out.push('.');
        URL_SAFE_NO_PAD.encode_string(&sigs, &mut out);
        out
    }

    pub fn from_text(text: &str) -> Result<Self> {
        if text.len() > MAX_TEXT_CHARS {
            return Err(ProofError::decode(format!(
                "{} characters (at most {MAX_TEXT_CHARS})",
                text.len()
            )));
        }
        let body = match text.strip_prefix(TEXT_PREFIX) {
            Some(body) => body,
            None => {
                return Err(match version_of(text) {
                    Some(v) => ProofError::Version { got: v.to_owned() },
                    None => ProofError::decode("the text form starts with lp1."),
                })
            }
        };
        let (message, sigs) = body
            .split_once('.')
            .ok_or_else(|| ProofError::decode("expected lp1.<message>.<signatures>"))?;
        let message = unbase64(message, "message")?;
        let message = String::from_utf8(message)
            .map_err(|_| ProofError::decode("the message is not UTF-8"))?;
        let sig_bytes = unbase64(sigs, "signatures")?;
        let signature_map = SignatureMap::decode(sig_bytes.as_slice())
            .map_err(|e| ProofError::decode(format!("signature map: {e}")))?;
        if signature_map.encode_to_vec() != sig_bytes {
            return Err(ProofError::decode(
                "signature map is not canonical protobuf",
            ));
        }
        Self::from_parts(&message, signature_map)
    }
}

/// `lp<digits>.`: a text form of another version.
fn version_of(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("lp")?;
    let (v, _) = rest.split_once('.')?;
    (!v.is_empty() && v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit())).then_some(v)
}

fn unbase64(part: &str, what: &str) -> Result<Vec<u8>> {
    // The engine refuses padding and non-zero trailing bits: one spelling per byte string.
    URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|e| ProofError::decode(format!("{what}: not unpadded base64url ({e})")))
}

fn check_signature_map(map: &SignatureMap) -> Result<()> {
    let n = map.sig_pair.len();
    if n == 0 || n > MAX_SIGNATURE_PAIRS {
        return Err(ProofError::decode(format!(
            "{n} signature pairs (1 to {MAX_SIGNATURE_PAIRS})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use loyal_core::id::{AccountId, TokenId};
    use loyal_core::time::Timestamp;

    fn presentation() -> Presentation {
        Presentation::new(AccountId::new(0, 0, 1005))
            .with_audience("https://stillwater.example")
            .with_purpose("tickets")
            .with_nonce("AAAAAAAAAAAAAAAAAAAAAA")
            .with_issued_at(Timestamp::new(1_796_255_100, 0))
            .with_expires_at(Timestamp::new(1_796_255_400, 0))
            .with_nft(TokenId::new(0, 0, 2001), 1)
    }

    #[test]
    fn text_form_round_trips_and_verifies_both_key_types() {
        for key in [
            PrivateKey::from_bytes_ed25519(&[7; 32]).unwrap(),
            PrivateKey::from_bytes_ecdsa(&[8; 32]).unwrap(),
        ] {
            let signed = SignedPresentation::sign(presentation(), &key).unwrap();
            let text = signed.to_text();
            assert!(
                text.starts_with("lp1.") && text.len() < 600,
                "{}",
                text.len()
            );
            let back = SignedPresentation::from_text(&text).unwrap();
            assert_eq!(back, signed);
            back.verify_signature(&key.public_key()).unwrap();
            let other = PrivateKey::from_bytes_ed25519(&[9; 32])
                .unwrap()
                .public_key();
            assert!(back.verify_signature(&other).is_err());
        }
    }

    #[test]
    fn strict_text_decoding() {
        let key = PrivateKey::from_bytes_ed25519(&[7; 32]).unwrap();
        let text = SignedPresentation::sign(presentation(), &key)
            .unwrap()
            .to_text();
        let (head, sigs) = text.rsplit_once('.').unwrap();
        let cases = [
            (text.replacen("lp1.", "lp2.", 1), "PROOF_VERSION"),
            (text.replacen("lp1.", "LP1.", 1), "PROOF_DECODE"),
            (format!("{text}="), "PROOF_DECODE"),
            (format!("{text}.x"), "PROOF_DECODE"),
            (text.replace('-', "+"), "PROOF_DECODE"),
            (text[..text.len() - 1].to_owned(), "PROOF_DECODE"),
            (head.to_owned(), "PROOF_DECODE"),
            (format!("{head}."), "PROOF_DECODE"),
            // A signature map with a trailing unknown field: not the canonical bytes.
            (
                format!(
                    "{head}.{}",
                    URL_SAFE_NO_PAD
                        .encode([URL_SAFE_NO_PAD.decode(sigs).unwrap(), vec![0x10, 0x01]].concat())
                ),
                "PROOF_DECODE",
            ),
            (
                format!(
                    "{head}.{}",
                    URL_SAFE_NO_PAD.encode(SignatureMap::default().encode_to_vec())
                ),
                "PROOF_DECODE",
            ),
        ];
        for (bad, code) in cases {
            assert_eq!(
                SignedPresentation::from_text(&bad).unwrap_err().code(),
                code,
                "{bad}"
            );
        }
    }
}
