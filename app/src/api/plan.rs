//! The team's side of a family's plan. Forms that stay on their page (adding a step, a rating,
//! a reply) answer without redirecting: without JavaScript the browser goes back to the page it
//! came from; with it, the page asks for its data again.
// A server function takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::domain::plan::{GoalHistory, GoalPage, Plan};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn parse<T>(text: &str, parse: fn(&str) -> Option<T>) -> Result<T, AppError> {
    parse(text).ok_or(AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "family_plan")]
pub async fn family_plan(family: String) -> Result<Plan, AppError> {
    use crate::domain::ids::FamilyId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::plan::plan(&caller, parse(&family, FamilyId::parse)?).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "goal")]
pub async fn load_goal(family: String, goal: String) -> Result<GoalPage, AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::plan::goal_page(
                &caller,
                parse(&family, FamilyId::parse)?,
                parse(&goal, GoalId::parse)?,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "goal_history")]
pub async fn load_goal_history(family: String, goal: String) -> Result<GoalHistory, AppError> {
    use crate::domain::ids::{FamilyId, GoalId};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::plan::goal_history(
                &caller,
                parse(&family, FamilyId::parse)?,
                parse(&goal, GoalId::parse)?,
            )
            .await
        }
        .await,
    )
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
    use crate::services::plan::{goal_path, save_goal, GoalSave};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let family = parse(&family, FamilyId::parse)?;
            let id = parse(&goal, GoalId::parse)?;
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
            save_goal(&caller, GoalSave { family, id, form }).await?;
            leptos_axum::redirect(&goal_path(family, id));
            Ok(())
        }
        .await,
    )
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
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::plan::set_goal_status(
                &caller,
                parse(&family, FamilyId::parse)?,
                parse(&goal, GoalId::parse)?,
                &status,
                &reason,
            )
            .await
        }
        .await,
    )
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
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let step = match step.trim() {
                "" => None,
                text => Some(parse(text, StepId::parse)?),
            };
            let up = match direction.as_str() {
                "up" => true,
                "down" => false,
                _ => return Err(AppError::BadRequest),
            };
            crate::services::plan::reorder(
                &caller,
                parse(&family, FamilyId::parse)?,
                parse(&goal, GoalId::parse)?,
                step,
                up,
            )
            .await
        }
        .await,
    )
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
    use crate::services::plan::{goal_path, save_step, StepSave};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let family = parse(&family, FamilyId::parse)?;
            let goal = parse(&goal, GoalId::parse)?;
            let editing = !version.trim().is_empty();
            let form = StepForm {
                version: &version,
                who: &who,
                what: &what,
                due_on: &due_on,
                visible_to: &visible_to,
            };
            let id = parse(&step, StepId::parse)?;
            save_step(
                &caller,
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
                leptos_axum::redirect(&goal_path(family, goal));
            }
            Ok(())
        }
        .await,
    )
}

/// Marks a step done (`done` = "true") or not done. Staff, or the family member the step is for.
#[server(prefix = "/api", endpoint = "mark_step")]
pub async fn mark_step(step: String, done: String) -> Result<(), AppError> {
    use crate::domain::ids::StepId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let done = match done.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(AppError::BadRequest),
            };
            crate::services::plan::mark_step(&caller, parse(&step, StepId::parse)?, done).await?;
            Ok(())
        }
        .await,
    )
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
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::plan::add_check_in(
                &caller,
                parse(&family, FamilyId::parse)?,
                parse(&goal, GoalId::parse)?,
                parse(&check_in, CheckInId::parse)?,
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
        }
        .await,
    )
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
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let family = parse(&family, FamilyId::parse)?;
            crate::services::plan::save_safety(
                &caller,
                family,
                parse(&safety, SafetyId::parse)?,
                SafetyForm {
                    version: &version,
                    danger: &danger,
                    safety_goal: &safety_goal,
                    visible_to: &visible_to,
                },
            )
            .await?;
            leptos_axum::redirect(&format!("/families/{family}#plan"));
            Ok(())
        }
        .await,
    )
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
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let family = parse(&family, FamilyId::parse)?;
            crate::services::plan::record_houses(
                &caller,
                family,
                parse(&houses, HousesId::parse)?,
                HousesForm {
                    child: &child,
                    recorded_on: &recorded_on,
                    worries: &worries,
                    good_things: &good_things,
                    dreams: &dreams,
                },
            )
            .await?;
            leptos_axum::redirect(&format!("/families/{family}#childs-voice"));
            Ok(())
        }
        .await,
    )
}

/// A practitioner's reply to a family member's words.
#[server(prefix = "/api", endpoint = "reply_to_family")]
pub async fn reply_to_family(
    reply: String,
    reply_to: String,
    body: String,
) -> Result<(), AppError> {
    use crate::domain::ids::CommentId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::plan::reply(
                &caller,
                parse(&reply, CommentId::parse)?,
                parse(&reply_to, CommentId::parse)?,
                &body,
            )
            .await?;
            Ok(())
        }
        .await,
    )
}
