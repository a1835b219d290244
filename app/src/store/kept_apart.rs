//! Adults of a family kept apart, and the shares their separation withdraws.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, FamilyId, MemberId};
use crate::domain::kept_apart::Pair;

#[derive(sqlx::FromRow)]
struct PairRow {
    first_member: MemberId,
    second_member: MemberId,
    marked_at: i64,
}

const OPEN: &str = "SELECT first_member, second_member, marked_at FROM kept_apart WHERE family_id = $1 AND ended_at IS NULL ORDER BY marked_at";

fn pairs_of(rows: Vec<PairRow>) -> Vec<(Pair, i64)> {
    rows.into_iter()
        .filter_map(|r| Pair::new(r.first_member, r.second_member).map(|p| (p, r.marked_at)))
        .collect()
}

/// The family's pairs kept apart now, each with when it was marked.
pub async fn current(db: &Db, family: FamilyId) -> Result<Vec<(Pair, i64)>, StoreError> {
    let rows: Vec<PairRow> = sqlx::query_as(OPEN)
        .bind(family)
        .fetch_all(db.pool())
        .await?;
    Ok(pairs_of(rows))
}

/// The same, under the write lock: what a share is checked against.
pub async fn current_in(write: &mut WriteTx, family: FamilyId) -> Result<Vec<Pair>, StoreError> {
    let rows: Vec<PairRow> = sqlx::query_as(OPEN)
        .bind(family)
        .fetch_all(&mut *write.tx)
        .await?;
    Ok(pairs_of(rows).into_iter().map(|(p, _)| p).collect())
}

pub async fn mark(
    write: &mut WriteTx,
    family: FamilyId,
    pair: Pair,
    by: AccountId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO kept_apart (family_id, first_member, second_member, marked_by, marked_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(family)
    .bind(pair.first())
    .bind(pair.second())
    .bind(by)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// Ends the pair's separation; `false` when they were not kept apart.
pub async fn end(
    write: &mut WriteTx,
    family: FamilyId,
    pair: Pair,
    by: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE kept_apart SET ended_by = $1, ended_at = $2
         WHERE family_id = $3 AND first_member = $4 AND second_member = $5 AND ended_at IS NULL",
    )
    .bind(by)
    .bind(now)
    .bind(family)
    .bind(pair.first())
    .bind(pair.second())
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Withdraws what the separation forbids from now on: the goals of one (and their steps), and
/// steps for one, shared with the other; and records shared with both, which for no one in
/// particular are shared with neither until a worker chooses again. Returns how many shares.
pub async fn withdraw_shares(
    write: &mut WriteTx,
    family: FamilyId,
    pair: Pair,
) -> Result<u64, StoreError> {
    let mut withdrawn = 0;
    for (one, other) in [(pair.first(), pair.second()), (pair.second(), pair.first())] {
        let done = sqlx::query(
            "DELETE FROM shared_with WHERE member_id = $2 AND record_id IN (
                SELECT g.id FROM goals g WHERE g.owner_member_id = $1 AND g.family_id = $3
                UNION SELECT s.id FROM steps s JOIN goals g ON g.id = s.goal_id
                    WHERE g.family_id = $3 AND (g.owner_member_id = $1 OR s.who = $4))",
        )
        .bind(one)
        .bind(other)
        .bind(family)
        .bind(format!("member:{one}"))
        .execute(&mut *write.tx)
        .await?;
        withdrawn += done.rows_affected();
    }
    let both = sqlx::query(
        "DELETE FROM shared_with WHERE member_id IN ($1, $2) AND record_id IN (
            SELECT id FROM safety_statements WHERE family_id = $3
              AND id IN (SELECT record_id FROM shared_with WHERE member_id = $1)
              AND id IN (SELECT record_id FROM shared_with WHERE member_id = $2))",
    )
    .bind(pair.first())
    .bind(pair.second())
    .bind(family)
    .execute(&mut *write.tx)
    .await?;
    Ok(withdrawn + both.rows_affected())
}

/// The member a goal is for, read under the write lock.
pub async fn goal_owner_in(
    write: &mut WriteTx,
    goal: crate::domain::ids::GoalId,
) -> Result<Option<MemberId>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT owner_member_id FROM goals WHERE id = $1")
            .bind(goal)
            .fetch_optional(&mut *write.tx)
            .await?,
    )
}
