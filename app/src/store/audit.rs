//! The append-only, hash-chained audit trail.

use super::db::{now_ms, Db, WriteTx};
use super::row::{Flag, StoreError};
use crate::domain::audit::{AuditAction, AuditEntryView, Outcome};
use crate::domain::ids::{AccountId, FamilyId, TeamId};
use crate::domain::record::{RecordKind, RecordRef};
use sha2::{Digest, Sha256};
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

/// The fields a row's hash covers, in a fixed order.
struct Sealed<'a> {
    seq: i64,
    id: &'a str,
    at: i64,
    actor_id: Option<&'a str>,
    actor_name: &'a str,
    action: &'a str,
    record_kind: &'a str,
    record_id: Option<&'a str>,
    family_id: Option<&'a str>,
    team_id: Option<&'a str>,
    outcome: &'a str,
    detail: &'a str,
    origin: &'a str,
    flagged: bool,
}

impl Sealed<'_> {
    fn hash(&self, prev_hash: &str) -> String {
        let mut hasher = Sha256::new();
        let seq = self.seq.to_string();
        let at = self.at.to_string();
        let fields: [&str; 15] = [
            prev_hash,
            &seq,
            self.id,
            &at,
            self.actor_id.unwrap_or("\u{0}"),
            self.actor_name,
            self.action,
            self.record_kind,
            self.record_id.unwrap_or("\u{0}"),
            self.family_id.unwrap_or("\u{0}"),
            self.team_id.unwrap_or("\u{0}"),
            self.outcome,
            self.detail,
            self.origin,
            if self.flagged { "1" } else { "0" },
        ];
        for field in fields {
            // Length-prefixed, so no choice of field contents can imitate another row.
            hasher.update((field.len() as u64).to_be_bytes());
            hasher.update(field.as_bytes());
        }
        hex::encode(hasher.finalize())
    }
}

/// Appends an entry inside a write transaction: it commits or rolls back with the change it records.
pub async fn append(write: &mut WriteTx, entry: &NewEntry) -> Result<(), StoreError> {
    let (seq, prev_hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
            .fetch_one(&mut *write.tx)
            .await?;
    let id = Uuid::new_v4().to_string();
    let actor_id = entry.actor_id.map(|a| a.to_string());
    let record_id = entry.record.map(|r| r.id().to_string());
    let family_id = entry.family_id.map(|f| f.to_string());
    let team_id = entry.team_id.map(|t| t.to_string());
    let sealed = Sealed {
        seq,
        id: &id,
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
    let hash = sealed.hash(&prev_hash);
    sqlx::query(
        "INSERT INTO audit_log (seq, id, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id, outcome, detail, origin, flagged, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(seq)
    .bind(&id)
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

/// Records a read, or anything else that changes no other data, in a transaction of its own.
pub async fn record(db: &Db, entry: &NewEntry) -> Result<(), StoreError> {
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
        "SELECT seq, at, actor_name, action, record_kind, record_id, outcome, detail, origin, flagged
         FROM audit_log
         WHERE (team_id = $1 OR actor_id IN (SELECT id FROM accounts WHERE team_id = $1)) AND seq < $2
         ORDER BY seq DESC LIMIT $3",
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

/// An entry exactly as stored: the verifier hashes the stored text, never a decoded value, so a
/// changed word shows as a broken chain rather than as an error.
#[derive(sqlx::FromRow)]
struct StoredRow {
    seq: i64,
    id: String,
    at: i64,
    actor_id: Option<String>,
    actor_name: String,
    action: String,
    record_kind: String,
    record_id: Option<String>,
    family_id: Option<String>,
    team_id: Option<String>,
    outcome: String,
    detail: String,
    origin: String,
    flagged: i64,
    prev_hash: String,
    hash: String,
}

impl StoredRow {
    fn sealed(&self) -> Sealed<'_> {
        Sealed {
            seq: self.seq,
            id: &self.id,
            at: self.at,
            actor_id: self.actor_id.as_deref(),
            actor_name: &self.actor_name,
            action: &self.action,
            record_kind: &self.record_kind,
            record_id: self.record_id.as_deref(),
            family_id: self.family_id.as_deref(),
            team_id: self.team_id.as_deref(),
            outcome: &self.outcome,
            detail: &self.detail,
            origin: &self.origin,
            flagged: self.flagged != 0,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Intact { entries: i64 },
    Broken { seq: i64, problem: String },
}

/// Walks the whole chain, recomputing every hash. Reads in pages so memory stays flat.
pub async fn verify(db: &Db) -> Result<Verdict, StoreError> {
    let mut expected_prev = "0".repeat(64);
    let mut expected_seq = 1_i64;
    loop {
        let rows: Vec<StoredRow> = sqlx::query_as(
            "SELECT seq, id, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id, outcome, detail, origin, flagged, prev_hash, hash
             FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT 1000",
        )
        .bind(expected_seq)
        .fetch_all(db.pool())
        .await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let seq = row.seq;
            if seq != expected_seq {
                return Ok(Verdict::Broken {
                    seq: expected_seq,
                    problem: format!("entry {expected_seq} is missing"),
                });
            }
            let prev_hash = &row.prev_hash;
            let hash = &row.hash;
            if *prev_hash != expected_prev {
                return Ok(Verdict::Broken {
                    seq,
                    problem: format!("entry {seq} does not follow entry {}", seq - 1),
                });
            }
            if row.sealed().hash(prev_hash) != *hash {
                return Ok(Verdict::Broken {
                    seq,
                    problem: format!("entry {seq} was changed after it was written"),
                });
            }
            expected_prev = hash.clone();
            expected_seq += 1;
        }
    }
    let (head_seq, head_hash): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(db.pool())
            .await?;
    let entries = expected_seq - 1;
    if head_seq != entries || head_hash != expected_prev {
        return Ok(Verdict::Broken {
            seq: head_seq,
            problem: format!("the trail ends at entry {entries} but {head_seq} were written: the newest entries were removed"),
        });
    }
    Ok(Verdict::Intact { entries })
}
