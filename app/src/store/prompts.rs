//! The MI prompt library: the file shipped with Hearth (`app/data/mi-prompts.toml`), brought
//! into the database at every start by key, and the prompts teams add themselves.

use super::db::{Db, WriteTx};
use super::row::StoreError;
use crate::domain::goal::GoalArea;
use crate::domain::ids::{AccountId, PromptId, TeamId};
use crate::domain::mi::prompt::{Prompt, Tags};
use crate::domain::mi::prompt_input::PromptInput;
use crate::domain::mi::stage::Stage;
use crate::domain::mi::technique::Technique;
use serde::Deserialize;
use std::collections::HashMap;

/// The library as written, compiled into the binary so every server has the same one.
pub const LIBRARY_FILE: &str = include_str!("../../data/mi-prompts.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryFile {
    prompt: Vec<LibraryEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LibraryEntry {
    key: String,
    technique: String,
    areas: Vec<String>,
    stages: Vec<String>,
    text: String,
    why: String,
}

/// The library file's prompts; an error names the first entry that does not read.
pub fn library(file: &str) -> Result<Vec<Prompt>, StoreError> {
    let parsed: LibraryFile =
        toml::from_str(file).map_err(|e| StoreError::Library(e.to_string()))?;
    parsed
        .prompt
        .into_iter()
        .map(|entry| {
            let bad = |what: &str| StoreError::Library(format!("{}: {what}", entry.key));
            Ok(Prompt {
                id: PromptId::new(),
                technique: Technique::from_code(&entry.technique)
                    .ok_or_else(|| bad("unknown technique"))?,
                areas: Tags::<GoalArea>::from_codes(&entry.areas)
                    .ok_or_else(|| bad("unknown or missing area"))?,
                stages: Tags::<Stage>::from_codes(&entry.stages)
                    .ok_or_else(|| bad("unknown or missing stage"))?,
                text: entry.text.trim().to_string(),
                why: entry.why.trim().to_string(),
                key: Some(entry.key),
                team: None,
                added_by: None,
            })
        })
        .collect()
}

/// A library prompt as stored, compared as text with what the file says now.
#[derive(sqlx::FromRow)]
struct LibraryRow {
    library_key: String,
    technique: String,
    areas: String,
    stages: String,
    body: String,
    why: String,
    retired_at: Option<i64>,
}

/// Brings the database's copy of the library in line with the file: new keys are added,
/// changed ones rewritten, keys gone from the file retired. Rows already right are left alone,
/// so several servers starting together on one PostgreSQL do not fight.
pub async fn load_library(db: &Db) -> Result<(), StoreError> {
    let prompts = library(LIBRARY_FILE)?;
    let rows: Vec<LibraryRow> = sqlx::query_as(
        "SELECT library_key, technique, areas, stages, body, why, retired_at FROM mi_prompts
         WHERE library_key IS NOT NULL",
    )
    .fetch_all(db.pool())
    .await?;
    let mut stored: HashMap<String, (Vec<String>, bool)> = HashMap::new();
    for row in rows {
        let fields = vec![row.technique, row.areas, row.stages, row.body, row.why];
        stored.insert(row.library_key, (fields, row.retired_at.is_some()));
    }
    let now = super::now_ms();
    let mut write = db.write().await?;
    for p in &prompts {
        let key = p.key.clone().unwrap_or_default();
        let fields = vec![
            p.technique.code().to_string(),
            p.areas.codes(),
            p.stages.codes(),
            p.text.clone(),
            p.why.clone(),
        ];
        match stored.remove(&key) {
            Some((old, false)) if old == fields => continue,
            Some(_) => {
                sqlx::query(
                    "UPDATE mi_prompts SET technique = $2, areas = $3, stages = $4, body = $5,
                     why = $6, retired_at = NULL WHERE library_key = $1",
                )
                .bind(&key)
                .bind(&fields[0])
                .bind(&fields[1])
                .bind(&fields[2])
                .bind(&fields[3])
                .bind(&fields[4])
                .execute(&mut *write.tx)
                .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO mi_prompts (id, library_key, technique, areas, stages, body, why, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (library_key) DO NOTHING",
                )
                .bind(p.id)
                .bind(&key)
                .bind(&fields[0])
                .bind(&fields[1])
                .bind(&fields[2])
                .bind(&fields[3])
                .bind(&fields[4])
                .bind(now)
                .execute(&mut *write.tx)
                .await?;
            }
        }
    }
    for (key, (_, retired)) in stored {
        if !retired {
            sqlx::query("UPDATE mi_prompts SET retired_at = $2 WHERE library_key = $1")
                .bind(key)
                .bind(now)
                .execute(&mut *write.tx)
                .await?;
        }
    }
    write.commit().await
}

#[derive(sqlx::FromRow)]
struct PromptRow {
    id: PromptId,
    library_key: Option<String>,
    team_id: Option<TeamId>,
    technique: Technique,
    /// Codes joined by commas.
    areas: String,
    stages: String,
    body: String,
    why: String,
    display_name: Option<String>,
}

impl TryFrom<PromptRow> for Prompt {
    type Error = StoreError;
    fn try_from(row: PromptRow) -> Result<Self, StoreError> {
        let areas: Vec<&str> = row.areas.split(',').collect();
        let stages: Vec<&str> = row.stages.split(',').collect();
        Ok(Prompt {
            id: row.id,
            key: row.library_key,
            team: row.team_id,
            technique: row.technique,
            areas: Tags::<GoalArea>::from_codes(&areas).ok_or_else(|| StoreError::Corrupt {
                column: "mi_prompts.areas",
                value: row.areas.clone(),
            })?,
            stages: Tags::<Stage>::from_codes(&stages).ok_or_else(|| StoreError::Corrupt {
                column: "mi_prompts.stages",
                value: row.stages.clone(),
            })?,
            text: row.body,
            why: row.why,
            added_by: row.display_name,
        })
    }
}

/// What a team sees: the library, then its own prompts, oldest first; retired ones left out.
pub async fn for_team(db: &Db, team: TeamId) -> Result<Vec<Prompt>, StoreError> {
    let rows: Vec<PromptRow> = sqlx::query_as(
        "SELECT p.id, p.library_key, p.team_id, p.technique, p.areas, p.stages, p.body, p.why,
                a.display_name
         FROM mi_prompts p LEFT JOIN accounts a ON a.id = p.added_by
         WHERE p.retired_at IS NULL AND (p.library_key IS NOT NULL OR p.team_id = $1)
         ORDER BY p.team_id IS NOT NULL, p.library_key, p.created_at, p.id",
    )
    .bind(team)
    .fetch_all(db.pool())
    .await?;
    rows.into_iter().map(Prompt::try_from).collect()
}

pub struct NewPrompt<'a> {
    pub id: PromptId,
    pub team: TeamId,
    pub added_by: AccountId,
    pub input: &'a PromptInput,
    pub now: i64,
}

/// `false` when a prompt with this id is already there (a retried save).
pub async fn insert(write: &mut WriteTx, p: &NewPrompt<'_>) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO mi_prompts (id, team_id, technique, areas, stages, body, why, added_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING",
    )
    .bind(p.id)
    .bind(p.team)
    .bind(p.input.technique)
    .bind(p.input.areas.codes())
    .bind(p.input.stages.codes())
    .bind(&p.input.text)
    .bind(&p.input.why)
    .bind(p.added_by)
    .bind(p.now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Retires one of `team`'s own prompts; `false` when there is no such prompt in use.
pub async fn retire(
    write: &mut WriteTx,
    id: PromptId,
    team: TeamId,
    now: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE mi_prompts SET retired_at = $3 WHERE id = $1 AND team_id = $2 AND retired_at IS NULL",
    )
    .bind(id)
    .bind(team)
    .bind(now)
    .execute(&mut *write.tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mi::library_check::{check_text, check_why, coverage_gaps, normalise};
    use crate::domain::plain_check::check_plain_words;
    use std::collections::HashSet;

    fn shipped() -> Vec<Prompt> {
        match library(LIBRARY_FILE) {
            Ok(prompts) => prompts,
            Err(e) => panic!("the library file does not read: {e}"),
        }
    }

    #[test]
    fn the_library_has_at_least_150_prompts_with_unique_keys_and_texts() {
        let prompts = shipped();
        assert!(prompts.len() >= 150, "only {} prompts", prompts.len());
        let mut keys = HashSet::new();
        let mut texts = HashSet::new();
        for p in &prompts {
            let key = p.key.clone().unwrap_or_default();
            assert!(
                !key.is_empty()
                    && key.split('-').all(|part| !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "key {key:?}"
            );
            assert!(keys.insert(key.clone()), "key {key} twice");
            assert!(
                texts.insert(normalise(&p.text)),
                "{key} repeats: {}",
                p.text
            );
        }
    }

    #[test]
    fn every_prompt_meets_the_rules_a_team_prompt_must_meet() {
        for p in shipped() {
            let key = p.key.clone().unwrap_or_default();
            assert_eq!(check_text(&p.text), Ok(()), "{key}");
            assert_eq!(check_why(&p.why), Ok(()), "{key}");
        }
    }

    #[test]
    fn no_ruler_follow_up_asks_why_not_a_ten() {
        // check_text refuses it for every prompt; here the follow-ups are counted too.
        let follow_ups = shipped()
            .into_iter()
            .filter(|p| p.technique == Technique::RulerFollowUp)
            .count();
        assert!(follow_ups >= 8, "{follow_ups} ruler follow-ups");
    }

    #[test]
    fn every_area_and_stage_has_prompts_for_the_core_techniques() {
        let gaps = coverage_gaps(&shipped());
        assert!(gaps.is_empty(), "{}", gaps.join("\n"));
    }

    #[test]
    fn every_technique_is_represented_and_prompts_use_no_jargon() {
        let prompts = shipped();
        for technique in Technique::ALL {
            let n = prompts.iter().filter(|p| p.technique == *technique).count();
            assert!(n >= 5, "{}: {n}", technique.label());
        }
        for p in &prompts {
            let jargon = check_plain_words(&p.text).jargon;
            assert!(jargon.is_empty(), "{:?}: {:?}", p.key, jargon);
        }
    }
}
