//! The key that seals the audit trail, from the server's configuration and never stored in the
//! database (docs/decisions/0014-audit-key-and-anchor.md). On its own, so the database handle
//! can hold it without depending on the trail it seals.

use hmac::{Hmac, Mac};
use rand::rngs::OsRng;
use rand::RngCore;
use sha2::Sha256;
use std::fmt;
use std::sync::Arc;

/// The fewest bytes a key may have: as many as the hash's output.
pub const MIN_KEY_BYTES: usize = 32;

/// The audit key. Its `Debug` never shows the bytes, so logging a `Db` or the state cannot leak it.
#[derive(Clone)]
pub struct AuditKey(Arc<[u8]>);

impl AuditKey {
    /// A key of at least [`MIN_KEY_BYTES`] bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Result<AuditKey, String> {
        let bytes: Vec<u8> = bytes.into();
        if bytes.len() < MIN_KEY_BYTES {
            return Err(format!(
                "the audit key is {} bytes long; it must have at least {MIN_KEY_BYTES}",
                bytes.len()
            ));
        }
        Ok(AuditKey(bytes.into()))
    }

    /// Text for a new key file: 32 random bytes as 64 hex digits. Text, so that an editor adding
    /// a newline changes nothing (the file is read trimmed).
    pub fn generate_text() -> String {
        let mut bytes = [0_u8; 32];
        OsRng.fill_bytes(&mut bytes);
        hex::encode(bytes)
    }

    /// A fresh HMAC under the key, for one seal.
    pub(super) fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length, so this cannot fail.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }
}

impl fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuditKey(hidden)")
    }
}
