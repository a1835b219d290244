//! Upgrading: a database written by the previous release (the demo council, dumped by
//! `scripts/make-upgrade-fixture.sh` into `tests/fixtures/upgrade/`) opens in this one. Its
//! migrations run, nothing it held is lost, its audit trail still verifies, and its people sign in
//! and work as before.

mod support;

use sqlx::Connection;
use std::io::Read;
use support::{Backend, TestApp};

const TABLES: [&str; 8] = [
    "families",
    "members",
    "goals",
    "check_ins",
    "workbook_entries",
    "supervisions",
    "accounts",
    "audit_log",
];

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/upgrade")
        .join(name);
    let file = std::fs::File::open(&path).expect("the fixture is in the tree");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("the fixture reads");
    text
}

/// Puts the previous release's database into `url`, as it left it.
async fn load(backend: Backend, url: &str) {
    match backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&format!("{url}?mode=rwc"))
                .await
                .expect("a new SQLite file");
            sqlx::raw_sql(&fixture("sqlite.sql.gz"))
                .execute(&mut conn)
                .await
                .expect("the SQLite dump loads");
            conn.close().await.expect("closed");
        }
        Backend::Postgres => {
            // pg_dump writes COPY blocks and psql's own commands: psql loads it.
            let psql = std::env::var_os("HEARTH_PG_BIN")
                .map(|dir| std::path::Path::new(&dir).join("psql"))
                .unwrap_or_else(|| "psql".into());
            let mut child = std::process::Command::new(psql)
                .args([
                    "--quiet",
                    "--no-psqlrc",
                    "-v",
                    "ON_ERROR_STOP=1",
                    "--dbname",
                    url,
                ])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("psql runs (set HEARTH_PG_BIN)");
            {
                use std::io::Write;
                let mut stdin = child.stdin.take().expect("stdin");
                stdin
                    .write_all(fixture("postgres.sql.gz").as_bytes())
                    .expect("the dump is sent");
            }
            assert!(child.wait().expect("psql ends").success(), "the dump loads");
        }
    }
}

async fn counts(url: &str) -> (Vec<i64>, i64) {
    let mut conn = sqlx::AnyConnection::connect(url).await.expect("connect");
    let mut found = Vec::new();
    for table in TABLES {
        found.push(
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&mut conn)
                .await
                .expect("a count"),
        );
    }
    let version: i64 = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .expect("the schema's version");
    conn.close().await.ok();
    (found, version)
}

async fn upgrade(backend: Backend) {
    sqlx::any::install_default_drivers();
    let (url, dir) = backend.fresh_database().await;
    load(backend, &url).await;
    let (before, old_version) = counts(&url).await;
    assert!(
        before.iter().all(|n| *n > 0),
        "the old demo held data: {before:?}"
    );

    let app = TestApp::on(url.clone(), dir, support::demo_settings()).await;
    let (after, new_version) = counts(&url).await;
    assert!(new_version > old_version, "{old_version} → {new_version}");
    // Nothing is lost; only the audit trail grows as the upgraded Hearth is used below.
    assert_eq!(after, before);
    assert_eq!(app.get("/readyz", None).await.status, 200);
    let verdict = app::store::audit::verify(&app.db).await.expect("verify");
    assert!(
        matches!(verdict, app::store::audit::Verdict::Intact { .. }),
        "{verdict:?}"
    );

    // Its people work as before: a social worker's pages, a parent's rating.
    let sam = app.sign_in(support::logins::SAM).await;
    for page in ["/families", "/week"] {
        assert_eq!(app.get(page, Some(&sam)).await.status, 200, "{page}");
    }
    let family = app.family_id("Ashworth").await;
    let workbook = app
        .get(&format!("/families/{family}/workbook"), Some(&sam))
        .await;
    assert_eq!(workbook.status, 200);
    let kelly = app.sign_in("kelly.ashworth").await;
    let page = app.call("own_page", &[], Some(&kelly)).await;
    let goal = page
        .body
        .split("\"goals\":[{\"id\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("Kelly's goal")
        .to_string();
    let rated = app
        .call(
            "rate_goal",
            &[
                ("goal", &goal),
                ("check_in", &support::new_id()),
                ("score", "8"),
            ],
            Some(&kelly),
        )
        .await;
    assert_eq!(rated.status, 200, "{}", rated.body);
    let verdict = app::store::audit::verify(&app.db).await.expect("verify");
    assert!(matches!(verdict, app::store::audit::Verdict::Intact { .. }));
    println!(
        "{backend:?}: schema {old_version} → {new_version}; {} rows kept in {} tables",
        before.iter().sum::<i64>(),
        TABLES.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_database_of_the_previous_release_upgrades() {
    upgrade(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_database_of_the_previous_release_upgrades() {
    upgrade(Backend::Postgres).await;
}
