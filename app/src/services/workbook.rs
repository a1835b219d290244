//! The team workbook: reading a family's chapters, recording and changing entries (versioned,
//! like goals), the chronology and its CSV, the integrated assessment, group supervision, the
//! family's dates, and what is due.

use super::plan_scope::PlanScope;
use super::{authorize, today};
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::due::{
    describe, monthly_summary_due, next_core_group, next_review_conference, next_visit, urgency,
    Due, DueKind, DEFAULT_VISIT_WORKING_DAYS,
};
use crate::domain::history::{entry_changes, EntryFields, Subject};
use crate::domain::ids::{ActionId, EntryId, FamilyId, SupervisionId};
use crate::domain::role::StaffRole;
use crate::domain::viewer::ViewerKind;
use crate::domain::workbook::{
    chronology_csv, period_of, Assessment, Chapter, Chronology, ChronologyFilter, ChronologyRow,
    DueItem, Entry, EntryKind, EntryPage, Person, Schedule, Supervision, Supervisions, Workbook,
};
use crate::domain::workbook_input::{
    children, parse_entry, parse_schedule, parse_supervision, EntryForm, SupervisionForm,
};
use crate::error::AppError;
use crate::store::plan_history::NewChange;
use crate::store::workbook::StoredSchedule;
use crate::store::{self, audit, now_ms};
use chrono::NaiveDate;

fn people(scope: &PlanScope) -> Vec<Person> {
    scope
        .members
        .iter()
        .map(|m| Person {
            id: m.id,
            name: m.name.clone(),
            kind: m.kind,
        })
        .collect()
}

/// Everything the workbook's pages are computed from, for one family.
pub struct Facts {
    pub entries: Vec<Entry>,
    pub supervisions: Vec<Supervision>,
    pub schedule: Schedule,
}

pub async fn facts(caller: &Caller, scope: &PlanScope) -> Result<Facts, AppError> {
    let db = &caller.state.db;
    let family = scope.family.id;
    let supervisions = store::workbook::supervisions(db, family).await?;
    let held: Vec<NaiveDate> = supervisions.iter().map(|s| s.held_on).collect();
    let mut entries = store::workbook::entries(db, family).await?;
    for entry in &mut entries {
        entry.period = period_of(entry.occurred_on, &held);
    }
    let stored = store::workbook::schedule(db, family).await?;
    let (last_core_group_on, last_review_on) = store::workbook::last_meetings(db, family).await?;
    let schedule = match stored {
        Some(s) => Schedule {
            plan_started_on: s.plan_started_on,
            initial_conference_on: s.initial_conference_on,
            visit_every_working_days: s.visit_every_working_days,
            last_core_group_on,
            last_review_on,
        },
        None => Schedule {
            plan_started_on: scope.family.opened_on,
            initial_conference_on: None,
            visit_every_working_days: DEFAULT_VISIT_WORKING_DAYS,
            last_core_group_on,
            last_review_on,
        },
    };
    Ok(Facts {
        entries,
        supervisions,
        schedule,
    })
}

/// What is due for one family; each item with the role it falls to (the social worker holds the
/// statutory visits and meetings; a chapter's worker its monthly summary) or the action's owner.
pub fn due_for(
    scope: &PlanScope,
    facts: &Facts,
    today: NaiveDate,
) -> Vec<(Option<StaffRole>, DueItem)> {
    let mut out = Vec::new();
    let item = |due: Due, action: Option<ActionId>| DueItem {
        family_id: scope.family.id,
        family_name: scope.family.name.clone(),
        urgency: urgency(due.due_on, today),
        when: describe(due.due_on, today),
        due,
        action,
    };
    let last_visit = facts
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Visit && e.chapter == StaffRole::SocialWorker)
        .map(|e| e.occurred_on)
        .max();
    let schedule = &facts.schedule;
    out.push((
        Some(StaffRole::SocialWorker),
        item(
            Due {
                kind: DueKind::Visit,
                due_on: next_visit(
                    last_visit,
                    schedule.plan_started_on,
                    schedule.visit_every_working_days,
                ),
                what: "Statutory visit".into(),
            },
            None,
        ),
    ));
    if let Some(initial) = schedule.initial_conference_on {
        out.push((
            Some(StaffRole::SocialWorker),
            item(
                Due {
                    kind: DueKind::CoreGroup,
                    due_on: next_core_group(initial, schedule.last_core_group_on),
                    what: "Core group meeting".into(),
                },
                None,
            ),
        ));
        out.push((
            Some(StaffRole::SocialWorker),
            item(
                Due {
                    kind: DueKind::ReviewConference,
                    due_on: next_review_conference(initial, schedule.last_review_on),
                    what: "Review child protection conference".into(),
                },
                None,
            ),
        ));
    }
    for allocation in &scope.family.allocations {
        let last = facts
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::MonthlySummary && e.chapter == allocation.role)
            .map(|e| e.occurred_on)
            .max();
        if let Some(due_on) = monthly_summary_due(last, today) {
            out.push((
                Some(allocation.role),
                item(
                    Due {
                        kind: DueKind::MonthlySummary,
                        due_on,
                        what: format!(
                            "Monthly summary ({})",
                            allocation.role.label().to_lowercase()
                        ),
                    },
                    None,
                ),
            ));
        }
    }
    for supervision in &facts.supervisions {
        for action in supervision.actions.iter().filter(|a| !a.done) {
            let mut due = item(
                Due {
                    kind: DueKind::SupervisionAction,
                    due_on: action.due_on,
                    what: format!("{} ({})", action.what, action.owner_name),
                },
                Some(action.id),
            );
            due.action = Some(action.id);
            out.push((None, due));
        }
    }
    out.sort_by_key(|(_, d)| d.due.due_on);
    out
}

fn can(caller: &Caller, action: Action, target: Target) -> bool {
    caller
        .viewer()
        .is_ok_and(|viewer| decide(viewer, action, target).is_allowed())
}

fn chapter_target(scope: &PlanScope, role: StaffRole) -> Target {
    Target::Chapter {
        family_id: scope.family.id,
        team_id: scope.team,
        role,
    }
}

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
                store::plan_history::append(
                    &mut write,
                    &NewChange {
                        family,
                        goal: None,
                        subject: Subject::Entry,
                        subject_id: id.to_string(),
                        version: 1,
                        actor: viewer.account_id,
                        at: now,
                        reason: "",
                        changes: &changes,
                    },
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
                return Err(super::plan::edit_conflict(
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
                return Err(super::plan::edit_conflict(
                    caller,
                    &id.to_string(),
                    input.version,
                    typed,
                )
                .await);
            }
            store::plan_history::append(
                &mut write,
                &NewChange {
                    family,
                    goal: None,
                    subject: Subject::Entry,
                    subject_id: id.to_string(),
                    version: input.version + 1,
                    actor: viewer.account_id,
                    at: now,
                    reason: "",
                    changes: &changes,
                },
            )
            .await?;
            let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
            audit::append(&mut write, &audit_entry.detail(fields.join(", "))).await?;
            write.commit().await?;
            Ok(())
        }
    }
}

fn chronology_rows(
    scope: &PlanScope,
    facts: &Facts,
    filter: &ChronologyFilter,
) -> Vec<ChronologyRow> {
    facts
        .entries
        .iter()
        .rev()
        .filter(|e| e.significant && filter.keeps(e))
        .map(|e| ChronologyRow {
            entry_id: e.id,
            occurred_on: e.occurred_on,
            chapter: e.chapter,
            kind: e.kind,
            people: e.people.iter().map(|m| scope.member_name(*m)).collect(),
            summary: e.summary.clone(),
            author_name: e.author_name.clone(),
        })
        .collect()
}

pub async fn chronology(
    caller: &Caller,
    family: FamilyId,
    filter: ChronologyFilter,
) -> Result<Chronology, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewChronology,
        "chronology",
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    audit::record(&caller.state.db, &entry.detail(filter.query())).await?;
    let people = people(&scope);
    Ok(Chronology {
        family_id: family,
        family_name: scope.family.name.clone(),
        rows: chronology_rows(&scope, &facts, &filter),
        filter,
        children: children(&people),
        chapters: scope.family.allocations.iter().map(|a| a.role).collect(),
    })
}

/// The chronology as CSV, with the file name to offer.
pub async fn chronology_export(
    caller: &Caller,
    family: FamilyId,
    filter: ChronologyFilter,
) -> Result<(String, String), AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ExportChronology,
        "chronology",
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    let rows = chronology_rows(&scope, &facts, &filter);
    audit::record(
        &caller.state.db,
        &entry.detail(format!("{} rows {}", rows.len(), filter.query())),
    )
    .await?;
    let name = format!(
        "chronology-{}-{}.csv",
        scope.family.name.to_lowercase(),
        today()
    );
    Ok((name, chronology_csv(&rows)))
}

pub async fn assessment(caller: &Caller, family: FamilyId) -> Result<Assessment, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewAssessment,
        "assessment",
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    let goals = scope.goals(caller).await?;
    audit::record(&caller.state.db, &entry).await?;
    let summaries = scope
        .family
        .allocations
        .iter()
        .map(|a| {
            let latest = facts
                .entries
                .iter()
                .rev()
                .find(|e| e.chapter == a.role && e.kind == EntryKind::MonthlySummary)
                .cloned();
            (a.role, a.worker_name.clone(), latest)
        })
        .collect();
    let mut scales: Vec<(NaiveDate, u8, u8)> = facts
        .supervisions
        .iter()
        .map(|s| (s.held_on, s.risk, s.progress))
        .collect();
    scales.reverse();
    Ok(Assessment {
        family_id: family,
        family_name: scope.family.name.clone(),
        summaries,
        latest_supervision: facts.supervisions.first().cloned(),
        scales,
        trio: scope.family.trio.clone(),
        goals,
    })
}

pub async fn supervisions(caller: &Caller, family: FamilyId) -> Result<Supervisions, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewWorkbook,
        "supervision",
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    audit::record(&caller.state.db, &entry).await?;
    let target = Target::Family {
        family_id: family,
        team_id: scope.team,
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
        can_record: can(caller, Action::EditPlan, target),
        today: scope.today,
    })
}

pub async fn record_supervision(
    caller: &Caller,
    family: FamilyId,
    id: SupervisionId,
    form: SupervisionForm<'_>,
) -> Result<(), AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::EditPlan,
        AuditAction::RecordSupervision,
        "supervision",
    )
    .await?;
    let owners: Vec<_> = scope
        .family
        .allocations
        .iter()
        .map(|a| a.worker_id)
        .collect();
    let input = parse_supervision(&form, &owners, scope.today)?;
    let viewer = caller.viewer()?;
    let mut write = caller.state.db.write().await?;
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
    let team = store::families::team_of(db, family)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = caller
        .entry(AuditAction::MarkAction, "supervision_action")
        .about_family(family, team)
        .record(id);
    if viewer.account_id != owner || viewer.team_id() != Some(team) {
        authorize(
            caller,
            Action::EditPlan,
            Target::Family {
                family_id: family,
                team_id: team,
            },
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
        "schedule",
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
        "meeting",
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
    let held_on = crate::domain::plan_input::parse_date(
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

/// What is due and overdue for the viewer across their families, soonest first.
pub async fn my_week(caller: &Caller) -> Result<crate::domain::workbook::Week, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewWeek, "week");
    authorize(caller, Action::ViewCaseload, Target::Own, entry.clone()).await?;
    let ViewerKind::Staff { role, .. } = viewer.kind else {
        return Err(AppError::Forbidden);
    };
    let db = &caller.state.db;
    let families = store::families::allocated_to(db, viewer.account_id).await?;
    let today = today();
    let mut items = Vec::new();
    for family in families {
        let team = family.team_id;
        let scope = PlanScope::from_family(family, team, crate::domain::access::Decision::Allow);
        let facts = facts(caller, &scope).await?;
        for (owner_role, item) in due_for(&scope, &facts, today) {
            let mine = match owner_role {
                Some(r) => r == role,
                None => false,
            };
            if mine {
                items.push(item);
            }
        }
    }
    // Supervision actions are the owner's wherever the family is.
    let mut names = std::collections::HashMap::new();
    for (family, action) in store::workbook::open_actions_of(db, viewer.account_id).await? {
        let name = match names.get(&family) {
            Some(name) => name,
            None => {
                let name = store::families::one(db, family)
                    .await?
                    .map(|f| f.name)
                    .unwrap_or_default();
                names.entry(family).or_insert(name)
            }
        };
        items.push(DueItem {
            family_id: family,
            family_name: name.clone(),
            urgency: urgency(action.due_on, today),
            when: describe(action.due_on, today),
            due: Due {
                kind: DueKind::SupervisionAction,
                due_on: action.due_on,
                what: action.what.clone(),
            },
            action: Some(action.id),
        });
    }
    items.sort_by_key(|i| i.due.due_on);
    audit::record(db, &entry.detail(format!("{} items", items.len()))).await?;
    Ok(crate::domain::workbook::Week { items, today })
}

/// A manager's view of the team: each family's last visit and supervision, what is overdue,
/// the cohort check; and each worker's load.
pub async fn team_dashboard(
    caller: &Caller,
) -> Result<crate::domain::workbook::Dashboard, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewTeamDashboard, "team");
    let target = viewer.team_id().map_or(Target::Own, Target::Team);
    authorize(caller, Action::ViewTeamDashboard, target, entry.clone()).await?;
    let team = viewer.team_id().ok_or(AppError::Forbidden)?;
    let db = &caller.state.db;
    let today = today();
    let families = store::families::for_team(db, team).await?;
    let team_name = families
        .first()
        .map(|f| f.team_name.clone())
        .unwrap_or_default();
    let mut rows = Vec::new();
    let mut load: Vec<crate::domain::workbook::WorkerLoad> = Vec::new();
    for family in families {
        let cohort = super::family::cohort(&family, today).meets;
        let scope = PlanScope::from_family(family, team, crate::domain::access::Decision::Allow);
        let facts = facts(caller, &scope).await?;
        let due = due_for(&scope, &facts, today);
        let overdue: Vec<_> = due
            .iter()
            .filter(|(_, d)| d.urgency == crate::domain::due::Urgency::Overdue)
            .collect();
        for allocation in &scope.family.allocations {
            let theirs = overdue
                .iter()
                .filter(|(role, _)| *role == Some(allocation.role))
                .count();
            match load.iter_mut().find(|w| w.name == allocation.worker_name) {
                Some(w) => {
                    w.families += 1;
                    w.overdue += theirs;
                }
                None => load.push(crate::domain::workbook::WorkerLoad {
                    name: allocation.worker_name.clone(),
                    role: allocation.role,
                    families: 1,
                    overdue: theirs,
                }),
            }
        }
        rows.push(crate::domain::workbook::DashboardRow {
            family_id: scope.family.id,
            family_name: scope.family.name.clone(),
            social_worker: scope
                .family
                .allocations
                .iter()
                .find(|a| a.role == StaffRole::SocialWorker)
                .map(|a| a.worker_name.clone()),
            last_visit: facts
                .entries
                .iter()
                .filter(|e| e.kind == EntryKind::Visit)
                .map(|e| e.occurred_on)
                .max(),
            last_supervision: facts.supervisions.first().map(|s| s.held_on),
            overdue: overdue.len(),
            cohort_met: cohort,
        });
    }
    load.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.name.cmp(&b.name)));
    audit::record(db, &entry).await?;
    Ok(crate::domain::workbook::Dashboard {
        team_name,
        rows,
        workers: load,
        today,
    })
}
