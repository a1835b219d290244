//! Plan history (DOMAIN.md §3): every change is kept as who, when, what changed and why, and
//! read back as differences a person can follow.

use serde::{Deserialize, Serialize};

coded_enum!(
    /// What a change was made to.
    Subject {
        Goal => "goal", "Goal";
        Step => "step", "Step";
        Safety => "safety", "Danger statement and safety goal";
        Entry => "entry", "Workbook entry";
        Member => "member", "Family member";
        LegalStatus => "legal_status", "Legal status";
        Finding => "finding", "Trio finding";
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
    pub const GIVEN_NAME: &str = "Given name";
    pub const FAMILY_NAME: &str = "Family name";
    pub const RELATIONSHIP: &str = "Relationship";
    pub const DATE_OF_BIRTH: &str = "Date of birth";
    pub const EXPECTED_ON: &str = "Baby expected";
    pub const PERSON_REF: &str = "Person ID";
    pub const LEFT_ON: &str = "Left the household";
    pub const LEGAL_STATUS: &str = "Legal status";
    pub const INITIAL_CATEGORY: &str = "Initial category";
    pub const LATEST_CATEGORY: &str = "Latest category";
    pub const STARTED_ON: &str = "Started";
    pub const ENDED_ON: &str = "Ended";
    pub const FINDING: &str = "Finding";
    pub const CONCERNS: &str = "About";
    pub const IDENTIFIED_BY: &str = "Identified by";
    pub const IDENTIFIED_ON: &str = "Identified on";
}

mod diff;
mod for_family;
mod words;

pub use diff::{diff, history_date, Field, InWords};
pub use for_family::for_family;
pub use words::{yes_no, EntryFields, GoalFields, SafetyFields, StepFields};
