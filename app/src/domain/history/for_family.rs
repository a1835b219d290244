//! Plan history as a family reads it on their own page.

use super::{field, FieldChange, Subject};
use crate::domain::goal::GoalStatus;

/// A change as the family reads it on their page, or `None` when it is not theirs to see
/// (who can see what is for the team; professional wording is shown beside their own words).
pub fn for_family(
    subject: Subject,
    change: &FieldChange,
    title: &str,
    step_was_new: bool,
) -> Option<String> {
    let FieldChange {
        field,
        before,
        after,
    } = change;
    let text = match (subject, field.as_str()) {
        (_, field::VISIBLE_TO)
        | (_, field::ORDER)
        | (
            Subject::Safety
            | Subject::Entry
            | Subject::Member
            | Subject::LegalStatus
            | Subject::Finding,
            _,
        ) => return None,
        (Subject::Goal, field::FAMILY_WORDS) if before.is_empty() => {
            format!("A new goal was added: \"{after}\".")
        }
        (Subject::Goal, field::FAMILY_WORDS) => {
            format!("Your goal \"{before}\" now says \"{after}\".")
        }
        (Subject::Goal, field::STATUS) if !before.is_empty() => {
            format!("\"{title}\" is now: {}.", status_words(after))
        }
        (Subject::Goal, field::TARGET_DATE) if !before.is_empty() => {
            format!("The date for \"{title}\" changed from {before} to {after}.")
        }
        (Subject::Goal, field::PROFESSIONAL_WORDS) if !before.is_empty() => {
            format!("Your worker changed how they describe \"{title}\".")
        }
        (Subject::Step, field::WHAT) if step_was_new => {
            format!("A new step for \"{title}\": {after}.")
        }
        (Subject::Step, field::WHAT) => format!("A step for \"{title}\" now says: {after}."),
        (Subject::Step, field::DUE) if !step_was_new => {
            format!("A step for \"{title}\" is now due {after}.")
        }
        (Subject::Step, field::DONE) if after == "Yes" && !step_was_new => {
            format!("A step for \"{title}\" was marked done.")
        }
        (Subject::Step, field::DONE) if after == "No" && !step_was_new => {
            format!("A step for \"{title}\" was marked not done.")
        }
        _ => return None,
    };
    Some(text)
}

/// The status label written in history, in the family's words.
fn status_words(label: &str) -> &'static str {
    GoalStatus::ALL
        .iter()
        .find(|s| s.label() == label)
        .map(|s| s.for_families())
        .unwrap_or("changed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_read_changes_in_their_words_and_never_who_can_see_what() {
        let change = |field: &str, before: &str, after: &str| FieldChange {
            field: field.into(),
            before: before.into(),
            after: after.into(),
        };
        assert_eq!(
            for_family(
                Subject::Goal,
                &change(field::STATUS, "On track", "At risk"),
                "School",
                false
            )
            .as_deref(),
            Some("\"School\" is now: Needs more work.")
        );
        assert_eq!(
            for_family(
                Subject::Goal,
                &change(field::VISIBLE_TO, "Kelly", "Kelly, Darren"),
                "School",
                false
            ),
            None
        );
        assert_eq!(
            for_family(Subject::Safety, &change(field::DANGER, "", "x"), "", false),
            None
        );
        assert_eq!(
            for_family(
                Subject::Step,
                &change(field::DONE, "No", "Yes"),
                "School",
                false
            )
            .as_deref(),
            Some("A step for \"School\" was marked done.")
        );
    }
}
