//! The first start of a council's Hearth (`hearth setup`): the local authority and its first
//! administrator, who chooses their own password with a one-time code. Nothing here takes a
//! password; none is ever typed on a command line.

use crate::auth::tokens;
use crate::domain::audit::{AuditAction, Outcome};
use crate::domain::credentials::format_invitation_code;
use crate::domain::fields::parse_text;
use crate::domain::ids::{AccountId, AuthorityId, SetUpCodeId};
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::domain::staff::account_form::{parse_staff_name, parse_work_email};
use crate::domain::staff::team_name::MAX_TEAM_NAME_CHARS;
use crate::error::{check, AppError, FieldErrors};
use crate::store::audit::NewEntry;
use crate::store::set_up_codes::NewSetUpCode;
use crate::store::staff::NO_PASSWORD;
use crate::store::{self, audit, now_ms, Db};

pub struct FirstStart<'a> {
    pub council: &'a str,
    pub name: &'a str,
    pub email: &'a str,
}

pub struct Started {
    pub council: String,
    pub login: String,
    /// The set-up code, in groups of four.
    pub code: String,
    pub expires_at: i64,
}

/// Checks what was typed before anything is opened or made; the fields are named as the
/// command line names them (`--council`, `--name`, `--email`).
pub fn check_input(input: &FirstStart) -> Result<(), AppError> {
    parse(input).map(|_| ())
}

fn parse(input: &FirstStart) -> Result<(String, String, String), AppError> {
    let mut errors = FieldErrors::default();
    let council = check(
        &mut errors,
        "council",
        parse_text(
            input.council,
            "the council's name",
            MAX_TEAM_NAME_CHARS,
            true,
        ),
    );
    let name = check(&mut errors, "name", parse_staff_name(input.name));
    let email = check(&mut errors, "email", parse_work_email(input.email));
    match (council, name, email) {
        (Some(council), Some(name), Some(email)) => Ok((council, name, email)),
        _ => Err(AppError::Invalid(errors)),
    }
}

pub async fn set_up(db: &Db, input: &FirstStart<'_>) -> Result<Started, AppError> {
    let (council, name, email) = parse(input)?;
    let authority = AuthorityId::new();
    let account = AccountId::new();
    let code_id = SetUpCodeId::new();
    let code = tokens::invitation_code();
    let now = now_ms();
    let mut write = db.write().await?;
    if let Some(existing) = store::directory::first_authority_in(&mut write).await? {
        return Err(AppError::Conflict(format!(
            "this database is already set up, for {existing}. Its administrators add staff from Hearth's Teams and Accounts pages; to start again, use a new, empty database"
        )));
    }
    store::directory::insert_authority(&mut write, authority, &council).await?;
    store::accounts::insert(
        &mut write,
        &store::accounts::NewAccount {
            id: account,
            authority_id: authority,
            login: &email,
            display_name: &name,
            password_hash: NO_PASSWORD,
            staff_role: Some(StaffRole::Administrator),
            team_id: None,
            member_id: None,
            now,
        },
    )
    .await?;
    store::set_up_codes::create(
        &mut write,
        &NewSetUpCode {
            id: code_id,
            account_id: account,
            code_hash: &tokens::digest(&code),
            created_by: None,
            now,
        },
    )
    .await?;
    let entry = NewEntry {
        actor_id: None,
        actor_name: "hearth setup (command line)".into(),
        action: AuditAction::SetUpCouncil,
        record_kind: RecordKind::Authority,
        record: Some(authority.into()),
        family_id: None,
        team_id: None,
        outcome: Outcome::Allowed,
        detail: format!("{council}; first administrator {name}, signs in as {email}"),
        origin: "command line".into(),
        flagged: false,
    };
    audit::append(&mut write, &entry).await?;
    let made_code = NewEntry {
        action: AuditAction::CreateSetUpCode,
        record_kind: RecordKind::Account,
        record: Some(account.into()),
        detail: format!("set-up code {code_id}"),
        ..entry
    };
    audit::append(&mut write, &made_code).await?;
    write.commit().await?;
    Ok(Started {
        council,
        login: email,
        code: format_invitation_code(&code),
        expires_at: now + store::set_up_codes::VALID_FOR_MS,
    })
}
