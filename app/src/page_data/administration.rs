//! The council's teams and staff as an administrator runs them: names, roles, teams and counts,
//! never a plan, a note or a family's words.

use crate::domain::audit::AuditAction;
use crate::domain::ids::{AccountId, FamilyId, TeamId};
use crate::domain::role::StaffRole;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamChoice {
    pub id: TeamId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamSummary {
    pub id: TeamId,
    pub name: String,
    /// Staff whose accounts are enabled.
    pub staff: i64,
    pub families: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamsOverview {
    pub authority_name: String,
    pub teams: Vec<TeamSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub id: AccountId,
    pub display_name: String,
    pub role: StaffRole,
    pub disabled: bool,
}

/// A family as an administrator sees it: its household name, to choose who works with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyName {
    pub id: FamilyId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamDetail {
    pub id: TeamId,
    pub name: String,
    pub families: Vec<FamilyName>,
    pub staff: Vec<TeamMember>,
}

/// One change to an account, from the audit trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountEvent {
    pub at: i64,
    pub actor_name: String,
    pub action: AuditAction,
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffAccountView {
    pub id: AccountId,
    pub display_name: String,
    pub login: String,
    /// Their id in the council's case system, by which its extract names them.
    pub worker_ref: Option<String>,
    pub role: StaffRole,
    pub team: Option<TeamChoice>,
    pub disabled: bool,
    /// Whether they have chosen a password yet.
    pub has_password: bool,
    /// When their newest unused set-up code stops working.
    pub code_open_until: Option<i64>,
    /// The set-up code just made, shown once to the administrator who made it.
    pub code: Option<String>,
    /// Families they are allocated to now.
    pub allocations: i64,
    /// The teams they could move to.
    pub teams: Vec<TeamChoice>,
    pub history: Vec<AccountEvent>,
}
