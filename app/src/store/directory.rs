//! The tenant's structure: local authority, teams and staff accounts.

use super::db::{Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, TeamId};
use crate::domain::role::StaffRole;
use crate::page_data::accounts::{AccountsOverview, StaffAccount};

pub async fn has_authority(db: &Db) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) AS n FROM local_authorities")
        .fetch_one(db.pool())
        .await?;
    Ok(n > 0)
}

/// The name of the database's council, if it has one; read under the write lock so two set-ups
/// at once cannot both find none.
pub async fn first_authority_in(write: &mut WriteTx) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT name FROM local_authorities ORDER BY name LIMIT 1")
            .fetch_optional(&mut *write.tx)
            .await?,
    )
}

pub async fn insert_authority(
    write: &mut WriteTx,
    id: AuthorityId,
    name: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO local_authorities (id, name) VALUES ($1, $2)")
        .bind(id)
        .bind(name)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn insert_team(
    write: &mut WriteTx,
    id: TeamId,
    authority: AuthorityId,
    name: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO teams (id, authority_id, name) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(authority)
        .bind(name)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn authority_name(db: &Db, authority: AuthorityId) -> Result<String, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT name FROM local_authorities WHERE id = $1")
            .bind(authority)
            .fetch_one(db.pool())
            .await?,
    )
}

pub async fn authority_of(db: &Db, account: AccountId) -> Result<Option<AuthorityId>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT authority_id FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_optional(db.pool())
            .await?,
    )
}

#[derive(sqlx::FromRow)]
struct StaffRow {
    id: AccountId,
    display_name: String,
    login: String,
    staff_role: StaffRole,
    disabled: Flag,
    team_name: Option<String>,
}

impl From<StaffRow> for StaffAccount {
    fn from(row: StaffRow) -> Self {
        StaffAccount {
            id: row.id,
            display_name: row.display_name,
            login: row.login,
            role: row.staff_role,
            team_name: row.team_name,
            disabled: row.disabled.into(),
        }
    }
}

pub async fn overview(db: &Db, authority: AuthorityId) -> Result<AccountsOverview, StoreError> {
    let authority_name: String =
        sqlx::query_scalar("SELECT name FROM local_authorities WHERE id = $1")
            .bind(authority)
            .fetch_one(db.pool())
            .await?;
    let rows: Vec<StaffRow> = sqlx::query_as(
        "SELECT a.id, a.display_name, a.login, a.staff_role, a.disabled, t.name AS team_name
         FROM accounts a LEFT JOIN teams t ON t.id = a.team_id
         WHERE a.authority_id = $1 AND a.staff_role IS NOT NULL ORDER BY t.name, a.display_name",
    )
    .bind(authority)
    .fetch_all(db.pool())
    .await?;
    let family_accounts: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) AS n FROM accounts WHERE authority_id = $1 AND member_id IS NOT NULL",
    )
    .bind(authority)
    .fetch_one(db.pool())
    .await?;
    Ok(AccountsOverview {
        authority_name,
        staff: rows.into_iter().map(StaffAccount::from).collect(),
        family_accounts,
    })
}
