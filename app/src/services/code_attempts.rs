//! One-time codes (a parent's invitation, a member of staff's set-up code) typed by someone not
//! yet signed in: each try is counted from its address as it arrives, like a sign-in, so parallel
//! guesses cannot all slip under the limit; a code that exists was no guess, and its try is
//! taken back.

use crate::auth::caller::Caller;
use crate::domain::credentials::AttemptKind;
use crate::error::AppError;
use crate::store::login_failures::Attempt;
use crate::store::{self, now_ms};

/// Wrong codes tried from one address before it must wait.
const CODE_ATTEMPTS: i64 = 10;
const CODE_WINDOW_MS: i64 = 15 * 60 * 1000;

/// Counts a try; refuses it once the address has tried too many. Gives the try's id, to take
/// back (`store::login_failures::release`) when the code is found.
pub(crate) async fn count(caller: &Caller, kind: AttemptKind) -> Result<uuid::Uuid, AppError> {
    let now = now_ms();
    let attempt = uuid::Uuid::new_v4();
    let counts = store::login_failures::reserve(
        &caller.state.db,
        &Attempt {
            id: attempt,
            kind,
            login: &caller.origin,
            origin: &caller.origin,
            at: now,
        },
        now - CODE_WINDOW_MS,
    )
    .await?;
    if counts.origin > CODE_ATTEMPTS {
        return Err(AppError::TooManyAttempts);
    }
    Ok(attempt)
}
