//! The trio as findings about the adults of a family.

use super::db::WriteTx;
use super::row::{Day, StoreError};
use crate::domain::family::IdentifiedBy;
use crate::domain::findings::{Concern, Finding};
use crate::domain::ids::{FamilyId, FindingId, MemberId};

/// The columns `FindingRow` reads, from `findings fi`.
pub const SELECT: &str = "SELECT fi.id, fi.family_id, fi.member_id, fi.concern, fi.identified_by, fi.identified_on, fi.ended_on, fi.version FROM findings fi";

#[derive(sqlx::FromRow)]
pub struct FindingRow {
    id: FindingId,
    family_id: FamilyId,
    member_id: MemberId,
    concern: Concern,
    identified_by: IdentifiedBy,
    identified_on: Day,
    ended_on: Option<Day>,
    version: i64,
}

impl FindingRow {
    pub fn into_parts(self) -> (FamilyId, Finding) {
        (
            self.family_id,
            Finding {
                id: self.id,
                member_id: self.member_id,
                concern: self.concern,
                identified_by: self.identified_by,
                identified_on: self.identified_on.into(),
                ended_on: self.ended_on.map(Into::into),
                version: self.version,
            },
        )
    }
}

pub async fn insert(
    write: &mut WriteTx,
    family: FamilyId,
    finding: &Finding,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO findings (id, family_id, member_id, concern, identified_by, identified_on, ended_on, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8) ON CONFLICT (id) DO NOTHING",
    )
    .bind(finding.id)
    .bind(family)
    .bind(finding.member_id)
    .bind(finding.concern)
    .bind(finding.identified_by)
    .bind(Day(finding.identified_on))
    .bind(finding.ended_on.map(Day))
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves `finding` over its `version`, within its family.
pub async fn update(
    write: &mut WriteTx,
    family: FamilyId,
    finding: &Finding,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE findings SET member_id = $1, concern = $2, identified_by = $3, identified_on = $4, ended_on = $5, version = version + 1, updated_at = $6
         WHERE id = $7 AND family_id = $8 AND version = $9",
    )
    .bind(finding.member_id)
    .bind(finding.concern)
    .bind(finding.identified_by)
    .bind(Day(finding.identified_on))
    .bind(finding.ended_on.map(Day))
    .bind(now)
    .bind(finding.id)
    .bind(family)
    .bind(finding.version)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
