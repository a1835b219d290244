//! What a caseload receives: a line per family.

use crate::domain::cohort::CohortCheck;
use crate::domain::family::Vulnerability;
use crate::domain::ids::FamilyId;
use serde::{Deserialize, Serialize};

/// One line of a caseload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilySummary {
    pub id: FamilyId,
    /// The household's surname, used as "The Ashworth family".
    pub name: String,
    pub children: Vec<(String, Option<u32>)>,
    pub trio: Vec<Vulnerability>,
    pub cohort: CohortCheck,
    pub case_holder: Option<String>,
    /// Whether the person looking is one of the family's allocated workers.
    pub allocated_to_viewer: bool,
}

/// A practitioner's or manager's list of families.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caseload {
    /// Managers see the whole team as one list.
    pub whole_team: bool,
    pub team_name: String,
    pub mine: Vec<FamilySummary>,
    pub others: Vec<FamilySummary>,
    /// Whether the viewer opens families for new referrals (the team's social workers and
    /// manager).
    pub can_open: bool,
    /// The team's closed cases, newest closure first: off the lists above, reopened from their
    /// page.
    pub closed: Vec<ClosedFamily>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedFamily {
    pub id: FamilyId,
    pub name: String,
    pub closed_on: chrono::NaiveDate,
}
