//! Argon2id password hashing, off the async runtime: one hash takes tens of milliseconds of CPU
//! and 19 MiB of memory. It runs on a few threads of its own, one per core. A request waits a
//! moment for one (a few people signing in together all get through) and is then refused
//! (`AppError::Busy`, 429 with `Retry-After`) rather than queued, so a flood of sign-ins can
//! neither exhaust memory nor hold up everyone else's pages. Threads of its own, rather than
//! tokio's blocking pool, keep the memory bounded too: each of the pool's many threads would
//! keep its own 19 MiB in the allocator after a hash.

use crate::error::AppError;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::sync::{mpsc, Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads, one per core, and the permits that admit work to them.
struct Workers {
    permits: Arc<Semaphore>,
    jobs: Mutex<mpsc::Sender<Job>>,
}

fn workers() -> &'static Workers {
    static WORKERS: OnceLock<Workers> = OnceLock::new();
    WORKERS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..cores {
            let queue = queue.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("password-{n}"))
                .spawn(move || loop {
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                });
            if let Err(error) = spawned {
                tracing::error!(%error, "a password thread could not start");
            }
        }
        Workers {
            permits: Arc::new(Semaphore::new(cores)),
            jobs: Mutex::new(jobs),
        }
    })
}

/// Runs `work` on a hashing thread once a permit is free.
async fn on_worker<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let permit = permit().await?;
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _permit = permit;
        let _ = answer.send(work());
    });
    let sent = workers()
        .jobs
        .lock()
        .map_err(|_| AppError::Internal)
        .and_then(|jobs| jobs.send(job).map_err(|_| AppError::Internal));
    if sent.is_err() {
        tracing::error!("the password threads have stopped");
        return Err(AppError::Internal);
    }
    answered.await.map_err(|_| {
        tracing::error!("a password check ended without an answer");
        AppError::Internal
    })?
}

/// How long a request waits for a core before it is turned away: several hashes' time.
const WAIT_FOR_PERMIT: Duration = Duration::from_millis(250);

/// A permit for one hash, or `Busy` when every core stayed busy for [`WAIT_FOR_PERMIT`].
async fn permit() -> Result<OwnedSemaphorePermit, AppError> {
    match tokio::time::timeout(WAIT_FOR_PERMIT, workers().permits.clone().acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        _ => {
            tracing::warn!("password work at its limit: a request was turned away");
            Err(AppError::Busy)
        }
    }
}

pub async fn hash(password: String) -> Result<String, AppError> {
    on_worker(move || hash_now(&password)).await
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
    on_worker(move || {
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
}

fn decoy_hash() -> Result<&'static str, AppError> {
    static DECOY: OnceLock<String> = OnceLock::new();
    if let Some(hash) = DECOY.get() {
        return Ok(hash);
    }
    let hash = hash_now("a password nobody has")?;
    Ok(DECOY.get_or_init(|| hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With every core taken, a check waits its moment and is turned away, not queued; once a
    /// core is free again the same check runs. Holding the permits makes this independent of
    /// how fast the machine hashes.
    #[tokio::test]
    async fn a_check_is_turned_away_while_every_core_is_busy() {
        let cores = u32::try_from(std::thread::available_parallelism().map_or(2, usize::from))
            .unwrap_or(u32::MAX);
        let held = workers()
            .permits
            .clone()
            .acquire_many_owned(cores)
            .await
            .expect("the permits are open");
        let started = std::time::Instant::now();
        let refused = verify("a guess".into(), None).await;
        assert_eq!(refused, Err(AppError::Busy));
        assert!(started.elapsed() >= WAIT_FOR_PERMIT, "it waited first");

        drop(held);
        assert_eq!(verify("a guess".into(), None).await, Ok(false));
    }
}
