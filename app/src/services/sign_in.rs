//! Signing in and out. Staff with a second factor give it after their password, on a page of
//! its own, or with their password when their login is being throttled.

use super::second_factor::{self, FactorCheck};
use crate::auth::caller::Caller;
use crate::auth::{passwords, tokens};
use crate::domain::audit::{actor_label, AuditAction};
use crate::domain::credentials::{parse_login, validate_sign_in, AttemptKind};
use crate::domain::ids::AccountId;
use crate::domain::record::RecordKind;
use crate::domain::second_factor::parse_factor_code;
use crate::domain::viewer::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::store::login_failures::Attempt;
use crate::store::sessions::NewSession;
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

/// Where a right password leads.
pub enum Step {
    In(SignedIn),
    /// The account has a second factor: the token of the sign-in waiting for it.
    NeedsCode {
        pending_token: String,
    },
}

/// Signs in. Every attempt is written before the password is checked and counted with the
/// others at its login and from its address, so parallel guesses cannot all slip under the
/// limit. A refusal writes nothing else here: failures reach the audit trail in batches
/// (`services::failed_attempts`), so a flood never queues on the write lock case work uses.
///
/// A login past its limit is not checked at all, unless the attempt carries a right second
/// factor: an attacker who floods a login cannot keep its owner out, and learns nothing.
pub async fn sign_in(
    caller: &Caller,
    login: &str,
    password: &str,
    code: Option<&str>,
) -> Result<Step, AppError> {
    let mut errors = validate_sign_in(login, password);
    let code = code.map(str::trim).filter(|c| !c.is_empty());
    let factor = match code.map(parse_factor_code) {
        Some(Err(message)) => {
            errors.add("code", message);
            None
        }
        Some(Ok(factor)) => Some(factor),
        None => None,
    };
    errors.into_result()?;
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
    if counts.origin > REFUSE_FROM_ONE_ADDRESS_AFTER {
        return Err(AppError::TooManyAttempts);
    }
    let credentials = store::accounts::credentials(db, &login).await?;
    let throttled = counts.login > REFUSE_AFTER;
    if throttled {
        // The cheap check first: without a right code the password is never looked at.
        let (Some(factor), Some(found)) = (&factor, &credentials) else {
            return Err(AppError::TooManyAttempts);
        };
        if second_factor::check(caller, found.account_id, factor).await? != FactorCheck::Right {
            return Err(AppError::TooManyAttempts);
        }
    } else if counts.login > SLOW_AFTER {
        let steps = u32::try_from(counts.login - SLOW_AFTER)
            .unwrap_or(u32::MAX)
            .min(5);
        tokio::time::sleep(caller.state.settings.sign_in_delay_step * steps).await;
    }

    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    let matches = passwords::verify(password.to_string(), stored).await?;
    let account = credentials
        .filter(|c| matches && !c.disabled)
        .map(|c| c.account_id);
    let Some(account) = account else {
        if throttled {
            return Err(AppError::TooManyAttempts);
        }
        return Err(wrong_password(&login));
    };
    if throttled || !store::second_factors::has(db, account).await? {
        return finish(caller, account, &login, throttled, Some(attempt))
            .await
            .map(Step::In);
    }
    match factor {
        Some(factor) => match second_factor::check(caller, account, &factor).await? {
            FactorCheck::Right => finish(caller, account, &login, true, Some(attempt))
                .await
                .map(Step::In),
            _ => {
                let mut errors = FieldErrors::default();
                errors.add("code", second_factor::WRONG_CODE);
                errors.keep("login", &login);
                Err(AppError::Invalid(errors))
            }
        },
        None => {
            // The password was right: this attempt was no guess. The sign-in goes on to its code.
            store::login_failures::release_now(db, attempt).await?;
            let pending_token = tokens::session_token();
            store::pending_sign_ins::create(db, &tokens::digest(&pending_token), account, now)
                .await?;
            Ok(Step::NeedsCode { pending_token })
        }
    }
}

fn wrong_password(login: &str) -> AppError {
    let mut errors = FieldErrors::default();
    errors.add("password", "The email, username or password is not right");
    errors.keep("login", login);
    AppError::Invalid(errors)
}

/// The second step: the code for a sign-in whose password was right.
pub async fn sign_in_with_code(caller: &Caller, code: &str) -> Result<SignedIn, AppError> {
    let factor = parse_factor_code(code).map_err(|m| AppError::invalid("code", m))?;
    let db = &caller.state.db;
    let now = now_ms();
    let ended = || {
        AppError::invalid(
            "code",
            "This sign-in has ended. Sign in with your password again",
        )
    };
    let pending = caller.pending.as_deref().ok_or_else(ended)?;
    let account = store::pending_sign_ins::find(db, pending, now)
        .await?
        .ok_or_else(ended)?;
    let (login, _, _) = store::accounts::login_and_name(db, account)
        .await?
        .ok_or_else(ended)?;
    if second_factor::check(caller, account, &factor).await? == FactorCheck::Right {
        store::pending_sign_ins::delete(db, pending).await?;
        return finish(caller, account, &login, true, None).await;
    }
    // A wrong code after a right password counts as a failed sign-in, and is told to the owner.
    store::login_failures::reserve(
        db,
        &Attempt {
            id: uuid::Uuid::new_v4(),
            kind: AttemptKind::SignIn,
            login: &login,
            origin: &caller.origin,
            at: now,
        },
        now - FAILURE_WINDOW_MS,
    )
    .await?;
    match store::pending_sign_ins::wrong_code(db, pending).await? {
        0 => {
            store::pending_sign_ins::delete(db, pending).await?;
            Err(AppError::invalid(
                "code",
                "That code was wrong too many times. Sign in with your password again",
            ))
        }
        _ => Err(AppError::invalid("code", second_factor::WRONG_CODE)),
    }
}

/// Signed in after choosing a password with a one-time code: straight in, unless the account
/// already has a second factor (a forgotten password), whose code is then asked for as at any
/// sign-in, so a set-up code alone never passes it.
pub async fn after_new_password(caller: &Caller, account: AccountId) -> Result<Step, AppError> {
    let db = &caller.state.db;
    if !store::second_factors::has(db, account).await? {
        let (login, _, _) = store::accounts::login_and_name(db, account)
            .await?
            .ok_or(AppError::Internal)?;
        return finish(caller, account, &login, false, None)
            .await
            .map(Step::In);
    }
    let pending_token = tokens::session_token();
    store::pending_sign_ins::create(db, &tokens::digest(&pending_token), account, now_ms()).await?;
    Ok(Step::NeedsCode { pending_token })
}

/// A session begins: the owner is told of failed sign-ins since the last one, which stop
/// counting against the login; any session the browser had before is ended. `attempt`, the
/// row this sign-in was counted under, is taken back: it was no guess.
async fn finish(
    caller: &Caller,
    account: AccountId,
    login: &str,
    with_second_factor: bool,
    attempt: Option<uuid::Uuid>,
) -> Result<SignedIn, AppError> {
    let db = &caller.state.db;
    let now = now_ms();
    if let Some(attempt) = attempt {
        store::login_failures::release_now(db, attempt).await?;
    }
    let viewer = store::accounts::viewer(db, account, now)
        .await?
        .ok_or(AppError::Internal)?;
    let unreported = store::login_failures::settle(db, login).await?;
    let (folded, folded_last) = store::accounts::take_failed_sign_ins(db, account).await?;
    let failed_last_at = match (unreported.last, folded_last) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let token = begin_session(caller, account, unreported.count + folded, failed_last_at).await?;
    let mut entry = caller
        .entry(AuditAction::SignIn, RecordKind::Account)
        .record(account);
    entry.actor_id = Some(account);
    entry.actor_name = actor_label(&viewer.kind).into();
    entry.team_id = viewer.team_id();
    if with_second_factor {
        entry = entry.detail("with a second factor");
    }
    audit::record(db, &entry).await?;
    Ok(SignedIn { token, viewer })
}

/// A new session for `account`, replacing the one the browser had, if any: a session fixed
/// before sign-in is never the one used after it. Returns the token for the cookie.
pub async fn begin_session(
    caller: &Caller,
    account: AccountId,
    failed_before: i64,
    failed_last_at: Option<i64>,
) -> Result<String, AppError> {
    let db = &caller.state.db;
    if let Some(old) = &caller.session {
        store::sessions::delete(db, old).await?;
    }
    let token = tokens::session_token();
    store::sessions::create(
        db,
        &NewSession {
            token_hash: &tokens::digest(&token),
            account,
            user_agent: &caller.user_agent,
            origin: &caller.origin,
            now: now_ms(),
            failed_before,
            failed_last_at,
        },
    )
    .await?;
    Ok(token)
}

pub async fn sign_out(caller: &Caller) -> Result<(), AppError> {
    if let Some(session) = &caller.session {
        store::sessions::delete(&caller.state.db, session).await?;
        store::held_answers::forget_session(&caller.state.db, session).await?;
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
