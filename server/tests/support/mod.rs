//! A Hearth per test: a fresh database (an SQLite file, or a new PostgreSQL database on the
//! server the test script started), the demo data, and the real router driven in-process.

#![allow(dead_code)] // each test file uses a different part of this

pub mod backends;
pub mod council;
pub mod extract;
pub mod family;
pub mod http;
pub mod process;

use app::state::{AppState, SecondFactorRule, Settings};
use app::store::Db;
use axum::Router;
pub use backends::Backend;
pub use http::Reply;
use sqlx::Row;
use std::sync::Arc;
use std::time::Duration;

pub const PASSWORD: &str = "hearth-demo";

/// The fixed audit key every test server seals its trail with.
pub const AUDIT_KEY: &str = "hearth-test-audit-key-not-a-secret-0123456789";

pub fn audit_key() -> app::store::audit::AuditKey {
    app::store::audit::AuditKey::new(AUDIT_KEY.as_bytes().to_vec())
        .expect("test key is long enough")
}

/// A file holding [`AUDIT_KEY`], for a `hearth` process (`HEARTH_AUDIT_KEY_FILE`). Written once
/// per test binary; left in the temporary directory.
pub fn audit_key_file() -> &'static std::path::Path {
    static FILE: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    FILE.get_or_init(|| {
        let path =
            std::env::temp_dir().join(format!("hearth-test-{}.key", uuid::Uuid::new_v4().simple()));
        std::fs::write(&path, format!("{AUDIT_KEY}\n")).expect("write the test audit key");
        path
    })
}

/// The demo accounts the tests sign in as (app/src/demo).
pub mod logins {
    /// A social worker in the Family Safeguarding North team.
    pub const SAM: &str = "sam.whitfield@brookford.example";
    /// The South team's manager.
    pub const MAYA: &str = "maya.okafor@brookford.example";
    /// A social worker in the same team as Sam.
    pub const PRIYA: &str = "priya.nair@brookford.example";
    /// The South team's recovery worker.
    pub const RHYS: &str = "rhys.morgan@brookford.example";
    /// The council's administrator: accounts and teams, no case content.
    pub const JORDAN: &str = "jordan.lee@brookford.example";
}

/// A new record id, as a page makes one.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A date `offset` days from today, as a date field sends it.
pub fn day(offset: i64) -> String {
    (chrono::Utc::now().date_naive() + chrono::Duration::days(offset))
        .format("%Y-%m-%d")
        .to_string()
}

pub fn demo_settings() -> Settings {
    Settings {
        sign_in_delay_step: Duration::from_millis(40),
        second_factor_rule: SecondFactorRule::NotRequired,
        retention: app::domain::information_rights::retention_file::parse(
            app::domain::information_rights::retention_file::EXAMPLE,
        )
        .ok(),
        ..Settings::default()
    }
}

/// As a council runs Hearth: managers and administrators must have a second factor.
pub fn council_settings() -> Settings {
    Settings {
        second_factor_rule: SecondFactorRule::ManagersAndAdministrators,
        ..demo_settings()
    }
}

pub struct TestApp {
    pub db: Db,
    pub router: Router,
    pub database_url: String,
    _dir: Option<tempdir::TempDir>,
}

/// A temporary directory removed when dropped.
pub mod tempdir {
    pub struct TempDir(pub std::path::PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl TestApp {
    /// As `hearth demo` runs: its made-up managers need no second factor (`tests/second_factor.rs`
    /// starts Hearth as a council runs it).
    pub async fn start(backend: Backend) -> TestApp {
        TestApp::start_with(backend, demo_settings()).await
    }

    /// A Hearth with settings of the test's own (short timeouts, few request slots).
    pub async fn start_with(backend: Backend, settings: Settings) -> TestApp {
        let app = TestApp::start_empty(backend, settings).await;
        assert!(app::demo::seed_if_empty(&app.db)
            .await
            .expect("demo data seeds"));
        app
    }

    /// A Hearth on an empty database, as a council first starts it: no council, no one.
    pub async fn start_empty(backend: Backend, settings: Settings) -> TestApp {
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("warn,app=debug")
            .try_init();
        let (database_url, dir) = backend.fresh_database().await;
        TestApp::on(database_url, dir, settings).await
    }

    /// A Hearth on a database that is already there (migrated to this version as it opens).
    pub async fn on(
        database_url: String,
        dir: Option<tempdir::TempDir>,
        settings: Settings,
    ) -> TestApp {
        let db = Db::connect(&database_url, audit_key())
            .await
            .expect("database opens and migrates");
        let state = AppState {
            leptos_options: server::config::leptos_options(
                "127.0.0.1:3000".parse().expect("address"),
            ),
            db: db.clone(),
            settings: Arc::new(settings),
        };
        TestApp {
            db,
            router: server::router(state),
            database_url,
            _dir: dir,
        }
    }

    /// Signs in with the demo password and returns the session cookie.
    pub async fn sign_in(&self, login: &str) -> String {
        let reply = self
            .call("sign_in", &[("login", login), ("password", PASSWORD)], None)
            .await;
        assert_eq!(
            reply.status, 200,
            "sign-in as {login} failed: {}",
            reply.body
        );
        reply
            .session_cookie()
            .expect("sign-in sets a session cookie")
    }

    /// Signs in with a password of the test's own; returns the session cookie.
    pub async fn sign_in_password(&self, login: &str, password: &str) -> String {
        let reply = self
            .call("sign_in", &[("login", login), ("password", password)], None)
            .await;
        reply
            .session_cookie()
            .unwrap_or_else(|| panic!("sign-in as {login} failed: {}", reply.body))
    }

    /// Signs in with the demo password and a second-factor code; returns the session cookie.
    pub async fn sign_in_with_code(&self, login: &str, code: &str) -> String {
        let first = self
            .call("sign_in", &[("login", login), ("password", PASSWORD)], None)
            .await;
        let pending = first
            .cookie_named("hearth_pending")
            .unwrap_or_else(|| panic!("no code asked for: {} {}", first.status, first.body));
        let second = self
            .call("sign_in_code", &[("code", code)], Some(&pending))
            .await;
        second.session_cookie().unwrap_or_else(|| {
            panic!(
                "the code did not sign in: {} {}",
                second.status, second.body
            )
        })
    }

    /// Moves the time the session's password was last given back by `minutes`.
    pub async fn age_confirmation(&self, cookie: &str, minutes: i64) {
        let token = cookie.split_once('=').map_or(cookie, |(_, t)| t);
        sqlx::query("UPDATE sessions SET confirmed_at = confirmed_at - $1 WHERE token_hash = $2")
            .bind(minutes * 60 * 1000)
            .bind(app::auth::tokens::digest(token))
            .execute(self.db.pool())
            .await
            .expect("age the confirmation");
    }

    /// Calls a server function as the browser's JavaScript would.
    pub async fn call(&self, function: &str, form: &[(&str, &str)], cookie: Option<&str>) -> Reply {
        http::post(
            &self.router,
            &format!("/api/{function}"),
            form,
            cookie,
            http::Caller::Script,
        )
        .await
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        http::get(&self.router, path, cookie).await
    }

    pub async fn family_id(&self, name: &str) -> String {
        self.one_text("SELECT id FROM families WHERE name = $1", name)
            .await
    }

    pub async fn member_id(&self, given_name: &str) -> String {
        self.one_text("SELECT id FROM members WHERE given_name = $1", given_name)
            .await
    }

    /// The first goal in the plan of the member with this id.
    pub async fn first_goal_of(&self, member: &str) -> String {
        self.one_text(
            "SELECT id FROM goals WHERE owner_member_id = $1 ORDER BY position LIMIT 1",
            member,
        )
        .await
    }

    pub async fn one_text(&self, sql: &str, arg: &str) -> String {
        let row = sqlx::query(sql)
            .bind(arg)
            .fetch_one(self.db.pool())
            .await
            .unwrap_or_else(|e| panic!("{sql} with {arg}: {e}"));
        row.try_get::<String, _>(0).expect("text column")
    }

    /// Every value of the first column, `$1` bound to `arg`.
    pub async fn texts(&self, sql: &str, arg: &str) -> Vec<String> {
        sqlx::query_scalar(sql)
            .bind(arg)
            .fetch_all(self.db.pool())
            .await
            .unwrap_or_else(|e| panic!("{sql} with {arg}: {e}"))
    }

    pub async fn count(&self, sql: &str) -> i64 {
        let row = sqlx::query(sql)
            .fetch_one(self.db.pool())
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        row.try_get::<i64, _>(0).expect("count column")
    }

    pub async fn audit_entries(&self) -> i64 {
        self.count("SELECT COUNT(*) FROM audit_log").await
    }

    /// Fails unless the trail has at least one allowed entry of each of `actions`.
    pub async fn assert_in_trail(&self, actions: &[&str]) {
        for action in actions {
            let found = self
                .count(&format!(
                    "SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND outcome = 'allowed'"
                ))
                .await;
            assert!(found > 0, "no allowed {action} in the audit trail");
        }
    }
}

/// Defines a test once and runs it on SQLite and on PostgreSQL; with settings of its own if given.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident, $body:path, $settings:path) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let backend = $crate::support::Backend::Sqlite;
                $body($crate::support::TestApp::start_with(backend, $settings()).await).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let backend = $crate::support::Backend::Postgres;
                $body($crate::support::TestApp::start_with(backend, $settings()).await).await;
            }
        }
    };
    ($name:ident, $body:path) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $body($crate::support::TestApp::start($crate::support::Backend::Sqlite).await)
                    .await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $body($crate::support::TestApp::start($crate::support::Backend::Postgres).await)
                    .await;
            }
        }
    };
}
