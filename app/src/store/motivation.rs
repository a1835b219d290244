//! A goal's stage of change over time, and the change talk heard in sessions about it.

use super::db::{Db, WriteTx};
use super::row::{coded, date, day, text, uuid, StoreError};
use crate::domain::ids::{AccountId, EntryId, GoalId, StageNoteId, TallyId};
use crate::domain::mi::change_talk::{Talk, Tally, TallyInput};
use crate::domain::mi::stage::{Stage, StageInput, StageNote};
use sqlx::Row;

pub async fn stages(db: &Db, goal: GoalId) -> Result<Vec<StageNote>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.id, s.stage, s.noted_on, s.note, a.display_name FROM goal_stages s
         JOIN accounts a ON a.id = s.noted_by WHERE s.goal_id = $1 ORDER BY s.noted_on, s.created_at",
    )
    .bind(goal.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(StageNote {
                id: StageNoteId(uuid("goal_stages.id", &text(row, "id")?)?),
                stage: coded("goal_stages.stage", &text(row, "stage")?, Stage::from_code)?,
                noted_on: date("goal_stages.noted_on", &text(row, "noted_on")?)?,
                noted_by: text(row, "display_name")?,
                note: text(row, "note")?,
            })
        })
        .collect()
}

pub async fn insert_stage(
    write: &mut WriteTx,
    id: StageNoteId,
    goal: GoalId,
    input: &StageInput,
    by: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO goal_stages (id, goal_id, stage, noted_on, noted_by, note, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id.to_string())
    .bind(goal.to_string())
    .bind(input.stage.code())
    .bind(day(input.noted_on))
    .bind(by.to_string())
    .bind(&input.note)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The columns of the counts, in [`Talk::ALL`] order.
fn columns() -> String {
    Talk::ALL
        .iter()
        .map(|t| t.code())
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn tallies(db: &Db, goal: GoalId) -> Result<Vec<Tally>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT t.id, t.entry_id, t.heard_on, a.display_name, {} FROM change_talk t
         JOIN accounts a ON a.id = t.recorded_by WHERE t.goal_id = $1 ORDER BY t.heard_on, t.created_at",
        columns()
    ))
    .bind(goal.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let counts = Talk::ALL
                .iter()
                .map(|t| {
                    let n = row.try_get::<i64, _>(t.code())?;
                    u8::try_from(n).map_err(|_| StoreError::Corrupt {
                        column: "change_talk counts",
                        value: n.to_string(),
                    })
                })
                .collect::<Result<Vec<u8>, StoreError>>()?;
            Ok(Tally {
                id: TallyId(uuid("change_talk.id", &text(row, "id")?)?),
                heard_on: date("change_talk.heard_on", &text(row, "heard_on")?)?,
                recorded_by: text(row, "display_name")?,
                entry: row
                    .try_get::<Option<String>, _>("entry_id")?
                    .map(|e| uuid("change_talk.entry_id", &e).map(EntryId))
                    .transpose()?,
                counts,
            })
        })
        .collect()
}

pub struct NewTally<'a> {
    pub id: TallyId,
    pub goal: GoalId,
    pub entry: Option<EntryId>,
    pub input: &'a TallyInput,
    pub by: AccountId,
    pub now: i64,
}

pub async fn insert_tally(write: &mut WriteTx, t: &NewTally<'_>) -> Result<bool, StoreError> {
    let placeholders = (6..6 + Talk::ALL.len())
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "INSERT INTO change_talk (id, goal_id, entry_id, heard_on, recorded_by, {}, created_at)
         VALUES ($1, $2, $3, $4, $5, {placeholders}, ${}) ON CONFLICT (id) DO NOTHING",
        columns(),
        6 + Talk::ALL.len()
    );
    let mut query = sqlx::query(&sql)
        .bind(t.id.to_string())
        .bind(t.goal.to_string())
        .bind(t.entry.map(|e| e.to_string()))
        .bind(day(t.input.heard_on))
        .bind(t.by.to_string());
    for count in &t.input.counts {
        query = query.bind(i64::from(*count));
    }
    let done = query.bind(t.now).execute(&mut *write.tx).await?;
    Ok(done.rows_affected() == 1)
}
