//! The disposal review's records: closed families with the facts their periods count from,
//! legal holds, decisions to keep records longer, and what is left of a destroyed family.
//! Erasing a family is `store::destruction`.

use super::db::{Db, WriteTx};
use super::information_requests::Reach;
use super::row::{Day, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, ExtensionId, FamilyId, LegalHoldId, TeamId};
use chrono::NaiveDate;

/// A closed family, with what its retention periods count from.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ClosedFamily {
    pub id: FamilyId,
    pub name: String,
    pub case_ref: Option<String>,
    pub team_id: TeamId,
    pub authority_id: AuthorityId,
    pub team: String,
    pub closed_on: Option<Day>,
    pub youngest_child_born: Option<Day>,
    /// The latest day a reviewer kept the records until.
    pub kept_until: Option<Day>,
    pub holds: i64,
}

const CLOSED_FAMILY: &str = "SELECT f.id, f.name, f.case_ref, f.team_id, t.authority_id, t.name AS team, f.closed_on,
        (SELECT MAX(m.date_of_birth) FROM members m WHERE m.family_id = f.id AND m.kind = 'child') AS youngest_child_born,
        (SELECT e.kept_until FROM retention_extensions e WHERE e.family_id = f.id ORDER BY e.decided_at DESC, e.id LIMIT 1) AS kept_until,
        (SELECT COUNT(*) FROM legal_holds h WHERE h.family_id = f.id AND h.lifted_at IS NULL) AS holds
    FROM families f JOIN teams t ON t.id = f.team_id";

/// Every closed family within reach, oldest closure first. Open cases are never due, so they
/// are not read at all.
pub async fn closed_families(db: &Db, reach: Reach) -> Result<Vec<ClosedFamily>, StoreError> {
    let (condition, id) = reach.condition();
    Ok(sqlx::query_as(&format!(
        "{CLOSED_FAMILY} WHERE f.closed_on IS NOT NULL AND {condition} ORDER BY f.closed_on, f.name, f.id"
    ))
    .bind(id)
    .fetch_all(db.pool())
    .await?)
}

/// One family, open or closed, with the same facts.
pub async fn family(db: &Db, family: FamilyId) -> Result<Option<ClosedFamily>, StoreError> {
    Ok(sqlx::query_as(&format!("{CLOSED_FAMILY} WHERE f.id = $1"))
        .bind(family)
        .fetch_optional(db.pool())
        .await?)
}

/// The same, read under the write lock, so a destruction decides on what it erases.
pub async fn family_in(
    write: &mut WriteTx,
    family: FamilyId,
) -> Result<Option<ClosedFamily>, StoreError> {
    Ok(sqlx::query_as(&format!("{CLOSED_FAMILY} WHERE f.id = $1"))
        .bind(family)
        .fetch_optional(&mut *write.tx)
        .await?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HoldRow {
    pub id: LegalHoldId,
    pub reason: String,
    pub placed_by: String,
    pub placed_at: i64,
    pub lifted_by: Option<String>,
    pub lifted_at: Option<i64>,
    pub lift_reason: Option<String>,
}

pub async fn holds(db: &Db, family: FamilyId) -> Result<Vec<HoldRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT h.id, h.reason, p.display_name AS placed_by, h.placed_at, l.display_name AS lifted_by, h.lifted_at, h.lift_reason
         FROM legal_holds h JOIN accounts p ON p.id = h.placed_by LEFT JOIN accounts l ON l.id = h.lifted_by
         WHERE h.family_id = $1 ORDER BY h.placed_at DESC, h.id",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ExtensionRow {
    pub kept_until: Day,
    pub reason: String,
    pub decided_by: String,
    pub decided_at: i64,
}

pub async fn extensions(db: &Db, family: FamilyId) -> Result<Vec<ExtensionRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT e.kept_until, e.reason, a.display_name AS decided_by, e.decided_at
         FROM retention_extensions e JOIN accounts a ON a.id = e.decided_by
         WHERE e.family_id = $1 ORDER BY e.decided_at DESC, e.id",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?)
}

pub async fn place_hold(
    write: &mut WriteTx,
    id: LegalHoldId,
    family: FamilyId,
    reason: &str,
    by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO legal_holds (id, family_id, reason, placed_by, placed_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(family)
    .bind(reason)
    .bind(by)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// Lifts a hold still in place; whether there was one.
pub async fn lift_hold(
    write: &mut WriteTx,
    id: LegalHoldId,
    family: FamilyId,
    reason: &str,
    by: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "UPDATE legal_holds SET lifted_by = $1, lifted_at = $2, lift_reason = $3
         WHERE id = $4 AND family_id = $5 AND lifted_at IS NULL",
    )
    .bind(by)
    .bind(now)
    .bind(reason)
    .bind(id)
    .bind(family)
    .execute(&mut *write.tx)
    .await?
    .rows_affected()
        == 1)
}

pub async fn keep_longer(
    write: &mut WriteTx,
    id: ExtensionId,
    family: FamilyId,
    until: NaiveDate,
    reason: &str,
    by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO retention_extensions (id, family_id, kept_until, reason, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(family)
    .bind(Day(until))
    .bind(reason)
    .bind(by)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// What is left of a destroyed family.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct DestroyedRow {
    pub family_id: FamilyId,
    pub team: String,
    pub closed_on: Day,
    pub due_on: Day,
    pub rules: String,
    pub destroyed_by: String,
    pub destroyed_at: i64,
    pub erased_entries: i64,
}

pub async fn destroyed(db: &Db, reach: Reach, limit: i64) -> Result<Vec<DestroyedRow>, StoreError> {
    let (condition, id) = reach.condition();
    Ok(sqlx::query_as(&format!(
        "SELECT d.family_id, t.name AS team, d.closed_on, d.due_on, d.rules, a.display_name AS destroyed_by, d.destroyed_at, d.erased_entries
         FROM destroyed_families d JOIN teams t ON t.id = d.team_id JOIN accounts a ON a.id = d.destroyed_by
         WHERE {condition} ORDER BY d.destroyed_at DESC, d.family_id LIMIT {limit}"
    ))
    .bind(id)
    .fetch_all(db.pool())
    .await?)
}
