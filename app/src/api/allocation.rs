//! Who works with a family: its team's manager, or the council's administrators, choose.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::allocation::AllocationView;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "allocation")]
pub async fn allocation(family: String) -> Result<AllocationView, AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::allocation::view(caller, family).await
    })
    .await
}

/// `was` is the worker the page showed for `role` (empty for no one).
#[server(prefix = "/api", endpoint = "allocate")]
pub async fn allocate(
    family: String,
    role: String,
    #[server(default)] worker: String,
    #[server(default)] was: String,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::allocation::allocate(caller, family, &role, &worker, &was).await?;
        leptos_axum::redirect(&crate::paths::allocation(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "move_family")]
pub async fn move_family(family: String, #[server(default)] team: String) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::allocation::move_family(caller, family, &team).await?;
        leptos_axum::redirect(&crate::paths::allocation(family));
        Ok(())
    })
    .await
}
