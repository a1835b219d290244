//! Failed sign-ins, counted per login across every app server.

use super::db::Db;
use super::row::StoreError;

pub async fn count_since(db: &Db, login: &str, since: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) AS n FROM login_failures WHERE login = $1 AND at > $2")
            .bind(login)
            .bind(since)
            .fetch_one(db.pool())
            .await?,
    )
}

pub async fn record(db: &Db, login: &str, origin: &str, now: i64) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO login_failures (login, at, origin) VALUES ($1, $2, $3)")
        .bind(login)
        .bind(now)
        .bind(origin)
        .execute(db.pool())
        .await?;
    Ok(())
}

pub async fn clear(db: &Db, login: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE login = $1")
        .bind(login)
        .execute(db.pool())
        .await?;
    Ok(())
}
