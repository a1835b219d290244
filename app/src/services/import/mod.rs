//! The council's case system extract: CSV files shaped like the Standard Safeguarding Dataset's
//! tables (docs/case-system-extract.md), read by `hearth import` and the administrators' upload
//! page. A check runs the whole import in one write transaction and rolls it back, keeping only
//! its report; an import of the same files runs it again and commits it only if it comes to the
//! same report, so what was checked is exactly what is applied, all or nothing.

mod allocations;
mod apply;
mod files;
mod index;
mod outcomes;
mod people;
mod plans;
mod rows;

pub use apply::Importer;
pub use files::{ExtractFile, Table, MAX_BYTES};

use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::ids::{AuthorityId, ExtractReportId};
use crate::domain::record::{RecordKind, RecordRef};
use crate::error::{AppError, FieldErrors};
use crate::page_data::import::{ExtractReport, ExtractReportView, ImportsOverview};
use crate::services::council_scope::own_council;
use crate::services::today;
use crate::store::audit::NewEntry;
use crate::store::extract_reports::{self, NewReport};
use crate::store::{self, audit, now_ms, Db};
use rows::Lines;
use sha2::{Digest, Sha256};

/// How long a check stands for an import of the same files.
const CHECK_STANDS_FOR_MS: i64 = 24 * 60 * 60 * 1000;

/// How many past checks and imports the upload page lists.
const RECENT: i64 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Check,
    Apply,
}

/// What a check or an import came to.
pub struct Done {
    pub id: ExtractReportId,
    pub applied: bool,
    /// An import whose files were checked, but Hearth changed since: this is a new check.
    pub changed_since_check: bool,
    pub report: ExtractReport,
}

/// The same files, whatever order they are given in.
fn fingerprint(files: &[ExtractFile]) -> String {
    let mut sorted: Vec<&ExtractFile> = files.iter().collect();
    sorted.sort_by_key(|f| f.name.to_ascii_lowercase());
    let mut hash = Sha256::new();
    for file in sorted {
        hash.update(file.name.to_ascii_lowercase().as_bytes());
        hash.update((file.bytes.len() as u64).to_be_bytes());
        hash.update(&file.bytes);
    }
    hex::encode(hash.finalize())
}

/// The problems with the files, beside the upload's field.
fn refused_files(problems: Vec<String>) -> AppError {
    let mut errors = FieldErrors::default();
    for problem in problems {
        errors.add("files", problem);
    }
    AppError::Invalid(errors)
}

/// The trail's entry for files refused as files: denied, but not flagged for review, because
/// nothing was asked that the policy refused.
fn not_read(mut entry: NewEntry) -> NewEntry {
    entry.outcome = crate::domain::audit::Outcome::Denied;
    entry
}

/// Checks or imports `files` as `who`; `entry` is the audit entry for the whole run.
pub async fn run(
    db: &Db,
    who: &Importer,
    files: &[ExtractFile],
    mode: Mode,
    entry: NewEntry,
) -> Result<Done, AppError> {
    let sheets = match files::read(files) {
        Ok(sheets) => sheets,
        Err(problems) => {
            let detail = format!("files refused: {} problems", problems.len());
            audit::record(db, &not_read(entry).detail(detail)).await?;
            return Err(refused_files(problems));
        }
    };
    let given: Vec<Table> = sheets.iter().map(|s| s.table).collect();
    let lines = Lines::read(&sheets);
    let print = fingerprint(files);
    let mut write = db.write().await?;
    let checked = match mode {
        Mode::Check => None,
        Mode::Apply => {
            let since = who.now - CHECK_STANDS_FOR_MS;
            match extract_reports::checked_in(&mut write, who.authority, &print, since).await? {
                Some(checked) => Some(checked),
                None => {
                    drop(write);
                    return Err(refused_files(vec![
                        "Check these files before importing them: nothing was imported".into(),
                    ]));
                }
            }
        }
    };
    let report = apply::apply(&mut write, who, &lines, &given).await?;
    let id = ExtractReportId::new();
    let applied = checked.as_ref() == Some(&report);
    if !applied {
        write.rollback().await?;
        write = db.write().await?;
    }
    extract_reports::insert(
        &mut write,
        &NewReport {
            id,
            authority: who.authority,
            made_by: who.actor,
            made_at: who.now,
            fingerprint: &print,
            applied,
            report: &report,
        },
    )
    .await?;
    let mut entry = entry
        .record(RecordRef::Extract(id))
        .detail(report.summary());
    entry.action = if applied {
        AuditAction::ImportExtract
    } else {
        AuditAction::CheckExtract
    };
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(Done {
        id,
        applied,
        changed_since_check: checked.is_some() && !applied,
        report,
    })
}

/// The importer for a signed-in administrator, once the policy allows it in their council.
async fn importer(caller: &Caller, entry: &NewEntry) -> Result<(Importer, AuthorityId), AppError> {
    let authority = own_council(caller, Action::ImportExtract, entry).await?;
    let who = Importer {
        actor: caller.viewer()?.account_id,
        authority,
        today: today(),
        now: now_ms(),
        entry: caller.entry(AuditAction::ImportExtract, RecordKind::Family),
    };
    Ok((who, authority))
}

/// The upload page's check or import.
pub async fn upload(caller: &Caller, files: &[ExtractFile], mode: Mode) -> Result<Done, AppError> {
    let entry = caller.entry(AuditAction::CheckExtract, RecordKind::Extract);
    let (who, _) = importer(caller, &entry).await?;
    run(&caller.state.db, &who, files, mode, entry).await
}

/// Whether `caller` may upload the extract: asked before the files are read.
pub async fn may_import(caller: &Caller) -> Result<(), AppError> {
    let entry = caller.entry(AuditAction::CheckExtract, RecordKind::Extract);
    own_council(caller, Action::ImportExtract, &entry)
        .await
        .map(|_| ())
}

/// A refusal of the upload itself (too large, not a form of files), recorded like a check.
pub async fn refuse_upload(caller: &Caller, problem: String) -> Result<AppError, AppError> {
    let entry = caller.entry(AuditAction::CheckExtract, RecordKind::Extract);
    own_council(caller, Action::ImportExtract, &entry).await?;
    let entry = not_read(entry).detail("files refused: the upload could not be read");
    audit::record(&caller.state.db, &entry).await?;
    Ok(refused_files(vec![problem]))
}

pub async fn page(caller: &Caller) -> Result<ImportsOverview, AppError> {
    let entry = caller.entry(AuditAction::ViewImports, RecordKind::Extract);
    let authority = own_council(caller, Action::ImportExtract, &entry).await?;
    let db = &caller.state.db;
    let page = ImportsOverview {
        recent: extract_reports::recent(db, authority, RECENT).await?,
    };
    audit::record(db, &entry).await?;
    Ok(page)
}

pub async fn report(caller: &Caller, id: ExtractReportId) -> Result<ExtractReportView, AppError> {
    let entry = caller
        .entry(AuditAction::ViewImports, RecordKind::Extract)
        .record(RecordRef::Extract(id));
    let authority = own_council(caller, Action::ImportExtract, &entry).await?;
    let db = &caller.state.db;
    // Another council's report is not found, like one that never was.
    let view = extract_reports::one(db, authority, id)
        .await?
        .ok_or(AppError::NotFound)?;
    audit::record(db, &entry).await?;
    Ok(view)
}

/// `hearth import`: the administrator signing in with `login` checks or imports the files.
pub async fn from_command_line(
    db: &Db,
    login: &str,
    files: &[ExtractFile],
    mode: Mode,
) -> Result<Done, String> {
    let login = login.trim().to_lowercase();
    let now = now_ms();
    let account = store::accounts::credentials(db, &login)
        .await
        .map_err(|e| e.to_string())?
        .filter(|c| !c.disabled)
        .ok_or_else(|| format!("{login} is not an administrator's account that can sign in"))?
        .account_id;
    let viewer = store::accounts::viewer(db, account, now)
        .await
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("{login} is not an administrator's account that can sign in"))?;
    let authority = viewer
        .authority_id()
        .ok_or_else(|| format!("{login} is not a member of staff"))?;
    let action = match mode {
        Mode::Check => AuditAction::CheckExtract,
        Mode::Apply => AuditAction::ImportExtract,
    };
    let entry = apply::command_line_entry(account, action);
    if !decide(&viewer, Action::ImportExtract, Target::Authority(authority)).is_allowed() {
        let _ = audit::record(db, &entry.refused()).await;
        return Err(format!(
            "{login} is not one of the council's administrators, who import its extract"
        ));
    }
    let who = Importer {
        actor: account,
        authority,
        today: today(),
        now,
        entry: apply::command_line_entry(account, AuditAction::ImportExtract),
    };
    run(db, &who, files, mode, entry)
        .await
        .map_err(|e| match e {
            AppError::Invalid(errors) => errors
                .errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.to_string(),
        })
}
