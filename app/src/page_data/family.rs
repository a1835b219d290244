//! What the family page receives, and an invitation code shown once.

use crate::domain::closure::Closed;
use crate::domain::cohort::CohortCheck;
use crate::domain::family::{Allocation, Member, TrioFinding};
use crate::domain::ids::{FamilyId, MemberId, TeamId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyDetail {
    pub id: FamilyId,
    pub name: String,
    pub team_id: TeamId,
    pub team_name: String,
    pub members: Vec<Member>,
    pub trio: Vec<TrioFinding>,
    pub allocations: Vec<Allocation>,
    pub cohort: CohortCheck,
    /// True when the viewer is outside the family's team and gave a reason to open it.
    pub opened_outside_team: bool,
    /// Whether the viewer may create invitation codes for the adults.
    pub can_invite: bool,
    /// Whether the viewer may choose who works with the family (its team's manager).
    pub can_allocate: bool,
    /// Whether the viewer keeps the case record: the household, legal status, trio, closing.
    pub can_manage: bool,
    /// Set while the case is closed: the record is then read-only until it is reopened.
    pub closed: Option<Closed>,
    /// Adults kept apart (domestic abuse separation): nothing for one is shared with the other.
    pub kept_apart: Vec<KeptApart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptApart {
    pub first: MemberId,
    pub first_name: String,
    pub second: MemberId,
    pub second_name: String,
    /// Unix ms.
    pub since: i64,
}

/// A newly made invitation code, shown once to the worker who made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub family_id: FamilyId,
    pub member_name: String,
    /// Grouped for reading aloud; `None` once it has been shown.
    pub code: Option<String>,
    /// Unix milliseconds.
    pub expires_at: i64,
}
