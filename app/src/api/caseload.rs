#[cfg(feature = "ssr")]
use crate::api::respond::run;
use crate::error::AppError;
use crate::page_data::caseload::Caseload;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "caseload")]
pub async fn load_caseload() -> Result<Caseload, AppError> {
    run(async |caller| crate::services::caseload::caseload(caller).await).await
}
