//! Goals, their steps and check-ins, safety statements, and who in the family may see each.

use super::db::{Db, WriteTx};
use super::row::{narrow, Day, Flag, StoreError};
use crate::domain::goal::{Goal, GoalArea, GoalStatus, Step, StepWho};
use crate::domain::ids::{AccountId, CheckInId, FamilyId, GoalId, MemberId, SafetyId, StepId};
use crate::domain::plan::SafetyStatement;
use crate::domain::plan_input::{GoalInput, SafetyInput, StepInput};
use crate::domain::rating::{Answers, CheckIn, Scale};
use crate::domain::record::{RecordKind, RecordRef};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Who may see which goal, step and safety statement, for one family. `shared_with` holds no
/// kind, so each kind of record is read through its own table: an id found there is that kind.
async fn shared_in(
    db: &Db,
    family: FamilyId,
) -> Result<HashMap<RecordRef, Vec<MemberId>>, StoreError> {
    let rows: Vec<SharedRow> = sqlx::query_as(
        "SELECT 'goal' AS kind, s.record_id, s.member_id, m.position AS position FROM shared_with s
           JOIN members m ON m.id = s.member_id JOIN goals r ON r.id = s.record_id
         WHERE m.family_id = $1
         UNION ALL
         SELECT 'step' AS kind, s.record_id, s.member_id, m.position AS position FROM shared_with s
           JOIN members m ON m.id = s.member_id JOIN steps r ON r.id = s.record_id
         WHERE m.family_id = $1
         UNION ALL
         SELECT 'safety' AS kind, s.record_id, s.member_id, m.position AS position FROM shared_with s
           JOIN members m ON m.id = s.member_id JOIN safety_statements r ON r.id = s.record_id
         WHERE m.family_id = $1
         ORDER BY position",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    let mut shared: HashMap<RecordRef, Vec<MemberId>> = HashMap::new();
    for row in rows {
        let record = RecordRef::from_parts(row.kind, row.record_id.0).ok_or_else(|| {
            StoreError::Corrupt {
                column: "shared_with.record_id",
                value: row.kind.code().to_string(),
            }
        })?;
        shared.entry(record).or_default().push(row.member_id);
    }
    Ok(shared)
}

#[derive(sqlx::FromRow)]
struct SharedRow {
    kind: RecordKind,
    #[sqlx(try_from = "String")]
    record_id: RecordUuid,
    member_id: MemberId,
}

/// A record's id before its kind is known.
struct RecordUuid(uuid::Uuid);

impl TryFrom<String> for RecordUuid {
    type Error = uuid::Error;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        uuid::Uuid::parse_str(&text).map(RecordUuid)
    }
}

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: GoalId,
    owner_member_id: MemberId,
    area: GoalArea,
    family_words: String,
    professional_words: String,
    target_date: Day,
    status: GoalStatus,
    version: i64,
}

impl GoalRow {
    fn into_goal(
        self,
        name: &(dyn Fn(StepWho) -> String + Sync),
        visible_to: Vec<MemberId>,
    ) -> Goal {
        Goal {
            id: self.id,
            owner: self.owner_member_id,
            owner_name: name(StepWho::Member(self.owner_member_id)),
            area: self.area,
            family_words: self.family_words,
            professional_words: self.professional_words,
            target_date: self.target_date.into(),
            status: self.status,
            version: self.version,
            visible_to,
            steps: Vec::new(),
            check_ins: Vec::new(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct StepRow {
    id: StepId,
    goal_id: GoalId,
    who: StepWho,
    what: String,
    due_on: Day,
    done: Flag,
    version: i64,
}

impl StepRow {
    fn into_step(
        self,
        name: &(dyn Fn(StepWho) -> String + Sync),
        visible_to: Vec<MemberId>,
    ) -> Step {
        Step {
            id: self.id,
            who: self.who,
            who_name: name(self.who),
            what: self.what,
            due_on: self.due_on.into(),
            done: self.done.into(),
            version: self.version,
            visible_to,
        }
    }
}

#[derive(sqlx::FromRow)]
struct CheckInRow {
    id: CheckInId,
    goal_id: GoalId,
    scale: Scale,
    score: i64,
    given_on: Day,
    display_name: String,
    member_id: Option<MemberId>,
    comment: String,
    not_lower: String,
    one_up: String,
}

impl TryFrom<CheckInRow> for CheckIn {
    type Error = StoreError;
    fn try_from(row: CheckInRow) -> Result<Self, StoreError> {
        Ok(CheckIn {
            id: row.id,
            scale: row.scale,
            score: narrow("check_ins.score", row.score)?,
            given_on: row.given_on.into(),
            given_by: row.display_name,
            by_member: row.member_id,
            comment: row.comment,
            answers: Answers {
                not_lower: row.not_lower,
                one_up: row.one_up,
            },
        })
    }
}

/// A family's goals in the team's order, with steps and check-ins; `name` names members and roles.
pub async fn for_family(
    db: &Db,
    family: FamilyId,
    name: &(dyn Fn(StepWho) -> String + Sync),
) -> Result<Vec<Goal>, StoreError> {
    let mut shared = shared_in(db, family).await?;
    let goal_rows: Vec<GoalRow> = sqlx::query_as(
        "SELECT id, owner_member_id, area, family_words, professional_words, target_date, status, version
         FROM goals WHERE family_id = $1 ORDER BY position",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    let mut goals: Vec<Goal> = goal_rows
        .into_iter()
        .map(|row| {
            let visible_to = shared.remove(&RecordRef::Goal(row.id)).unwrap_or_default();
            row.into_goal(name, visible_to)
        })
        .collect();
    let index: HashMap<GoalId, usize> = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();

    let step_rows: Vec<StepRow> = sqlx::query_as(
        "SELECT s.id, s.goal_id, s.who, s.what, s.due_on, s.done, s.version FROM steps s
         JOIN goals g ON g.id = s.goal_id WHERE g.family_id = $1 ORDER BY s.position",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    for row in step_rows {
        let goal = row.goal_id;
        let visible_to = shared.remove(&RecordRef::Step(row.id)).unwrap_or_default();
        let step = row.into_step(name, visible_to);
        if let Some(&i) = index.get(&goal) {
            goals[i].steps.push(step);
        }
    }

    let check_in_rows: Vec<CheckInRow> = sqlx::query_as(
        "SELECT c.id, c.goal_id, c.scale, c.score, c.given_on, a.display_name, a.member_id, c.comment, c.not_lower, c.one_up FROM check_ins c
         JOIN goals g ON g.id = c.goal_id JOIN accounts a ON a.id = c.given_by
         WHERE g.family_id = $1 ORDER BY c.given_on, c.created_at",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    for row in check_in_rows {
        let goal = row.goal_id;
        let check_in = CheckIn::try_from(row)?;
        if let Some(&i) = index.get(&goal) {
            goals[i].check_ins.push(check_in);
        }
    }
    Ok(goals)
}

#[derive(sqlx::FromRow)]
struct SafetyRow {
    id: SafetyId,
    danger: String,
    safety_goal: String,
    version: i64,
}

pub async fn safety_for_family(
    db: &Db,
    family: FamilyId,
) -> Result<Vec<SafetyStatement>, StoreError> {
    let mut shared = shared_in(db, family).await?;
    let rows: Vec<SafetyRow> = sqlx::query_as(
        "SELECT id, danger, safety_goal, version FROM safety_statements WHERE family_id = $1 ORDER BY position",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| SafetyStatement {
            visible_to: shared
                .remove(&RecordRef::Safety(row.id))
                .unwrap_or_default(),
            id: row.id,
            danger: row.danger,
            safety_goal: row.safety_goal,
            version: row.version,
        })
        .collect())
}

pub async fn family_of_step(
    db: &Db,
    step: StepId,
) -> Result<Option<(FamilyId, GoalId)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT g.family_id, g.id FROM steps s JOIN goals g ON g.id = s.goal_id WHERE s.id = $1",
    )
    .bind(step)
    .fetch_optional(db.pool())
    .await?)
}

/// Shares `record` with exactly `members`.
pub async fn set_shared(
    write: &mut WriteTx,
    record: RecordRef,
    members: &[MemberId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM shared_with WHERE record_id = $1")
        .bind(record)
        .execute(&mut *write.tx)
        .await?;
    for member in members {
        sqlx::query("INSERT INTO shared_with (record_id, member_id) VALUES ($1, $2)")
            .bind(record)
            .bind(member)
            .execute(&mut *write.tx)
            .await?;
    }
    Ok(())
}

/// Inserts a new goal; `false` when that id exists already (a retried save).
pub async fn insert_goal(
    write: &mut WriteTx,
    family: FamilyId,
    id: GoalId,
    goal: &GoalInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO goals (id, family_id, owner_member_id, area, family_words, professional_words, target_date, status, position, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT COALESCE(MAX(position), 0) + 1 FROM goals WHERE family_id = $2), 1, $9, $9)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(family)
    .bind(goal.owner)
    .bind(goal.area)
    .bind(&goal.family_words)
    .bind(&goal.professional_words)
    .bind(Day(goal.target_date))
    .bind(goal.status)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves an edit made from `goal.version`; `false` when someone saved another version first.
pub async fn update_goal(
    write: &mut WriteTx,
    id: GoalId,
    goal: &GoalInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE goals SET owner_member_id = $1, area = $2, family_words = $3, professional_words = $4, target_date = $5,
         status = $6, version = version + 1, updated_at = $7 WHERE id = $8 AND version = $9",
    )
    .bind(goal.owner)
    .bind(goal.area)
    .bind(&goal.family_words)
    .bind(&goal.professional_words)
    .bind(Day(goal.target_date))
    .bind(goal.status)
    .bind(now)
    .bind(id)
    .bind(goal.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets a goal's status whatever its version (closing and reopening are not edits of its words).
pub async fn set_goal_status(
    write: &mut WriteTx,
    id: GoalId,
    status: GoalStatus,
    now: i64,
) -> Result<i64, StoreError> {
    sqlx::query(
        "UPDATE goals SET status = $1, version = version + 1, updated_at = $2 WHERE id = $3",
    )
    .bind(status)
    .bind(now)
    .bind(id)
    .execute(&mut *write.tx)
    .await?;
    version_of(write, "SELECT version FROM goals WHERE id = $1", id).await
}

async fn version_of<Id>(write: &mut WriteTx, sql: &str, id: Id) -> Result<i64, StoreError>
where
    Id: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send,
{
    Ok(sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&mut *write.tx)
        .await?)
}

/// Swaps a goal or step with its neighbour above (`up`) or below, within `scope`.
/// Moves a goal within its family's plan, or a step within its goal, one place up or down;
/// `false` when it is already at that end.
pub async fn move_record(
    write: &mut WriteTx,
    record: Ordered,
    up: bool,
) -> Result<bool, StoreError> {
    let (table_name, scope, id) = match record {
        Ordered::Goal(id) => ("goals", "family_id", id.to_string()),
        Ordered::Step(id) => ("steps", "goal_id", id.to_string()),
    };
    let id = id.as_str();
    // The scope (a family's or a goal's id) is only matched back against the same column, so it
    // stays the stored text.
    let me: Option<(String, i64)> = sqlx::query_as(&format!(
        "SELECT {scope} AS scope, position FROM {table_name} WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *write.tx)
    .await?;
    let Some((scope_id, position)) = me else {
        return Ok(false);
    };
    let neighbour_sql = if up {
        format!("SELECT id, position FROM {table_name} WHERE {scope} = $1 AND position < $2 ORDER BY position DESC LIMIT 1")
    } else {
        format!("SELECT id, position FROM {table_name} WHERE {scope} = $1 AND position > $2 ORDER BY position LIMIT 1")
    };
    let neighbour: Option<(String, i64)> = sqlx::query_as(&neighbour_sql)
        .bind(&scope_id)
        .bind(position)
        .fetch_optional(&mut *write.tx)
        .await?;
    let Some((other_id, other_position)) = neighbour else {
        return Ok(false);
    };
    let swap = format!("UPDATE {table_name} SET position = $1 WHERE id = $2");
    for (pos, record) in [(other_position, id), (position, other_id.as_str())] {
        sqlx::query(&swap)
            .bind(pos)
            .bind(record)
            .execute(&mut *write.tx)
            .await?;
    }
    Ok(true)
}

/// A record with a place in an ordered list.
#[derive(Clone, Copy)]
pub enum Ordered {
    Goal(GoalId),
    Step(StepId),
}

pub async fn insert_step(
    write: &mut WriteTx,
    goal: GoalId,
    id: StepId,
    step: &StepInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO steps (id, goal_id, who, what, due_on, done, position, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 0, (SELECT COALESCE(MAX(position), 0) + 1 FROM steps WHERE goal_id = $2), 1, $6, $6)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(goal)
    .bind(step.who)
    .bind(&step.what)
    .bind(Day(step.due_on))
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn update_step(
    write: &mut WriteTx,
    id: StepId,
    step: &StepInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE steps SET who = $1, what = $2, due_on = $3, version = version + 1, updated_at = $4
         WHERE id = $5 AND version = $6",
    )
    .bind(step.who)
    .bind(&step.what)
    .bind(Day(step.due_on))
    .bind(now)
    .bind(id)
    .bind(step.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a step done or not; `None` when it already was (nothing to record).
pub async fn set_step_done(
    write: &mut WriteTx,
    id: StepId,
    done: bool,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let changed = sqlx::query(
        "UPDATE steps SET done = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND done <> $1",
    )
    .bind(Flag(done))
    .bind(now)
    .bind(id)
    .execute(&mut *write.tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Ok(None);
    }
    version_of(write, "SELECT version FROM steps WHERE id = $1", id)
        .await
        .map(Some)
}

pub struct NewCheckIn<'a> {
    pub id: CheckInId,
    pub goal: GoalId,
    pub scale: Scale,
    pub score: u8,
    pub given_on: NaiveDate,
    pub given_by: AccountId,
    pub comment: &'a str,
    /// A ruler's follow-ups; empty for the progress ratings.
    pub answers: &'a Answers,
    pub now: i64,
}

pub async fn insert_check_in(write: &mut WriteTx, c: &NewCheckIn<'_>) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO check_ins (id, goal_id, scale, score, given_on, given_by, comment, not_lower, one_up, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING",
    )
    .bind(c.id)
    .bind(c.goal)
    .bind(c.scale)
    .bind(i64::from(c.score))
    .bind(Day(c.given_on))
    .bind(c.given_by)
    .bind(c.comment)
    .bind(&c.answers.not_lower)
    .bind(&c.answers.one_up)
    .bind(c.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_safety(
    write: &mut WriteTx,
    family: FamilyId,
    id: SafetyId,
    safety: &SafetyInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO safety_statements (id, family_id, danger, safety_goal, position, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(position), 0) + 1 FROM safety_statements WHERE family_id = $2), 1, $5, $5)
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(family)
    .bind(&safety.danger)
    .bind(&safety.safety_goal)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn update_safety(
    write: &mut WriteTx,
    id: SafetyId,
    safety: &SafetyInput,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE safety_statements SET danger = $1, safety_goal = $2, version = version + 1, updated_at = $3
         WHERE id = $4 AND version = $5",
    )
    .bind(&safety.danger)
    .bind(&safety.safety_goal)
    .bind(now)
    .bind(id)
    .bind(safety.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
