//! Staff accounts as an administrator changes them: enabled or not, in which team, and the
//! changes made to each, read back from the audit trail.

use super::db::{Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::audit::{AuditAction, Outcome};
use crate::domain::ids::{AccountId, AuthorityId, TeamId};
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::page_data::administration::AccountEvent;

/// The password hash of an account whose owner has not chosen a password yet: no password
/// matches it, and sign-in treats the login as unknown.
pub const NO_PASSWORD: &str = "";

pub struct StaffDetails {
    pub id: AccountId,
    pub authority_id: AuthorityId,
    pub display_name: String,
    pub login: String,
    pub role: StaffRole,
    pub team_id: Option<TeamId>,
    pub team_name: Option<String>,
    pub disabled: bool,
    pub has_password: bool,
    pub worker_ref: Option<String>,
}

#[derive(sqlx::FromRow)]
struct DetailsRow {
    id: AccountId,
    authority_id: AuthorityId,
    display_name: String,
    login: String,
    staff_role: StaffRole,
    team_id: Option<TeamId>,
    team_name: Option<String>,
    disabled: Flag,
    has_password: Flag,
    worker_ref: Option<String>,
}

/// A member of staff's account; `None` for an unknown id or a family member's account.
pub async fn one(db: &Db, account: AccountId) -> Result<Option<StaffDetails>, StoreError> {
    let row: Option<DetailsRow> = sqlx::query_as(
        "SELECT a.id, a.authority_id, a.display_name, a.login, a.staff_role, a.team_id,
             t.name AS team_name, a.disabled,
             CASE WHEN a.password_hash = '' THEN 0 ELSE 1 END AS has_password, a.worker_ref
         FROM accounts a LEFT JOIN teams t ON t.id = a.team_id
         WHERE a.id = $1 AND a.staff_role IS NOT NULL",
    )
    .bind(account)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(|r| StaffDetails {
        id: r.id,
        authority_id: r.authority_id,
        display_name: r.display_name,
        login: r.login,
        role: r.staff_role,
        team_id: r.team_id,
        team_name: r.team_name,
        disabled: r.disabled.into(),
        has_password: r.has_password.into(),
        worker_ref: r.worker_ref,
    }))
}

/// Who in the council has the case system worker ID `worker_ref`, read under the write lock.
pub async fn worker_ref_holder_in(
    write: &mut WriteTx,
    authority: AuthorityId,
    worker_ref: &str,
) -> Result<Option<(AccountId, String)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, display_name FROM accounts WHERE authority_id = $1 AND worker_ref = $2",
    )
    .bind(authority)
    .bind(worker_ref)
    .fetch_optional(&mut *write.tx)
    .await?)
}

pub async fn set_worker_ref(
    write: &mut WriteTx,
    account: AccountId,
    worker_ref: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE accounts SET worker_ref = $2 WHERE id = $1")
        .bind(account)
        .bind(worker_ref)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn set_disabled(
    write: &mut WriteTx,
    account: AccountId,
    disabled: bool,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE accounts SET disabled = $2 WHERE id = $1")
        .bind(account)
        .bind(i64::from(disabled))
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn move_to(
    write: &mut WriteTx,
    account: AccountId,
    team: Option<TeamId>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE accounts SET team_id = $2 WHERE id = $1")
        .bind(account)
        .bind(team)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

/// A member of staff's name, read inside a change.
pub async fn name_in(write: &mut WriteTx, account: AccountId) -> Result<String, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT display_name FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_one(&mut *write.tx)
            .await?,
    )
}

/// How many families the worker is allocated to now.
pub async fn allocations_held(db: &Db, account: AccountId) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM allocations WHERE worker_id = $1")
            .bind(account)
            .fetch_one(db.pool())
            .await?,
    )
}

#[derive(sqlx::FromRow)]
struct EventRow {
    at: i64,
    actor_name: String,
    action: AuditAction,
    detail: String,
}

/// The changes made to the account and by it to itself (setting its password), newest first.
pub async fn history(
    db: &Db,
    account: AccountId,
    limit: i64,
) -> Result<Vec<AccountEvent>, StoreError> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT l.at, COALESCE(a.display_name, l.actor_name) AS actor_name, l.action, l.detail
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
         WHERE l.record_kind = $1 AND l.record_id = $2 AND l.outcome = $4
         ORDER BY l.seq DESC LIMIT $3",
    )
    .bind(RecordKind::Account.code())
    .bind(account)
    .bind(limit)
    .bind(Outcome::Allowed.code())
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AccountEvent {
            at: r.at,
            actor_name: r.actor_name,
            action: r.action,
            detail: r.detail,
        })
        .collect())
}
