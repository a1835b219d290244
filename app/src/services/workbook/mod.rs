//! The team workbook: the facts every workbook page is computed from, and what is due. Each
//! submodule holds one kind of page or record.

use super::plan_scope::PlanScope;
use super::{authorize, today};
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::due::{
    describe, monthly_summary_due, next_core_group, next_review_conference, next_visit, urgency,
    Due, DueKind, DEFAULT_VISIT_WORKING_DAYS,
};
use crate::domain::history::{EntryFields, Subject};
use crate::domain::ids::{ActionId, EntryId, FamilyId, SupervisionId};
use crate::domain::legal_status::open_plan_started;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::domain::viewer::ViewerKind;
use crate::domain::workbook::{
    chronology_csv, period_of, ChronologyFilter, ChronologyRow, Entry, EntryKind, Person, Schedule,
    Supervision,
};
use crate::domain::workbook_input::{
    children, parse_entry, parse_schedule, parse_supervision, EntryForm, SupervisionForm,
};
use crate::error::AppError;
use crate::page_data::workbook::{
    Assessment, Chapter, Chronology, DueItem, EntryPage, Supervisions, Workbook,
};
use crate::store::due_facts::DueFacts;
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
    let schedule = schedule_of(scope, stored, last_core_group_on, last_review_on);
    Ok(Facts {
        entries,
        supervisions,
        schedule,
    })
}

/// Core groups and reviews are due while a child is on a protection plan, counted from the
/// initial conference, or from the plan's start when no conference date is recorded.
pub(crate) fn schedule_of(
    scope: &PlanScope,
    stored: Option<StoredSchedule>,
    last_core_group_on: Option<NaiveDate>,
    last_review_on: Option<NaiveDate>,
) -> Schedule {
    let plan_started = scope
        .family
        .members
        .iter()
        .filter(|m| m.in_household_on(scope.today))
        .filter_map(|m| open_plan_started(&m.statuses, scope.today))
        .min();
    match stored {
        Some(s) => Schedule {
            plan_started_on: s.plan_started_on,
            initial_conference_on: plan_started
                .map(|start| s.initial_conference_on.unwrap_or(start)),
            visit_every_working_days: s.visit_every_working_days,
            last_core_group_on,
            last_review_on,
        },
        None => Schedule {
            plan_started_on: scope.family.opened_on,
            initial_conference_on: plan_started,
            visit_every_working_days: DEFAULT_VISIT_WORKING_DAYS,
            last_core_group_on,
            last_review_on,
        },
    }
}

/// What is due for one family, from its whole workbook: see [`due_from`].
pub fn due_for(
    scope: &PlanScope,
    facts: &Facts,
    today: NaiveDate,
) -> Vec<(Option<StaffRole>, DueItem)> {
    due_from(scope, &latest_of(facts), &facts.schedule, today)
}

/// The latest dates and open actions that what is due follows from, read off a whole workbook
/// (the same as `store::due_facts` reads for many families at once).
pub fn latest_of(facts: &Facts) -> DueFacts {
    let mut latest = DueFacts::default();
    for entry in &facts.entries {
        let by_chapter = match entry.kind {
            EntryKind::Visit => &mut latest.last_visit,
            EntryKind::MonthlySummary => &mut latest.last_summary,
            _ => continue,
        };
        let last = by_chapter.entry(entry.chapter).or_insert(entry.occurred_on);
        *last = (*last).max(entry.occurred_on);
    }
    latest.last_supervision = facts.supervisions.iter().map(|s| s.held_on).max();
    latest.open_actions = facts
        .supervisions
        .iter()
        .flat_map(|s| s.actions.iter().filter(|a| !a.done).cloned())
        .collect();
    latest.open_actions.sort_by_key(|a| a.due_on);
    latest.last_core_group_on = facts.schedule.last_core_group_on;
    latest.last_review_on = facts.schedule.last_review_on;
    latest
}

/// What is due for one family; each item with the role it falls to (the social worker holds the
/// statutory visits and meetings; a chapter's worker its monthly summary) or the action's owner.
pub fn due_from(
    scope: &PlanScope,
    latest: &DueFacts,
    schedule: &Schedule,
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
    let last_visit = latest.last_visit.get(&StaffRole::SocialWorker).copied();
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
        let last = latest.last_summary.get(&allocation.role).copied();
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
    for action in &latest.open_actions {
        out.push((
            None,
            item(
                Due {
                    kind: DueKind::SupervisionAction,
                    due_on: action.due_on,
                    what: format!("{} ({})", action.what, action.owner_name),
                },
                Some(action.id),
            ),
        ));
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

mod chronology;
mod entries;
mod overview;
mod schedule;
mod supervision;

pub use chronology::{chronology, chronology_export};
pub(crate) use entries::EntryRecord;
pub use entries::{entry_page, save_entry, workbook};
pub use overview::{assessment, my_week, team_dashboard, team_workers};
pub use schedule::{record_meeting, save_schedule};
pub use supervision::{mark_action, record_supervision, supervisions};
