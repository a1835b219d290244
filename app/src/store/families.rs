//! Families, their members with each child's legal status history, the trio and who is
//! allocated.

use super::db::{Db, WriteTx};
use super::row::{Day, StoreError};
use crate::domain::closure::{Closed, ClosureReason};
use crate::domain::family::{Allocation, LegalStatus, MemberKind, TrioFinding};
use crate::domain::findings::{summarise, Finding};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, MemberId, TeamId};
use crate::domain::legal_status::{self, StatusPeriod};
use crate::domain::role::StaffRole;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A member as stored; ages and today's status are worked out for the day they are asked.
#[derive(Clone, Debug)]
pub struct StoredMember {
    pub id: MemberId,
    pub family_id: FamilyId,
    pub kind: MemberKind,
    pub given_name: String,
    pub family_name: String,
    pub relationship: String,
    pub date_of_birth: Option<NaiveDate>,
    pub expected_on: Option<NaiveDate>,
    pub person_ref: Option<String>,
    pub left_on: Option<NaiveDate>,
    pub version: i64,
    /// A child's legal status history, oldest first.
    pub statuses: Vec<StatusPeriod>,
    pub has_account: bool,
}

impl StoredMember {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }

    /// The status a page shows for the child on `day`.
    pub fn legal_status(&self, day: NaiveDate) -> Option<LegalStatus> {
        legal_status::current(&self.statuses, day)
    }

    /// Whether they still live in the household on `day`.
    pub fn in_household_on(&self, day: NaiveDate) -> bool {
        self.left_on.is_none_or(|left| day < left)
    }
}

#[derive(Clone, Debug)]
pub struct StoredFamily {
    pub id: FamilyId,
    pub team_id: TeamId,
    pub team_name: String,
    pub name: String,
    pub members: Vec<StoredMember>,
    /// Every finding, open and ended.
    pub findings: Vec<Finding>,
    /// The trio today: from the open findings.
    pub trio: Vec<TrioFinding>,
    pub allocations: Vec<Allocation>,
    /// When the family was opened in Hearth: where its plan's dates start by default.
    pub opened_on: NaiveDate,
    /// Set while the case is closed.
    pub closed: Option<Closed>,
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

/// Every open family of a team with everything a caseload shows, in five queries however many
/// families.
pub async fn for_team(db: &Db, team: TeamId) -> Result<Vec<StoredFamily>, StoreError> {
    load(db, FamilySet::Team(team)).await
}

pub async fn one(db: &Db, family: FamilyId) -> Result<Option<StoredFamily>, StoreError> {
    Ok(load(db, FamilySet::Family(family)).await?.pop())
}

/// A page of a long list: how many lines, after how many.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub limit: i64,
    pub offset: i64,
}

impl From<crate::domain::paging::Paging> for Window {
    fn from(page: crate::domain::paging::Paging) -> Self {
        Window {
            limit: i64::from(crate::domain::paging::PAGE_SIZE),
            offset: i64::from(page.offset()),
        }
    }
}

/// A set of families, named by a few parameters: what `load` and `due_facts` read.
#[derive(Clone, Copy)]
pub enum FamilySet {
    /// A team's open cases.
    Team(TeamId),
    /// A page of a team's open cases, in name order.
    TeamPage(TeamId, Window),
    /// A worker's own open cases in a team, and a page of the team's others (those the worker
    /// is not allocated to, in name order): a worker's caseload in one read.
    MineAndOthersPage(TeamId, AccountId, Window),
    Family(FamilyId),
    /// The open cases a worker is allocated to.
    AllocatedTo(AccountId),
}

/// A page of a team's open cases ($1) in the order its lists show them: $2 of them after $3.
const TEAM_PAGE: &str = "f.id IN (SELECT p.id FROM families p WHERE p.team_id = $1 AND p.closed_on IS NULL ORDER BY p.name, p.id LIMIT $2 OFFSET $3)";
/// A worker's ($4) own open cases in the team, and a page of the team's others as above.
const MINE_AND_OTHERS_PAGE: &str = "f.id IN (
    SELECT w.family_id FROM allocations w JOIN families q ON q.id = w.family_id
        WHERE w.worker_id = $4 AND q.team_id = $1 AND q.closed_on IS NULL
    UNION ALL
    SELECT page.id FROM (SELECT p.id FROM families p WHERE p.team_id = $1 AND p.closed_on IS NULL
        AND p.id NOT IN (SELECT w.family_id FROM allocations w WHERE w.worker_id = $4)
        ORDER BY p.name, p.id LIMIT $2 OFFSET $3) page)";

impl FamilySet {
    /// The condition on `families f`: fixed text whose parameters are the set's own, never
    /// input. A team's list holds its open cases only: a closed case leaves every caseload.
    pub(super) fn condition(self) -> &'static str {
        match self {
            FamilySet::Team(_) => "f.team_id = $1 AND f.closed_on IS NULL",
            FamilySet::TeamPage(..) => TEAM_PAGE,
            FamilySet::MineAndOthersPage(..) => MINE_AND_OTHERS_PAGE,
            FamilySet::Family(_) => "f.id = $1",
            FamilySet::AllocatedTo(_) => {
                "f.closed_on IS NULL AND f.id IN (SELECT w.family_id FROM allocations w WHERE w.worker_id = $1)"
            }
        }
    }

    pub(super) fn bind_to<'q, O>(
        self,
        query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
        match self {
            FamilySet::Team(team) => query.bind(team),
            FamilySet::TeamPage(team, window) => {
                query.bind(team).bind(window.limit).bind(window.offset)
            }
            FamilySet::MineAndOthersPage(team, worker, window) => query
                .bind(team)
                .bind(window.limit)
                .bind(window.offset)
                .bind(worker),
            FamilySet::Family(family) => query.bind(family),
            FamilySet::AllocatedTo(worker) => query.bind(worker),
        }
    }
}

/// How many open cases a team holds, leaving out those allocated to `except` when given.
pub async fn count_open(
    db: &Db,
    team: TeamId,
    except: Option<AccountId>,
) -> Result<u32, StoreError> {
    let count: i64 = match except {
        None => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM families WHERE team_id = $1 AND closed_on IS NULL",
            )
            .bind(team)
            .fetch_one(db.pool())
            .await?
        }
        Some(worker) => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM families p WHERE p.team_id = $1 AND p.closed_on IS NULL
                 AND p.id NOT IN (SELECT w.family_id FROM allocations w WHERE w.worker_id = $2)",
            )
            .bind(team)
            .bind(worker)
            .fetch_one(db.pool())
            .await?
        }
    };
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// The families `which` names, with their members, trio and allocations, in name order.
pub async fn of_set(db: &Db, which: FamilySet) -> Result<Vec<StoredFamily>, StoreError> {
    load(db, which).await
}

#[derive(sqlx::FromRow)]
struct FamilyRow {
    id: FamilyId,
    team_id: TeamId,
    team_name: String,
    name: String,
    created_at: i64,
    closed_on: Option<Day>,
    closure_reason: Option<ClosureReason>,
}

#[derive(sqlx::FromRow)]
pub(super) struct MemberRow {
    id: MemberId,
    family_id: FamilyId,
    kind: MemberKind,
    given_name: String,
    family_name: String,
    relationship: String,
    date_of_birth: Option<Day>,
    expected_on: Option<Day>,
    person_ref: Option<String>,
    left_on: Option<Day>,
    version: i64,
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
            expected_on: row.expected_on.map(NaiveDate::from),
            person_ref: row.person_ref,
            left_on: row.left_on.map(NaiveDate::from),
            version: row.version,
            statuses: Vec::new(),
            has_account: row.accounts > 0,
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

/// The families `which` names, with their members, trio and allocations. The five statements
/// are independent, so they go to the database together: a page waits for the slowest of them,
/// not for their sum (each is its own snapshot, as they were when read one after another).
async fn load(db: &Db, which: FamilySet) -> Result<Vec<StoredFamily>, StoreError> {
    let condition = which.condition();
    let families_sql = format!(
        "SELECT f.id, f.team_id, t.name AS team_name, f.name, f.created_at, f.closed_on,
            (SELECT c.reason FROM case_closures c WHERE c.family_id = f.id AND c.reopened_at IS NULL ORDER BY c.closed_at DESC LIMIT 1) AS closure_reason
         FROM families f JOIN teams t ON t.id = f.team_id WHERE {condition} ORDER BY f.name, f.id"
    );
    let members_sql = format!("{MEMBER_SELECT} WHERE {condition} ORDER BY m.family_id, m.position");
    let statuses_sql = format!(
        "{} JOIN families f ON f.id = ls.family_id WHERE {condition} ORDER BY ls.started_on",
        super::legal_statuses::SELECT
    );
    let findings_sql = format!(
        "{} JOIN families f ON f.id = fi.family_id WHERE {condition} ORDER BY fi.identified_on",
        super::findings::SELECT
    );
    let allocations_sql = format!("{ALLOCATION_SELECT} WHERE {condition}");
    let (families, members, statuses, findings, allocations) = tokio::try_join!(
        which
            .bind_to(sqlx::query_as::<_, FamilyRow>(&families_sql))
            .fetch_all(db.pool()),
        which
            .bind_to(sqlx::query_as::<_, MemberRow>(&members_sql))
            .fetch_all(db.pool()),
        which
            .bind_to(sqlx::query_as::<_, super::legal_statuses::StatusRow>(
                &statuses_sql
            ))
            .fetch_all(db.pool()),
        which
            .bind_to(sqlx::query_as::<_, super::findings::FindingRow>(
                &findings_sql
            ))
            .fetch_all(db.pool()),
        which
            .bind_to(sqlx::query_as::<_, AllocationRow>(&allocations_sql))
            .fetch_all(db.pool()),
    )?;
    Ok(assemble(families, members, statuses, findings, allocations))
}

pub(super) const MEMBER_SELECT: &str = "SELECT m.id, m.family_id, m.kind, m.given_name, m.family_name, m.relationship, m.date_of_birth, m.expected_on, m.person_ref, m.left_on, m.version,
    (SELECT COUNT(*) FROM accounts a WHERE a.member_id = m.id) AS accounts
    FROM members m JOIN families f ON f.id = m.family_id";

const ALLOCATION_SELECT: &str = "SELECT al.family_id, al.role, al.worker_id, a.display_name
    FROM allocations al JOIN accounts a ON a.id = al.worker_id JOIN families f ON f.id = al.family_id";

fn assemble(
    families: Vec<FamilyRow>,
    members: Vec<MemberRow>,
    statuses: Vec<super::legal_statuses::StatusRow>,
    findings: Vec<super::findings::FindingRow>,
    allocations: Vec<AllocationRow>,
) -> Vec<StoredFamily> {
    let mut statuses_by: HashMap<MemberId, Vec<StatusPeriod>> = HashMap::new();
    for row in statuses {
        let period = StatusPeriod::from(row);
        statuses_by
            .entry(period.member_id)
            .or_default()
            .push(period);
    }
    let mut members_by: HashMap<FamilyId, Vec<StoredMember>> = HashMap::new();
    for row in members {
        let mut member = StoredMember::from(row);
        member.statuses = statuses_by.remove(&member.id).unwrap_or_default();
        members_by.entry(member.family_id).or_default().push(member);
    }
    let mut findings_by: HashMap<FamilyId, Vec<Finding>> = HashMap::new();
    for row in findings {
        let (family, finding) = row.into_parts();
        findings_by.entry(family).or_default().push(finding);
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
            let findings = findings_by.remove(&row.id).unwrap_or_default();
            let mut allocations = allocations_by.remove(&row.id).unwrap_or_default();
            allocations.sort_by_key(|a| StaffRole::ALLOCATED.iter().position(|r| *r == a.role));
            StoredFamily {
                id: row.id,
                team_id: row.team_id,
                team_name: row.team_name,
                name: row.name,
                members: members_by.remove(&row.id).unwrap_or_default(),
                trio: summarise(&findings),
                findings,
                allocations,
                opened_on: chrono::DateTime::from_timestamp_millis(row.created_at)
                    .map(|at| at.date_naive())
                    .unwrap_or_default(),
                closed: match (row.closed_on, row.closure_reason) {
                    (Some(on), Some(reason)) => Some(Closed {
                        on: on.into(),
                        reason,
                    }),
                    _ => None,
                },
            }
        })
        .collect()
}

/// The families a worker is allocated to, in name order.
pub async fn allocated_to(db: &Db, worker: AccountId) -> Result<Vec<StoredFamily>, StoreError> {
    load(db, FamilySet::AllocatedTo(worker)).await
}

pub async fn insert_family(
    write: &mut WriteTx,
    id: FamilyId,
    team: TeamId,
    name: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO families (id, team_id, name, created_at, authority_id)
         VALUES ($1, $2, $3, $4, (SELECT authority_id FROM teams WHERE id = $2))",
    )
    .bind(id)
    .bind(team)
    .bind(name)
    .bind(now)
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
