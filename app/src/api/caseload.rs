use crate::domain::family::Caseload;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "caseload")]
pub async fn load_caseload() -> Result<Caseload, AppError> {
    use crate::auth::caller::Caller;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            crate::services::caseload::caseload(&caller).await
        }
        .await,
    )
}
