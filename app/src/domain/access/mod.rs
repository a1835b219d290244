//! The one access policy (DOMAIN.md §5). Every server function asks it before it reads or
//! changes anything; nothing is only hidden in the page.
//!
//! Need to know: practitioners see their team's families, managers their team's, administrators
//! run accounts but read no case content unless granted, family members see only what is theirs.
//! Opening another team's family needs a stated reason and is flagged for review.

use super::ids::{AuthorityId, FamilyId, MemberId, TeamId};
use super::role::StaffRole;
use super::viewer::{Viewer, ViewerKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// List the families of one's own team.
    ViewCaseload,
    ViewFamily,
    /// Make a one-time code so an adult in the family can set up an account.
    InviteFamilyMember,
    /// State a reason to open a family of another team ("break glass").
    OpenOutsideTeam,
    /// A family member's own page.
    ViewOwnPage,
    ViewAuditTrail,
    /// Staff accounts of the council: create, disable, move, new set-up codes. No case content.
    ManageAccounts,
    /// The council's teams: create, rename, see their staff and how many families they hold.
    ManageTeams,
    /// Choose who works with a family, or move it to another team: its team's manager, or the
    /// council's administrators (who see names, never case content).
    Allocate,
    /// Check and import the case system's extract for the council: its administrators, who see
    /// ids and counts, never case content.
    ImportExtract,
    /// Open a family for a new referral in the team: its social workers and manager.
    OpenFamily,
    /// Keep a family's case record: its household, the children's legal status, the trio,
    /// closing the case. The family's team's social workers and manager.
    ManageCase,
    /// Reopen a closed case: the same people, the one change a closed case takes.
    ReopenCase,
    /// Change a family's plan: goals, steps, ratings, the child's voice, replies to the family.
    EditPlan,
    /// A family member rating their goals, marking their steps done and writing to their worker.
    UpdateOwnPlan,
    /// Write in a family's workbook chapter: only the chapter's own role does.
    WriteChapter,
    /// The team dashboard: a manager's view of every family of their team.
    ViewTeamDashboard,
    /// Review the openings of the team's families by people outside it, with their reasons.
    ReviewOpenings,
    /// Read the MI prompt library: practitioners and managers of a team.
    UsePromptLibrary,
    /// Add a prompt of the team's own.
    AddPrompt,
    /// Retire one of the team's own prompts: the manager curates.
    RetirePrompt,
    /// See the subject access requests and find whose data one is for: the council's
    /// information governance officers for the whole council, a team manager for their team.
    ViewInformationRequests,
    /// Log a subject access request about a family's member and keep it up to date: the same
    /// people, for that family. Reads nothing of the case record.
    HandleInformationRequest,
    /// See the families whose retention periods have passed: the same people as requests, the
    /// council's information governance officers for the council, a manager for their team.
    ReviewDisposals,
    /// Keep a family's records longer, place or lift a legal hold, or confirm their destruction:
    /// the same people, for that family.
    DecideDisposal,
}

impl Action {
    /// Whether the action changes a family's record, which a closed case refuses.
    pub fn changes_case(self) -> bool {
        matches!(
            self,
            Action::InviteFamilyMember
                | Action::Allocate
                | Action::ManageCase
                | Action::EditPlan
                | Action::UpdateOwnPlan
                | Action::WriteChapter
        )
    }
}

/// The record an action is about, with the facts the policy needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Actions that concern the viewer's own scope (their caseload, the accounts list).
    Own,
    Family {
        family_id: FamilyId,
        team_id: TeamId,
        /// The local authority of the family's team: nothing is ever reached across councils.
        authority_id: AuthorityId,
    },
    Member {
        family_id: FamilyId,
        team_id: TeamId,
        member_id: MemberId,
        is_adult: bool,
    },
    Team(TeamId),
    /// The council as a whole: its teams and staff accounts.
    Authority(AuthorityId),
    /// One role's chapter of a family's workbook.
    Chapter {
        family_id: FamilyId,
        team_id: TeamId,
        role: StaffRole,
    },
}

impl Target {
    /// The family the target belongs to, if any.
    pub fn family_id(self) -> Option<FamilyId> {
        match self {
            Target::Family { family_id, .. }
            | Target::Member { family_id, .. }
            | Target::Chapter { family_id, .. } => Some(family_id),
            Target::Own | Target::Team(_) | Target::Authority(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Allowed because the viewer opened this family with a reason: the access is flagged.
    AllowOutsideTeam,
    /// Not in the viewer's team; they may state a reason to open it.
    ReasonRequired,
    Deny,
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allow | Decision::AllowOutsideTeam)
    }
}

pub fn decide(viewer: &Viewer, action: Action, target: Target) -> Decision {
    match &viewer.kind {
        ViewerKind::FamilyMember {
            family_id,
            member_id,
        } => decide_for_family_member(*family_id, *member_id, action, target),
        ViewerKind::Staff {
            role,
            authority_id,
            team_id,
            case_access_granted,
            opened_families,
        } => {
            let staff = Staff {
                role: *role,
                authority_id: *authority_id,
                team_id: *team_id,
                reads_cases: role.reads_case_content() || *case_access_granted,
                opened_families,
            };
            staff.decide(action, target)
        }
    }
}

fn decide_for_family_member(
    own_family: FamilyId,
    own_member: MemberId,
    action: Action,
    target: Target,
) -> Decision {
    match (action, target) {
        (
            Action::ViewOwnPage,
            Target::Member {
                family_id,
                member_id,
                ..
            },
        ) if family_id == own_family && member_id == own_member => Decision::Allow,
        (
            Action::UpdateOwnPlan,
            Target::Member {
                family_id,
                member_id,
                ..
            },
        ) if family_id == own_family && member_id == own_member => Decision::Allow,
        _ => Decision::Deny,
    }
}

struct Staff<'a> {
    role: StaffRole,
    authority_id: AuthorityId,
    team_id: Option<TeamId>,
    reads_cases: bool,
    opened_families: &'a [FamilyId],
}

impl Staff<'_> {
    fn in_team(&self, team: TeamId) -> bool {
        self.team_id == Some(team)
    }

    fn is_case_worker(&self) -> bool {
        self.role.reads_case_content()
    }

    fn keeps_case_records(&self) -> bool {
        matches!(self.role, StaffRole::SocialWorker | StaffRole::TeamManager)
    }

    fn decide(&self, action: Action, target: Target) -> Decision {
        let allow_if = |yes: bool| if yes { Decision::Allow } else { Decision::Deny };
        match (action, target) {
            (Action::ViewCaseload, Target::Own) => {
                allow_if(self.reads_cases && self.team_id.is_some())
            }
            (
                Action::ViewFamily,
                Target::Family {
                    family_id,
                    team_id,
                    authority_id,
                },
            ) => {
                if !self.reads_cases {
                    Decision::Deny
                } else if self.in_team(team_id) {
                    Decision::Allow
                } else if !self.is_case_worker() || authority_id != self.authority_id {
                    // An administrator's grant covers their own team only; no one reaches
                    // another council's families, not even with a reason.
                    Decision::Deny
                } else if self.opened_families.contains(&family_id) {
                    Decision::AllowOutsideTeam
                } else {
                    Decision::ReasonRequired
                }
            }
            (
                Action::OpenOutsideTeam,
                Target::Family {
                    team_id,
                    authority_id,
                    ..
                },
            ) => allow_if(
                self.is_case_worker()
                    && !self.in_team(team_id)
                    && authority_id == self.authority_id,
            ),
            // Inviting changes who can read the family's plan: only the family's own team may.
            (
                Action::InviteFamilyMember,
                Target::Member {
                    team_id, is_adult, ..
                },
            ) => allow_if(self.is_case_worker() && self.in_team(team_id) && is_adult),
            // The case record is the social workers' and their manager's to keep; adult
            // specialists record their work in their chapters.
            (Action::OpenFamily, Target::Team(team)) => {
                allow_if(self.keeps_case_records() && self.in_team(team))
            }
            (Action::ManageCase | Action::ReopenCase, Target::Family { team_id, .. }) => {
                allow_if(self.keeps_case_records() && self.in_team(team_id))
            }
            // Opening a family with a reason is for reading it in an emergency, not changing it.
            (Action::EditPlan, Target::Family { team_id, .. }) => {
                allow_if(self.is_case_worker() && self.in_team(team_id))
            }
            // Chapters belong to the allocated roles: a manager steers, and writes none.
            (Action::WriteChapter, Target::Chapter { team_id, role, .. }) => allow_if(
                self.in_team(team_id) && self.role == role && StaffRole::ALLOCATED.contains(&role),
            ),
            (Action::ReviewOpenings, Target::Team(team)) => {
                allow_if(self.role == StaffRole::TeamManager && self.in_team(team))
            }
            (Action::ViewTeamDashboard, Target::Team(team)) => {
                allow_if(self.role == StaffRole::TeamManager && self.in_team(team))
            }
            (Action::UsePromptLibrary, Target::Own) => {
                allow_if(self.is_case_worker() && self.team_id.is_some())
            }
            (Action::AddPrompt, Target::Team(team)) => {
                allow_if(self.is_case_worker() && self.in_team(team))
            }
            (Action::RetirePrompt, Target::Team(team)) => {
                allow_if(self.role == StaffRole::TeamManager && self.in_team(team))
            }
            (
                Action::ViewInformationRequests | Action::ReviewDisposals,
                Target::Authority(authority),
            ) => allow_if(
                self.role == StaffRole::InformationGovernance && authority == self.authority_id,
            ),
            (Action::ViewInformationRequests | Action::ReviewDisposals, Target::Team(team)) => {
                allow_if(self.role == StaffRole::TeamManager && self.in_team(team))
            }
            // A closed case's family may still ask: the policy's closed-case gate does not apply.
            (
                Action::HandleInformationRequest | Action::DecideDisposal,
                Target::Family {
                    team_id,
                    authority_id,
                    ..
                },
            ) => allow_if(
                authority_id == self.authority_id
                    && (self.role == StaffRole::InformationGovernance
                        || (self.role == StaffRole::TeamManager && self.in_team(team_id))),
            ),
            (Action::ViewAuditTrail, Target::Team(team)) => {
                allow_if(self.role == StaffRole::TeamManager && self.in_team(team))
            }
            (
                Action::ManageAccounts | Action::ManageTeams | Action::ImportExtract,
                Target::Authority(authority),
            ) => allow_if(self.role == StaffRole::Administrator && authority == self.authority_id),
            (
                Action::Allocate,
                Target::Family {
                    team_id,
                    authority_id,
                    ..
                },
            ) => allow_if(
                authority_id == self.authority_id
                    && (self.role == StaffRole::Administrator
                        || (self.role == StaffRole::TeamManager && self.in_team(team_id))),
            ),
            _ => Decision::Deny,
        }
    }
}

#[cfg(test)]
mod tests;
