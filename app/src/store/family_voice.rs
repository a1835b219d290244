//! The family's words (kept as written, with the team's replies) and the child's Three Houses.

use super::db::{Db, WriteTx};
use super::row::{date, uuid, StoreError};
use crate::domain::ids::{AccountId, CommentId, FamilyId, GoalId, HousesId, MemberId};
use crate::domain::plan::{house_items, FamilyWords, Reply, ThreeHouses};
use crate::domain::plan_input::HousesInput;
use sqlx::Row;

/// Every word in a family, each with the member it belongs to. Oldest first.
pub struct StoredWords {
    pub member: MemberId,
    pub words: FamilyWords,
}

pub async fn words_for_family(db: &Db, family: FamilyId) -> Result<Vec<StoredWords>, StoreError> {
    let rows = sqlx::query(
        "SELECT w.id, w.goal_id, w.member_id, w.reply_to, w.body, w.created_at, a.display_name, g.family_words AS goal_title
         FROM family_words w JOIN accounts a ON a.id = w.author_id LEFT JOIN goals g ON g.id = w.goal_id
         WHERE w.family_id = $1 ORDER BY w.created_at, w.id",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    let mut out: Vec<StoredWords> = Vec::new();
    for row in rows {
        let id = CommentId(uuid("family_words.id", &row.try_get::<String, _>("id")?)?);
        let author_name: String = row.try_get("display_name")?;
        let at: i64 = row.try_get("created_at")?;
        let body: String = row.try_get("body")?;
        match row.try_get::<Option<String>, _>("reply_to")? {
            Some(parent) => {
                let parent = CommentId(uuid("family_words.reply_to", &parent)?);
                if let Some(words) = out.iter_mut().find(|w| w.words.id == parent) {
                    words.words.replies.push(Reply {
                        author_name,
                        at,
                        body,
                    });
                }
            }
            None => out.push(StoredWords {
                member: MemberId(uuid(
                    "family_words.member_id",
                    &row.try_get::<String, _>("member_id")?,
                )?),
                words: FamilyWords {
                    id,
                    goal_id: row
                        .try_get::<Option<String>, _>("goal_id")?
                        .map(|g| uuid("family_words.goal_id", &g).map(GoalId))
                        .transpose()?,
                    goal_title: row.try_get("goal_title")?,
                    author_name,
                    at,
                    body,
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
    let row = sqlx::query(
        "SELECT family_id, member_id, goal_id FROM family_words WHERE id = $1 AND reply_to IS NULL",
    )
    .bind(id.to_string())
    .fetch_optional(db.pool())
    .await?;
    row.map(|row| {
        Ok((
            FamilyId(uuid(
                "family_words.family_id",
                &row.try_get::<String, _>("family_id")?,
            )?),
            MemberId(uuid(
                "family_words.member_id",
                &row.try_get::<String, _>("member_id")?,
            )?),
            row.try_get::<Option<String>, _>("goal_id")?
                .map(|g| uuid("family_words.goal_id", &g).map(GoalId))
                .transpose()?,
        ))
    })
    .transpose()
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
    .bind(w.id.to_string())
    .bind(w.family.to_string())
    .bind(w.goal.map(|g| g.to_string()))
    .bind(w.member.to_string())
    .bind(w.author.to_string())
    .bind(w.reply_to.map(|r| r.to_string()))
    .bind(w.body)
    .bind(w.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A family's Three Houses records, newest first; `child_name` names each child.
pub async fn houses_for_family(
    db: &Db,
    family: FamilyId,
    child_name: &(dyn Fn(MemberId) -> String + Sync),
) -> Result<Vec<ThreeHouses>, StoreError> {
    let rows = sqlx::query(
        "SELECT h.id, h.child_id, h.recorded_on, h.worries, h.good_things, h.dreams, a.display_name
         FROM three_houses h JOIN accounts a ON a.id = h.recorded_by
         WHERE h.family_id = $1 ORDER BY h.recorded_on DESC, h.created_at DESC",
    )
    .bind(family.to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|row| {
            let child = MemberId(uuid(
                "three_houses.child_id",
                &row.try_get::<String, _>("child_id")?,
            )?);
            Ok(ThreeHouses {
                id: HousesId(uuid("three_houses.id", &row.try_get::<String, _>("id")?)?),
                child_id: child,
                child_name: child_name(child),
                recorded_on: date(
                    "three_houses.recorded_on",
                    &row.try_get::<String, _>("recorded_on")?,
                )?,
                recorded_by: row.try_get("display_name")?,
                worries: house_items(&row.try_get::<String, _>("worries")?),
                good_things: house_items(&row.try_get::<String, _>("good_things")?),
                dreams: house_items(&row.try_get::<String, _>("dreams")?),
            })
        })
        .collect()
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
    .bind(id.to_string())
    .bind(family.to_string())
    .bind(houses.child.to_string())
    .bind(houses.recorded_on.format("%Y-%m-%d").to_string())
    .bind(recorded_by.to_string())
    .bind(&houses.worries)
    .bind(&houses.good_things)
    .bind(&houses.dreams)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}
