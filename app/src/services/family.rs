//! A family's page for the team, and opening a family outside one's team.

use super::{authorize, today};
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Decision, Target};
use crate::domain::age::age_in_years;
use crate::domain::audit::AuditAction;
use crate::domain::cohort::{check_cohort, CohortCheck, CohortChild};
use crate::domain::credentials::{parse_reason, validate_reason};
use crate::domain::family::{Member, MemberKind};
use crate::domain::ids::FamilyId;
use crate::domain::legal_status;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::caseload::FamilySummary;
use crate::page_data::family::{FamilyDetail, KeptApart};
use crate::store::families::StoredFamily;
use crate::store::{self, audit, now_ms};
use chrono::NaiveDate;

pub async fn view(caller: &Caller, family: FamilyId) -> Result<FamilyDetail, AppError> {
    let db = &caller.state.db;
    let place = store::families::team_of(db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let team = place.team;
    let target = place.target(family);
    let entry = caller
        .entry(AuditAction::ViewFamily, RecordKind::Family)
        .about_family(family, team);
    let decision = authorize(caller, Action::ViewFamily, target, entry.clone()).await?;
    let outside = decision == Decision::AllowOutsideTeam;
    let entry = if outside {
        entry.flagged().detail("outside own team")
    } else {
        entry
    };
    // The reads and the view's audit entry go together; the page is served only when all have
    // succeeded, so nothing is shown unrecorded.
    let (stored, kept_apart, ()) = tokio::try_join!(
        store::families::one(db, family),
        store::kept_apart::current(db, family),
        audit::record(db, &entry),
    )?;
    let stored = stored.ok_or(AppError::NotFound)?;

    let viewer = caller.viewer()?;
    let any_adult = Target::Member {
        family_id: family,
        team_id: team,
        member_id: Default::default(),
        is_adult: true,
    };
    let today = today();
    let open = stored.closed.is_none();
    let name_of = |id| {
        stored
            .members
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.full_name())
            .unwrap_or_default()
    };
    let kept_apart = kept_apart
        .into_iter()
        .map(|(pair, since)| KeptApart {
            first: pair.first(),
            first_name: name_of(pair.first()),
            second: pair.second(),
            second_name: name_of(pair.second()),
            since,
        })
        .collect();
    Ok(FamilyDetail {
        id: stored.id,
        name: stored.name.clone(),
        team_id: stored.team_id,
        team_name: stored.team_name.clone(),
        members: members(&stored, today),
        cohort: cohort(&stored, today),
        trio: stored.trio,
        allocations: stored.allocations,
        opened_outside_team: outside,
        can_invite: open && decide(viewer, Action::InviteFamilyMember, any_adult).is_allowed(),
        can_allocate: open && decide(viewer, Action::Allocate, target).is_allowed(),
        can_manage: decide(viewer, Action::ManageCase, target).is_allowed(),
        closed: stored.closed,
        kept_apart,
    })
}

/// Records why a worker opens another team's family; the opening lasts a working day.
/// The password (and code) given with a sensitive form, when the session's is not recent.
pub struct Confirmation<'a> {
    pub password: &'a str,
    pub code: &'a str,
}

pub async fn open_outside_team(
    caller: &Caller,
    family: FamilyId,
    reason: &str,
    confirmation: Confirmation<'_>,
) -> Result<(), AppError> {
    let db = &caller.state.db;
    let place = store::families::team_of(db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let team = place.team;
    let entry = caller
        .entry(AuditAction::OpenOutsideTeam, RecordKind::Family)
        .about_family(family, team);
    authorize(
        caller,
        Action::OpenOutsideTeam,
        place.target(family),
        entry.clone(),
    )
    .await?;
    validate_reason(reason).into_result()?;
    let reason = parse_reason(reason).map_err(|m| AppError::invalid("reason", m))?;
    if !caller.recently_confirmed() {
        super::account_security::confirm_identity(caller, confirmation.password, confirmation.code)
            .await
            .map_err(|error| match error {
                // The reason typed comes back with the refusal, so nothing is lost.
                AppError::Invalid(mut errors) => {
                    errors.keep("reason", &reason);
                    AppError::Invalid(errors)
                }
                other => other,
            })?;
    }
    let viewer = caller.viewer()?;
    let mut write = db.write().await?;
    store::break_glass::open(&mut write, viewer.account_id, family, &reason, now_ms()).await?;
    // The reason stays in break_glass, for the manager's review; the trail says only where.
    audit::append(&mut write, &entry.detail("outside own team").flagged()).await?;
    write.commit().await?;
    Ok(())
}

pub fn members(stored: &StoredFamily, today: NaiveDate) -> Vec<Member> {
    stored
        .members
        .iter()
        .map(|m| Member {
            id: m.id,
            kind: m.kind,
            given_name: m.given_name.clone(),
            family_name: m.family_name.clone(),
            relationship: m.relationship.clone(),
            date_of_birth: m.date_of_birth,
            age: m.date_of_birth.and_then(|d| age_in_years(d, today)),
            legal_status: m.legal_status(today),
            expected_on: m.expected_on,
            person_ref: m.person_ref.clone(),
            left_on: m.left_on,
            has_account: m.has_account,
        })
        .collect()
}

pub fn cohort(stored: &StoredFamily, today: NaiveDate) -> CohortCheck {
    let children: Vec<CohortChild<'_>> = stored
        .members
        .iter()
        .filter(|m| m.kind == MemberKind::Child && m.in_household_on(today))
        .map(|m| CohortChild {
            given_name: &m.given_name,
            date_of_birth: m.date_of_birth,
            statuses: legal_status::open_on(&m.statuses, today),
        })
        .collect();
    check_cohort(&children, &stored.trio, today)
}

pub fn summary(
    stored: &StoredFamily,
    viewer_account: crate::domain::ids::AccountId,
    today: NaiveDate,
) -> FamilySummary {
    FamilySummary {
        id: stored.id,
        name: stored.name.clone(),
        children: stored
            .members
            .iter()
            .filter(|m| m.kind == MemberKind::Child && m.in_household_on(today))
            .map(|m| {
                (
                    m.given_name.clone(),
                    m.date_of_birth.and_then(|d| age_in_years(d, today)),
                )
            })
            .collect(),
        trio: stored.trio.iter().map(|f| f.vulnerability).collect(),
        cohort: cohort(stored, today),
        case_holder: stored
            .allocations
            .iter()
            .find(|a| a.role == StaffRole::SocialWorker)
            .map(|a| a.worker_name.clone()),
        allocated_to_viewer: stored
            .allocations
            .iter()
            .any(|a| a.worker_id == viewer_account),
    }
}
