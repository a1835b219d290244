//! A member of staff choosing their password with a set-up code, and whether this Hearth has
//! been set up at all.

#[cfg(feature = "ssr")]
use crate::api::respond::run_public;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "set_up_account")]
pub async fn set_up_account(
    code: String,
    new_password: String,
    confirm: String,
) -> Result<(), AppError> {
    run_public(async |caller| {
        let step =
            crate::services::set_up_account::claim(caller, &code, &new_password, &confirm).await?;
        crate::api::respond::after_password(step)
    })
    .await
}

/// Whether this Hearth has a council yet: until `hearth setup` has run, the sign-in page says
/// how to run it. Open to anyone, and tells nothing else.
#[server(prefix = "/api", endpoint = "is_set_up")]
pub async fn is_set_up() -> Result<bool, AppError> {
    run_public(async |caller| Ok(crate::store::directory::has_authority(&caller.state.db).await?))
        .await
}
