//! What the case system's extract is matched against, read under the write lock: the council's
//! records that carry a case-system id, and its staff with a case-system worker id.

use super::db::WriteTx;
use super::families::{MemberRow, StoredMember, MEMBER_SELECT};
use super::legal_statuses::StatusRow;
use super::row::{Day, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, LegalStatusId, TeamId};
use crate::domain::legal_status::StatusPeriod;
use crate::domain::role::StaffRole;

/// A member of staff the extract can name.
#[derive(sqlx::FromRow)]
pub struct Worker {
    pub id: AccountId,
    pub worker_ref: String,
    pub display_name: String,
    pub staff_role: StaffRole,
    pub team_id: Option<TeamId>,
    pub disabled: bool,
}

pub async fn workers(
    write: &mut WriteTx,
    authority: AuthorityId,
) -> Result<Vec<Worker>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: AccountId,
        worker_ref: String,
        display_name: String,
        staff_role: StaffRole,
        team_id: Option<TeamId>,
        disabled: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, worker_ref, display_name, staff_role, team_id, disabled FROM accounts
         WHERE authority_id = $1 AND worker_ref IS NOT NULL AND staff_role IS NOT NULL",
    )
    .bind(authority)
    .fetch_all(&mut *write.tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Worker {
            id: r.id,
            worker_ref: r.worker_ref,
            display_name: r.display_name,
            staff_role: r.staff_role,
            team_id: r.team_id,
            disabled: r.disabled != 0,
        })
        .collect())
}

/// A family that came from the extract.
#[derive(sqlx::FromRow)]
pub struct KnownFamily {
    pub id: FamilyId,
    pub case_ref: String,
    pub team_id: TeamId,
    pub created_at: i64,
    pub closed_on: Option<Day>,
}

pub async fn families(
    write: &mut WriteTx,
    authority: AuthorityId,
) -> Result<Vec<KnownFamily>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, case_ref, team_id, created_at, closed_on FROM families
         WHERE authority_id = $1 AND case_ref IS NOT NULL",
    )
    .bind(authority)
    .fetch_all(&mut *write.tx)
    .await?)
}

/// Any family of the council, as the extract would match it.
#[derive(sqlx::FromRow)]
pub struct FamilyPlace {
    pub case_ref: Option<String>,
    pub team_id: TeamId,
    pub created_at: i64,
    pub closed_on: Option<Day>,
}

pub async fn family(write: &mut WriteTx, id: FamilyId) -> Result<Option<FamilyPlace>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT case_ref, team_id, created_at, closed_on FROM families WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *write.tx)
    .await?)
}

pub async fn set_family_ref(
    write: &mut WriteTx,
    family: FamilyId,
    case_ref: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE families SET case_ref = $2 WHERE id = $1")
        .bind(family)
        .bind(case_ref)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

/// The council's people with a case-system person id, wherever they are.
pub async fn members(
    write: &mut WriteTx,
    authority: AuthorityId,
) -> Result<Vec<StoredMember>, StoreError> {
    let rows: Vec<MemberRow> = sqlx::query_as(&format!(
        "{MEMBER_SELECT} WHERE m.authority_id = $1 AND m.person_ref IS NOT NULL"
    ))
    .bind(authority)
    .fetch_all(&mut *write.tx)
    .await?;
    Ok(rows.into_iter().map(StoredMember::from).collect())
}

/// The council's legal status periods that came from the extract, with their plan id.
pub async fn plans(
    write: &mut WriteTx,
    authority: AuthorityId,
) -> Result<Vec<(String, StatusPeriod)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        case_ref: String,
        #[sqlx(flatten)]
        period: StatusRow,
    }
    // The period's columns as `StatusRow` reads them, and its plan id.
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT ls.id, ls.member_id, ls.kind, ls.initial_category, ls.latest_category, ls.started_on, ls.ended_on, ls.version, ls.case_ref
         FROM legal_statuses ls WHERE ls.authority_id = $1 AND ls.case_ref IS NOT NULL",
    )
    .bind(authority)
    .fetch_all(&mut *write.tx)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.case_ref, StatusPeriod::from(r.period)))
        .collect())
}

pub async fn set_plan_ref(
    write: &mut WriteTx,
    period: LegalStatusId,
    case_ref: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE legal_statuses SET case_ref = $2 WHERE id = $1")
        .bind(period)
        .bind(case_ref)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

/// Who is allocated now to the council's families that came from the extract.
pub async fn allocations(
    write: &mut WriteTx,
    authority: AuthorityId,
) -> Result<Vec<(FamilyId, StaffRole, AccountId)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT al.family_id, al.role, al.worker_id FROM allocations al
         JOIN families f ON f.id = al.family_id
         WHERE f.authority_id = $1 AND f.case_ref IS NOT NULL",
    )
    .bind(authority)
    .fetch_all(&mut *write.tx)
    .await?)
}
