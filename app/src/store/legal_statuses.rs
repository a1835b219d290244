//! Each child's legal status history: one row per period.

use super::db::WriteTx;
use super::row::{Day, StoreError};
use crate::domain::family::{LegalStatusKind, ProtectionCategory};
use crate::domain::ids::{FamilyId, LegalStatusId, MemberId};
use crate::domain::legal_status::StatusPeriod;

/// The columns `StatusRow` reads, from `legal_statuses ls`.
pub const SELECT: &str = "SELECT ls.id, ls.member_id, ls.kind, ls.initial_category, ls.latest_category, ls.started_on, ls.ended_on, ls.version FROM legal_statuses ls";

#[derive(sqlx::FromRow)]
pub struct StatusRow {
    id: LegalStatusId,
    member_id: MemberId,
    kind: LegalStatusKind,
    initial_category: Option<ProtectionCategory>,
    latest_category: Option<ProtectionCategory>,
    started_on: Day,
    ended_on: Option<Day>,
    version: i64,
}

impl From<StatusRow> for StatusPeriod {
    fn from(row: StatusRow) -> Self {
        StatusPeriod {
            id: row.id,
            member_id: row.member_id,
            kind: row.kind,
            initial_category: row.initial_category,
            latest_category: row.latest_category,
            started_on: row.started_on.into(),
            ended_on: row.ended_on.map(Into::into),
            version: row.version,
        }
    }
}

/// A child's periods, read under the write lock so the census rules are checked against what
/// no other save can change meanwhile.
pub async fn for_member_in(
    write: &mut WriteTx,
    member: MemberId,
) -> Result<Vec<StatusPeriod>, StoreError> {
    let rows: Vec<StatusRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE ls.member_id = $1 ORDER BY ls.started_on"
    ))
    .bind(member)
    .fetch_all(&mut *write.tx)
    .await?;
    Ok(rows.into_iter().map(StatusPeriod::from).collect())
}

pub async fn insert(
    write: &mut WriteTx,
    family: FamilyId,
    period: &StatusPeriod,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO legal_statuses (id, family_id, member_id, kind, initial_category, latest_category, started_on, ended_on, version, created_at, updated_at, authority_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, (SELECT authority_id FROM members WHERE id = $3))
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(period.id)
    .bind(family)
    .bind(period.member_id)
    .bind(period.kind)
    .bind(period.initial_category)
    .bind(period.latest_category)
    .bind(Day(period.started_on))
    .bind(period.ended_on.map(Day))
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves `period` over its `version`; its child and kind never change.
pub async fn update(
    write: &mut WriteTx,
    period: &StatusPeriod,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE legal_statuses SET initial_category = $1, latest_category = $2, started_on = $3, ended_on = $4, version = version + 1, updated_at = $5
         WHERE id = $6 AND member_id = $7 AND kind = $8 AND version = $9",
    )
    .bind(period.initial_category)
    .bind(period.latest_category)
    .bind(Day(period.started_on))
    .bind(period.ended_on.map(Day))
    .bind(now)
    .bind(period.id)
    .bind(period.member_id)
    .bind(period.kind)
    .bind(period.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
