//! `hearth backup FILE` and `hearth restore FILE`. A backup is a consistent copy made while
//! Hearth serves (SQLite's `VACUUM INTO`; PostgreSQL's `pg_dump` in its custom format), and is
//! only called one once it has been read back: on SQLite, `integrity_check` passes and the audit
//! trail verifies in the copy. A restore goes only into an empty place (a SQLite file that does
//! not exist yet, a PostgreSQL database with no tables), then migrates and verifies the same way.
//! With `HEARTH_BACKUP_KEY_FILE` set, the backup file is encrypted (`backup_seal`).

use crate::backup_seal::{self, BackupKey};
use app::store::audit::{self, AuditKey, Verdict};
use app::store::Db;
use sqlx::Connection;
use std::path::Path;
use std::process::{Command, ExitCode};

fn is_postgres(url: &str) -> bool {
    url.starts_with("postgres:") || url.starts_with("postgresql:")
}

/// The SQLite file a `sqlite://` URL names.
fn sqlite_file(url: &str) -> Result<&Path, String> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| format!("not a SQLite URL: {url}"))?;
    Ok(Path::new(rest.split('?').next().unwrap_or(rest)))
}

/// A program of PostgreSQL's client tools: `HEARTH_PG_BIN/NAME`, or `NAME` on the PATH.
fn pg_tool(name: &str) -> std::path::PathBuf {
    match std::env::var_os("HEARTH_PG_BIN") {
        Some(dir) => Path::new(&dir).join(name),
        None => name.into(),
    }
}

fn run(command: &mut Command, what: &str) -> Result<(), String> {
    let output = command.output().map_err(|e| {
        format!("cannot run {what}: {e} (set HEARTH_PG_BIN to PostgreSQL's bin folder)")
    })?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// Reads a SQLite copy back: every page is sound and the audit trail is intact.
async fn check_sqlite_copy(file: &Path, key: AuditKey) -> Result<i64, String> {
    let url = format!("sqlite://{}", file.display());
    let copy = Db::connect(&url, key)
        .await
        .map_err(|e| format!("the copy cannot be opened: {e}"))?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(copy.pool())
        .await
        .map_err(|e| format!("the copy cannot be checked: {e}"))?;
    let verdict = audit::verify(&copy).await;
    copy.close().await;
    if integrity != "ok" {
        return Err(format!("the copy is damaged: {integrity}"));
    }
    match verdict.map_err(|e| format!("the copy's audit trail cannot be read: {e}"))? {
        Verdict::Intact { entries } => Ok(entries),
        Verdict::Broken { seq, problem } => Err(format!(
            "the copy's audit trail is broken at entry {seq}: {problem}"
        )),
    }
}

/// Makes a backup of the database in `file` and reads it back; with `seal`, the file is
/// encrypted (`backup_seal`) and the plain copy it was made from is removed.
pub async fn backup(
    db: &Db,
    url: &str,
    key: AuditKey,
    file: &Path,
    seal: Option<&BackupKey>,
) -> Result<ExitCode, String> {
    if file.exists() {
        return Err(format!(
            "{} already exists: a backup never writes over a file",
            file.display()
        ));
    }
    let checked = match seal {
        None => copy_checked(db, url, key, file).await?,
        Some(seal_key) => {
            // The plain copy lives only while it is checked and sealed, beside the backup and
            // readable by its owner only.
            let plain = file.with_extension("unsealed-partial");
            let made = match copy_checked(db, url, key, &plain).await {
                Ok(checked) => backup_seal::seal(&plain, file, seal_key).map(|()| checked),
                Err(problem) => Err(problem),
            };
            let _ = std::fs::remove_file(&plain);
            if made.is_err() {
                let _ = std::fs::remove_file(file);
            }
            format!("{}; encrypted with HEARTH_BACKUP_KEY_FILE", made?)
        }
    };
    println!("Backed up to {}: {checked}.", file.display());
    Ok(ExitCode::SUCCESS)
}

/// The copy in `file` (made readable by its owner only), read back; what the check found.
async fn copy_checked(db: &Db, url: &str, key: AuditKey, file: &Path) -> Result<String, String> {
    let path = file
        .to_str()
        .ok_or_else(|| format!("{} is not a path Hearth can hand on", file.display()))?;
    // Both VACUUM INTO and pg_dump take an empty file that is there already, keeping its mode.
    backup_seal::new_private_file(file)?;
    if is_postgres(url) {
        let made = run(
            Command::new(pg_tool("pg_dump")).args([
                "--format=custom",
                "--no-owner",
                "--file",
                path,
                url,
            ]),
            "pg_dump",
        )
        // Read back: a file pg_restore cannot list is no backup.
        .and_then(|()| {
            run(
                Command::new(pg_tool("pg_restore")).args(["--list", path]),
                "pg_restore --list",
            )
        });
        if let Err(problem) = made {
            let _ = std::fs::remove_file(file);
            return Err(problem);
        }
        return Ok("pg_dump, custom format; pg_restore reads it".into());
    }
    if let Err(e) = sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(db.pool())
        .await
    {
        let _ = std::fs::remove_file(file);
        return Err(format!("the copy could not be made: {e}"));
    }
    match check_sqlite_copy(file, key).await {
        Ok(entries) => Ok(format!(
            "integrity check ok, audit trail intact ({entries} entries)"
        )),
        Err(problem) => {
            let _ = std::fs::remove_file(file);
            Err(format!("{problem}; the copy was removed"))
        }
    }
}

/// Puts a backup back into an empty place; a sealed one needs the key it was sealed with.
pub async fn restore(
    url: &str,
    key: AuditKey,
    file: &Path,
    seal: Option<&BackupKey>,
) -> Result<ExitCode, String> {
    if !file.is_file() {
        return Err(format!("{} is not a file", file.display()));
    }
    let seal = if backup_seal::is_sealed(file)? {
        Some(seal.ok_or(
            "this backup is encrypted: set HEARTH_BACKUP_KEY_FILE to the key it was made with",
        )?)
    } else {
        None
    };
    if is_postgres(url) {
        return match seal {
            None => restore_postgres(url, key, file).await,
            Some(seal_key) => {
                let plain = std::env::temp_dir().join(format!(
                    "hearth-restore-{}.unsealed",
                    uuid::Uuid::new_v4().simple()
                ));
                let restored = match backup_seal::open(file, &plain, seal_key) {
                    Ok(()) => restore_postgres(url, key, &plain).await,
                    Err(problem) => Err(problem),
                };
                let _ = std::fs::remove_file(&plain);
                restored
            }
        };
    }
    let target = sqlite_file(url)?;
    if target.exists() {
        return Err(format!(
            "{} already exists: restore into an empty data directory",
            target.display()
        ));
    }
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    match seal {
        Some(seal_key) => backup_seal::open(file, target, seal_key)?,
        None => {
            std::fs::copy(file, target).map_err(|e| format!("cannot copy the backup: {e}"))?;
        }
    }
    match check_sqlite_copy(target, key).await {
        Ok(entries) => {
            println!(
                "Restored to {}: integrity check ok, audit trail intact ({entries} entries).",
                target.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(problem) => {
            let _ = std::fs::remove_file(target);
            Err(format!("{problem}; nothing was restored"))
        }
    }
}

async fn restore_postgres(url: &str, key: AuditKey, file: &Path) -> Result<ExitCode, String> {
    let mut conn = sqlx::AnyConnection::connect(url)
        .await
        .map_err(|e| format!("cannot reach the database: {e}"))?;
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&mut conn)
    .await
    .map_err(|e| format!("cannot read the database: {e}"))?;
    let _ = conn.close().await;
    if tables > 0 {
        return Err("the database is not empty: restore into a new, empty database".into());
    }
    let path = file.to_str().ok_or("the backup's path is not text")?;
    run(
        Command::new(pg_tool("pg_restore")).args([
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            url,
            path,
        ]),
        "pg_restore",
    )?;
    let db = Db::connect(url, key)
        .await
        .map_err(|e| format!("the restored database cannot be opened: {e}"))?;
    let verdict = audit::verify(&db).await;
    db.close().await;
    match verdict.map_err(|e| format!("cannot read the audit trail: {e}"))? {
        Verdict::Intact { entries } => {
            println!("Restored: audit trail intact ({entries} entries).");
            Ok(ExitCode::SUCCESS)
        }
        Verdict::Broken { seq, problem } => Err(format!(
            "restored, but the audit trail is broken at entry {seq}: {problem}"
        )),
    }
}
