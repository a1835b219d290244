//! Families, their members, the trio and who is allocated.

use super::db::{Db, WriteTx};
use super::row::{coded, date, uuid, StoreError};
use crate::domain::family::{
    Allocation, IdentifiedBy, LegalStatus, LegalStatusKind, MemberKind, ProtectionCategory,
    TrioFinding, Vulnerability,
};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use crate::domain::role::StaffRole;
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;
use std::collections::HashMap;

/// A member as stored; ages are worked out by the caller for the day it is asked.
#[derive(Clone, Debug)]
pub struct StoredMember {
    pub id: MemberId,
    pub family_id: FamilyId,
    pub kind: MemberKind,
    pub given_name: String,
    pub family_name: String,
    pub relationship: String,
    pub date_of_birth: Option<NaiveDate>,
    pub legal_status: Option<LegalStatus>,
    pub has_account: bool,
}

#[derive(Clone, Debug)]
pub struct StoredFamily {
    pub id: FamilyId,
    pub team_id: TeamId,
    pub team_name: String,
    pub name: String,
    pub members: Vec<StoredMember>,
    pub trio: Vec<TrioFinding>,
    pub allocations: Vec<Allocation>,
    /// When the family was opened in Hearth: where its plan's dates start by default.
    pub opened_on: NaiveDate,
}

/// The team a family belongs to: what the access policy needs before anything is read.
pub async fn team_of(db: &Db, family: FamilyId) -> Result<Option<TeamId>, StoreError> {
    let row = sqlx::query("SELECT team_id FROM families WHERE id = $1")
        .bind(family.to_string())
        .fetch_optional(db.pool())
        .await?;
    row.map(|row| {
        Ok(TeamId(uuid(
            "families.team_id",
            &row.try_get::<String, _>("team_id")?,
        )?))
    })
    .transpose()
}

/// Where a member belongs, for the access policy.
pub struct MemberPlace {
    pub authority_id: AuthorityId,
    pub family_id: FamilyId,
    pub team_id: TeamId,
    pub kind: MemberKind,
    pub full_name: String,
    pub has_account: bool,
}

pub async fn place_of(db: &Db, member: MemberId) -> Result<Option<MemberPlace>, StoreError> {
    let row = sqlx::query(
        "SELECT m.family_id, f.team_id, t.authority_id, m.kind, m.given_name, m.family_name, (SELECT COUNT(*) FROM accounts a WHERE a.member_id = m.id) AS accounts
         FROM members m JOIN families f ON f.id = m.family_id JOIN teams t ON t.id = f.team_id WHERE m.id = $1",
    )
    .bind(member.to_string())
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok(MemberPlace {
            authority_id: AuthorityId(uuid(
                "teams.authority_id",
                &row.try_get::<String, _>("authority_id")?,
            )?),
            has_account: row.try_get::<i64, _>("accounts")? > 0,
            family_id: FamilyId(uuid(
                "members.family_id",
                &row.try_get::<String, _>("family_id")?,
            )?),
            team_id: TeamId(uuid(
                "families.team_id",
                &row.try_get::<String, _>("team_id")?,
            )?),
            kind: coded(
                "members.kind",
                &row.try_get::<String, _>("kind")?,
                MemberKind::from_code,
            )?,
            full_name: format!(
                "{} {}",
                row.try_get::<String, _>("given_name")?,
                row.try_get::<String, _>("family_name")?
            ),
        })
    })
    .transpose()
}

/// Every family of a team with everything a caseload shows, in four queries however many families.
pub async fn for_team(db: &Db, team: TeamId) -> Result<Vec<StoredFamily>, StoreError> {
    load(db, "f.team_id", &team.to_string()).await
}

pub async fn one(db: &Db, family: FamilyId) -> Result<Option<StoredFamily>, StoreError> {
    Ok(load(db, "f.id", &family.to_string()).await?.pop())
}

/// The families whose `column` (of `families f`) equals `value`, with their members, trio and
/// allocations. `column` is one of the two fixed names above, never input.
async fn load(db: &Db, column: &str, value: &str) -> Result<Vec<StoredFamily>, StoreError> {
    let families = sqlx::query(&format!(
        "SELECT f.id, f.team_id, t.name AS team_name, f.name, f.created_at FROM families f JOIN teams t ON t.id = f.team_id WHERE {column} = $1 ORDER BY f.name"
    ))
    .bind(value)
    .fetch_all(db.pool())
    .await?;
    let members = sqlx::query(&format!(
        "{MEMBER_SELECT} WHERE {column} = $1 ORDER BY m.family_id, m.position"
    ))
    .bind(value)
    .fetch_all(db.pool())
    .await?;
    let trio = sqlx::query(&format!(
        "SELECT tf.family_id, tf.vulnerability, tf.identified_by, tf.identified_on FROM trio_findings tf JOIN families f ON f.id = tf.family_id WHERE {column} = $1"
    ))
    .bind(value)
    .fetch_all(db.pool())
    .await?;
    let allocations = sqlx::query(&format!("{ALLOCATION_SELECT} WHERE {column} = $1"))
        .bind(value)
        .fetch_all(db.pool())
        .await?;
    assemble(families, members, trio, allocations)
}

const MEMBER_SELECT: &str = "SELECT m.id, m.family_id, m.kind, m.given_name, m.family_name, m.relationship, m.date_of_birth, m.legal_status, m.protection_category,
    (SELECT COUNT(*) FROM accounts a WHERE a.member_id = m.id) AS accounts
    FROM members m JOIN families f ON f.id = m.family_id";

const ALLOCATION_SELECT: &str = "SELECT al.family_id, al.role, al.worker_id, a.display_name
    FROM allocations al JOIN accounts a ON a.id = al.worker_id JOIN families f ON f.id = al.family_id";

fn assemble(
    families: Vec<AnyRow>,
    members: Vec<AnyRow>,
    trio: Vec<AnyRow>,
    allocations: Vec<AnyRow>,
) -> Result<Vec<StoredFamily>, StoreError> {
    let mut members_by: HashMap<String, Vec<StoredMember>> = HashMap::new();
    for row in members {
        let member = member_from(&row)?;
        members_by
            .entry(member.family_id.to_string())
            .or_default()
            .push(member);
    }
    let mut trio_by: HashMap<String, Vec<TrioFinding>> = HashMap::new();
    for row in trio {
        let family: String = row.try_get("family_id")?;
        trio_by.entry(family).or_default().push(TrioFinding {
            vulnerability: coded(
                "trio_findings.vulnerability",
                &row.try_get::<String, _>("vulnerability")?,
                Vulnerability::from_code,
            )?,
            identified_by: coded(
                "trio_findings.identified_by",
                &row.try_get::<String, _>("identified_by")?,
                IdentifiedBy::from_code,
            )?,
            identified_on: date(
                "trio_findings.identified_on",
                &row.try_get::<String, _>("identified_on")?,
            )?,
        });
    }
    let mut allocations_by: HashMap<String, Vec<Allocation>> = HashMap::new();
    for row in allocations {
        let family: String = row.try_get("family_id")?;
        allocations_by.entry(family).or_default().push(Allocation {
            role: coded(
                "allocations.role",
                &row.try_get::<String, _>("role")?,
                StaffRole::from_code,
            )?,
            worker_id: AccountId(uuid(
                "allocations.worker_id",
                &row.try_get::<String, _>("worker_id")?,
            )?),
            worker_name: row.try_get("display_name")?,
        });
    }
    families
        .iter()
        .map(|row| {
            let id: String = row.try_get("id")?;
            let mut trio = trio_by.remove(&id).unwrap_or_default();
            trio.sort_by_key(|f| {
                Vulnerability::ALL
                    .iter()
                    .position(|v| *v == f.vulnerability)
            });
            let mut allocations = allocations_by.remove(&id).unwrap_or_default();
            allocations.sort_by_key(|a| StaffRole::ALLOCATED.iter().position(|r| *r == a.role));
            Ok(StoredFamily {
                id: FamilyId(uuid("families.id", &id)?),
                team_id: TeamId(uuid(
                    "families.team_id",
                    &row.try_get::<String, _>("team_id")?,
                )?),
                team_name: row.try_get("team_name")?,
                name: row.try_get("name")?,
                members: members_by.remove(&id).unwrap_or_default(),
                trio,
                allocations,
                opened_on: chrono::DateTime::from_timestamp_millis(row.try_get("created_at")?)
                    .map(|at| at.date_naive())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// The families a worker is allocated to, in name order.
pub async fn allocated_to(db: &Db, worker: AccountId) -> Result<Vec<StoredFamily>, StoreError> {
    let rows = sqlx::query(
        "SELECT DISTINCT f.id, f.name FROM allocations al JOIN families f ON f.id = al.family_id WHERE al.worker_id = $1 ORDER BY f.name",
    )
    .bind(worker.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut families = Vec::with_capacity(rows.len());
    for row in rows {
        let id = FamilyId(uuid("families.id", &row.try_get::<String, _>("id")?)?);
        if let Some(family) = one(db, id).await? {
            families.push(family);
        }
    }
    Ok(families)
}

fn member_from(row: &AnyRow) -> Result<StoredMember, StoreError> {
    let legal_status: Option<String> = row.try_get("legal_status")?;
    let category: Option<String> = row.try_get("protection_category")?;
    let date_of_birth: Option<String> = row.try_get("date_of_birth")?;
    Ok(StoredMember {
        id: MemberId(uuid("members.id", &row.try_get::<String, _>("id")?)?),
        family_id: FamilyId(uuid(
            "members.family_id",
            &row.try_get::<String, _>("family_id")?,
        )?),
        kind: coded(
            "members.kind",
            &row.try_get::<String, _>("kind")?,
            MemberKind::from_code,
        )?,
        given_name: row.try_get("given_name")?,
        family_name: row.try_get("family_name")?,
        relationship: row.try_get("relationship")?,
        date_of_birth: date_of_birth
            .map(|d| date("members.date_of_birth", &d))
            .transpose()?,
        legal_status: legal_status
            .map(|kind| -> Result<LegalStatus, StoreError> {
                Ok(LegalStatus {
                    kind: coded("members.legal_status", &kind, LegalStatusKind::from_code)?,
                    category: category
                        .as_deref()
                        .map(|c| {
                            coded(
                                "members.protection_category",
                                c,
                                ProtectionCategory::from_code,
                            )
                        })
                        .transpose()?,
                })
            })
            .transpose()?,
        has_account: row.try_get::<i64, _>("accounts")? > 0,
    })
}

pub async fn insert_family(
    write: &mut WriteTx,
    id: FamilyId,
    team: TeamId,
    name: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO families (id, team_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id.to_string())
        .bind(team.to_string())
        .bind(name)
        .bind(now)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn insert_member(
    write: &mut WriteTx,
    member: &StoredMember,
    position: i32,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO members (id, family_id, position, kind, given_name, family_name, relationship, date_of_birth, legal_status, protection_category)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(member.id.to_string())
    .bind(member.family_id.to_string())
    .bind(position)
    .bind(member.kind.code())
    .bind(&member.given_name)
    .bind(&member.family_name)
    .bind(&member.relationship)
    .bind(member.date_of_birth.map(|d| d.format("%Y-%m-%d").to_string()))
    .bind(member.legal_status.map(|s| s.kind.code()))
    .bind(member.legal_status.and_then(|s| s.category).map(ProtectionCategory::code))
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

pub async fn insert_trio_finding(
    write: &mut WriteTx,
    family: FamilyId,
    finding: &TrioFinding,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO trio_findings (family_id, vulnerability, identified_by, identified_on) VALUES ($1, $2, $3, $4)")
        .bind(family.to_string())
        .bind(finding.vulnerability.code())
        .bind(finding.identified_by.code())
        .bind(finding.identified_on.format("%Y-%m-%d").to_string())
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

pub async fn allocate(
    write: &mut WriteTx,
    family: FamilyId,
    role: StaffRole,
    worker: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO allocations (family_id, role, worker_id, allocated_at) VALUES ($1, $2, $3, $4)")
        .bind(family.to_string())
        .bind(role.code())
        .bind(worker.to_string())
        .bind(now)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}
