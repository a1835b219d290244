//! A goal's stage of change over time, and the change talk heard in sessions about it.

use super::db::{Db, WriteTx};
use super::row::{narrow, Day, StoreError};
use crate::domain::ids::{AccountId, EntryId, GoalId, StageNoteId, TallyId};
use crate::domain::mi::change_talk::{Talk, Tally, TallyInput};
use crate::domain::mi::stage::{Stage, StageInput, StageNote};
use sqlx::{FromRow, Row};

#[derive(sqlx::FromRow)]
struct StageRow {
    id: StageNoteId,
    stage: Stage,
    noted_on: Day,
    note: String,
    display_name: String,
}

impl From<StageRow> for StageNote {
    fn from(row: StageRow) -> Self {
        StageNote {
            id: row.id,
            stage: row.stage,
            noted_on: row.noted_on.into(),
            noted_by: row.display_name,
            note: row.note,
        }
    }
}

pub async fn stages(db: &Db, goal: GoalId) -> Result<Vec<StageNote>, StoreError> {
    let rows: Vec<StageRow> = sqlx::query_as(
        "SELECT s.id, s.stage, s.noted_on, s.note, a.display_name FROM goal_stages s
         JOIN accounts a ON a.id = s.noted_by WHERE s.goal_id = $1 ORDER BY s.noted_on, s.created_at",
    )
    .bind(goal)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(StageNote::from).collect())
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
    .bind(id)
    .bind(goal)
    .bind(input.stage)
    .bind(Day(input.noted_on))
    .bind(by)
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

/// A tally's fixed columns; its counts are read beside it.
#[derive(sqlx::FromRow)]
struct TallyRow {
    id: TallyId,
    entry_id: Option<EntryId>,
    heard_on: Day,
    display_name: String,
}

pub async fn tallies(db: &Db, goal: GoalId) -> Result<Vec<Tally>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT t.id, t.entry_id, t.heard_on, a.display_name, {} FROM change_talk t
         JOIN accounts a ON a.id = t.recorded_by WHERE t.goal_id = $1 ORDER BY t.heard_on, t.created_at",
        columns()
    ))
    .bind(goal)
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let head = TallyRow::from_row(row)?;
            // The counts' columns follow `Talk::ALL`, so they are read by name, one by one.
            let counts = Talk::ALL
                .iter()
                .map(|t| narrow("change_talk counts", row.try_get::<i64, _>(t.code())?))
                .collect::<Result<Vec<u8>, StoreError>>()?;
            Ok(Tally {
                id: head.id,
                heard_on: head.heard_on.into(),
                recorded_by: head.display_name,
                entry: head.entry_id,
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
        .bind(t.id)
        .bind(t.goal)
        .bind(t.entry)
        .bind(Day(t.input.heard_on))
        .bind(t.by);
    for count in &t.input.counts {
        query = query.bind(i64::from(*count));
    }
    let done = query.bind(t.now).execute(&mut *write.tx).await?;
    Ok(done.rows_affected() == 1)
}
