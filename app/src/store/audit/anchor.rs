//! The head written down outside the database, and the proof that the trail still holds it.

use super::verify::{hash_of, walk, Verdict};
use crate::store::db::{now_ms, Db};
use crate::store::row::StoreError;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

/// One line of JSON for the council to keep: the newest entry, its seal and its time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub seq: i64,
    pub hash: String,
    /// When the entry was written (RFC 3339); absent for an empty trail.
    #[serde(default)]
    pub at: Option<String>,
    /// When the anchor was taken (RFC 3339).
    #[serde(default)]
    pub taken: Option<String>,
}

fn rfc3339(ms: i64) -> Option<String> {
    DateTime::<Utc>::from_timestamp_millis(ms).map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// The head of an intact chain, or the verdict saying why there is none to anchor.
pub async fn take(db: &Db) -> Result<Result<Anchor, Verdict>, StoreError> {
    let walked = walk(db, None).await?;
    if !matches!(walked.verdict, Verdict::Intact { .. }) {
        return Ok(Err(walked.verdict));
    }
    let head = walked.through;
    let at: Option<i64> = sqlx::query_scalar("SELECT at FROM audit_log WHERE seq = $1")
        .bind(head.seq)
        .fetch_optional(db.pool())
        .await?;
    Ok(Ok(Anchor {
        seq: head.seq,
        hash: head.hash,
        at: at.and_then(rfc3339),
        taken: rfc3339(now_ms()),
    }))
}

/// Verifies the whole chain, then that it still holds the anchored entry with the anchored seal.
/// Someone who removed the newest entries and set the head back leaves an intact, shorter chain:
/// only an anchor kept elsewhere shows it.
pub async fn verify_with(db: &Db, anchor: &Anchor) -> Result<Verdict, StoreError> {
    let walked = walk(db, None).await?;
    let Verdict::Intact { entries } = walked.verdict else {
        return Ok(walked.verdict);
    };
    if anchor.seq > entries {
        return Ok(Verdict::Broken {
            seq: anchor.seq,
            problem: format!(
                "the trail ends at entry {entries} but the anchor holds entry {}: entries were removed",
                anchor.seq
            ),
        });
    }
    if anchor.seq > 0 && hash_of(db, anchor.seq).await?.as_deref() != Some(anchor.hash.as_str()) {
        return Ok(Verdict::Broken {
            seq: anchor.seq,
            problem: format!(
                "entry {} is not the one anchored: the trail up to it was rewritten",
                anchor.seq
            ),
        });
    }
    Ok(Verdict::Intact { entries })
}
