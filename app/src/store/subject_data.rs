//! Everything Hearth holds about one family member, read for a subject access request: each
//! query returns rows as stored; `services::disclosure::gather` words them as passages.

use super::db::Db;
use super::row::{Day, Flag, StoreError};
use crate::domain::ids::{FamilyId, MemberId};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct MemberRow {
    pub given_name: String,
    pub family_name: String,
    pub relationship: String,
    pub date_of_birth: Option<Day>,
    pub expected_on: Option<Day>,
    pub left_on: Option<Day>,
    pub person_ref: Option<String>,
}

pub async fn member(db: &Db, member: MemberId) -> Result<Option<MemberRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT given_name, family_name, relationship, date_of_birth, expected_on, left_on, person_ref FROM members WHERE id = $1",
    )
    .bind(member)
    .fetch_optional(db.pool())
    .await?)
}

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StatusRow {
    pub id: String,
    pub kind: String,
    pub latest_category: Option<String>,
    pub started_on: Day,
    pub ended_on: Option<Day>,
}

pub async fn legal_statuses(db: &Db, member: MemberId) -> Result<Vec<StatusRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, kind, latest_category, started_on, ended_on FROM legal_statuses WHERE member_id = $1 ORDER BY started_on, id",
    )
    .bind(member)
    .fetch_all(db.pool())
    .await?)
}

/// The goals a member owns or that are shared with them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct GoalRow {
    pub id: String,
    pub family_words: String,
    pub professional_words: String,
    pub target_date: Day,
    pub status: String,
    pub created_at: i64,
}

const THEIR_GOALS: &str =
    "(g.owner_member_id = $1 OR g.id IN (SELECT record_id FROM shared_with WHERE member_id = $1))";

pub async fn goals(db: &Db, member: MemberId) -> Result<Vec<GoalRow>, StoreError> {
    let sql = format!(
        "SELECT g.id, g.family_words, g.professional_words, g.target_date, g.status, g.created_at FROM goals g WHERE {THEIR_GOALS} ORDER BY g.created_at, g.id"
    );
    Ok(sqlx::query_as(&sql)
        .bind(member)
        .fetch_all(db.pool())
        .await?)
}

/// Steps of their goals, and steps that are theirs to do or shared with them.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StepRow {
    pub id: String,
    pub what: String,
    pub due_on: Day,
    pub done: Flag,
}

pub async fn steps(db: &Db, member: MemberId) -> Result<Vec<StepRow>, StoreError> {
    let sql = format!(
        "SELECT s.id, s.what, s.due_on, s.done FROM steps s JOIN goals g ON g.id = s.goal_id
         WHERE {THEIR_GOALS} OR s.who = 'member:' || $1 OR s.id IN (SELECT record_id FROM shared_with WHERE member_id = $1)
         ORDER BY s.due_on, s.id"
    );
    Ok(sqlx::query_as(&sql)
        .bind(member)
        .fetch_all(db.pool())
        .await?)
}

/// Ratings and rulers on the goals they own, with who gave each.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RatingRow {
    pub id: String,
    pub scale: String,
    pub score: i64,
    pub given_on: Day,
    pub comment: String,
    pub given_by: String,
}

pub async fn ratings(db: &Db, member: MemberId) -> Result<Vec<RatingRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT c.id, c.scale, c.score, c.given_on, c.comment, a.display_name AS given_by
         FROM check_ins c JOIN goals g ON g.id = c.goal_id JOIN accounts a ON a.id = c.given_by
         WHERE g.owner_member_id = $1 ORDER BY c.given_on, c.id",
    )
    .bind(member)
    .fetch_all(db.pool())
    .await?)
}

/// Words written by a person, or to them: family words, change plans, balance items.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct WordsRow {
    pub id: String,
    /// What the words are: a reply, a change plan's part, a balance quadrant.
    pub part: Option<String>,
    pub body: String,
    pub by_member: Flag,
    pub author: String,
    pub created_at: i64,
}

pub async fn own_words(db: &Db, member: MemberId) -> Result<Vec<WordsRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT w.id, CASE WHEN w.reply_to IS NULL THEN NULL ELSE 'reply' END AS part, w.body,
                CASE WHEN w.reply_to IS NULL THEN 1 ELSE 0 END AS by_member, a.display_name AS author, w.created_at
         FROM family_words w JOIN accounts a ON a.id = w.author_id
         WHERE w.member_id = $1 ORDER BY w.created_at, w.id",
    )
    .bind(member)
    .fetch_all(db.pool())
    .await?)
}

pub async fn change_plans(db: &Db, member: MemberId) -> Result<Vec<WordsRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, part, body, by_member, author, created_at FROM (
             SELECT w.id AS id, w.part AS part, w.body AS body, w.by_member AS by_member, a.display_name AS author, w.created_at AS created_at
             FROM change_plan_words w JOIN accounts a ON a.id = w.author_id WHERE w.member_id = $1
             UNION ALL
             SELECT b.id, b.quadrant, b.body, b.by_member, a.display_name, b.created_at
             FROM balance_items b JOIN accounts a ON a.id = b.author_id WHERE b.member_id = $1 AND b.removed_at IS NULL
         ) words ORDER BY created_at, id",
    )
    .bind(member)
    .fetch_all(db.pool())
    .await?)
}

/// Workbook entries that name them, with who wrote each.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EntryRow {
    pub id: String,
    pub kind: String,
    pub occurred_on: Day,
    pub summary: String,
    pub author: String,
    pub author_role: Option<String>,
}

pub async fn entries(db: &Db, member: MemberId) -> Result<Vec<EntryRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.kind, e.occurred_on, e.summary, a.display_name AS author, a.staff_role AS author_role
         FROM workbook_entries e JOIN entry_people p ON p.entry_id = e.id JOIN accounts a ON a.id = e.author_id
         WHERE p.member_id = $1 ORDER BY e.occurred_on, e.id",
    )
    .bind(member)
    .fetch_all(db.pool())
    .await?)
}

/// Group supervisions of their family.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SupervisionRow {
    pub id: String,
    pub held_on: Day,
    pub hypotheses: String,
    pub reflections: String,
    pub working_well: String,
    pub worried_about: String,
    pub needs_to_happen: String,
    pub decisions: String,
}

pub async fn supervisions(db: &Db, family: FamilyId) -> Result<Vec<SupervisionRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, held_on, hypotheses, reflections, working_well, worried_about, needs_to_happen, decisions
         FROM supervisions WHERE family_id = $1 ORDER BY held_on, id",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?)
}

/// Who read the records of their family or about them, one row per person and kind of read.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ReadsRow {
    pub reader: String,
    pub actor_name: String,
    pub action: String,
    pub times: i64,
    pub first_at: i64,
    pub last_at: i64,
}

/// Reads up to `until` (Unix milliseconds): the trail grows with every look, so a disclosure is
/// of the reads up to the request.
pub async fn reads(
    db: &Db,
    member: MemberId,
    family: FamilyId,
    until: i64,
) -> Result<Vec<ReadsRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT COALESCE(a.display_name, l.actor_name) AS reader, l.actor_name, l.action, COUNT(*) AS times,
                MIN(l.at) AS first_at, MAX(l.at) AS last_at
         FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
         WHERE l.outcome = 'allowed' AND l.action LIKE 'view%'
           AND (l.family_id = $1 OR l.record_id = $2) AND l.at <= $3
         GROUP BY COALESCE(a.display_name, l.actor_name), l.actor_name, l.action
         ORDER BY MIN(l.at), l.action",
    )
    .bind(family)
    .bind(member)
    .bind(until)
    .fetch_all(db.pool())
    .await?)
}
