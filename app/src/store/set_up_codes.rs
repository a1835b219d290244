//! One-time codes with which members of staff choose their own password. Only a hash of each
//! code is kept; the code itself is shown once, to the administrator who made it (or printed
//! once by `hearth setup`).

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, SetUpCodeId};

/// A day: a code is handed over when someone starts, and should not lie about for long.
pub const VALID_FOR_MS: i64 = 24 * 60 * 60 * 1000;

pub struct NewSetUpCode<'a> {
    pub id: SetUpCodeId,
    pub account_id: AccountId,
    pub code_hash: &'a str,
    /// `None` when `hearth setup` makes it.
    pub created_by: Option<AccountId>,
    pub now: i64,
}

/// Stores a new code and withdraws the account's older unused ones. Saving the same id twice
/// (a retried request) changes nothing. Returns whether a new row was written.
pub async fn create(write: &mut WriteTx, code: &NewSetUpCode<'_>) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO set_up_codes (id, account_id, code_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(code.id)
    .bind(code.account_id)
    .bind(code.code_hash)
    .bind(code.created_by)
    .bind(code.now)
    .bind(code.now + VALID_FOR_MS)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    revoke_others(write, code.account_id, code.id, code.now).await?;
    Ok(true)
}

/// Withdraws the account's unused codes but `keep`.
async fn revoke_others(
    write: &mut WriteTx,
    account: AccountId,
    keep: SetUpCodeId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE set_up_codes SET revoked_at = $1
         WHERE account_id = $2 AND id <> $3 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(account)
    .bind(keep)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// Withdraws every unused code of the account: it was disabled, or its owner chose a password.
pub async fn revoke_all(
    write: &mut WriteTx,
    account: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE set_up_codes SET revoked_at = $1
         WHERE account_id = $2 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(account)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// Whom a code is for, and when it stops working.
pub async fn account_of(db: &Db, id: SetUpCodeId) -> Result<Option<(AccountId, i64)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT account_id, expires_at FROM set_up_codes WHERE id = $1")
            .bind(id)
            .fetch_optional(db.pool())
            .await?,
    )
}

/// When the account's newest unused code stops working, if it has one.
pub async fn open_until(db: &Db, account: AccountId, now: i64) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT MAX(expires_at) FROM set_up_codes
         WHERE account_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2",
    )
    .bind(account)
    .bind(now)
    .fetch_one(db.pool())
    .await?)
}

pub struct FoundCode {
    pub id: SetUpCodeId,
    pub account_id: AccountId,
    pub expires_at: i64,
    pub used: bool,
    pub revoked: bool,
}

#[derive(sqlx::FromRow)]
struct FoundRow {
    id: SetUpCodeId,
    account_id: AccountId,
    expires_at: i64,
    used_at: Option<i64>,
    revoked_at: Option<i64>,
}

/// The code with this hash. Read outside the write: using it (`mark_used`) is what must not race.
pub async fn find_by_code_hash(db: &Db, code_hash: &str) -> Result<Option<FoundCode>, StoreError> {
    let row: Option<FoundRow> = sqlx::query_as(
        "SELECT id, account_id, expires_at, used_at, revoked_at FROM set_up_codes WHERE code_hash = $1",
    )
    .bind(code_hash)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|row| FoundCode {
        id: row.id,
        account_id: row.account_id,
        expires_at: row.expires_at,
        used: row.used_at.is_some(),
        revoked: row.revoked_at.is_some(),
    }))
}

/// Marks a code used; false if another request used it first.
pub async fn mark_used(write: &mut WriteTx, id: SetUpCodeId, now: i64) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE set_up_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *write.tx)
            .await?;
    Ok(done.rows_affected() == 1)
}
