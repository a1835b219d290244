//! Sessions live in the database, so any app server sharing it recognises them.

use super::db::Db;
use super::row::StoreError;
use crate::domain::ids::AccountId;

/// Signed out after this long without a request.
pub const IDLE_TIMEOUT_MS: i64 = 60 * 60 * 1000;
/// Signed out this long after signing in, however busy.
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;
/// `last_seen_at` is written at most this often, so reads do not all become writes.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

pub async fn create(
    db: &Db,
    token_hash: &str,
    account: AccountId,
    user_agent: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, user_agent) VALUES ($1, $2, $3, $3, $4)")
        .bind(token_hash)
        .bind(account)
        .bind(now)
        .bind(user_agent)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The account of a live session. An expired session is deleted and counts as none.
pub async fn resolve(db: &Db, token_hash: &str, now: i64) -> Result<Option<AccountId>, StoreError> {
    let row: Option<(AccountId, i64, i64)> = sqlx::query_as(
        "SELECT account_id, created_at, last_seen_at FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await?;
    let Some((account, created_at, last_seen_at)) = row else {
        return Ok(None);
    };
    if now - last_seen_at > IDLE_TIMEOUT_MS || now - created_at > ABSOLUTE_TIMEOUT_MS {
        delete(db, token_hash).await?;
        return Ok(None);
    }
    if now - last_seen_at > TOUCH_EVERY_MS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(account))
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn delete_all_for(db: &Db, account: AccountId) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// Moves a session's clock back: lets tests prove the timeouts without waiting an hour.
pub async fn age_for_tests(db: &Db, token_hash: &str, by_ms: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET created_at = created_at - $1, last_seen_at = last_seen_at - $1 WHERE token_hash = $2")
        .bind(by_ms)
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}
