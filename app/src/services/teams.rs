//! The council's teams: an administrator creates and renames them, and sees each one's staff
//! and how many families it holds.

use super::council_scope::{own_council, same_council};
use super::new_id;
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::ids::TeamId;
use crate::domain::record::RecordKind;
use crate::domain::staff::team_name::{parse_team_name, validate_team_name};
use crate::error::{AppError, FieldErrors};
use crate::page_data::administration::{TeamDetail, TeamsOverview};
use crate::store::{self, audit, StoreError};

pub async fn overview(caller: &Caller) -> Result<TeamsOverview, AppError> {
    let entry = caller.entry(AuditAction::ViewTeams, RecordKind::Team);
    let authority = own_council(caller, Action::ManageTeams, &entry).await?;
    let db = &caller.state.db;
    let overview = TeamsOverview {
        authority_name: store::directory::authority_name(db, authority).await?,
        teams: store::teams::list(db, authority).await?,
    };
    audit::record(db, &entry.record(authority)).await?;
    Ok(overview)
}

pub async fn detail(caller: &Caller, team: TeamId) -> Result<TeamDetail, AppError> {
    let entry = caller
        .entry(AuditAction::ViewTeams, RecordKind::Team)
        .record(team);
    own_council(caller, Action::ManageTeams, &entry).await?;
    let db = &caller.state.db;
    let (theirs, name) = store::teams::find(db, team)
        .await?
        .ok_or(AppError::NotFound)?;
    same_council(caller, Action::ManageTeams, theirs, &entry).await?;
    let detail = store::teams::detail(db, team, name).await?;
    audit::record(db, &entry).await?;
    Ok(detail)
}

fn name_in_use(name: &str) -> AppError {
    let mut errors = FieldErrors::default();
    errors.add(
        "name",
        format!("There is already a team called {name}. Choose another name"),
    );
    errors.keep("name", name);
    AppError::Invalid(errors)
}

fn or_name_in_use(error: StoreError, name: &str) -> AppError {
    if error.is_unique_violation() {
        name_in_use(name)
    } else {
        error.into()
    }
}

/// Adds a team. `id` comes from the page, so sending the form twice adds it once.
pub async fn create(caller: &Caller, id: TeamId, name: &str) -> Result<(), AppError> {
    let name = parse_team_name(name).map_err(|_| AppError::Invalid(validate_team_name(name)))?;
    let entry = caller
        .entry(AuditAction::CreateTeam, RecordKind::Team)
        .record(id);
    let authority = own_council(caller, Action::ManageTeams, &entry).await?;
    let Some(mut write) = new_id::write_new(caller, id, authority.0, &entry).await? else {
        return Ok(());
    };
    let created = store::teams::create(&mut write, id, authority, &name)
        .await
        .map_err(|e| or_name_in_use(e, &name))?;
    if created {
        let mut entry = entry.detail(format!("named {name}"));
        entry.team_id = Some(id);
        audit::append(&mut write, &entry).await?;
    }
    write.commit().await?;
    Ok(())
}

pub async fn rename(caller: &Caller, team: TeamId, name: &str) -> Result<(), AppError> {
    let name = parse_team_name(name).map_err(|_| AppError::Invalid(validate_team_name(name)))?;
    let mut entry = caller
        .entry(AuditAction::RenameTeam, RecordKind::Team)
        .record(team);
    entry.team_id = Some(team);
    own_council(caller, Action::ManageTeams, &entry).await?;
    let db = &caller.state.db;
    let (theirs, old) = store::teams::find(db, team)
        .await?
        .ok_or(AppError::NotFound)?;
    same_council(caller, Action::ManageTeams, theirs, &entry).await?;
    if old == name {
        return Ok(());
    }
    let mut write = db.write().await?;
    store::teams::rename(&mut write, team, &name)
        .await
        .map_err(|e| or_name_in_use(e, &name))?;
    audit::append(&mut write, &entry.detail(format!("from {old} to {name}"))).await?;
    write.commit().await?;
    Ok(())
}
