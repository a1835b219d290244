//! Who works with a family, who can, and who did: what the allocation page shows its team's
//! manager and the council's administrators. Names and roles only.

use crate::domain::ids::{AccountId, FamilyId};
use crate::domain::role::StaffRole;
use crate::page_data::administration::TeamChoice;
use serde::{Deserialize, Serialize};

/// The choice of no worker for a role (an empty choice would read as "not chosen yet").
pub const NO_ONE: &str = "none";

/// A member of the family's team who can be allocated in their role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: AccountId,
    pub name: String,
    pub role: StaffRole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAllocation {
    pub role: StaffRole,
    pub current: Option<Candidate>,
    pub choices: Vec<Candidate>,
}

/// One worker's time with the family in one role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationPeriod {
    pub role: StaffRole,
    pub worker: String,
    pub from_at: i64,
    /// `None` while it lasts.
    pub until_at: Option<i64>,
    /// `None` for allocations made before this history was kept.
    pub allocated_by: Option<String>,
    pub ended_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationView {
    pub family_id: FamilyId,
    /// The household's name, as on the caseload.
    pub family_name: String,
    pub team: TeamChoice,
    pub roles: Vec<RoleAllocation>,
    /// The council's teams, to move the family to.
    pub teams: Vec<TeamChoice>,
    pub history: Vec<AllocationPeriod>,
    /// Whether the viewer can open the family's record (an administrator cannot).
    pub reads_family: bool,
}
