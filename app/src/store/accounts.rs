//! Accounts: signing in and who the signed-in person is.

use super::db::{Db, WriteTx};
use super::row::{coded, uuid, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use crate::domain::role::StaffRole;
use crate::domain::viewer::{Viewer, ViewerKind};
use sqlx::Row;

/// What sign-in needs. Deliberately not `Serialize`: the hash never leaves the server.
pub struct Credentials {
    pub account_id: AccountId,
    pub password_hash: String,
    pub disabled: bool,
}

pub async fn credentials(db: &Db, login: &str) -> Result<Option<Credentials>, StoreError> {
    let row = sqlx::query("SELECT id, password_hash, disabled FROM accounts WHERE login = $1")
        .bind(login)
        .fetch_optional(db.pool())
        .await?;
    row.map(|row| {
        Ok(Credentials {
            account_id: AccountId(uuid("accounts.id", &row.try_get::<String, _>("id")?)?),
            password_hash: row.try_get("password_hash")?,
            disabled: row.try_get::<i64, _>("disabled")? != 0,
        })
    })
    .transpose()
}

/// The viewer for a live session, with any families they opened outside their team.
pub async fn viewer(db: &Db, account: AccountId, now: i64) -> Result<Option<Viewer>, StoreError> {
    let row = sqlx::query(
        "SELECT a.display_name, a.staff_role, a.team_id, a.member_id, a.case_access_granted, a.disabled, m.family_id
         FROM accounts a LEFT JOIN members m ON m.id = a.member_id WHERE a.id = $1",
    )
    .bind(account.to_string())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    if row.try_get::<i64, _>("disabled")? != 0 {
        return Ok(None);
    }
    let display_name: String = row.try_get("display_name")?;
    let role: Option<String> = row.try_get("staff_role")?;
    let kind = match role {
        Some(role) => {
            let team: Option<String> = row.try_get("team_id")?;
            ViewerKind::Staff {
                role: coded("accounts.staff_role", &role, StaffRole::from_code)?,
                team_id: team
                    .map(|t| uuid("accounts.team_id", &t).map(TeamId))
                    .transpose()?,
                case_access_granted: row.try_get::<i64, _>("case_access_granted")? != 0,
                opened_families: super::break_glass::active_for(db, account, now).await?,
            }
        }
        None => {
            let member: Option<String> = row.try_get("member_id")?;
            let family: Option<String> = row.try_get("family_id")?;
            let (Some(member), Some(family)) = (member, family) else {
                return Ok(None);
            };
            ViewerKind::FamilyMember {
                family_id: FamilyId(uuid("members.family_id", &family)?),
                member_id: MemberId(uuid("accounts.member_id", &member)?),
            }
        }
    };
    Ok(Some(Viewer {
        account_id: account,
        display_name,
        kind,
    }))
}

pub struct NewAccount<'a> {
    pub id: AccountId,
    pub authority_id: AuthorityId,
    pub login: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub staff_role: Option<StaffRole>,
    pub team_id: Option<TeamId>,
    pub member_id: Option<MemberId>,
    pub now: i64,
}

pub async fn insert(write: &mut WriteTx, account: &NewAccount<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO accounts (id, authority_id, login, display_name, password_hash, staff_role, team_id, member_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(account.id.to_string())
    .bind(account.authority_id.to_string())
    .bind(account.login)
    .bind(account.display_name)
    .bind(account.password_hash)
    .bind(account.staff_role.map(StaffRole::code))
    .bind(account.team_id.map(|t| t.to_string()))
    .bind(account.member_id.map(|m| m.to_string()))
    .bind(account.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

pub async fn login_taken(write: &mut WriteTx, login: &str) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM accounts WHERE login = $1")
        .bind(login)
        .fetch_one(&mut *write.tx)
        .await?;
    Ok(row.try_get::<i64, _>("n")? > 0)
}
