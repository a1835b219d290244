//! Staff accounts as an administrator runs them: created with a one-time set-up code (the same
//! model as a parent's invitation), disabled and re-enabled, moved between teams, and given a
//! new code when someone forgets their password. Each change is audited against the account,
//! and its page lists them.

use super::council_scope::{own_council, same_council};
use super::new_id;
use crate::auth::caller::Caller;
use crate::auth::tokens;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::credentials::format_invitation_code;
use crate::domain::ids::{AccountId, AuthorityId, SetUpCodeId, TeamId};
use crate::domain::record::RecordKind;
use crate::domain::staff::account_form::{
    parse_staff, parse_team_for, parse_worker_ref, StaffForm,
};
use crate::error::{AppError, FieldErrors};
use crate::page_data::administration::{StaffAccountView, TeamChoice};
use crate::store::audit::NewEntry;
use crate::store::set_up_codes::NewSetUpCode;
use crate::store::staff::{StaffDetails, NO_PASSWORD};
use crate::store::{self, audit, now_ms, WriteTx};

/// A new set-up code, held for the account's page, which shows it once.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct NewCode {
    pub account: AccountId,
    pub code: String,
}

pub const HELD_CODE: &str = "set_up_code";

/// How many of an account's changes its page lists.
const HISTORY: i64 = 50;

/// The teams a new member of staff can join.
pub async fn team_choices(caller: &Caller) -> Result<Vec<TeamChoice>, AppError> {
    let entry = caller.entry(AuditAction::ViewAccounts, RecordKind::Accounts);
    let authority = own_council(caller, Action::ManageAccounts, &entry).await?;
    let db = &caller.state.db;
    let teams = store::teams::choices(db, authority).await?;
    audit::record(db, &entry.detail("to add a member of staff")).await?;
    Ok(teams)
}

/// The team named by the form, which must be one of the council's.
async fn team_in_council(
    caller: &Caller,
    team: Option<TeamId>,
    entry: &NewEntry,
    typed: &FieldErrors,
) -> Result<Option<String>, AppError> {
    let Some(team) = team else { return Ok(None) };
    let Some((theirs, name)) = store::teams::find(&caller.state.db, team).await? else {
        let mut errors = typed.clone();
        errors.add("team", "Choose their team");
        return Err(AppError::Invalid(errors));
    };
    same_council(caller, Action::ManageAccounts, theirs, entry).await?;
    Ok(Some(name))
}

/// Makes the account, with no password, and its first set-up code. `id` comes from the page,
/// so sending the form twice makes one account (and the second time, shows no code).
pub async fn create(
    caller: &Caller,
    id: AccountId,
    form: &StaffForm,
) -> Result<Option<NewCode>, AppError> {
    let input = parse_staff(form).map_err(AppError::Invalid)?;
    let entry = caller
        .entry(AuditAction::CreateStaffAccount, RecordKind::Account)
        .record(id);
    let authority = own_council(caller, Action::ManageAccounts, &entry).await?;
    let team_name = team_in_council(caller, input.team, &entry, &form.typed()).await?;
    // Whoever holds the code can sign in as the new person: making one asks for the password.
    caller.require_recent_confirmation()?;
    let Some(mut write) = new_id::write_new(caller, id, authority.0, &entry).await? else {
        return Ok(None);
    };
    if store::accounts::login_taken(&mut write, &input.email).await? {
        let mut errors = form.typed();
        errors.add("email", "There is already an account with this email");
        return Err(AppError::Invalid(errors));
    }
    if let Some(worker_ref) = &input.worker_ref {
        worker_ref_is_free(&mut write, authority, worker_ref, id, &form.typed()).await?;
    }
    let now = now_ms();
    store::accounts::insert(
        &mut write,
        &store::accounts::NewAccount {
            id,
            authority_id: authority,
            login: &input.email,
            display_name: &input.name,
            password_hash: NO_PASSWORD,
            staff_role: Some(input.role),
            team_id: input.team,
            member_id: None,
            now,
        },
    )
    .await?;
    let detail = format!(
        "{}, {}, {}, signs in as {}",
        input.name,
        input.role.label(),
        team_name.as_deref().unwrap_or("no team"),
        input.email
    );
    if let Some(worker_ref) = &input.worker_ref {
        store::staff::set_worker_ref(&mut write, id, Some(worker_ref)).await?;
    }
    let mut entry = entry.detail(detail);
    entry.team_id = input.team;
    audit::append(&mut write, &entry).await?;
    let code = issue_code(&mut write, caller, id, SetUpCodeId::new(), now).await?;
    write.commit().await?;
    Ok(Some(NewCode { account: id, code }))
}

/// A case system worker ID names one member of staff in the council: checked under the lock.
async fn worker_ref_is_free(
    write: &mut WriteTx,
    authority: AuthorityId,
    worker_ref: &str,
    account: AccountId,
    typed: &FieldErrors,
) -> Result<(), AppError> {
    match store::staff::worker_ref_holder_in(write, authority, worker_ref).await? {
        Some((holder, name)) if holder != account => {
            let mut errors = typed.clone();
            errors.add(
                "worker_ref",
                format!("{name} already has this case system worker ID"),
            );
            Err(AppError::Invalid(errors))
        }
        _ => Ok(()),
    }
}

/// Sets or clears the member of staff's case system worker ID, by which the case system's
/// extract allocates them to families.
pub async fn set_worker_ref(
    caller: &Caller,
    account: AccountId,
    text: &str,
) -> Result<(), AppError> {
    let entry = caller
        .entry(AuditAction::SetWorkerRef, RecordKind::Account)
        .record(account);
    let (authority, staff) = staff_in_council(caller, account, &entry).await?;
    let mut typed = FieldErrors::default();
    typed.keep("worker_ref", text);
    let worker_ref = parse_worker_ref(text).map_err(|m| {
        let mut errors = typed.clone();
        errors.add("worker_ref", m);
        AppError::Invalid(errors)
    })?;
    if worker_ref == staff.worker_ref {
        return Ok(());
    }
    let mut write = caller.state.db.write().await?;
    if let Some(worker_ref) = &worker_ref {
        worker_ref_is_free(&mut write, authority, worker_ref, account, &typed).await?;
    }
    store::staff::set_worker_ref(&mut write, account, worker_ref.as_deref()).await?;
    let mut entry = entry.detail(format!(
        "from {} to {}",
        staff.worker_ref.as_deref().unwrap_or("none"),
        worker_ref.as_deref().unwrap_or("none")
    ));
    entry.team_id = staff.team_id;
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// Stores a new code for `account` (withdrawing its older ones) and records it.
async fn issue_code(
    write: &mut WriteTx,
    caller: &Caller,
    account: AccountId,
    id: SetUpCodeId,
    now: i64,
) -> Result<String, AppError> {
    let viewer = caller.viewer()?;
    let code = tokens::invitation_code();
    store::set_up_codes::create(
        write,
        &NewSetUpCode {
            id,
            account_id: account,
            code_hash: &tokens::digest(&code),
            created_by: Some(viewer.account_id),
            now,
        },
    )
    .await?;
    let entry = caller
        .entry(AuditAction::CreateSetUpCode, RecordKind::Account)
        .record(account)
        .detail(format!("set-up code {id}"));
    audit::append(write, &entry).await?;
    Ok(code)
}

/// A member of staff's account in the caller's council, or the refusal.
async fn staff_in_council(
    caller: &Caller,
    account: AccountId,
    entry: &NewEntry,
) -> Result<(AuthorityId, StaffDetails), AppError> {
    let authority = own_council(caller, Action::ManageAccounts, entry).await?;
    let staff = store::staff::one(&caller.state.db, account)
        .await?
        .ok_or(AppError::NotFound)?;
    same_council(caller, Action::ManageAccounts, staff.authority_id, entry).await?;
    Ok((authority, staff))
}

/// The account's page: who they are, their team, whether they have set up, its changes; with
/// its set-up code when `held` names the one just made for it in this session.
pub async fn show(
    caller: &Caller,
    account: AccountId,
    held: Option<&str>,
) -> Result<StaffAccountView, AppError> {
    let entry = caller
        .entry(AuditAction::ViewStaffAccount, RecordKind::Account)
        .record(account);
    let (authority, staff) = staff_in_council(caller, account, &entry).await?;
    let db = &caller.state.db;
    let code = match held {
        Some(held) => super::held::read::<NewCode>(caller, HELD_CODE, held)
            .await
            .ok()
            .filter(|new| new.account == account)
            .map(|new| format_invitation_code(&new.code)),
        None => None,
    };
    let view = StaffAccountView {
        id: staff.id,
        team: staff
            .team_id
            .zip(staff.team_name.clone())
            .map(|(id, name)| TeamChoice { id, name }),
        display_name: staff.display_name,
        login: staff.login,
        worker_ref: staff.worker_ref,
        role: staff.role,
        disabled: staff.disabled,
        has_password: staff.has_password,
        code_open_until: store::set_up_codes::open_until(db, account, now_ms()).await?,
        code,
        allocations: store::staff::allocations_held(db, account).await?,
        teams: store::teams::choices(db, authority).await?,
        history: store::staff::history(db, account, HISTORY).await?,
    };
    let entry = if view.code.is_some() {
        entry.detail("with its new set-up code")
    } else {
        entry
    };
    audit::record(db, &entry).await?;
    Ok(view)
}

/// Disables or re-enables an account. Disabling ends every session at once and withdraws any
/// unused set-up code.
pub async fn set_enabled(
    caller: &Caller,
    account: AccountId,
    enabled: bool,
) -> Result<(), AppError> {
    let action = if enabled {
        AuditAction::EnableAccount
    } else {
        AuditAction::DisableAccount
    };
    let entry = caller.entry(action, RecordKind::Account).record(account);
    let (_, staff) = staff_in_council(caller, account, &entry).await?;
    if !enabled && caller.viewer()?.account_id == account {
        return Err(AppError::Conflict(
            "You cannot disable your own account. Ask another administrator".into(),
        ));
    }
    if staff.disabled != enabled {
        return Ok(());
    }
    let mut write = caller.state.db.write().await?;
    store::staff::set_disabled(&mut write, account, !enabled).await?;
    let mut entry = entry;
    entry.team_id = staff.team_id;
    if !enabled {
        let ended = store::sessions::end_all_in(&mut write, account).await?;
        store::set_up_codes::revoke_all(&mut write, account, now_ms()).await?;
        entry = entry.detail(match ended {
            0 => "no one was signed in".to_string(),
            1 => "ended 1 session".to_string(),
            n => format!("ended {n} sessions"),
        });
    }
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// Moves a member of staff to another team (or, for an administrator, to none). Someone still
/// allocated to families is not moved: the families would be left with a worker from another
/// team, so they are allocated to someone else first.
pub async fn move_to_team(caller: &Caller, account: AccountId, team: &str) -> Result<(), AppError> {
    let entry = caller
        .entry(AuditAction::MoveAccount, RecordKind::Account)
        .record(account);
    let (_, staff) = staff_in_council(caller, account, &entry).await?;
    let mut typed = FieldErrors::default();
    typed.keep("team", team);
    let target = parse_team_for(Some(staff.role), team).map_err(|m| {
        let mut errors = typed.clone();
        errors.add("team", m);
        AppError::Invalid(errors)
    })?;
    let new_name = team_in_council(caller, target, &entry, &typed).await?;
    if target == staff.team_id {
        return Ok(());
    }
    let db = &caller.state.db;
    let held = store::staff::allocations_held(db, account).await?;
    if held > 0 {
        let mut errors = typed;
        errors.add(
            "team",
            format!(
                "{} is allocated to {held} {} of {}. Allocate {} to someone else first",
                staff.display_name,
                if held == 1 { "family" } else { "families" },
                staff.team_name.as_deref().unwrap_or("their team"),
                if held == 1 { "it" } else { "them" },
            ),
        );
        return Err(AppError::Invalid(errors));
    }
    let mut write = db.write().await?;
    store::staff::move_to(&mut write, account, target).await?;
    let mut entry = entry.detail(format!(
        "from {} to {}",
        staff.team_name.as_deref().unwrap_or("no team"),
        new_name.as_deref().unwrap_or("no team")
    ));
    entry.team_id = target.or(staff.team_id);
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// A new set-up code for an account whose owner has not used theirs or has forgotten their
/// password. `id` comes from the page, so sending the form twice makes one code.
pub async fn new_code(
    caller: &Caller,
    account: AccountId,
    id: SetUpCodeId,
) -> Result<Option<NewCode>, AppError> {
    let entry = caller
        .entry(AuditAction::CreateSetUpCode, RecordKind::Account)
        .record(account);
    let (_, staff) = staff_in_council(caller, account, &entry).await?;
    if staff.disabled {
        return Err(AppError::Conflict(
            "This account is disabled. Re-enable it before making a set-up code".into(),
        ));
    }
    caller.require_recent_confirmation()?;
    let Some(mut write) = new_id::write_new(caller, id, account.0, &entry).await? else {
        return Ok(None);
    };
    let code = issue_code(&mut write, caller, account, id, now_ms()).await?;
    write.commit().await?;
    Ok(Some(NewCode { account, code }))
}
