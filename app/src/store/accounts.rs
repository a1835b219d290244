//! Accounts: signing in and who the signed-in person is.

use super::db::{Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use crate::domain::role::StaffRole;
use crate::domain::viewer::{Viewer, ViewerKind};

/// What sign-in needs. Deliberately not `Serialize`: the hash never leaves the server.
pub struct Credentials {
    pub account_id: AccountId,
    pub password_hash: String,
    pub disabled: bool,
}

#[derive(sqlx::FromRow)]
struct CredentialsRow {
    id: AccountId,
    password_hash: String,
    disabled: Flag,
}

impl From<CredentialsRow> for Credentials {
    fn from(row: CredentialsRow) -> Self {
        Credentials {
            account_id: row.id,
            password_hash: row.password_hash,
            disabled: row.disabled.into(),
        }
    }
}

/// An account whose owner has not chosen a password yet is not one to sign in to: its login
/// is treated as unknown.
pub async fn credentials(db: &Db, login: &str) -> Result<Option<Credentials>, StoreError> {
    let row: Option<CredentialsRow> = sqlx::query_as(
        "SELECT id, password_hash, disabled FROM accounts WHERE login = $1 AND password_hash <> ''",
    )
    .bind(login)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(Credentials::from))
}

#[derive(sqlx::FromRow)]
struct ViewerRow {
    display_name: String,
    authority_id: AuthorityId,
    staff_role: Option<StaffRole>,
    team_id: Option<TeamId>,
    member_id: Option<MemberId>,
    case_access_granted: Flag,
    disabled: Flag,
    family_id: Option<FamilyId>,
}

/// The viewer for a live session, with any families they opened outside their team.
pub async fn viewer(db: &Db, account: AccountId, now: i64) -> Result<Option<Viewer>, StoreError> {
    let row: Option<ViewerRow> = sqlx::query_as(
        "SELECT a.display_name, a.authority_id, a.staff_role, a.team_id, a.member_id, a.case_access_granted, a.disabled, m.family_id
         FROM accounts a LEFT JOIN members m ON m.id = a.member_id WHERE a.id = $1",
    )
    .bind(account)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    if row.disabled.0 {
        return Ok(None);
    }
    let kind = match row.staff_role {
        Some(role) => ViewerKind::Staff {
            role,
            authority_id: row.authority_id,
            team_id: row.team_id,
            case_access_granted: row.case_access_granted.into(),
            opened_families: super::break_glass::active_for(db, account, now).await?,
        },
        None => {
            let (Some(member_id), Some(family_id)) = (row.member_id, row.family_id) else {
                return Ok(None);
            };
            ViewerKind::FamilyMember {
                family_id,
                member_id,
            }
        }
    };
    Ok(Some(Viewer {
        account_id: account,
        display_name: row.display_name,
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
    .bind(account.id)
    .bind(account.authority_id)
    .bind(account.login)
    .bind(account.display_name)
    .bind(account.password_hash)
    .bind(account.staff_role)
    .bind(account.team_id)
    .bind(account.member_id)
    .bind(account.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

pub async fn login_taken(write: &mut WriteTx, login: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) AS n FROM accounts WHERE login = $1")
        .bind(login)
        .fetch_one(&mut *write.tx)
        .await?;
    Ok(n > 0)
}

/// Folds failed sign-ins into the account's count, which its owner is told at the next sign-in.
pub async fn add_failed_sign_ins(
    write: &mut WriteTx,
    account: AccountId,
    count: i64,
    last: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE accounts SET failed_sign_ins = failed_sign_ins + $2,
             last_failed_sign_in_at = CASE WHEN last_failed_sign_in_at IS NULL OR last_failed_sign_in_at < $3 THEN $3 ELSE last_failed_sign_in_at END
         WHERE id = $1",
    )
    .bind(account)
    .bind(count)
    .bind(last)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// The failed sign-ins counted since the last sign-in, and when the last was; the count starts
/// again from nothing.
pub async fn take_failed_sign_ins(
    db: &Db,
    account: AccountId,
) -> Result<(i64, Option<i64>), StoreError> {
    let found: Option<(i64, Option<i64>)> = sqlx::query_as(
        "SELECT failed_sign_ins, last_failed_sign_in_at FROM accounts WHERE id = $1",
    )
    .bind(account)
    .fetch_optional(db.pool())
    .await?;
    let (count, last) = found.unwrap_or((0, None));
    if count > 0 {
        // Subtracts what was read, so failures folded in meanwhile are kept for next time.
        sqlx::query("UPDATE accounts SET failed_sign_ins = failed_sign_ins - $2 WHERE id = $1")
            .bind(account)
            .bind(count)
            .execute(db.pool())
            .await?;
    }
    Ok((count, last))
}

/// What a new password is checked against, besides the dictionary: the account's own words.
pub async fn login_and_name(
    db: &Db,
    account: AccountId,
) -> Result<Option<(String, String, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT login, display_name, password_hash FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_optional(db.pool())
            .await?,
    )
}

pub async fn set_password(
    write: &mut WriteTx,
    account: AccountId,
    password_hash: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
        .bind(account)
        .bind(password_hash)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}
