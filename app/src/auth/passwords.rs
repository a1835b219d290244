//! Argon2id password hashing, off the async runtime: one hash takes tens of milliseconds of CPU
//! and 19 MiB of memory. At most one per core runs at once. A request waits a moment for one
//! (a few people signing in together all get through) and is then refused
//! (`AppError::Busy`, 429 with `Retry-After`) rather than queued, so a flood of sign-ins can
//! neither exhaust memory nor hold up everyone else's pages.

use crate::error::AppError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The permits for password work: one per core.
fn permits() -> &'static Arc<Semaphore> {
    static PERMITS: OnceLock<Arc<Semaphore>> = OnceLock::new();
    PERMITS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Arc::new(Semaphore::new(cores))
    })
}

/// How long a request waits for a core before it is turned away: several hashes' time.
const WAIT_FOR_PERMIT: Duration = Duration::from_millis(250);

/// A permit for one hash, or `Busy` when every core stayed busy for [`WAIT_FOR_PERMIT`].
async fn permit() -> Result<OwnedSemaphorePermit, AppError> {
    match tokio::time::timeout(WAIT_FOR_PERMIT, permits().clone().acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => {
            tracing::warn!("password work at its limit: a request was turned away");
            Err(AppError::Busy)
        }
    }
}

pub async fn hash(password: String) -> Result<String, AppError> {
    let permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        hash_now(&password)
    })
    .await
    .map_err(|error| {
        tracing::error!(%error, "password hashing task failed");
        AppError::Internal
    })?
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        })
}

/// Checks a password. With no stored hash (unknown login) it still does the same work, so the
/// answer's timing does not tell which logins exist.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    let permit = permit().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let decoy = stored.is_none();
        let stored = match stored {
            Some(stored) => stored,
            None => decoy_hash()?.to_string(),
        };
        let parsed = PasswordHash::new(&stored).map_err(|error| {
            tracing::error!(%error, "stored password hash does not parse");
            AppError::Internal
        })?;
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(matches && !decoy)
    })
    .await
    .map_err(|error| {
        tracing::error!(%error, "password check task failed");
        AppError::Internal
    })?
}

fn decoy_hash() -> Result<&'static str, AppError> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DECOY.get() {
        return Ok(hash);
    }
    let hash = hash_now("a password nobody has")?;
    Ok(DECOY.get_or_init(|| hash))
}
