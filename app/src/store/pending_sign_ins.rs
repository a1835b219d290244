//! Sign-ins whose password was right, waiting a few minutes for their second factor. Only the
//! hash of the pending token is kept, as for sessions.

use super::db::Db;
use super::row::StoreError;
use crate::domain::ids::AccountId;

/// The second factor must follow within this time.
pub const PENDING_MS: i64 = 5 * 60 * 1000;
/// Wrong codes allowed before the sign-in starts again from the password.
pub const WRONG_CODES_ALLOWED: i64 = 5;

pub async fn create(
    db: &Db,
    token_hash: &str,
    account: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM pending_sign_ins WHERE created_at < $1")
        .bind(now - PENDING_MS)
        .execute(db.pool())
        .await?;
    sqlx::query(
        "INSERT INTO pending_sign_ins (token_hash, account_id, created_at) VALUES ($1, $2, $3)",
    )
    .bind(token_hash)
    .bind(account)
    .bind(now)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// The account waiting under this token, if still in time and not out of tries.
pub async fn find(db: &Db, token_hash: &str, now: i64) -> Result<Option<AccountId>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT account_id FROM pending_sign_ins WHERE token_hash = $1 AND created_at >= $2 AND wrong_codes < $3",
    )
    .bind(token_hash)
    .bind(now - PENDING_MS)
    .bind(WRONG_CODES_ALLOWED)
    .fetch_optional(db.pool())
    .await?)
}

/// Counts a wrong code; returns how many tries are left.
pub async fn wrong_code(db: &Db, token_hash: &str) -> Result<i64, StoreError> {
    let wrong: Option<i64> = sqlx::query_scalar(
        "UPDATE pending_sign_ins SET wrong_codes = wrong_codes + 1 WHERE token_hash = $1 RETURNING wrong_codes",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await?;
    Ok((WRONG_CODES_ALLOWED - wrong.unwrap_or(WRONG_CODES_ALLOWED)).max(0))
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM pending_sign_ins WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}
