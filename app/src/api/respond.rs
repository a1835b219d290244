//! Shaping a server function's HTTP response: status codes, the session cookie, redirects.

use crate::auth::caller::Caller;
use crate::domain::viewer::Viewer;
use crate::error::AppError;
use crate::services::sign_in::{SignedIn, Step};
use crate::state::app_state;
use axum::http::header::{ACCEPT, RETRY_AFTER, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use std::str::FromStr;

/// Sends an error with its status, except to a plain form post, which is redirected back to
/// its page with the error in the address (leptos' progressive enhancement).
pub fn finish<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        if !is_plain_form_post() {
            if let (Some(response), Ok(status)) = (
                use_context::<ResponseOptions>(),
                StatusCode::from_u16(error.status()),
            ) {
                response.set_status(status);
                if let Some(seconds) = error.retry_after() {
                    response.insert_header(RETRY_AFTER, HeaderValue::from(seconds));
                }
            }
        }
    }
    result
}

fn is_plain_form_post() -> bool {
    use_context::<Parts>().is_some_and(|parts| {
        parts.uri.path().starts_with("/api/")
            && parts
                .headers
                .get(ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
    })
}

pub fn set_cookie(value: String) -> Result<(), AppError> {
    let response = use_context::<ResponseOptions>().ok_or(AppError::Internal)?;
    let value = HeaderValue::from_str(&value).map_err(|_| AppError::Internal)?;
    response.append_header(SET_COOKIE, value);
    Ok(())
}

/// After signing in: set the cookie and go to the person's start page.
pub fn start_session(signed_in: SignedIn) -> Result<(), AppError> {
    let state = app_state()?;
    set_cookie(crate::auth::cookie::set(&state.settings, &signed_in.token))?;
    set_cookie(crate::auth::cookie::clear_pending(&state.settings))?;
    leptos_axum::redirect(home_of(&signed_in.viewer));
    Ok(())
}

/// After a right password: signed in, or on to the second factor's page.
pub fn after_password(step: Step) -> Result<(), AppError> {
    match step {
        Step::In(signed_in) => start_session(signed_in),
        Step::NeedsCode { pending_token } => {
            let state = app_state()?;
            set_cookie(crate::auth::cookie::set_pending(
                &state.settings,
                &pending_token,
            ))?;
            leptos_axum::redirect(crate::paths::CODE_STEP);
            Ok(())
        }
    }
}

/// Signing out (of this device, or of every one): end the session, clear the cookie, go to sign-in.
pub async fn end_session(everywhere: bool) -> Result<(), AppError> {
    // Open to anyone: a session that already ended still clears its cookie and goes to sign-in.
    run_public(async |caller| {
        if everywhere {
            crate::services::sign_in::sign_out_everywhere(caller).await?;
        } else {
            crate::services::sign_in::sign_out(caller).await?;
        }
        set_cookie(crate::auth::cookie::clear(&caller.state.settings))?;
        leptos_axum::redirect("/login");
        Ok(())
    })
    .await
}

pub fn home_of(viewer: &Viewer) -> &'static str {
    match viewer.staff_role() {
        None => "/me",
        Some(crate::domain::role::StaffRole::Administrator) => "/accounts",
        Some(crate::domain::role::StaffRole::InformationGovernance) => {
            crate::paths::INFORMATION_REQUESTS
        }
        Some(_) => "/families",
    }
}

/// Runs a server function's body for the person calling, and shapes its response: every server
/// function is this, a parse of its ids and a call to a service. The caller must be signed in
/// before anything is looked up, so no one who is not can learn whether an id names a record.
/// Someone the council requires to have a second factor, who has none yet, can do nothing
/// else until they set one up.
pub async fn run<T>(body: impl AsyncFnOnce(&Caller) -> Result<T, AppError>) -> Result<T, AppError> {
    run_public(async |caller| {
        let viewer = caller.viewer()?;
        if crate::services::second_factor::required(&caller.state.settings, viewer)
            && !crate::store::second_factors::has(&caller.state.db, viewer.account_id).await?
        {
            return Err(AppError::SecondFactorRequired);
        }
        body(caller).await
    })
    .await
}

/// [`run`] for what someone still setting up their second factor may do: set it up, see their
/// own account, sign out.
pub async fn run_enrolling<T>(
    body: impl AsyncFnOnce(&Caller) -> Result<T, AppError>,
) -> Result<T, AppError> {
    run_public(async |caller| {
        caller.viewer()?;
        body(caller).await
    })
    .await
}

/// [`run`] for the few functions open to someone not signed in: signing in, and claiming an
/// invitation to set up an account.
pub async fn run_public<T>(
    body: impl AsyncFnOnce(&Caller) -> Result<T, AppError>,
) -> Result<T, AppError> {
    finish(
        async {
            let caller = Caller::current().await?;
            body(&caller).await
        }
        .await,
    )
}

/// An id of kind `T` from the address or a form: anything that is not one is a page not found.
pub fn parse_id<T: FromStr>(text: &str) -> Result<T, AppError> {
    text.trim().parse().map_err(|_| AppError::NotFound)
}
