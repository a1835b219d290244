//! Signing in and out, and who is signed in.

#[cfg(feature = "ssr")]
use crate::api::respond::run_public;
use crate::domain::viewer::SignedIn;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(login: String, password: String) -> Result<(), AppError> {
    use crate::api::respond::start_session;
    run_public(async |caller| {
        let signed_in = crate::services::sign_in::sign_in(caller, &login, &password).await?;
        start_session(signed_in)
    })
    .await
}

#[server(prefix = "/api", endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    crate::api::respond::end_session(false).await
}

/// Ends every session of the account: for a lost phone or a computer left signed in.
#[server(prefix = "/api", endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    crate::api::respond::end_session(true).await
}

/// The person signed in, or `None`. Reading it is not case content, so it is not audited.
#[server(prefix = "/api", endpoint = "whoami")]
pub async fn whoami() -> Result<Option<SignedIn>, AppError> {
    let caller = crate::auth::caller::Caller::current().await?;
    Ok(caller.viewer.as_ref().map(SignedIn::from))
}

/// Where "/" sends the person: their start page, or sign-in.
#[server(prefix = "/api", endpoint = "home")]
pub async fn home() -> Result<String, AppError> {
    let caller = crate::auth::caller::Caller::current().await?;
    Ok(caller
        .viewer
        .as_ref()
        .map(crate::api::respond::home_of)
        .unwrap_or("/login")
        .to_string())
}
