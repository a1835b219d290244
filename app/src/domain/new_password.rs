//! Choosing a new password. Length, a limit and "not your own name or login" are checked here,
//! in the browser and on the server alike; how guessable it is (a dictionary estimate) only on
//! the server, whose estimator is too large to send to a phone.

use super::credentials::{parse_password, parse_set_up_code, MAX_PASSWORD_CHARS};
use crate::error::{check, FieldErrors};

/// NCSC: length over complexity. Twelve characters fits three short random words.
pub const MIN_NEW_PASSWORD_CHARS: usize = 12;

/// The new password, or `(field, message)`. `personal` holds the account's login and name.
pub fn parse_new_password(
    new: &str,
    confirm: &str,
    personal: &[&str],
) -> Result<String, (&'static str, String)> {
    let length = new.chars().count();
    if new.is_empty() {
        return Err(("new_password", "Enter a new password".into()));
    }
    if length < MIN_NEW_PASSWORD_CHARS {
        return Err((
            "new_password",
            format!("Your new password must be at least {MIN_NEW_PASSWORD_CHARS} characters. Three random words work well"),
        ));
    }
    if length > MAX_PASSWORD_CHARS {
        return Err((
            "new_password",
            format!("Your new password must be {MAX_PASSWORD_CHARS} characters or fewer"),
        ));
    }
    let folded = fold(new);
    for word in personal.iter().flat_map(|p| personal_words(p)) {
        if folded.contains(&word) {
            return Err((
                "new_password",
                "Your new password must not contain your name or your login".into(),
            ));
        }
    }
    if new != confirm {
        return Err(("confirm", "The two new passwords are not the same".into()));
    }
    Ok(new.to_string())
}

/// Letters and digits only, lower case: "Sam.Whitfield" and "samwhitfield" are the same word.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The parts of a name or login worth refusing: each word of four letters or more, and the
/// part of an email before the @ run together.
fn personal_words(text: &str) -> Vec<String> {
    let local = text.split('@').next().unwrap_or(text);
    let mut words: Vec<String> = local
        .split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let whole = fold(local);
    if whole.chars().count() >= 4 {
        words.push(whole);
    }
    words
}

/// The change-password form.
pub fn validate_password_change(
    current: &str,
    new: &str,
    confirm: &str,
    personal: &[&str],
) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if let Err(message) = parse_password(current) {
        errors.add(
            "current_password",
            message.replace("your password", "your current password"),
        );
    }
    if let Err((field, message)) = parse_new_password(new, confirm, personal) {
        errors.add(field, message);
    }
    if errors.is_empty() && current == new {
        errors.add(
            "new_password",
            "Your new password must differ from your current one",
        );
    }
    errors
}

/// The form a member of staff fills in with their set-up code to choose a password. Whether
/// the password holds their own name is checked on the server, which knows whose code it is.
pub fn validate_set_up(code: &str, new_password: &str, confirm: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "code", parse_set_up_code(code));
    if let Err((field, message)) = parse_new_password(new_password, confirm, &[]) {
        errors.add(field, message);
    }
    errors.keep("code", code);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const ME: [&str; 2] = ["sam.whitfield@brookford.example", "Sam Whitfield"];

    #[test]
    fn length_and_match() {
        assert_eq!(
            parse_new_password("", "", &ME).unwrap_err().0,
            "new_password"
        );
        assert_eq!(
            parse_new_password("short one", "short one", &ME)
                .unwrap_err()
                .0,
            "new_password"
        );
        assert_eq!(
            parse_new_password("copper kettle rain", "copper kettle rains", &ME)
                .unwrap_err()
                .0,
            "confirm"
        );
        assert!(parse_new_password("copper kettle rain", "copper kettle rain", &ME).is_ok());
    }

    #[test]
    fn refuses_the_accounts_own_words() {
        for bad in [
            "Whitfield2026!!",
            "my sam.whitfield pass",
            "SAMWHITFIELD-ok-ok",
        ] {
            let refused = parse_new_password(bad, bad, &ME).unwrap_err();
            assert!(
                refused.1.contains("name or your login"),
                "{bad}: {refused:?}"
            );
        }
    }

    #[test]
    fn the_form() {
        assert!(
            validate_password_change("", "copper kettle rain", "copper kettle rain", &ME)
                .for_field("current_password")
                .is_some()
        );
        let same = validate_password_change(
            "copper kettle rain",
            "copper kettle rain",
            "copper kettle rain",
            &ME,
        );
        assert!(same.for_field("new_password").is_some());
        assert!(validate_password_change(
            "old one",
            "copper kettle rain",
            "copper kettle rain",
            &ME
        )
        .is_empty());
    }

    #[test]
    fn the_set_up_form() {
        let refused = validate_set_up("not a code", "short", "short");
        assert!(refused.for_field("code").is_some());
        assert!(refused.for_field("new_password").is_some());
        assert_eq!(refused.value("code"), Some("not a code"));
        assert!(
            validate_set_up("7kqm-3xpd-9twa", "copper kettle rain", "copper kettle rain")
                .is_empty()
        );
    }
}
