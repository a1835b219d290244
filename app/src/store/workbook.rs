//! Workbook entries, group supervisions and their actions, and each family's schedule.

use super::db::{Db, WriteTx};
use super::row::{narrow, Day, Flag, RowId, StoreError};
use crate::domain::ids::{AccountId, ActionId, EntryId, FamilyId, MemberId, SupervisionId};
use crate::domain::role::StaffRole;
use crate::domain::workbook::{Entry, EntryKind, Supervision, SupervisionAction};
use crate::domain::workbook_input::{EntryInput, SupervisionInput};
use chrono::NaiveDate;
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct EntryRow {
    id: EntryId,
    chapter: StaffRole,
    kind: EntryKind,
    occurred_on: Day,
    others: String,
    place: String,
    child_seen_alone: Option<Flag>,
    summary: String,
    significant: Flag,
    version: i64,
    display_name: String,
}

impl EntryRow {
    fn into_entry(self, people: Vec<MemberId>) -> Entry {
        Entry {
            id: self.id,
            chapter: self.chapter,
            kind: self.kind,
            occurred_on: self.occurred_on.into(),
            people,
            others: self.others,
            place: self.place,
            child_seen_alone: self.child_seen_alone.map(bool::from),
            summary: self.summary,
            significant: self.significant.into(),
            author_name: self.display_name,
            version: self.version,
            period: 0,
        }
    }
}

/// A family's entries, oldest first; `period` is left at 0 for the caller to work out.
pub async fn entries(db: &Db, family: FamilyId) -> Result<Vec<Entry>, StoreError> {
    let people_rows: Vec<(EntryId, MemberId)> = sqlx::query_as(
        "SELECT p.entry_id, p.member_id FROM entry_people p JOIN workbook_entries e ON e.id = p.entry_id
         JOIN members m ON m.id = p.member_id WHERE e.family_id = $1 ORDER BY m.position",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    let mut people: HashMap<EntryId, Vec<MemberId>> = HashMap::new();
    for (entry, member) in people_rows {
        people.entry(entry).or_default().push(member);
    }
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT e.id, e.chapter, e.kind, e.occurred_on, e.others, e.place, e.child_seen_alone, e.summary,
                e.significant, e.version, a.display_name
         FROM workbook_entries e JOIN accounts a ON a.id = e.author_id
         WHERE e.family_id = $1 ORDER BY e.occurred_on, e.created_at",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let people = people.remove(&row.id).unwrap_or_default();
            row.into_entry(people)
        })
        .collect())
}

/// The family and chapter of an entry: what the policy asks before anything else.
pub async fn place_of_entry(
    db: &Db,
    id: EntryId,
) -> Result<Option<(FamilyId, StaffRole)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT family_id, chapter FROM workbook_entries WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?,
    )
}

async fn set_people(
    write: &mut WriteTx,
    entry: EntryId,
    people: &[MemberId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM entry_people WHERE entry_id = $1")
        .bind(entry)
        .execute(&mut *write.tx)
        .await?;
    for member in people {
        sqlx::query("INSERT INTO entry_people (entry_id, member_id) VALUES ($1, $2)")
            .bind(entry)
            .bind(member)
            .execute(&mut *write.tx)
            .await?;
    }
    Ok(())
}

/// Adds an entry; `false` when that id exists already (a retried save).
#[allow(clippy::too_many_arguments)]
pub async fn insert_entry(
    write: &mut WriteTx,
    family: FamilyId,
    id: EntryId,
    chapter: StaffRole,
    entry: &EntryInput,
    author: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO workbook_entries (id, family_id, chapter, kind, occurred_on, others, place, child_seen_alone, summary, significant, author_id, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $12) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(family)
    .bind(chapter)
    .bind(entry.kind)
    .bind(Day(entry.occurred_on))
    .bind(&entry.others)
    .bind(&entry.place)
    .bind(entry.child_seen_alone.map(Flag))
    .bind(&entry.summary)
    .bind(Flag(entry.significant))
    .bind(author)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 1 {
        set_people(write, id, &entry.people).await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Saves an edit made from `entry.version`; `false` when someone saved another version first.
pub async fn update_entry(
    write: &mut WriteTx,
    id: EntryId,
    entry: &EntryInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE workbook_entries SET occurred_on = $1, others = $2, place = $3, child_seen_alone = $4, summary = $5,
         significant = $6, version = version + 1, updated_at = $7 WHERE id = $8 AND version = $9",
    )
    .bind(Day(entry.occurred_on))
    .bind(&entry.others)
    .bind(&entry.place)
    .bind(entry.child_seen_alone.map(Flag))
    .bind(&entry.summary)
    .bind(Flag(entry.significant))
    .bind(now)
    .bind(id)
    .bind(entry.version)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 1 {
        set_people(write, id, &entry.people).await?;
    }
    Ok(done.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
pub(super) struct ActionRow {
    id: ActionId,
    what: String,
    owner_id: AccountId,
    display_name: String,
    due_on: Day,
    done: Flag,
}

impl From<ActionRow> for SupervisionAction {
    fn from(row: ActionRow) -> Self {
        SupervisionAction {
            id: row.id,
            what: row.what,
            owner: row.owner_id,
            owner_name: row.display_name,
            due_on: row.due_on.into(),
            done: row.done.into(),
        }
    }
}

/// An action with the supervision it came from.
#[derive(sqlx::FromRow)]
struct HeldActionRow<Held> {
    #[sqlx(flatten)]
    action: ActionRow,
    held_by: Held,
}

#[derive(sqlx::FromRow)]
struct SupervisionRow {
    id: SupervisionId,
    held_on: Day,
    attendees: String,
    hypotheses: String,
    reflections: String,
    working_well: String,
    worried_about: String,
    needs_to_happen: String,
    risk: i64,
    progress: i64,
    decisions: String,
    next_on: Option<Day>,
    display_name: String,
}

impl SupervisionRow {
    fn into_supervision(self, actions: Vec<SupervisionAction>) -> Result<Supervision, StoreError> {
        Ok(Supervision {
            id: self.id,
            held_on: self.held_on.into(),
            // A code this build does not know is skipped, as it always was.
            attendees: self
                .attendees
                .split(',')
                .filter_map(StaffRole::from_code)
                .collect(),
            hypotheses: self.hypotheses,
            reflections: self.reflections,
            working_well: self.working_well,
            worried_about: self.worried_about,
            needs_to_happen: self.needs_to_happen,
            risk: narrow("supervisions.risk", self.risk)?,
            progress: narrow("supervisions.progress", self.progress)?,
            decisions: self.decisions,
            actions,
            next_on: self.next_on.map(NaiveDate::from),
            recorded_by: self.display_name,
        })
    }
}

pub async fn supervisions(db: &Db, family: FamilyId) -> Result<Vec<Supervision>, StoreError> {
    let action_rows: Vec<HeldActionRow<SupervisionId>> = sqlx::query_as(
        "SELECT x.id, x.supervision_id AS held_by, x.what, x.owner_id, a.display_name, x.due_on, x.done
         FROM supervision_actions x JOIN accounts a ON a.id = x.owner_id
         WHERE x.family_id = $1 ORDER BY x.due_on",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    let mut actions: HashMap<SupervisionId, Vec<SupervisionAction>> = HashMap::new();
    for row in action_rows {
        actions
            .entry(row.held_by)
            .or_default()
            .push(row.action.into());
    }
    let rows: Vec<SupervisionRow> = sqlx::query_as(
        "SELECT s.id, s.held_on, s.attendees, s.hypotheses, s.reflections, s.working_well, s.worried_about, s.needs_to_happen, s.risk, s.progress, s.decisions, s.next_on,
                a.display_name
         FROM supervisions s JOIN accounts a ON a.id = s.recorded_by
         WHERE s.family_id = $1 ORDER BY s.held_on DESC, s.created_at DESC",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|row| {
            let actions = actions.remove(&row.id).unwrap_or_default();
            row.into_supervision(actions)
        })
        .collect()
}

/// Records a supervision with its actions; `false` when that id exists already.
pub async fn insert_supervision(
    write: &mut WriteTx,
    family: FamilyId,
    id: SupervisionId,
    input: &SupervisionInput,
    recorded_by: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let attendees: Vec<&str> = input.attendees.iter().map(|r| r.code()).collect();
    let done = sqlx::query(
        "INSERT INTO supervisions (id, family_id, held_on, attendees, hypotheses, reflections, working_well, worried_about, needs_to_happen, risk, progress, decisions, next_on, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(family)
    .bind(Day(input.held_on))
    .bind(attendees.join(","))
    .bind(&input.hypotheses)
    .bind(&input.reflections)
    .bind(&input.working_well)
    .bind(&input.worried_about)
    .bind(&input.needs_to_happen)
    .bind(i64::from(input.risk))
    .bind(i64::from(input.progress))
    .bind(&input.decisions)
    .bind(input.next_on.map(Day))
    .bind(recorded_by)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    for action in &input.actions {
        sqlx::query(
            "INSERT INTO supervision_actions (id, supervision_id, family_id, what, owner_id, due_on, done)
             VALUES ($1, $2, $3, $4, $5, $6, 0)",
        )
        .bind(ActionId::new())
        .bind(id)
        .bind(family)
        .bind(&action.what)
        .bind(action.owner)
        .bind(Day(action.due_on))
        .execute(&mut *write.tx)
        .await?;
    }
    Ok(true)
}

/// The family and owner of an action.
pub async fn place_of_action(
    db: &Db,
    id: ActionId,
) -> Result<Option<(FamilyId, AccountId)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT family_id, owner_id FROM supervision_actions WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?,
    )
}

pub async fn set_action_done(
    write: &mut WriteTx,
    id: ActionId,
    done: bool,
    now: i64,
) -> Result<bool, StoreError> {
    let changed = sqlx::query(
        "UPDATE supervision_actions SET done = $1, done_at = $2 WHERE id = $3 AND done <> $1",
    )
    .bind(Flag(done))
    .bind(done.then_some(now))
    .bind(id)
    .execute(&mut *write.tx)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Open actions given to `owner`, with their family, soonest first.
/// An owner's actions not yet done, in families whose case is open, with each family's name.
pub async fn open_actions_of(
    db: &Db,
    owner: AccountId,
) -> Result<Vec<(FamilyId, String, SupervisionAction)>, StoreError> {
    let rows: Vec<OwnedActionRow> = sqlx::query_as(
        "SELECT x.id, x.family_id, f.name AS family_name, x.what, x.owner_id, a.display_name, x.due_on, x.done
         FROM supervision_actions x JOIN accounts a ON a.id = x.owner_id JOIN families f ON f.id = x.family_id
         WHERE x.owner_id = $1 AND x.done = 0 AND f.closed_on IS NULL ORDER BY x.due_on",
    )
    .bind(owner)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.family_id, row.family_name, row.action.into()))
        .collect())
}

#[derive(sqlx::FromRow)]
struct OwnedActionRow {
    #[sqlx(flatten)]
    action: ActionRow,
    family_id: FamilyId,
    family_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoredSchedule {
    pub plan_started_on: NaiveDate,
    pub initial_conference_on: Option<NaiveDate>,
    pub visit_every_working_days: u32,
}

#[derive(sqlx::FromRow)]
pub(super) struct ScheduleRow {
    plan_started_on: Day,
    initial_conference_on: Option<Day>,
    visit_every_working_days: i64,
}

impl From<ScheduleRow> for StoredSchedule {
    fn from(row: ScheduleRow) -> Self {
        StoredSchedule {
            plan_started_on: row.plan_started_on.into(),
            initial_conference_on: row.initial_conference_on.map(NaiveDate::from),
            // The column's CHECK keeps it within 1–60; 10 is the default schedule.
            visit_every_working_days: u32::try_from(row.visit_every_working_days).unwrap_or(10),
        }
    }
}

pub async fn schedule(db: &Db, family: FamilyId) -> Result<Option<StoredSchedule>, StoreError> {
    let row: Option<ScheduleRow> = sqlx::query_as(
        "SELECT plan_started_on, initial_conference_on, visit_every_working_days FROM family_schedules WHERE family_id = $1",
    )
    .bind(family)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(StoredSchedule::from))
}

pub async fn save_schedule(
    write: &mut WriteTx,
    family: FamilyId,
    schedule: &StoredSchedule,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO family_schedules (family_id, plan_started_on, initial_conference_on, visit_every_working_days)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (family_id) DO UPDATE SET initial_conference_on = $3, visit_every_working_days = $4",
    )
    .bind(family)
    .bind(Day(schedule.plan_started_on))
    .bind(schedule.initial_conference_on.map(Day))
    .bind(i64::from(schedule.visit_every_working_days))
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// The latest core group and review conference held.
pub async fn last_meetings(
    db: &Db,
    family: FamilyId,
) -> Result<(Option<NaiveDate>, Option<NaiveDate>), StoreError> {
    let rows: Vec<(String, Option<Day>)> = sqlx::query_as(
        "SELECT kind, MAX(held_on) AS last FROM meetings WHERE family_id = $1 GROUP BY kind",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    let mut out = (None, None);
    for (kind, last) in rows {
        if let Some(last) = last {
            let (core_group, review) = meeting_slot(&kind, last.into());
            out = (out.0.or(core_group), out.1.or(review));
        }
    }
    Ok(out)
}

/// A meeting's date as (last core group, last review conference), by its stored kind.
pub(super) fn meeting_slot(kind: &str, on: NaiveDate) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match kind {
        "core_group" => (Some(on), None),
        "review_conference" => (None, Some(on)),
        _ => (None, None),
    }
}

pub async fn insert_meeting(
    write: &mut WriteTx,
    family: FamilyId,
    kind: &str,
    held_on: NaiveDate,
    recorded_by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO meetings (id, family_id, kind, held_on, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(RowId::new())
    .bind(family)
    .bind(kind)
    .bind(Day(held_on))
    .bind(recorded_by)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}
