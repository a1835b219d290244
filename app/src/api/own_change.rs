//! A family member's own work on one of their goals: rulers, change plan, decisional balance.
// A server function takes one argument per form field.
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::change_work::OwnChangeWork;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "own_change_work")]
pub async fn load_own_change_work(goal: String) -> Result<OwnChangeWork, AppError> {
    use crate::domain::ids::GoalId;
    run(async |caller| {
        crate::services::own_change::own_change_work(caller, parse_id::<GoalId>(&goal)?).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_change_plan")]
pub async fn save_change_plan(
    goal: String,
    save: String,
    #[server(default)] version: String,
    #[server(default)] changes: String,
    #[server(default)] why: String,
    #[server(default)] steps: String,
    #[server(default)] help: String,
    #[server(default)] know: String,
    #[server(default)] in_the_way: String,
    #[server(default)] then: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{ChangePlanWordsId, GoalId};
    use crate::domain::mi::change_plan::PlanPart;
    run(async |caller| {
        crate::services::own_change::save_plan(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<ChangePlanWordsId>(&save)?,
            &version,
            &[
                (PlanPart::Changes, changes.as_str()),
                (PlanPart::Why, why.as_str()),
                (PlanPart::Steps, steps.as_str()),
                (PlanPart::Help, help.as_str()),
                (PlanPart::Know, know.as_str()),
                (PlanPart::InTheWay, in_the_way.as_str()),
                (PlanPart::Then, then.as_str()),
            ],
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "give_ruler")]
pub async fn give_ruler(
    goal: String,
    check_in: String,
    #[server(default)] scale: String,
    #[server(default)] score: String,
    #[server(default)] not_lower: String,
    #[server(default)] one_up: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{CheckInId, GoalId};
    run(async |caller| {
        crate::services::own_change::give_ruler(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<CheckInId>(&check_in)?,
            &scale,
            &score,
            &not_lower,
            &one_up,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "add_own_balance_item")]
pub async fn add_own_balance_item(
    goal: String,
    item: String,
    #[server(default)] quadrant: String,
    #[server(default)] body: String,
) -> Result<(), AppError> {
    use crate::domain::ids::{BalanceItemId, GoalId};
    run(async |caller| {
        crate::services::own_change::add_balance_item(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<BalanceItemId>(&item)?,
            &quadrant,
            &body,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "remove_own_balance_item")]
pub async fn remove_own_balance_item(goal: String, item: String) -> Result<(), AppError> {
    use crate::domain::ids::{BalanceItemId, GoalId};
    run(async |caller| {
        crate::services::own_change::remove_balance_item(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<BalanceItemId>(&item)?,
        )
        .await
    })
    .await
}
