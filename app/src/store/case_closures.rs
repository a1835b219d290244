//! A family's case closed and reopened: `families.closed_on` says whether it is closed now, and
//! `case_closures` keeps every closure with the reopening that ended it.

use super::db::{Db, WriteTx};
use super::row::{Day, StoreError};
use crate::domain::closure::{Closed, ClosureReason};
use crate::domain::ids::{AccountId, FamilyId};
use chrono::NaiveDate;

/// The day the family's case closed, if it is closed now.
pub async fn closed_on(db: &Db, family: FamilyId) -> Result<Option<NaiveDate>, StoreError> {
    let day: Option<Option<Day>> =
        sqlx::query_scalar("SELECT closed_on FROM families WHERE id = $1")
            .bind(family)
            .fetch_optional(db.pool())
            .await?;
    Ok(day.flatten().map(Into::into))
}

/// The same, read under the write lock.
pub async fn closed_on_in(
    write: &mut WriteTx,
    family: FamilyId,
) -> Result<Option<NaiveDate>, StoreError> {
    let day: Option<Option<Day>> =
        sqlx::query_scalar("SELECT closed_on FROM families WHERE id = $1")
            .bind(family)
            .fetch_optional(&mut *write.tx)
            .await?;
    Ok(day.flatten().map(Into::into))
}

pub async fn close(
    write: &mut WriteTx,
    family: FamilyId,
    closed: &Closed,
    by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE families SET closed_on = $1 WHERE id = $2")
        .bind(Day(closed.on))
        .bind(family)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query(
        "INSERT INTO case_closures (family_id, closed_on, reason, closed_by, closed_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(family)
    .bind(Day(closed.on))
    .bind(closed.reason)
    .bind(by)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

pub async fn reopen(
    write: &mut WriteTx,
    family: FamilyId,
    reason: &str,
    by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE families SET closed_on = NULL WHERE id = $1")
        .bind(family)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query(
        "UPDATE case_closures SET reopened_at = $1, reopened_by = $2, reopen_reason = $3 WHERE family_id = $4 AND reopened_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(reason)
    .bind(family)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// One closure, as the family's case page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ClosureRow {
    pub closed_on: Day,
    pub reason: ClosureReason,
    pub closed_by: String,
    pub closed_at: i64,
    pub reopened_at: Option<i64>,
    pub reopened_by: Option<String>,
    pub reopen_reason: Option<String>,
}

/// Every closure of the family, newest first, with the names of who closed and reopened it.
pub async fn history(db: &Db, family: FamilyId) -> Result<Vec<ClosureRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.closed_on, c.reason, a.display_name AS closed_by, c.closed_at, c.reopened_at, r.display_name AS reopened_by, c.reopen_reason
         FROM case_closures c JOIN accounts a ON a.id = c.closed_by LEFT JOIN accounts r ON r.id = c.reopened_by
         WHERE c.family_id = $1 ORDER BY c.closed_at DESC",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?)
}

/// The team's closed cases, newest closure first: names and dates only.
pub async fn closed_in_team(
    db: &Db,
    team: crate::domain::ids::TeamId,
    window: super::families::Window,
) -> Result<Vec<(FamilyId, String, Day)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, name, closed_on FROM families WHERE team_id = $1 AND closed_on IS NOT NULL
         ORDER BY closed_on DESC, name, id LIMIT $2 OFFSET $3",
    )
    .bind(team)
    .bind(window.limit)
    .bind(window.offset)
    .fetch_all(db.pool())
    .await?)
}

pub async fn count_closed_in_team(
    db: &Db,
    team: crate::domain::ids::TeamId,
) -> Result<u32, StoreError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM families WHERE team_id = $1 AND closed_on IS NOT NULL",
    )
    .bind(team)
    .fetch_one(db.pool())
    .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}
