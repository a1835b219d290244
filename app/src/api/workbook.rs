//! The team workbook's server functions. Recording forms that stay on their page answer without
//! a redirect (the browser goes back without JavaScript; the page refreshes with it).
// A server function takes one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::domain::workbook::{
    Assessment, Chronology, Dashboard, EntryPage, Supervisions, Week, Workbook,
};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn family_id(text: &str) -> Result<crate::domain::ids::FamilyId, AppError> {
    crate::domain::ids::FamilyId::parse(text).ok_or(AppError::NotFound)
}

#[server(prefix = "/api", endpoint = "workbook")]
pub async fn load_workbook(family: String) -> Result<Workbook, AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::workbook(&caller, family_id(&family)?).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "entry")]
pub async fn load_entry(family: String, entry: String) -> Result<EntryPage, AppError> {
    use crate::domain::ids::EntryId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let entry = EntryId::parse(&entry).ok_or(AppError::NotFound)?;
            crate::services::workbook::entry_page(&caller, family_id(&family)?, entry).await
        }
        .await,
    )
}

/// Records an entry in the viewer's chapter (`version` empty), or saves an edit made from
/// `version`. `entry` is made by the page, so a retried save records once.
#[server(prefix = "/api", endpoint = "save_entry")]
pub async fn save_entry(
    family: String,
    entry: String,
    version: String,
    kind: String,
    occurred_on: String,
    #[server(default)] people: Vec<String>,
    #[server(default)] others: String,
    #[server(default)] place: String,
    #[server(default)] child_seen_alone: String,
    summary: String,
    #[server(default)] significant: String,
) -> Result<(), AppError> {
    use crate::domain::ids::EntryId;
    use crate::domain::workbook_input::EntryForm;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let family = family_id(&family)?;
            let id = EntryId::parse(&entry).ok_or(AppError::NotFound)?;
            let form = EntryForm {
                version: &version,
                kind: &kind,
                occurred_on: &occurred_on,
                people: &people,
                others: &others,
                place: &place,
                child_seen_alone: &child_seen_alone,
                summary: &summary,
                significant: &significant,
            };
            crate::services::workbook::save_entry(&caller, family, id, form).await?;
            leptos_axum::redirect(&format!("/families/{family}/workbook#entry-{id}"));
            Ok(())
        }
        .await,
    )
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
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let filter = ChronologyFilter::parse(&child, &chapter, &from, &to);
            crate::services::workbook::chronology(&caller, family_id(&family)?, filter).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "assessment")]
pub async fn load_assessment(family: String) -> Result<Assessment, AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::assessment(&caller, family_id(&family)?).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "supervisions")]
pub async fn load_supervisions(family: String) -> Result<Supervisions, AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::supervisions(&caller, family_id(&family)?).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "record_supervision")]
pub async fn record_supervision(
    family: String,
    supervision: String,
    held_on: String,
    #[server(default)] attendees: Vec<String>,
    #[server(default)] hypotheses: String,
    #[server(default)] reflections: String,
    #[server(default)] working_well: String,
    #[server(default)] worried_about: String,
    #[server(default)] needs_to_happen: String,
    risk: String,
    progress: String,
    decisions: String,
    #[server(default)] action_what: Vec<String>,
    #[server(default)] action_owner: Vec<String>,
    #[server(default)] action_due: Vec<String>,
    #[server(default)] next_on: String,
) -> Result<(), AppError> {
    use crate::domain::ids::SupervisionId;
    use crate::domain::workbook_input::SupervisionForm;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let family = family_id(&family)?;
            let id = SupervisionId::parse(&supervision).ok_or(AppError::NotFound)?;
            let form = SupervisionForm {
                held_on: &held_on,
                attendees: &attendees,
                hypotheses: &hypotheses,
                reflections: &reflections,
                working_well: &working_well,
                worried_about: &worried_about,
                needs_to_happen: &needs_to_happen,
                risk: &risk,
                progress: &progress,
                decisions: &decisions,
                action_what: &action_what,
                action_owner: &action_owner,
                action_due: &action_due,
                next_on: &next_on,
            };
            crate::services::workbook::record_supervision(&caller, family, id, form).await?;
            leptos_axum::redirect(&format!("/families/{family}/supervision"));
            Ok(())
        }
        .await,
    )
}

/// Marks a supervision action done (`done` = "true") or not done.
#[server(prefix = "/api", endpoint = "mark_action")]
pub async fn mark_action(action: String, done: String) -> Result<(), AppError> {
    use crate::domain::ids::ActionId;
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            let id = ActionId::parse(&action).ok_or(AppError::NotFound)?;
            let done = match done.as_str() {
                "true" => true,
                "false" => false,
                _ => return Err(AppError::BadRequest),
            };
            crate::services::workbook::mark_action(&caller, id, done).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "save_schedule")]
pub async fn save_schedule(
    family: String,
    #[server(default)] initial_conference_on: String,
    visit_every: String,
) -> Result<(), AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::save_schedule(
                &caller,
                family_id(&family)?,
                &initial_conference_on,
                &visit_every,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "record_meeting")]
pub async fn record_meeting(
    family: String,
    #[server(default)] meeting_kind: String,
    held_on: String,
) -> Result<(), AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::record_meeting(
                &caller,
                family_id(&family)?,
                &meeting_kind,
                &held_on,
            )
            .await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "week")]
pub async fn load_week() -> Result<Week, AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::my_week(&caller).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "team_dashboard")]
pub async fn load_team_dashboard() -> Result<Dashboard, AppError> {
    crate::api::respond::finish(
        async {
            let caller = crate::auth::caller::Caller::current().await?;
            crate::services::workbook::team_dashboard(&caller).await
        }
        .await,
    )
}
