#[cfg(feature = "ssr")]
use crate::api::respond::run;
use crate::error::AppError;
use crate::page_data::accounts::AccountsOverview;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "accounts")]
pub async fn accounts() -> Result<AccountsOverview, AppError> {
    run(async |caller| crate::services::accounts::overview(caller).await).await
}
