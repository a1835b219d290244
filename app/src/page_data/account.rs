//! A person's own account: how they sign in, and where they are signed in.

use serde::{Deserialize, Serialize};

/// What the account page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSecurity {
    pub display_name: String,
    pub login: String,
    pub is_staff: bool,
    pub second_factor: bool,
    /// Whether the council requires this person to have one.
    pub second_factor_required: bool,
    pub recovery_codes_left: i64,
    pub sessions: Vec<SessionShown>,
}

/// One place the person is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionShown {
    /// Names the session to end it; not its token, nor the token's hash.
    pub id: String,
    pub this_device: bool,
    /// The browser and system, in a few words, from its user agent.
    pub device: String,
    pub origin: String,
    /// Unix milliseconds.
    pub signed_in_at: i64,
    pub last_used_at: i64,
}

/// A secret to add to an authenticator app, shown as a QR code and as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSecondFactor {
    pub secret_text: String,
    /// An SVG drawing made on the server from the secret; holds nothing typed by anyone.
    pub qr_svg: String,
    /// The secret encrypted for the server, sent back with the code that proves it was added.
    pub sealed: String,
    pub already_set_up: bool,
}

/// New recovery codes, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// Failed sign-ins to the account since its owner last signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedSignIns {
    pub count: i64,
    /// Unix milliseconds.
    pub last_at: Option<i64>,
}
