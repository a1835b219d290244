//! The MI prompt library for a team, its own prompts, and the prompts offered beside a
//! conversation about a goal.

use super::authorize;
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::goal::Goal;
use crate::domain::ids::{PromptId, TeamId};
use crate::domain::mi::choice::{offer, Offered, PromptContext};
use crate::domain::mi::prompt::{search, PromptFilter};
use crate::domain::mi::prompt_input::{parse_prompt, PromptForm};
use crate::domain::mi::stage::Stage;
use crate::domain::rating::Scale;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::prompt_library::PromptLibrary;
use crate::services::new_id;
use crate::store::audit::NewEntry;
use crate::store::prompts::NewPrompt;
use crate::store::{self, audit, now_ms, Db};
use chrono::{Datelike, NaiveDate};

/// The caller's team, once the policy lets them use the library.
async fn library_team(caller: &Caller) -> Result<TeamId, AppError> {
    let entry = caller.entry(AuditAction::UsePromptLibrary, RecordKind::PromptLibrary);
    authorize(caller, Action::UsePromptLibrary, Target::Own, entry).await?;
    caller.viewer()?.team_id().ok_or(AppError::Forbidden)
}

pub async fn library(caller: &Caller, filter: PromptFilter) -> Result<PromptLibrary, AppError> {
    let team = library_team(caller).await?;
    let prompts = store::prompts::for_team(&caller.state.db, team).await?;
    let found = search(&prompts, &filter).into_iter().cloned().collect();
    let mut team_prompts: Vec<_> = prompts
        .iter()
        .filter(|p| p.team.is_some())
        .cloned()
        .collect();
    team_prompts.reverse();
    Ok(PromptLibrary {
        filter,
        found,
        total: prompts.len(),
        team_prompts,
        can_retire: caller.viewer()?.staff_role() == Some(StaffRole::TeamManager),
    })
}

/// The caller's team, for a change to its prompts. Someone of no team (a parent, an
/// administrator) is refused, and the refusal recorded like any other.
async fn own_team(caller: &Caller, entry: &NewEntry) -> Result<TeamId, AppError> {
    match caller.viewer()?.team_id() {
        Some(team) => Ok(team),
        None => {
            audit::record(&caller.state.db, &entry.clone().refused()).await?;
            Err(AppError::Forbidden)
        }
    }
}

pub async fn add(caller: &Caller, id: PromptId, form: &PromptForm) -> Result<(), AppError> {
    let entry = caller
        .entry(AuditAction::AddPrompt, RecordKind::Prompt)
        .record(id);
    let team = own_team(caller, &entry).await?;
    authorize(caller, Action::AddPrompt, Target::Team(team), entry.clone()).await?;
    let db = &caller.state.db;
    let existing = store::prompts::for_team(db, team).await?;
    // Sent again: the prompt is there, and its text would now read as a repeat of itself.
    if existing.iter().any(|p| p.id == id) {
        return Ok(());
    }
    let input = parse_prompt(form, &existing)?;
    let Some(mut write) = new_id::write_new(caller, id, team.0, &entry).await? else {
        return Ok(());
    };
    let added = store::prompts::insert(
        &mut write,
        &NewPrompt {
            id,
            team,
            added_by: caller.viewer()?.account_id,
            input: &input,
            now: now_ms(),
        },
    )
    .await?;
    if added {
        audit::append(&mut write, &entry.detail(input.technique.label())).await?;
    }
    write.commit().await?;
    Ok(())
}

pub async fn retire(caller: &Caller, id: PromptId) -> Result<(), AppError> {
    let entry = caller
        .entry(AuditAction::RetirePrompt, RecordKind::Prompt)
        .record(id);
    let team = own_team(caller, &entry).await?;
    authorize(
        caller,
        Action::RetirePrompt,
        Target::Team(team),
        entry.clone(),
    )
    .await?;
    let mut write = caller.state.db.write().await?;
    if store::prompts::retire(&mut write, id, team, now_ms()).await? {
        audit::append(&mut write, &entry).await?;
    }
    write.commit().await?;
    Ok(())
}

/// The prompts for a conversation about `goal`, from `team`'s library: chosen by the goal's
/// area, its latest stage of change and the owner's latest rulers. Callers have already been
/// allowed to see the goal.
pub async fn offered_for(
    db: &Db,
    team: TeamId,
    goal: &Goal,
    stage: Option<Stage>,
    today: NaiveDate,
) -> Result<Offered, AppError> {
    let prompts = store::prompts::for_team(db, team).await?;
    let ruler = |scale| goal.latest(scale).map(|c| c.score);
    Ok(offer(
        &prompts,
        &PromptContext {
            area: goal.area,
            stage,
            importance: ruler(Scale::Importance),
            confidence: ruler(Scale::Confidence),
            seed: u32::try_from(today.num_days_from_ce()).unwrap_or(0),
        },
    ))
}
