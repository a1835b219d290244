//! Words from the family, or a practitioner's reply to them.

use super::MAX_COMMENT;
use crate::domain::fields::parse_text;
use crate::error::{check, FieldErrors};

/// Words from the family, or a reply to them: required, at most the comment length.
pub fn parse_words(body: &str, what: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    let parsed = check(
        &mut errors,
        "body",
        parse_text(body, what, MAX_COMMENT, true),
    );
    errors.keep("body", body);
    parsed.ok_or(errors)
}
