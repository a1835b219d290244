//! Who works with each family, and since when: `allocations` holds the current worker of each
//! role, `allocation_periods` every worker there has been, from when to when, and who made and
//! ended each allocation (changes of worker are something managers are measured on).

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, FamilyId, TeamId};
use crate::domain::role::StaffRole;
use crate::page_data::allocation::{AllocationPeriod, Candidate};

/// The worker allocated to `role` now, if any.
pub async fn current_in(
    write: &mut WriteTx,
    family: FamilyId,
    role: StaffRole,
) -> Result<Option<AccountId>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT worker_id FROM allocations WHERE family_id = $1 AND role = $2")
            .bind(family)
            .bind(role)
            .fetch_optional(&mut *write.tx)
            .await?,
    )
}

/// Ends the current allocation of `role` (if any) and starts `worker`'s (if any), keeping both
/// in the history. A period starts at least a millisecond after the one before it.
pub async fn replace(
    write: &mut WriteTx,
    family: FamilyId,
    role: StaffRole,
    worker: Option<AccountId>,
    by: Option<AccountId>,
    now: i64,
) -> Result<(), StoreError> {
    let last_start: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(from_at) FROM allocation_periods WHERE family_id = $1 AND role = $2",
    )
    .bind(family)
    .bind(role)
    .fetch_one(&mut *write.tx)
    .await?;
    let at = last_start.map_or(now, |last| now.max(last + 1));
    sqlx::query(
        "UPDATE allocation_periods SET until_at = $3, ended_by = $4
         WHERE family_id = $1 AND role = $2 AND until_at IS NULL",
    )
    .bind(family)
    .bind(role)
    .bind(at)
    .bind(by)
    .execute(&mut *write.tx)
    .await?;
    sqlx::query("DELETE FROM allocations WHERE family_id = $1 AND role = $2")
        .bind(family)
        .bind(role)
        .execute(&mut *write.tx)
        .await?;
    if let Some(worker) = worker {
        sqlx::query(
            "INSERT INTO allocations (family_id, role, worker_id, allocated_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(family)
        .bind(role)
        .bind(worker)
        .bind(at)
        .execute(&mut *write.tx)
        .await?;
        sqlx::query(
            "INSERT INTO allocation_periods (family_id, role, worker_id, from_at, allocated_by)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(family)
        .bind(role)
        .bind(worker)
        .bind(at)
        .bind(by)
        .execute(&mut *write.tx)
        .await?;
    }
    Ok(())
}

/// Moves the family to another team. Its allocations end: they were workers of the old team.
pub async fn move_family(
    write: &mut WriteTx,
    family: FamilyId,
    team: TeamId,
    by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    for role in StaffRole::ALLOCATED {
        replace(write, family, role, None, Some(by), now).await?;
    }
    sqlx::query("UPDATE families SET team_id = $2 WHERE id = $1")
        .bind(family)
        .bind(team)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct CandidateRow {
    id: AccountId,
    display_name: String,
    staff_role: StaffRole,
}

/// The enabled staff of `team` who can be allocated, by role and name.
pub async fn candidates(db: &Db, team: TeamId) -> Result<Vec<Candidate>, StoreError> {
    let rows: Vec<CandidateRow> = sqlx::query_as(
        "SELECT id, display_name, staff_role FROM accounts
         WHERE team_id = $1 AND staff_role IS NOT NULL AND disabled = 0 ORDER BY display_name",
    )
    .bind(team)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .filter(|r| StaffRole::ALLOCATED.contains(&r.staff_role))
        .map(|r| Candidate {
            id: r.id,
            name: r.display_name,
            role: r.staff_role,
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct PeriodRow {
    role: StaffRole,
    worker: String,
    from_at: i64,
    until_at: Option<i64>,
    allocated_by: Option<String>,
    ended_by: Option<String>,
}

/// Every allocation the family has had, newest first.
pub async fn history(db: &Db, family: FamilyId) -> Result<Vec<AllocationPeriod>, StoreError> {
    let rows: Vec<PeriodRow> = sqlx::query_as(
        "SELECT p.role, w.display_name AS worker, p.from_at, p.until_at,
             b.display_name AS allocated_by, e.display_name AS ended_by
         FROM allocation_periods p
         JOIN accounts w ON w.id = p.worker_id
         LEFT JOIN accounts b ON b.id = p.allocated_by
         LEFT JOIN accounts e ON e.id = p.ended_by
         WHERE p.family_id = $1 ORDER BY p.from_at DESC, p.role",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| AllocationPeriod {
            role: r.role,
            worker: r.worker,
            from_at: r.from_at,
            until_at: r.until_at,
            allocated_by: r.allocated_by,
            ended_by: r.ended_by,
        })
        .collect())
}
