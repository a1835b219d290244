//! A team's name, as people will see it on every page of its families.

use crate::domain::fields::parse_text;
use crate::error::{check, FieldErrors};

pub const MAX_TEAM_NAME_CHARS: usize = 80;

pub fn parse_team_name(text: &str) -> Result<String, String> {
    let name = parse_text(text, "the team's name", MAX_TEAM_NAME_CHARS, true)?;
    if name.chars().any(char::is_control) {
        return Err("The team's name must be on one line".into());
    }
    Ok(name)
}

/// The form that creates or renames a team.
pub fn validate_team_name(name: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    check(&mut errors, "name", parse_team_name(name));
    errors.keep("name", name);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            parse_team_name("  Brookford East "),
            Ok("Brookford East".into())
        );
        assert!(parse_team_name("   ").is_err());
        assert!(parse_team_name(&"x".repeat(81)).is_err());
        assert!(parse_team_name("North\nSouth").is_err());
    }
}
