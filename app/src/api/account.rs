//! A person's own account: second factor, password, sessions, confirming it is them.

#[cfg(feature = "ssr")]
use crate::api::respond::{run, run_enrolling};
use crate::error::AppError;
use crate::page_data::account::{AccountSecurity, NewSecondFactor, RecoveryCodes};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
const HELD_RECOVERY_CODES: &str = "recovery_codes";

#[server(prefix = "/api", endpoint = "my_account")]
pub async fn my_account() -> Result<AccountSecurity, AppError> {
    run_enrolling(async |caller| crate::services::account_security::overview(caller).await).await
}

/// Signs out one of the person's other devices.
#[server(prefix = "/api", endpoint = "end_other_session")]
pub async fn end_other_session(session: String) -> Result<(), AppError> {
    run_enrolling(async |caller| {
        crate::services::account_security::end_session(caller, &session).await?;
        leptos_axum::redirect(crate::paths::ACCOUNT);
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm: String,
) -> Result<(), AppError> {
    run(async |caller| {
        crate::services::account_security::change_password(
            caller,
            &current_password,
            &new_password,
            &confirm,
        )
        .await?;
        leptos_axum::redirect(&format!("{}?changed=password", crate::paths::ACCOUNT));
        Ok(())
    })
    .await
}

/// The password (and second factor) given again; then back to the page that asked for it.
#[server(prefix = "/api", endpoint = "confirm_identity")]
pub async fn confirm_identity(
    password: String,
    #[server(default)] code: String,
    then: String,
) -> Result<(), AppError> {
    run(async |caller| {
        crate::services::account_security::confirm_identity(caller, &password, &code).await?;
        leptos_axum::redirect(crate::paths::local_path(&then).unwrap_or("/"));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "dismiss_sign_in_notice")]
pub async fn dismiss_sign_in_notice() -> Result<(), AppError> {
    run_enrolling(async |caller| crate::services::account_security::dismiss_notice(caller).await)
        .await
}

/// A new secret to add to an authenticator app (or, after a refused code, the one shown
/// before). Reading it changes nothing.
#[server(prefix = "/api", endpoint = "second_factor_setup")]
pub async fn second_factor_setup(
    #[server(default)] sealed: String,
) -> Result<NewSecondFactor, AppError> {
    run_enrolling(async |caller| crate::services::second_factor::begin(caller, &sealed).await).await
}

/// Saves the secret once a code from the app proves it was added; the new recovery codes are
/// shown on the next page.
#[server(prefix = "/api", endpoint = "confirm_second_factor")]
pub async fn confirm_second_factor(sealed: String, code: String) -> Result<(), AppError> {
    run_enrolling(async |caller| {
        let codes = crate::services::second_factor::confirm(caller, &sealed, &code).await?;
        let held = crate::services::held::hold(caller, HELD_RECOVERY_CODES, &codes).await?;
        leptos_axum::redirect(&crate::paths::recovery_codes(&held));
        Ok(())
    })
    .await
}

/// New recovery codes, held for a few minutes after they were made, for this session only.
#[server(prefix = "/api", endpoint = "new_recovery_codes")]
pub async fn new_recovery_codes(shown: String) -> Result<RecoveryCodes, AppError> {
    run_enrolling(async |caller| {
        crate::services::held::read(caller, HELD_RECOVERY_CODES, &shown).await
    })
    .await
}
