//! The council's teams, with how many staff and families each holds.

use super::db::{Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, TeamId};
use crate::domain::role::StaffRole;
use crate::page_data::administration::{
    FamilyName, TeamChoice, TeamDetail, TeamMember, TeamSummary,
};

/// Adds a team; saving the same id twice (a retried request) changes nothing. A name already
/// used in the council is a unique violation for the caller to explain.
pub async fn create(
    write: &mut WriteTx,
    id: TeamId,
    authority: AuthorityId,
    name: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO teams (id, authority_id, name) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(authority)
    .bind(name)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn rename(write: &mut WriteTx, team: TeamId, name: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE teams SET name = $2 WHERE id = $1")
        .bind(team)
        .bind(name)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

/// The team's council and name.
pub async fn find(db: &Db, team: TeamId) -> Result<Option<(AuthorityId, String)>, StoreError> {
    Ok(
        sqlx::query_as("SELECT authority_id, name FROM teams WHERE id = $1")
            .bind(team)
            .fetch_optional(db.pool())
            .await?,
    )
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: TeamId,
    name: String,
    staff: i64,
    families: i64,
}

pub async fn list(db: &Db, authority: AuthorityId) -> Result<Vec<TeamSummary>, StoreError> {
    let rows: Vec<SummaryRow> = sqlx::query_as(
        "SELECT t.id, t.name,
             (SELECT COUNT(*) FROM accounts a WHERE a.team_id = t.id AND a.disabled = 0) AS staff,
             (SELECT COUNT(*) FROM families f WHERE f.team_id = t.id AND f.closed_on IS NULL) AS families
         FROM teams t WHERE t.authority_id = $1 ORDER BY t.name",
    )
    .bind(authority)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| TeamSummary {
            id: r.id,
            name: r.name,
            staff: r.staff,
            families: r.families,
        })
        .collect())
}

pub async fn choices(db: &Db, authority: AuthorityId) -> Result<Vec<TeamChoice>, StoreError> {
    let rows: Vec<(TeamId, String)> =
        sqlx::query_as("SELECT id, name FROM teams WHERE authority_id = $1 ORDER BY name")
            .bind(authority)
            .fetch_all(db.pool())
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| TeamChoice { id, name })
        .collect())
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: AccountId,
    display_name: String,
    staff_role: StaffRole,
    disabled: Flag,
}

/// The team's families and staff; `name` is the team's, already read by the caller.
pub async fn detail(db: &Db, team: TeamId, name: String) -> Result<TeamDetail, StoreError> {
    let families: Vec<(FamilyId, String)> = sqlx::query_as(
        "SELECT id, name FROM families WHERE team_id = $1 AND closed_on IS NULL ORDER BY name",
    )
    .bind(team)
    .fetch_all(db.pool())
    .await?;
    let rows: Vec<MemberRow> = sqlx::query_as(
        "SELECT id, display_name, staff_role, disabled FROM accounts
         WHERE team_id = $1 AND staff_role IS NOT NULL ORDER BY disabled, display_name",
    )
    .bind(team)
    .fetch_all(db.pool())
    .await?;
    Ok(TeamDetail {
        id: team,
        name,
        families: families
            .into_iter()
            .map(|(id, name)| FamilyName { id, name })
            .collect(),
        staff: rows
            .into_iter()
            .map(|r| TeamMember {
                id: r.id,
                display_name: r.display_name,
                role: r.staff_role,
                disabled: r.disabled.into(),
            })
            .collect(),
    })
}
