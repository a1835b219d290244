//! A family member's side of their plan: their own rating, and words for their worker.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use leptos::prelude::*;

/// The member's own 0–10 rating of one of their goals, dated today.
#[server(prefix = "/api", endpoint = "rate_goal")]
pub async fn rate_goal(
    goal: String,
    check_in: String,
    score: String,
    #[server(default)] comment: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{CheckInId, GoalId};
    run(async |caller| {
        let goal = parse_id::<GoalId>(&goal)?;
        let id = parse_id::<CheckInId>(&check_in)?;
        crate::services::own_plan::rate_goal(caller, goal, id, &score, &comment).await
    })
    .await
}

/// "What I want my worker to know", about a goal (`goal`) or in general (empty `goal`).
#[server(prefix = "/api", endpoint = "tell_worker")]
pub async fn tell_worker(
    words: String,
    #[server(default)] goal: String,
    body: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{CommentId, GoalId};
    run(async |caller| {
        let id = parse_id::<CommentId>(&words)?;
        let goal = match goal.trim() {
            "" => None,
            text => Some(GoalId::parse(text).ok_or(AppError::NotFound)?),
        };
        crate::services::own_plan::add_words(caller, id, goal, &body).await
    })
    .await
}
