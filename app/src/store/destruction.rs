//! Erasing a family for good (docs/decisions/0025-destroying-a-family.md): every row of its
//! records and of its people's accounts is deleted, the words of the audit entries about it are
//! erased while the entries keep their place in the chain, and the database is compacted so the
//! deleted pages leave the file.

use super::backend::Backend;
use super::db::{Db, WriteTx};
use super::row::{Day, StoreError};
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, TeamId};
use chrono::NaiveDate;

/// Goals of the family being erased, and its workbook entries and people, as subqueries on `$1`.
const GOALS: &str = "(SELECT id FROM goals WHERE family_id = $1)";
const ENTRIES: &str = "(SELECT id FROM workbook_entries WHERE family_id = $1)";
const MEMBERS: &str = "(SELECT id FROM members WHERE family_id = $1)";
const ACCOUNTS: &str =
    "(SELECT id FROM accounts WHERE member_id IN (SELECT id FROM members WHERE family_id = $1))";

/// Every delete, children before the rows they reference, each bound to the family's id.
fn deletes() -> Vec<String> {
    vec![
        "DELETE FROM withholdings WHERE request_id IN (SELECT id FROM information_requests WHERE family_id = $1)".into(),
        "DELETE FROM information_requests WHERE family_id = $1".into(),
        format!("DELETE FROM shared_with WHERE member_id IN {MEMBERS}"),
        format!("DELETE FROM change_talk WHERE goal_id IN {GOALS} OR entry_id IN {ENTRIES}"),
        format!("DELETE FROM goal_stages WHERE goal_id IN {GOALS}"),
        format!("DELETE FROM change_plan_words WHERE goal_id IN {GOALS}"),
        format!("DELETE FROM balance_items WHERE goal_id IN {GOALS}"),
        format!("DELETE FROM check_ins WHERE goal_id IN {GOALS}"),
        format!("DELETE FROM steps WHERE goal_id IN {GOALS}"),
        "DELETE FROM family_words WHERE family_id = $1".into(),
        "DELETE FROM plan_changes WHERE family_id = $1".into(),
        "DELETE FROM three_houses WHERE family_id = $1".into(),
        "DELETE FROM safety_statements WHERE family_id = $1".into(),
        "DELETE FROM goals WHERE family_id = $1".into(),
        format!("DELETE FROM entry_people WHERE entry_id IN {ENTRIES} OR member_id IN {MEMBERS}"),
        "DELETE FROM workbook_entries WHERE family_id = $1".into(),
        "DELETE FROM supervision_actions WHERE family_id = $1".into(),
        "DELETE FROM supervisions WHERE family_id = $1".into(),
        "DELETE FROM meetings WHERE family_id = $1".into(),
        "DELETE FROM family_schedules WHERE family_id = $1".into(),
        "DELETE FROM break_glass WHERE family_id = $1".into(),
        "DELETE FROM allocations WHERE family_id = $1".into(),
        "DELETE FROM allocation_periods WHERE family_id = $1".into(),
        "DELETE FROM legal_statuses WHERE family_id = $1".into(),
        "DELETE FROM findings WHERE family_id = $1".into(),
        "DELETE FROM case_closures WHERE family_id = $1".into(),
        "DELETE FROM kept_apart WHERE family_id = $1".into(),
        // The people's own accounts, and what signing in left behind.
        format!("DELETE FROM sessions WHERE account_id IN {ACCOUNTS}"),
        format!("DELETE FROM second_factors WHERE account_id IN {ACCOUNTS}"),
        format!("DELETE FROM recovery_codes WHERE account_id IN {ACCOUNTS}"),
        format!("DELETE FROM pending_sign_ins WHERE account_id IN {ACCOUNTS}"),
        format!("DELETE FROM plan_looks WHERE account_id IN {ACCOUNTS}"),
        format!("DELETE FROM login_failures WHERE login IN (SELECT login FROM accounts WHERE id IN {ACCOUNTS})"),
        format!("DELETE FROM invitations WHERE member_id IN {MEMBERS}"),
        format!("DELETE FROM accounts WHERE id IN {ACCOUNTS}"),
        "DELETE FROM members WHERE family_id = $1".into(),
        // The reviewers' own words about it: the trail keeps that they were written.
        "DELETE FROM legal_holds WHERE family_id = $1".into(),
        "DELETE FROM retention_extensions WHERE family_id = $1".into(),
        "DELETE FROM families WHERE id = $1".into(),
    ]
}

/// What the tombstone keeps.
pub struct Tombstone<'a> {
    pub family: FamilyId,
    pub authority: AuthorityId,
    pub team: TeamId,
    pub closed_on: NaiveDate,
    pub due_on: NaiveDate,
    pub rules: &'a str,
    pub by: AccountId,
    pub now: i64,
}

/// Erases the family inside `write`; returns how many audit entries had their words erased.
/// `entry_id` is the id of the audit entry the caller appends next, recording the destruction:
/// each erased entry names it, and it names their number, so the verifier can tell an erasure
/// from tampering.
pub async fn erase(
    write: &mut WriteTx,
    tombstone: &Tombstone<'_>,
    entry_id: &str,
) -> Result<u64, StoreError> {
    let family = tombstone.family;
    sqlx::query("INSERT INTO erasing (family_id) VALUES ($1)")
        .bind(family)
        .execute(&mut *write.tx)
        .await?;
    // First, while the people's accounts still exist to be matched.
    let erased = sqlx::query(&format!(
        "UPDATE audit_log SET actor_id = NULL, record_id = NULL, detail = '', origin = '', erased_by = $2
         WHERE erased_by IS NULL AND (family_id = $1 OR actor_id IN {ACCOUNTS})"
    ))
    .bind(family)
    .bind(entry_id)
    .execute(&mut *write.tx)
    .await?
    .rows_affected();
    for sql in deletes() {
        sqlx::query(&sql)
            .bind(family)
            .execute(&mut *write.tx)
            .await?;
    }
    sqlx::query("DELETE FROM erasing WHERE family_id = $1")
        .bind(family)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query(
        "INSERT INTO destroyed_families (family_id, authority_id, team_id, closed_on, due_on, rules, destroyed_by, destroyed_at, erased_entries)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(family)
    .bind(tombstone.authority)
    .bind(tombstone.team)
    .bind(Day(tombstone.closed_on))
    .bind(Day(tombstone.due_on))
    .bind(tombstone.rules)
    .bind(tombstone.by)
    .bind(tombstone.now)
    .bind(erased as i64)
    .execute(&mut *write.tx)
    .await?;
    Ok(erased)
}

/// After a destruction commits: SQLite rewrites the file without the freed pages (deleted rows
/// were already overwritten with zeros, `secure_delete`) and empties its write-ahead log;
/// PostgreSQL vacuums, so the dead rows' space is reclaimed and reused.
pub async fn compact(db: &Db) -> Result<(), StoreError> {
    match db.backend() {
        Backend::Sqlite => {
            sqlx::query("VACUUM").execute(db.pool()).await?;
            sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(db.pool())
                .await?;
        }
        Backend::Postgres => {
            sqlx::query("VACUUM").execute(db.pool()).await?;
        }
    }
    Ok(())
}
