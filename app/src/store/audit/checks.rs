//! Reports of each app server's verifier, for every server and the manager's page to read.
//! A report is only ever shown, never used to decide where the next check starts.

use crate::domain::audit_check::AuditCheck;
use crate::store::db::Db;
use crate::store::row::{Flag, StoreError};
use uuid::Uuid;

pub async fn record(db: &Db, check: &AuditCheck) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_checks (id, at, whole, through_seq, intact, problem) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Uuid::new_v4().to_string())
    .bind(check.at)
    .bind(Flag(check.whole))
    .bind(check.through_seq)
    .bind(Flag(check.intact))
    .bind(&check.problem)
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Checks made at or after `since` (Unix ms), newest first, and the newest before that if there
/// is none since.
pub async fn since(db: &Db, since: i64) -> Result<Vec<AuditCheck>, StoreError> {
    let mut rows: Vec<CheckRow> = sqlx::query_as(
        "SELECT at, whole, through_seq, intact, problem FROM audit_checks WHERE at >= $1 ORDER BY at DESC LIMIT 200",
    )
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    if rows.is_empty() {
        rows = sqlx::query_as(
            "SELECT at, whole, through_seq, intact, problem FROM audit_checks ORDER BY at DESC LIMIT 1",
        )
        .fetch_all(db.pool())
        .await?;
    }
    Ok(rows.into_iter().map(AuditCheck::from).collect())
}

#[derive(sqlx::FromRow)]
struct CheckRow {
    at: i64,
    whole: Flag,
    through_seq: i64,
    intact: Flag,
    problem: String,
}

impl From<CheckRow> for AuditCheck {
    fn from(row: CheckRow) -> Self {
        AuditCheck {
            at: row.at,
            whole: row.whole.into(),
            through_seq: row.through_seq,
            intact: row.intact.into(),
            problem: row.problem,
        }
    }
}
