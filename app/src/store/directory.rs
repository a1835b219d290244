//! The tenant's structure: local authority, teams and staff accounts.

use super::db::{Db, WriteTx};
use super::row::{coded, uuid, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, TeamId};
use crate::domain::role::StaffRole;
use crate::page_data::accounts::{AccountsOverview, StaffAccount};
use sqlx::Row;

pub async fn has_authority(db: &Db) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM local_authorities")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}

pub async fn insert_authority(
    write: &mut WriteTx,
    id: AuthorityId,
    name: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO local_authorities (id, name) VALUES ($1, $2)")
        .bind(id.to_string())
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
        .bind(id.to_string())
        .bind(authority.to_string())
        .bind(name)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn authority_of(db: &Db, account: AccountId) -> Result<Option<AuthorityId>, StoreError> {
    let row = sqlx::query("SELECT authority_id FROM accounts WHERE id = $1")
        .bind(account.to_string())
        .fetch_optional(db.pool())
        .await?;
    row.map(|row| {
        Ok(AuthorityId(uuid(
            "accounts.authority_id",
            &row.try_get::<String, _>("authority_id")?,
        )?))
    })
    .transpose()
}

pub async fn overview(db: &Db, authority: AuthorityId) -> Result<AccountsOverview, StoreError> {
    let id = authority.to_string();
    let name_row = sqlx::query("SELECT name FROM local_authorities WHERE id = $1")
        .bind(&id)
        .fetch_one(db.pool())
        .await?;
    let rows = sqlx::query(
        "SELECT a.id, a.display_name, a.login, a.staff_role, a.disabled, t.name AS team_name
         FROM accounts a LEFT JOIN teams t ON t.id = a.team_id
         WHERE a.authority_id = $1 AND a.staff_role IS NOT NULL ORDER BY t.name, a.display_name",
    )
    .bind(&id)
    .fetch_all(db.pool())
    .await?;
    let staff = rows
        .iter()
        .map(|row| {
            Ok(StaffAccount {
                id: AccountId(uuid("accounts.id", &row.try_get::<String, _>("id")?)?),
                display_name: row.try_get("display_name")?,
                login: row.try_get("login")?,
                role: coded(
                    "accounts.staff_role",
                    &row.try_get::<String, _>("staff_role")?,
                    StaffRole::from_code,
                )?,
                team_name: row.try_get("team_name")?,
                disabled: row.try_get::<i64, _>("disabled")? != 0,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let family = sqlx::query(
        "SELECT COUNT(*) AS n FROM accounts WHERE authority_id = $1 AND member_id IS NOT NULL",
    )
    .bind(&id)
    .fetch_one(db.pool())
    .await?;
    Ok(AccountsOverview {
        authority_name: name_row.try_get("name")?,
        staff,
        family_accounts: family.try_get("n")?,
    })
}
