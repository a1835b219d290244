//! Who is asking: the signed-in person as the access policy sees them.

use super::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use super::role::StaffRole;
use crate::page_data::account::FailedSignIns;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub account_id: AccountId,
    pub display_name: String,
    pub kind: ViewerKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewerKind {
    Staff {
        role: StaffRole,
        /// The council the person works for: they never reach another's families.
        authority_id: AuthorityId,
        team_id: Option<TeamId>,
        /// An administrator who has been granted reading of their team's case content.
        case_access_granted: bool,
        /// Families outside the team this person opened with a stated reason, still in force.
        opened_families: Vec<FamilyId>,
    },
    FamilyMember {
        family_id: FamilyId,
        member_id: MemberId,
    },
}

impl Viewer {
    pub fn staff_role(&self) -> Option<StaffRole> {
        match &self.kind {
            ViewerKind::Staff { role, .. } => Some(*role),
            ViewerKind::FamilyMember { .. } => None,
        }
    }

    /// The council a member of staff works for; family members have none here.
    pub fn authority_id(&self) -> Option<AuthorityId> {
        match &self.kind {
            ViewerKind::Staff { authority_id, .. } => Some(*authority_id),
            ViewerKind::FamilyMember { .. } => None,
        }
    }

    /// The team of a member of staff; family members have none.
    pub fn team_id(&self) -> Option<TeamId> {
        match &self.kind {
            ViewerKind::Staff { team_id, .. } => *team_id,
            ViewerKind::FamilyMember { .. } => None,
        }
    }

    pub fn is_family_member(&self) -> bool {
        matches!(self.kind, ViewerKind::FamilyMember { .. })
    }

    /// The first word of the name, for greetings.
    pub fn given_name(&self) -> &str {
        self.display_name
            .split_whitespace()
            .next()
            .unwrap_or(&self.display_name)
    }
}

/// What the page header needs to know about the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub display_name: String,
    pub role: Option<StaffRole>,
    /// The password was given in the last 15 minutes: sensitive actions need not ask again.
    pub recently_confirmed: bool,
    /// Failed sign-ins to the account before this session began, until the owner dismisses it.
    pub failed_sign_ins: Option<FailedSignIns>,
}

impl From<&Viewer> for SignedIn {
    fn from(viewer: &Viewer) -> Self {
        SignedIn {
            display_name: viewer.display_name.clone(),
            role: viewer.staff_role(),
            recently_confirmed: false,
            failed_sign_ins: None,
        }
    }
}
