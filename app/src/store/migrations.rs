//! Which migrations each backend runs. Versions up to 0004 were written once per backend and are
//! applied as they are (their checksums are recorded in every database). From 0005 on, a
//! migration is one file of DDL both backends share, `migrations/shared/NNNN_name.sql`, plus, only
//! where the dialects differ (triggers), `migrations/{sqlite,postgres}/NNNN_name.sql` appended to
//! it. See app/migrations/README.md.

use super::backend::Backend;
use sqlx::migrate::{MigrateError, Migration, MigrationSource, MigrationType, Migrator};
use std::borrow::Cow;

static SHARED: Migrator = sqlx::migrate!("./migrations/shared");
static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");

/// The first version written as shared DDL; every version before it is per backend only.
pub const FIRST_SHARED: i64 = 5;

/// The newest migration this build embeds: a database that has applied it is current.
pub fn latest_version() -> i64 {
    SHARED.iter().map(|m| m.version).max().unwrap_or(0)
}

/// The migrations `backend` runs, in order.
pub async fn migrator(backend: Backend) -> Result<Migrator, MigrateError> {
    let dialect = match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    };
    let migrations = assemble(SHARED.iter(), dialect.iter())
        .map_err(|message| MigrateError::Source(message.into()))?;
    Migrator::new(Assembled(migrations)).await
}

/// Joins the shared migrations with one backend's. A version before [`FIRST_SHARED`] is taken
/// from the backend's directory untouched, so its checksum matches the applied one. From
/// [`FIRST_SHARED`] on, each version is the shared file, then the backend's file if it has one.
pub fn assemble<'m>(
    shared: impl IntoIterator<Item = &'m Migration>,
    dialect: impl IntoIterator<Item = &'m Migration>,
) -> Result<Vec<Migration>, String> {
    let shared: Vec<&Migration> = shared.into_iter().collect();
    let mut assembled = Vec::new();
    let mut extras = Vec::new();
    for migration in dialect {
        if migration.version < FIRST_SHARED {
            assembled.push(migration.clone());
        } else {
            extras.push(migration);
        }
    }
    for extra in &extras {
        match shared.iter().find(|m| m.version == extra.version) {
            Some(base) if base.description == extra.description => {}
            Some(base) => {
                return Err(format!(
                    "migration {}: the shared file is {:?} but the backend's is {:?}",
                    extra.version, base.description, extra.description
                ))
            }
            None => {
                return Err(format!(
                    "migration {} {:?} has a backend file but no shared file: put its DDL in migrations/shared",
                    extra.version, extra.description
                ))
            }
        }
    }
    for base in shared {
        if base.version < FIRST_SHARED {
            return Err(format!(
                "migration {} is in migrations/shared, but versions before {FIRST_SHARED} are per backend and already applied",
                base.version
            ));
        }
        if base.migration_type != MigrationType::Simple {
            return Err(format!(
                "migration {}: only simple (up-only) migrations are assembled",
                base.version
            ));
        }
        let extra = extras.iter().find(|m| m.version == base.version);
        let sql = match extra {
            // The shared DDL first, so the dialect's part can refer to its tables.
            Some(extra) => Cow::Owned(format!("{}\n{}", base.sql, extra.sql)),
            None => base.sql.clone(),
        };
        let no_tx = base.no_tx || extra.is_some_and(|m| m.no_tx);
        assembled.push(Migration::new(
            base.version,
            base.description.clone(),
            MigrationType::Simple,
            sql,
            no_tx,
        ));
    }
    assembled.sort_by_key(|m| m.version);
    Ok(assembled)
}

/// Migrations already read, handed to `Migrator::new` (which takes a source, not a list).
#[derive(Debug)]
struct Assembled(Vec<Migration>);

impl MigrationSource<'static> for Assembled {
    fn resolve(
        self,
    ) -> std::pin::Pin<
        Box<
            dyn std::future::Future<Output = Result<Vec<Migration>, sqlx::error::BoxDynError>>
                + Send,
        >,
    > {
        Box::pin(async move { Ok(self.0) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection;

    // A made-up version 9001, only for these tests: a shared table and a SQLite-only trigger.
    static FIXTURE_SHARED: Migrator = sqlx::migrate!("./tests/migrations/shared");
    static FIXTURE_SQLITE: Migrator = sqlx::migrate!("./tests/migrations/sqlite");
    static FIXTURE_POSTGRES: Migrator = sqlx::migrate!("./tests/migrations/postgres");

    #[test]
    fn applied_migrations_keep_their_checksums() {
        for (dialect, backend) in [(&SQLITE, Backend::Sqlite), (&POSTGRES, Backend::Postgres)] {
            let assembled = assemble(SHARED.iter(), dialect.iter()).expect("assembles");
            let before: Vec<_> = dialect
                .iter()
                .filter(|m| m.version < FIRST_SHARED)
                .map(|m| (m.version, m.checksum.clone()))
                .collect();
            let after: Vec<_> = assembled
                .iter()
                .filter(|m| m.version < FIRST_SHARED)
                .map(|m| (m.version, m.checksum.clone()))
                .collect();
            assert_eq!(before.len(), 4, "{backend:?}");
            assert_eq!(before, after, "{backend:?}");
        }
    }

    #[test]
    fn a_version_is_the_shared_file_then_the_backends() {
        let shared = || SHARED.iter().chain(FIXTURE_SHARED.iter());
        let sqlite =
            assemble(shared(), SQLITE.iter().chain(FIXTURE_SQLITE.iter())).expect("assembles");
        let postgres =
            assemble(shared(), POSTGRES.iter().chain(FIXTURE_POSTGRES.iter())).expect("assembles");
        let versions: Vec<i64> = sqlite.iter().map(|m| m.version).collect();
        assert_eq!(versions[..5], [1, 2, 3, 4, 5]);
        assert_eq!(versions.last(), Some(&9001));
        let (Some(fixture_sqlite), Some(fixture_postgres)) = (sqlite.last(), postgres.last())
        else {
            panic!("the fixture is assembled last")
        };
        assert!(fixture_sqlite.sql.starts_with("-- Shared"));
        assert!(fixture_sqlite.sql.contains("CREATE TRIGGER"));
        assert!(!fixture_postgres.sql.contains("CREATE TRIGGER"));
        assert!(fixture_postgres.sql.contains("CREATE TABLE fixture_notes"));
        // The checksum covers what runs, so the two backends' differ.
        assert_ne!(fixture_sqlite.checksum, fixture_postgres.checksum);
    }

    #[test]
    fn a_backend_file_without_a_shared_one_is_refused() {
        let refused = assemble(SHARED.iter(), SQLITE.iter().chain(FIXTURE_SQLITE.iter()));
        assert!(refused.is_err_and(|e| e.contains("no shared file")));
        let too_early = assemble(SQLITE.iter(), std::iter::empty());
        assert!(too_early.is_err_and(|e| e.contains("already applied")));
    }

    #[tokio::test]
    async fn an_assembled_migration_runs_on_sqlite() {
        sqlx::any::install_default_drivers();
        let migrations = assemble(
            SHARED.iter().chain(FIXTURE_SHARED.iter()),
            SQLITE.iter().chain(FIXTURE_SQLITE.iter()),
        )
        .expect("assembles");
        let migrator = Migrator::new(Assembled(migrations))
            .await
            .expect("a migrator");
        let mut conn = sqlx::AnyConnection::connect("sqlite::memory:")
            .await
            .expect("an in-memory database");
        migrator.run(&mut conn).await.expect("migrates");
        let objects: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE name LIKE 'fixture_%' ORDER BY name",
        )
        .fetch_all(&mut conn)
        .await
        .expect("reads the schema");
        assert_eq!(objects, ["fixture_notes", "fixture_notes_touch"]);
        // Running again is a no-op: the assembled checksums are stable.
        migrator.run(&mut conn).await.expect("migrates again");
    }

    /// Version 0008 starts the keyed audit chain afresh: unkeyed entries move aside unchanged.
    #[tokio::test]
    async fn the_keyed_chain_starts_afresh_on_sqlite() {
        sqlx::any::install_default_drivers();
        let all = assemble(SHARED.iter(), SQLITE.iter()).expect("assembles");
        let before: Vec<Migration> = all.iter().filter(|m| m.version < 8).cloned().collect();
        let mut conn = sqlx::AnyConnection::connect("sqlite::memory:")
            .await
            .expect("an in-memory database");
        let old = Migrator::new(Assembled(before)).await.expect("a migrator");
        old.run(&mut conn).await.expect("migrates to 0007");
        sqlx::query(
            "INSERT INTO audit_log (seq, id, at, actor_name, action, record_kind, outcome, detail, origin, flagged, prev_hash, hash)
             VALUES (1, 'e1', 5, 'Sam Whitfield', 'sign_in', 'account', 'allowed', '', 'here', 0, '0', 'plain')",
        )
        .execute(&mut conn)
        .await
        .expect("an unkeyed entry");
        sqlx::query("UPDATE audit_head SET seq = 1, hash = 'plain' WHERE id = 1")
            .execute(&mut conn)
            .await
            .expect("its head");
        let new = Migrator::new(Assembled(all)).await.expect("a migrator");
        new.run(&mut conn).await.expect("migrates to 0008");
        let count = |table: &'static str| format!("SELECT COUNT(*) FROM {table}");
        for (table, rows) in [("audit_log", 0_i64), ("audit_log_unkeyed", 1)] {
            let found: i64 = sqlx::query_scalar(&count(table))
                .fetch_one(&mut conn)
                .await
                .expect("count");
            assert_eq!(found, rows, "{table}");
        }
        let head: i64 = sqlx::query_scalar("SELECT seq FROM audit_head")
            .fetch_one(&mut conn)
            .await
            .expect("head");
        assert_eq!(head, 0);
        let tampered = sqlx::query("UPDATE audit_log_unkeyed SET detail = 'x'")
            .execute(&mut conn)
            .await;
        assert!(tampered.is_err(), "the old trail is read-only");
    }
}
