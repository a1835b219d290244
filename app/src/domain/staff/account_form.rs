//! A new member of staff: their name, the email they sign in with, their role and team.

use crate::domain::credentials::MAX_LOGIN_CHARS;
use crate::domain::fields::parse_text;
use crate::domain::ids::TeamId;
use crate::domain::role::StaffRole;
use crate::error::{check, FieldErrors};

pub const MAX_NAME_CHARS: usize = 100;

form! {
    /// A staff account, as an administrator creates it.
    StaffForm {
        name,
        email,
        role,
    }
    optional {
        /// Empty for an administrator who belongs to no team.
        team,
        /// Their id in the council's case system, which its extract names them by.
        worker_ref,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffInput {
    pub name: String,
    /// Lower case: sign-in compares emails without regard to case.
    pub email: String,
    pub role: StaffRole,
    pub team: Option<TeamId>,
    pub worker_ref: Option<String>,
}

/// The Standard Safeguarding Dataset keeps a worker's id in 48 characters.
pub const MAX_WORKER_REF_CHARS: usize = 48;

/// A case system worker ID: empty for none.
pub fn parse_worker_ref(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_WORKER_REF_CHARS {
        return Err(format!(
            "The case system worker ID must be {MAX_WORKER_REF_CHARS} characters or fewer"
        ));
    }
    if text.chars().any(char::is_control) {
        return Err("The case system worker ID must be on one line".into());
    }
    Ok(Some(text.to_string()))
}

pub fn parse_staff_name(text: &str) -> Result<String, String> {
    let name = parse_text(text, "their full name", MAX_NAME_CHARS, true)?;
    if name.chars().any(char::is_control) {
        return Err("Their name must be on one line".into());
    }
    Ok(name)
}

/// A work email: one @, something before it, a domain with a dot after it, no spaces. Whether
/// it reaches anyone is the council's business; Hearth sends no email.
pub fn parse_work_email(text: &str) -> Result<String, String> {
    let email = text.trim().to_lowercase();
    if email.is_empty() {
        return Err("Enter the email they will sign in with".into());
    }
    if email.chars().count() > MAX_LOGIN_CHARS {
        return Err(format!(
            "The email must be {MAX_LOGIN_CHARS} characters or fewer"
        ));
    }
    let well_formed = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if !well_formed {
        return Err("Enter an email address like name@council.gov.uk".into());
    }
    Ok(email)
}

pub fn parse_staff_role(text: &str) -> Result<StaffRole, String> {
    StaffRole::from_code(text.trim()).ok_or_else(|| "Choose their role".to_string())
}

/// Every role but the council-wide ones works in a team; those may belong to none.
pub fn parse_team_for(role: Option<StaffRole>, text: &str) -> Result<Option<TeamId>, String> {
    let text = text.trim();
    if text.is_empty() {
        return match role {
            Some(role) if role.works_in_team() => Err("Choose their team".into()),
            _ => Ok(None),
        };
    }
    TeamId::parse(text)
        .map(Some)
        .ok_or_else(|| "Choose their team".to_string())
}

pub fn parse_staff(form: &StaffForm) -> Result<StaffInput, FieldErrors> {
    let mut errors = form.typed();
    let name = check(&mut errors, "name", parse_staff_name(&form.name));
    let email = check(&mut errors, "email", parse_work_email(&form.email));
    let role = check(&mut errors, "role", parse_staff_role(&form.role));
    let team = check(&mut errors, "team", parse_team_for(role, &form.team));
    let worker_ref = check(
        &mut errors,
        "worker_ref",
        parse_worker_ref(&form.worker_ref),
    );
    match (name, email, role, team, worker_ref) {
        (Some(name), Some(email), Some(role), Some(team), Some(worker_ref))
            if errors.is_empty() =>
        {
            Ok(StaffInput {
                name,
                email,
                role,
                team,
                worker_ref,
            })
        }
        _ => Err(errors),
    }
}

/// The browser's check of the same form.
pub fn validate_staff(form: &StaffForm) -> FieldErrors {
    parse_staff(form).err().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, email: &str, role: &str, team: &str) -> StaffForm {
        StaffForm {
            name: name.into(),
            email: email.into(),
            role: role.into(),
            team: team.into(),
            worker_ref: String::new(),
        }
    }

    #[test]
    fn a_good_form_is_read() {
        let team = TeamId::new();
        let input = parse_staff(&form(
            " Ruth Adeyemi ",
            "Ruth.Adeyemi@Harwick.gov.uk",
            "social_worker",
            &team.to_string(),
        ))
        .expect("valid");
        assert_eq!(input.name, "Ruth Adeyemi");
        assert_eq!(input.email, "ruth.adeyemi@harwick.gov.uk");
        assert_eq!(input.role, StaffRole::SocialWorker);
        assert_eq!(input.team, Some(team));
    }

    #[test]
    fn each_field_says_what_is_wrong() {
        let errors = parse_staff(&form("", "ruth at harwick", "wizard", "")).unwrap_err();
        for field in ["name", "email", "role"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
        let errors =
            parse_staff(&form("Ruth", "ruth@harwick.gov.uk", "social_worker", "")).unwrap_err();
        assert_eq!(errors.for_field("team"), Some("Choose their team"));
        assert_eq!(errors.value("email"), Some("ruth@harwick.gov.uk"));
    }

    #[test]
    fn an_administrator_may_have_no_team() {
        assert!(parse_staff(&form("Jo", "jo@harwick.gov.uk", "administrator", "")).is_ok());
    }

    #[test]
    fn emails_are_checked_for_shape() {
        for bad in [
            "a@b", "@x.uk", "a@.uk", "a@x.", "a b@x.uk", "a@b@x.uk", "abc",
        ] {
            assert!(parse_work_email(bad).is_err(), "{bad}");
        }
        assert!(parse_work_email("first.last+fs@council.gov.uk").is_ok());
    }
}
