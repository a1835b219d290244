//! The people of a household as the team records them: who they are, how they stand in the
//! household, the council's own person ID, and the day someone left. A correction keeps the
//! version it was made from and its reason.

use super::family::MemberKind;
use super::fields::{parse_date, parse_text, parse_version, years};
use super::ids::{AccountId, FamilyId};
use crate::error::{check, FieldErrors};
use chrono::{Duration, NaiveDate};

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_RELATIONSHIP_CHARS: usize = 60;
/// The Standard Safeguarding Dataset keeps its ids in 48 characters.
pub const MAX_PERSON_REF_CHARS: usize = 48;
pub const MAX_REASON_CHARS: usize = 500;

coded_enum!(
    /// Who is being added: the form's first question, since it decides which date it asks for.
    PersonKind {
        Adult => "adult", "An adult";
        Child => "child", "A child";
        Unborn => "unborn", "A baby not yet born";
    }
);

impl PersonKind {
    pub fn member_kind(self) -> MemberKind {
        match self {
            PersonKind::Adult => MemberKind::Adult,
            PersonKind::Child | PersonKind::Unborn => MemberKind::Child,
        }
    }
}

form! {
    /// One person of a household, as added or corrected.
    MemberForm {
        version,
        given_name,
        family_name,
        relationship,
    }
    optional {
        /// Radios: absent until one is chosen.
        kind,
        date_of_birth,
        /// An unborn child: when the baby is due.
        expected_on,
        /// The council's case-system person ID.
        person_ref,
        /// Required for a correction: kept in the member's history.
        reason,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberInput {
    /// 0 for a new member.
    pub version: i64,
    pub kind: PersonKind,
    pub given_name: String,
    pub family_name: String,
    pub relationship: String,
    pub date_of_birth: Option<NaiveDate>,
    pub expected_on: Option<NaiveDate>,
    pub person_ref: Option<String>,
    pub reason: String,
}

fn parse_name(text: &str, what: &str) -> Result<String, String> {
    let name = parse_text(text, what, MAX_NAME_CHARS, true)?;
    if name.chars().any(char::is_control) {
        return Err(format!("Write {what} on one line"));
    }
    Ok(name)
}

pub fn parse_person_kind(text: &str) -> Result<PersonKind, String> {
    PersonKind::from_code(text.trim())
        .ok_or_else(|| "Choose whether this is an adult, a child or a baby not yet born".into())
}

/// The council's person ID as its case system writes it: letters, digits and `-`, `/`, `_`.
pub fn parse_person_ref(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > MAX_PERSON_REF_CHARS {
        return Err(format!(
            "The person ID must be {MAX_PERSON_REF_CHARS} characters or fewer"
        ));
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '_'))
    {
        return Err(
            "The person ID can only have letters, numbers, dashes, slashes and underscores, as in the case system"
                .into(),
        );
    }
    Ok(Some(text.to_string()))
}

/// A date of birth: not in the future, and within a long life.
pub fn parse_date_of_birth(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_date(text, "the date of birth", today - years(110), today)
}

/// When an unborn baby is due: up to ten months ahead, or a month past if the birth is late.
pub fn parse_expected_on(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_date(
        text,
        "when the baby is due",
        today - Duration::days(31),
        today + Duration::days(310),
    )
}

/// A member as added (`correcting` false) or corrected (a reason is then required).
pub fn parse_member(
    form: &MemberForm,
    today: NaiveDate,
    correcting: bool,
) -> Result<MemberInput, FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let kind = check(&mut errors, "kind", parse_person_kind(&form.kind));
    let given_name = check(
        &mut errors,
        "given_name",
        parse_name(&form.given_name, "their first name"),
    );
    let family_name = check(
        &mut errors,
        "family_name",
        parse_name(&form.family_name, "their last name"),
    );
    let relationship = check(
        &mut errors,
        "relationship",
        parse_text(
            &form.relationship,
            "how they stand in the household, such as mother or son",
            MAX_RELATIONSHIP_CHARS,
            true,
        ),
    );
    let (date_of_birth, expected_on) = match kind {
        Some(PersonKind::Unborn) => {
            if !form.date_of_birth.trim().is_empty() {
                errors.add(
                    "date_of_birth",
                    "A baby not yet born has no date of birth: give when the baby is due",
                );
            }
            let due = check(
                &mut errors,
                "expected_on",
                parse_expected_on(&form.expected_on, today),
            );
            (None, due)
        }
        Some(PersonKind::Adult) if form.date_of_birth.trim().is_empty() => (None, None),
        Some(_) => {
            let born = check(
                &mut errors,
                "date_of_birth",
                parse_date_of_birth(&form.date_of_birth, today),
            );
            (born, None)
        }
        None => (None, None),
    };
    let person_ref = check(
        &mut errors,
        "person_ref",
        parse_person_ref(&form.person_ref),
    );
    let reason = check(
        &mut errors,
        "reason",
        parse_text(
            &form.reason,
            "why you are correcting it",
            MAX_REASON_CHARS,
            correcting,
        ),
    );
    match (
        version,
        kind,
        given_name,
        family_name,
        relationship,
        person_ref,
        reason,
    ) {
        (
            Some(version),
            Some(kind),
            Some(given_name),
            Some(family_name),
            Some(relationship),
            Some(person_ref),
            Some(reason),
        ) if errors.is_empty() => Ok(MemberInput {
            version,
            kind,
            given_name,
            family_name,
            relationship,
            date_of_birth,
            expected_on,
            person_ref,
            reason,
        }),
        _ => Err(errors),
    }
}

form! {
    /// A family opened for a new referral: its id (made by the page), the household's name and
    /// the case-holding social worker.
    NewFamilyForm {
        id,
        name,
        social_worker,
    }
    optional {}
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFamily {
    pub id: FamilyId,
    /// "Ashworth": pages say "The Ashworth family".
    pub name: String,
    pub social_worker: AccountId,
}

/// A new family; `social_workers` are the team's, one of whom holds the case.
pub fn parse_new_family(
    form: &NewFamilyForm,
    social_workers: &[AccountId],
) -> Result<NewFamily, FieldErrors> {
    let mut errors = form.typed();
    // Only a tampered form sends no id or a malformed one.
    let id = check(
        &mut errors,
        "id",
        FamilyId::parse(&form.id).ok_or_else(|| "Reload the page and try again".to_string()),
    );
    let name = check(
        &mut errors,
        "name",
        parse_name(&form.name, "the household's family name"),
    );
    let social_worker = check(
        &mut errors,
        "social_worker",
        AccountId::parse(&form.social_worker)
            .filter(|id| social_workers.contains(id))
            .ok_or_else(|| "Choose the social worker who will hold the case".to_string()),
    );
    match (id, name, social_worker) {
        (Some(id), Some(name), Some(social_worker)) if errors.is_empty() => Ok(NewFamily {
            id,
            name,
            social_worker,
        }),
        _ => Err(errors),
    }
}

form! {
    /// That someone has left the household, from a day.
    LeftForm {
        version,
        left_on,
    }
    optional {}
    lists {}
}

/// The day someone left: not ahead of today (their account loses access that day), and not
/// long ago.
pub fn parse_left(form: &LeftForm, today: NaiveDate) -> Result<(i64, NaiveDate), FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let left_on = check(
        &mut errors,
        "left_on",
        parse_date(&form.left_on, "the day they left", today - years(5), today),
    );
    match (version, left_on) {
        (Some(version), Some(left_on)) if errors.is_empty() => Ok((version, left_on)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).expect("a real date")
    }

    fn form(kind: &str) -> MemberForm {
        MemberForm {
            version: "0".into(),
            kind: kind.into(),
            given_name: " Ruby ".into(),
            family_name: "Ashworth".into(),
            relationship: "Daughter".into(),
            ..MemberForm::default()
        }
    }

    #[test]
    fn a_child_needs_a_date_of_birth_and_takes_it_as_a_uk_date() {
        let mut child = form("child");
        assert_eq!(
            parse_member(&child, today(), false)
                .err()
                .and_then(|e| e.for_field("date_of_birth").map(str::to_string)),
            Some("Enter the date of birth".into())
        );
        child.date_of_birth = "3/5/2020".into();
        let input = parse_member(&child, today(), false).expect("valid");
        assert_eq!(input.given_name, "Ruby");
        assert_eq!(input.date_of_birth, NaiveDate::from_ymd_opt(2020, 5, 3));
    }

    #[test]
    fn an_unborn_baby_has_a_due_date_and_no_date_of_birth() {
        let mut baby = form("unborn");
        baby.expected_on = "2027-03-01".into();
        let input = parse_member(&baby, today(), false).expect("valid");
        assert_eq!(input.kind.member_kind(), MemberKind::Child);
        assert_eq!(input.date_of_birth, None);
        baby.date_of_birth = "2026-11-01".into();
        assert!(parse_member(&baby, today(), false).is_err());
        baby.date_of_birth.clear();
        baby.expected_on = "2028-03-01".into();
        assert!(parse_member(&baby, today(), false).is_err());
    }

    #[test]
    fn an_adult_may_have_no_date_of_birth_yet() {
        let mut adult = form("adult");
        adult.relationship = "Father".into();
        assert_eq!(
            parse_member(&adult, today(), false)
                .expect("valid")
                .date_of_birth,
            None
        );
    }

    #[test]
    fn a_correction_needs_its_reason() {
        let mut child = form("child");
        child.date_of_birth = "2020-05-03".into();
        child.version = "2".into();
        let errors = parse_member(&child, today(), true).expect_err("no reason");
        assert_eq!(
            errors.for_field("reason"),
            Some("Enter why you are correcting it")
        );
    }

    #[test]
    fn person_ids_are_as_the_case_system_writes_them() {
        assert_eq!(parse_person_ref(" "), Ok(None));
        assert_eq!(parse_person_ref(" P-10423 "), Ok(Some("P-10423".into())));
        assert!(parse_person_ref("=HYPERLINK(1)").is_err());
        assert!(parse_person_ref(&"9".repeat(48)).is_ok());
        assert!(parse_person_ref(&"9".repeat(49)).is_err());
    }

    #[test]
    fn no_one_leaves_in_the_future() {
        let left = |on: &str| {
            parse_left(
                &LeftForm {
                    version: "1".into(),
                    left_on: on.into(),
                },
                today(),
            )
        };
        assert!(left("2026-12-03").is_err());
        assert_eq!(
            left("1/12/2026").ok(),
            Some((1, NaiveDate::from_ymd_opt(2026, 12, 1).expect("date")))
        );
    }
}
