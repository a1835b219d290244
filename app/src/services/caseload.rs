//! "My families": the families of the viewer's team, their own first, the rest a page at a time;
//! and the team's closed cases, a page at a time.

use super::{authorize, family::summary, today};
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::ids::TeamId;
use crate::domain::paging::Paging;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::domain::viewer::{Viewer, ViewerKind};
use crate::error::AppError;
use crate::page_data::caseload::{Caseload, ClosedCases, ClosedFamily};
use crate::store::families::FamilySet;
use crate::store::{self, audit};

pub async fn caseload(caller: &Caller, page: Option<u32>) -> Result<Caseload, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewCaseload, RecordKind::Caseload);
    authorize(caller, Action::ViewCaseload, Target::Own, entry.clone()).await?;
    let (team, role) = staff_team(viewer)?;
    let db = &caller.state.db;
    let whole_team = role == StaffRole::TeamManager;
    // A manager pages through the whole team; a worker sees all of their own families (a
    // caseload's size) and pages through the rest of the team's, read together.
    let except = (!whole_team).then_some(viewer.account_id);
    let paging = Paging::of(page, store::families::count_open(db, team, except).await?);
    let listed = match except {
        None => FamilySet::TeamPage(team, paging.into()),
        Some(worker) => FamilySet::MineAndOthersPage(team, worker, paging.into()),
    };
    let (families, closed) = tokio::try_join!(
        store::families::of_set(db, listed),
        store::case_closures::count_closed_in_team(db, team),
    )?;
    let team_name = match families.first() {
        Some(family) => family.team_name.clone(),
        None => team_name(caller, team).await?,
    };
    let today = today();
    let (mine, others): (Vec<_>, Vec<_>) = families
        .iter()
        .map(|f| summary(f, viewer.account_id, today))
        .partition(|f| whole_team || f.allocated_to_viewer);
    audit::record(
        db,
        &entry.detail(format!(
            "{} families listed, page {} of {}",
            mine.len() + others.len(),
            paging.number,
            paging.pages
        )),
    )
    .await?;
    Ok(Caseload {
        whole_team,
        team_name,
        mine,
        others,
        paging,
        can_open: decide(viewer, Action::OpenFamily, Target::Team(team)).is_allowed(),
        closed,
    })
}

/// The team's closed cases, newest closure first, a page at a time.
pub async fn closed_cases(caller: &Caller, page: Option<u32>) -> Result<ClosedCases, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewCaseload, RecordKind::Caseload);
    authorize(caller, Action::ViewCaseload, Target::Own, entry.clone()).await?;
    let (team, _) = staff_team(viewer)?;
    let db = &caller.state.db;
    let paging = Paging::of(
        page,
        store::case_closures::count_closed_in_team(db, team).await?,
    );
    let families: Vec<ClosedFamily> = store::case_closures::closed_in_team(db, team, paging.into())
        .await?
        .into_iter()
        .map(|(id, name, on)| ClosedFamily {
            id,
            name,
            closed_on: on.into(),
        })
        .collect();
    audit::record(
        db,
        &entry.detail(format!(
            "{} closed cases listed, page {} of {}",
            families.len(),
            paging.number,
            paging.pages
        )),
    )
    .await?;
    Ok(ClosedCases {
        team_name: team_name(caller, team).await?,
        families,
        paging,
    })
}

fn staff_team(viewer: &Viewer) -> Result<(TeamId, StaffRole), AppError> {
    match &viewer.kind {
        ViewerKind::Staff {
            team_id: Some(team),
            role,
            ..
        } => Ok((*team, *role)),
        _ => Err(AppError::Forbidden),
    }
}

async fn team_name(caller: &Caller, team: TeamId) -> Result<String, AppError> {
    Ok(store::teams::find(&caller.state.db, team)
        .await?
        .map(|(_, name)| name)
        .unwrap_or_default())
}
