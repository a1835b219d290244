//! The one state struct shared by the router, the pages and the server functions.

use crate::auth::secret_box::SecretBox;
use crate::domain::information_rights::retention::RetentionSchedule;
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
    /// How many proxies of the council's own stand in front of Hearth, each adding the address
    /// it saw to `X-Forwarded-For`. The client is the address the outermost one saw; anything
    /// further left was written by the client and is ignored. 0: the connection's own address.
    pub trusted_proxies: usize,
    /// Requests worked on at once: far above what a council's use needs, far below what
    /// exhausts memory or the database pool's queue. More wait up to `wait_for_slot`, then get
    /// 503 with `Retry-After`.
    pub max_in_flight: usize,
    pub wait_for_slot: Duration,
    /// A request's body must have arrived this long after its headers, or it gets 408.
    pub body_timeout: Duration,
    /// Added per failed sign-in after the third, to slow guessing down.
    pub sign_in_delay_step: Duration,
    /// Encrypts second-factor secrets and held answers; its key is in the server's
    /// configuration, never in the database.
    pub secrets: SecretBox,
    /// Who must sign in with a second factor.
    pub second_factor_rule: SecondFactorRule,
    /// SHA-256 (hex) of the bearer token `/metrics` answers to; `None`: metrics are not served.
    /// Only the digest is held, so the token is never in a debug print or a log.
    pub metrics_token_digest: Option<String>,
    /// The council's retention schedule (`HEARTH_RETENTION_FILE`); `None`: nothing is listed
    /// for disposal, since only the council can say how long its records are kept.
    pub retention: Option<RetentionSchedule>,
}

/// Managers and administrators always need a second factor; a council may ask it of all staff.
/// Only the made-up demo council, whose people are fictional, asks it of no one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecondFactorRule {
    ManagersAndAdministrators,
    AllStaff,
    NotRequired,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure: false,
            public_origin: None,
            trusted_proxies: 0,
            max_in_flight: 256,
            wait_for_slot: Duration::from_secs(5),
            // The largest form from a phone on one bar of signal (tens of kbit/s) fits well inside.
            body_timeout: Duration::from_secs(30),
            sign_in_delay_step: Duration::from_secs(1),
            secrets: SecretBox::random(),
            second_factor_rule: SecondFactorRule::ManagersAndAdministrators,
            metrics_token_digest: None,
            retention: None,
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
