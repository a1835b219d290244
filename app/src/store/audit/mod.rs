//! The append-only audit trail, each entry sealed to the one before it with a key the database
//! does not hold (`seal`), walked by `verify`, anchored outside by `anchor`, and its walks
//! reported in `checks`.

pub mod anchor;
pub mod checks;
pub mod erasure;
mod group;
mod seal;
mod verify;

pub use super::audit_key::{AuditKey, MIN_KEY_BYTES};
pub(crate) use group::Group;
pub use verify::{hash_of, head, verify, walk, Checkpoint, Verdict, Walk};

use super::db::{now_ms, Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::audit::{AuditAction, AuditEntryView, Outcome};
use crate::domain::ids::{AccountId, FamilyId, TeamId};
use crate::domain::record::{RecordKind, RecordRef};
use seal::Sealed;
use uuid::Uuid;

/// Who did what to which record, from where.
#[derive(Clone, Debug)]
pub struct NewEntry {
    pub actor_id: Option<AccountId>,
    pub actor_name: String,
    pub action: AuditAction,
    pub record_kind: RecordKind,
    /// What the entry is about, when it is one record; `record_kind` is then its kind.
    pub record: Option<RecordRef>,
    pub family_id: Option<FamilyId>,
    /// The team whose manager should see this entry.
    pub team_id: Option<TeamId>,
    pub outcome: Outcome,
    pub detail: String,
    pub origin: String,
    pub flagged: bool,
}

/// Appends an entry inside a write transaction: it commits or rolls back with the change it records.
pub async fn append(write: &mut WriteTx, entry: &NewEntry) -> Result<(), StoreError> {
    append_as(write, entry, &Uuid::new_v4().to_string()).await
}

/// Appends an entry under an id the caller chose beforehand: a destruction's erased entries
/// name the entry that records it.
pub async fn append_as(write: &mut WriteTx, entry: &NewEntry, id: &str) -> Result<(), StoreError> {
    let (seq, prev_hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut *write.tx)
            .await?;
    let actor_id = entry.actor_id.map(|a| a.to_string());
    let record_id = entry.record.map(|r| r.id().to_string());
    let family_id = entry.family_id.map(|f| f.to_string());
    let team_id = entry.team_id.map(|t| t.to_string());
    let sealed = Sealed {
        seq,
        id,
        at: now_ms(),
        actor_id: actor_id.as_deref(),
        actor_name: &entry.actor_name,
        action: entry.action.code(),
        record_kind: entry.record_kind.code(),
        record_id: record_id.as_deref(),
        family_id: family_id.as_deref(),
        team_id: team_id.as_deref(),
        outcome: entry.outcome.code(),
        detail: &entry.detail,
        origin: &entry.origin,
        flagged: entry.flagged,
    };
    let hash = sealed.hash(&write.audit_key, &prev_hash);
    sqlx::query(
        "INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id, outcome, detail, origin, flagged, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(seq)
    .bind(id)
    .bind(sealed.at)
    .bind(sealed.actor_id)
    .bind(sealed.actor_name)
    .bind(sealed.action)
    .bind(sealed.record_kind)
    .bind(sealed.record_id)
    .bind(sealed.family_id)
    .bind(sealed.team_id)
    .bind(sealed.outcome)
    .bind(sealed.detail)
    .bind(sealed.origin)
    .bind(Flag(sealed.flagged))
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut *write.tx)
    .await?;
    sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
        .bind(&hash)
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

/// Records a read, or anything else that changes no other data, and returns once it is
/// committed: sealed together with whatever else arrived meanwhile (`group`).
pub async fn record(db: &Db, entry: &NewEntry) -> Result<(), StoreError> {
    if let Some(group) = db.group() {
        if let Ok(committed) = group.commit(entry.clone()).await {
            return committed;
        }
    }
    let mut write = db.write().await?;
    append(&mut write, entry).await?;
    write.commit().await
}

/// A manager's view, newest first: entries about their team's families, and everything their
/// team's people did (so a worker's look at another team's family reaches both managers).
pub async fn list_for_team(
    db: &Db,
    team: TeamId,
    before_seq: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntryView>, StoreError> {
    let rows: Vec<ViewRow> = sqlx::query_as(
        // The name is the account's as it is now (an erased account's is gone from here too);
        // the stored role label stands in when there is no account.
        "SELECT l.seq, l.at, COALESCE(a.display_name, l.actor_name) AS actor_name, l.action, l.record_kind, l.record_id, l.outcome, l.detail, l.origin, l.flagged
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
         WHERE (l.team_id = $1 OR l.actor_id IN (SELECT id FROM accounts WHERE team_id = $1)) AND l.seq < $2
         ORDER BY l.seq DESC LIMIT $3",
    )
    .bind(team)
    .bind(before_seq.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    Ok(rows.into_iter().map(AuditEntryView::from).collect())
}

/// An entry as a manager reads it. The record's kind stays the stored word: it is only shown.
#[derive(sqlx::FromRow)]
struct ViewRow {
    seq: i64,
    at: i64,
    actor_name: String,
    action: AuditAction,
    record_kind: String,
    record_id: Option<String>,
    outcome: Outcome,
    detail: String,
    origin: String,
    flagged: Flag,
}

impl From<ViewRow> for AuditEntryView {
    fn from(row: ViewRow) -> Self {
        AuditEntryView {
            seq: row.seq,
            at: row.at,
            actor_name: row.actor_name,
            action: row.action,
            record: match row.record_id {
                Some(id) => format!("{} {id}", row.record_kind),
                None => row.record_kind,
            },
            outcome: row.outcome,
            detail: row.detail,
            origin: row.origin,
            flagged: row.flagged.into(),
        }
    }
}
