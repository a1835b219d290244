//! The case system's extract, as the council's administrators see its checks and imports. The
//! files themselves are posted to their own route (`server/src/import_upload.rs`).

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::import::{ExtractReportView, ImportsOverview};
use leptos::prelude::*;

/// The upload page, with the latest checks and imports.
#[server(prefix = "/api", endpoint = "import_page")]
pub async fn import_page() -> Result<ImportsOverview, AppError> {
    run(async |caller| crate::services::import::page(caller).await).await
}

/// What one check or import came to, line by line.
#[server(prefix = "/api", endpoint = "extract_report")]
pub async fn extract_report(report: String) -> Result<ExtractReportView, AppError> {
    use crate::domain::ids::ExtractReportId;
    run(async |caller| {
        let report = parse_id::<ExtractReportId>(&report)?;
        crate::services::import::report(caller, report).await
    })
    .await
}
