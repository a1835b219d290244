//! What operators watch. Every request gets an id of Hearth's own (never the client's, which
//! could carry anything into the logs), returned as `X-Request-Id` and carried by every log
//! line of that request; it is counted and timed by route pattern (never by id) and status.
//! `/metrics` serves them in Prometheus's text format to the holder of the configured token,
//! with the database pool, the write-lock wait, sign-in refusals and the audit trail.

use app::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::Instant;
use tracing::Instrument;

pub const REQUEST_ID: &str = "x-request-id";

/// Seconds: pages are meant to take a few milliseconds; the upper buckets catch the outliers.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process's one recorder, installed the first time it is asked for (tests build many
/// routers in one process).
pub fn recorder() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("seconds".into()), BUCKETS)
                .ok()?;
            match builder.install_recorder() {
                Ok(handle) => Some(handle),
                Err(error) => {
                    tracing::warn!(%error, "metrics are not recorded");
                    None
                }
            }
        })
        .as_ref()
}

/// Outermost: gives the request its id and span, then counts and times it.
pub async fn observe(mut request: Request, next: Next) -> Response {
    recorder();
    let id = uuid::Uuid::new_v4().to_string();
    if let Ok(value) = HeaderValue::from_str(&id) {
        request.headers_mut().insert(REQUEST_ID, value);
    }
    let method = request.method().clone();
    let span = tracing::info_span!("request", id = %id, method = %method);
    let started = Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let route = response
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_string();
    let status = response.status().as_u16();
    let seconds = started.elapsed().as_secs_f64();
    let labels = [
        ("route", route.clone()),
        ("method", method.to_string()),
        ("status", status.to_string()),
    ];
    metrics::counter!("hearth_http_requests_total", &labels).increment(1);
    metrics::histogram!(
        "hearth_http_request_duration_seconds",
        "route" => route.clone(),
        "method" => method.to_string()
    )
    .record(seconds);
    if matches!(route.as_str(), "/api/sign_in" | "/api/sign_in_with_code")
        && matches!(status, 401 | 422 | 429)
    {
        metrics::counter!("hearth_sign_in_refusals_total", "status" => status.to_string())
            .increment(1);
    }
    span.in_scope(|| tracing::debug!(%route, status, ms = seconds * 1000.0, "answered"));
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}

/// Inside routing: hands the matched route pattern out to [`observe`] with the response.
pub async fn mark_route(request: Request, next: Next) -> Response {
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    if let Some(matched) = matched {
        response.extensions_mut().insert(matched);
    }
    response
}

/// `/metrics`: not found unless a token is configured; 401 without it.
pub async fn metrics_endpoint(State(state): State<AppState>, request: Request) -> Response {
    let Some(wanted) = state.settings.metrics_token_digest.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let given = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|token| app::auth::tokens::digest(token.trim()));
    if given.as_deref() != Some(wanted) {
        return (
            StatusCode::UNAUTHORIZED,
            [(WWW_AUTHENTICATE, "Bearer")],
            "A bearer token is needed.\n",
        )
            .into_response();
    }
    let Some(handle) = recorder() else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let pool = state.db.pool();
    metrics::gauge!("hearth_db_pool_connections").set(f64::from(pool.size()));
    metrics::gauge!("hearth_db_pool_idle_connections").set(pool.num_idle() as f64);
    match app::store::health::audit_length(&state.db).await {
        Ok(length) => metrics::gauge!("hearth_audit_entries").set(length as f64),
        Err(error) => tracing::warn!(%error, "metrics: the audit trail's length"),
    }
    match app::store::health::last_verified(&state.db).await {
        Ok(Some(at)) => {
            metrics::gauge!("hearth_audit_last_verified_timestamp_seconds").set(at as f64 / 1000.0)
        }
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, "metrics: the audit trail's last check"),
    }
    (
        [(CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")],
        handle.render(),
    )
        .into_response()
}
