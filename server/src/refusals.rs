//! Keeps a refused form's answer out of the page's address (see `app::refusal`). leptos
//! redirects a form sent without JavaScript back to its page with the error, and what was
//! typed, in the query (`__path`, `__err`). On the way out this keeps them on the server and
//! leaves only `__refusal=<random id>` in the address; on the way in, the page's request finds
//! them again, once, for the same session, within a few minutes.

use app::auth::{cookie, tokens};
use app::error::AppError;
use app::refusal::{FormRefusal, QUERY};
use app::state::AppState;
use app::store::form_refusals::{self, KeptRefusal};
use app::store::now_ms;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use url::Url;

/// Long enough to come back on one bar of signal; short enough that little is kept.
const KEEP_MS: i64 = 10 * 60 * 1000;

pub async fn keep_refusals_out_of_addresses(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let session = session_digest(&state, request.headers());
    if request.method() == Method::GET {
        if let Some(id) = refusal_named(request.uri()) {
            match found(&state, &id, &session).await {
                Ok(Some(refusal)) => {
                    request.extensions_mut().insert(refusal);
                }
                Ok(None) => {}
                Err(error) => return failed(&error),
            }
        }
    }
    let mut response = next.run(request).await;
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .filter(|l| l.contains("__err="))
        .map(str::to_string)
    else {
        return response;
    };
    // Whatever happens, the typed words do not go back in the address.
    match keep(&state, &location, &session).await {
        Ok(Some(rewritten)) => match HeaderValue::from_str(&rewritten) {
            Ok(value) => {
                response.headers_mut().insert(header::LOCATION, value);
                response
            }
            Err(_) => failed(&AppError::Internal),
        },
        Ok(None) => failed(&AppError::Internal),
        Err(error) => failed(&error),
    }
}

fn failed(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, error.to_string()).into_response()
}

/// The digest of the request's session token, or "" when it has none.
fn session_digest(state: &AppState, headers: &HeaderMap) -> String {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .find_map(|h| cookie::read(h, cookie::name(&state.settings)))
        .map(tokens::digest)
        .unwrap_or_default()
}

fn refusal_named(uri: &Uri) -> Option<String> {
    form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(key, _)| key == QUERY)
        .map(|(_, id)| id.into_owned())
}

async fn found(state: &AppState, id: &str, session: &str) -> Result<Option<FormRefusal>, AppError> {
    let Some((server_fn, error)) = form_refusals::take(&state.db, id, session, now_ms()).await?
    else {
        return Ok(None);
    };
    let error: AppError = serde_json::from_str(&error).map_err(|e| {
        tracing::error!(%e, "a kept refusal does not read");
        AppError::Internal
    })?;
    Ok(Some(FormRefusal {
        id: id.to_string(),
        server_fn,
        error,
    }))
}

/// Keeps the error carried by `location` and gives the address without it.
async fn keep(state: &AppState, location: &str, session: &str) -> Result<Option<String>, AppError> {
    // The location is the page's own address (the form's Referer): absolute, or made so.
    let Ok(mut url) =
        Url::parse(location).or_else(|_| Url::parse("http://hearth.invalid")?.join(location))
    else {
        return Ok(None);
    };
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let (Some(server_fn), Some(encoded)) = (value("__path"), value("__err")) else {
        return Ok(None);
    };
    let Some(json) = base64::engine::general_purpose::URL_SAFE
        .decode(encoded.as_bytes())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return Ok(None);
    };
    let id = uuid::Uuid::new_v4().simple().to_string();
    let now = now_ms();
    form_refusals::keep(
        &state.db,
        &KeptRefusal {
            id: &id,
            server_fn: &server_fn,
            error: &json,
            session,
            expires_at: now + KEEP_MS,
        },
        now,
    )
    .await?;
    {
        let mut query = url.query_pairs_mut();
        query.clear();
        for (key, value) in pairs
            .iter()
            .filter(|(k, _)| k != "__path" && k != "__err" && k != QUERY)
        {
            query.append_pair(key, value);
        }
        query.append_pair(QUERY, &id);
    }
    let rewritten = if location.starts_with('/') {
        // It came as a path: give a path back.
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        }
    } else {
        url.to_string()
    };
    Ok(Some(rewritten))
}
