//! The family's dates: the initial conference, how often to visit, and meetings held.

use super::*;

pub async fn save_schedule(
    caller: &Caller,
    family: FamilyId,
    initial: &str,
    every: &str,
) -> Result<(), AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::EditPlan,
        AuditAction::SaveSchedule,
        RecordKind::Schedule,
    )
    .await?;
    let input = parse_schedule(initial, every, scope.today)?;
    let facts = facts(caller, &scope).await?;
    let mut write = caller.state.db.write().await?;
    store::workbook::save_schedule(
        &mut write,
        family,
        &StoredSchedule {
            plan_started_on: facts.schedule.plan_started_on,
            initial_conference_on: input.initial_conference_on,
            visit_every_working_days: input.visit_every_working_days,
        },
    )
    .await?;
    audit::append(
        &mut write,
        &entry.detail(format!(
            "visits every {} working days",
            input.visit_every_working_days
        )),
    )
    .await?;
    write.commit().await?;
    Ok(())
}

pub async fn record_meeting(
    caller: &Caller,
    family: FamilyId,
    kind: &str,
    held_on: &str,
) -> Result<(), AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::EditPlan,
        AuditAction::RecordMeeting,
        RecordKind::Meeting,
    )
    .await?;
    let kind = match kind {
        "core_group" | "review_conference" => kind,
        _ => {
            return Err(AppError::invalid(
                "meeting_kind",
                "Choose which meeting was held",
            ))
        }
    };
    let held_on = crate::domain::fields::parse_date(
        held_on,
        "the date it was held",
        scope.today - chrono::Duration::days(365),
        scope.today,
    )
    .map_err(|m| AppError::invalid("held_on", m))?;
    let viewer = caller.viewer()?;
    let mut write = caller.state.db.write().await?;
    store::workbook::insert_meeting(
        &mut write,
        family,
        kind,
        held_on,
        viewer.account_id,
        now_ms(),
    )
    .await?;
    audit::append(&mut write, &entry.detail(format!("{kind} on {held_on}"))).await?;
    write.commit().await?;
    Ok(())
}
