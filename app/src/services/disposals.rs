//! The disposal review: closed families whose retention periods have all passed under the
//! council's schedule, for an information governance officer (the council's) or a team manager
//! (their team's) to destroy, keep longer with a reason, or hold. Nothing is destroyed without a
//! person's confirmation, nor while a legal hold is in place.

use super::information_requests::{reach_entry, reach_for};
use super::{authorize, new_id, today};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{ExtensionId, FamilyId, LegalHoldId};
use crate::domain::information_rights::disposal::{
    disposal, parse_destroy, parse_hold, parse_keep, rules_text, DestroyForm, Disposal, HoldForm,
    KeepForm,
};
use crate::domain::information_rights::retention::{
    FamilyDates, RecordClass, RetentionSchedule, ReviewDue,
};
use crate::domain::record::RecordKind;
use crate::error::{AppError, FieldErrors};
use crate::page_data::disposals::{
    ClassDue, DestroyedFamily, DisposalQueue, FamilyDisposalPage, Hold, KeptLonger, ReviewedFamily,
};
use crate::store::audit::{self, erasure, NewEntry};
use crate::store::disposals::{self as store_disposals, ClosedFamily};
use crate::store::families::FamilyTeam;
use crate::store::{destruction, now_ms};
use chrono::NaiveDate;

/// How many closed families not yet due the queue shows, soonest first, and destroyed ones.
const UPCOMING: usize = 50;
const DESTROYED: i64 = 50;

fn schedule(caller: &Caller) -> Option<&RetentionSchedule> {
    caller.state.settings.retention.as_ref()
}

fn facts(row: &ClosedFamily) -> FamilyDates {
    FamilyDates {
        closed_on: row.closed_on.map(Into::into),
        youngest_child_born: row.youngest_child_born.map(Into::into),
    }
}

/// Where the family stands today; `None` without a schedule, when nothing is ever due.
fn standing(schedule: Option<&RetentionSchedule>, row: &ClosedFamily) -> Option<Disposal> {
    schedule.map(|schedule| {
        disposal(
            schedule,
            facts(row),
            row.kept_until.map(Into::into),
            row.holds > 0,
            today(),
        )
    })
}

fn reviewed(row: &ClosedFamily, disposal: Disposal) -> ReviewedFamily {
    ReviewedFamily {
        id: row.id,
        name: row.name.clone(),
        case_ref: row.case_ref.clone(),
        team: row.team.clone(),
        closed_on: row.closed_on.map(Into::into),
        disposal,
    }
}

pub async fn queue(caller: &Caller) -> Result<DisposalQueue, AppError> {
    let entry = caller.entry(AuditAction::ViewDisposals, RecordKind::Disposals);
    let reach = reach_for(caller, Action::ReviewDisposals, entry).await?;
    let db = &caller.state.db;
    let schedule = schedule(caller);
    let mut due = Vec::new();
    let mut held = Vec::new();
    let mut upcoming = Vec::new();
    if schedule.is_some() {
        for row in store_disposals::closed_families(db, reach).await? {
            match standing(schedule, &row) {
                Some(status @ Disposal::Held(_)) => held.push(reviewed(&row, status)),
                Some(status) if status.is_listed() => due.push(reviewed(&row, status)),
                Some(status @ Disposal::NotYet(_)) => upcoming.push(reviewed(&row, status)),
                _ => {}
            }
        }
    }
    upcoming.sort_by_key(|family| match family.disposal {
        Disposal::NotYet(on) => on,
        _ => NaiveDate::MAX,
    });
    let more_upcoming = upcoming.len().saturating_sub(UPCOMING);
    upcoming.truncate(UPCOMING);
    let destroyed = store_disposals::destroyed(db, reach, DESTROYED)
        .await?
        .into_iter()
        .map(|row| DestroyedFamily {
            family_id: row.family_id,
            team: row.team,
            closed_on: row.closed_on.into(),
            due_on: row.due_on.into(),
            destroyed_by: row.destroyed_by,
            destroyed_at: row.destroyed_at,
            erased_entries: row.erased_entries,
        })
        .collect();
    let queue = DisposalQueue {
        scheduled: schedule.is_some(),
        rules: schedule
            .map(|schedule| class_rules(schedule, None))
            .unwrap_or_default(),
        due,
        held,
        upcoming,
        more_upcoming,
        destroyed,
    };
    audit::record(
        db,
        &reach_entry(caller, AuditAction::ViewDisposals, reach).detail(format!(
            "{} due, {} held",
            queue.due.len(),
            queue.held.len()
        )),
    )
    .await?;
    Ok(queue)
}

/// Each class's rule in the schedule's own order of classes, and when it ends for `family`.
fn class_rules(schedule: &RetentionSchedule, family: Option<FamilyDates>) -> Vec<ClassDue> {
    RecordClass::ALL
        .iter()
        .filter_map(|class| schedule.rule(*class))
        .map(|rule| ClassDue {
            class: rule.class.label().to_string(),
            rule: format!("{} years from {}", rule.years, rule.trigger.label()),
            due_on: family.and_then(|family| match schedule.review_due(rule.class, family) {
                ReviewDue::On(day) => Some(day),
                ReviewDue::CaseOpen | ReviewDue::Unknown => None,
            }),
        })
        .collect()
}

/// A family, once the policy allows the viewer to decide its disposal.
async fn family(
    caller: &Caller,
    family: FamilyId,
    entry: NewEntry,
) -> Result<(ClosedFamily, NewEntry), AppError> {
    let row = store_disposals::family(&caller.state.db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = entry.about_family(family, row.team_id);
    let place = FamilyTeam {
        team: row.team_id,
        authority: row.authority_id,
    };
    authorize(
        caller,
        Action::DecideDisposal,
        place.target(family),
        entry.clone(),
    )
    .await?;
    Ok((row, entry))
}

pub async fn family_page(caller: &Caller, id: FamilyId) -> Result<FamilyDisposalPage, AppError> {
    let entry = caller.entry(AuditAction::ViewFamilyDisposal, RecordKind::Family);
    let (row, entry) = family(caller, id, entry).await?;
    let db = &caller.state.db;
    let schedule = schedule(caller);
    let classes = schedule
        .map(|schedule| class_rules(schedule, Some(facts(&row))))
        .unwrap_or_default();
    let holds = store_disposals::holds(db, id)
        .await?
        .into_iter()
        .map(|h| Hold {
            id: h.id,
            reason: h.reason,
            placed_by: h.placed_by,
            placed_at: h.placed_at,
            lifted: h.lifted_at.map(|at| {
                (
                    h.lifted_by.unwrap_or_default(),
                    at,
                    h.lift_reason.unwrap_or_default(),
                )
            }),
        })
        .collect();
    let kept = store_disposals::extensions(db, id)
        .await?
        .into_iter()
        .map(|e| KeptLonger {
            until: e.kept_until.into(),
            reason: e.reason,
            decided_by: e.decided_by,
            decided_at: e.decided_at,
        })
        .collect();
    let page = FamilyDisposalPage {
        family: reviewed(&row, standing(schedule, &row).unwrap_or(Disposal::Unknown)),
        scheduled: schedule.is_some(),
        today: today(),
        classes,
        holds,
        kept,
        new_hold: LegalHoldId::new(),
        new_extension: ExtensionId::new(),
    };
    audit::record(db, &entry).await?;
    Ok(page)
}

/// Keeps the family's records until a later day, with the reason; sent twice, kept once.
pub async fn keep_longer(
    caller: &Caller,
    id: ExtensionId,
    family_id: FamilyId,
    form: &KeepForm,
) -> Result<(), AppError> {
    let entry = caller.entry(
        AuditAction::KeepRecordsLonger,
        RecordKind::RetentionExtension,
    );
    let (row, entry) = family(caller, family_id, entry).await?;
    let entry = entry.record(id);
    let kept = parse_keep(form, today())?;
    if row.closed_on.is_none() {
        return Err(refusal(
            form.typed(),
            "until",
            "The case is open: none of its records is due",
        ));
    }
    let Some(mut write) = new_id::write_new(caller, id, family_id.0, &entry).await? else {
        return Ok(());
    };
    store_disposals::keep_longer(
        &mut write,
        id,
        family_id,
        kept.until,
        &kept.reason,
        caller.viewer()?.account_id,
        now_ms(),
    )
    .await?;
    // The reason stays out of the trail: it may name people.
    audit::append(&mut write, &entry.detail(format!("until {}", kept.until))).await?;
    write.commit().await?;
    Ok(())
}

fn refusal(mut errors: FieldErrors, field: &str, message: &str) -> AppError {
    errors.add(field, message);
    AppError::Invalid(errors)
}

pub async fn place_hold(
    caller: &Caller,
    id: LegalHoldId,
    family_id: FamilyId,
    form: &HoldForm,
) -> Result<(), AppError> {
    let entry = caller.entry(AuditAction::PlaceLegalHold, RecordKind::LegalHold);
    let (_, entry) = family(caller, family_id, entry).await?;
    let entry = entry.record(id);
    let reason = parse_hold(form)?;
    let Some(mut write) = new_id::write_new(caller, id, family_id.0, &entry).await? else {
        return Ok(());
    };
    store_disposals::place_hold(
        &mut write,
        id,
        family_id,
        &reason,
        caller.viewer()?.account_id,
        now_ms(),
    )
    .await?;
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// Lifts a hold of this family still in place; a hold of another family, or one already
/// lifted, is refused and recorded.
pub async fn lift_hold(
    caller: &Caller,
    hold: LegalHoldId,
    family_id: FamilyId,
    form: &HoldForm,
) -> Result<(), AppError> {
    let entry = caller.entry(AuditAction::LiftLegalHold, RecordKind::LegalHold);
    let (_, entry) = family(caller, family_id, entry).await?;
    let entry = entry.record(hold);
    let reason = parse_hold(form)?;
    let mut write = caller.state.db.write().await?;
    let by = caller.viewer()?.account_id;
    if !store_disposals::lift_hold(&mut write, hold, family_id, &reason, by, now_ms()).await? {
        write.rollback().await?;
        audit::record(
            &caller.state.db,
            &entry
                .refused()
                .detail("no such hold in place on this family"),
        )
        .await?;
        return Err(AppError::NotFound);
    }
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// Destroys the family's records for good, once every period has passed and no hold is in
/// place, read again under the write lock. The trail keeps that it existed, who destroyed it,
/// when and under which rules; the database is then compacted.
pub async fn destroy(
    caller: &Caller,
    family_id: FamilyId,
    form: &DestroyForm,
) -> Result<(), AppError> {
    let entry = caller.entry(AuditAction::DestroyFamily, RecordKind::Family);
    let (_, entry) = family(caller, family_id, entry).await?;
    parse_destroy(form)?;
    let schedule = schedule(caller).ok_or_else(|| {
        refusal(
            form.typed(),
            "confirm",
            "No retention schedule is set: nothing can be destroyed",
        )
    })?;
    let db = &caller.state.db;
    let mut write = db.write().await?;
    let row = store_disposals::family_in(&mut write, family_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let status = standing(Some(schedule), &row).unwrap_or(Disposal::CaseOpen);
    let (Some(closed_on), true) = (row.closed_on, status.may_destroy()) else {
        write.rollback().await?;
        return Err(refusal(
            form.typed(),
            "confirm",
            match status {
                Disposal::Held(_) => {
                    "A legal hold is in place: lift it before the records can be destroyed"
                }
                Disposal::CaseOpen => "The case is open: its records are not due",
                _ => "These records are not due for destruction yet",
            },
        ));
    };
    let due_on = match status {
        Disposal::Due(on) => on,
        _ => today(),
    };
    let rules = rules_text(schedule);
    let entry_id = uuid::Uuid::new_v4().to_string();
    let erased = destruction::erase(
        &mut write,
        &destruction::Tombstone {
            family: family_id,
            authority: row.authority_id,
            team: row.team_id,
            closed_on: closed_on.into(),
            due_on,
            rules: &rules,
            by: caller.viewer()?.account_id,
            now: now_ms(),
        },
        &entry_id,
    )
    .await?;
    audit::append_as(
        &mut write,
        &entry.detail(erasure::detail(erased, &rules)),
        &entry_id,
    )
    .await?;
    write.commit().await?;
    // The destruction stands once committed; a compaction that fails is for the operator.
    if let Err(error) = destruction::compact(db).await {
        tracing::error!(%error, "a destroyed family's space could not be compacted: run VACUUM");
    }
    Ok(())
}
