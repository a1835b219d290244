//! `hearth backup` while Hearth takes writes, and `hearth restore` into an empty place: the
//! restored copy is sound, its audit trail verifies, and it holds what the source held.

mod support;

use app::store::Db;
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

async fn backup_under_load_and_restore(app: TestApp, backend: Backend) {
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
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let dir = std::env::temp_dir().join(format!("hearth-backup-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("a directory");
    let file = dir.join("hearth.backup");
    let made =
        server::backup::backup(&app.db, &app.database_url, support::audit_key(), &file).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let signed_in = writer.await.expect("the writer");
    assert!(made.is_ok(), "{made:?}");
    assert!(signed_in > 0);
    // A backup never writes over a file.
    let again =
        server::backup::backup(&app.db, &app.database_url, support::audit_key(), &file).await;
    assert!(again.is_err());

    let (target, _target_dir) = backend.fresh_database().await;
    let restored = server::backup::restore(&target, support::audit_key(), &file).await;
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
    let over = server::backup::restore(&target, support::audit_key(), &file).await;
    assert!(over.is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_under_load_restores() {
    backup_under_load_and_restore(TestApp::start(Backend::Sqlite).await, Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backup_under_load_restores() {
    backup_under_load_and_restore(TestApp::start(Backend::Postgres).await, Backend::Postgres).await;
}
