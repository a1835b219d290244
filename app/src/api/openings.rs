//! A manager's review of families opened from outside the team.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::openings::Openings;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "break_glass_reviews")]
pub async fn break_glass_reviews() -> Result<Openings, AppError> {
    run(async |caller| crate::services::openings::list(caller).await).await
}

#[server(prefix = "/api", endpoint = "review_break_glass")]
pub async fn review_break_glass(opening: String) -> Result<(), AppError> {
    use crate::domain::ids::OpeningId;
    run(async |caller| {
        let opening = parse_id::<OpeningId>(&opening)?;
        crate::services::openings::mark_reviewed(caller, opening).await
    })
    .await
}
