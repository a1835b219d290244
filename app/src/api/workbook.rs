//! The team workbook's server functions. Recording forms that stay on their page answer without
//! a redirect: the browser, which posted a plain form, goes back to the page it came from.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
#[cfg(feature = "ssr")]
use crate::domain::ids::FamilyId;
use crate::domain::workbook_input::{EntryForm, SupervisionForm};
use crate::error::AppError;
use crate::page_data::workbook::{
    Assessment, Chronology, Dashboard, EntryPage, Supervisions, TeamWorkers, Week, Workbook,
};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "workbook")]
pub async fn load_workbook(family: String) -> Result<Workbook, AppError> {
    run(async |caller| {
        crate::services::workbook::workbook(caller, parse_id::<FamilyId>(&family)?).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "entry")]
pub async fn load_entry(family: String, entry: String) -> Result<EntryPage, AppError> {
    use crate::domain::ids::EntryId;
    run(async |caller| {
        let entry = parse_id::<EntryId>(&entry)?;
        crate::services::workbook::entry_page(caller, parse_id::<FamilyId>(&family)?, entry).await
    })
    .await
}

/// Records an entry in the viewer's chapter (`version` empty), or saves an edit made from
/// `version`. `entry` is made by the page, so a retried save records once.
#[server(prefix = "/api", endpoint = "save_entry")]
pub async fn save_entry(
    family: String,
    entry: String,
    #[server(flatten)] form: EntryForm,
) -> Result<(), AppError> {
    use crate::domain::ids::EntryId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let id = parse_id::<EntryId>(&entry)?;
        crate::services::workbook::save_entry(caller, family, id, &form).await?;
        leptos_axum::redirect(&crate::paths::entry_in_workbook(family, id));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "chronology")]
pub async fn load_chronology(
    family: String,
    #[server(default)] child: String,
    #[server(default)] chapter: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<Chronology, AppError> {
    use crate::domain::workbook::ChronologyFilter;
    run(async |caller| {
        let filter = ChronologyFilter::parse(&child, &chapter, &from, &to);
        crate::services::workbook::chronology(caller, parse_id::<FamilyId>(&family)?, filter).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "assessment")]
pub async fn load_assessment(family: String) -> Result<Assessment, AppError> {
    run(async |caller| {
        crate::services::workbook::assessment(caller, parse_id::<FamilyId>(&family)?).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "supervisions")]
pub async fn load_supervisions(family: String) -> Result<Supervisions, AppError> {
    run(async |caller| {
        crate::services::workbook::supervisions(caller, parse_id::<FamilyId>(&family)?).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "record_supervision")]
pub async fn record_supervision(
    family: String,
    supervision: String,
    #[server(flatten)] form: SupervisionForm,
) -> Result<(), AppError> {
    use crate::domain::ids::SupervisionId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let id = parse_id::<SupervisionId>(&supervision)?;
        crate::services::workbook::record_supervision(caller, family, id, &form).await?;
        leptos_axum::redirect(&crate::paths::supervision(family));
        Ok(())
    })
    .await
}

/// Marks a supervision action done (`done` = "true") or not done.
#[server(prefix = "/api", endpoint = "mark_action")]
pub async fn mark_action(action: String, done: String) -> Result<(), AppError> {
    use crate::domain::ids::ActionId;
    run(async |caller| {
        let id = parse_id::<ActionId>(&action)?;
        let done = match done.as_str() {
            "true" => true,
            "false" => false,
            _ => return Err(AppError::BadRequest),
        };
        crate::services::workbook::mark_action(caller, id, done).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "save_schedule")]
pub async fn save_schedule(
    family: String,
    #[server(default)] initial_conference_on: String,
    visit_every: String,
) -> Result<(), AppError> {
    run(async |caller| {
        crate::services::workbook::save_schedule(
            caller,
            parse_id::<FamilyId>(&family)?,
            &initial_conference_on,
            &visit_every,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "record_meeting")]
pub async fn record_meeting(
    family: String,
    #[server(default)] meeting_kind: String,
    held_on: String,
) -> Result<(), AppError> {
    run(async |caller| {
        crate::services::workbook::record_meeting(
            caller,
            parse_id::<FamilyId>(&family)?,
            &meeting_kind,
            &held_on,
        )
        .await
    })
    .await
}

#[server(prefix = "/api", endpoint = "week")]
pub async fn load_week() -> Result<Week, AppError> {
    run(async |caller| crate::services::workbook::my_week(caller).await).await
}

/// `page`: which page of the team's families, from 1.
#[server(prefix = "/api", endpoint = "team_dashboard")]
pub async fn load_team_dashboard(page: Option<u32>) -> Result<Dashboard, AppError> {
    run(async |caller| crate::services::workbook::team_dashboard(caller, page).await).await
}

#[server(prefix = "/api", endpoint = "team_workers")]
pub async fn load_team_workers() -> Result<TeamWorkers, AppError> {
    run(async |caller| crate::services::workbook::team_workers(caller).await).await
}
