//! Plan history (DOMAIN.md §3): every change is kept as who, when, what changed and why, and
//! read back as differences a person can follow.

use super::goal::{GoalArea, GoalStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// What a change was made to.
    Subject {
        Goal => "goal", "Goal";
        Step => "step", "Step";
        Safety => "safety", "Danger statement and safety goal";
        Entry => "entry", "Workbook entry";
    }
);

/// One field's value before and after, as words ("On track" → "At risk").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    /// Empty for a new record.
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanChange {
    pub subject: Subject,
    /// The version this change made.
    pub version: i64,
    pub actor_name: String,
    /// Whether a family member made it (marking their own step done).
    pub by_family: bool,
    /// Unix milliseconds.
    pub at: i64,
    pub reason: String,
    pub changes: Vec<FieldChange>,
}

/// A goal's fields as words, so two versions can be compared line by line.
pub struct GoalFields<'a> {
    pub owner_name: &'a str,
    pub area: GoalArea,
    pub family_words: &'a str,
    pub professional_words: &'a str,
    pub target_date: NaiveDate,
    pub status: GoalStatus,
    pub visible_to: &'a [String],
}

pub struct StepFields<'a> {
    pub who_name: &'a str,
    pub what: &'a str,
    pub due_on: NaiveDate,
    pub done: bool,
    pub visible_to: &'a [String],
}

/// Field names in history, and in "what changed since you last looked".
pub mod field {
    pub const OWNER: &str = "Whose goal";
    pub const AREA: &str = "Area";
    pub const FAMILY_WORDS: &str = "In the family's words";
    pub const PROFESSIONAL_WORDS: &str = "Professional wording";
    pub const TARGET_DATE: &str = "Target date";
    pub const STATUS: &str = "Status";
    pub const VISIBLE_TO: &str = "Who in the family can see it";
    pub const WHO: &str = "Who";
    pub const WHAT: &str = "What";
    pub const DUE: &str = "By when";
    pub const DONE: &str = "Done";
    pub const DANGER: &str = "Danger statement";
    pub const SAFETY_GOAL: &str = "Safety goal";
    pub const ORDER: &str = "Order";
    pub const DATE: &str = "Date";
    pub const PEOPLE: &str = "Family members there";
    pub const OTHERS: &str = "Also there";
    pub const PLACE: &str = "Place";
    pub const SEEN_ALONE: &str = "Child seen alone";
    pub const SUMMARY: &str = "Summary";
    pub const SIGNIFICANT: &str = "Significant";
}

/// A workbook entry's fields as words.
pub struct EntryFields<'a> {
    pub occurred_on: NaiveDate,
    pub people: &'a [String],
    pub others: &'a str,
    pub place: &'a str,
    pub child_seen_alone: Option<bool>,
    pub summary: &'a str,
    pub significant: bool,
}

pub fn entry_changes(before: Option<&EntryFields>, after: &EntryFields) -> Vec<FieldChange> {
    let alone = |v: Option<bool>| match v {
        Some(true) => "Yes".to_string(),
        Some(false) => "No".to_string(),
        None => "Not recorded".to_string(),
    };
    let mut out = Vec::new();
    let b = before;
    push(
        &mut out,
        field::DATE,
        b.map(|e| history_date(e.occurred_on)),
        history_date(after.occurred_on),
    );
    push(
        &mut out,
        field::PEOPLE,
        b.map(|e| e.people.join(", ")),
        after.people.join(", "),
    );
    push(
        &mut out,
        field::OTHERS,
        b.map(|e| e.others.to_string()),
        after.others.into(),
    );
    push(
        &mut out,
        field::PLACE,
        b.map(|e| e.place.to_string()),
        after.place.into(),
    );
    push(
        &mut out,
        field::SEEN_ALONE,
        b.map(|e| alone(e.child_seen_alone)),
        alone(after.child_seen_alone),
    );
    push(
        &mut out,
        field::SUMMARY,
        b.map(|e| e.summary.to_string()),
        after.summary.into(),
    );
    push(
        &mut out,
        field::SIGNIFICANT,
        b.map(|e| yes_no(e.significant)),
        yes_no(after.significant),
    );
    out
}

/// "Tuesday 3 March 2027": history spans years, so it carries the year.
pub fn history_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

fn names(list: &[String]) -> String {
    if list.is_empty() {
        "Nobody in the family".into()
    } else {
        list.join(", ")
    }
}

fn yes_no(flag: bool) -> String {
    if flag { "Yes" } else { "No" }.into()
}

fn push(changes: &mut Vec<FieldChange>, field: &str, before: Option<String>, after: String) {
    // A new record's empty fields are not news.
    if before.is_none() && after.is_empty() {
        return;
    }
    if before.as_deref() != Some(after.as_str()) {
        changes.push(FieldChange {
            field: field.into(),
            before: before.unwrap_or_default(),
            after,
        });
    }
}

/// What differs between two versions of a goal; `before` is `None` for a new goal.
pub fn goal_changes(before: Option<&GoalFields>, after: &GoalFields) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let b = before;
    push(
        &mut out,
        field::OWNER,
        b.map(|g| g.owner_name.to_string()),
        after.owner_name.into(),
    );
    push(
        &mut out,
        field::AREA,
        b.map(|g| g.area.label().to_string()),
        after.area.label().into(),
    );
    push(
        &mut out,
        field::FAMILY_WORDS,
        b.map(|g| g.family_words.to_string()),
        after.family_words.into(),
    );
    push(
        &mut out,
        field::PROFESSIONAL_WORDS,
        b.map(|g| g.professional_words.to_string()),
        after.professional_words.into(),
    );
    push(
        &mut out,
        field::TARGET_DATE,
        b.map(|g| history_date(g.target_date)),
        history_date(after.target_date),
    );
    push(
        &mut out,
        field::STATUS,
        b.map(|g| g.status.label().to_string()),
        after.status.label().into(),
    );
    push(
        &mut out,
        field::VISIBLE_TO,
        b.map(|g| names(g.visible_to)),
        names(after.visible_to),
    );
    out
}

pub fn step_changes(before: Option<&StepFields>, after: &StepFields) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let b = before;
    push(
        &mut out,
        field::WHO,
        b.map(|s| s.who_name.to_string()),
        after.who_name.into(),
    );
    push(
        &mut out,
        field::WHAT,
        b.map(|s| s.what.to_string()),
        after.what.into(),
    );
    push(
        &mut out,
        field::DUE,
        b.map(|s| history_date(s.due_on)),
        history_date(after.due_on),
    );
    push(
        &mut out,
        field::DONE,
        b.map(|s| yes_no(s.done)),
        yes_no(after.done),
    );
    push(
        &mut out,
        field::VISIBLE_TO,
        b.map(|s| names(s.visible_to)),
        names(after.visible_to),
    );
    out
}

pub fn safety_changes(
    before: Option<(&str, &str, &[String])>,
    after: (&str, &str, &[String]),
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    push(
        &mut out,
        field::DANGER,
        before.map(|b| b.0.to_string()),
        after.0.into(),
    );
    push(
        &mut out,
        field::SAFETY_GOAL,
        before.map(|b| b.1.to_string()),
        after.1.into(),
    );
    push(
        &mut out,
        field::VISIBLE_TO,
        before.map(|b| names(b.2)),
        names(after.2),
    );
    out
}

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
        (_, field::VISIBLE_TO) | (_, field::ORDER) | (Subject::Safety | Subject::Entry, _) => {
            return None
        }
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

    fn fields<'a>(status: GoalStatus, words: &'a str, visible: &'a [String]) -> GoalFields<'a> {
        GoalFields {
            owner_name: "Kelly Ashworth",
            area: GoalArea::Parenting,
            family_words: words,
            professional_words: "Attendance above 95%",
            target_date: NaiveDate::from_ymd_opt(2027, 3, 2).unwrap_or_default(),
            status,
            visible_to: visible,
        }
    }

    #[test]
    fn a_new_goal_lists_every_field_and_an_edit_only_what_changed() {
        let seen = vec!["Kelly Ashworth".to_string()];
        let first = fields(GoalStatus::NotStarted, "School on time", &seen);
        assert_eq!(goal_changes(None, &first).len(), 7);
        let next = fields(GoalStatus::AtRisk, "School on time", &seen);
        assert_eq!(
            goal_changes(Some(&first), &next),
            [FieldChange {
                field: field::STATUS.into(),
                before: "Not started".into(),
                after: "At risk".into()
            }]
        );
        assert!(goal_changes(Some(&first), &first).is_empty());
    }

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
