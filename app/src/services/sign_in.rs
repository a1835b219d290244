//! Signing in and out.

use crate::auth::caller::Caller;
use crate::auth::{passwords, tokens};
use crate::domain::audit::AuditAction;
use crate::domain::credentials::{parse_login, validate_sign_in, AttemptKind};
use crate::domain::record::RecordKind;
use crate::domain::viewer::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::store::login_failures::Attempt;
use crate::store::{self, audit, now_ms};

/// Failures within this window count towards slowing down and refusing.
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// After this many attempts at one login, sign-in is slowed down.
const SLOW_AFTER: i64 = 3;
/// After this many at one login, or from one address, attempts are refused until the window has
/// passed. An address may try more than a login: several people can share one (an office).
pub const REFUSE_AFTER: i64 = 10;
pub const REFUSE_FROM_ONE_ADDRESS_AFTER: i64 = 50;

/// A new session: the token goes into the cookie, the viewer decides where to go.
pub struct SignedIn {
    pub token: String,
    pub viewer: Viewer,
}

/// Signs in. Every attempt is written before the password is checked and counted with the
/// others at its login and from its address, so parallel guesses cannot all slip under the
/// limit. A refusal writes nothing else here: failures reach the audit trail in batches
/// (`services::failed_attempts`), so a flood never queues on the write lock case work uses.
pub async fn sign_in(caller: &Caller, login: &str, password: &str) -> Result<SignedIn, AppError> {
    validate_sign_in(login, password).into_result()?;
    let login = parse_login(login).map_err(|m| AppError::invalid("login", m))?;
    let db = &caller.state.db;
    let now = now_ms();
    let attempt = uuid::Uuid::new_v4();
    let counts = store::login_failures::reserve(
        db,
        &Attempt {
            id: attempt,
            kind: AttemptKind::SignIn,
            login: &login,
            origin: &caller.origin,
            at: now,
        },
        now - FAILURE_WINDOW_MS,
    )
    .await?;
    if counts.login > REFUSE_AFTER || counts.origin > REFUSE_FROM_ONE_ADDRESS_AFTER {
        return Err(AppError::TooManyAttempts);
    }
    if counts.login > SLOW_AFTER {
        let steps = u32::try_from(counts.login - SLOW_AFTER)
            .unwrap_or(u32::MAX)
            .min(5);
        tokio::time::sleep(caller.state.settings.sign_in_delay_step * steps).await;
    }

    let credentials = store::accounts::credentials(db, &login).await?;
    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    let matches = passwords::verify(password.to_string(), stored).await?;
    let account = credentials
        .filter(|c| matches && !c.disabled)
        .map(|c| c.account_id);
    let viewer = match account {
        Some(account) => store::accounts::viewer(db, account, now).await?,
        None => None,
    };
    let Some(viewer) = viewer else {
        let mut errors = FieldErrors::default();
        errors.add("password", "The email, username or password is not right");
        errors.keep("login", &login);
        return Err(AppError::Invalid(errors));
    };

    store::login_failures::clear(db, &login).await?;
    // A new id at every sign-in: a session fixed before sign-in is never the one used after it.
    if let Some(old) = &caller.session {
        store::sessions::delete(db, old).await?;
    }
    let token = tokens::session_token();
    store::sessions::create(
        db,
        &tokens::digest(&token),
        viewer.account_id,
        &caller.user_agent,
        now,
    )
    .await?;
    let mut entry = caller
        .entry(AuditAction::SignIn, RecordKind::Account)
        .record(viewer.account_id);
    entry.actor_id = Some(viewer.account_id);
    entry.actor_name = viewer.display_name.clone();
    entry.team_id = viewer.team_id();
    audit::record(db, &entry).await?;
    Ok(SignedIn { token, viewer })
}

pub async fn sign_out(caller: &Caller) -> Result<(), AppError> {
    if let Some(session) = &caller.session {
        store::sessions::delete(&caller.state.db, session).await?;
        audit::record(
            &caller.state.db,
            &caller.entry(AuditAction::SignOut, RecordKind::Account),
        )
        .await?;
    }
    Ok(())
}

pub async fn sign_out_everywhere(caller: &Caller) -> Result<u64, AppError> {
    let viewer = caller.viewer()?;
    let ended = store::sessions::delete_all_for(&caller.state.db, viewer.account_id).await?;
    audit::record(
        &caller.state.db,
        &caller
            .entry(AuditAction::SignOutEverywhere, RecordKind::Account)
            .record(viewer.account_id)
            .detail(format!("{ended} sessions ended")),
    )
    .await?;
    Ok(ended)
}
