//! Second factors for staff: setting one up (the secret is shown, and saved only once a code
//! from the app proves it was added), checking a code at sign-in, and who must have one.

use crate::auth::caller::Caller;
use crate::auth::second_factor::{accepted_step, enrolment, new_secret, recovery_codes};
use crate::auth::tokens;
use crate::domain::audit::AuditAction;
use crate::domain::ids::AccountId;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::domain::second_factor::{parse_app_code, FactorCode};
use crate::domain::viewer::Viewer;
use crate::error::{AppError, FieldErrors};
use crate::page_data::account::{NewSecondFactor, RecoveryCodes};
use crate::state::{SecondFactorRule, Settings};
use crate::store::{self, audit, now_ms};

pub const WRONG_CODE: &str =
    "The code is not right. Enter the code your authenticator app shows for Hearth now";

#[derive(Debug, PartialEq, Eq)]
pub enum FactorCheck {
    Right,
    Wrong,
    /// The account has no second factor.
    NoneSetUp,
}

/// Whether the council requires this person to sign in with a second factor.
pub fn required(settings: &Settings, viewer: &Viewer) -> bool {
    match (settings.second_factor_rule, viewer.staff_role()) {
        (_, None) | (SecondFactorRule::NotRequired, _) => false,
        (SecondFactorRule::AllStaff, Some(_)) => true,
        (SecondFactorRule::ManagersAndAdministrators, Some(role)) => {
            matches!(
                role,
                StaffRole::TeamManager
                    | StaffRole::Administrator
                    | StaffRole::InformationGovernance
            )
        }
    }
}

/// The secret is sealed to its account, so a sealed secret copied onto another row is useless.
fn context(account: AccountId) -> String {
    format!("second factor of {account}")
}

fn unix_seconds() -> u64 {
    u64::try_from(now_ms() / 1000).unwrap_or_default()
}

/// Checks a code, using it up: an app code's step or a recovery code is never accepted twice.
pub async fn check(
    caller: &Caller,
    account: AccountId,
    code: &FactorCode,
) -> Result<FactorCheck, AppError> {
    let db = &caller.state.db;
    let Some(stored) = store::second_factors::find(db, account).await? else {
        return Ok(FactorCheck::NoneSetUp);
    };
    let right = match code {
        FactorCode::App(code) => {
            let Some(secret) = caller
                .state
                .settings
                .secrets
                .open(&stored.sealed, &context(account))
            else {
                tracing::error!(%account, "a second-factor secret does not open with the configured key");
                return Err(AppError::Internal);
            };
            match accepted_step(&secret, code, unix_seconds(), stored.last_step) {
                Some(step) => store::second_factors::accept_step(db, account, step).await?,
                None => false,
            }
        }
        FactorCode::Recovery(code) => {
            store::second_factors::use_recovery_code(db, account, &tokens::digest(code), now_ms())
                .await?
        }
    };
    Ok(if right {
        FactorCheck::Right
    } else {
        FactorCheck::Wrong
    })
}

/// A new secret to add to an app. Nothing is saved: the secret travels sealed in the form and
/// is saved only when a code proves it was added. Showing it changes nothing, so it is a read.
/// `sealed`, when it opens, is a secret shown before (the form came back refused): it is shown
/// again, since the person has already added it to their app.
pub async fn begin(caller: &Caller, sealed: &str) -> Result<NewSecondFactor, AppError> {
    let viewer = staff_only(caller).await?;
    let db = &caller.state.db;
    let (login, _, _) = store::accounts::login_and_name(db, viewer.account_id)
        .await?
        .ok_or(AppError::Internal)?;
    let secret = caller
        .state
        .settings
        .secrets
        .open(sealed, &enrolling(viewer.account_id))
        .unwrap_or_else(new_secret);
    let shown = enrolment(&secret, &login).ok_or(AppError::Internal)?;
    let sealed = caller
        .state
        .settings
        .secrets
        .seal(&secret, &enrolling(viewer.account_id))
        .ok_or(AppError::Internal)?;
    Ok(NewSecondFactor {
        secret_text: shown.secret_text,
        qr_svg: shown.qr_svg,
        sealed,
        already_set_up: store::second_factors::has(db, viewer.account_id).await?,
    })
}

/// Family members sign in without a second factor; asking to set one up is a recorded refusal.
async fn staff_only(caller: &Caller) -> Result<&Viewer, AppError> {
    let viewer = caller.viewer()?;
    if viewer.staff_role().is_none() {
        let entry = caller
            .entry(AuditAction::SetUpSecondFactor, RecordKind::Account)
            .record(viewer.account_id);
        audit::record(&caller.state.db, &entry.refused()).await?;
        return Err(AppError::Forbidden);
    }
    Ok(viewer)
}

/// A secret in the set-up form is sealed for enrolling only: it cannot be passed off as a saved one.
fn enrolling(account: AccountId) -> String {
    format!("new second factor of {account}")
}

/// Saves the secret once the app's code proves it; returns the new recovery codes, shown once.
pub async fn confirm(caller: &Caller, sealed: &str, code: &str) -> Result<RecoveryCodes, AppError> {
    let viewer = staff_only(caller).await?;
    let account = viewer.account_id;
    // A refused code keeps the sealed secret, so the page shows the same one again.
    let refuse = |message: &str| {
        let mut errors = FieldErrors::default();
        errors.add("code", message);
        errors.keep("sealed", sealed);
        AppError::Invalid(errors)
    };
    let code = parse_app_code(code).map_err(|m| refuse(&m))?;
    let settings = &caller.state.settings;
    let secret = settings
        .secrets
        .open(sealed, &enrolling(account))
        .ok_or(AppError::BadRequest)?;
    let step = accepted_step(&secret, &code, unix_seconds(), 0).ok_or_else(|| {
        refuse("The code is not right. Check you added the key shown here, then enter the code your app shows now")
    })?;
    if store::second_factors::has(&caller.state.db, account).await? {
        // Replacing a second factor is as sensitive as using it.
        caller.require_recent_confirmation()?;
    }
    let saved = settings
        .secrets
        .seal(&secret, &context(account))
        .ok_or(AppError::Internal)?;
    let codes = recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| tokens::digest(c)).collect();
    let mut write = caller.state.db.write().await?;
    store::second_factors::save(&mut write, account, &saved, step, &hashes, now_ms()).await?;
    audit::append(
        &mut write,
        &caller
            .entry(AuditAction::SetUpSecondFactor, RecordKind::Account)
            .record(account),
    )
    .await?;
    write.commit().await?;
    Ok(RecoveryCodes { codes })
}
