//! The disposal review as an information governance officer or a team manager sees it.

use crate::domain::ids::{ExtensionId, FamilyId, LegalHoldId};
use crate::domain::information_rights::disposal::Disposal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A class of record, its rule, and (on a family's page) when its period ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassDue {
    pub class: String,
    pub rule: String,
    pub due_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedFamily {
    pub id: FamilyId,
    pub name: String,
    pub case_ref: Option<String>,
    pub team: String,
    pub closed_on: Option<NaiveDate>,
    pub disposal: Disposal,
}

/// What is left of a destroyed family: never its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DestroyedFamily {
    pub family_id: FamilyId,
    pub team: String,
    pub closed_on: NaiveDate,
    pub due_on: NaiveDate,
    pub destroyed_by: String,
    pub destroyed_at: i64,
    pub erased_entries: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisposalQueue {
    /// Whether the council has set a retention schedule: without one nothing is ever due.
    pub scheduled: bool,
    pub rules: Vec<ClassDue>,
    /// Every period passed (or one that needs a person to decide), oldest closure first.
    pub due: Vec<ReviewedFamily>,
    /// Due, but under a legal hold.
    pub held: Vec<ReviewedFamily>,
    /// Closed and not yet due, soonest first.
    pub upcoming: Vec<ReviewedFamily>,
    pub more_upcoming: usize,
    pub destroyed: Vec<DestroyedFamily>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hold {
    pub id: LegalHoldId,
    pub reason: String,
    pub placed_by: String,
    pub placed_at: i64,
    /// Who lifted it, when, and why.
    pub lifted: Option<(String, i64, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptLonger {
    pub until: NaiveDate,
    pub reason: String,
    pub decided_by: String,
    pub decided_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyDisposalPage {
    pub family: ReviewedFamily,
    pub scheduled: bool,
    pub today: NaiveDate,
    pub classes: Vec<ClassDue>,
    pub holds: Vec<Hold>,
    pub kept: Vec<KeptLonger>,
    /// Ids for the records the page's forms would make, so a form sent twice makes one.
    pub new_hold: LegalHoldId,
    pub new_extension: ExtensionId,
}
