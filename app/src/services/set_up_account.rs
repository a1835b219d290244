//! A member of staff chooses their own password with the one-time code their administrator
//! (or `hearth setup`) gave them: no one else ever sees or types it.

use super::sign_in::{self, Step};
use crate::auth::caller::Caller;
use crate::auth::{passwords, strength, tokens};
use crate::domain::audit::AuditAction;
use crate::domain::credentials::{parse_set_up_code, AttemptKind};
use crate::domain::new_password::{parse_new_password, validate_set_up};
use crate::domain::record::RecordKind;
use crate::error::{AppError, FieldErrors};
use crate::store::{self, audit, now_ms};

pub async fn claim(
    caller: &Caller,
    code: &str,
    new_password: &str,
    confirm: &str,
) -> Result<Step, AppError> {
    validate_set_up(code, new_password, confirm).into_result()?;
    let refuse = |field: &str, message: &str| {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        errors.keep("code", code);
        AppError::Invalid(errors)
    };
    let db = &caller.state.db;
    let now = now_ms();
    let attempt = super::code_attempts::count(caller, AttemptKind::SetUpCode).await?;
    let code = parse_set_up_code(code).map_err(|m| refuse("code", &m))?;
    let Some(found) = store::set_up_codes::find_by_code_hash(db, &tokens::digest(&code)).await?
    else {
        return Err(refuse(
            "code",
            "We do not recognise this code. Check it and try again",
        ));
    };
    // A code that exists was not a guess.
    store::login_failures::release_now(db, attempt).await?;
    let ask = "Ask your administrator for a new one";
    if found.used {
        return Err(refuse(
            "code",
            &format!("This code has already been used. {ask}"),
        ));
    }
    if found.revoked {
        return Err(refuse(
            "code",
            &format!("This code was replaced by a newer one or withdrawn. {ask}"),
        ));
    }
    if found.expires_at <= now {
        return Err(refuse("code", &format!("This code is too old. {ask}")));
    }
    let staff = store::staff::one(db, found.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if staff.disabled {
        return Err(refuse(
            "code",
            "This account is disabled. Ask your administrator",
        ));
    }
    let personal = [staff.login.as_str(), staff.display_name.as_str()];
    if let Err((field, message)) = parse_new_password(new_password, confirm, &personal) {
        return Err(refuse(field, &message));
    }
    if let Some(why) = strength::weakness_of(new_password, &personal).await? {
        return Err(refuse("new_password", &why));
    }
    let hash = passwords::hash(new_password.to_string()).await?;

    let mut write = db.write().await?;
    if !store::set_up_codes::mark_used(&mut write, found.id, now).await? {
        return Err(refuse(
            "code",
            &format!("This code has already been used. {ask}"),
        ));
    }
    store::accounts::set_password(&mut write, staff.id, &hash).await?;
    store::set_up_codes::revoke_all(&mut write, staff.id, now).await?;
    // A forgotten password replaced: whoever knew the old one is signed out everywhere.
    store::sessions::end_all_in(&mut write, staff.id).await?;
    let mut entry = caller
        .entry(AuditAction::UseSetUpCode, RecordKind::Account)
        .record(staff.id)
        .detail(format!("set-up code {}", found.id));
    entry.actor_id = Some(staff.id);
    entry.actor_name = staff.role.label().into();
    entry.team_id = staff.team_id;
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    sign_in::after_new_password(caller, staff.id).await
}
