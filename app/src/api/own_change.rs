//! A family member's own work on one of their goals: rulers, change plan, decisional balance.
// A server function takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::domain::mi::change_work::OwnChangeWork;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "own_change_work")]
pub async fn load_own_change_work(goal: String) -> Result<OwnChangeWork, AppError> {
    use crate::domain::ids::GoalId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::own_change::own_change_work(
                &caller,
                crate::api::respond::id(&goal, GoalId::parse)?,
            )
            .await
        }
        .await,
    )
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
    use crate::api::respond::id;
    use crate::domain::ids::{ChangePlanWordsId, GoalId};
    use crate::domain::mi::change_plan::PlanPart;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::own_change::save_plan(
                &caller,
                id(&goal, GoalId::parse)?,
                id(&save, ChangePlanWordsId::parse)?,
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
        }
        .await,
    )
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
    use crate::api::respond::id;
    use crate::domain::ids::{CheckInId, GoalId};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::own_change::give_ruler(
                &caller,
                id(&goal, GoalId::parse)?,
                id(&check_in, CheckInId::parse)?,
                &scale,
                &score,
                &not_lower,
                &one_up,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "add_own_balance_item")]
pub async fn add_own_balance_item(
    goal: String,
    item: String,
    #[server(default)] quadrant: String,
    #[server(default)] body: String,
) -> Result<(), AppError> {
    use crate::api::respond::id;
    use crate::domain::ids::{BalanceItemId, GoalId};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::own_change::add_balance_item(
                &caller,
                id(&goal, GoalId::parse)?,
                id(&item, BalanceItemId::parse)?,
                &quadrant,
                &body,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "remove_own_balance_item")]
pub async fn remove_own_balance_item(goal: String, item: String) -> Result<(), AppError> {
    use crate::api::respond::id;
    use crate::domain::ids::{BalanceItemId, GoalId};
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::own_change::remove_balance_item(
                &caller,
                id(&goal, GoalId::parse)?,
                id(&item, BalanceItemId::parse)?,
            )
            .await
        }
        .await,
    )
}
