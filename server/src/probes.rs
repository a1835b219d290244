//! What a load balancer or orchestrator asks: is the process alive (`/healthz`, no database),
//! and is it ready for requests (`/readyz`: the database answers and holds this build's
//! migrations). Cheap, unauthenticated, outside the request limits, and they say nothing more.

use app::state::AppState;
use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// A readiness check that takes longer than this is a database that is not answering.
const READY_WITHIN: Duration = Duration::from_secs(2);

pub async fn healthz() -> Response {
    (StatusCode::OK, [(CACHE_CONTROL, "no-store")], "ok\n").into_response()
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let (status, text) =
        match tokio::time::timeout(READY_WITHIN, app::store::health::schema_current(&state.db))
            .await
        {
            Ok(Ok(true)) => (StatusCode::OK, "ready\n"),
            Ok(Ok(false)) => (StatusCode::SERVICE_UNAVAILABLE, "migrations pending\n"),
            Ok(Err(error)) => {
                tracing::warn!(%error, "readiness: the database did not answer");
                (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
            }
            Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n"),
        };
    (status, [(CACHE_CONTROL, "no-store")], text).into_response()
}
