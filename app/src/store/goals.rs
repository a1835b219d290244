//! Goals, their steps and check-ins, safety statements, and who in the family may see each.

use super::db::{Db, WriteTx};
use super::row::{coded, date, day, text, uuid, StoreError};
use crate::domain::goal::{Goal, GoalArea, GoalStatus, Step, StepWho};
use crate::domain::ids::{AccountId, CheckInId, FamilyId, GoalId, MemberId, SafetyId, StepId};
use crate::domain::plan::SafetyStatement;
use crate::domain::plan_input::{GoalInput, SafetyInput, StepInput};
use crate::domain::rating::{Answers, CheckIn, Scale};
use chrono::NaiveDate;
use sqlx::Row;
use std::collections::HashMap;

/// Who may see which record, for one family.
async fn shared_in(
    db: &Db,
    family: FamilyId,
) -> Result<HashMap<String, Vec<MemberId>>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.record_id, s.member_id FROM shared_with s JOIN members m ON m.id = s.member_id
         WHERE m.family_id = $1 ORDER BY m.position",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut shared: HashMap<String, Vec<MemberId>> = HashMap::new();
    for row in rows {
        let member = MemberId(uuid("shared_with.member_id", &text(&row, "member_id")?)?);
        shared
            .entry(text(&row, "record_id")?)
            .or_default()
            .push(member);
    }
    Ok(shared)
}

/// A family's goals in the team's order, with steps and check-ins; `name` names members and roles.
pub async fn for_family(
    db: &Db,
    family: FamilyId,
    name: &(dyn Fn(StepWho) -> String + Sync),
) -> Result<Vec<Goal>, StoreError> {
    let mut shared = shared_in(db, family).await?;
    let goal_rows = sqlx::query(
        "SELECT id, owner_member_id, area, family_words, professional_words, target_date, status, version
         FROM goals WHERE family_id = $1 ORDER BY position",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut goals = Vec::with_capacity(goal_rows.len());
    for row in goal_rows {
        let id = text(&row, "id")?;
        let owner = MemberId(uuid(
            "goals.owner_member_id",
            &text(&row, "owner_member_id")?,
        )?);
        goals.push(Goal {
            id: GoalId(uuid("goals.id", &id)?),
            owner,
            owner_name: name(StepWho::Member(owner)),
            area: coded("goals.area", &text(&row, "area")?, GoalArea::from_code)?,
            family_words: text(&row, "family_words")?,
            professional_words: text(&row, "professional_words")?,
            target_date: date("goals.target_date", &text(&row, "target_date")?)?,
            status: coded(
                "goals.status",
                &text(&row, "status")?,
                GoalStatus::from_code,
            )?,
            version: row.try_get("version")?,
            visible_to: shared.remove(&id).unwrap_or_default(),
            steps: Vec::new(),
            check_ins: Vec::new(),
        });
    }
    let index: HashMap<GoalId, usize> = goals.iter().enumerate().map(|(i, g)| (g.id, i)).collect();

    let step_rows = sqlx::query(
        "SELECT s.id, s.goal_id, s.who, s.what, s.due_on, s.done, s.version FROM steps s
         JOIN goals g ON g.id = s.goal_id WHERE g.family_id = $1 ORDER BY s.position",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    for row in step_rows {
        let id = text(&row, "id")?;
        let goal = GoalId(uuid("steps.goal_id", &text(&row, "goal_id")?)?);
        let who = coded("steps.who", &text(&row, "who")?, StepWho::from_code)?;
        let step = Step {
            id: StepId(uuid("steps.id", &id)?),
            who,
            who_name: name(who),
            what: text(&row, "what")?,
            due_on: date("steps.due_on", &text(&row, "due_on")?)?,
            done: row.try_get::<i64, _>("done")? == 1,
            version: row.try_get("version")?,
            visible_to: shared.remove(&id).unwrap_or_default(),
        };
        if let Some(&i) = index.get(&goal) {
            goals[i].steps.push(step);
        }
    }

    let check_in_rows = sqlx::query(
        "SELECT c.id, c.goal_id, c.scale, c.score, c.given_on, a.display_name, a.member_id, c.comment, c.not_lower, c.one_up FROM check_ins c
         JOIN goals g ON g.id = c.goal_id JOIN accounts a ON a.id = c.given_by
         WHERE g.family_id = $1 ORDER BY c.given_on, c.created_at",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    for row in check_in_rows {
        let goal = GoalId(uuid("check_ins.goal_id", &text(&row, "goal_id")?)?);
        let score = row.try_get::<i64, _>("score")?;
        let check_in = CheckIn {
            id: CheckInId(uuid("check_ins.id", &text(&row, "id")?)?),
            scale: coded("check_ins.scale", &text(&row, "scale")?, Scale::from_code)?,
            score: u8::try_from(score).map_err(|_| StoreError::Corrupt {
                column: "check_ins.score",
                value: score.to_string(),
            })?,
            given_on: date("check_ins.given_on", &text(&row, "given_on")?)?,
            given_by: text(&row, "display_name")?,
            by_member: row
                .try_get::<Option<String>, _>("member_id")?
                .map(|m| uuid("accounts.member_id", &m).map(MemberId))
                .transpose()?,
            comment: text(&row, "comment")?,
            answers: Answers {
                not_lower: text(&row, "not_lower")?,
                one_up: text(&row, "one_up")?,
            },
        };
        if let Some(&i) = index.get(&goal) {
            goals[i].check_ins.push(check_in);
        }
    }
    Ok(goals)
}

pub async fn safety_for_family(
    db: &Db,
    family: FamilyId,
) -> Result<Vec<SafetyStatement>, StoreError> {
    let mut shared = shared_in(db, family).await?;
    let rows = sqlx::query(
        "SELECT id, danger, safety_goal, version FROM safety_statements WHERE family_id = $1 ORDER BY position",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let id = text(row, "id")?;
            Ok(SafetyStatement {
                id: SafetyId(uuid("safety_statements.id", &id)?),
                danger: text(row, "danger")?,
                safety_goal: text(row, "safety_goal")?,
                version: row.try_get("version")?,
                visible_to: shared.remove(&id).unwrap_or_default(),
            })
        })
        .collect()
}

/// The family a goal belongs to: the first thing asked, so a goal id from another family is refused.
pub async fn family_of_goal(db: &Db, goal: GoalId) -> Result<Option<FamilyId>, StoreError> {
    family_of(
        db,
        "SELECT family_id FROM goals WHERE id = $1",
        &goal.to_string(),
    )
    .await
}

pub async fn family_of_step(
    db: &Db,
    step: StepId,
) -> Result<Option<(FamilyId, GoalId)>, StoreError> {
    let row = sqlx::query(
        "SELECT g.family_id, g.id FROM steps s JOIN goals g ON g.id = s.goal_id WHERE s.id = $1",
    )
    .bind(step.to_string())
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok((
            FamilyId(uuid("goals.family_id", &text(&row, "family_id")?)?),
            GoalId(uuid("goals.id", &text(&row, "id")?)?),
        ))
    })
    .transpose()
}

pub async fn family_of_safety(db: &Db, id: SafetyId) -> Result<Option<FamilyId>, StoreError> {
    family_of(
        db,
        "SELECT family_id FROM safety_statements WHERE id = $1",
        &id.to_string(),
    )
    .await
}

async fn family_of(db: &Db, sql: &str, id: &str) -> Result<Option<FamilyId>, StoreError> {
    let row = sqlx::query(sql).bind(id).fetch_optional(db.pool()).await?;
    row.map(|row| Ok(FamilyId(uuid("family_id", &text(&row, "family_id")?)?)))
        .transpose()
}

pub async fn set_shared(
    write: &mut WriteTx,
    record: &str,
    members: &[MemberId],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM shared_with WHERE record_id = $1")
        .bind(record)
        .execute(&mut *write.tx)
        .await?;
    for member in members {
        sqlx::query("INSERT INTO shared_with (record_id, member_id) VALUES ($1, $2)")
            .bind(record)
            .bind(member.to_string())
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
    .bind(id.to_string())
    .bind(family.to_string())
    .bind(goal.owner.to_string())
    .bind(goal.area.code())
    .bind(&goal.family_words)
    .bind(&goal.professional_words)
    .bind(day(goal.target_date))
    .bind(goal.status.code())
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
    .bind(goal.owner.to_string())
    .bind(goal.area.code())
    .bind(&goal.family_words)
    .bind(&goal.professional_words)
    .bind(day(goal.target_date))
    .bind(goal.status.code())
    .bind(now)
    .bind(id.to_string())
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
    .bind(status.code())
    .bind(now)
    .bind(id.to_string())
    .execute(&mut *write.tx)
    .await?;
    version_of(
        write,
        "SELECT version FROM goals WHERE id = $1",
        &id.to_string(),
    )
    .await
}

async fn version_of(write: &mut WriteTx, sql: &str, id: &str) -> Result<i64, StoreError> {
    let row = sqlx::query(sql).bind(id).fetch_one(&mut *write.tx).await?;
    Ok(row.try_get("version")?)
}

/// Swaps a goal or step with its neighbour above (`up`) or below, within `scope`.
pub async fn move_record(
    write: &mut WriteTx,
    table: Ordered,
    id: &str,
    up: bool,
) -> Result<bool, StoreError> {
    let (table_name, scope) = match table {
        Ordered::Goals => ("goals", "family_id"),
        Ordered::Steps => ("steps", "goal_id"),
    };
    let me = sqlx::query(&format!(
        "SELECT {scope} AS scope, position FROM {table_name} WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&mut *write.tx)
    .await?;
    let Some(me) = me else { return Ok(false) };
    let scope_id = text(&me, "scope")?;
    let position: i64 = me.try_get("position")?;
    let neighbour_sql = if up {
        format!("SELECT id, position FROM {table_name} WHERE {scope} = $1 AND position < $2 ORDER BY position DESC LIMIT 1")
    } else {
        format!("SELECT id, position FROM {table_name} WHERE {scope} = $1 AND position > $2 ORDER BY position LIMIT 1")
    };
    let neighbour = sqlx::query(&neighbour_sql)
        .bind(&scope_id)
        .bind(position)
        .fetch_optional(&mut *write.tx)
        .await?;
    let Some(neighbour) = neighbour else {
        return Ok(false);
    };
    let other_id = text(&neighbour, "id")?;
    let other_position: i64 = neighbour.try_get("position")?;
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

#[derive(Clone, Copy)]
pub enum Ordered {
    Goals,
    Steps,
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
    .bind(id.to_string())
    .bind(goal.to_string())
    .bind(step.who.code())
    .bind(&step.what)
    .bind(day(step.due_on))
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
    .bind(step.who.code())
    .bind(&step.what)
    .bind(day(step.due_on))
    .bind(now)
    .bind(id.to_string())
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
    .bind(i64::from(done))
    .bind(now)
    .bind(id.to_string())
    .execute(&mut *write.tx)
    .await?;
    if changed.rows_affected() == 0 {
        return Ok(None);
    }
    version_of(
        write,
        "SELECT version FROM steps WHERE id = $1",
        &id.to_string(),
    )
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
    .bind(c.id.to_string())
    .bind(c.goal.to_string())
    .bind(c.scale.code())
    .bind(i64::from(c.score))
    .bind(day(c.given_on))
    .bind(c.given_by.to_string())
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
    .bind(id.to_string())
    .bind(family.to_string())
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
    .bind(id.to_string())
    .bind(safety.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
