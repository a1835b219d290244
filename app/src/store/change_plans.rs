//! A family member's change plan and decisional balance for a goal: their words and workers'
//! notes beside them, all kept as written.

use super::db::{Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::ids::{AccountId, BalanceItemId, ChangePlanWordsId, GoalId, MemberId};
use crate::domain::mi::balance::{BalanceItem, Quadrant};
use crate::domain::mi::change_plan::{ChangePlan, PlanPart, PlanWords};
use chrono::DateTime;
use std::collections::BTreeMap;

fn written_on(ms: i64) -> chrono::NaiveDate {
    DateTime::from_timestamp_millis(ms)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

#[derive(sqlx::FromRow)]
struct WordsRow {
    id: ChangePlanWordsId,
    member_id: MemberId,
    part: PlanPart,
    body: String,
    by_member: Flag,
    created_at: i64,
    display_name: String,
}

impl From<WordsRow> for PlanWords {
    fn from(row: WordsRow) -> Self {
        PlanWords {
            id: row.id,
            part: row.part,
            body: row.body,
            written_by: row.display_name,
            written_on: written_on(row.created_at),
        }
    }
}

/// Every member's plan for the goal, or one member's.
pub async fn plans(
    db: &Db,
    goal: GoalId,
    member: Option<MemberId>,
) -> Result<BTreeMap<MemberId, ChangePlan>, StoreError> {
    // No member (NULL) means every member's.
    let rows: Vec<WordsRow> = sqlx::query_as(
        "SELECT w.id, w.member_id, w.part, w.body, w.by_member, w.created_at, a.display_name
         FROM change_plan_words w JOIN accounts a ON a.id = w.author_id
         WHERE w.goal_id = $1 AND ($2 IS NULL OR w.member_id = $2) ORDER BY w.created_at, w.id",
    )
    .bind(goal)
    .bind(member)
    .fetch_all(db.pool())
    .await?;
    let mut plans: BTreeMap<MemberId, ChangePlan> = BTreeMap::new();
    for row in rows {
        let plan = plans.entry(row.member_id).or_default();
        let by_member = row.by_member.0;
        let words = PlanWords::from(row);
        if by_member {
            plan.answers.push(words);
        } else {
            plan.notes.push(words);
        }
    }
    Ok(plans)
}

pub struct NewPlanWords<'a> {
    pub goal: GoalId,
    pub member: MemberId,
    pub author: AccountId,
    pub by_member: bool,
    /// One id per save: a retried save adds nothing.
    pub save: ChangePlanWordsId,
    pub parts: &'a [(PlanPart, String)],
    pub now: i64,
}

/// How many answers the member has saved for the goal: a plan's version. Read inside the
/// write transaction, so two saves from the same version cannot both pass the check.
pub async fn answers_saved(
    write: &mut WriteTx,
    goal: GoalId,
    member: MemberId,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) AS n FROM change_plan_words
         WHERE goal_id = $1 AND member_id = $2 AND by_member = 1",
    )
    .bind(goal)
    .bind(member)
    .fetch_one(&mut *write.tx)
    .await?)
}

/// `false` when this save was already recorded.
pub async fn insert_words(write: &mut WriteTx, w: &NewPlanWords<'_>) -> Result<bool, StoreError> {
    let mut added = false;
    for (i, (part, body)) in w.parts.iter().enumerate() {
        // The first part keeps the save's id, so a note's id is the one the page made.
        let id = if i == 0 {
            w.save
        } else {
            ChangePlanWordsId::new()
        };
        let done = sqlx::query(
            "INSERT INTO change_plan_words (id, goal_id, member_id, part, body, author_id, by_member, save_id, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (save_id, part) DO NOTHING",
        )
        .bind(id)
        .bind(w.goal)
        .bind(w.member)
        .bind(part)
        .bind(body)
        .bind(w.author)
        .bind(Flag(w.by_member))
        .bind(w.save)
        .bind(w.now)
        .execute(&mut *write.tx)
        .await?;
        added |= done.rows_affected() == 1;
    }
    Ok(added)
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: BalanceItemId,
    member_id: MemberId,
    quadrant: Quadrant,
    body: String,
    by_member: Flag,
    created_at: i64,
    display_name: String,
}

impl From<ItemRow> for BalanceItem {
    fn from(row: ItemRow) -> Self {
        BalanceItem {
            id: row.id,
            quadrant: row.quadrant,
            body: row.body,
            written_by: row.display_name,
            by_member: row.by_member.into(),
            written_on: written_on(row.created_at),
        }
    }
}

/// Every member's balance for the goal, or one member's; items taken back are left out.
pub async fn balances(
    db: &Db,
    goal: GoalId,
    member: Option<MemberId>,
) -> Result<BTreeMap<MemberId, Vec<BalanceItem>>, StoreError> {
    // No member (NULL) means every member's.
    let rows: Vec<ItemRow> = sqlx::query_as(
        "SELECT b.id, b.member_id, b.quadrant, b.body, b.by_member, b.created_at, a.display_name
         FROM balance_items b JOIN accounts a ON a.id = b.author_id
         WHERE b.goal_id = $1 AND ($2 IS NULL OR b.member_id = $2) AND b.removed_at IS NULL
         ORDER BY b.created_at, b.id",
    )
    .bind(goal)
    .bind(member)
    .fetch_all(db.pool())
    .await?;
    let mut balances: BTreeMap<MemberId, Vec<BalanceItem>> = BTreeMap::new();
    for row in rows {
        balances.entry(row.member_id).or_default().push(row.into());
    }
    Ok(balances)
}

pub struct NewBalanceItem<'a> {
    pub id: BalanceItemId,
    pub goal: GoalId,
    pub member: MemberId,
    pub quadrant: Quadrant,
    pub body: &'a str,
    pub author: AccountId,
    pub by_member: bool,
    pub now: i64,
}

pub async fn insert_item(write: &mut WriteTx, i: &NewBalanceItem<'_>) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO balance_items (id, goal_id, member_id, quadrant, body, author_id, by_member, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
    )
    .bind(i.id)
    .bind(i.goal)
    .bind(i.member)
    .bind(i.quadrant)
    .bind(i.body)
    .bind(i.author)
    .bind(Flag(i.by_member))
    .bind(i.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes back an item its author wrote; `false` when there is no such item of theirs. Taking
/// it back again (a retry) keeps the first time.
pub async fn remove_item(
    write: &mut WriteTx,
    id: BalanceItemId,
    goal: GoalId,
    author: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE balance_items SET removed_at = COALESCE(removed_at, $4)
         WHERE id = $1 AND goal_id = $2 AND author_id = $3",
    )
    .bind(id)
    .bind(goal)
    .bind(author)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
