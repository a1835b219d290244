//! A person's own account: where they are signed in, their password, giving it again before a
//! sensitive action, and the notice of failed sign-ins.

use super::second_factor::{self, FactorCheck};
use crate::auth::caller::Caller;
use crate::auth::{passwords, strength};
use crate::domain::audit::AuditAction;
use crate::domain::credentials::parse_password;
use crate::domain::new_password::validate_password_change;
use crate::domain::record::RecordKind;
use crate::domain::second_factor::parse_factor_code;
use crate::error::{AppError, FieldErrors};
use crate::page_data::account::{AccountSecurity, SessionShown};
use crate::store::{self, audit, now_ms};

pub async fn overview(caller: &Caller) -> Result<AccountSecurity, AppError> {
    let viewer = caller.viewer()?;
    let db = &caller.state.db;
    let account = viewer.account_id;
    let (login, display_name, _) = store::accounts::login_and_name(db, account)
        .await?
        .ok_or(AppError::Internal)?;
    let sessions = store::sessions::list_for(db, account, now_ms())
        .await?
        .into_iter()
        .filter_map(|s| {
            Some(SessionShown {
                this_device: caller.session.as_deref() == Some(s.token_hash.as_str()),
                id: s.id?,
                device: device(&s.user_agent),
                origin: s.origin,
                signed_in_at: s.created_at,
                last_used_at: s.last_seen_at,
            })
        })
        .collect();
    let shown = AccountSecurity {
        display_name,
        login,
        is_staff: viewer.staff_role().is_some(),
        second_factor: store::second_factors::has(db, account).await?,
        second_factor_required: second_factor::required(&caller.state.settings, viewer),
        recovery_codes_left: store::second_factors::unused_recovery_codes(db, account).await?,
        sessions,
    };
    audit::record(
        db,
        &caller
            .entry(AuditAction::ViewSessions, RecordKind::Account)
            .record(account),
    )
    .await?;
    Ok(shown)
}

/// A few words for a user agent: the browser and the system, as people name them.
fn device(user_agent: &str) -> String {
    let browser = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(mark, _)| user_agent.contains(mark))
    .map_or("A browser", |(_, name)| name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(mark, _)| user_agent.contains(mark))
    .map(|(_, name)| *name);
    match system {
        Some(system) => format!("{browser} on {system}"),
        None => browser.to_string(),
    }
}

/// Ends one of the person's own sessions. An id that is not one of theirs is not found.
pub async fn end_session(caller: &Caller, id: &str) -> Result<(), AppError> {
    let viewer = caller.viewer()?;
    let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| AppError::NotFound)?;
    let db = &caller.state.db;
    let entry = caller
        .entry(AuditAction::EndSession, RecordKind::Account)
        .record(viewer.account_id);
    if !store::sessions::delete_by_id(db, viewer.account_id, &id.to_string()).await? {
        audit::record(db, &entry.refused()).await?;
        return Err(AppError::NotFound);
    }
    audit::record(db, &entry).await?;
    Ok(())
}

/// Changes the password: the current one must be right, the new one strong enough and none of
/// the account's own words. Every other session ends.
pub async fn change_password(
    caller: &Caller,
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<(), AppError> {
    let viewer = caller.viewer()?;
    let account = viewer.account_id;
    let db = &caller.state.db;
    let (login, name, stored) = store::accounts::login_and_name(db, account)
        .await?
        .ok_or(AppError::Internal)?;
    validate_password_change(current, new, confirm, &[&login, &name]).into_result()?;
    if !passwords::verify(current.to_string(), Some(stored)).await? {
        return Err(AppError::invalid(
            "current_password",
            "Your current password is not right",
        ));
    }
    if let Some(why) = strength::weakness_of(new, &[&login, &name]).await? {
        return Err(AppError::invalid("new_password", why));
    }
    let hash = passwords::hash(new.to_string()).await?;
    let mut write = db.write().await?;
    store::accounts::set_password(&mut write, account, &hash).await?;
    audit::append(
        &mut write,
        &caller
            .entry(AuditAction::ChangePassword, RecordKind::Account)
            .record(account),
    )
    .await?;
    write.commit().await?;
    // Whoever else knew the old password is signed out; this device stays signed in.
    store::sessions::delete_others(db, account, caller.session.as_deref().unwrap_or_default())
        .await?;
    Ok(())
}

/// The password (and second factor, where there is one) given again, for a sensitive action.
pub async fn confirm_identity(caller: &Caller, password: &str, code: &str) -> Result<(), AppError> {
    let viewer = caller.viewer()?;
    let account = viewer.account_id;
    let db = &caller.state.db;
    let session = caller.session.as_deref().ok_or(AppError::SignInRequired)?;
    let mut errors = FieldErrors::default();
    if let Err(message) = parse_password(password) {
        errors.add("password", message);
    }
    let has_factor = store::second_factors::has(db, account).await?;
    let factor = if has_factor {
        match parse_factor_code(code) {
            Ok(factor) => Some(factor),
            Err(message) => {
                errors.add("code", message);
                None
            }
        }
    } else {
        None
    };
    errors.into_result()?;
    let (_, _, stored) = store::accounts::login_and_name(db, account)
        .await?
        .ok_or(AppError::Internal)?;
    let entry = caller
        .entry(AuditAction::ConfirmIdentity, RecordKind::Account)
        .record(account);
    if !passwords::verify(password.to_string(), Some(stored)).await? {
        audit::record(db, &entry.refused()).await?;
        return Err(AppError::invalid("password", "Your password is not right"));
    }
    if let Some(factor) = factor {
        if second_factor::check(caller, account, &factor).await? != FactorCheck::Right {
            audit::record(db, &entry.refused()).await?;
            return Err(AppError::invalid("code", second_factor::WRONG_CODE));
        }
    }
    store::sessions::confirm(db, session, now_ms()).await?;
    audit::record(db, &entry).await?;
    Ok(())
}

/// The owner has read the notice of failed sign-ins on this device.
pub async fn dismiss_notice(caller: &Caller) -> Result<(), AppError> {
    caller.viewer()?;
    if let Some(session) = &caller.session {
        store::sessions::dismiss_notice(&caller.state.db, session).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::device;

    #[test]
    fn devices_in_a_few_words() {
        assert_eq!(
            device("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"),
            "Chrome on Android"
        );
        assert_eq!(
            device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"),
            "Safari on iPhone"
        );
        assert_eq!(device(""), "A browser");
    }
}
