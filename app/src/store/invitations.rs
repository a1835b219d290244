//! One-time invitation codes for family members. Only a hash of each code is kept; the code
//! itself is shown once, as the answer to the POST that made it (`services::held`).

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, InvitationId, MemberId};

/// A code works for a week: long enough to be used at the next visit, short enough to go stale.
pub const VALID_FOR_MS: i64 = 7 * 24 * 60 * 60 * 1000;

pub struct NewInvitation<'a> {
    pub id: InvitationId,
    pub member_id: MemberId,
    pub code_hash: &'a str,
    pub created_by: AccountId,
    pub now: i64,
}

/// Stores a new invitation and withdraws the member's older unused ones. Saving the same id
/// twice (a retried request) changes nothing. Returns whether a new row was written.
pub async fn create(
    write: &mut WriteTx,
    invitation: &NewInvitation<'_>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO invitations (id, member_id, code_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
    )
    .bind(invitation.id)
    .bind(invitation.member_id)
    .bind(invitation.code_hash)
    .bind(invitation.created_by)
    .bind(invitation.now)
    .bind(invitation.now + VALID_FOR_MS)
    .execute(&mut *write.tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("UPDATE invitations SET revoked_at = $1 WHERE member_id = $2 AND id <> $3 AND used_at IS NULL AND revoked_at IS NULL")
        .bind(invitation.now)
        .bind(invitation.member_id)
        .bind(invitation.id)
        .execute(&mut *write.tx)
        .await?;
    Ok(true)
}

/// Whom an invitation is for, if `maker` made it.
pub async fn member_of(
    db: &Db,
    id: InvitationId,
    maker: AccountId,
) -> Result<Option<MemberId>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT member_id FROM invitations WHERE id = $1 AND created_by = $2")
            .bind(id)
            .bind(maker)
            .fetch_optional(db.pool())
            .await?,
    )
}

/// When an invitation stops working, if `maker` made it.
pub async fn expiry(
    db: &Db,
    id: InvitationId,
    maker: AccountId,
) -> Result<Option<i64>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT expires_at FROM invitations WHERE id = $1 AND created_by = $2")
            .bind(id)
            .bind(maker)
            .fetch_optional(db.pool())
            .await?,
    )
}

pub struct FoundInvitation {
    pub id: InvitationId,
    pub member_id: MemberId,
    pub expires_at: i64,
    pub used: bool,
    pub revoked: bool,
}

#[derive(sqlx::FromRow)]
struct FoundRow {
    id: InvitationId,
    member_id: MemberId,
    expires_at: i64,
    used_at: Option<i64>,
    revoked_at: Option<i64>,
}

impl From<FoundRow> for FoundInvitation {
    fn from(row: FoundRow) -> Self {
        FoundInvitation {
            id: row.id,
            member_id: row.member_id,
            expires_at: row.expires_at,
            used: row.used_at.is_some(),
            revoked: row.revoked_at.is_some(),
        }
    }
}

pub async fn find_by_code_hash(
    write: &mut WriteTx,
    code_hash: &str,
) -> Result<Option<FoundInvitation>, StoreError> {
    let row: Option<FoundRow> = sqlx::query_as("SELECT id, member_id, expires_at, used_at, revoked_at FROM invitations WHERE code_hash = $1")
        .bind(code_hash)
        .fetch_optional(&mut *write.tx)
        .await?;
    Ok(row.map(FoundInvitation::from))
}

/// Marks a code used; false if another request used it first.
pub async fn mark_used(
    write: &mut WriteTx,
    id: InvitationId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(id)
        .execute(&mut *write.tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
