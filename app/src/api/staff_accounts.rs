//! Staff accounts, as the council's administrators run them.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::staff::account_form::StaffForm;
use crate::error::AppError;
use crate::page_data::administration::{StaffAccountView, TeamChoice};
use leptos::prelude::*;

/// The teams a new member of staff can join.
#[server(prefix = "/api", endpoint = "staff_team_choices")]
pub async fn staff_team_choices() -> Result<Vec<TeamChoice>, AppError> {
    run(async |caller| crate::services::staff_accounts::team_choices(caller).await).await
}

/// Goes on to the account's page, which shows its set-up code once.
#[cfg(feature = "ssr")]
async fn show_code(
    caller: &crate::auth::caller::Caller,
    account: crate::domain::ids::AccountId,
    new: Option<crate::services::staff_accounts::NewCode>,
) -> Result<(), AppError> {
    use crate::services::{held, staff_accounts};
    let page = crate::paths::staff_account(account);
    match new {
        Some(new) => {
            let shown = held::hold(caller, staff_accounts::HELD_CODE, &new).await?;
            leptos_axum::redirect(&format!("{page}?shown={shown}"));
        }
        None => leptos_axum::redirect(&page),
    }
    Ok(())
}

/// `account` is the new account's id, made by the page.
#[server(prefix = "/api", endpoint = "create_staff_account")]
pub async fn create_staff_account(
    account: String,
    #[server(flatten)] form: StaffForm,
) -> Result<(), AppError> {
    use crate::domain::ids::AccountId;
    run(async |caller| {
        let account = parse_id::<AccountId>(&account)?;
        let new = crate::services::staff_accounts::create(caller, account, &form).await?;
        show_code(caller, account, new).await
    })
    .await
}

/// `shown` names the set-up code just made, held for this page for a few minutes.
#[server(prefix = "/api", endpoint = "staff_account")]
pub async fn staff_account(
    account: String,
    #[server(default)] shown: String,
) -> Result<StaffAccountView, AppError> {
    use crate::domain::ids::AccountId;
    run(async |caller| {
        let account = parse_id::<AccountId>(&account)?;
        let shown = Some(shown.as_str()).filter(|s| !s.is_empty());
        crate::services::staff_accounts::show(caller, account, shown).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "disable_account")]
pub async fn disable_account(account: String) -> Result<(), AppError> {
    set_enabled(account, false).await
}

#[server(prefix = "/api", endpoint = "enable_account")]
pub async fn enable_account(account: String) -> Result<(), AppError> {
    set_enabled(account, true).await
}

#[cfg(feature = "ssr")]
async fn set_enabled(account: String, enabled: bool) -> Result<(), AppError> {
    use crate::domain::ids::AccountId;
    run(async |caller| {
        let account = parse_id::<AccountId>(&account)?;
        crate::services::staff_accounts::set_enabled(caller, account, enabled).await?;
        leptos_axum::redirect(&crate::paths::staff_account(account));
        Ok(())
    })
    .await
}

/// `team` is empty for an administrator who belongs to no team.
#[server(prefix = "/api", endpoint = "move_staff")]
pub async fn move_staff(account: String, #[server(default)] team: String) -> Result<(), AppError> {
    use crate::domain::ids::AccountId;
    run(async |caller| {
        let account = parse_id::<AccountId>(&account)?;
        crate::services::staff_accounts::move_to_team(caller, account, &team).await?;
        leptos_axum::redirect(&crate::paths::staff_account(account));
        Ok(())
    })
    .await
}

/// `code` is the new code's id, made by the page.
#[server(prefix = "/api", endpoint = "new_set_up_code")]
pub async fn new_set_up_code(account: String, code: String) -> Result<(), AppError> {
    use crate::domain::ids::{AccountId, SetUpCodeId};
    run(async |caller| {
        let account = parse_id::<AccountId>(&account)?;
        let code = parse_id::<SetUpCodeId>(&code)?;
        let new = crate::services::staff_accounts::new_code(caller, account, code).await?;
        show_code(caller, account, new).await
    })
    .await
}

/// Sets or clears a member of staff's case system worker ID.
#[server(prefix = "/api", endpoint = "set_worker_ref")]
pub async fn set_worker_ref(account: String, worker_ref: String) -> Result<(), AppError> {
    use crate::domain::ids::AccountId;
    run(async |caller| {
        let account = parse_id::<AccountId>(&account)?;
        crate::services::staff_accounts::set_worker_ref(caller, account, &worker_ref).await
    })
    .await
}
