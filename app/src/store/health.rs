//! Whether the database answers and holds every migration this build knows: what the readiness
//! probe asks. One small query, no lock.

use super::db::Db;
use super::migrations::latest_version;
use super::row::StoreError;

/// `true` when the newest migration this build embeds has been applied.
pub async fn schema_current(db: &Db) -> Result<bool, StoreError> {
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
            .fetch_one(db.pool())
            .await?;
    Ok(applied == Some(latest_version()))
}

/// How long the audit trail is: the newest entry's number.
pub async fn audit_length(db: &Db) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT seq FROM audit_head WHERE id = 1")
            .fetch_one(db.pool())
            .await?,
    )
}

/// When the audit trail was last verified intact (Unix ms), by any server.
pub async fn last_verified(db: &Db) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT MAX(at) FROM audit_checks WHERE intact = 1")
            .fetch_one(db.pool())
            .await?,
    )
}
