//! What changed in a plan, kept row by row (append-only), and when each family account last looked.

use super::db::{Db, WriteTx};
use super::row::{RowId, StoreError};
use crate::domain::history::{FieldChange, PlanChange, Subject};
use crate::domain::ids::{AccountId, FamilyId, GoalId, MemberId};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct StoredField {
    field: String,
    before: String,
    after: String,
}

pub struct NewChange<'a> {
    pub family: FamilyId,
    pub goal: Option<GoalId>,
    pub subject: Subject,
    pub subject_id: String,
    pub version: i64,
    pub actor: AccountId,
    pub at: i64,
    pub reason: &'a str,
    pub changes: &'a [FieldChange],
}

pub async fn append(write: &mut WriteTx, change: &NewChange<'_>) -> Result<(), StoreError> {
    let fields: Vec<StoredField> = change
        .changes
        .iter()
        .map(|c| StoredField {
            field: c.field.clone(),
            before: c.before.clone(),
            after: c.after.clone(),
        })
        .collect();
    let json = serde_json::to_string(&fields).map_err(|e| StoreError::Corrupt {
        column: "plan_changes.changes",
        value: e.to_string(),
    })?;
    sqlx::query(
        "INSERT INTO plan_changes (id, family_id, goal_id, subject, subject_id, version, actor_id, at, reason, changes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(RowId::new())
    .bind(change.family)
    .bind(change.goal)
    .bind(change.subject)
    .bind(&change.subject_id)
    .bind(change.version)
    .bind(change.actor)
    .bind(change.at)
    .bind(change.reason)
    .bind(json)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// A stored change with what it is about, for filtering by what a family member may see.
pub struct StoredChange {
    pub actor: String,
    pub goal: Option<GoalId>,
    pub subject_id: String,
    pub change: PlanChange,
}

const SELECT: &str =
    "SELECT c.actor_id, c.goal_id, c.subject, c.subject_id, c.version, c.at, c.reason, c.changes,
    a.display_name, a.member_id FROM plan_changes c JOIN accounts a ON a.id = c.actor_id";

#[derive(sqlx::FromRow)]
struct ChangeRow {
    actor_id: String,
    goal_id: Option<GoalId>,
    subject: Subject,
    subject_id: String,
    version: i64,
    at: i64,
    reason: String,
    changes: String,
    display_name: String,
    member_id: Option<MemberId>,
}

impl TryFrom<ChangeRow> for StoredChange {
    type Error = StoreError;
    fn try_from(row: ChangeRow) -> Result<Self, StoreError> {
        let fields: Vec<StoredField> =
            serde_json::from_str(&row.changes).map_err(|_| StoreError::Corrupt {
                column: "plan_changes.changes",
                value: row.changes.clone(),
            })?;
        Ok(StoredChange {
            actor: row.actor_id,
            goal: row.goal_id,
            subject_id: row.subject_id,
            change: PlanChange {
                subject: row.subject,
                version: row.version,
                actor_name: row.display_name,
                by_family: row.member_id.is_some(),
                at: row.at,
                reason: row.reason,
                changes: fields
                    .into_iter()
                    .map(|f| FieldChange {
                        field: f.field,
                        before: f.before,
                        after: f.after,
                    })
                    .collect(),
            },
        })
    }
}

/// A goal's history and its steps', newest first.
pub async fn for_goal(db: &Db, goal: GoalId) -> Result<Vec<StoredChange>, StoreError> {
    let rows: Vec<ChangeRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE c.goal_id = $1 ORDER BY c.at DESC, c.version DESC"
    ))
    .bind(goal)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(StoredChange::try_from).collect()
}

/// Changes to one record after `version`: what a refused save shows.
pub async fn since_version(
    db: &Db,
    subject_id: &str,
    version: i64,
) -> Result<Vec<StoredChange>, StoreError> {
    let rows: Vec<ChangeRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE c.subject_id = $1 AND c.version > $2 ORDER BY c.version"
    ))
    .bind(subject_id)
    .bind(version)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(StoredChange::try_from).collect()
}

/// A family's changes after `since` (Unix ms), oldest first.
pub async fn for_family_since(
    db: &Db,
    family: FamilyId,
    since: i64,
) -> Result<Vec<StoredChange>, StoreError> {
    let rows: Vec<ChangeRow> = sqlx::query_as(&format!(
        "{SELECT} WHERE c.family_id = $1 AND c.at > $2 ORDER BY c.at, c.version LIMIT 200"
    ))
    .bind(family)
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(StoredChange::try_from).collect()
}

/// How stale the recorded time of a person's last look may grow before a look writes it again.
/// It only sets where their next session's "what changed" begins, so a minute early is harmless,
/// and a page view then writes nothing of its own (decision 19).
const LOOK_EVERY_MS: i64 = 60 * 1000;

/// The moment "what changed since you last looked" compares against, for this session: fixed
/// at the session's first look, so reloading the page does not empty the list. Records the look.
pub async fn look(
    db: &Db,
    account: AccountId,
    session: &str,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    // Most views come after the session's first: read without taking the write lock.
    let seen: Option<(Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT s.changes_since, (SELECT p.looked_at FROM plan_looks p WHERE p.account_id = $1)
         FROM sessions s WHERE s.token_hash = $2",
    )
    .bind(account)
    .bind(session)
    .fetch_optional(db.pool())
    .await?;
    if let Some((Some(pinned), Some(looked_at))) = seen {
        if now - looked_at < LOOK_EVERY_MS {
            return Ok(Some(pinned));
        }
    }
    let mut write = db.write().await?;
    let pinned: Option<i64> = sqlx::query_scalar::<_, Option<i64>>(
        "SELECT changes_since FROM sessions WHERE token_hash = $1",
    )
    .bind(session)
    .fetch_optional(&mut *write.tx)
    .await?
    .flatten();
    let since = match pinned {
        Some(since) => Some(since),
        None => {
            let last: Option<i64> =
                sqlx::query_scalar("SELECT looked_at FROM plan_looks WHERE account_id = $1")
                    .bind(account)
                    .fetch_optional(&mut *write.tx)
                    .await?;
            // A first look ever compares against itself: nothing is "new" to someone just joined.
            let since = last.unwrap_or(now);
            sqlx::query("UPDATE sessions SET changes_since = $1 WHERE token_hash = $2")
                .bind(since)
                .bind(session)
                .execute(&mut *write.tx)
                .await?;
            last
        }
    };
    sqlx::query(
        "INSERT INTO plan_looks (account_id, looked_at) VALUES ($1, $2)
         ON CONFLICT (account_id) DO UPDATE SET looked_at = $2",
    )
    .bind(account)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    write.commit().await?;
    Ok(since)
}

/// A family's changes to records of `subjects` (a household's members and statuses, its
/// findings), newest first; the caller picks the records it shows.
pub async fn for_subjects(
    db: &Db,
    family: FamilyId,
    subjects: &[Subject],
) -> Result<Vec<StoredChange>, StoreError> {
    let mut all = Vec::new();
    for subject in subjects {
        let rows: Vec<ChangeRow> = sqlx::query_as(&format!(
            "{SELECT} WHERE c.family_id = $1 AND c.subject = $2 ORDER BY c.at DESC"
        ))
        .bind(family)
        .bind(*subject)
        .fetch_all(db.pool())
        .await?;
        for row in rows {
            all.push(StoredChange::try_from(row)?);
        }
    }
    all.sort_by_key(|c| std::cmp::Reverse((c.change.at, c.change.version)));
    Ok(all)
}
