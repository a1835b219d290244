//! What is due, for many families in a handful of statements whatever their number: the latest
//! visit and monthly summary of each chapter, the latest supervision, the open supervision
//! actions, the schedule and the latest meetings. The team dashboard and My week read these
//! rather than each family's whole workbook.

use super::db::Db;
use super::families::FamilySet;
use super::row::{Day, StoreError};
use super::workbook::{ActionRow, ScheduleRow, StoredSchedule};
use crate::domain::ids::FamilyId;
use crate::domain::role::StaffRole;
use crate::domain::workbook::{EntryKind, SupervisionAction};
use chrono::NaiveDate;
use std::collections::HashMap;

/// One family's facts for what is due.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DueFacts {
    /// The latest visit recorded in each chapter.
    pub last_visit: HashMap<StaffRole, NaiveDate>,
    /// The latest monthly summary of each chapter.
    pub last_summary: HashMap<StaffRole, NaiveDate>,
    pub last_supervision: Option<NaiveDate>,
    /// The actions not yet done, soonest first.
    pub open_actions: Vec<SupervisionAction>,
    pub schedule: Option<StoredSchedule>,
    pub last_core_group_on: Option<NaiveDate>,
    pub last_review_on: Option<NaiveDate>,
}

#[derive(sqlx::FromRow)]
struct Latest {
    family_id: FamilyId,
    chapter: StaffRole,
    kind: EntryKind,
    last: Option<Day>,
}

#[derive(sqlx::FromRow)]
struct FamilyAction {
    #[sqlx(flatten)]
    action: ActionRow,
    family_id: FamilyId,
}

#[derive(sqlx::FromRow)]
struct FamilySchedule {
    #[sqlx(flatten)]
    schedule: ScheduleRow,
    family_id: FamilyId,
}

/// The facts of every family in `set` that has any; a family with none is absent. The five
/// statements are independent and go to the database together.
pub async fn due_facts(db: &Db, set: FamilySet) -> Result<HashMap<FamilyId, DueFacts>, StoreError> {
    let condition = set.condition();
    // Constants are written in as their codes, so the set's own parameters are the only ones.
    let latest_sql = format!(
        "SELECT e.family_id, e.chapter, e.kind, MAX(e.occurred_on) AS last
         FROM workbook_entries e JOIN families f ON f.id = e.family_id
         WHERE {condition} AND e.kind IN ('{visit}', '{summary}') GROUP BY e.family_id, e.chapter, e.kind",
        visit = EntryKind::Visit.code(),
        summary = EntryKind::MonthlySummary.code(),
    );
    let supervisions_sql = format!(
        "SELECT s.family_id, MAX(s.held_on) FROM supervisions s JOIN families f ON f.id = s.family_id
         WHERE {condition} GROUP BY s.family_id"
    );
    let actions_sql = format!(
        "SELECT x.id, x.what, x.owner_id, a.display_name, x.due_on, x.done, x.family_id
         FROM supervision_actions x JOIN accounts a ON a.id = x.owner_id JOIN families f ON f.id = x.family_id
         WHERE {condition} AND x.done = 0 ORDER BY x.due_on"
    );
    let schedules_sql = format!(
        "SELECT s.plan_started_on, s.initial_conference_on, s.visit_every_working_days, s.family_id
         FROM family_schedules s JOIN families f ON f.id = s.family_id WHERE {condition}"
    );
    let meetings_sql = format!(
        "SELECT m.family_id, m.kind, MAX(m.held_on) FROM meetings m JOIN families f ON f.id = m.family_id
         WHERE {condition} GROUP BY m.family_id, m.kind"
    );
    let (latest, supervisions, actions, schedules, meetings) = tokio::try_join!(
        set.bind_to(sqlx::query_as::<_, Latest>(&latest_sql))
            .fetch_all(db.pool()),
        set.bind_to(sqlx::query_as::<_, (FamilyId, Option<Day>)>(
            &supervisions_sql
        ))
        .fetch_all(db.pool()),
        set.bind_to(sqlx::query_as::<_, FamilyAction>(&actions_sql))
            .fetch_all(db.pool()),
        set.bind_to(sqlx::query_as::<_, FamilySchedule>(&schedules_sql))
            .fetch_all(db.pool()),
        set.bind_to(sqlx::query_as::<_, (FamilyId, String, Option<Day>)>(
            &meetings_sql
        ))
        .fetch_all(db.pool()),
    )?;
    let mut out: HashMap<FamilyId, DueFacts> = HashMap::new();
    for row in latest {
        let Some(last) = row.last else { continue };
        let facts = out.entry(row.family_id).or_default();
        let by_chapter = if row.kind == EntryKind::Visit {
            &mut facts.last_visit
        } else {
            &mut facts.last_summary
        };
        by_chapter.insert(row.chapter, last.into());
    }
    for (family, last) in supervisions {
        out.entry(family).or_default().last_supervision = last.map(NaiveDate::from);
    }
    for row in actions {
        out.entry(row.family_id)
            .or_default()
            .open_actions
            .push(row.action.into());
    }
    for row in schedules {
        out.entry(row.family_id).or_default().schedule = Some(row.schedule.into());
    }
    for (family, kind, last) in meetings {
        let Some(last) = last else { continue };
        let facts = out.entry(family).or_default();
        let (core_group, review) = super::workbook::meeting_slot(&kind, last.into());
        facts.last_core_group_on = facts.last_core_group_on.or(core_group);
        facts.last_review_on = facts.last_review_on.or(review);
    }
    Ok(out)
}
