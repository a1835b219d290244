//! TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, which every authenticator app reads) and
//! recovery codes. A code is accepted for the step before and after the server's, so a phone's
//! clock may be a little out, and never for a step at or before the last one accepted.

use crate::domain::credentials::CODE_ALPHABET;
use crate::domain::second_factor::{RECOVERY_CODES, RECOVERY_CODE_LENGTH};
use qrcode::render::svg;
use qrcode::QrCode;
use rand::rngs::OsRng;
use rand::{Rng, RngCore};
use totp_rs::{Algorithm, TOTP};

const STEP_SECONDS: u64 = 30;
const SECRET_BYTES: usize = 20;
pub const ISSUER: &str = "Hearth";

/// A new random secret of 160 bits, as RFC 4226 recommends.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    OsRng.fill_bytes(&mut secret);
    secret
}

fn totp(secret: &[u8], login: &str) -> Option<TOTP> {
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS,
        secret.to_vec(),
        Some(ISSUER.to_string()),
        login.to_string(),
    )
    .ok()
}

/// What the person adds to their app: the secret as text, and as a QR code (SVG) of its
/// `otpauth://` address.
pub struct Enrolment {
    pub secret_text: String,
    pub qr_svg: String,
}

pub fn enrolment(secret: &[u8], login: &str) -> Option<Enrolment> {
    let totp = totp(secret, login)?;
    let url = totp.get_url();
    let qr = QrCode::new(url.as_bytes()).ok()?;
    let qr_svg = qr
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    Some(Enrolment {
        secret_text: group(&totp.get_secret_base32()),
        qr_svg,
    })
}

/// Base32 in groups of four, easier to type into an app by hand.
fn group(text: &str) -> String {
    text.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The step a right code belongs to, if it is later than `last_step`.
pub fn accepted_step(secret: &[u8], code: &str, unix_seconds: u64, last_step: i64) -> Option<i64> {
    let totp = totp(secret, "")?;
    let now = unix_seconds / STEP_SECONDS;
    let mut accepted = None;
    // Every candidate is computed and compared, so timing does not say which step matched.
    for step in [now.saturating_sub(1), now, now + 1] {
        let expected = totp.generate(step * STEP_SECONDS);
        let same = expected.len() == code.len()
            && expected
                .bytes()
                .zip(code.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        let step = i64::try_from(step).ok()?;
        if same && step > last_step && accepted.is_none() {
            accepted = Some(step);
        }
    }
    accepted
}

/// The code an app shows at a time: for tests, which play the person's phone.
pub fn code_at(secret: &[u8], unix_seconds: u64) -> Option<String> {
    Some(totp(secret, "")?.generate(unix_seconds))
}

/// The same, from the key as the set-up page shows it (base32 in groups).
pub fn code_for_key(key_text: &str, unix_seconds: u64) -> Option<String> {
    let secret = totp_rs::Secret::Encoded(key_text.replace(' ', ""))
        .to_bytes()
        .ok()?;
    code_at(&secret, unix_seconds)
}

/// Ten new recovery codes, each 50 random bits.
pub fn recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            (0..RECOVERY_CODE_LENGTH)
                .map(|_| CODE_ALPHABET[OsRng.gen_range(0..CODE_ALPHABET.len())] as char)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_vector() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082, of which an app shows the last six.
        let secret = b"12345678901234567890";
        assert_eq!(code_at(secret, 59).as_deref(), Some("287082"));
    }

    #[test]
    fn accepts_a_step_either_side_and_never_twice() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).expect("code");
        let step = accepted_step(&secret, &code, now, 0).expect("accepted");
        assert_eq!(accepted_step(&secret, &code, now, step), None, "replayed");
        let earlier = code_at(&secret, now - 30).expect("code");
        assert!(accepted_step(&secret, &earlier, now, 0).is_some());
        let stale = code_at(&secret, now - 90).expect("code");
        assert_eq!(accepted_step(&secret, &stale, now, 0), None);
        assert_eq!(
            accepted_step(&secret, "000000", now, 0).is_some(),
            code == "000000"
        );
    }

    #[test]
    fn enrolment_shows_the_secret_both_ways() {
        let secret = new_secret();
        let shown = enrolment(&secret, "sam@example").expect("enrolment");
        assert!(shown.qr_svg.starts_with("<?xml") || shown.qr_svg.contains("<svg"));
        assert_eq!(shown.secret_text.replace(' ', "").len(), 32);
        let codes = recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert!(codes.iter().all(|c| c.len() == RECOVERY_CODE_LENGTH));
    }
}
