//! Families, their members, the trio and who is allocated.

use super::db::{Db, WriteTx};
use super::row::{Day, StoreError};
use crate::domain::family::{
    Allocation, IdentifiedBy, LegalStatus, LegalStatusKind, MemberKind, ProtectionCategory,
    TrioFinding, Vulnerability,
};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use crate::domain::role::StaffRole;
use chrono::NaiveDate;
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
/// A family's team and that team's council: what the access policy needs to know of it.
#[derive(Clone, Copy, Debug, sqlx::FromRow)]
pub struct FamilyTeam {
    pub team: TeamId,
    pub authority: AuthorityId,
}

impl FamilyTeam {
    pub fn target(&self, family: FamilyId) -> crate::domain::access::Target {
        crate::domain::access::Target::Family {
            family_id: family,
            team_id: self.team,
            authority_id: self.authority,
        }
    }
}

pub async fn team_of(db: &Db, family: FamilyId) -> Result<Option<FamilyTeam>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT f.team_id AS team, t.authority_id AS authority FROM families f JOIN teams t ON t.id = f.team_id WHERE f.id = $1",
    )
    .bind(family)
    .fetch_optional(db.pool())
    .await?)
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

#[derive(sqlx::FromRow)]
struct PlaceRow {
    family_id: FamilyId,
    team_id: TeamId,
    authority_id: AuthorityId,
    kind: MemberKind,
    given_name: String,
    family_name: String,
    accounts: i64,
}

impl From<PlaceRow> for MemberPlace {
    fn from(row: PlaceRow) -> Self {
        MemberPlace {
            authority_id: row.authority_id,
            family_id: row.family_id,
            team_id: row.team_id,
            kind: row.kind,
            full_name: format!("{} {}", row.given_name, row.family_name),
            has_account: row.accounts > 0,
        }
    }
}

pub async fn place_of(db: &Db, member: MemberId) -> Result<Option<MemberPlace>, StoreError> {
    let row: Option<PlaceRow> = sqlx::query_as(
        "SELECT m.family_id, f.team_id, t.authority_id, m.kind, m.given_name, m.family_name, (SELECT COUNT(*) FROM accounts a WHERE a.member_id = m.id) AS accounts
         FROM members m JOIN families f ON f.id = m.family_id JOIN teams t ON t.id = f.team_id WHERE m.id = $1",
    )
    .bind(member)
    .fetch_optional(db.pool())
    .await?;
    Ok(row.map(MemberPlace::from))
}

/// Every family of a team with everything a caseload shows, in four queries however many families.
pub async fn for_team(db: &Db, team: TeamId) -> Result<Vec<StoredFamily>, StoreError> {
    load(db, Which::Team(team)).await
}

pub async fn one(db: &Db, family: FamilyId) -> Result<Option<StoredFamily>, StoreError> {
    Ok(load(db, Which::Family(family)).await?.pop())
}

/// Which families `load` reads.
#[derive(Clone, Copy)]
enum Which {
    Team(TeamId),
    Family(FamilyId),
}

impl Which {
    /// The column of `families f` to match: one of two fixed names, never input.
    fn column(self) -> &'static str {
        match self {
            Which::Team(_) => "f.team_id",
            Which::Family(_) => "f.id",
        }
    }

    fn bind_to<'q, O>(
        self,
        query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
        match self {
            Which::Team(team) => query.bind(team),
            Which::Family(family) => query.bind(family),
        }
    }
}

#[derive(sqlx::FromRow)]
struct FamilyRow {
    id: FamilyId,
    team_id: TeamId,
    team_name: String,
    name: String,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    id: MemberId,
    family_id: FamilyId,
    kind: MemberKind,
    given_name: String,
    family_name: String,
    relationship: String,
    date_of_birth: Option<Day>,
    legal_status: Option<LegalStatusKind>,
    protection_category: Option<ProtectionCategory>,
    accounts: i64,
}

impl From<MemberRow> for StoredMember {
    fn from(row: MemberRow) -> Self {
        StoredMember {
            id: row.id,
            family_id: row.family_id,
            kind: row.kind,
            given_name: row.given_name,
            family_name: row.family_name,
            relationship: row.relationship,
            date_of_birth: row.date_of_birth.map(NaiveDate::from),
            // A category is only read beside a legal status, as it is only written with one.
            legal_status: row.legal_status.map(|kind| LegalStatus {
                kind,
                category: row.protection_category,
            }),
            has_account: row.accounts > 0,
        }
    }
}

#[derive(sqlx::FromRow)]
struct TrioRow {
    family_id: FamilyId,
    vulnerability: Vulnerability,
    identified_by: IdentifiedBy,
    identified_on: Day,
}

impl From<TrioRow> for TrioFinding {
    fn from(row: TrioRow) -> Self {
        TrioFinding {
            vulnerability: row.vulnerability,
            identified_by: row.identified_by,
            identified_on: row.identified_on.into(),
        }
    }
}

#[derive(sqlx::FromRow)]
struct AllocationRow {
    family_id: FamilyId,
    role: StaffRole,
    worker_id: AccountId,
    display_name: String,
}

impl From<AllocationRow> for Allocation {
    fn from(row: AllocationRow) -> Self {
        Allocation {
            role: row.role,
            worker_id: row.worker_id,
            worker_name: row.display_name,
        }
    }
}

/// The families `which` names, with their members, trio and allocations.
async fn load(db: &Db, which: Which) -> Result<Vec<StoredFamily>, StoreError> {
    let column = which.column();
    let families: Vec<FamilyRow> = which
        .bind_to(sqlx::query_as(&format!(
            "SELECT f.id, f.team_id, t.name AS team_name, f.name, f.created_at FROM families f JOIN teams t ON t.id = f.team_id WHERE {column} = $1 ORDER BY f.name"
        )))
        .fetch_all(db.pool())
        .await?;
    let members: Vec<MemberRow> = which
        .bind_to(sqlx::query_as(&format!(
            "{MEMBER_SELECT} WHERE {column} = $1 ORDER BY m.family_id, m.position"
        )))
        .fetch_all(db.pool())
        .await?;
    let trio: Vec<TrioRow> = which
        .bind_to(sqlx::query_as(&format!(
            "SELECT tf.family_id, tf.vulnerability, tf.identified_by, tf.identified_on FROM trio_findings tf JOIN families f ON f.id = tf.family_id WHERE {column} = $1"
        )))
        .fetch_all(db.pool())
        .await?;
    let allocations: Vec<AllocationRow> = which
        .bind_to(sqlx::query_as(&format!(
            "{ALLOCATION_SELECT} WHERE {column} = $1"
        )))
        .fetch_all(db.pool())
        .await?;
    Ok(assemble(families, members, trio, allocations))
}

const MEMBER_SELECT: &str = "SELECT m.id, m.family_id, m.kind, m.given_name, m.family_name, m.relationship, m.date_of_birth, m.legal_status, m.protection_category,
    (SELECT COUNT(*) FROM accounts a WHERE a.member_id = m.id) AS accounts
    FROM members m JOIN families f ON f.id = m.family_id";

const ALLOCATION_SELECT: &str = "SELECT al.family_id, al.role, al.worker_id, a.display_name
    FROM allocations al JOIN accounts a ON a.id = al.worker_id JOIN families f ON f.id = al.family_id";

fn assemble(
    families: Vec<FamilyRow>,
    members: Vec<MemberRow>,
    trio: Vec<TrioRow>,
    allocations: Vec<AllocationRow>,
) -> Vec<StoredFamily> {
    let mut members_by: HashMap<FamilyId, Vec<StoredMember>> = HashMap::new();
    for row in members {
        members_by
            .entry(row.family_id)
            .or_default()
            .push(row.into());
    }
    let mut trio_by: HashMap<FamilyId, Vec<TrioFinding>> = HashMap::new();
    for row in trio {
        trio_by.entry(row.family_id).or_default().push(row.into());
    }
    let mut allocations_by: HashMap<FamilyId, Vec<Allocation>> = HashMap::new();
    for row in allocations {
        allocations_by
            .entry(row.family_id)
            .or_default()
            .push(row.into());
    }
    families
        .into_iter()
        .map(|row| {
            let mut trio = trio_by.remove(&row.id).unwrap_or_default();
            trio.sort_by_key(|f| {
                Vulnerability::ALL
                    .iter()
                    .position(|v| *v == f.vulnerability)
            });
            let mut allocations = allocations_by.remove(&row.id).unwrap_or_default();
            allocations.sort_by_key(|a| StaffRole::ALLOCATED.iter().position(|r| *r == a.role));
            StoredFamily {
                id: row.id,
                team_id: row.team_id,
                team_name: row.team_name,
                name: row.name,
                members: members_by.remove(&row.id).unwrap_or_default(),
                trio,
                allocations,
                opened_on: chrono::DateTime::from_timestamp_millis(row.created_at)
                    .map(|at| at.date_naive())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The families a worker is allocated to, in name order.
pub async fn allocated_to(db: &Db, worker: AccountId) -> Result<Vec<StoredFamily>, StoreError> {
    let ids: Vec<FamilyId> = sqlx::query_scalar(
        "SELECT DISTINCT f.id, f.name FROM allocations al JOIN families f ON f.id = al.family_id WHERE al.worker_id = $1 ORDER BY f.name",
    )
    .bind(worker)
    .fetch_all(db.pool())
    .await?;
    let mut families = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(family) = one(db, id).await? {
            families.push(family);
        }
    }
    Ok(families)
}

pub async fn insert_family(
    write: &mut WriteTx,
    id: FamilyId,
    team: TeamId,
    name: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO families (id, team_id, name, created_at) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(team)
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
    .bind(member.id)
    .bind(member.family_id)
    .bind(position)
    .bind(member.kind)
    .bind(&member.given_name)
    .bind(&member.family_name)
    .bind(&member.relationship)
    .bind(member.date_of_birth.map(Day))
    .bind(member.legal_status.map(|s| s.kind))
    .bind(member.legal_status.and_then(|s| s.category))
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
        .bind(family)
        .bind(finding.vulnerability)
        .bind(finding.identified_by)
        .bind(Day(finding.identified_on))
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
    super::allocations::replace(write, family, role, Some(worker), None, now).await
}
