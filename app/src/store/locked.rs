//! Reads made inside a write transaction, for rules that must hold under the write lock: where a
//! record's id already belongs, and what a chapter already has for a period. Read before the lock,
//! two saves could both pass the check.

use super::db::WriteTx;
use super::row::{Day, StoreError};
use crate::domain::ids::FamilyId;
use crate::domain::role::StaffRole;
use crate::domain::workbook::EntryKind;
use chrono::NaiveDate;

/// Kinds of versioned record, each owned by a family or (a step) by a goal.
#[derive(Clone, Copy)]
pub enum Owned {
    Goal,
    Step,
    Safety,
    Entry,
}

impl Owned {
    fn sql(self) -> &'static str {
        match self {
            Owned::Goal => "SELECT family_id AS owner FROM goals WHERE id = $1",
            Owned::Step => "SELECT goal_id AS owner FROM steps WHERE id = $1",
            Owned::Safety => "SELECT family_id AS owner FROM safety_statements WHERE id = $1",
            Owned::Entry => "SELECT family_id AS owner FROM workbook_entries WHERE id = $1",
        }
    }
}

/// The id of the family (or goal, for a step) that record `id` belongs to; `None` while the id is
/// free.
pub async fn owner_of(
    write: &mut WriteTx,
    kind: Owned,
    id: &str,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar::<_, String>(kind.sql())
        .bind(id)
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
