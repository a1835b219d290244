#[cfg(feature = "ssr")]
use crate::api::respond::run;
use crate::error::AppError;
use crate::page_data::audit_trail::TrailPage;
use leptos::prelude::*;

/// A page of the manager's team trail, newest first (`before` continues from a sequence number),
/// and when the trail was last verified.
#[server(prefix = "/api", endpoint = "audit_trail")]
pub async fn audit_trail(before: Option<i64>) -> Result<TrailPage, AppError> {
    run(async |caller| crate::services::audit_trail::team_trail(caller, before).await).await
}
