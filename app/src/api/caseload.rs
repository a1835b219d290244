#[cfg(feature = "ssr")]
use crate::api::respond::run;
use crate::error::AppError;
use crate::page_data::caseload::{Caseload, ClosedCases};
use leptos::prelude::*;

/// `page`: which page of the team's list, from 1.
#[server(prefix = "/api", endpoint = "caseload")]
pub async fn load_caseload(page: Option<u32>) -> Result<Caseload, AppError> {
    run(async |caller| crate::services::caseload::caseload(caller, page).await).await
}

#[server(prefix = "/api", endpoint = "closed_families")]
pub async fn load_closed_families(page: Option<u32>) -> Result<ClosedCases, AppError> {
    run(async |caller| crate::services::caseload::closed_cases(caller, page).await).await
}
