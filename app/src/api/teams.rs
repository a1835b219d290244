//! The council's teams, as its administrators run them.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::administration::{TeamDetail, TeamsOverview};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "teams")]
pub async fn teams() -> Result<TeamsOverview, AppError> {
    run(async |caller| crate::services::teams::overview(caller).await).await
}

#[server(prefix = "/api", endpoint = "team_staff")]
pub async fn team_staff(team: String) -> Result<TeamDetail, AppError> {
    use crate::domain::ids::TeamId;
    run(async |caller| {
        let team = parse_id::<TeamId>(&team)?;
        crate::services::teams::detail(caller, team).await
    })
    .await
}

/// `team` is the new team's id, made by the page.
#[server(prefix = "/api", endpoint = "create_team")]
pub async fn create_team(team: String, name: String) -> Result<(), AppError> {
    use crate::domain::ids::TeamId;
    run(async |caller| {
        let team = parse_id::<TeamId>(&team)?;
        crate::services::teams::create(caller, team, &name).await?;
        leptos_axum::redirect(&crate::paths::team_admin(team));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "rename_team")]
pub async fn rename_team(team: String, name: String) -> Result<(), AppError> {
    use crate::domain::ids::TeamId;
    run(async |caller| {
        let team = parse_id::<TeamId>(&team)?;
        crate::services::teams::rename(caller, team, &name).await?;
        leptos_axum::redirect(&crate::paths::team_admin(team));
        Ok(())
    })
    .await
}
