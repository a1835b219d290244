//! Parsing what people type to sign in or set up an account. The same rules run in the browser
//! as they type and on the server, which never trusts the browser.

use crate::error::{check, FieldErrors};

coded_enum!(
    /// What an attempt tried: counted and limited separately.
    AttemptKind {
        SignIn => "sign_in", "Sign-in";
        InvitationCode => "invitation_code", "Invitation code";
        SetUpCode => "set_up_code", "Set-up code";
    }
);

/// The longest password we will hash: Argon2 on megabytes of input would be a cheap attack.
pub const MAX_PASSWORD_CHARS: usize = 256;
pub const MIN_PASSPHRASE_CHARS: usize = 10;
pub const MAX_LOGIN_CHARS: usize = 254;
/// Letters and digits that cannot be mistaken for each other when read aloud or copied by hand.
pub const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_LENGTH: usize = 12;
pub const MIN_REASON_CHARS: usize = 10;
pub const MAX_REASON_CHARS: usize = 1000;

/// An email (staff) or username (family members), compared without regard to case.
pub fn parse_login(text: &str) -> Result<String, String> {
    let login = text.trim().to_lowercase();
    if login.is_empty() {
        return Err("Enter your email or username".into());
    }
    if login.chars().count() > MAX_LOGIN_CHARS {
        return Err(format!(
            "Your email or username must be {MAX_LOGIN_CHARS} characters or fewer"
        ));
    }
    Ok(login)
}

pub fn parse_password(text: &str) -> Result<String, String> {
    if text.is_empty() {
        return Err("Enter your password".into());
    }
    if text.chars().count() > MAX_PASSWORD_CHARS {
        return Err(format!(
            "Your password must be {MAX_PASSWORD_CHARS} characters or fewer"
        ));
    }
    Ok(text.to_string())
}

/// A username a family member chooses.
pub fn parse_new_username(text: &str) -> Result<String, String> {
    let name = text.trim().to_lowercase();
    let length = name.chars().count();
    if name.is_empty() {
        return Err("Choose a username".into());
    }
    if !(3..=40).contains(&length) {
        return Err("Your username must be 3 to 40 characters long".into());
    }
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err("Your username must start with a letter".into());
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
    {
        return Err(
            "Use only letters, numbers, dots, hyphens and underscores in your username".into(),
        );
    }
    Ok(name)
}

/// A new passphrase: long rather than complicated, as NCSC advises ("three random words").
pub fn parse_new_passphrase(
    passphrase: &str,
    confirm: &str,
    username: &str,
) -> Result<String, (&'static str, String)> {
    let length = passphrase.chars().count();
    if passphrase.is_empty() {
        return Err(("passphrase", "Choose a passphrase".into()));
    }
    if length < MIN_PASSPHRASE_CHARS {
        return Err((
            "passphrase",
            format!("Your passphrase must be at least {MIN_PASSPHRASE_CHARS} characters. Three words you will remember work well"),
        ));
    }
    if length > MAX_PASSWORD_CHARS {
        return Err((
            "passphrase",
            format!("Your passphrase must be {MAX_PASSWORD_CHARS} characters or fewer"),
        ));
    }
    if !username.is_empty() && passphrase.trim().eq_ignore_ascii_case(username.trim()) {
        return Err((
            "passphrase",
            "Your passphrase must not be your username".into(),
        ));
    }
    if passphrase != confirm {
        return Err(("confirm", "The two passphrases are not the same".into()));
    }
    Ok(passphrase.to_string())
}

/// A code as typed, read the way it was meant: spaces, hyphens and case do not matter, and
/// letters that look like digits are read as those digits. For every code Hearth hands out.
pub fn normalise_code(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect()
}

/// An invitation code as typed (see [`normalise_code`]).
pub fn parse_invitation_code(text: &str) -> Result<String, String> {
    let code = normalise_code(text);
    if code.is_empty() {
        return Err("Enter your invitation code".into());
    }
    if code.chars().count() != CODE_LENGTH || !code.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        return Err("An invitation code has 12 letters and numbers, like 7KQM-3XPD-9TWA".into());
    }
    Ok(code)
}

/// A set-up code as typed (see [`normalise_code`]): the same shape as an invitation code.
pub fn parse_set_up_code(text: &str) -> Result<String, String> {
    let code = normalise_code(text);
    if code.is_empty() {
        return Err("Enter the set-up code you were given".into());
    }
    if code.chars().count() != CODE_LENGTH || !code.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        return Err("A set-up code has 12 letters and numbers, like 7KQM-3XPD-9TWA".into());
    }
    Ok(code)
}

/// Shows a code in groups of four, as people read it out.
pub fn format_invitation_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Why someone opens a family outside their team; it is read at review, so it must say something.
pub fn parse_reason(text: &str) -> Result<String, String> {
    let reason = text.trim();
    let length = reason.chars().count();
    if reason.is_empty() {
        return Err("Say why you need to open this family".into());
    }
    if length < MIN_REASON_CHARS {
        return Err(format!("Give a reason of at least {MIN_REASON_CHARS} characters, so a manager reviewing it can understand"));
    }
    if length > MAX_REASON_CHARS {
        return Err(format!(
            "The reason must be {MAX_REASON_CHARS} characters or fewer (it has {length})"
        ));
    }
    Ok(reason.to_string())
}

/// The sign-in form, as the server checks it (the sign-in page sends no script: decision 27).
pub fn validate_sign_in(login: &str, password: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "login", parse_login(login));
    check(&mut errors, "password", parse_password(password));
    errors.keep("login", login);
    errors
}

/// The form a family member fills in with their invitation code.
pub fn validate_claim(code: &str, login: &str, passphrase: &str, confirm: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "code", parse_invitation_code(code));
    let username = check(&mut errors, "login", parse_new_username(login)).unwrap_or_default();
    if let Err((field, message)) = parse_new_passphrase(passphrase, confirm, &username) {
        errors.add(field, message);
    }
    errors.keep("code", code);
    errors.keep("login", login);
    errors
}

/// The reason form for opening a family outside one's team.
pub fn validate_reason(reason: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "reason", parse_reason(reason));
    errors.keep("reason", reason);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_trimmed_and_case_insensitive() {
        assert_eq!(
            parse_login("  Sam.Whitfield@Brookford.example "),
            Ok("sam.whitfield@brookford.example".into())
        );
        assert_eq!(
            parse_login("   "),
            Err("Enter your email or username".into())
        );
        assert!(parse_login(&"a".repeat(300)).is_err());
    }

    #[test]
    fn passwords_are_bounded() {
        assert!(parse_password("").is_err());
        assert!(parse_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)).is_err());
        assert!(parse_password("hearth-demo").is_ok());
    }

    #[test]
    fn usernames() {
        assert_eq!(
            parse_new_username("Kelly.Ashworth"),
            Ok("kelly.ashworth".into())
        );
        assert!(parse_new_username("ab").is_err());
        assert!(parse_new_username("9lives").is_err());
        assert!(parse_new_username("kelly ashworth").is_err());
        assert!(parse_new_username("kelly@home").is_err());
    }

    #[test]
    fn passphrases() {
        assert_eq!(
            parse_new_passphrase("", "", "kel").unwrap_err().0,
            "passphrase"
        );
        assert_eq!(
            parse_new_passphrase("short", "short", "kel").unwrap_err().0,
            "passphrase"
        );
        assert_eq!(
            parse_new_passphrase("kelly.ashworth", "kelly.ashworth", "kelly.ashworth")
                .unwrap_err()
                .0,
            "passphrase"
        );
        assert_eq!(
            parse_new_passphrase("tea garden robin", "tea garden robins", "kel")
                .unwrap_err()
                .0,
            "confirm"
        );
        assert!(parse_new_passphrase("tea garden robin", "tea garden robin", "kel").is_ok());
    }

    #[test]
    fn codes_forgive_how_they_were_typed() {
        assert_eq!(
            parse_invitation_code("7kqm-3xpd-9twa"),
            Ok("7KQM3XPD9TWA".into())
        );
        assert_eq!(
            parse_invitation_code("7KQM 3XPD 9TWA"),
            Ok("7KQM3XPD9TWA".into())
        );
        assert_eq!(
            parse_invitation_code("OKQM-3XPD-9TWI"),
            Ok("0KQM3XPD9TW1".into())
        );
        assert!(parse_invitation_code("").is_err());
        assert!(parse_invitation_code("7KQM-3XPD").is_err());
        assert!(parse_invitation_code("7KQM-3XPD-9TW!").is_err());
        assert_eq!(format_invitation_code("7KQM3XPD9TWA"), "7KQM-3XPD-9TWA");
    }

    #[test]
    fn reasons_must_say_something_and_not_too_much() {
        assert!(parse_reason(" ").is_err());
        assert!(parse_reason("because").is_err());
        assert!(parse_reason(&"x".repeat(MAX_REASON_CHARS + 1))
            .unwrap_err()
            .contains("(it has 1001)"));
        assert!(parse_reason("Duty cover: police call-out overnight").is_ok());
    }
}
