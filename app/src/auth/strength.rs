//! How guessable a new password is, by zxcvbn's offline estimate (dictionaries of common
//! passwords, names and words, keyboard patterns, dates), with the account's own words added.

use crate::error::AppError;
use zxcvbn::{zxcvbn, Score};

/// zxcvbn's scale runs 0 to 4; 3 is "safely unguessable: moderate protection from offline
/// slow-hash scenario", which Argon2 is.
const ENOUGH: Score = Score::Three;

/// Why the password is too easy to guess, or `None` if it is strong enough.
pub fn weakness(password: &str, personal: &[&str]) -> Option<String> {
    let estimate = zxcvbn(password, personal);
    if estimate.score() >= ENOUGH {
        return None;
    }
    let feedback = estimate.feedback();
    let warning = feedback
        .and_then(|f| f.warning())
        .map(|w| format!("{w}. "))
        .unwrap_or_default();
    let suggestion = feedback
        .and_then(|f| f.suggestions().first())
        .map(|s| format!("{s}."))
        .unwrap_or_else(|| "Add another word or two.".into());
    Some(format!(
        "This password would be too easy to guess. {warning}{suggestion}"
    ))
}

/// [`weakness`] off the async runtime: a long password takes the estimator a while.
pub async fn weakness_of(password: &str, personal: &[&str]) -> Result<Option<String>, AppError> {
    let password = password.to_string();
    let personal: Vec<String> = personal.iter().map(|p| p.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let personal: Vec<&str> = personal.iter().map(String::as_str).collect();
        weakness(&password, &personal)
    })
    .await
    .map_err(|_| AppError::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_and_personal_passwords_are_weak() {
        assert!(weakness("password1234", &[]).is_some());
        assert!(weakness("qwertyuiop12", &[]).is_some());
        assert!(weakness("brookford2026", &["brookford"]).is_some());
        assert_eq!(weakness("copper kettle drizzle lantern", &[]), None);
    }
}
