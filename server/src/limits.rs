//! Bounds on every request, so that a huge body, a slow client or a flood gets a quick refusal
//! and the server stays responsive for everyone else:
//! - a body must say its length (411 for one sent in chunks: every form and server-function
//!   call says it), and one over [`FORM_BODY_LIMIT`] is refused with 413 before it is read;
//! - at most `Settings::max_in_flight` requests are worked on at once; one that cannot start
//!   within `Settings::wait_for_slot` gets 503 with `Retry-After`;
//! - a body must arrive within `Settings::body_timeout`, or the request gets 408.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The largest form: a workbook entry's 20,000 characters, percent-encoded at up to nine bytes
/// each, with room for the rest of the form. The case system's upload will have its own.
pub const FORM_BODY_LIMIT: usize = 1024 * 1024;

/// The largest body a request to `path` may announce: the case system's extract is uploaded at
/// one address, with room for its files; every other request is a form.
pub fn body_limit(path: &str) -> usize {
    if path == app::paths::IMPORT_UPLOAD {
        crate::import_upload::UPLOAD_BODY_LIMIT
    } else {
        FORM_BODY_LIMIT
    }
}

/// Refuses a body sent in chunks with no length. Without a length the limit could only cut it
/// off part-way, and the server function would report a broken connection instead of 413. A
/// request with neither a length nor chunks has no body at all, which is fine.
pub async fn require_length(request: Request, next: Next) -> Response {
    let headers = request.headers();
    if headers.contains_key(header::TRANSFER_ENCODING)
        && !headers.contains_key(header::CONTENT_LENGTH)
    {
        return (
            StatusCode::LENGTH_REQUIRED,
            "A request body must say its length.",
        )
            .into_response();
    }
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let limit = body_limit(request.uri().path());
    if announced > limit as u64 {
        let message = if limit == FORM_BODY_LIMIT {
            "This is more than Hearth takes in one form.".to_string()
        } else {
            format!(
                "These files come to {:.0} MB; Hearth reads at most {} MB of the case system's extract at a time, so nothing was read or changed. Go back and choose the extract's CSV files.",
                announced as f64 / 1_048_576.0,
                app::services::import::MAX_BYTES / 1_048_576
            )
        };
        return (StatusCode::PAYLOAD_TOO_LARGE, message).into_response();
    }
    next.run(request).await
}

#[derive(Clone)]
pub struct InFlight {
    slots: Arc<Semaphore>,
    wait: Duration,
}

impl InFlight {
    pub fn new(slots: usize, wait: Duration) -> Self {
        InFlight {
            slots: Arc::new(Semaphore::new(slots)),
            wait,
        }
    }
}

pub async fn bound_in_flight(
    State(bound): State<InFlight>,
    request: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(bound.wait, bound.slots.clone().acquire_owned()).await {
        Ok(Ok(_slot)) => next.run(request).await,
        _ => {
            tracing::warn!("every request slot busy: one was turned away");
            let mut response = (
                StatusCode::SERVICE_UNAVAILABLE,
                "Hearth is busy. Try again in a moment.",
            )
                .into_response();
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            response
        }
    }
}

/// Reads a request's body within `Settings::body_timeout`, before any work is done for it: a
/// client that announces a body and then sends it too slowly (or stops) gets 408 and the
/// connection is closed, instead of holding a request slot for as long as it likes. The time is
/// generous for a phone on one bar of signal sending the largest form.
pub async fn read_body_in_time(
    State(limit): State<Duration>,
    request: Request,
    next: Next,
) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    // The extract's upload reads its own body, once its caller is allowed to send one.
    if announced == 0 || request.uri().path() == app::paths::IMPORT_UPLOAD {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    match tokio::time::timeout(limit, axum::body::to_bytes(body, FORM_BODY_LIMIT)).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        // A body that broke off, or ran past its limit though its length said otherwise.
        Ok(Err(_)) => (StatusCode::BAD_REQUEST, "The request could not be read.").into_response(),
        Err(_) => {
            tracing::warn!(path = %parts.uri.path(), "a request body came too slowly: 408");
            let mut response = (
                StatusCode::REQUEST_TIMEOUT,
                "The request took too long to arrive. Check your signal and try again.",
            )
                .into_response();
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}
