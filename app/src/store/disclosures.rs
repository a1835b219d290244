//! A request's disclosure: its withholdings, the reviewer's "ready" and the approval.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, InformationRequestId, WithholdingId};
use crate::domain::information_rights::withholding::WithholdReason;

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WithholdingRow {
    pub id: WithholdingId,
    pub passage: String,
    pub words: Option<String>,
    pub reason: WithholdReason,
    pub note: String,
    pub marked_by: String,
}

/// The withholdings in force on a request's disclosure, oldest first.
pub async fn withholdings(
    db: &Db,
    request: InformationRequestId,
) -> Result<Vec<WithholdingRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT w.id, w.passage, w.words, w.reason, w.note, a.display_name AS marked_by
         FROM withholdings w JOIN accounts a ON a.id = w.marked_by
         WHERE w.request_id = $1 AND w.removed_at IS NULL ORDER BY w.marked_at, w.id",
    )
    .bind(request)
    .fetch_all(db.pool())
    .await?)
}

pub struct NewWithholding<'a> {
    pub id: WithholdingId,
    pub request: InformationRequestId,
    pub passage: &'a str,
    pub words: Option<&'a str>,
    pub reason: WithholdReason,
    pub note: &'a str,
    pub by: AccountId,
    pub now: i64,
}

/// Adds a withholding; any review or approval given before it no longer holds.
pub async fn withhold(write: &mut WriteTx, new: &NewWithholding<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO withholdings (id, request_id, passage, words, reason, note, marked_by, marked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new.id)
    .bind(new.request)
    .bind(new.passage)
    .bind(new.words)
    .bind(new.reason)
    .bind(new.note)
    .bind(new.by)
    .bind(new.now)
    .execute(&mut *write.tx)
    .await?;
    unreview(write, new.request, new.now).await
}

/// Takes a withholding back; whether it was in force on that request.
pub async fn take_back(
    write: &mut WriteTx,
    request: InformationRequestId,
    id: WithholdingId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE withholdings SET removed_at = $1 WHERE id = $2 AND request_id = $3 AND removed_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(request)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 1 {
        unreview(write, request, now).await?;
        return Ok(true);
    }
    Ok(false)
}

/// A change to what is withheld undoes the review and the approval, and moves the version on
/// so a page that showed the old state cannot approve it.
async fn unreview(
    write: &mut WriteTx,
    request: InformationRequestId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE information_requests SET reviewed_by = NULL, reviewed_at = NULL, reviewed_digest = NULL,
             approved_by = NULL, approved_at = NULL, version = version + 1, updated_at = $1
         WHERE id = $2",
    )
    .bind(now)
    .bind(request)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// The review and approval as stored.
#[derive(Clone, Debug, Default, sqlx::FromRow)]
pub struct Sign {
    pub reviewed_by: Option<AccountId>,
    pub reviewer: Option<String>,
    pub reviewed_at: Option<i64>,
    pub reviewed_digest: Option<String>,
    pub approved_by: Option<AccountId>,
    pub approver: Option<String>,
    pub approved_at: Option<i64>,
}

pub async fn signs(db: &Db, request: InformationRequestId) -> Result<Sign, StoreError> {
    let sign: Option<Sign> = sqlx::query_as(
        "SELECT r.reviewed_by, v.display_name AS reviewer, r.reviewed_at, r.reviewed_digest,
                r.approved_by, p.display_name AS approver, r.approved_at
         FROM information_requests r
         LEFT JOIN accounts v ON v.id = r.reviewed_by LEFT JOIN accounts p ON p.id = r.approved_by
         WHERE r.id = $1",
    )
    .bind(request)
    .fetch_optional(db.pool())
    .await?;
    Ok(sign.unwrap_or_default())
}

/// The reviewer says the disclosure is ready, for the passages whose digest is `digest`; only
/// an open request at `version` takes it.
pub async fn reviewed(
    write: &mut WriteTx,
    request: InformationRequestId,
    version: i64,
    by: AccountId,
    digest: &str,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE information_requests SET reviewed_by = $1, reviewed_at = $2, reviewed_digest = $3,
             approved_by = NULL, approved_at = NULL, version = version + 1, updated_at = $2
         WHERE id = $4 AND version = $5 AND status = 'open'",
    )
    .bind(by)
    .bind(now)
    .bind(digest)
    .bind(request)
    .bind(version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A second person approves what was reviewed at `version`: never the reviewer.
pub async fn approved(
    write: &mut WriteTx,
    request: InformationRequestId,
    version: i64,
    by: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE information_requests SET approved_by = $1, approved_at = $2, version = version + 1, updated_at = $2
         WHERE id = $3 AND version = $4 AND status = 'open' AND reviewed_by IS NOT NULL AND reviewed_by <> $1",
    )
    .bind(by)
    .bind(now)
    .bind(request)
    .bind(version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
