#[cfg(feature = "ssr")]
use crate::api::respond::run;
use crate::error::AppError;
use crate::page_data::own_page::OwnPage;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "own_page")]
pub async fn load_own_page() -> Result<OwnPage, AppError> {
    run(async |caller| crate::services::own_page::own_page(caller).await).await
}
