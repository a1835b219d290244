//! `hearth demo --scale N`: a made-up national data set for measuring Hearth at size. The demo
//! council, written by the demo seeder through Hearth's own services, is copied until there are
//! `N` families: each copy of its families gets new ids and lands in a copy of its teams, in one
//! of up to 150 councils (about 200 families a team), worked by a copy of its staff (a "crew":
//! as many crews to a team as keep each worker's caseload near a real one), then every family
//! gets audit entries sealed into the chain as Hearth seals them.
//!
//! Copies are made row by row from the database's own tables, whatever their columns: an id is
//! rewritten wherever a column holds it, so a copy is as whole as the demo it comes from, and
//! the rows of each table go in after the rows they refer to (foreign keys are read from the
//! schema). A copy's ids keep the first 24 characters of the original's and end in the copy's
//! number, so they stay UUIDs and never meet another record's.

use app::domain::audit::{AuditAction, Outcome};
use app::domain::ids::{AccountId, FamilyId, TeamId};
use app::domain::record::{RecordKind, RecordRef};
use app::store::audit::{self, NewEntry};
use app::store::{Backend, Db};
use sqlx::{AnyPool, Row};
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// About how many families a team holds in the national set.
const FAMILIES_PER_TEAM: usize = 200;
/// About how many families a worker holds: a social worker's caseload in a Family Safeguarding
/// team. Without crews, the demo's handful of staff would each hold a hundred and more.
pub const WORKER_CASELOAD: usize = 18;
/// The most councils the set spreads over.
const MOST_COUNCILS: usize = 150;
/// Audit entries written for each family: looks at it by its workers.
const AUDIT_ENTRIES_PER_FAMILY: usize = 5;
/// Parameters per INSERT statement: a statement of 30,000 took seconds to bind (the drivers'
/// cost grows faster than the statement), while about a thousand keeps each one short.
const MOST_PARAMETERS: usize = 1_000;

/// Tables never copied: the trail (written afresh below), sign-in and session state, codes and
/// secrets, and the shared prompt library.
const NOT_COPIED: &[&str] = &[
    "_sqlx_migrations",
    "audit_checks",
    "audit_head",
    "audit_log",
    "audit_log_unkeyed",
    "break_glass",
    "extract_reports",
    "form_refusals",
    "held_answers",
    "invitations",
    "login_failures",
    "mi_prompts",
    "pending_sign_ins",
    "plan_looks",
    "record_ids",
    "recovery_codes",
    "second_factors",
    "sessions",
    "set_up_codes",
];

/// Text columns that must stay unique: each copy's value gets the copy's number.
const UNIQUE_TEXT: &[(&str, &str)] = &[
    ("local_authorities", "name"),
    ("teams", "name"),
    ("accounts", "login"),
    ("accounts", "worker_ref"),
    ("families", "case_ref"),
    ("members", "person_ref"),
    ("legal_statuses", "case_ref"),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Level {
    /// A council: copied once per council.
    Council,
    /// A team: copied once per team copy.
    Unit,
    /// The staff: copied once per crew, several crews to a team.
    Crew,
    /// A family and all it holds: copied once per family copy.
    Family,
}

#[derive(Clone, Debug)]
enum Value {
    Text(Option<String>),
    Int(Option<i64>),
}

struct Table {
    name: String,
    columns: Vec<(String, bool)>,
    rows: Vec<Vec<Value>>,
}

/// What one run made, printed by `hearth demo --scale`.
pub struct Grown {
    pub families: i64,
    pub teams: i64,
    pub councils: i64,
    pub staff: i64,
    /// The most families any one worker is allocated.
    pub busiest_caseload: i64,
    pub rows: u64,
    pub audit_entries: u64,
    pub seconds: f64,
}

/// Copies the demo council until the database holds `target` families. Nothing is done when it
/// holds that many already.
pub async fn grow(db: &Db, target: usize) -> Result<Option<Grown>, String> {
    let started = Instant::now();
    let pool = db.pool();
    let families = count(pool, "families").await?;
    if families as usize >= target {
        return Ok(None);
    }
    if count(pool, "local_authorities").await? != 1 {
        return Err("--scale grows the demo council only: start from an empty database".into());
    }
    let teams = count(pool, "teams").await?.max(1) as usize;
    let per_copy = families.max(1) as usize;
    let copies = target.div_ceil(per_copy) - 1;
    let units = (target / (FAMILIES_PER_TEAM * teams)).clamp(1, copies + 1);
    let councils = (units * 3 / 5).clamp(1, MOST_COUNCILS);
    let busiest = busiest_caseload(pool).await?;
    let copies_per_crew = (WORKER_CASELOAD / busiest.unwrap_or(1).max(1) as usize).max(1);
    let crews = (copies + 1).div_ceil(copies_per_crew).max(units);
    let shape = Shape {
        copies,
        units,
        crews,
        councils,
    };

    let tables = read_tables(db).await?;
    let levels = levels(&tables);
    let mut rows = 0u64;
    for table in &tables {
        rows += copy_table(db, table, &levels, &shape).await?;
    }
    let audit_entries = seal_looks(db).await?;
    // Fresh statistics, as a database that grew by use would have: without them PostgreSQL
    // plans the grown tables as if they were still small (a parent's page took 40 ms, not 10).
    sqlx::query("ANALYZE")
        .execute(pool)
        .await
        .map_err(|e| format!("cannot analyze the grown tables: {e}"))?;
    if db.backend() == Backend::Sqlite {
        keep_row_counts_only(pool).await?;
    }
    Ok(Some(Grown {
        families: count(pool, "families").await?,
        teams: count(pool, "teams").await?,
        councils: count(pool, "local_authorities").await?,
        staff: sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE staff_role IS NOT NULL")
            .fetch_one(pool)
            .await
            .map_err(|e| format!("cannot count the staff: {e}"))?,
        busiest_caseload: busiest_caseload(pool).await?.unwrap_or(0),
        rows,
        audit_entries,
        seconds: started.elapsed().as_secs_f64(),
    }))
}

struct Shape {
    copies: usize,
    units: usize,
    crews: usize,
    councils: usize,
}

impl Shape {
    /// The crew that works family copy `copy`; copy 0, the demo itself, keeps the demo's staff.
    fn crew_of(&self, copy: usize) -> usize {
        copy % self.crews
    }

    fn unit_of(&self, crew: usize) -> usize {
        crew % self.units
    }

    fn council_of(&self, unit: usize) -> usize {
        unit % self.councils
    }
}

async fn busiest_caseload(pool: &AnyPool) -> Result<Option<i64>, String> {
    sqlx::query_scalar(
        "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM allocations GROUP BY worker_id) busiest",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| format!("cannot count the allocations: {e}"))
}

async fn count(pool: &AnyPool, table: &str) -> Result<i64, String> {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .map_err(|e| format!("cannot count {table}: {e}"))
}

/// Every table to copy, with its rows, parents before the tables that refer to them. Accounts
/// come twice: staff with their teams, family members' own after the members.
async fn read_tables(db: &Db) -> Result<Vec<Table>, String> {
    let pool = db.pool();
    let names: Vec<String> = match db.backend() {
        Backend::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        ),
        Backend::Postgres => sqlx::query_scalar(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
        ),
    }
    .fetch_all(pool)
    .await
    .map_err(|e| format!("cannot list the tables: {e}"))?;
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !NOT_COPIED.contains(&n.as_str()))
        .collect();
    let mut parents: HashMap<String, HashSet<String>> = HashMap::new();
    for name in &names {
        let refers: Vec<String> = sqlx::query_scalar(match db.backend() {
            Backend::Sqlite => "SELECT \"table\" FROM pragma_foreign_key_list($1)",
            Backend::Postgres => {
                "SELECT p.relname::text FROM pg_constraint c JOIN pg_class p ON p.oid = c.confrelid
                 JOIN pg_class t ON t.oid = c.conrelid WHERE c.contype = 'f' AND t.relname = $1"
            }
        })
        .bind(name)
        .fetch_all(pool)
        .await
        .map_err(|e| format!("cannot read the keys of {name}: {e}"))?;
        parents.insert(
            name.clone(),
            refers.into_iter().filter(|p| p != name).collect(),
        );
    }
    // Councils, teams and staff first; then the family's tables in the order their keys need.
    let mut order = vec![
        "local_authorities".to_string(),
        "teams".to_string(),
        "accounts:staff".to_string(),
    ];
    let mut placed: HashSet<String> = ["local_authorities", "teams"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    while placed.len() < names.len() {
        let ready: Vec<String> = names
            .iter()
            .filter(|n| !placed.contains(*n))
            .filter(|n| {
                parents[*n]
                    .iter()
                    .all(|p| placed.contains(p) || !names.contains(p))
            })
            .cloned()
            .collect();
        if ready.is_empty() {
            return Err("the tables' foreign keys form a circle".into());
        }
        for name in ready {
            order.push(if name == "accounts" {
                "accounts:family".into()
            } else {
                name.clone()
            });
            placed.insert(name);
        }
    }
    let mut tables = Vec::new();
    for entry in order {
        let (name, filter) = match entry.split_once(':') {
            Some((name, "staff")) => (name.to_string(), " WHERE staff_role IS NOT NULL"),
            Some((name, _)) => (name.to_string(), " WHERE staff_role IS NULL"),
            None => (entry, ""),
        };
        tables.push(read_table(db, &name, filter).await?);
    }
    Ok(tables)
}

async fn read_table(db: &Db, name: &str, filter: &str) -> Result<Table, String> {
    let pool = db.pool();
    let columns: Vec<(String, String)> = sqlx::query_as(match db.backend() {
        Backend::Sqlite => "SELECT name, type FROM pragma_table_info($1) ORDER BY cid",
        Backend::Postgres => {
            "SELECT column_name::text, data_type::text FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position"
        }
    })
    .bind(name)
    .fetch_all(pool)
    .await
    .map_err(|e| format!("cannot read the columns of {name}: {e}"))?;
    let columns: Vec<(String, bool)> = columns
        .into_iter()
        .map(|(column, kind)| {
            let kind = kind.to_ascii_lowercase();
            (column, kind.contains("int") || kind.contains("bigint"))
        })
        .collect();
    let list = columns
        .iter()
        .map(|(c, _)| c.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    // Oldest first, so a row that answers another (a reply) follows it.
    let order = if columns.iter().any(|(c, _)| c == "created_at") {
        "created_at"
    } else {
        "1"
    };
    let found = sqlx::query(&format!(
        "SELECT {list} FROM {name}{filter} ORDER BY {order}"
    ))
    .fetch_all(pool)
    .await
    .map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut rows = Vec::with_capacity(found.len());
    for row in found {
        let mut values = Vec::with_capacity(columns.len());
        for (i, (column, int)) in columns.iter().enumerate() {
            let value = if *int {
                Value::Int(
                    row.try_get::<Option<i64>, _>(i)
                        .map_err(|e| format!("{name}.{column}: {e}"))?,
                )
            } else {
                Value::Text(
                    row.try_get::<Option<String>, _>(i)
                        .map_err(|e| format!("{name}.{column}: {e}"))?,
                )
            };
            values.push(value);
        }
        rows.push(values);
    }
    Ok(Table {
        name: name.to_string(),
        columns,
        rows,
    })
}

fn level_of_table(name: &str, first_row_staff: bool) -> Level {
    match name {
        "local_authorities" => Level::Council,
        "teams" => Level::Unit,
        "accounts" if first_row_staff => Level::Crew,
        _ => Level::Family,
    }
}

fn is_staff_table(table: &Table) -> bool {
    table.name == "accounts"
        && table.rows.first().is_some_and(|row| {
            table
                .columns
                .iter()
                .position(|(c, _)| c == "staff_role")
                .is_some_and(|i| matches!(&row[i], Value::Text(Some(_))))
        })
}

/// Which copy each original id follows: the ids each table's rows are made with.
fn levels(tables: &[Table]) -> HashMap<String, Level> {
    let mut levels = HashMap::new();
    for table in tables {
        let level = level_of_table(&table.name, is_staff_table(table));
        let Some(id) = table.columns.iter().position(|(c, _)| c == "id") else {
            continue;
        };
        for row in &table.rows {
            if let Value::Text(Some(value)) = &row[id] {
                levels.insert(value.clone(), level);
            }
        }
    }
    levels
}

/// An id of copy `number` (0 is the original itself).
fn copied_id(original: &str, level: Level, number: usize) -> String {
    if number == 0 || original.len() != 36 {
        return original.to_string();
    }
    let mark: u64 = match level {
        Level::Family => 0,
        Level::Unit => 0x8000_0000_0000,
        Level::Crew => 0x2000_0000_0000,
        Level::Council => 0x4000_0000_0000,
    };
    format!("{}{:012x}", &original[..24], mark | number as u64)
}

/// The copy numbers a row of `level` in family copy `copy` (or unit or council copy) refers to.
#[derive(Clone, Copy)]
struct Numbers {
    family: usize,
    crew: usize,
    unit: usize,
    council: usize,
}

impl Numbers {
    fn of(self, level: Level) -> usize {
        match level {
            Level::Family => self.family,
            Level::Unit => self.unit,
            Level::Crew => self.crew,
            Level::Council => self.council,
        }
    }
}

fn rewrite(text: &str, levels: &HashMap<String, Level>, numbers: Numbers) -> String {
    if let Some(level) = levels.get(text) {
        return copied_id(text, *level, numbers.of(*level));
    }
    // A step's owner is written "member:<id>".
    if let Some(member) = text.strip_prefix("member:") {
        if let Some(level) = levels.get(member) {
            return format!("member:{}", copied_id(member, *level, numbers.of(*level)));
        }
    }
    text.to_string()
}

async fn copy_table(
    db: &Db,
    table: &Table,
    levels: &HashMap<String, Level>,
    shape: &Shape,
) -> Result<u64, String> {
    if table.rows.is_empty() {
        return Ok(0);
    }
    let level = level_of_table(&table.name, is_staff_table(table));
    let numbers: Vec<Numbers> = match level {
        Level::Council => (1..shape.councils)
            .map(|c| Numbers {
                family: 0,
                crew: 0,
                unit: 0,
                council: c,
            })
            .collect(),
        Level::Unit => (1..shape.units)
            .map(|u| Numbers {
                family: 0,
                crew: 0,
                unit: u,
                council: shape.council_of(u),
            })
            .collect(),
        Level::Crew => (1..shape.crews)
            .map(|c| {
                let unit = shape.unit_of(c);
                Numbers {
                    family: 0,
                    crew: c,
                    unit,
                    council: shape.council_of(unit),
                }
            })
            .collect(),
        Level::Family => (1..=shape.copies)
            .map(|k| {
                let crew = shape.crew_of(k);
                let unit = shape.unit_of(crew);
                Numbers {
                    family: k,
                    crew,
                    unit,
                    council: shape.council_of(unit),
                }
            })
            .collect(),
    };
    let unique: Vec<bool> = table
        .columns
        .iter()
        .map(|(c, _)| UNIQUE_TEXT.contains(&(table.name.as_str(), c.as_str())))
        .collect();
    let per_statement = (MOST_PARAMETERS / table.columns.len()).max(1);
    let list = table
        .columns
        .iter()
        .map(|(c, _)| c.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(per_statement);
    let mut written = 0u64;
    let mut since_commit = 0;
    let mut write = db.write().await.map_err(|e| e.to_string())?;
    for number in numbers {
        for row in &table.rows {
            let copied = row
                .iter()
                .zip(&unique)
                .map(|(value, unique)| match value {
                    Value::Text(Some(text)) if *unique => {
                        Value::Text(Some(format!("{text} {}", number.of(level))))
                    }
                    Value::Text(Some(text)) => Value::Text(Some(rewrite(text, levels, number))),
                    other => other.clone(),
                })
                .collect();
            batch.push(copied);
            if batch.len() == per_statement {
                written += insert(&mut write, &table.name, &list, &batch).await?;
                since_commit += batch.len();
                batch.clear();
            }
            if since_commit >= 200_000 {
                // Commit as it goes, so no transaction holds millions of rows.
                write.commit().await.map_err(|e| e.to_string())?;
                write = db.write().await.map_err(|e| e.to_string())?;
                since_commit = 0;
            }
        }
    }
    if !batch.is_empty() {
        written += insert(&mut write, &table.name, &list, &batch).await?;
    }
    write.commit().await.map_err(|e| e.to_string())?;
    Ok(written)
}

async fn insert(
    write: &mut app::store::WriteTx,
    table: &str,
    list: &str,
    rows: &[Vec<Value>],
) -> Result<u64, String> {
    let width = rows[0].len();
    let mut sql = format!("INSERT INTO {table} ({list}) VALUES ");
    let mut n = 1;
    for (i, _) in rows.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for j in 0..width {
            if j > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${n}"));
            n += 1;
        }
        sql.push(')');
    }
    let mut query = sqlx::query(&sql);
    for row in rows {
        for value in row {
            query = match value {
                Value::Text(text) => query.bind(text.clone()),
                Value::Int(int) => query.bind(*int),
            };
        }
    }
    query
        .execute(&mut *write.tx)
        .await
        .map_err(|e| format!("cannot copy into {table}: {e}"))?;
    Ok(rows.len() as u64)
}

/// Every family's allocated workers look at it a few times: entries sealed into the chain
/// with the same key and seal as every other.
async fn seal_looks(db: &Db) -> Result<u64, String> {
    let looks: Vec<(FamilyId, TeamId, AccountId)> = sqlx::query_as(
        "SELECT f.id, f.team_id, al.worker_id FROM families f JOIN allocations al ON al.family_id = f.id ORDER BY f.id",
    )
    .fetch_all(db.pool())
    .await
    .map_err(|e| format!("cannot read the allocations: {e}"))?;
    let mut written = 0u64;
    let mut write = db.write().await.map_err(|e| e.to_string())?;
    let mut by_family: HashMap<FamilyId, usize> = HashMap::new();
    for (family, team, worker) in looks {
        let seen = by_family.entry(family).or_default();
        if *seen >= AUDIT_ENTRIES_PER_FAMILY {
            continue;
        }
        let times = AUDIT_ENTRIES_PER_FAMILY
            .div_ceil(2)
            .min(AUDIT_ENTRIES_PER_FAMILY - *seen);
        for _ in 0..times {
            let entry = NewEntry {
                actor_id: Some(worker),
                actor_name: "Social worker".into(),
                action: AuditAction::ViewFamily,
                record_kind: RecordKind::Family,
                record: Some(RecordRef::Family(family)),
                family_id: Some(family),
                team_id: Some(team),
                outcome: Outcome::Allowed,
                detail: String::new(),
                origin: "127.0.0.1".into(),
                flagged: false,
            };
            audit::append(&mut write, &entry)
                .await
                .map_err(|e| format!("cannot seal an entry: {e}"))?;
            written += 1;
            if written.is_multiple_of(20_000) {
                write.commit().await.map_err(|e| e.to_string())?;
                write = db.write().await.map_err(|e| e.to_string())?;
            }
        }
        *seen += times;
    }
    write.commit().await.map_err(|e| e.to_string())?;
    Ok(written)
}

/// SQLite's value samples (`sqlite_stat4`) make it prepare a statement afresh whenever a bound
/// value changes, in case the value would change the plan: 15 % of a parent's page went to that
/// (perf, 2026-12-03). The row counts (`sqlite_stat1`) choose the same indexes without it, so
/// only they are kept, and the planner is told to read them again (decision 26).
async fn keep_row_counts_only(pool: &AnyPool) -> Result<(), String> {
    let samples: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat4'",
    )
    .fetch_one(pool)
    .await
    .map_err(|e| format!("cannot look for sqlite_stat4: {e}"))?;
    if samples > 0 {
        sqlx::query("DELETE FROM sqlite_stat4")
            .execute(pool)
            .await
            .map_err(|e| format!("cannot drop the value samples: {e}"))?;
    }
    sqlx::query("ANALYZE sqlite_schema")
        .execute(pool)
        .await
        .map_err(|e| format!("cannot reload the statistics: {e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_keep_the_uuid_shape_and_never_meet() {
        let original = "0b5c6a7e-1f2d-4c3b-9a8e-7d6c5b4a3f21";
        let family = copied_id(original, Level::Family, 7);
        let unit = copied_id(original, Level::Unit, 7);
        assert_eq!(family, "0b5c6a7e-1f2d-4c3b-9a8e-000000000007");
        assert_ne!(family, unit);
        assert!(uuid::Uuid::parse_str(&family).is_ok() && uuid::Uuid::parse_str(&unit).is_ok());
        assert_eq!(copied_id(original, Level::Family, 0), original);
    }
}
