//! The extract's people matched to the household: by the case system's person id, added to the
//! family when new, and corrected (name, date of birth, born at last) when the case system says
//! otherwise. Relationships, leaving the household and everything written in Hearth stay.

use super::apply::{Importer, InHearth, Known, FROM_EXTRACT};
use super::files::Table;
use super::index::FamilyLines;
use super::outcomes::Outcomes;
use super::rows::Person;
use crate::domain::age::age_in_years;
use crate::domain::family::MemberKind;
use crate::domain::ids::MemberId;
use crate::error::{AppError, FieldErrors};
use crate::page_data::import::LineOutcome;
use crate::services::case_record::household::{member_words, MemberSave};
use crate::services::versioned::{changed_fields, save_in, Save, Saved};
use crate::store::families::StoredMember;
use crate::store::WriteTx;

/// The person as the extract has them, over what Hearth keeps of them (or a new person).
fn as_extract_says(
    person: &Person,
    found: &InHearth,
    today: chrono::NaiveDate,
    current: Option<&StoredMember>,
) -> Result<StoredMember, String> {
    let kind = match person.date_of_birth {
        Some(born) => match age_in_years(born, today) {
            None => {
                return Err(format!(
                    "person {}'s date of birth is after today",
                    person.id
                ))
            }
            Some(age) if age >= 18 => MemberKind::Adult,
            Some(_) => MemberKind::Child,
        },
        // Not born yet: a child with the day they are due.
        None => MemberKind::Child,
    };
    let mut member = current.cloned().unwrap_or_else(|| StoredMember {
        id: MemberId::new(),
        family_id: found.id,
        kind,
        given_name: String::new(),
        family_name: String::new(),
        relationship: String::new(),
        date_of_birth: None,
        expected_on: None,
        person_ref: Some(person.id.clone()),
        left_on: None,
        version: 0,
        statuses: Vec::new(),
        has_account: false,
    });
    member.kind = kind;
    member.given_name.clone_from(&person.given_name);
    member.family_name.clone_from(&person.family_name);
    member.date_of_birth = person.date_of_birth;
    member.expected_on = if person.date_of_birth.is_some() {
        None
    } else {
        person.expected_on
    };
    Ok(member)
}

pub async fn match_people(
    write: &mut WriteTx,
    who: &Importer,
    known: &mut Known,
    found: &InHearth<'_>,
    family: &FamilyLines<'_>,
    out: &mut Outcomes,
) -> Result<(), AppError> {
    for (membership, person) in &family.people {
        let current = known.members.get(&person.id);
        let refuse = |out: &mut Outcomes, why: String| {
            out.add(
                Table::Person,
                person.line,
                &person.id,
                LineOutcome::Refused,
                why.clone(),
            );
            out.add(
                Table::Family,
                membership.line,
                &membership.person,
                LineOutcome::Refused,
                why,
            );
        };
        if current.is_some_and(|m| m.family_id != found.id) {
            refuse(
                out,
                format!(
                    "person {} is in another family in Hearth; if they have moved, record it there first",
                    person.id
                ),
            );
            continue;
        }
        let member = match as_extract_says(person, found, who.today, current) {
            Ok(member) => member,
            Err(why) => {
                refuse(out, why);
                continue;
            }
        };
        let save = Save {
            family: found.id,
            after: member_words(&member),
            current: current.map(|m| (m.version, member_words(m))),
            record: MemberSave {
                authority: who.authority,
                member,
                typed: FieldErrors::default(),
            },
            reason: FROM_EXTRACT,
        };
        let (person_outcome, words, joined) = match save_in(write, &save, who.actor, who.now).await
        {
            Ok(Saved::Added(_)) => (
                LineOutcome::Added,
                format!("added to family {}", found.case_ref),
                true,
            ),
            Ok(Saved::Changed(changes)) => (
                LineOutcome::Changed,
                format!("changed: {}", changed_fields(&changes)),
                false,
            ),
            Ok(Saved::Nothing) => (LineOutcome::Unchanged, "as in Hearth".to_string(), false),
            Ok(_) => return Err(AppError::Internal),
            Err(AppError::Invalid(errors)) => {
                refuse(out, first_message(&errors));
                continue;
            }
            Err(other) => return Err(other),
        };
        out.add(
            Table::Person,
            person.line,
            &person.id,
            person_outcome,
            words,
        );
        let (outcome, words) = if joined {
            (
                LineOutcome::Added,
                format!("joins family {}", found.case_ref),
            )
        } else {
            (
                LineOutcome::Unchanged,
                format!("in family {}", found.case_ref),
            )
        };
        out.add(
            Table::Family,
            membership.line,
            &membership.person,
            outcome,
            words,
        );
        let mut saved = save.record.member;
        if person_outcome != LineOutcome::Unchanged {
            saved.version += 1;
        }
        known.members.insert(person.id.clone(), saved);
    }
    Ok(())
}

/// A refusal's words, for a line of the report.
pub fn first_message(errors: &FieldErrors) -> String {
    errors
        .errors
        .first()
        .map_or_else(|| "it was refused".to_string(), |e| e.message.clone())
}
