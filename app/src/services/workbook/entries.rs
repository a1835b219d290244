//! A family's workbook and its entries: reading them, and recording or changing one in the
//! viewer's own chapter, versioned like goals.

use super::*;
use crate::services::plan::record_change;

pub async fn workbook(caller: &Caller, family: FamilyId) -> Result<Workbook, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewWorkbook,
        "workbook",
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    audit::record(&caller.state.db, &entry).await?;
    let today = scope.today;
    let current_period = period_of(
        today,
        &facts
            .supervisions
            .iter()
            .map(|s| s.held_on)
            .collect::<Vec<_>>(),
    );
    let chapters = scope
        .family
        .allocations
        .iter()
        .map(|a| Chapter {
            role: a.role,
            worker_name: a.worker_name.clone(),
            entries: facts
                .entries
                .iter()
                .rev()
                .filter(|e| e.chapter == a.role)
                .cloned()
                .collect(),
        })
        .collect();
    let writes = caller
        .viewer()?
        .staff_role()
        .filter(|role| can(caller, Action::WriteChapter, chapter_target(&scope, *role)));
    let due = due_for(&scope, &facts, today)
        .into_iter()
        .map(|(_, d)| d.due)
        .collect();
    Ok(Workbook {
        family_id: family,
        family_name: scope.family.name.clone(),
        current_period,
        period_started: facts.supervisions.first().map(|s| s.held_on),
        chapters,
        people: people(&scope),
        writes,
        schedule: facts.schedule,
        due,
        today,
    })
}

pub async fn entry_page(
    caller: &Caller,
    family: FamilyId,
    id: EntryId,
) -> Result<EntryPage, AppError> {
    let (scope, audit_entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewWorkbook,
        "entry",
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    let entry = facts
        .entries
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AppError::NotFound)?;
    let history = store::plan_history::since_version(&caller.state.db, &id.to_string(), 0)
        .await?
        .into_iter()
        .rev()
        .map(|c| c.change)
        .collect();
    audit::record(&caller.state.db, &audit_entry.record(id)).await?;
    Ok(EntryPage {
        family_id: family,
        family_name: scope.family.name.clone(),
        can_edit: can(
            caller,
            Action::WriteChapter,
            chapter_target(&scope, entry.chapter),
        ),
        entry,
        people: people(&scope),
        history,
        today: scope.today,
    })
}

/// Records a new entry in the viewer's own chapter, or saves an edit made from its version.
pub async fn save_entry(
    caller: &Caller,
    family: FamilyId,
    id: EntryId,
    form: EntryForm<'_>,
) -> Result<(), AppError> {
    let db = &caller.state.db;
    let existing_place = store::workbook::place_of_entry(db, id).await?;
    let chapter = match existing_place {
        Some((entry_family, _)) if entry_family != family => return Err(AppError::NotFound),
        Some((_, chapter)) => chapter,
        None => caller
            .viewer()?
            .staff_role()
            .unwrap_or(StaffRole::SocialWorker),
    };
    let editing = existing_place.is_some();
    let (scope, _) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        if editing {
            AuditAction::UpdateEntry
        } else {
            AuditAction::RecordEntry
        },
        "entry",
    )
    .await?;
    let audit_entry = caller
        .entry(
            if editing {
                AuditAction::UpdateEntry
            } else {
                AuditAction::RecordEntry
            },
            "entry",
        )
        .about_family(family, scope.team)
        .record(id);
    authorize(
        caller,
        Action::WriteChapter,
        chapter_target(&scope, chapter),
        audit_entry.clone(),
    )
    .await?;
    let people = people(&scope);
    let input = parse_entry(&form, &people, scope.today)?;
    let facts = facts(caller, &scope).await?;
    let names = |ids: &[crate::domain::ids::MemberId]| -> Vec<String> {
        ids.iter().map(|m| scope.member_name(*m)).collect()
    };
    let after_people = names(&input.people);
    let after = EntryFields {
        occurred_on: input.occurred_on,
        people: &after_people,
        others: &input.others,
        place: &input.place,
        child_seen_alone: input.child_seen_alone,
        summary: &input.summary,
        significant: input.significant,
    };
    let viewer = caller.viewer()?;
    let now = now_ms();
    match facts.entries.iter().find(|e| e.id == id) {
        None => {
            if input.version != 0 {
                return Err(AppError::NotFound);
            }
            if input.kind == EntryKind::MonthlySummary {
                let held: Vec<NaiveDate> = facts.supervisions.iter().map(|s| s.held_on).collect();
                let period = period_of(input.occurred_on, &held);
                if facts.entries.iter().any(|e| {
                    e.chapter == chapter
                        && e.kind == EntryKind::MonthlySummary
                        && e.period == period
                }) {
                    let mut errors = form.typed();
                    errors.add("kind", "This chapter already has a monthly summary for this period: change that one instead");
                    return Err(AppError::Invalid(errors));
                }
            }
            let mut write = db.write().await?;
            if store::workbook::insert_entry(
                &mut write,
                family,
                id,
                chapter,
                &input,
                viewer.account_id,
                now,
            )
            .await?
            {
                let changes = entry_changes(None, &after);
                record_change(
                    &mut write,
                    family,
                    None,
                    Subject::Entry,
                    id.to_string(),
                    1,
                    caller,
                    "",
                    &changes,
                )
                .await?;
                audit::append(
                    &mut write,
                    &audit_entry.detail(format!(
                        "{} in the {} chapter",
                        input.kind.label(),
                        chapter.label().to_lowercase()
                    )),
                )
                .await?;
            }
            write.commit().await?;
            Ok(())
        }
        // The same new entry sent twice: it is there already.
        Some(_) if input.version == 0 => Ok(()),
        Some(current) => {
            let typed = form.typed();
            if current.version != input.version {
                return Err(crate::services::plan::edit_conflict(
                    caller,
                    &id.to_string(),
                    input.version,
                    typed,
                )
                .await);
            }
            let before_people = names(&current.people);
            let before = EntryFields {
                occurred_on: current.occurred_on,
                people: &before_people,
                others: &current.others,
                place: &current.place,
                child_seen_alone: current.child_seen_alone,
                summary: &current.summary,
                significant: current.significant,
            };
            let changes = entry_changes(Some(&before), &after);
            if changes.is_empty() {
                return Ok(());
            }
            let mut write = db.write().await?;
            if !store::workbook::update_entry(&mut write, id, &input, now).await? {
                drop(write);
                return Err(crate::services::plan::edit_conflict(
                    caller,
                    &id.to_string(),
                    input.version,
                    typed,
                )
                .await);
            }
            record_change(
                &mut write,
                family,
                None,
                Subject::Entry,
                id.to_string(),
                input.version + 1,
                caller,
                "",
                &changes,
            )
            .await?;
            let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
            audit::append(&mut write, &audit_entry.detail(fields.join(", "))).await?;
            write.commit().await?;
            Ok(())
        }
    }
}
