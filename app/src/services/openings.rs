//! A team manager's review of their families opened by people outside the team ("break glass"):
//! every opening with its reason, marked reviewed one by one. Those waiting more than three
//! working days are counted on the team dashboard.

use super::authorize;
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{OpeningId, TeamId};
use crate::domain::record::RecordKind;
use crate::domain::working_days::working_days_between;
use crate::error::AppError;
use crate::page_data::openings::{OpeningShown, Openings};
use crate::store::{self, audit, now_ms, Db};

/// The longest list shown: far more than a team's openings in any month.
const SHOWN: i64 = 200;
/// An opening should be reviewed within this many working days.
pub const REVIEW_WITHIN_WORKING_DAYS: u32 = 3;

/// The viewer's team, once the policy allows them to review its openings.
async fn reviewing_team(caller: &Caller, action: AuditAction) -> Result<TeamId, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(action, RecordKind::BreakGlass);
    let Some(team) = viewer.team_id() else {
        return authorize(caller, Action::ReviewOpenings, Target::Own, entry)
            .await
            .and(Err(AppError::Forbidden));
    };
    authorize(caller, Action::ReviewOpenings, Target::Team(team), entry).await?;
    Ok(team)
}

pub async fn list(caller: &Caller) -> Result<Openings, AppError> {
    let team = reviewing_team(caller, AuditAction::ViewBreakGlassReviews).await?;
    let db = &caller.state.db;
    let openings = store::break_glass::for_team(db, team, SHOWN)
        .await?
        .into_iter()
        .map(|o| OpeningShown {
            id: o.id,
            worker: o.worker,
            worker_team: o.worker_team,
            family_id: o.family_id,
            family_name: o.family_name,
            reason: o.reason,
            opened_at: o.opened_at,
            reviewed_at: o.reviewed_at,
            reviewer: o.reviewer,
        })
        .collect();
    audit::record(
        db,
        &caller
            .entry(AuditAction::ViewBreakGlassReviews, RecordKind::BreakGlass)
            .record(team),
    )
    .await?;
    Ok(Openings { openings })
}

/// Marks one of the team's openings reviewed. An id that names no opening is not found; an
/// opening of another team's family is refused.
pub async fn mark_reviewed(caller: &Caller, id: OpeningId) -> Result<(), AppError> {
    let team = reviewing_team(caller, AuditAction::ReviewBreakGlass).await?;
    let db = &caller.state.db;
    let (family, family_team) = store::break_glass::place_of(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = caller
        .entry(AuditAction::ReviewBreakGlass, RecordKind::BreakGlass)
        .about_family(family, family_team)
        .record(id);
    if family_team != team {
        audit::record(db, &entry.refused()).await?;
        return Err(AppError::Forbidden);
    }
    let viewer = caller.viewer()?;
    let mut write = db.write().await?;
    if store::break_glass::mark_reviewed(&mut write, id, viewer.account_id, now_ms()).await? {
        audit::append(&mut write, &entry).await?;
    }
    write.commit().await?;
    Ok(())
}

/// How many of the team's openings have waited for review longer than they should.
pub async fn overdue(db: &Db, team: TeamId, today: chrono::NaiveDate) -> Result<usize, AppError> {
    let waiting = store::break_glass::waiting(db, team).await?;
    Ok(waiting
        .into_iter()
        .filter_map(chrono::DateTime::from_timestamp_millis)
        .filter(|opened| {
            working_days_between(opened.date_naive(), today) > i64::from(REVIEW_WITHIN_WORKING_DAYS)
        })
        .count())
}
