//! Sessions live in the database, so any app server sharing it recognises them.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::AccountId;

/// Signed out after this long without a request.
pub const IDLE_TIMEOUT_MS: i64 = 60 * 60 * 1000;
/// Signed out this long after signing in, however busy.
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;
/// `last_seen_at` is written at most this often, so reads do not all become writes.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// A session as it begins.
pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub account: AccountId,
    pub user_agent: &'a str,
    pub origin: &'a str,
    pub now: i64,
    /// Failed sign-ins to the account since it last signed in, and when the last was.
    pub failed_before: i64,
    pub failed_last_at: Option<i64>,
}

pub async fn create(db: &Db, session: &NewSession<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, id, account_id, created_at, last_seen_at, confirmed_at, user_agent, origin, failed_before, failed_last_at)
         VALUES ($1, $2, $3, $4, $4, $4, $5, $6, $7, $8)",
    )
    .bind(session.token_hash)
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(session.account)
    .bind(session.now)
    .bind(session.user_agent)
    .bind(session.origin)
    .bind(session.failed_before)
    .bind(session.failed_last_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// A live session, as the request that carries it sees it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Live {
    pub account_id: AccountId,
    pub created_at: i64,
    pub last_seen_at: i64,
    /// When the person last gave their password (and second factor) in this session.
    pub confirmed_at: i64,
    pub failed_before: i64,
    pub failed_last_at: Option<i64>,
}

/// The live session under a token. An expired session is deleted and counts as none.
pub async fn resolve(db: &Db, token_hash: &str, now: i64) -> Result<Option<Live>, StoreError> {
    let row: Option<Live> = sqlx::query_as(
        "SELECT account_id, created_at, last_seen_at, confirmed_at, failed_before, failed_last_at FROM sessions WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(db.pool())
    .await?;
    let Some(live) = row else {
        return Ok(None);
    };
    if now - live.last_seen_at > IDLE_TIMEOUT_MS || now - live.created_at > ABSOLUTE_TIMEOUT_MS {
        delete(db, token_hash).await?;
        return Ok(None);
    }
    if now - live.last_seen_at > TOUCH_EVERY_MS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(live))
}

/// The person gave their password again.
pub async fn confirm(db: &Db, token_hash: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET confirmed_at = $1 WHERE token_hash = $2")
        .bind(now)
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The owner has read the notice of failed sign-ins.
pub async fn dismiss_notice(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET failed_before = 0 WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends every session of the account but `keep`: after a password change.
pub async fn delete_others(db: &Db, account: AccountId, keep: &str) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
        .bind(account)
        .bind(keep)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// One of a person's sessions, as their account page lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Listed {
    pub id: Option<String>,
    pub token_hash: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: String,
    pub origin: String,
}

/// The account's sessions still in time, most recently used first.
pub async fn list_for(db: &Db, account: AccountId, now: i64) -> Result<Vec<Listed>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, token_hash, created_at, last_seen_at, user_agent, origin FROM sessions
         WHERE account_id = $1 AND last_seen_at >= $2 AND created_at >= $3
         ORDER BY last_seen_at DESC",
    )
    .bind(account)
    .bind(now - IDLE_TIMEOUT_MS)
    .bind(now - ABSOLUTE_TIMEOUT_MS)
    .fetch_all(db.pool())
    .await?)
}

/// Ends one of the account's sessions by its shown id; false if it has no such session.
pub async fn delete_by_id(db: &Db, account: AccountId, id: &str) -> Result<bool, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND id = $2")
        .bind(account)
        .bind(id)
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Ends every session of the account, and any sign-in waiting for its code, inside a change
/// (disabling it, a new password), so the two happen together.
pub async fn end_all_in(write: &mut WriteTx, account: AccountId) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query("DELETE FROM pending_sign_ins WHERE account_id = $1")
        .bind(account)
        .execute(&mut *write.tx)
        .await?;
    Ok(done.rows_affected())
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
