//! Where each test's database comes from.

use super::tempdir::TempDir;
use sqlx::Connection;
use sqlx::Executor;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server for tests; `scripts/test.sh` starts a private one and sets this.
pub fn postgres_admin_url() -> String {
    std::env::var("HEARTH_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!("HEARTH_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh, which starts a private PostgreSQL")
    })
}

impl Backend {
    /// A new, empty database and its URL.
    pub async fn fresh_database(self) -> (String, Option<TempDir>) {
        let name = format!("hearth_test_{}", uuid::Uuid::new_v4().simple());
        match self {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&dir).expect("temporary directory");
                let url = format!("sqlite://{}", dir.join("hearth.db").display());
                (url, Some(TempDir(dir)))
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                sqlx::any::install_default_drivers();
                let mut conn = sqlx::AnyConnection::connect(&admin)
                    .await
                    .expect("connect to the test PostgreSQL");
                conn.execute(format!("CREATE DATABASE {name}").as_str())
                    .await
                    .expect("create a test database");
                conn.close().await.ok();
                let base = admin
                    .rsplit_once('/')
                    .map(|(base, _)| base)
                    .expect("the URL names a database");
                (format!("{base}/{name}"), None)
            }
        }
    }
}
