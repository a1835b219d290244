//! Walking the chain: every row, from the lowest number, or only those after a checkpoint the
//! caller verified before and kept (never one read back from the database).

use super::seal::{Sealed, GENESIS};
use crate::store::audit_key::AuditKey;
use crate::store::db::Db;
use crate::store::row::StoreError;

/// An entry known to be intact, and every entry before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
}

impl Checkpoint {
    /// Before entry 1.
    pub fn genesis() -> Checkpoint {
        Checkpoint {
            seq: 0,
            hash: GENESIS.to_string(),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Intact { entries: i64 },
    Broken { seq: i64, problem: String },
}

/// What a walk found, and the last entry it found intact (where the next walk may begin).
#[derive(Debug)]
pub struct Walk {
    pub verdict: Verdict,
    pub through: Checkpoint,
}

/// Walks the whole chain, recomputing every seal.
pub async fn verify(db: &Db) -> Result<Verdict, StoreError> {
    Ok(walk(db, None).await?.verdict)
}

/// The head and the table's extent, read in one statement so they agree with each other even
/// while other servers append (an append moves all three in one transaction).
#[derive(sqlx::FromRow)]
struct Extent {
    seq: i64,
    hash: String,
    max_seq: Option<i64>,
    row_count: i64,
}

/// Walks from `from` (exclusive) to the head, or the whole chain from its lowest row when `from`
/// is `None`. A walk from a checkpoint trusts the entries up to it: it sees rows removed or added
/// anywhere (by their count) and a changed checkpoint entry, but not an edit of an older entry.
pub async fn walk(db: &Db, from: Option<&Checkpoint>) -> Result<Walk, StoreError> {
    let extent: Extent = sqlx::query_as(
        "SELECT seq, hash, (SELECT MAX(seq) FROM audit_log) AS max_seq, (SELECT COUNT(*) FROM audit_log) AS row_count
         FROM audit_head WHERE id = 1",
    )
    .fetch_one(db.pool())
    .await?;
    let start = from.cloned().unwrap_or_else(Checkpoint::genesis);
    let broken = |seq: i64, problem: String, through: &Checkpoint| Walk {
        verdict: Verdict::Broken { seq, problem },
        through: through.clone(),
    };
    if let Some(checkpoint) = from {
        if extent.seq < checkpoint.seq {
            return Ok(broken(
                extent.seq,
                format!("the trail ends at entry {} but entry {} was verified before: the newest entries were removed", extent.seq, checkpoint.seq),
                &start,
            ));
        }
        if checkpoint.seq > 0 && hash_of(db, checkpoint.seq).await? != Some(checkpoint.hash.clone())
        {
            return Ok(broken(
                checkpoint.seq,
                format!("entry {} was changed after it was verified", checkpoint.seq),
                &start,
            ));
        }
    }
    let mut last = start.clone();
    // From the lowest row of all on a whole walk, so a row numbered below 1 is read too.
    let mut after = if from.is_some() { start.seq } else { i64::MIN };
    loop {
        let rows: Vec<StoredRow> = sqlx::query_as(
            "SELECT seq, id, at, actor_id, actor_name, action, record_kind, record_id, family_id, team_id, outcome, detail, origin, flagged, prev_hash, hash, erased_by
             FROM audit_log WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT 1000",
        )
        .bind(after)
        .bind(extent.seq)
        .fetch_all(db.pool())
        .await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            if let Some((seq, problem)) = row.fault(db.audit_key(), &last) {
                return Ok(broken(seq, problem, &last));
            }
            last = Checkpoint {
                seq: row.seq,
                hash: row.hash.clone(),
            };
        }
        after = last.seq;
    }
    if last.seq != extent.seq || last.hash != extent.hash {
        return Ok(broken(
            extent.seq,
            format!(
                "the trail ends at entry {} but {} were written: the newest entries were removed",
                last.seq, extent.seq
            ),
            &last,
        ));
    }
    if let Some(max) = extent.max_seq.filter(|max| *max > extent.seq) {
        return Ok(broken(
            max,
            format!(
                "entry {max} is beyond the newest entry written ({})",
                extent.seq
            ),
            &last,
        ));
    }
    if extent.row_count != extent.seq {
        return Ok(broken(
            extent.seq,
            format!(
                "the trail holds {} rows but {} entries were written: rows were added or removed",
                extent.row_count, extent.seq
            ),
            &last,
        ));
    }
    if let Some((seq, problem)) = super::erasure::unaccounted(db).await? {
        return Ok(broken(seq, problem, &last));
    }
    Ok(Walk {
        verdict: Verdict::Intact { entries: last.seq },
        through: last,
    })
}

/// The head as stored: the number and seal of the newest entry written.
pub async fn head(db: &Db) -> Result<Checkpoint, StoreError> {
    let (seq, hash): (i64, String) =
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(db.pool())
            .await?;
    Ok(Checkpoint { seq, hash })
}

/// The stored hash of one entry.
pub async fn hash_of(db: &Db, seq: i64) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar::<_, String>("SELECT hash FROM audit_log WHERE seq = $1")
            .bind(seq)
            .fetch_optional(db.pool())
            .await?,
    )
}

/// An entry exactly as stored: the verifier seals the stored text, never a decoded value, so a
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
    /// The destruction that erased this entry's words (`erasure`).
    erased_by: Option<String>,
}

impl StoredRow {
    /// Why this row cannot follow `last`, if it cannot.
    fn fault(&self, key: &AuditKey, last: &Checkpoint) -> Option<(i64, String)> {
        let seq = self.seq;
        let expected = last.seq + 1;
        if seq < 1 {
            return Some((
                seq,
                format!("entry {seq} is outside the chain, which starts at entry 1"),
            ));
        }
        if seq != expected {
            return Some((expected, format!("entry {expected} is missing")));
        }
        if self.prev_hash != last.hash {
            return Some((
                seq,
                format!("entry {seq} does not follow entry {}", last.seq),
            ));
        }
        // An erased entry's words are gone, so its seal cannot be recomputed; its hash still
        // binds it to the next entry, and `erasure` checks a destruction accounts for it.
        if self.erased_by.is_none() && self.sealed().hash(key, &self.prev_hash) != self.hash {
            return Some((seq, format!("entry {seq} was changed after it was written")));
        }
        None
    }

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
