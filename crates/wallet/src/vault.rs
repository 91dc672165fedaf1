//! The vault: the wallet's private keys, encrypted at rest.
//!
//! # Format (version 1)
//!
//! What `chrome.storage.local` keeps under `vault`, as JSON:
//!
//! ```json
//! { "version": 1,
//!   "kdf": { "name": "PBKDF2-HMAC-SHA256", "rounds": 600000, "salt": "<base64, 16 bytes>" },
//!   "cipher": { "name": "AES-256-GCM", "nonce": "<base64, 12 bytes>" },
//!   "check": "<base64, 32 bytes>",
//!   "ciphertext": "<base64>" }
//! ```
//!
//! - `master = PBKDF2-HMAC-SHA256(passphrase, salt, rounds, 32 bytes)`;
//!   `key = HMAC-SHA256(master, "loyal-wallet/v1/aes")`, `check = HMAC-SHA256(master,
//!   "loyal-wallet/v1/check")`. The stored `check` tells a wrong passphrase
//!   (`WALLET_BAD_PASSPHRASE`) from altered bytes (`WALLET_VAULT_CORRUPT`) without a second
//!   PBKDF2 block, so a guess costs an attacker the full rounds as it costs the owner.
//! - The plaintext is the JSON of [`Secrets`]; the associated data is
//!   `loyal-wallet-vault/1|<kdf name>|<rounds>|<salt>`, so the header cannot be changed either.
//! - Every seal draws a fresh 12-byte nonce (`crypto.getRandomValues` in the extension);
//!   the salt is drawn once, at creation.
//!
//! Nothing here ever deletes or rewrites a vault it could not open.

use crate::b64::B64;
use crate::json::{object, take_object, take_string, write_str, Value};
use crate::obj;
use crate::{Error, Result};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hmac::{Hmac, Mac};
use rand_core::{CryptoRng, RngCore};
use sha2::Sha256;
use zeroize::{Zeroize, Zeroizing};

pub const VERSION: u64 = 1;
pub const KDF_NAME: &str = "PBKDF2-HMAC-SHA256";
pub const CIPHER_NAME: &str = "AES-256-GCM";
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const ROUNDS: u32 = 600_000;
pub const MIN_PASSPHRASE_CHARS: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultFile {
    pub version: u64,
    pub kdf: Kdf,
    pub cipher: Cipher,
    pub check: String,
    pub ciphertext: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kdf {
    pub name: String,
    pub rounds: u32,
    pub salt: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cipher {
    pub name: String,
    pub nonce: String,
}

/// What the vault encrypts: the accounts and their private keys (DER hex, the core's
/// `to_string_der`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secrets {
    pub accounts: Vec<StoredAccount>,
}

#[derive(Clone, PartialEq, Eq)]
pub struct StoredAccount {
    /// `devnet`, `testnet` or `mainnet` (HIP-30 names).
    pub network: String,
    /// `0.0.n`.
    pub account_id: String,
    pub label: String,
    pub private_key: String,
}

impl Secrets {
    /// The decrypted contents as `seal` wrote them; `None` if any entry is not well formed
    /// (never a partial vault). The key strings are moved out of the parsed JSON, not copied.
    fn from_json(plain: &[u8]) -> Option<Self> {
        let Value::Array(list) = object(plain)?.remove("accounts")? else {
            return None;
        };
        let mut accounts = Vec::with_capacity(list.len());
        for a in list {
            let Value::Object(mut a) = a else { return None };
            accounts.push(StoredAccount {
                network: take_string(&mut a, "network")?,
                account_id: take_string(&mut a, "accountId")?,
                label: take_string(&mut a, "label")?,
                private_key: take_string(&mut a, "privateKey")?,
            });
        }
        Some(Self { accounts })
    }

    /// `{"accounts":[{"network","accountId","label","privateKey"}]}` written straight into
    /// `out` (no intermediate value holds a key).
    fn write_json(&self, out: &mut String) -> std::fmt::Result {
        out.push_str("{\"accounts\":[");
        for (i, a) in self.accounts.iter().enumerate() {
            out.push_str(if i == 0 { "{" } else { ",{" });
            for (j, (k, v)) in [
                ("network", &a.network),
                ("accountId", &a.account_id),
                ("label", &a.label),
                ("privateKey", &a.private_key),
            ]
            .into_iter()
            .enumerate()
            {
                if j > 0 {
                    out.push(',');
                }
                write_str(out, k)?;
                out.push(':');
                write_str(out, v)?;
            }
            out.push('}');
        }
        out.push_str("]}");
        Ok(())
    }
}

impl Drop for StoredAccount {
    fn drop(&mut self) {
        self.private_key.zeroize();
    }
}

/// Debug never prints a key.
impl std::fmt::Debug for StoredAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "StoredAccount({}:{} {:?})",
            self.network, self.account_id, self.label
        )
    }
}

impl std::fmt::Debug for Secrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(&self.accounts).finish()
    }
}

/// An open vault: the secrets and the key that seals them again (both wiped on drop).
pub struct OpenVault {
    pub secrets: Secrets,
    key: Zeroizing<[u8; 32]>,
    check: [u8; 32],
    kdf: Kdf,
}

impl OpenVault {
    /// A new, empty vault under `passphrase`.
    pub fn create(passphrase: &str, rng: &mut (impl RngCore + CryptoRng)) -> Result<Self> {
        Self::create_with_rounds(passphrase, ROUNDS, rng)
    }

    /// `create` with another cost (tests use fewer rounds; the file records its own).
    pub fn create_with_rounds(
        passphrase: &str,
        rounds: u32,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<Self> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(Error::WeakPassphrase {
                min: MIN_PASSPHRASE_CHARS,
            });
        }
        let mut salt = [0u8; 16];
        rng.fill_bytes(&mut salt);
        let kdf = Kdf {
            name: KDF_NAME.into(),
            rounds,
            salt: B64.encode(salt),
        };
        let (key, check) = derive(passphrase, &salt, rounds);
        Ok(Self {
            secrets: Secrets::default(),
            key,
            check,
            kdf,
        })
    }

    /// Opens `file` with `passphrase`. A wrong passphrase is `BadPassphrase`; altered bytes
    /// are `VaultCorrupt`; neither touches the file.
    pub fn open(file: &VaultFile, passphrase: &str) -> Result<Self> {
        if file.version != VERSION {
            return Err(Error::VaultVersion {
                found: file.version,
            });
        }
        if file.kdf.name != KDF_NAME || file.cipher.name != CIPHER_NAME {
            return Err(corrupt("unknown key derivation or cipher"));
        }
        if file.kdf.rounds == 0 {
            return Err(corrupt("zero rounds"));
        }
        let salt = b64(&file.kdf.salt, "salt")?;
        let stored_check = b64(&file.check, "check")?;
        let nonce = b64(&file.cipher.nonce, "nonce")?;
        let nonce: [u8; 12] = nonce
            .try_into()
            .map_err(|_| corrupt("the nonce is not 12 bytes"))?;
        let ciphertext = b64(&file.ciphertext, "ciphertext")?;
        let (key, check) = derive(passphrase, &salt, file.kdf.rounds);
        if !constant_time_eq(&check, &stored_check) {
            return Err(Error::BadPassphrase);
        }
        let plain = Zeroizing::new(
            Aes256Gcm::new((&*key).into())
                .decrypt(
                    &Nonce::from(nonce),
                    Payload {
                        msg: &ciphertext,
                        aad: aad(&file.kdf).as_bytes(),
                    },
                )
                .map_err(|_| corrupt("the authentication tag does not verify"))?,
        );
        let secrets = Secrets::from_json(&plain)
            .ok_or_else(|| corrupt("the contents do not parse as the vault's accounts"))?;
        Ok(Self {
            secrets,
            key,
            check,
            kdf: file.kdf.clone(),
        })
    }

    /// The secrets encrypted under a fresh nonce.
    pub fn seal(&self, rng: &mut (impl RngCore + CryptoRng)) -> VaultFile {
        let mut nonce = [0u8; 12];
        rng.fill_bytes(&mut nonce);
        // Sized up front so that growing never leaves a partial copy of the keys in freed memory.
        let mut plain = Zeroizing::new(String::with_capacity(
            256 + 512 * self.secrets.accounts.len(),
        ));
        let _ = self.secrets.write_json(&mut plain);
        let ciphertext = Aes256Gcm::new((&*self.key).into())
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad(&self.kdf).as_bytes(),
                },
            )
            .unwrap_or_default();
        VaultFile {
            version: VERSION,
            kdf: self.kdf.clone(),
            cipher: Cipher {
                name: CIPHER_NAME.into(),
                nonce: B64.encode(nonce),
            },
            check: B64.encode(self.check),
            ciphertext: B64.encode(ciphertext),
        }
    }
}

impl VaultFile {
    pub fn from_json(json: &str) -> Result<Self> {
        let not_a_vault = || corrupt("not a vault: a field is missing or of the wrong type");
        let mut map = object(json.as_bytes()).ok_or_else(not_a_vault)?;
        let version = map
            .get("version")
            .and_then(Value::as_u64)
            .ok_or_else(not_a_vault)?;
        if version != VERSION {
            return Err(Error::VaultVersion { found: version });
        }
        let mut kdf = take_object(&mut map, "kdf").ok_or_else(not_a_vault)?;
        let mut cipher = take_object(&mut map, "cipher").ok_or_else(not_a_vault)?;
        Ok(VaultFile {
            version,
            kdf: Kdf {
                name: take_string(&mut kdf, "name").ok_or_else(not_a_vault)?,
                rounds: kdf
                    .get("rounds")
                    .and_then(Value::as_u64)
                    .and_then(|r| u32::try_from(r).ok())
                    .ok_or_else(not_a_vault)?,
                salt: take_string(&mut kdf, "salt").ok_or_else(not_a_vault)?,
            },
            cipher: Cipher {
                name: take_string(&mut cipher, "name").ok_or_else(not_a_vault)?,
                nonce: take_string(&mut cipher, "nonce").ok_or_else(not_a_vault)?,
            },
            check: take_string(&mut map, "check").ok_or_else(not_a_vault)?,
            ciphertext: take_string(&mut map, "ciphertext").ok_or_else(not_a_vault)?,
        })
    }

    pub fn to_json(&self) -> String {
        obj! {
            "version": self.version,
            "kdf": obj! { "name": &self.kdf.name, "rounds": self.kdf.rounds, "salt": &self.kdf.salt },
            "cipher": obj! { "name": &self.cipher.name, "nonce": &self.cipher.nonce },
            "check": &self.check,
            "ciphertext": &self.ciphertext,
        }
        .to_string()
    }
}

fn derive(passphrase: &str, salt: &[u8], rounds: u32) -> (Zeroizing<[u8; 32]>, [u8; 32]) {
    let mut master = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, rounds, &mut *master);
    let key = Zeroizing::new(hmac(&master[..], b"loyal-wallet/v1/aes"));
    let check = hmac(&master[..], b"loyal-wallet/v1/check");
    (key, check)
}

fn hmac(key: &[u8], label: &[u8]) -> [u8; 32] {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(label);
    mac.finalize().into_bytes().into()
}

fn aad(kdf: &Kdf) -> String {
    format!(
        "loyal-wallet-vault/{VERSION}|{}|{}|{}",
        kdf.name, kdf.rounds, kdf.salt
    )
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn b64(s: &str, field: &str) -> Result<Vec<u8>> {
    B64.decode(s)
        .map_err(|_| corrupt(&format!("{field} is not base64")))
}

fn corrupt(reason: &str) -> Error {
    Error::VaultCorrupt {
        reason: reason.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::OsRng;

    fn account(id: &str) -> StoredAccount {
        StoredAccount {
            network: "devnet".into(),
            account_id: id.into(),
            label: "Alice".into(),
            private_key: "302e020100300506032b657004220420".to_owned() + &"11".repeat(32),
        }
    }

    fn sealed(rounds: u32) -> VaultFile {
        let mut v = OpenVault::create_with_rounds("correct horse", rounds, &mut OsRng).unwrap();
        v.secrets.accounts.push(account("0.0.1005"));
        v.seal(&mut OsRng)
    }

    #[test]
    fn round_trip_through_json_at_full_cost() {
        let file = sealed(ROUNDS);
        assert_eq!(file.kdf.rounds, 600_000);
        let json = file.to_json();
        assert!(
            !json.contains(&"11".repeat(32)),
            "the key is not in the clear"
        );
        let again =
            OpenVault::open(&VaultFile::from_json(&json).unwrap(), "correct horse").unwrap();
        assert_eq!(again.secrets.accounts, vec![account("0.0.1005")]);
    }

    #[test]
    fn the_secrets_json_is_the_one_serde_json_wrote_and_reads() {
        // Vaults sealed before the wallet wrote its own JSON were serde_json's: they open, and
        // what the wallet writes now reads the same through serde_json.
        let mut v = OpenVault::create_with_rounds("correct horse", 1000, &mut OsRng).unwrap();
        let odd = "Al\"ice\\ \u{1} \u{e9}\u{1f600}";
        let plain = serde_json::json!({ "accounts": [{
            "network": "devnet", "accountId": "0.0.1005", "label": odd,
            "privateKey": account("0.0.1005").private_key,
        }] })
        .to_string();
        let mut nonce = [7u8; 12];
        nonce[0] = 1;
        let ciphertext = Aes256Gcm::new((&*v.key).into())
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad(&v.kdf).as_bytes(),
                },
            )
            .unwrap();
        let file = VaultFile {
            ciphertext: B64.encode(ciphertext),
            cipher: Cipher {
                name: CIPHER_NAME.into(),
                nonce: B64.encode(nonce),
            },
            ..v.seal(&mut OsRng)
        };
        let opened = OpenVault::open(&file, "correct horse").unwrap();
        assert_eq!(opened.secrets.accounts[0].label, odd);
        v.secrets = opened.secrets.clone();
        let mut written = String::new();
        v.secrets.write_json(&mut written).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&written).unwrap(),
            serde_json::from_str::<serde_json::Value>(&plain).unwrap()
        );
    }

    #[test]
    fn a_wrong_passphrase_is_its_own_error_and_the_vault_still_opens() {
        let file = sealed(1000);
        let before = file.clone();
        let err = OpenVault::open(&file, "correct horsE").err().unwrap();
        assert_eq!(err.code(), "WALLET_BAD_PASSPHRASE");
        assert_eq!(file, before);
        assert!(OpenVault::open(&file, "correct horse").is_ok());
    }

    #[test]
    fn altered_bytes_are_refused_as_corrupt_not_as_a_wrong_passphrase() {
        let file = sealed(1000);
        let mut ct = B64.decode(&file.ciphertext).unwrap();
        ct[3] ^= 1;
        let tampered = VaultFile {
            ciphertext: B64.encode(&ct),
            ..file.clone()
        };
        assert_eq!(
            OpenVault::open(&tampered, "correct horse")
                .err()
                .unwrap()
                .code(),
            "WALLET_VAULT_CORRUPT"
        );
        let mut nonce = B64.decode(&file.cipher.nonce).unwrap();
        nonce[0] ^= 1;
        let renonced = VaultFile {
            cipher: Cipher {
                name: CIPHER_NAME.into(),
                nonce: B64.encode(nonce),
            },
            ..file.clone()
        };
        assert_eq!(
            OpenVault::open(&renonced, "correct horse")
                .err()
                .unwrap()
                .code(),
            "WALLET_VAULT_CORRUPT"
        );
        // The header is bound too: fewer rounds derive another key (so: not this passphrase).
        let cheaper = VaultFile {
            kdf: Kdf {
                rounds: 999,
                ..file.kdf.clone()
            },
            ..file.clone()
        };
        assert_eq!(
            OpenVault::open(&cheaper, "correct horse")
                .err()
                .unwrap()
                .code(),
            "WALLET_BAD_PASSPHRASE"
        );
        let garbage = VaultFile {
            ciphertext: "!!".into(),
            ..file
        };
        assert_eq!(
            OpenVault::open(&garbage, "correct horse")
                .err()
                .unwrap()
                .code(),
            "WALLET_VAULT_CORRUPT"
        );
    }

    #[test]
    fn every_seal_uses_a_fresh_nonce() {
        let v = OpenVault::create_with_rounds("correct horse", 10, &mut OsRng).unwrap();
        let (a, b) = (v.seal(&mut OsRng), v.seal(&mut OsRng));
        assert_ne!(a.cipher.nonce, b.cipher.nonce);
        assert_ne!(a.ciphertext, b.ciphertext);
        assert_eq!(a.kdf, b.kdf);
    }

    #[test]
    fn versions_and_shapes_other_than_v1_are_refused() {
        let json = sealed(10)
            .to_json()
            .replace("\"version\":1", "\"version\":2");
        assert_eq!(
            VaultFile::from_json(&json).unwrap_err(),
            Error::VaultVersion { found: 2 }
        );
        assert_eq!(
            VaultFile::from_json("{}").unwrap_err().code(),
            "WALLET_VAULT_CORRUPT"
        );
        let renamed = VaultFile {
            kdf: Kdf {
                name: "MD5".into(),
                ..sealed(10).kdf
            },
            ..sealed(10)
        };
        assert_eq!(
            OpenVault::open(&renamed, "correct horse")
                .err()
                .unwrap()
                .code(),
            "WALLET_VAULT_CORRUPT"
        );
    }

    #[test]
    fn short_passphrases_are_refused_at_creation() {
        let err = OpenVault::create_with_rounds("short", 10, &mut OsRng)
            .err()
            .unwrap();
        assert_eq!(err.code(), "WALLET_WEAK_PASSPHRASE");
    }

    #[test]
    fn debug_output_never_shows_a_key() {
        let shown = format!(
            "{:?}",
            Secrets {
                accounts: vec![account("0.0.1005")]
            }
        );
        assert!(!shown.contains("1111"), "{shown}");
    }
}
