//! Refusals of forms, kept a few minutes for the page they go back to.
//! Plain statements, no write lock: they hold no case record.

use super::db::Db;
use super::row::StoreError;

pub struct KeptRefusal<'a> {
    pub id: &'a str,
    /// The server function's path, which says which form on the page it answers.
    pub server_fn: &'a str,
    /// The error as JSON, with what was typed.
    pub error: &'a str,
    /// The digest of the session it was made in ("" when signed out).
    pub session: &'a str,
    pub expires_at: i64,
}

/// Keeps a refusal, and forgets any whose time is up.
pub async fn keep(db: &Db, refusal: &KeptRefusal<'_>, now: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM form_refusals WHERE expires_at < $1")
        .bind(now)
        .execute(db.pool())
        .await?;
    sqlx::query(
        "INSERT INTO form_refusals (id, server_fn, error, session, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(refusal.id)
    .bind(refusal.server_fn)
    .bind(refusal.error)
    .bind(refusal.session)
    .bind(refusal.expires_at)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Takes a refusal made in `session` and still in time: `(server function, error JSON)`. Read
/// once: a second read finds nothing.
pub async fn take(
    db: &Db,
    id: &str,
    session: &str,
    now: i64,
) -> Result<Option<(String, String)>, StoreError> {
    let found: Option<(String, String)> = sqlx::query_as(
        "SELECT server_fn, error FROM form_refusals WHERE id = $1 AND session = $2 AND expires_at >= $3",
    )
    .bind(id)
    .bind(session)
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    if found.is_some() {
        sqlx::query("DELETE FROM form_refusals WHERE id = $1")
            .bind(id)
            .execute(db.pool())
            .await?;
    }
    Ok(found)
}
