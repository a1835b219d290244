//! Families opened outside one's team, with the reason given, and their review by the
//! family's team manager.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, FamilyId, OpeningId, TeamId};

/// How long an opening lasts before a new reason is needed.
pub const OPEN_FOR_MS: i64 = 8 * 60 * 60 * 1000;

pub async fn open(
    write: &mut WriteTx,
    account: AccountId,
    family: FamilyId,
    reason: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO break_glass (id, account_id, family_id, reason, opened_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(OpeningId::new())
        .bind(account)
        .bind(family)
        .bind(reason)
        .bind(now)
        .bind(now + OPEN_FOR_MS)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn active_for(
    db: &Db,
    account: AccountId,
    now: i64,
) -> Result<Vec<FamilyId>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT family_id FROM break_glass WHERE account_id = $1 AND expires_at > $2",
    )
    .bind(account)
    .bind(now)
    .fetch_all(db.pool())
    .await?)
}

/// An opening of one of a team's families by someone outside the team, as its manager reviews it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Opening {
    pub id: OpeningId,
    pub worker: String,
    pub worker_team: Option<String>,
    pub family_id: FamilyId,
    pub family_name: String,
    pub reason: String,
    pub opened_at: i64,
    pub reviewed_at: Option<i64>,
    pub reviewer: Option<String>,
}

/// The openings of `team`'s families, those waiting for review first, newest first.
pub async fn for_team(db: &Db, team: TeamId, limit: i64) -> Result<Vec<Opening>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT b.id, a.display_name AS worker, t.name AS worker_team, b.family_id, f.name AS family_name,
                b.reason, b.opened_at, b.reviewed_at, r.display_name AS reviewer
         FROM break_glass b
         JOIN families f ON f.id = b.family_id
         JOIN accounts a ON a.id = b.account_id
         LEFT JOIN teams t ON t.id = a.team_id
         LEFT JOIN accounts r ON r.id = b.reviewed_by
         WHERE f.team_id = $1
         ORDER BY CASE WHEN b.reviewed_at IS NULL THEN 0 ELSE 1 END, b.opened_at DESC
         LIMIT $2",
    )
    .bind(team)
    .bind(limit)
    .fetch_all(db.pool())
    .await?)
}

/// The family an opening was of, and that family's team.
pub async fn place_of(db: &Db, id: OpeningId) -> Result<Option<(FamilyId, TeamId)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT b.family_id, f.team_id FROM break_glass b JOIN families f ON f.id = b.family_id WHERE b.id = $1",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?)
}

/// Marks an opening reviewed; false if it was already.
pub async fn mark_reviewed(
    write: &mut WriteTx,
    id: OpeningId,
    reviewer: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE break_glass SET reviewed_at = $1, reviewed_by = $2 WHERE id = $3 AND reviewed_at IS NULL",
    )
    .bind(now)
    .bind(reviewer)
    .bind(id)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// When each of `team`'s openings still waiting for review was made.
pub async fn waiting(db: &Db, team: TeamId) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT b.opened_at FROM break_glass b JOIN families f ON f.id = b.family_id
         WHERE f.team_id = $1 AND b.reviewed_at IS NULL",
    )
    .bind(team)
    .fetch_all(db.pool())
    .await?)
}
