//! Invitation codes: a worker makes one for an adult in the family and hands it over in person;
//! the adult uses it once to set up their own account.

use super::authorize;
use super::sign_in::SignedIn;
use crate::auth::caller::Caller;
use crate::auth::{passwords, tokens};
use crate::domain::access::{Action, Target};
use crate::domain::audit::{AuditAction, FAMILY_MEMBER};
use crate::domain::credentials::{
    format_invitation_code, parse_invitation_code, parse_new_username, validate_claim, AttemptKind,
};
use crate::domain::family::MemberKind;
use crate::domain::ids::{AccountId, InvitationId, MemberId};
use crate::domain::record::RecordKind;
use crate::error::AppError;
use crate::page_data::family::InvitationView;
use crate::services::new_id;
use crate::store::families::MemberPlace;
use crate::store::invitations::NewInvitation;
use crate::store::{self, audit, now_ms};

fn target(member: MemberId, place: &MemberPlace) -> Target {
    Target::Member {
        family_id: place.family_id,
        team_id: place.team_id,
        member_id: member,
        is_adult: place.kind == MemberKind::Adult,
    }
}

/// A new code, held for the page that shows it.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct NewCode {
    pub invitation: InvitationId,
    pub code: String,
}

pub const HELD_CODE: &str = "invitation_code";

/// Makes a code for `member`, and returns it to be shown once. `id` comes from the page, so
/// sending the same form twice makes one code (and the second time, shows none).
pub async fn create(
    caller: &Caller,
    member: MemberId,
    id: InvitationId,
) -> Result<Option<NewCode>, AppError> {
    let db = &caller.state.db;
    let place = store::families::place_of(db, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = caller
        .entry(AuditAction::CreateInvitation, RecordKind::Invitation)
        .about_family(place.family_id, place.team_id);
    authorize(
        caller,
        Action::InviteFamilyMember,
        target(member, &place),
        entry.clone(),
    )
    .await?;
    if place.has_account {
        return Err(AppError::Conflict(format!(
            "{} already has an account.",
            place.full_name
        )));
    }
    // Whoever holds the code can open the family's account: making one asks for the password.
    caller.require_recent_confirmation()?;
    let viewer = caller.viewer()?;
    let code = tokens::invitation_code();
    let Some(mut write) = new_id::write_new(caller, id, member.0, &entry).await? else {
        return Ok(None);
    };
    let created = store::invitations::create(
        &mut write,
        &NewInvitation {
            id,
            member_id: member,
            code_hash: &tokens::digest(&code),
            created_by: viewer.account_id,
            now: now_ms(),
        },
    )
    .await?;
    if created {
        audit::append(&mut write, &entry.record(id)).await?;
    }
    write.commit().await?;
    Ok(created.then_some(NewCode {
        invitation: id,
        code,
    }))
}

/// The invitation, to its maker; with its code when `held` names the code just made for it in
/// this session. Reading changes nothing: the code was made, and is shown, by the POST before.
pub async fn show(
    caller: &Caller,
    id: InvitationId,
    held: Option<&str>,
) -> Result<InvitationView, AppError> {
    let viewer = caller.viewer()?;
    let db = &caller.state.db;
    let member = store::invitations::member_of(db, id, viewer.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let place = store::families::place_of(db, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = caller
        .entry(AuditAction::ShowInvitationCode, RecordKind::Invitation)
        .about_family(place.family_id, place.team_id)
        .record(id);
    authorize(
        caller,
        Action::InviteFamilyMember,
        target(member, &place),
        entry.clone(),
    )
    .await?;
    let expires_at = store::invitations::expiry(db, id, viewer.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let code = match held {
        Some(held) => super::held::read::<NewCode>(caller, HELD_CODE, held)
            .await
            .ok()
            .filter(|new| new.invitation == id)
            .map(|new| format_invitation_code(&new.code)),
        None => None,
    };
    if code.is_some() {
        audit::record(db, &entry).await?;
    }
    Ok(InvitationView {
        family_id: place.family_id,
        member_name: place.full_name,
        code,
        expires_at,
    })
}

pub async fn claim(
    caller: &Caller,
    code: &str,
    login: &str,
    passphrase: &str,
    confirm: &str,
) -> Result<SignedIn, AppError> {
    validate_claim(code, login, passphrase, confirm).into_result()?;
    let db = &caller.state.db;
    let now = now_ms();
    let attempt = super::code_attempts::count(caller, AttemptKind::InvitationCode).await?;
    let refuse = |field: &str, message: &str| {
        let mut errors = validate_claim(code, login, passphrase, confirm);
        errors.add(field, message);
        AppError::Invalid(errors)
    };
    let code = parse_invitation_code(code).map_err(|m| refuse("code", &m))?;
    let username = parse_new_username(login).map_err(|m| refuse("login", &m))?;
    if let Some(why) = crate::auth::strength::weakness_of(passphrase, &[&username]).await? {
        return Err(refuse("passphrase", &why.replace("password", "passphrase")));
    }
    let password_hash = passwords::hash(passphrase.to_string()).await?;

    let mut write = db.write().await?;
    let Some(found) =
        store::invitations::find_by_code_hash(&mut write, &tokens::digest(&code)).await?
    else {
        return Err(refuse(
            "code",
            "We do not recognise this code. Check it and try again",
        ));
    };
    // A code that exists was not a guess.
    store::login_failures::release(&mut write, attempt).await?;
    if found.used {
        return Err(refuse(
            "code",
            "This code has already been used. Ask your worker for a new one",
        ));
    }
    if found.revoked {
        return Err(refuse(
            "code",
            "This code was replaced by a newer one. Ask your worker for the new code",
        ));
    }
    if found.expires_at <= now {
        return Err(refuse(
            "code",
            "This code is too old. Ask your worker for a new one",
        ));
    }
    let place = store::families::place_of(db, found.member_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if place.has_account {
        return Err(refuse(
            "code",
            "You already have an account. Sign in instead",
        ));
    }
    if store::accounts::login_taken(&mut write, &username).await? {
        return Err(refuse(
            "login",
            "This username is taken. Choose another one",
        ));
    }
    if !store::invitations::mark_used(&mut write, found.id, now).await? {
        return Err(refuse(
            "code",
            "This code has already been used. Ask your worker for a new one",
        ));
    }
    let account = AccountId::new();
    store::accounts::insert(
        &mut write,
        &store::accounts::NewAccount {
            id: account,
            authority_id: place.authority_id,
            login: &username,
            display_name: &place.full_name,
            password_hash: &password_hash,
            staff_role: None,
            team_id: None,
            member_id: Some(found.member_id),
            now,
        },
    )
    .await
    // Two people choosing the same new username at once: the second is told, not given a 500.
    .map_err(|error| {
        if error.is_unique_violation() {
            refuse("login", "This username is taken. Choose another one")
        } else {
            error.into()
        }
    })?;
    let mut entry = caller
        .entry(AuditAction::ClaimInvitation, RecordKind::Account)
        .about_family(place.family_id, place.team_id)
        .record(account);
    entry.actor_id = Some(account);
    entry.actor_name = FAMILY_MEMBER.into();
    audit::append(
        &mut write,
        &entry.detail(format!("invitation {}", found.id)),
    )
    .await?;
    write.commit().await?;

    let token = super::sign_in::begin_session(caller, account, 0, None).await?;
    let viewer = store::accounts::viewer(db, account, now)
        .await?
        .ok_or(AppError::Internal)?;
    Ok(SignedIn { token, viewer })
}
