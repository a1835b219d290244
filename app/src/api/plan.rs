//! The team's side of a family's plan. Forms that stay on their page (adding a step, a rating,
//! a reply) answer without redirecting: without JavaScript the browser goes back to the page it
//! came from; with it, the page asks for its data again.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::plan_input::{CheckInForm, GoalForm, HousesForm, SafetyForm, StepForm};
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
    #[server(flatten)] form: GoalForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    use crate::services::plan::{save_goal, GoalSave};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let id = parse_id::<GoalId>(&goal)?;
        save_goal(
            caller,
            GoalSave {
                family,
                id,
                form: &form,
            },
        )
        .await?;
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
    #[server(flatten)] form: StepForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, GoalId, StepId};
    use crate::services::plan::{save_step, StepSave};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let goal = parse_id::<GoalId>(&goal)?;
        let editing = !form.version.trim().is_empty();
        let id = parse_id::<StepId>(&step)?;
        save_step(
            caller,
            StepSave {
                family,
                goal,
                id,
                form: &form,
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
    #[server(flatten)] form: CheckInForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{CheckInId, FamilyId, GoalId};
    run(async |caller| {
        crate::services::plan::add_check_in(
            caller,
            parse_id::<FamilyId>(&family)?,
            parse_id::<GoalId>(&goal)?,
            parse_id::<CheckInId>(&check_in)?,
            &form,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_safety")]
pub async fn save_safety(
    family: String,
    safety: String,
    #[server(flatten)] form: SafetyForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, SafetyId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::plan::save_safety(caller, family, parse_id::<SafetyId>(&safety)?, &form)
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
    #[server(flatten)] form: HousesForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, HousesId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::plan::record_houses(caller, family, parse_id::<HousesId>(&houses)?, &form)
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
