//! Answers shown once, after the POST that made them: held sealed for the page the POST leads
//! to (with or without JavaScript the browser then asks for that page), only in the session
//! that made them, for a few minutes. A GET only reads; nothing is shown by a GET alone.

use crate::auth::caller::Caller;
use crate::error::AppError;
use crate::store::held_answers::Held;
use crate::store::{self, now_ms};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Holds `value`; returns the id the next page is given.
pub async fn hold<T: Serialize>(
    caller: &Caller,
    kind: &str,
    value: &T,
) -> Result<String, AppError> {
    let session = caller.session.as_deref().ok_or(AppError::SignInRequired)?;
    let id = uuid::Uuid::new_v4().to_string();
    let json = serde_json::to_vec(value).map_err(|_| AppError::Internal)?;
    let sealed = caller
        .state
        .settings
        .secrets
        .seal(&json, &format!("{kind} {id}"))
        .ok_or(AppError::Internal)?;
    store::held_answers::hold(
        &caller.state.db,
        &Held {
            id: &id,
            session,
            kind,
            sealed: &sealed,
        },
        now_ms(),
    )
    .await?;
    Ok(id)
}

/// What was held under `id` for this session; not found once it has expired.
pub async fn read<T: DeserializeOwned>(
    caller: &Caller,
    kind: &str,
    id: &str,
) -> Result<T, AppError> {
    let session = caller.session.as_deref().ok_or(AppError::SignInRequired)?;
    let id = uuid::Uuid::parse_str(id.trim())
        .map_err(|_| AppError::NotFound)?
        .to_string();
    let sealed = store::held_answers::read(&caller.state.db, &id, session, kind, now_ms())
        .await?
        .ok_or(AppError::NotFound)?;
    let json = caller
        .state
        .settings
        .secrets
        .open(&sealed, &format!("{kind} {id}"))
        .ok_or(AppError::NotFound)?;
    serde_json::from_slice(&json).map_err(|_| AppError::Internal)
}
