//! Random secrets and the hashes we store instead of them.

use crate::domain::credentials::{CODE_ALPHABET, CODE_LENGTH};
use rand::rngs::OsRng;
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};

/// A session token: 256 random bits, hex-encoded.
pub fn session_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// An invitation code: 12 characters from a 32-letter alphabet, 60 random bits.
pub fn invitation_code() -> String {
    (0..CODE_LENGTH)
        .map(|_| CODE_ALPHABET[OsRng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// What is stored for a token or a code.
pub fn digest(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::credentials::parse_invitation_code;

    #[test]
    fn codes_are_valid_and_differ() {
        let a = invitation_code();
        let b = invitation_code();
        assert_ne!(a, b);
        assert_eq!(parse_invitation_code(&a), Ok(a.clone()));
        assert_eq!(session_token().len(), 64);
        assert_eq!(digest("x").len(), 64);
        assert_ne!(digest(&a), a);
    }
}
