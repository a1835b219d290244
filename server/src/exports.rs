//! Downloads that are files, not pages: the chronology as CSV for a court bundle or a review.
//! They run through the same caller, access policy and audit trail as the server functions.

use app::domain::ids::FamilyId;
use app::domain::workbook::ChronologyFilter;
use app::error::AppError;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;
use std::collections::HashMap;

pub async fn chronology_csv(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    request: Request<Body>,
) -> Response {
    let (parts, _) = request.into_parts();
    let here = parts.uri.path_and_query().map_or_else(
        || parts.uri.path().to_string(),
        |pq| pq.as_str().to_string(),
    );
    let field = |name: &str| query.get(name).cloned().unwrap_or_default();
    let filter = ChronologyFilter::parse(
        &field("child"),
        &field("chapter"),
        &field("from"),
        &field("to"),
    );
    // The caller is read from the request as the server functions read it: from leptos' context.
    let owner = Owner::new();
    let result = owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_context(state);
                let caller = app::auth::caller::Caller::current().await?;
                let family = FamilyId::parse(&id).ok_or(AppError::NotFound)?;
                app::services::workbook::chronology_export(&caller, family, filter).await
            })
        })
        .await;
    match result {
        Ok((name, csv)) => (
            [
                (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
            ],
            csv,
        )
            .into_response(),
        // Back here once the password has been given again: the download then starts.
        Err(AppError::ConfirmIdentity) => {
            Redirect::to(&app::paths::confirm_identity(&here)).into_response()
        }
        Err(error) => (
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            error.to_string(),
        )
            .into_response(),
    }
}
