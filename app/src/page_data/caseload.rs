//! What a caseload receives: a line per family.

use crate::domain::cohort::CohortCheck;
use crate::domain::family::Vulnerability;
use crate::domain::ids::FamilyId;
use crate::domain::paging::Paging;
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
    /// A worker's own families, all of them; for a manager, a page of the team's.
    pub mine: Vec<FamilySummary>,
    /// A page of the team's other families (workers only).
    pub others: Vec<FamilySummary>,
    /// Which page of the team's list is shown: `mine` for a manager, `others` for a worker.
    pub paging: Paging,
    /// Whether the viewer opens families for new referrals (the team's social workers and
    /// manager).
    pub can_open: bool,
    /// How many of the team's cases are closed: listed on their own page.
    pub closed: u32,
}

/// A page of a team's closed cases, newest closure first: off the caseload, reopened from
/// their page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedCases {
    pub team_name: String,
    pub families: Vec<ClosedFamily>,
    pub paging: Paging,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedFamily {
    pub id: FamilyId,
    pub name: String,
    pub closed_on: chrono::NaiveDate,
}
