//! Group supervision: its records, and the actions agreed there.

use super::*;
use crate::services::new_id;

pub async fn supervisions(caller: &Caller, family: FamilyId) -> Result<Supervisions, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewWorkbook,
        RecordKind::Supervision,
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    let change = crate::services::change_work::goal_changes(caller, &scope).await?;
    audit::record(&caller.state.db, &entry).await?;
    let target = Target::Family {
        family_id: family,
        team_id: scope.team,
        authority_id: scope.authority,
    };
    Ok(Supervisions {
        family_id: family,
        family_name: scope.family.name.clone(),
        supervisions: facts.supervisions,
        workers: scope
            .family
            .allocations
            .iter()
            .map(|a| (a.worker_id, a.worker_name.clone(), a.role))
            .collect(),
        change,
        can_record: can(caller, Action::EditPlan, target),
        today: scope.today,
    })
}

pub async fn record_supervision(
    caller: &Caller,
    family: FamilyId,
    id: SupervisionId,
    form: &SupervisionForm,
) -> Result<(), AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::EditPlan,
        AuditAction::RecordSupervision,
        RecordKind::Supervision,
    )
    .await?;
    let owners: Vec<_> = scope
        .family
        .allocations
        .iter()
        .map(|a| a.worker_id)
        .collect();
    let input = parse_supervision(form, &owners, scope.today)?;
    let viewer = caller.viewer()?;
    let Some(mut write) = new_id::write_new(caller, id, family.0, &entry).await? else {
        return Ok(());
    };
    if store::workbook::insert_supervision(
        &mut write,
        family,
        id,
        &input,
        viewer.account_id,
        now_ms(),
    )
    .await?
    {
        audit::append(
            &mut write,
            &entry
                .record(id)
                .detail(format!("{} actions", input.actions.len())),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}

/// An action is marked done by its owner, or by anyone who may record supervision for the family.
pub async fn mark_action(caller: &Caller, id: ActionId, done: bool) -> Result<(), AppError> {
    let db = &caller.state.db;
    let (family, owner) = store::workbook::place_of_action(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewer = caller.viewer()?;
    let place = store::families::team_of(db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let team = place.team;
    let entry = caller
        .entry(AuditAction::MarkAction, RecordKind::SupervisionAction)
        .about_family(family, team)
        .record(id);
    if viewer.account_id != owner || viewer.team_id() != Some(team) {
        authorize(
            caller,
            Action::EditPlan,
            place.target(family),
            entry.clone(),
        )
        .await?;
    }
    let mut write = db.write().await?;
    if store::workbook::set_action_done(&mut write, id, done, now_ms()).await? {
        audit::append(
            &mut write,
            &entry.detail(if done { "done" } else { "not done" }),
        )
        .await?;
    }
    write.commit().await?;
    Ok(())
}
