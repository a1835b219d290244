//! Secrets kept at rest (second-factor secrets, codes held for a page) are encrypted with a key
//! from the server's configuration, so a copy of the database alone reveals none of them.
//! XChaCha20-Poly1305: random 192-bit nonces need no counter shared between app servers, and
//! the tag makes a changed or moved value unreadable rather than wrong.

use chacha20poly1305::aead::{Aead, KeyInit, OsRng, Payload};
use chacha20poly1305::{AeadCore, XChaCha20Poly1305, XNonce};
use std::fmt;

pub const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 24;

#[derive(Clone)]
pub struct SecretBox {
    cipher: XChaCha20Poly1305,
}

impl fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretBox(..)")
    }
}

impl SecretBox {
    pub fn new(key: &[u8; KEY_BYTES]) -> SecretBox {
        SecretBox {
            cipher: XChaCha20Poly1305::new(key.into()),
        }
    }

    /// A box with a key of its own, for tests and for settings nobody configured.
    pub fn random() -> SecretBox {
        SecretBox {
            cipher: XChaCha20Poly1305::new(&XChaCha20Poly1305::generate_key(&mut OsRng)),
        }
    }

    /// Encrypts `secret`, bound to `context` (say, the account it belongs to): the sealed text
    /// opens only with the same context, so it cannot be copied onto another row.
    pub fn seal(&self, secret: &[u8], context: &str) -> Option<String> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: secret,
                    aad: context.as_bytes(),
                },
            )
            .ok()?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Some(hex::encode(out))
    }

    /// The secret, or `None` if the text was changed, moved or sealed with another key.
    pub fn open(&self, sealed: &str, context: &str) -> Option<Vec<u8>> {
        let bytes = hex::decode(sealed).ok()?;
        if bytes.len() <= NONCE_BYTES {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(NONCE_BYTES);
        self.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: context.as_bytes(),
                },
            )
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_only_with_its_key_and_context() {
        let a = SecretBox::new(&[7; KEY_BYTES]);
        let sealed = a.seal(b"secret", "account 1").expect("sealed");
        assert_eq!(
            a.open(&sealed, "account 1").as_deref(),
            Some(&b"secret"[..])
        );
        assert_eq!(a.open(&sealed, "account 2"), None);
        assert_eq!(SecretBox::random().open(&sealed, "account 1"), None);
        let mut changed = sealed.clone();
        changed.replace_range(60..62, if &sealed[60..62] == "00" { "01" } else { "00" });
        assert_eq!(a.open(&changed, "account 1"), None);
        assert_ne!(a.seal(b"secret", "account 1"), Some(sealed));
        assert_eq!(a.open("zz", "account 1"), None);
    }
}
