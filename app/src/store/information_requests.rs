//! Subject access requests, and the search for whose data one is for.

use super::db::{Db, WriteTx};
use super::row::{Day, StoreError};
use crate::domain::ids::{
    AccountId, AuthorityId, FamilyId, InformationRequestId, MemberId, TeamId,
};
use crate::domain::information_rights::request::{Finished, NewRequest, RequestStatus};
use crate::domain::information_rights::request_due::Extension;
use chrono::NaiveDate;

/// Whose requests a list or a search covers: the whole council, or one team's families.
#[derive(Clone, Copy, Debug)]
pub enum Reach {
    Authority(AuthorityId),
    Team(TeamId),
}

impl Reach {
    /// The condition on `teams t` (joined to the family) and its one parameter.
    pub(super) fn condition(self) -> (&'static str, String) {
        match self {
            Reach::Authority(a) => ("t.authority_id = $1", a.to_string()),
            Reach::Team(t) => ("t.id = $1", t.to_string()),
        }
    }
}

/// A family member as the person logging a request tells them apart from others of that name.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SubjectRow {
    pub member_id: MemberId,
    pub given_name: String,
    pub family_name: String,
    pub date_of_birth: Option<Day>,
    pub household: String,
    pub team: String,
}

const SUBJECT_COLUMNS: &str = "m.id AS member_id, m.given_name, m.family_name, m.date_of_birth, f.name AS household, t.name AS team
     FROM members m JOIN families f ON f.id = m.family_id JOIN teams t ON t.id = f.team_id";

/// Members within `reach` whose name contains `words` (any case), by name; at most `limit`.
pub async fn find_subjects(
    db: &Db,
    reach: Reach,
    words: &str,
    limit: i64,
) -> Result<Vec<SubjectRow>, StoreError> {
    let (condition, param) = reach.condition();
    let pattern = format!("%{}%", escape_like(&words.to_lowercase()));
    let sql = format!(
        "SELECT {SUBJECT_COLUMNS}
         WHERE {condition} AND LOWER(m.given_name || ' ' || m.family_name) LIKE $2 ESCAPE '\\'
         ORDER BY m.family_name, m.given_name, m.id LIMIT $3"
    );
    Ok(sqlx::query_as(&sql)
        .bind(param)
        .bind(pattern)
        .bind(limit)
        .fetch_all(db.pool())
        .await?)
}

/// One member as a subject, with what the access policy needs of their family.
pub async fn subject(
    db: &Db,
    member: MemberId,
) -> Result<Option<(SubjectRow, FamilyId, TeamId, AuthorityId)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        subject: SubjectRow,
        family_id: FamilyId,
        team_id: TeamId,
        authority_id: AuthorityId,
    }
    let sql = format!(
        "SELECT {SUBJECT_COLUMNS_WITH_PLACE} WHERE m.id = $1",
        SUBJECT_COLUMNS_WITH_PLACE = SUBJECT_COLUMNS.replacen(
            "f.name AS household",
            "f.name AS household, f.id AS family_id, t.id AS team_id, t.authority_id",
            1
        )
    );
    let row: Option<Row> = sqlx::query_as(&sql)
        .bind(member)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.map(|r| (r.subject, r.family_id, r.team_id, r.authority_id)))
}

/// `%`, `_` and the escape itself match only themselves.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

pub struct Logged<'a> {
    pub id: InformationRequestId,
    pub authority: AuthorityId,
    pub family: FamilyId,
    pub member: MemberId,
    pub request: &'a NewRequest,
    pub due_on: NaiveDate,
    pub by: AccountId,
    pub now: i64,
}

pub async fn insert(write: &mut WriteTx, logged: &Logged<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO information_requests (id, authority_id, family_id, member_id, requester, received_on, identity_checked_on, due_on, status, logged_by, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, 1, $10, $10)",
    )
    .bind(logged.id)
    .bind(logged.authority)
    .bind(logged.family)
    .bind(logged.member)
    .bind(logged.request.requester.clone())
    .bind(Day(logged.request.received_on))
    .bind(logged.request.identity_checked_on.map(Day))
    .bind(Day(logged.due_on))
    .bind(logged.by)
    .bind(logged.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(())
}

/// A request with its subject, as the list and its own page show it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RequestRow {
    pub id: InformationRequestId,
    pub family_id: FamilyId,
    pub team_id: TeamId,
    pub authority_id: AuthorityId,
    #[sqlx(flatten)]
    pub subject: SubjectRow,
    pub requester: Option<String>,
    pub received_on: Day,
    pub identity_checked_on: Option<Day>,
    pub due_on: Day,
    pub extra_months: i64,
    pub extension_reason: Option<String>,
    pub extension_told_on: Option<Day>,
    pub status: RequestStatus,
    pub finished_on: Option<Day>,
    pub logged_by: String,
    pub version: i64,
    /// When it was logged (Unix milliseconds).
    pub created_at: i64,
}

const REQUEST_COLUMNS: &str = "r.id, r.family_id, f.team_id, r.authority_id,
        m.id AS member_id, m.given_name, m.family_name, m.date_of_birth, f.name AS household, t.name AS team,
        r.requester, r.received_on, r.identity_checked_on, r.due_on, r.extra_months, r.extension_reason,
        r.extension_told_on, r.status, r.finished_on, a.display_name AS logged_by, r.version, r.created_at
     FROM information_requests r
     JOIN members m ON m.id = r.member_id
     JOIN families f ON f.id = r.family_id
     JOIN teams t ON t.id = f.team_id
     JOIN accounts a ON a.id = r.logged_by";

pub async fn one(db: &Db, id: InformationRequestId) -> Result<Option<RequestRow>, StoreError> {
    let sql = format!("SELECT {REQUEST_COLUMNS} WHERE r.id = $1");
    Ok(sqlx::query_as(&sql)
        .bind(id)
        .fetch_optional(db.pool())
        .await?)
}

/// The open requests within `reach`, soonest due first (so the overdue lead); then the latest
/// finished ones, newest first. At most `limit` of each.
pub async fn listed(
    db: &Db,
    reach: Reach,
    limit: i64,
) -> Result<(Vec<RequestRow>, Vec<RequestRow>), StoreError> {
    let (condition, param) = reach.condition();
    let open = format!(
        "SELECT {REQUEST_COLUMNS} WHERE {condition} AND r.status = 'open' ORDER BY r.due_on, r.received_on, r.id LIMIT $2"
    );
    let finished = format!(
        "SELECT {REQUEST_COLUMNS} WHERE {condition} AND r.status <> 'open' ORDER BY r.finished_on DESC, r.id LIMIT $2"
    );
    let open = sqlx::query_as(&open)
        .bind(param.clone())
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    let finished = sqlx::query_as(&finished)
        .bind(param)
        .bind(limit)
        .fetch_all(db.pool())
        .await?;
    Ok((open, finished))
}

/// The part of an update every change shares: only an open request still at `version` takes it,
/// so two people changing one request at once are told, not overwritten.
const STILL_OPEN: &str = "due_on = $2, version = version + 1, updated_at = $3 WHERE id = $4 AND version = $5 AND status = 'open'";

/// Where a change applies: the request, the version it was read at, its new due date, and now.
pub struct At {
    pub id: InformationRequestId,
    pub version: i64,
    pub due_on: NaiveDate,
    pub now: i64,
}

/// An update of `set` (whose first parameter is `$1`, and any more from `$6`) that only an open
/// request still at its version takes; `$1` to `$5` bound, the rest for the caller to bind.
fn still_open<'q>(
    sql: &'q str,
    first: Day,
    at: &At,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    sqlx::query(sql)
        .bind(first)
        .bind(Day(at.due_on))
        .bind(at.now)
        .bind(at.id)
        .bind(at.version)
}

fn update_sql(set: &str) -> String {
    format!("UPDATE information_requests SET {set}, {STILL_OPEN}")
}

/// Whether each change was made (false: someone changed or closed the request meanwhile).
pub async fn identity_checked(
    write: &mut WriteTx,
    day: NaiveDate,
    at: &At,
) -> Result<bool, StoreError> {
    let sql = update_sql("identity_checked_on = $1");
    let done = still_open(&sql, Day(day), at)
        .execute(&mut *write.tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn extend(
    write: &mut WriteTx,
    extension: &Extension,
    at: &At,
) -> Result<bool, StoreError> {
    let sql = update_sql("extension_told_on = $1, extension_reason = $6, extra_months = $7");
    let done = still_open(&sql, Day(extension.told_on), at)
        .bind(extension.reason.clone())
        .bind(i64::from(extension.extra_months))
        .execute(&mut *write.tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn finish(write: &mut WriteTx, finished: Finished, at: &At) -> Result<bool, StoreError> {
    let sql = update_sql("finished_on = $1, status = $6");
    let done = still_open(&sql, Day(finished.on), at)
        .bind(finished.ending.status())
        .execute(&mut *write.tx)
        .await?;
    Ok(done.rows_affected() == 1)
}
