//! What each check or import of the case system's extract came to, kept for its page and for
//! the rule that an extract is checked before it is applied. The files are never kept.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::ids::{AccountId, AuthorityId, ExtractReportId};
use crate::page_data::import::{ExtractReport, ExtractReportView, RecentReport};

pub struct NewReport<'a> {
    pub id: ExtractReportId,
    pub authority: AuthorityId,
    pub made_by: AccountId,
    pub made_at: i64,
    pub fingerprint: &'a str,
    pub applied: bool,
    pub report: &'a ExtractReport,
}

pub async fn insert(write: &mut WriteTx, new: &NewReport<'_>) -> Result<(), StoreError> {
    let report = serde_json::to_string(new.report).map_err(|e| StoreError::Corrupt {
        column: "extract_reports.report",
        value: e.to_string(),
    })?;
    sqlx::query(
        "INSERT INTO extract_reports (id, authority_id, made_by, made_at, fingerprint, applied, report)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new.id)
    .bind(new.authority)
    .bind(new.made_by)
    .bind(new.made_at)
    .bind(new.fingerprint)
    .bind(i64::from(new.applied))
    .bind(report)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

fn parse(text: &str) -> Result<ExtractReport, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt {
        column: "extract_reports.report",
        value: e.to_string(),
    })
}

/// The newest check of the files with `fingerprint` made since `since`, if not yet applied.
pub async fn checked_in(
    write: &mut WriteTx,
    authority: AuthorityId,
    fingerprint: &str,
    since: i64,
) -> Result<Option<ExtractReport>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT report FROM extract_reports
         WHERE authority_id = $1 AND fingerprint = $2 AND made_at >= $3 AND applied = 0
         ORDER BY made_at DESC LIMIT 1",
    )
    .bind(authority)
    .bind(fingerprint)
    .bind(since)
    .fetch_optional(&mut *write.tx)
    .await?;
    row.map(|(text,)| parse(&text)).transpose()
}

#[derive(sqlx::FromRow)]
struct ReportRow {
    id: ExtractReportId,
    made_by: String,
    made_at: i64,
    applied: i64,
    report: String,
}

const REPORT_SELECT: &str = "SELECT r.id, a.display_name AS made_by, r.made_at, r.applied, r.report
    FROM extract_reports r JOIN accounts a ON a.id = r.made_by";

pub async fn one(
    db: &Db,
    authority: AuthorityId,
    id: ExtractReportId,
) -> Result<Option<ExtractReportView>, StoreError> {
    let row: Option<ReportRow> = sqlx::query_as(&format!(
        "{REPORT_SELECT} WHERE r.id = $1 AND r.authority_id = $2"
    ))
    .bind(id)
    .bind(authority)
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| {
        Ok(ExtractReportView {
            id: r.id,
            made_by: r.made_by,
            made_at: r.made_at,
            applied: r.applied != 0,
            report: parse(&r.report)?,
        })
    })
    .transpose()
}

/// The council's latest checks and imports, newest first.
pub async fn recent(
    db: &Db,
    authority: AuthorityId,
    limit: i64,
) -> Result<Vec<RecentReport>, StoreError> {
    let rows: Vec<ReportRow> = sqlx::query_as(&format!(
        "{REPORT_SELECT} WHERE r.authority_id = $1 ORDER BY r.made_at DESC LIMIT $2"
    ))
    .bind(authority)
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(RecentReport {
                id: r.id,
                made_by: r.made_by,
                made_at: r.made_at,
                applied: r.applied != 0,
                summary: parse(&r.report)?.summary(),
            })
        })
        .collect()
}
