//! A family member's own work on one of their goals: rulers, change plan, decisional balance.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::mi::balance::BalanceItemForm;
use crate::domain::mi::change_plan::ChangePlanForm;
use crate::domain::mi::ruler::OwnRulerForm;
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
    #[server(flatten)] form: ChangePlanForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{ChangePlanWordsId, GoalId};
    run(async |caller| {
        crate::services::own_change::save_plan(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<ChangePlanWordsId>(&save)?,
            &form,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "give_ruler")]
pub async fn give_ruler(
    goal: String,
    check_in: String,
    #[server(flatten)] form: OwnRulerForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{CheckInId, GoalId};
    run(async |caller| {
        crate::services::own_change::give_ruler(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<CheckInId>(&check_in)?,
            &form,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "add_own_balance_item")]
pub async fn add_own_balance_item(
    goal: String,
    item: String,
    #[server(flatten)] form: BalanceItemForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{BalanceItemId, GoalId};
    run(async |caller| {
        crate::services::own_change::add_balance_item(
            caller,
            parse_id::<GoalId>(&goal)?,
            parse_id::<BalanceItemId>(&item)?,
            &form,
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
