//! The DER encodings the JS SDK prints and accepts. Keys are fixed-size, so each form is a
//! fixed prefix followed by the raw key bytes; matching prefixes is exact and allocation-free.
//! (Each prefix's hex is in its doc comment's form name; the bytes are from the SDK's output.)

/// ED25519 private key, PKCS#8 (what `PrivateKey.toStringDer()` prints).
pub const ED25519_PRIVATE_PKCS8: &[u8] = &[
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];
/// ED25519 public key, SubjectPublicKeyInfo.
pub const ED25519_PUBLIC_SPKI: &[u8] = &[
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];
/// ECDSA secp256k1 private key, PKCS#8 with the curve as algorithm (the SDK's own form).
pub const ECDSA_PRIVATE_PKCS8_SDK: &[u8] = &[
    0x30, 0x30, 0x02, 0x01, 0x00, 0x30, 0x07, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a, 0x04, 0x22,
    0x04, 0x20,
];
/// ECDSA secp256k1 private key, PKCS#8 as OpenSSL writes it (id-ecPublicKey + curve, SEC1 inside).
pub const ECDSA_PRIVATE_PKCS8_OPENSSL: &[u8] = &[
    0x30, 0x3e, 0x02, 0x01, 0x00, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a, 0x04, 0x27, 0x30, 0x25, 0x02, 0x01, 0x01, 0x04, 0x20,
];
/// ECDSA secp256k1 private key, SEC1 `EC PRIVATE KEY` (followed by curve and optional public key).
pub const ECDSA_PRIVATE_SEC1: &[u8] = &[0x02, 0x01, 0x01, 0x04, 0x20];
/// ECDSA secp256k1 compressed public key, SPKI with only the curve OID (the SDK's form).
pub const ECDSA_PUBLIC_SPKI_SDK: &[u8] = &[
    0x30, 0x2d, 0x30, 0x07, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a, 0x03, 0x22, 0x00,
];
/// ECDSA secp256k1 compressed public key, standard SPKI.
pub const ECDSA_PUBLIC_SPKI_COMPRESSED: &[u8] = &[
    0x30, 0x36, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b,
    0x81, 0x04, 0x00, 0x0a, 0x03, 0x22, 0x00,
];
/// ECDSA secp256k1 uncompressed public key, standard SPKI.
pub const ECDSA_PUBLIC_SPKI_UNCOMPRESSED: &[u8] = &[
    0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b,
    0x81, 0x04, 0x00, 0x0a, 0x03, 0x42, 0x00,
];
/// The secp256k1 curve OID with its context tag, as SEC1 keys carry it.
pub const SEC1_CURVE_PARAM: &[u8] = &[0xa0, 0x07, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a];

/// `prefix ++ body` where body has exactly `len` bytes; returns the body.
pub fn strip_exact<'a>(der: &'a [u8], prefix: &[u8], len: usize) -> Option<&'a [u8]> {
    der.strip_prefix(prefix).filter(|body| body.len() == len)
}

/// SEC1 `ECPrivateKey` (RFC 5915): SEQUENCE { 1, OCTET STRING(32), [0] curve?, [1] pubkey? }.
pub fn parse_sec1_private(der: &[u8]) -> Option<&[u8]> {
    let (&tag, rest) = der.split_first()?;
    if tag != 0x30 {
        return None;
    }
    let (&len, body) = rest.split_first()?;
    if len as usize != body.len() || len >= 0x80 {
        return None;
    }
    let secret = body.strip_prefix(ECDSA_PRIVATE_SEC1)?.get(..32)?;
    let tail = &body[ECDSA_PRIVATE_SEC1.len() + 32..];
    // Only the secp256k1 curve parameter (and an optional public key after it) may follow.
    if tail.is_empty() || tail.starts_with(SEC1_CURVE_PARAM) || tail.first() == Some(&0xa1) {
        Some(secret)
    } else {
        None
    }
}
