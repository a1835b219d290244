//! What changed in a plan, kept row by row (append-only), and when each family account last looked.

use super::db::{Db, WriteTx};
use super::row::{coded, uuid, StoreError};
use crate::domain::history::{FieldChange, PlanChange, Subject};
use crate::domain::ids::{AccountId, FamilyId, GoalId};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::Row;

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
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(change.family.to_string())
    .bind(change.goal.map(|g| g.to_string()))
    .bind(change.subject.code())
    .bind(&change.subject_id)
    .bind(change.version)
    .bind(change.actor.to_string())
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

fn read(row: &AnyRow) -> Result<StoredChange, StoreError> {
    let json: String = row.try_get("changes")?;
    let fields: Vec<StoredField> =
        serde_json::from_str(&json).map_err(|_| StoreError::Corrupt {
            column: "plan_changes.changes",
            value: json.clone(),
        })?;
    let goal = row
        .try_get::<Option<String>, _>("goal_id")?
        .map(|g| uuid("plan_changes.goal_id", &g).map(GoalId))
        .transpose()?;
    Ok(StoredChange {
        actor: row.try_get("actor_id")?,
        goal,
        subject_id: row.try_get("subject_id")?,
        change: PlanChange {
            subject: coded(
                "plan_changes.subject",
                &row.try_get::<String, _>("subject")?,
                Subject::from_code,
            )?,
            version: row.try_get("version")?,
            actor_name: row.try_get("display_name")?,
            by_family: row.try_get::<Option<String>, _>("member_id")?.is_some(),
            at: row.try_get("at")?,
            reason: row.try_get("reason")?,
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

/// A goal's history and its steps', newest first.
pub async fn for_goal(db: &Db, goal: GoalId) -> Result<Vec<StoredChange>, StoreError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE c.goal_id = $1 ORDER BY c.at DESC, c.version DESC"
    ))
    .bind(goal.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(read).collect()
}

/// Changes to one record after `version`: what a refused save shows.
pub async fn since_version(
    db: &Db,
    subject_id: &str,
    version: i64,
) -> Result<Vec<StoredChange>, StoreError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE c.subject_id = $1 AND c.version > $2 ORDER BY c.version"
    ))
    .bind(subject_id)
    .bind(version)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(read).collect()
}

/// A family's changes after `since` (Unix ms), oldest first.
pub async fn for_family_since(
    db: &Db,
    family: FamilyId,
    since: i64,
) -> Result<Vec<StoredChange>, StoreError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE c.family_id = $1 AND c.at > $2 ORDER BY c.at, c.version LIMIT 200"
    ))
    .bind(family.to_string())
    .bind(since)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(read).collect()
}

/// The moment "what changed since you last looked" compares against, for this session: fixed
/// at the session's first look, so reloading the page does not empty the list. Records the look.
pub async fn look(
    db: &Db,
    account: AccountId,
    session: &str,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let mut write = db.write().await?;
    let pinned: Option<i64> =
        sqlx::query("SELECT changes_since FROM sessions WHERE token_hash = $1")
            .bind(session)
            .fetch_optional(&mut *write.tx)
            .await?
            .map(|row| row.try_get::<Option<i64>, _>("changes_since"))
            .transpose()?
            .flatten();
    let since = match pinned {
        Some(since) => Some(since),
        None => {
            let last: Option<i64> =
                sqlx::query("SELECT looked_at FROM plan_looks WHERE account_id = $1")
                    .bind(account.to_string())
                    .fetch_optional(&mut *write.tx)
                    .await?
                    .map(|row| row.try_get("looked_at"))
                    .transpose()?;
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
    .bind(account.to_string())
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    write.commit().await?;
    Ok(since)
}
