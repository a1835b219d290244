//! Families opened outside one's team, with the reason given.

use super::db::{Db, WriteTx};
use super::row::{RowId, StoreError};
use crate::domain::ids::{AccountId, FamilyId};

/// How long an opening lasts before a new reason is needed.
pub const OPEN_FOR_MS: i64 = 8 * 60 * 60 * 1000;

pub async fn open(
    write: &mut WriteTx,
    account: AccountId,
    family: FamilyId,
    reason: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO break_glass (id, account_id, family_id, reason, opened_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(RowId::new())
        .bind(account)
        .bind(family)
        .bind(reason)
        .bind(now)
        .bind(now + OPEN_FOR_MS)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn active_for(
    db: &Db,
    account: AccountId,
    now: i64,
) -> Result<Vec<FamilyId>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT family_id FROM break_glass WHERE account_id = $1 AND expires_at > $2",
    )
    .bind(account)
    .bind(now)
    .fetch_all(db.pool())
    .await?)
}
