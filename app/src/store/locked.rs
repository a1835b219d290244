//! Reads made inside a write transaction, for rules that must hold under the write lock: where a
//! record's id already belongs, and what a chapter already has for a period. Read before the lock,
//! two saves could both pass the check.

use super::db::WriteTx;
use super::row::{Day, StoreError};
use crate::domain::ids::FamilyId;
use crate::domain::record::RecordRef;
use crate::domain::role::StaffRole;
use crate::domain::workbook::EntryKind;
use chrono::NaiveDate;

/// The id of the family (or goal, for a step) that a versioned record belongs to; `None` while
/// its id is free.
pub async fn owner_of(
    write: &mut WriteTx,
    record: RecordRef,
) -> Result<Option<String>, StoreError> {
    let sql = match record {
        RecordRef::Goal(_) => "SELECT family_id FROM goals WHERE id = $1",
        RecordRef::Step(_) => "SELECT goal_id FROM steps WHERE id = $1",
        RecordRef::Safety(_) => "SELECT family_id FROM safety_statements WHERE id = $1",
        RecordRef::Entry(_) => "SELECT family_id FROM workbook_entries WHERE id = $1",
        other => return Err(StoreError::NotVersioned(other.kind())),
    };
    Ok(sqlx::query_scalar::<_, String>(sql)
        .bind(record)
        .fetch_optional(&mut *write.tx)
        .await?)
}

/// The days of a chapter's monthly summaries and of the family's group supervisions, which
/// together say which period each summary covers.
pub async fn summaries_and_supervisions(
    write: &mut WriteTx,
    family: FamilyId,
    chapter: StaffRole,
) -> Result<(Vec<NaiveDate>, Vec<NaiveDate>), StoreError> {
    let summaries: Vec<Day> = sqlx::query_scalar(
        "SELECT occurred_on FROM workbook_entries WHERE family_id = $1 AND chapter = $2 AND kind = $3",
    )
    .bind(family)
    .bind(chapter)
    .bind(EntryKind::MonthlySummary)
    .fetch_all(&mut *write.tx)
    .await?;
    let held: Vec<Day> =
        sqlx::query_scalar("SELECT held_on FROM supervisions WHERE family_id = $1")
            .bind(family)
            .fetch_all(&mut *write.tx)
            .await?;
    Ok((
        summaries.into_iter().map(NaiveDate::from).collect(),
        held.into_iter().map(NaiveDate::from).collect(),
    ))
}
