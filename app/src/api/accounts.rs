use crate::domain::accounts::AccountsOverview;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "accounts")]
pub async fn accounts() -> Result<AccountsOverview, AppError> {
    use crate::auth::caller::Caller;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            crate::services::accounts::overview(&caller).await
        }
        .await,
    )
}
