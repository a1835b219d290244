//! The one access policy (DOMAIN.md §5). Every server function asks it before it reads or
//! changes anything; nothing is only hidden in the page.
//!
//! Need to know: practitioners see their team's families, managers their team's, administrators
//! run accounts but read no case content unless granted, family members see only what is theirs.
//! Opening another team's family needs a stated reason and is flagged for review.

use super::ids::{FamilyId, MemberId, TeamId};
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
    ManageAccounts,
    /// Change a family's plan: goals, steps, ratings, the child's voice, replies to the family.
    EditPlan,
    /// A family member rating their goals, marking their steps done and writing to their worker.
    UpdateOwnPlan,
    /// Write in a family's workbook chapter: only the chapter's own role does.
    WriteChapter,
    /// The team dashboard: a manager's view of every family of their team.
    ViewTeamDashboard,
    /// Read the MI prompt library: practitioners and managers of a team.
    UsePromptLibrary,
    /// Add a prompt of the team's own.
    AddPrompt,
    /// Retire one of the team's own prompts: the manager curates.
    RetirePrompt,
}

/// The record an action is about, with the facts the policy needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Actions that concern the viewer's own scope (their caseload, the accounts list).
    Own,
    Family {
        family_id: FamilyId,
        team_id: TeamId,
    },
    Member {
        family_id: FamilyId,
        team_id: TeamId,
        member_id: MemberId,
        is_adult: bool,
    },
    Team(TeamId),
    /// One role's chapter of a family's workbook.
    Chapter {
        family_id: FamilyId,
        team_id: TeamId,
        role: StaffRole,
    },
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
            team_id,
            case_access_granted,
            opened_families,
        } => {
            let staff = Staff {
                role: *role,
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

    fn decide(&self, action: Action, target: Target) -> Decision {
        let allow_if = |yes: bool| if yes { Decision::Allow } else { Decision::Deny };
        match (action, target) {
            (Action::ViewCaseload, Target::Own) => {
                allow_if(self.reads_cases && self.team_id.is_some())
            }
            (Action::ViewFamily, Target::Family { family_id, team_id }) => {
                if !self.reads_cases {
                    Decision::Deny
                } else if self.in_team(team_id) {
                    Decision::Allow
                } else if !self.is_case_worker() {
                    // An administrator's grant covers their own team only.
                    Decision::Deny
                } else if self.opened_families.contains(&family_id) {
                    Decision::AllowOutsideTeam
                } else {
                    Decision::ReasonRequired
                }
            }
            (Action::OpenOutsideTeam, Target::Family { team_id, .. }) => {
                allow_if(self.is_case_worker() && !self.in_team(team_id))
            }
            // Inviting changes who can read the family's plan: only the family's own team may.
            (
                Action::InviteFamilyMember,
                Target::Member {
                    team_id, is_adult, ..
                },
            ) => allow_if(self.is_case_worker() && self.in_team(team_id) && is_adult),
            // Opening a family with a reason is for reading it in an emergency, not changing it.
            (Action::EditPlan, Target::Family { team_id, .. }) => {
                allow_if(self.is_case_worker() && self.in_team(team_id))
            }
            // Chapters belong to the allocated roles: a manager steers, and writes none.
            (Action::WriteChapter, Target::Chapter { team_id, role, .. }) => allow_if(
                self.in_team(team_id) && self.role == role && StaffRole::ALLOCATED.contains(&role),
            ),
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
            (Action::ViewAuditTrail, Target::Team(team)) => {
                allow_if(self.role == StaffRole::TeamManager && self.in_team(team))
            }
            (Action::ManageAccounts, Target::Own) => {
                allow_if(self.role == StaffRole::Administrator)
            }
            _ => Decision::Deny,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::AccountId;

    fn staff(role: StaffRole, team: TeamId) -> Viewer {
        Viewer {
            account_id: AccountId::new(),
            display_name: "Test Worker".into(),
            kind: ViewerKind::Staff {
                role,
                team_id: Some(team),
                case_access_granted: false,
                opened_families: vec![],
            },
        }
    }

    fn parent(family_id: FamilyId, member_id: MemberId) -> Viewer {
        Viewer {
            account_id: AccountId::new(),
            display_name: "Test Parent".into(),
            kind: ViewerKind::FamilyMember {
                family_id,
                member_id,
            },
        }
    }

    struct World {
        own_team: TeamId,
        other_team: TeamId,
        own_family: FamilyId,
        other_family: FamilyId,
    }

    fn world() -> World {
        World {
            own_team: TeamId::new(),
            other_team: TeamId::new(),
            own_family: FamilyId::new(),
            other_family: FamilyId::new(),
        }
    }

    #[test]
    fn every_case_worker_sees_their_team_families_and_must_give_a_reason_for_others() {
        let w = world();
        for role in StaffRole::ALL
            .into_iter()
            .filter(|r| r.reads_case_content())
        {
            let viewer = staff(role, w.own_team);
            let own = Target::Family {
                family_id: w.own_family,
                team_id: w.own_team,
            };
            let other = Target::Family {
                family_id: w.other_family,
                team_id: w.other_team,
            };
            assert_eq!(
                decide(&viewer, Action::ViewFamily, own),
                Decision::Allow,
                "{role:?}"
            );
            assert_eq!(
                decide(&viewer, Action::ViewFamily, other),
                Decision::ReasonRequired,
                "{role:?}"
            );
            assert_eq!(
                decide(&viewer, Action::OpenOutsideTeam, other),
                Decision::Allow,
                "{role:?}"
            );
            assert_eq!(
                decide(&viewer, Action::OpenOutsideTeam, own),
                Decision::Deny,
                "{role:?}"
            );
            assert_eq!(
                decide(&viewer, Action::ViewCaseload, Target::Own),
                Decision::Allow,
                "{role:?}"
            );
            assert_eq!(
                decide(&viewer, Action::ManageAccounts, Target::Own),
                Decision::Deny,
                "{role:?}"
            );
        }
    }

    #[test]
    fn an_opened_family_is_allowed_but_flagged() {
        let w = world();
        let mut viewer = staff(StaffRole::RecoveryWorker, w.own_team);
        if let ViewerKind::Staff {
            opened_families, ..
        } = &mut viewer.kind
        {
            opened_families.push(w.other_family);
        }
        let other = Target::Family {
            family_id: w.other_family,
            team_id: w.other_team,
        };
        assert_eq!(
            decide(&viewer, Action::ViewFamily, other),
            Decision::AllowOutsideTeam
        );
        // Opening a family does not let you invite its members.
        let member = Target::Member {
            family_id: w.other_family,
            team_id: w.other_team,
            member_id: MemberId::new(),
            is_adult: true,
        };
        assert_eq!(
            decide(&viewer, Action::InviteFamilyMember, member),
            Decision::Deny
        );
        // Nor change its plan: break glass is for reading in an emergency.
        assert_eq!(decide(&viewer, Action::EditPlan, other), Decision::Deny);
    }

    #[test]
    fn only_a_chapter_s_own_role_writes_it() {
        let w = world();
        let chapter = |role| Target::Chapter {
            family_id: w.own_family,
            team_id: w.own_team,
            role,
        };
        let recovery = staff(StaffRole::RecoveryWorker, w.own_team);
        assert_eq!(
            decide(
                &recovery,
                Action::WriteChapter,
                chapter(StaffRole::RecoveryWorker)
            ),
            Decision::Allow
        );
        assert_eq!(
            decide(
                &recovery,
                Action::WriteChapter,
                chapter(StaffRole::MentalHealthPractitioner)
            ),
            Decision::Deny
        );
        let elsewhere = staff(StaffRole::RecoveryWorker, w.other_team);
        assert_eq!(
            decide(
                &elsewhere,
                Action::WriteChapter,
                chapter(StaffRole::RecoveryWorker)
            ),
            Decision::Deny
        );
        let kelly = parent(w.own_family, MemberId::new());
        assert_eq!(
            decide(
                &kelly,
                Action::WriteChapter,
                chapter(StaffRole::SocialWorker)
            ),
            Decision::Deny
        );
        let manager = staff(StaffRole::TeamManager, w.own_team);
        assert_eq!(
            decide(
                &manager,
                Action::WriteChapter,
                chapter(StaffRole::TeamManager)
            ),
            Decision::Deny
        );
        assert_eq!(
            decide(
                &manager,
                Action::ViewTeamDashboard,
                Target::Team(w.own_team)
            ),
            Decision::Allow
        );
        assert_eq!(
            decide(
                &recovery,
                Action::ViewTeamDashboard,
                Target::Team(w.own_team)
            ),
            Decision::Deny
        );
    }

    #[test]
    fn case_workers_of_the_team_edit_plans_and_administrators_never_do() {
        let w = world();
        let own = Target::Family {
            family_id: w.own_family,
            team_id: w.own_team,
        };
        let other = Target::Family {
            family_id: w.other_family,
            team_id: w.other_team,
        };
        for role in StaffRole::ALL {
            let viewer = staff(role, w.own_team);
            let expected = if role == StaffRole::Administrator {
                Decision::Deny
            } else {
                Decision::Allow
            };
            assert_eq!(decide(&viewer, Action::EditPlan, own), expected, "{role:?}");
            assert_eq!(decide(&viewer, Action::EditPlan, other), Decision::Deny);
            assert_eq!(decide(&viewer, Action::UpdateOwnPlan, own), Decision::Deny);
        }
    }

    #[test]
    fn administrators_manage_accounts_but_read_no_case_content_unless_granted() {
        let w = world();
        let admin = staff(StaffRole::Administrator, w.own_team);
        let own = Target::Family {
            family_id: w.own_family,
            team_id: w.own_team,
        };
        let other = Target::Family {
            family_id: w.other_family,
            team_id: w.other_team,
        };
        assert_eq!(
            decide(&admin, Action::ManageAccounts, Target::Own),
            Decision::Allow
        );
        assert_eq!(decide(&admin, Action::ViewFamily, own), Decision::Deny);
        assert_eq!(
            decide(&admin, Action::ViewCaseload, Target::Own),
            Decision::Deny
        );
        assert_eq!(
            decide(&admin, Action::OpenOutsideTeam, other),
            Decision::Deny
        );

        let mut granted = admin.clone();
        if let ViewerKind::Staff {
            case_access_granted,
            ..
        } = &mut granted.kind
        {
            *case_access_granted = true;
        }
        assert_eq!(decide(&granted, Action::ViewFamily, own), Decision::Allow);
        assert_eq!(decide(&granted, Action::ViewFamily, other), Decision::Deny);
        let member = Target::Member {
            family_id: w.own_family,
            team_id: w.own_team,
            member_id: MemberId::new(),
            is_adult: true,
        };
        assert_eq!(
            decide(&granted, Action::InviteFamilyMember, member),
            Decision::Deny
        );
    }

    #[test]
    fn only_a_team_manager_reads_their_own_team_audit_trail() {
        let w = world();
        let manager = staff(StaffRole::TeamManager, w.own_team);
        assert_eq!(
            decide(&manager, Action::ViewAuditTrail, Target::Team(w.own_team)),
            Decision::Allow
        );
        assert_eq!(
            decide(&manager, Action::ViewAuditTrail, Target::Team(w.other_team)),
            Decision::Deny
        );
        let worker = staff(StaffRole::SocialWorker, w.own_team);
        assert_eq!(
            decide(&worker, Action::ViewAuditTrail, Target::Team(w.own_team)),
            Decision::Deny
        );
    }

    #[test]
    fn invitations_are_for_adults_of_the_team_families() {
        let w = world();
        let worker = staff(StaffRole::SocialWorker, w.own_team);
        let adult = Target::Member {
            family_id: w.own_family,
            team_id: w.own_team,
            member_id: MemberId::new(),
            is_adult: true,
        };
        let child = Target::Member {
            family_id: w.own_family,
            team_id: w.own_team,
            member_id: MemberId::new(),
            is_adult: false,
        };
        assert_eq!(
            decide(&worker, Action::InviteFamilyMember, adult),
            Decision::Allow
        );
        assert_eq!(
            decide(&worker, Action::InviteFamilyMember, child),
            Decision::Deny
        );
    }

    #[test]
    fn a_family_member_sees_only_their_own_page() {
        let w = world();
        let me = MemberId::new();
        let other_parent = MemberId::new();
        let viewer = parent(w.own_family, me);
        let own = Target::Member {
            family_id: w.own_family,
            team_id: w.own_team,
            member_id: me,
            is_adult: true,
        };
        let partner = Target::Member {
            family_id: w.own_family,
            team_id: w.own_team,
            member_id: other_parent,
            is_adult: true,
        };
        let stranger = Target::Member {
            family_id: w.other_family,
            team_id: w.other_team,
            member_id: me,
            is_adult: true,
        };
        assert_eq!(decide(&viewer, Action::ViewOwnPage, own), Decision::Allow);
        assert_eq!(decide(&viewer, Action::UpdateOwnPlan, own), Decision::Allow);
        assert_eq!(
            decide(&viewer, Action::ViewOwnPage, partner),
            Decision::Deny
        );
        assert_eq!(
            decide(&viewer, Action::UpdateOwnPlan, partner),
            Decision::Deny
        );
        assert_eq!(
            decide(&viewer, Action::ViewOwnPage, stranger),
            Decision::Deny
        );
        let family = Target::Family {
            family_id: w.own_family,
            team_id: w.own_team,
        };
        for action in [
            Action::ViewFamily,
            Action::OpenOutsideTeam,
            Action::InviteFamilyMember,
            Action::EditPlan,
        ] {
            assert_eq!(decide(&viewer, action, family), Decision::Deny);
        }
        assert_eq!(
            decide(&viewer, Action::ViewCaseload, Target::Own),
            Decision::Deny
        );
        assert_eq!(
            decide(&viewer, Action::ViewAuditTrail, Target::Team(w.own_team)),
            Decision::Deny
        );
    }

    #[test]
    fn staff_never_see_a_family_member_page() {
        let w = world();
        let target = Target::Member {
            family_id: w.own_family,
            team_id: w.own_team,
            member_id: MemberId::new(),
            is_adult: true,
        };
        for role in StaffRole::ALL {
            assert_eq!(
                decide(&staff(role, w.own_team), Action::ViewOwnPage, target),
                Decision::Deny
            );
        }
    }
}
