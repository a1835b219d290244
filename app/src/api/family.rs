#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::family::FamilyDetail;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "family")]
pub async fn family(id: String) -> Result<FamilyDetail, AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let id = parse_id::<FamilyId>(&id)?;
        crate::services::family::view(caller, id).await
    })
    .await
}

/// "Break glass": open another team's family, stating why.
#[server(prefix = "/api", endpoint = "open_family")]
pub async fn open_family(id: String, reason: String) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let id = parse_id::<FamilyId>(&id)?;
        crate::services::family::open_outside_team(caller, id, &reason).await?;
        leptos_axum::redirect(&crate::paths::family(id));
        Ok(())
    })
    .await
}
