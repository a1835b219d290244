//! SQLite and PostgreSQL must end up with the same tables and columns after migrating: the
//! store runs one SQL text on both, so a column one backend lacks is a bug found in production.
//! New migrations share their DDL (app/migrations/README.md); this catches what slips past.

mod support;

use app::store::Db;
use std::collections::BTreeMap;
use support::Backend;

/// Table → column → type family.
type Schema = BTreeMap<String, BTreeMap<String, &'static str>>;

/// Types are compared by family: SQLite keeps the declared name, PostgreSQL reports its own.
fn family(declared: &str) -> &'static str {
    let declared = declared.to_ascii_lowercase();
    if declared.contains("int") {
        "integer"
    } else if declared.contains("char") || declared.contains("text") || declared.contains("clob") {
        "text"
    } else if declared.contains("bool") {
        "boolean"
    } else if declared.contains("real")
        || declared.contains("double")
        || declared.contains("numeric")
    {
        "number"
    } else if declared.contains("blob") || declared.contains("bytea") {
        "bytes"
    } else {
        "other"
    }
}

async fn schema(backend: Backend) -> Schema {
    let (url, _dir) = backend.fresh_database().await;
    let db = Db::connect(&url, support::audit_key())
        .await
        .expect("database opens and migrates");
    let sql = match backend {
        Backend::Sqlite => {
            "SELECT m.name AS table_name, p.name AS column_name, p.type AS column_type
             FROM sqlite_master m JOIN pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'"
        }
        // The casts: `Any` reads no `name` or `sql_identifier`.
        Backend::Postgres => {
            "SELECT table_name::text AS table_name, column_name::text AS column_name,
                    data_type::text AS column_type
             FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations'"
        }
    };
    let rows: Vec<(String, String, String)> = sqlx::query_as(sql)
        .fetch_all(db.pool())
        .await
        .unwrap_or_else(|e| panic!("{backend:?} schema: {e}"));
    db.close().await;
    let mut schema = Schema::new();
    for (table, column, declared) in rows {
        schema
            .entry(table)
            .or_default()
            .insert(column, family(&declared));
    }
    schema
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_have_the_same_tables_and_columns() {
    let sqlite = schema(Backend::Sqlite).await;
    let postgres = schema(Backend::Postgres).await;
    assert!(
        sqlite.len() > 20,
        "the migrations made {} tables on SQLite",
        sqlite.len()
    );
    // Known differences, each with why it is allowed: none today.
    let known: &[(&str, &str)] = &[];
    let mut drift = Vec::new();
    let tables: std::collections::BTreeSet<&String> =
        sqlite.keys().chain(postgres.keys()).collect();
    for table in tables {
        let empty = BTreeMap::new();
        let on_sqlite = sqlite.get(table).unwrap_or(&empty);
        let on_postgres = postgres.get(table).unwrap_or(&empty);
        let columns: std::collections::BTreeSet<&String> =
            on_sqlite.keys().chain(on_postgres.keys()).collect();
        for column in columns {
            if known.contains(&(table.as_str(), column.as_str())) {
                continue;
            }
            let (a, b) = (on_sqlite.get(column), on_postgres.get(column));
            if a != b {
                drift.push(format!(
                    "{table}.{column}: SQLite {}, PostgreSQL {}",
                    a.copied().unwrap_or("missing"),
                    b.copied().unwrap_or("missing")
                ));
            }
        }
    }
    assert!(
        drift.is_empty(),
        "the schemas drifted apart:\n{}",
        drift.join("\n")
    );
}

#[test]
fn type_families() {
    assert_eq!(family("BIGINT"), "integer");
    assert_eq!(family("integer"), "integer");
    assert_eq!(family("TEXT"), "text");
    assert_eq!(family("character varying"), "text");
    assert_eq!(family("boolean"), "boolean");
}
