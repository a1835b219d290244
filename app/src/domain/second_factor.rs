//! What a person types as their second factor: a 6-digit code from an authenticator app, or one
//! of their single-use recovery codes. The same rules run in the browser and on the server.

use super::credentials::{normalise_code, CODE_ALPHABET};
use crate::error::{check, FieldErrors};

/// Characters in a recovery code; shown as two groups of five.
pub const RECOVERY_CODE_LENGTH: usize = 10;
pub const RECOVERY_CODES: usize = 10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactorCode {
    /// Six digits from the authenticator app.
    App(String),
    Recovery(String),
}

pub fn parse_factor_code(text: &str) -> Result<FactorCode, String> {
    let code = normalise_code(text);
    if code.is_empty() {
        return Err("Enter the 6-digit code from your authenticator app".into());
    }
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(FactorCode::App(code));
    }
    if code.chars().count() == RECOVERY_CODE_LENGTH
        && code.bytes().all(|b| CODE_ALPHABET.contains(&b))
    {
        return Ok(FactorCode::Recovery(code));
    }
    Err("Enter the 6 digits your authenticator app shows, or one of your recovery codes, like 7KQM3-XPD9T".into())
}

/// Just the app's 6 digits: setting up is proved with the app, never with a recovery code.
pub fn parse_app_code(text: &str) -> Result<String, String> {
    match parse_factor_code(text)? {
        FactorCode::App(code) => Ok(code),
        FactorCode::Recovery(_) => {
            Err("Enter the 6-digit code your authenticator app shows now".into())
        }
    }
}

/// Shows a recovery code as two groups of five.
pub fn format_recovery_code(code: &str) -> String {
    let (a, b) = code.split_at(code.len().min(RECOVERY_CODE_LENGTH / 2));
    format!("{a}-{b}")
}

pub fn validate_code(code: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "code", parse_factor_code(code));
    errors
}

pub fn validate_app_code(code: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "code", parse_app_code(code));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_codes_and_recovery_codes() {
        assert_eq!(
            parse_factor_code(" 123 456 "),
            Ok(FactorCode::App("123456".into()))
        );
        assert_eq!(
            parse_factor_code("7kqm3-xpd9t"),
            Ok(FactorCode::Recovery("7KQM3XPD9T".into()))
        );
        assert_eq!(
            parse_factor_code("OKQM3-XPD9I"),
            Ok(FactorCode::Recovery("0KQM3XPD91".into()))
        );
        assert!(parse_factor_code("").is_err());
        assert!(parse_factor_code("12345").is_err());
        assert!(parse_factor_code("1234567").is_err());
        assert!(parse_factor_code("UUUUUUUUUU").is_err());
        assert!(parse_app_code("7KQM3XPD9T").is_err());
        assert_eq!(format_recovery_code("7KQM3XPD9T"), "7KQM3-XPD9T");
    }
}
