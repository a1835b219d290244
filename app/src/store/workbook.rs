//! Workbook entries, group supervisions and their actions, and each family's schedule.

use super::db::{Db, WriteTx};
use super::row::{coded, date, day, text, uuid, StoreError};
use crate::domain::ids::{AccountId, ActionId, EntryId, FamilyId, MemberId, SupervisionId};
use crate::domain::role::StaffRole;
use crate::domain::workbook::{Entry, EntryKind, Supervision, SupervisionAction};
use crate::domain::workbook_input::{EntryInput, SupervisionInput};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

fn opt_date(row: &AnyRow, column: &'static str) -> Result<Option<NaiveDate>, StoreError> {
    row.try_get::<Option<String>, _>(column)?
        .map(|d| date(column, &d))
        .transpose()
}

/// A family's entries, oldest first; `period` is left at 0 for the caller to work out.
pub async fn entries(db: &Db, family: FamilyId) -> Result<Vec<Entry>, StoreError> {
    let people_rows = sqlx::query(
        "SELECT p.entry_id, p.member_id FROM entry_people p JOIN workbook_entries e ON e.id = p.entry_id
         JOIN members m ON m.id = p.member_id WHERE e.family_id = $1 ORDER BY m.position",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut people: HashMap<String, Vec<MemberId>> = HashMap::new();
    for row in people_rows {
        people
            .entry(text(&row, "entry_id")?)
            .or_default()
            .push(MemberId(uuid(
                "entry_people.member_id",
                &text(&row, "member_id")?,
            )?));
    }
    let rows = sqlx::query(
        "SELECT e.id, e.chapter, e.kind, e.occurred_on, e.others, e.place, e.child_seen_alone, e.summary,
                e.significant, e.version, a.display_name
         FROM workbook_entries e JOIN accounts a ON a.id = e.author_id
         WHERE e.family_id = $1 ORDER BY e.occurred_on, e.created_at",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let id = text(row, "id")?;
            Ok(Entry {
                id: EntryId(uuid("workbook_entries.id", &id)?),
                chapter: coded(
                    "workbook_entries.chapter",
                    &text(row, "chapter")?,
                    StaffRole::from_code,
                )?,
                kind: coded(
                    "workbook_entries.kind",
                    &text(row, "kind")?,
                    EntryKind::from_code,
                )?,
                occurred_on: date("workbook_entries.occurred_on", &text(row, "occurred_on")?)?,
                people: people.remove(&id).unwrap_or_default(),
                others: text(row, "others")?,
                place: text(row, "place")?,
                child_seen_alone: row
                    .try_get::<Option<i64>, _>("child_seen_alone")?
                    .map(|v| v == 1),
                summary: text(row, "summary")?,
                significant: row.try_get::<i64, _>("significant")? == 1,
                author_name: text(row, "display_name")?,
                version: row.try_get("version")?,
                period: 0,
            })
        })
        .collect()
}

/// The family and chapter of an entry: what the policy asks before anything else.
pub async fn place_of_entry(
    db: &Db,
    id: EntryId,
) -> Result<Option<(FamilyId, StaffRole)>, StoreError> {
    let row = sqlx::query("SELECT family_id, chapter FROM workbook_entries WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(db.pool())
        .await?;
    row.map(|row| {
        Ok((
            FamilyId(uuid(
                "workbook_entries.family_id",
                &text(&row, "family_id")?,
            )?),
            coded(
                "workbook_entries.chapter",
                &text(&row, "chapter")?,
                StaffRole::from_code,
            )?,
        ))
    })
    .transpose()
}

async fn set_people(
    write: &mut WriteTx,
    entry: EntryId,
    people: &[MemberId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM entry_people WHERE entry_id = $1")
        .bind(entry.to_string())
        .execute(&mut *write.tx)
        .await?;
    for member in people {
        sqlx::query("INSERT INTO entry_people (entry_id, member_id) VALUES ($1, $2)")
            .bind(entry.to_string())
            .bind(member.to_string())
            .execute(&mut *write.tx)
            .await?;
    }
    Ok(())
}

fn seen_alone(value: Option<bool>) -> Option<i64> {
    value.map(i64::from)
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
    .bind(id.to_string())
    .bind(family.to_string())
    .bind(chapter.code())
    .bind(entry.kind.code())
    .bind(day(entry.occurred_on))
    .bind(&entry.others)
    .bind(&entry.place)
    .bind(seen_alone(entry.child_seen_alone))
    .bind(&entry.summary)
    .bind(i64::from(entry.significant))
    .bind(author.to_string())
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
    .bind(day(entry.occurred_on))
    .bind(&entry.others)
    .bind(&entry.place)
    .bind(seen_alone(entry.child_seen_alone))
    .bind(&entry.summary)
    .bind(i64::from(entry.significant))
    .bind(now)
    .bind(id.to_string())
    .bind(entry.version)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 1 {
        set_people(write, id, &entry.people).await?;
    }
    Ok(done.rows_affected() == 1)
}

pub async fn supervisions(db: &Db, family: FamilyId) -> Result<Vec<Supervision>, StoreError> {
    let action_rows = sqlx::query(
        "SELECT x.id, x.supervision_id, x.what, x.owner_id, a.display_name, x.due_on, x.done
         FROM supervision_actions x JOIN accounts a ON a.id = x.owner_id
         WHERE x.family_id = $1 ORDER BY x.due_on",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut actions: HashMap<String, Vec<SupervisionAction>> = HashMap::new();
    for row in &action_rows {
        actions
            .entry(text(row, "supervision_id")?)
            .or_default()
            .push(action(row)?);
    }
    let rows = sqlx::query(
        "SELECT s.id, s.held_on, s.attendees, s.hypotheses, s.reflections, s.working_well, s.worried_about, s.needs_to_happen, s.risk, s.progress, s.decisions, s.next_on,
                a.display_name
         FROM supervisions s JOIN accounts a ON a.id = s.recorded_by
         WHERE s.family_id = $1 ORDER BY s.held_on DESC, s.created_at DESC",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let id = text(row, "id")?;
            let score = |column: &'static str| -> Result<u8, StoreError> {
                let value: i64 = row.try_get(column)?;
                u8::try_from(value).map_err(|_| StoreError::Corrupt {
                    column,
                    value: value.to_string(),
                })
            };
            Ok(Supervision {
                id: SupervisionId(uuid("supervisions.id", &id)?),
                held_on: date("supervisions.held_on", &text(row, "held_on")?)?,
                attendees: text(row, "attendees")?
                    .split(',')
                    .filter_map(StaffRole::from_code)
                    .collect(),
                hypotheses: text(row, "hypotheses")?,
                reflections: text(row, "reflections")?,
                working_well: text(row, "working_well")?,
                worried_about: text(row, "worried_about")?,
                needs_to_happen: text(row, "needs_to_happen")?,
                risk: score("risk")?,
                progress: score("progress")?,
                decisions: text(row, "decisions")?,
                actions: actions.remove(&id).unwrap_or_default(),
                next_on: opt_date(row, "next_on")?,
                recorded_by: text(row, "display_name")?,
            })
        })
        .collect()
}

fn action(row: &AnyRow) -> Result<SupervisionAction, StoreError> {
    Ok(SupervisionAction {
        id: ActionId(uuid("supervision_actions.id", &text(row, "id")?)?),
        what: text(row, "what")?,
        owner: AccountId(uuid(
            "supervision_actions.owner_id",
            &text(row, "owner_id")?,
        )?),
        owner_name: text(row, "display_name")?,
        due_on: date("supervision_actions.due_on", &text(row, "due_on")?)?,
        done: row.try_get::<i64, _>("done")? == 1,
    })
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
    .bind(id.to_string())
    .bind(family.to_string())
    .bind(day(input.held_on))
    .bind(attendees.join(","))
    .bind(&input.hypotheses)
    .bind(&input.reflections)
    .bind(&input.working_well)
    .bind(&input.worried_about)
    .bind(&input.needs_to_happen)
    .bind(i64::from(input.risk))
    .bind(i64::from(input.progress))
    .bind(&input.decisions)
    .bind(input.next_on.map(day))
    .bind(recorded_by.to_string())
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
        .bind(ActionId::new().to_string())
        .bind(id.to_string())
        .bind(family.to_string())
        .bind(&action.what)
        .bind(action.owner.to_string())
        .bind(day(action.due_on))
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
    let row = sqlx::query("SELECT family_id, owner_id FROM supervision_actions WHERE id = $1")
        .bind(id.to_string())
        .fetch_optional(db.pool())
        .await?;
    row.map(|row| {
        Ok((
            FamilyId(uuid(
                "supervision_actions.family_id",
                &text(&row, "family_id")?,
            )?),
            AccountId(uuid(
                "supervision_actions.owner_id",
                &text(&row, "owner_id")?,
            )?),
        ))
    })
    .transpose()
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
    .bind(i64::from(done))
    .bind(done.then_some(now))
    .bind(id.to_string())
    .execute(&mut *write.tx)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Open actions given to `owner`, with their family, soonest first.
pub async fn open_actions_of(
    db: &Db,
    owner: AccountId,
) -> Result<Vec<(FamilyId, SupervisionAction)>, StoreError> {
    let rows = sqlx::query(
        "SELECT x.id, x.family_id, x.what, x.owner_id, a.display_name, x.due_on, x.done
         FROM supervision_actions x JOIN accounts a ON a.id = x.owner_id
         WHERE x.owner_id = $1 AND x.done = 0 ORDER BY x.due_on",
    )
    .bind(owner.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                FamilyId(uuid(
                    "supervision_actions.family_id",
                    &text(row, "family_id")?,
                )?),
                action(row)?,
            ))
        })
        .collect()
}

pub struct StoredSchedule {
    pub plan_started_on: NaiveDate,
    pub initial_conference_on: Option<NaiveDate>,
    pub visit_every_working_days: u32,
}

pub async fn schedule(db: &Db, family: FamilyId) -> Result<Option<StoredSchedule>, StoreError> {
    let row = sqlx::query(
        "SELECT plan_started_on, initial_conference_on, visit_every_working_days FROM family_schedules WHERE family_id = $1",
    )
    .bind(family.to_string())
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        let every: i64 = row.try_get("visit_every_working_days")?;
        Ok(StoredSchedule {
            plan_started_on: date(
                "family_schedules.plan_started_on",
                &text(&row, "plan_started_on")?,
            )?,
            initial_conference_on: opt_date(&row, "initial_conference_on")?,
            visit_every_working_days: u32::try_from(every).unwrap_or(10),
        })
    })
    .transpose()
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
    .bind(family.to_string())
    .bind(day(schedule.plan_started_on))
    .bind(schedule.initial_conference_on.map(day))
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
    let rows = sqlx::query(
        "SELECT kind, MAX(held_on) AS last FROM meetings WHERE family_id = $1 GROUP BY kind",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut out = (None, None);
    for row in rows {
        let last = opt_date(&row, "last")?;
        match text(&row, "kind")?.as_str() {
            "core_group" => out.0 = last,
            "review_conference" => out.1 = last,
            _ => {}
        }
    }
    Ok(out)
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
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(family.to_string())
    .bind(kind)
    .bind(day(held_on))
    .bind(recorded_by.to_string())
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}
