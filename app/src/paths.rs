//! Every address a page links or redirects to, built in one place from typed ids, so a route and
//! the links to it cannot drift apart (the routes themselves are in `app.rs`).

use crate::domain::ids::{EntryId, FamilyId, GoalId, HousesId, SafetyId, StepId};

pub fn family(family: FamilyId) -> String {
    format!("/families/{family}")
}

/// The plan section of the family page.
pub fn family_plan(family: FamilyId) -> String {
    format!("/families/{family}#plan")
}

/// The child's voice section of the family page.
pub fn childs_voice(family: FamilyId) -> String {
    format!("/families/{family}#childs-voice")
}

pub fn goal(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}")
}

pub fn new_goal(family: FamilyId) -> String {
    format!("/families/{family}/goals/new")
}

/// The goal's "Working on change" page.
pub fn goal_change(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}/change")
}

/// The change talk tally on the goal's "Working on change" page.
pub fn change_talk(family: FamilyId, goal: GoalId) -> String {
    format!("/families/{family}/goals/{goal}/change#talk")
}

pub fn step(family: FamilyId, goal: GoalId, step: StepId) -> String {
    format!("/families/{family}/goals/{goal}/steps/{step}")
}

pub fn safety(family: FamilyId, safety: SafetyId) -> String {
    format!("/families/{family}/safety/{safety}")
}

pub fn houses(family: FamilyId, houses: HousesId) -> String {
    format!("/families/{family}/houses/{houses}")
}

pub fn workbook(family: FamilyId) -> String {
    format!("/families/{family}/workbook")
}

/// An entry where it stands in the workbook.
pub fn entry_in_workbook(family: FamilyId, entry: EntryId) -> String {
    format!("/families/{family}/workbook#entry-{entry}")
}

pub fn entry(family: FamilyId, entry: EntryId) -> String {
    format!("/families/{family}/workbook/{entry}")
}

pub fn edit_entry(family: FamilyId, entry: EntryId) -> String {
    format!("/families/{family}/workbook/{entry}/edit")
}

/// The form for a new entry of `kind` (an `EntryKind` code).
pub fn new_entry(family: FamilyId, kind: &str) -> String {
    format!("/families/{family}/workbook/new/{kind}")
}

pub fn chronology(family: FamilyId) -> String {
    format!("/families/{family}/chronology")
}

/// The chronology as CSV; `query` is the page's filter, already encoded.
pub fn chronology_csv(family: FamilyId, query: &str) -> String {
    if query.is_empty() {
        format!("/families/{family}/chronology.csv")
    } else {
        format!("/families/{family}/chronology.csv?{query}")
    }
}

pub fn assessment(family: FamilyId) -> String {
    format!("/families/{family}/assessment")
}

pub fn supervision(family: FamilyId) -> String {
    format!("/families/{family}/supervision")
}

/// A family member's own page for one of their goals.
pub fn own_goal(goal: GoalId) -> String {
    format!("/me/goals/{goal}")
}
