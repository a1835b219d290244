//! Answers to a POST that are shown once (new recovery codes, an invitation code), held sealed
//! for a few minutes for the page the POST leads to, and readable only in the session that made
//! them. Reading does not remove them, so reading stays safe to repeat; they expire instead.

use super::db::Db;
use super::row::StoreError;

pub const HOLD_MS: i64 = 10 * 60 * 1000;

pub struct Held<'a> {
    pub id: &'a str,
    /// The digest of the session it was made in.
    pub session: &'a str,
    /// What it is, so an id made for one page is never read by another.
    pub kind: &'a str,
    pub sealed: &'a str,
}

pub async fn hold(db: &Db, held: &Held<'_>, now: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM held_answers WHERE expires_at < $1")
        .bind(now)
        .execute(db.pool())
        .await?;
    sqlx::query(
        "INSERT INTO held_answers (id, session, kind, sealed, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(held.id)
    .bind(held.session)
    .bind(held.kind)
    .bind(held.sealed)
    .bind(now + HOLD_MS)
    .execute(db.pool())
    .await?;
    Ok(())
}

pub async fn read(
    db: &Db,
    id: &str,
    session: &str,
    kind: &str,
    now: i64,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT sealed FROM held_answers WHERE id = $1 AND session = $2 AND kind = $3 AND expires_at >= $4",
    )
    .bind(id)
    .bind(session)
    .bind(kind)
    .bind(now)
    .fetch_optional(db.pool())
    .await?)
}

/// Ends every answer held for a session: at sign-out.
pub async fn forget_session(db: &Db, session: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM held_answers WHERE session = $1")
        .bind(session)
        .execute(db.pool())
        .await?;
    Ok(())
}
