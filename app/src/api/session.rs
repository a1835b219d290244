//! Signing in and out, and who is signed in.

#[cfg(feature = "ssr")]
use crate::api::respond::run_public;
use crate::domain::viewer::SignedIn;
use crate::error::AppError;
use leptos::prelude::*;

/// `code` is given only when the login is being throttled: a right second factor then lets its
/// owner in, where a password alone is not even checked.
#[server(prefix = "/api", endpoint = "sign_in")]
pub async fn sign_in(
    login: String,
    password: String,
    #[server(default)] code: String,
) -> Result<(), AppError> {
    run_public(async |caller| {
        let step =
            crate::services::sign_in::sign_in(caller, &login, &password, Some(code.as_str()))
                .await?;
        crate::api::respond::after_password(step)
    })
    .await
}

/// The second step of signing in: the code from the app, or a recovery code.
#[server(prefix = "/api", endpoint = "sign_in_code")]
pub async fn sign_in_code(code: String) -> Result<(), AppError> {
    run_public(async |caller| {
        let signed_in = crate::services::sign_in::sign_in_with_code(caller, &code).await?;
        crate::api::respond::start_session(signed_in)
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
    use crate::page_data::account::FailedSignIns;
    let caller = crate::auth::caller::Caller::current().await?;
    Ok(caller.viewer.as_ref().map(|viewer| {
        let mut signed_in = SignedIn::from(viewer);
        signed_in.recently_confirmed = caller.recently_confirmed();
        signed_in.failed_sign_ins = caller
            .live
            .as_ref()
            .filter(|live| live.failed_before > 0)
            .map(|live| FailedSignIns {
                count: live.failed_before,
                last_at: live.failed_last_at,
            });
        signed_in
    }))
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
