//! Closing a family's case and reopening it. Closing ends its allocations (kept in their
//! history), takes it off every caseload and due list, and leaves its record read-only: every
//! change to the family is refused by the policy's gate until the case is reopened.

use super::{heading, scope};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::closure::{parse_close, parse_reopen, CloseForm, ReopenForm};
use crate::domain::ids::FamilyId;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::case_record::{CaseState, ClosureEvent};
use crate::store::{self, audit, case_closures, now_ms};

pub async fn view(caller: &Caller, family: FamilyId) -> Result<CaseState, AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewFamily,
        RecordKind::Family,
    )
    .await?;
    let db = &caller.state.db;
    let closures = case_closures::history(db, family)
        .await?
        .into_iter()
        .map(|row| ClosureEvent {
            closed_on: row.closed_on.into(),
            reason: row.reason,
            closed_by: row.closed_by,
            reopened_at: row.reopened_at,
            reopened_by: row.reopened_by,
            reopen_reason: row.reopen_reason,
        })
        .collect();
    let status = CaseState {
        heading: heading(caller, &scope)?,
        closures,
    };
    audit::record(db, &entry.detail("whether the case is open")).await?;
    Ok(status)
}

pub async fn close(caller: &Caller, family: FamilyId, form: &CloseForm) -> Result<(), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        AuditAction::CloseCase,
        RecordKind::Family,
    )
    .await?;
    let closed = parse_close(form, scope.today)?;
    if closed.on < scope.family.opened_on {
        let mut errors = form.typed();
        errors.add(
            "closed_on",
            format!(
                "The case cannot close before the family was opened in Hearth, on {}",
                crate::domain::legal_status::long_date(scope.family.opened_on)
            ),
        );
        return Err(AppError::Invalid(errors));
    }
    let by = caller.viewer()?.account_id;
    let mut write = caller.state.db.write().await?;
    // Checked again under the lock: two people closing at once close it once.
    if case_closures::closed_on_in(&mut write, family)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(
            "Someone else closed this case a moment ago.".into(),
        ));
    }
    let now = now_ms();
    case_closures::close(&mut write, family, &closed, by, now).await?;
    for role in StaffRole::ALLOCATED {
        store::allocations::replace(&mut write, family, role, None, Some(by), now).await?;
    }
    audit::append(
        &mut write,
        &entry.detail(format!(
            "closed: {} ({}); its allocations ended",
            closed.reason.code(),
            closed.reason.label()
        )),
    )
    .await?;
    write.commit().await.map_err(AppError::from)
}

pub async fn reopen(caller: &Caller, family: FamilyId, form: &ReopenForm) -> Result<(), AppError> {
    let (_, entry) = scope(
        caller,
        family,
        Action::ReopenCase,
        AuditAction::ReopenCase,
        RecordKind::Family,
    )
    .await?;
    let reason = parse_reopen(form)?;
    let by = caller.viewer()?.account_id;
    let mut write = caller.state.db.write().await?;
    if case_closures::closed_on_in(&mut write, family)
        .await?
        .is_none()
    {
        return Err(AppError::Conflict("This family's case is open.".into()));
    }
    case_closures::reopen(&mut write, family, &reason, by, now_ms()).await?;
    // The reason is the team's words: it stays with the closure, not in the trail.
    audit::append(&mut write, &entry.detail("reopened")).await?;
    write.commit().await.map_err(AppError::from)
}
