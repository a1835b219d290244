//! The family's words (kept as written, with the team's replies) and the child's Three Houses.

use super::db::{Db, WriteTx};
use super::row::{Day, StoreError};
use crate::domain::ids::{AccountId, CommentId, FamilyId, GoalId, HousesId, MemberId};
use crate::domain::plan::{house_items, FamilyWords, Reply, ThreeHouses};
use crate::domain::plan_input::HousesInput;

/// Every word in a family, each with the member it belongs to. Oldest first.
pub struct StoredWords {
    pub member: MemberId,
    pub words: FamilyWords,
}

#[derive(sqlx::FromRow)]
struct WordsRow {
    id: CommentId,
    goal_id: Option<GoalId>,
    member_id: MemberId,
    reply_to: Option<CommentId>,
    body: String,
    created_at: i64,
    display_name: String,
    goal_title: Option<String>,
}

pub async fn words_for_family(db: &Db, family: FamilyId) -> Result<Vec<StoredWords>, StoreError> {
    let rows: Vec<WordsRow> = sqlx::query_as(
        "SELECT w.id, w.goal_id, w.member_id, w.reply_to, w.body, w.created_at, a.display_name, g.family_words AS goal_title
         FROM family_words w JOIN accounts a ON a.id = w.author_id LEFT JOIN goals g ON g.id = w.goal_id
         WHERE w.family_id = $1 ORDER BY w.created_at, w.id",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<StoredWords> = Vec::new();
    for row in rows {
        match row.reply_to {
            Some(parent) => {
                if let Some(words) = out.iter_mut().find(|w| w.words.id == parent) {
                    words.words.replies.push(Reply {
                        author_name: row.display_name,
                        at: row.created_at,
                        body: row.body,
                    });
                }
            }
            None => out.push(StoredWords {
                member: row.member_id,
                words: FamilyWords {
                    id: row.id,
                    goal_id: row.goal_id,
                    goal_title: row.goal_title,
                    author_name: row.display_name,
                    at: row.created_at,
                    body: row.body,
                    replies: Vec::new(),
                },
            }),
        }
    }
    Ok(out)
}

/// The family and member a comment belongs to, for answering it.
pub async fn place_of_words(
    db: &Db,
    id: CommentId,
) -> Result<Option<(FamilyId, MemberId, Option<GoalId>)>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT family_id, member_id, goal_id FROM family_words WHERE id = $1 AND reply_to IS NULL",
    )
    .bind(id)
    .fetch_optional(db.pool())
    .await?)
}

pub struct NewWords<'a> {
    pub id: CommentId,
    pub family: FamilyId,
    pub goal: Option<GoalId>,
    pub member: MemberId,
    pub author: AccountId,
    pub reply_to: Option<CommentId>,
    pub body: &'a str,
    pub now: i64,
}

pub async fn insert_words(write: &mut WriteTx, w: &NewWords<'_>) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO family_words (id, family_id, goal_id, member_id, author_id, reply_to, body, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
    )
    .bind(w.id)
    .bind(w.family)
    .bind(w.goal)
    .bind(w.member)
    .bind(w.author)
    .bind(w.reply_to)
    .bind(w.body)
    .bind(w.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(sqlx::FromRow)]
struct HousesRow {
    id: HousesId,
    child_id: MemberId,
    recorded_on: Day,
    worries: String,
    good_things: String,
    dreams: String,
    display_name: String,
}

impl HousesRow {
    fn into_houses(self, child_name: &(dyn Fn(MemberId) -> String + Sync)) -> ThreeHouses {
        ThreeHouses {
            id: self.id,
            child_id: self.child_id,
            child_name: child_name(self.child_id),
            recorded_on: self.recorded_on.into(),
            recorded_by: self.display_name,
            worries: house_items(&self.worries),
            good_things: house_items(&self.good_things),
            dreams: house_items(&self.dreams),
        }
    }
}

/// A family's Three Houses records, newest first; `child_name` names each child.
pub async fn houses_for_family(
    db: &Db,
    family: FamilyId,
    child_name: &(dyn Fn(MemberId) -> String + Sync),
) -> Result<Vec<ThreeHouses>, StoreError> {
    let rows: Vec<HousesRow> = sqlx::query_as(
        "SELECT h.id, h.child_id, h.recorded_on, h.worries, h.good_things, h.dreams, a.display_name
         FROM three_houses h JOIN accounts a ON a.id = h.recorded_by
         WHERE h.family_id = $1 ORDER BY h.recorded_on DESC, h.created_at DESC",
    )
    .bind(family)
    .fetch_all(db.pool())
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| row.into_houses(child_name))
        .collect())
}

pub async fn insert_houses(
    write: &mut WriteTx,
    family: FamilyId,
    id: HousesId,
    houses: &HousesInput,
    recorded_by: AccountId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO three_houses (id, family_id, child_id, recorded_on, recorded_by, worries, good_things, dreams, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(family)
    .bind(houses.child)
    .bind(Day(houses.recorded_on))
    .bind(recorded_by)
    .bind(&houses.worries)
    .bind(&houses.good_things)
    .bind(&houses.dreams)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
