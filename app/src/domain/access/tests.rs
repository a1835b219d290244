//! The access policy, decision by decision.

use super::*;
use crate::domain::ids::AccountId;

/// The council of every test's people and families, unless a test says otherwise.
fn home() -> AuthorityId {
    AuthorityId(uuid::Uuid::nil())
}

fn staff(role: StaffRole, team: TeamId) -> Viewer {
    Viewer {
        account_id: AccountId::new(),
        display_name: "Test Worker".into(),
        kind: ViewerKind::Staff {
            role,
            authority_id: home(),
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
fn another_councils_families_are_never_reached_not_even_with_a_reason() {
    let w = world();
    let elsewhere = Target::Family {
        authority_id: AuthorityId::new(),
        family_id: w.other_family,
        team_id: w.other_team,
    };
    for role in StaffRole::ALL {
        let mut viewer = staff(role, w.own_team);
        assert_eq!(
            decide(&viewer, Action::ViewFamily, elsewhere),
            Decision::Deny
        );
        assert_eq!(
            decide(&viewer, Action::OpenOutsideTeam, elsewhere),
            Decision::Deny
        );
        // Even a family somehow in the list of those opened stays closed.
        if let ViewerKind::Staff {
            opened_families, ..
        } = &mut viewer.kind
        {
            opened_families.push(w.other_family);
        }
        assert_eq!(
            decide(&viewer, Action::ViewFamily, elsewhere),
            Decision::Deny
        );
        assert_eq!(decide(&viewer, Action::EditPlan, elsewhere), Decision::Deny);
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
            authority_id: home(),
            family_id: w.own_family,
            team_id: w.own_team,
        };
        let other = Target::Family {
            authority_id: home(),
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
            decide(&viewer, Action::ManageAccounts, Target::Authority(home())),
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
        authority_id: home(),
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
fn case_workers_of_the_team_edit_plans_and_council_wide_roles_never_do() {
    let w = world();
    let own = Target::Family {
        authority_id: home(),
        family_id: w.own_family,
        team_id: w.own_team,
    };
    let other = Target::Family {
        authority_id: home(),
        family_id: w.other_family,
        team_id: w.other_team,
    };
    for role in StaffRole::ALL {
        let viewer = staff(role, w.own_team);
        let expected = if role.reads_case_content() {
            Decision::Allow
        } else {
            Decision::Deny
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
        authority_id: home(),
        family_id: w.own_family,
        team_id: w.own_team,
    };
    let other = Target::Family {
        authority_id: home(),
        family_id: w.other_family,
        team_id: w.other_team,
    };
    assert_eq!(
        decide(&admin, Action::ManageAccounts, Target::Authority(home())),
        Decision::Allow
    );
    assert_eq!(
        decide(&admin, Action::ManageTeams, Target::Authority(home())),
        Decision::Allow
    );
    assert_eq!(
        decide(
            &admin,
            Action::ManageAccounts,
            Target::Authority(AuthorityId::new())
        ),
        Decision::Deny,
        "another council's accounts"
    );
    assert_eq!(decide(&admin, Action::Allocate, own), Decision::Allow);
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
        authority_id: home(),
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

#[test]
fn a_manager_allocates_their_own_teams_families_and_practitioners_allocate_none() {
    let w = world();
    let family = |family_id, team_id, authority_id| Target::Family {
        authority_id,
        family_id,
        team_id,
    };
    let own = family(w.own_family, w.own_team, home());
    let other = family(w.other_family, w.other_team, home());
    let abroad = family(FamilyId::new(), TeamId::new(), AuthorityId::new());
    let manager = staff(StaffRole::TeamManager, w.own_team);
    assert_eq!(decide(&manager, Action::Allocate, own), Decision::Allow);
    assert_eq!(decide(&manager, Action::Allocate, other), Decision::Deny);
    let admin = staff(StaffRole::Administrator, w.own_team);
    assert_eq!(decide(&admin, Action::Allocate, other), Decision::Allow);
    assert_eq!(decide(&admin, Action::Allocate, abroad), Decision::Deny);
    for role in StaffRole::ALLOCATED {
        let worker = staff(role, w.own_team);
        assert_eq!(
            decide(&worker, Action::Allocate, own),
            Decision::Deny,
            "{role:?}"
        );
        assert_eq!(
            decide(&worker, Action::ManageTeams, Target::Authority(home())),
            Decision::Deny,
            "{role:?}"
        );
    }
    assert_eq!(
        decide(&manager, Action::ManageAccounts, Target::Authority(home())),
        Decision::Deny
    );
}

#[test]
fn social_workers_and_their_manager_keep_the_case_record_of_their_team_families() {
    let w = world();
    let own = Target::Family {
        authority_id: home(),
        family_id: w.own_family,
        team_id: w.own_team,
    };
    let other = Target::Family {
        authority_id: home(),
        family_id: w.other_family,
        team_id: w.other_team,
    };
    for role in StaffRole::ALL {
        let person = staff(role, w.own_team);
        let keeps = matches!(role, StaffRole::SocialWorker | StaffRole::TeamManager);
        for action in [Action::ManageCase, Action::ReopenCase] {
            assert_eq!(decide(&person, action, own).is_allowed(), keeps, "{role:?}");
            assert_eq!(decide(&person, action, other), Decision::Deny, "{role:?}");
        }
        assert_eq!(
            decide(&person, Action::OpenFamily, Target::Team(w.own_team)).is_allowed(),
            keeps,
            "{role:?}"
        );
        assert_eq!(
            decide(&person, Action::OpenFamily, Target::Team(w.other_team)),
            Decision::Deny
        );
    }
    let kelly = parent(w.own_family, MemberId::new());
    assert_eq!(decide(&kelly, Action::ManageCase, own), Decision::Deny);
    assert!(Action::ManageCase.changes_case());
    assert!(!Action::ReopenCase.changes_case());
    assert!(!Action::ViewFamily.changes_case());
}

#[test]
fn information_requests_are_for_information_governance_and_the_familys_manager() {
    let w = world();
    let family = |family_id, team_id, authority_id| Target::Family {
        family_id,
        team_id,
        authority_id,
    };
    let own = family(w.own_family, w.own_team, home());
    let other_team = family(w.other_family, w.other_team, home());
    let other_council = family(w.other_family, w.other_team, AuthorityId::new());
    let mut governance = staff(StaffRole::InformationGovernance, w.own_team);
    if let ViewerKind::Staff { team_id, .. } = &mut governance.kind {
        *team_id = None;
    }
    // Requests and the disposal review are for the same people.
    for (handle, view) in [
        (
            Action::HandleInformationRequest,
            Action::ViewInformationRequests,
        ),
        (Action::DecideDisposal, Action::ReviewDisposals),
    ] {
        assert_eq!(decide(&governance, handle, own), Decision::Allow);
        assert_eq!(decide(&governance, handle, other_team), Decision::Allow);
        assert_eq!(decide(&governance, handle, other_council), Decision::Deny);
        assert_eq!(
            decide(&governance, view, Target::Authority(home())),
            Decision::Allow
        );
        assert_eq!(
            decide(&governance, view, Target::Authority(AuthorityId::new())),
            Decision::Deny
        );
        // No case work: the officer reads no family.
        assert_eq!(decide(&governance, Action::ViewFamily, own), Decision::Deny);
        assert_eq!(
            decide(&governance, Action::ViewCaseload, Target::Own),
            Decision::Deny
        );

        let manager = staff(StaffRole::TeamManager, w.own_team);
        assert_eq!(decide(&manager, handle, own), Decision::Allow);
        assert_eq!(decide(&manager, handle, other_team), Decision::Deny);
        assert_eq!(
            decide(&manager, view, Target::Team(w.own_team)),
            Decision::Allow
        );
        assert_eq!(
            decide(&manager, view, Target::Team(w.other_team)),
            Decision::Deny
        );
        assert_eq!(
            decide(&manager, view, Target::Authority(home())),
            Decision::Deny
        );

        for role in StaffRole::ALL {
            if matches!(
                role,
                StaffRole::TeamManager | StaffRole::InformationGovernance
            ) {
                continue;
            }
            let viewer = staff(role, w.own_team);
            assert_eq!(decide(&viewer, handle, own), Decision::Deny, "{role:?}");
            assert_eq!(
                decide(&viewer, view, Target::Team(w.own_team)),
                Decision::Deny,
                "{role:?}"
            );
            assert_eq!(
                decide(&viewer, view, Target::Authority(home())),
                Decision::Deny,
                "{role:?}"
            );
        }
        let kelly = parent(w.own_family, MemberId::new());
        assert_eq!(decide(&kelly, handle, own), Decision::Deny);
    }
}
