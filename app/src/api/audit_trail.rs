#[cfg(feature = "ssr")]
use crate::api::respond::run;
use crate::domain::audit::AuditEntryView;
use crate::error::AppError;
use leptos::prelude::*;

/// A page of the manager's team trail, newest first; `before` continues from a sequence number.
#[server(prefix = "/api", endpoint = "audit_trail")]
pub async fn audit_trail(before: Option<i64>) -> Result<Vec<AuditEntryView>, AppError> {
    run(async |caller| crate::services::audit_trail::team_trail(caller, before).await).await
}
