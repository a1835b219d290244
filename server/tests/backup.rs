//! `hearth backup` while Hearth takes writes, and `hearth restore` into an empty place: the
//! restored copy is sound, its audit trail verifies, and it holds what the source held.

mod support;

use app::store::Db;
use server::backup_seal::BackupKey;
use std::path::Path;
use support::{Backend, TestApp};

async fn counts(db: &Db) -> Vec<i64> {
    let mut found = Vec::new();
    for table in [
        "families",
        "members",
        "goals",
        "workbook_entries",
        "accounts",
    ] {
        found.push(
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(db.pool())
                .await
                .expect("a count"),
        );
    }
    found
}

async fn audit_head(db: &Db) -> i64 {
    app::store::health::audit_length(db)
        .await
        .expect("the head")
}

async fn backup_under_load_and_restore(app: TestApp, backend: Backend, seal: Option<BackupKey>) {
    let before = counts(&app.db).await;
    let head_before = audit_head(&app.db).await;
    // Writes go on while the copy is made: sign-ins add sessions and audit entries.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let stop = stop.clone();
        let router = app.router.clone();
        tokio::spawn(async move {
            let mut signed_in = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let reply = support::http::post(
                    &router,
                    "/api/sign_in",
                    &[
                        ("login", support::logins::SAM),
                        ("password", support::PASSWORD),
                    ],
                    None,
                    support::http::Caller::Script,
                )
                .await;
                assert_eq!(reply.status, 200);
                signed_in += 1;
            }
            signed_in
        })
    };
    // The copy starts once the writes have reached the audit trail, however busy the machine.
    let waited = tokio::time::timeout(std::time::Duration::from_secs(60), async {
        while audit_head(&app.db).await <= head_before {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(waited.is_ok(), "the writes reach the audit trail");
    let dir = std::env::temp_dir().join(format!("hearth-backup-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("a directory");
    let file = dir.join("hearth.backup");
    let made = server::backup::backup(
        &app.db,
        &app.database_url,
        support::audit_key(),
        &file,
        seal.as_ref(),
    )
    .await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let signed_in = writer.await.expect("the writer");
    assert!(made.is_ok(), "{made:?}");
    assert!(signed_in > 0);
    // A backup never writes over a file.
    let again = server::backup::backup(
        &app.db,
        &app.database_url,
        support::audit_key(),
        &file,
        seal.as_ref(),
    )
    .await;
    assert!(again.is_err());

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .expect("the backup")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "a backup is its owner's only");
    }
    let (target, _target_dir) = backend.fresh_database().await;
    if seal.is_some() {
        sealed_backup_holds_nothing_readable(backend, &file).await;
    }
    let restored =
        server::backup::restore(&target, support::audit_key(), &file, seal.as_ref()).await;
    assert!(restored.is_ok(), "{restored:?}");
    let copy = Db::connect(&target, support::audit_key())
        .await
        .expect("the restored copy opens");
    assert_eq!(counts(&copy).await, before);
    let head = audit_head(&copy).await;
    assert!(
        head > head_before,
        "the copy holds the entries written before it was made"
    );
    assert!(head <= audit_head(&app.db).await);
    copy.close().await;
    // Restoring again into a place that is no longer empty is refused.
    let over = server::backup::restore(&target, support::audit_key(), &file, seal.as_ref()).await;
    assert!(over.is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A sealed backup: no family's name in it, nothing left unsealed beside it, and it does not
/// restore without its key or with another, leaving the place empty.
async fn sealed_backup_holds_nothing_readable(backend: Backend, file: &Path) {
    let bytes = std::fs::read(file).expect("the backup");
    for plain in [&b"Ashworth"[..], b"SQLite format 3", b"PGDMP"] {
        assert!(
            !bytes.windows(plain.len()).any(|w| w == plain),
            "{} readable in a sealed backup",
            String::from_utf8_lossy(plain)
        );
    }
    let dir = file.parent().expect("the backup's folder");
    let beside: Vec<_> = std::fs::read_dir(dir)
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        beside.len(),
        1,
        "only the sealed backup is left: {beside:?}"
    );
    for key in [None, Some(BackupKey::new([9; 32]))] {
        let (target, _dir) = backend.fresh_database().await;
        let refused =
            server::backup::restore(&target, support::audit_key(), file, key.as_ref()).await;
        assert!(refused.is_err(), "{refused:?}");
        if backend == Backend::Sqlite {
            let path = target.trim_start_matches("sqlite://");
            assert!(!Path::new(path).exists(), "nothing half-restored");
        }
    }
}

fn seal() -> Option<BackupKey> {
    Some(BackupKey::new([7; 32]))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_under_load_restores() {
    backup_under_load_and_restore(TestApp::start(Backend::Sqlite).await, Backend::Sqlite, None)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backup_under_load_restores() {
    backup_under_load_and_restore(
        TestApp::start(Backend::Postgres).await,
        Backend::Postgres,
        None,
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_sealed_backup_restores_with_its_key_only() {
    backup_under_load_and_restore(
        TestApp::start(Backend::Sqlite).await,
        Backend::Sqlite,
        seal(),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_sealed_backup_restores_with_its_key_only() {
    backup_under_load_and_restore(
        TestApp::start(Backend::Postgres).await,
        Backend::Postgres,
        seal(),
    )
    .await;
}
