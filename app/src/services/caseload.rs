//! "My families": the families of the viewer's team, their own first.

use super::{authorize, family::summary, today};
use crate::auth::caller::Caller;
use crate::domain::access::{decide, Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::domain::viewer::ViewerKind;
use crate::error::AppError;
use crate::page_data::caseload::{Caseload, ClosedFamily};
use crate::store::{self, audit};

pub async fn caseload(caller: &Caller) -> Result<Caseload, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewCaseload, RecordKind::Caseload);
    authorize(caller, Action::ViewCaseload, Target::Own, entry.clone()).await?;
    let ViewerKind::Staff {
        team_id: Some(team),
        role,
        ..
    } = &viewer.kind
    else {
        return Err(AppError::Forbidden);
    };
    let db = &caller.state.db;
    let families = store::families::for_team(db, *team).await?;
    audit::record(
        db,
        &entry.detail(format!("{} families listed", families.len())),
    )
    .await?;
    let today = today();
    let team_name = store::teams::find(db, *team)
        .await?
        .map(|(_, name)| name)
        .unwrap_or_default();
    let closed = store::case_closures::closed_in_team(db, *team)
        .await?
        .into_iter()
        .map(|(id, name, on)| ClosedFamily {
            id,
            name,
            closed_on: on.into(),
        })
        .collect();
    let whole_team = *role == StaffRole::TeamManager;
    let (mine, others) = families
        .iter()
        .map(|f| summary(f, viewer.account_id, today))
        .partition(|f| whole_team || f.allocated_to_viewer);
    Ok(Caseload {
        whole_team,
        team_name,
        mine,
        others,
        can_open: decide(viewer, Action::OpenFamily, Target::Team(*team)).is_allowed(),
        closed,
    })
}
