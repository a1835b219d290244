//! The connection pool and write transactions.

use super::audit::Group;
use super::audit_key::AuditKey;
use super::backend::Backend;
use super::row::StoreError;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

/// The pool, and the key that seals audit entries: every write transaction appends to the trail,
/// so the key travels with the connection rather than through every service's arguments
/// (docs/decisions/0014-audit-key-and-anchor.md). Its `Debug` prints no key.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    audit_key: AuditKey,
    /// The sealing task that commits page views' audit entries together; `None` in the task's
    /// own handle, which appends directly.
    group: Option<Group>,
}

pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl Db {
    /// Opens the pool, creating the SQLite file if needed (`Db::connect` also migrates).
    pub(super) async fn open(url: &str, audit_key: AuditKey) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url);
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_string(),
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Per connection: enforce references, wait for the writer instead of
                        // failing at once, let WAL make commits cheap, and overwrite what is
                        // deleted (a destroyed family's words must not linger in free pages).
                        conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // Persistent in the file: readers never block the writer.
            pool.execute("PRAGMA journal_mode = WAL;").await?;
        }
        let direct = Db {
            pool,
            backend,
            audit_key,
            group: None,
        };
        Ok(Db {
            group: Some(Group::start(direct.clone())),
            ..direct
        })
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(super) fn group(&self) -> Option<&Group> {
        self.group.as_ref()
    }

    pub fn audit_key(&self) -> &AuditKey {
        &self.audit_key
    }

    /// Begins a transaction that will change data. Its first statement takes the audit trail's
    /// head row, which makes SQLite take its write lock at once (a deferred transaction that
    /// reads first can fail when another writer commits) and queues PostgreSQL writers on the row.
    pub async fn write(&self) -> Result<WriteTx, StoreError> {
        let waited = std::time::Instant::now();
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
            .execute(&mut *tx)
            .await?;
        // How long saves queue behind one another: what operators watch as load grows.
        metrics::histogram!("hearth_write_lock_wait_seconds")
            .record(waited.elapsed().as_secs_f64());
        Ok(WriteTx {
            tx,
            audit_key: self.audit_key.clone(),
        })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

pub struct WriteTx {
    pub tx: sqlx::Transaction<'static, sqlx::Any>,
    /// Seals the audit entries this transaction appends.
    pub(super) audit_key: AuditKey,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Undoes everything the transaction did: a dry run's end.
    pub async fn rollback(self) -> Result<(), StoreError> {
        self.tx.rollback().await?;
        Ok(())
    }
}
