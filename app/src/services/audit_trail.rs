//! A manager reading their team's audit trail.

use super::authorize;
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::audit_check::{trail_state, STALE_AFTER_MS};
use crate::domain::record::RecordKind;
use crate::domain::viewer::ViewerKind;
use crate::error::AppError;
use crate::page_data::audit_trail::TrailPage;
use crate::store::{self, audit, now_ms};

pub const PAGE_SIZE: i64 = 50;

pub async fn team_trail(caller: &Caller, before: Option<i64>) -> Result<TrailPage, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewAuditTrail, RecordKind::AuditTrail);
    let team = match &viewer.kind {
        ViewerKind::Staff {
            team_id: Some(team),
            ..
        } => *team,
        _ => {
            return authorize(caller, Action::ViewAuditTrail, Target::Own, entry)
                .await
                .and(Err(AppError::Forbidden))
        }
    };
    authorize(
        caller,
        Action::ViewAuditTrail,
        Target::Team(team),
        entry.clone(),
    )
    .await?;
    let db = &caller.state.db;
    // Read first, then record the reading, so the page does not show its own visit.
    let entries = store::audit::list_for_team(db, team, before, PAGE_SIZE).await?;
    let now = now_ms();
    let checks = audit::checks::since(db, now - STALE_AFTER_MS).await?;
    audit::record(db, &entry.record(team)).await?;
    Ok(TrailPage {
        entries,
        state: trail_state(now, &checks),
    })
}
