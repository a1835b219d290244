//! The team's side of a family's plan. Forms that stay on their page (adding a step, a rating,
//! a reply) answer without redirecting: without JavaScript the browser goes back to the page it
//! came from; with it, the page asks for its data again.
// A server function takes one argument per form field.
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::plan::{GoalHistory, GoalPage, Plan};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "family_plan")]
pub async fn family_plan(family: String) -> Result<Plan, AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| crate::services::plan::plan(caller, parse_id::<FamilyId>(&family)?).await)
        .await
}

#[server(prefix = "/api", endpoint = "goal")]
pub async fn load_goal(family: String, goal: String) -> Result<GoalPage, AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    run(async |caller| {
        crate::services::plan::goal_page(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "goal_history")]
pub async fn load_goal_history(family: String, goal: String) -> Result<GoalHistory, AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    run(async |caller| {
        crate::services::plan::goal_history(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
        )
        .await
    })
    .await
}

/// Adds a goal (`version` empty) or saves an edit made from `version`. `goal` is made by the
/// page, so sending the same new goal twice adds it once.
#[server(prefix = "/api", endpoint = "save_goal")]
pub async fn save_goal(
    family: String,
    goal: String,
    version: String,
    owner: String,
    area: String,
    family_words: String,
    professional_words: String,
    target_date: String,
    status: String,
    #[server(default)] visible_to: Vec<String>,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    use crate::domain::plan_input::GoalForm;
    use crate::services::plan::{save_goal, GoalSave};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let id = parse_id::<GoalId>(&goal)?;
        let form = GoalForm {
            version: &version,
            owner: &owner,
            area: &area,
            family_words: &family_words,
            professional_words: &professional_words,
            target_date: &target_date,
            status: &status,
            visible_to: &visible_to,
            reason: &reason,
        };
        save_goal(caller, GoalSave { family, id, form }).await?;
        leptos_axum::redirect(&crate::paths::goal(family, id));
        Ok(())
    })
    .await
}

/// Closes (achieved, stopped) or reopens a goal.
#[server(prefix = "/api", endpoint = "set_goal_status")]
pub async fn set_goal_status(
    family: String,
    goal: String,
    status: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    run(async |caller| {
        crate::services::plan::set_goal_status(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            &status,
            &reason,
        )
        .await
    })
    .await
}

/// Moves a goal (no `step`) or one of its steps one place `up` or `down`.
#[server(prefix = "/api", endpoint = "move_in_plan")]
pub async fn move_in_plan(
    family: String,
    goal: String,
    #[server(default)] step: String,
    direction: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId, StepId};
    run(async |caller| {
        let step = match step.trim() {
            "" => None,
            text => Some(parse_id::<StepId>(text)?),
        };
        let up = match direction.as_str() {
            "up" => true,
            "down" => false,
            _ => return Err(AppError::BadRequest),
        };
        crate::services::plan::reorder(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            step,
            up,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_step")]
pub async fn save_step(
    family: String,
    goal: String,
    step: String,
    version: String,
    who: String,
    what: String,
    due_on: String,
    #[server(default)] visible_to: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId, StepId};
    use crate::domain::plan_input::StepForm;
    use crate::services::plan::{save_step, StepSave};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let goal = parse_id::<GoalId>(&goal)?;
        let editing = !version.trim().is_empty();
        let form = StepForm {
            version: &version,
            who: &who,
            what: &what,
            due_on: &due_on,
            visible_to: &visible_to,
        };
        let id = parse_id::<StepId>(&step)?;
        save_step(
            caller,
            StepSave {
                family,
                goal,
                id,
                form,
            },
        )
        .await?;
        // An edit has a page of its own; a new step is added in place.
        if editing {
            leptos_axum::redirect(&crate::paths::goal(family, goal));
        }
        Ok(())
    })
    .await
}

/// Marks a step done (`done` = "true") or not done. Staff, or the family member the step is for.
#[server(prefix = "/api", endpoint = "mark_step")]
pub async fn mark_step(step: String, done: String) -> Result<(), AppError> {
    use crate::domain::ids::StepId;
    run(async |caller| {
        let done = match done.as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(AppError::BadRequest),
        };
        crate::services::plan::mark_step(caller, parse_id::<StepId>(&step)?, done).await?;
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "add_check_in")]
pub async fn add_check_in(
    family: String,
    goal: String,
    check_in: String,
    scale: String,
    score: String,
    given_on: String,
    #[server(default)] comment: String,
    #[server(default)] not_lower: String,
    #[server(default)] one_up: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{CheckInId, FamilyId, GoalId};
    use crate::domain::plan_input::CheckInForm;
    run(async |caller| {
        crate::services::plan::add_check_in(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<CheckInId>(&check_in)?,
            CheckInForm {
                scale: &scale,
                score: &score,
                given_on: &given_on,
                comment: &comment,
                not_lower: &not_lower,
                one_up: &one_up,
            },
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_safety")]
pub async fn save_safety(
    family: String,
    safety: String,
    version: String,
    danger: String,
    safety_goal: String,
    #[server(default)] visible_to: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, SafetyId};
    use crate::domain::plan_input::SafetyForm;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::plan::save_safety(
            caller,
            family,
            parse_id::<SafetyId>(&safety)?,
            SafetyForm {
                version: &version,
                danger: &danger,
                safety_goal: &safety_goal,
                visible_to: &visible_to,
            },
        )
        .await?;
        leptos_axum::redirect(&crate::paths::family_plan(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "record_houses")]
pub async fn record_houses(
    family: String,
    houses: String,
    child: String,
    recorded_on: String,
    #[server(default)] worries: String,
    #[server(default)] good_things: String,
    #[server(default)] dreams: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, HousesId};
    use crate::domain::plan_input::HousesForm;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::plan::record_houses(
            caller,
            family,
            parse_id::<HousesId>(&houses)?,
            HousesForm {
                child: &child,
                recorded_on: &recorded_on,
                worries: &worries,
                good_things: &good_things,
                dreams: &dreams,
            },
        )
        .await?;
        leptos_axum::redirect(&crate::paths::childs_voice(family));
        Ok(())
    })
    .await
}

/// A practitioner's reply to a family member's words.
#[server(prefix = "/api", endpoint = "reply_to_family")]
pub async fn reply_to_family(
    reply: String,
    reply_to: String,
    body: String,
) -> Result<(), AppError> {
    use crate::domain::ids::CommentId;
    run(async |caller| {
        crate::services::plan::reply(
            caller,
            parse_id::<CommentId>(&reply)?,
            parse_id::<CommentId>(&reply_to)?,
            &body,
        )
        .await?;
        Ok(())
    })
    .await
}
