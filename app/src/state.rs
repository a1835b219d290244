//! The one state struct shared by the router, the pages and the server functions.

use crate::error::AppError;
use crate::store::Db;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Settings {
    /// Served over TLS: cookies get `Secure` and the `__Host-` prefix, and HSTS is sent.
    pub secure: bool,
    /// `scheme://host[:port]` that browsers use; when unset, the request's Host header is trusted.
    pub public_origin: Option<String>,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_proxy: bool,
    /// Added per failed sign-in after the third, to slow guessing down.
    pub sign_in_delay_step: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure: false,
            public_origin: None,
            trust_proxy: false,
            sign_in_delay_step: Duration::from_secs(1),
        }
    }
}

#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
}

/// The state inside a server function or a page being rendered.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState was not provided to this request");
        AppError::Internal
    })
}
