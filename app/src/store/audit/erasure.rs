//! Entries whose words a destruction erased (docs/decisions/0025-destroying-a-family.md). Their
//! seals can no longer be recomputed, but they keep their place: the next entry's seal covers
//! their hash, so none can be removed, reordered or rewritten unseen. What stops someone from
//! passing tampering off as erasure is the destruction's own entry, sealed with the key: every
//! erased entry names it, it comes after them, and it says how many it erased.

use super::super::db::Db;
use super::super::row::StoreError;
use crate::domain::audit::AuditAction;

/// The destruction entry's detail: how many entries it erased, then the rules applied.
pub fn detail(erased: u64, rules: &str) -> String {
    format!("{erased} audit entries erased; under {rules}")
}

fn claimed(detail: &str) -> Option<i64> {
    detail
        .split_once(" audit entries erased")
        .and_then(|(count, _)| count.parse().ok())
}

#[derive(sqlx::FromRow)]
struct Erasure {
    erased_by: String,
    erased: i64,
    last: i64,
}

#[derive(sqlx::FromRow)]
struct Destruction {
    seq: i64,
    action: String,
    detail: String,
    erased_by: Option<String>,
}

/// The first erasure that no destruction accounts for, as (entry number, problem).
pub(super) async fn unaccounted(db: &Db) -> Result<Option<(i64, String)>, StoreError> {
    let erasures: Vec<Erasure> = sqlx::query_as(
        "SELECT erased_by, COUNT(*) AS erased, MAX(seq) AS last FROM audit_log
         WHERE erased_by IS NOT NULL GROUP BY erased_by ORDER BY MAX(seq)",
    )
    .fetch_all(db.pool())
    .await?;
    for erasure in erasures {
        let by: Option<Destruction> =
            sqlx::query_as("SELECT seq, action, detail, erased_by FROM audit_log WHERE id = $1")
                .bind(&erasure.erased_by)
                .fetch_optional(db.pool())
                .await?;
        let accounted = by.is_some_and(|by| {
            by.action == AuditAction::DestroyFamily.code()
                && by.erased_by.is_none()
                && by.seq > erasure.last
                && claimed(&by.detail) == Some(erasure.erased)
        });
        if !accounted {
            return Ok(Some((
                erasure.last,
                format!(
                    "entry {} was erased, and no destruction recorded after it accounts for it",
                    erasure.last
                ),
            )));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_detail_says_how_many() {
        let text = detail(42, "family_record: 35 years from case_closure");
        assert_eq!(claimed(&text), Some(42));
        assert_eq!(claimed("reopened"), None);
    }
}
