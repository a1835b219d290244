use crate::domain::own_page::OwnPage;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "own_page")]
pub async fn load_own_page() -> Result<OwnPage, AppError> {
    use crate::auth::caller::Caller;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            crate::services::own_page::own_page(&caller).await
        }
        .await,
    )
}
