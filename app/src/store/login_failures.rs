//! Sign-in attempts not (yet) known to have succeeded, and wrong invitation codes: counted per
//! login and per client address across every app server, and folded into the audit trail in
//! batches. None of this takes the write lock that case work waits on.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::credentials::AttemptKind;
use crate::domain::ids::{AccountId, TeamId};
use uuid::Uuid;

/// One attempt, written as it arrives.
pub struct Attempt<'a> {
    pub id: Uuid,
    pub kind: AttemptKind,
    /// The login typed, or for invitation codes the address they came from.
    pub login: &'a str,
    pub origin: &'a str,
    pub at: i64,
}

/// How many attempts since a time, counting this one: for its login and for its address.
#[derive(Clone, Copy, Debug)]
pub struct Counts {
    pub login: i64,
    pub origin: i64,
}

/// Writes the attempt, then counts. Each attempt sees at least its own place in the order the
/// rows were written, so however many arrive at once, only the first N can see a count ≤ N.
pub async fn reserve(db: &Db, attempt: &Attempt<'_>, since: i64) -> Result<Counts, StoreError> {
    sqlx::query(
        "INSERT INTO login_failures (id, kind, login, origin, at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(attempt.id.to_string())
    .bind(attempt.kind)
    .bind(attempt.login)
    .bind(attempt.origin)
    .bind(attempt.at)
    .execute(db.pool())
    .await?;
    let login: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) AS n FROM login_failures WHERE login = $1 AND kind = $2 AND at > $3 AND settled = 0",
    )
    .bind(attempt.login)
    .bind(attempt.kind)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    let origin: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) AS n FROM login_failures WHERE origin = $1 AND kind = $2 AND at > $3 AND settled = 0",
    )
    .bind(attempt.origin)
    .bind(attempt.kind)
    .bind(since)
    .fetch_one(db.pool())
    .await?;
    Ok(Counts { login, origin })
}

/// Takes one attempt back: it turned out not to be a guess.
pub async fn release(write: &mut WriteTx, id: Uuid) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE id = $1")
        .bind(id.to_string())
        .execute(&mut *write.tx)
        .await?;
    Ok(())
}

/// [`release`] outside a write: a right password needs no write lock.
pub async fn release_now(db: &Db, id: Uuid) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM login_failures WHERE id = $1")
        .bind(id.to_string())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// A sign-in that succeeded: the failed attempts at its login stop counting towards slowing it
/// down, and the ones not yet folded into the account's count are returned, to tell the owner.
/// They still reach the audit trail.
pub async fn settle(db: &Db, login: &str) -> Result<Unreported, StoreError> {
    let unreported: (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*) AS n, MAX(at) AS last FROM login_failures
         WHERE login = $1 AND kind = $2 AND settled = 0 AND audited = 0",
    )
    .bind(login)
    .bind(AttemptKind::SignIn)
    .fetch_one(db.pool())
    .await?;
    sqlx::query("UPDATE login_failures SET settled = 1 WHERE login = $1 AND kind = $2")
        .bind(login)
        .bind(AttemptKind::SignIn)
        .execute(db.pool())
        .await?;
    Ok(Unreported {
        count: unreported.0,
        last: unreported.1,
    })
}

/// Failed sign-ins not yet counted on the account.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unreported {
    pub count: i64,
    pub last: Option<i64>,
}

/// Failed attempts of one kind, at one login, from one address, not yet in the audit trail.
#[derive(Debug, sqlx::FromRow)]
pub struct Failures {
    pub kind: AttemptKind,
    pub login: String,
    pub origin: String,
    pub count: i64,
    /// Of those, how many the owner has not been told about at a sign-in.
    pub unreported: i64,
    pub first: i64,
    pub last: i64,
    /// The account the login names, if it names one, and that account's team.
    pub account: Option<AccountId>,
    pub team: Option<TeamId>,
}

/// Takes the failures made up to `cutoff` for the audit trail, grouped, marking them taken; and
/// forgets those taken before `forget_before`. Inside the caller's write, with the entries.
pub async fn take_for_audit(
    write: &mut WriteTx,
    cutoff: i64,
    forget_before: i64,
) -> Result<Vec<Failures>, StoreError> {
    let groups: Vec<Failures> = sqlx::query_as(
        "SELECT f.kind, f.login, f.origin, COUNT(*) AS count,
                SUM(CASE WHEN f.settled = 0 THEN 1 ELSE 0 END) AS unreported, MIN(f.at) AS first, MAX(f.at) AS last,
                a.id AS account, a.team_id AS team
         FROM login_failures f
         LEFT JOIN accounts a ON a.login = f.login AND f.kind = 'sign_in'
         WHERE f.audited = 0 AND f.at <= $1
         GROUP BY f.kind, f.login, f.origin, a.id, a.team_id ORDER BY MIN(f.at)",
    )
    .bind(cutoff)
    .fetch_all(&mut *write.tx)
    .await?;
    sqlx::query("UPDATE login_failures SET audited = 1 WHERE audited = 0 AND at <= $1")
        .bind(cutoff)
        .execute(&mut *write.tx)
        .await?;
    sqlx::query("DELETE FROM login_failures WHERE audited = 1 AND at < $1")
        .bind(forget_before)
        .execute(&mut *write.tx)
        .await?;
    Ok(groups)
}
