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
/// Break glass. `password` (and `code`, with a second factor) are needed unless the password was
/// given in the last 15 minutes.
#[server(prefix = "/api", endpoint = "open_family")]
pub async fn open_family(
    id: String,
    reason: String,
    #[server(default)] password: String,
    #[server(default)] code: String,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let id = parse_id::<FamilyId>(&id)?;
        let confirm = crate::services::family::Confirmation {
            password: &password,
            code: &code,
        };
        crate::services::family::open_outside_team(caller, id, &reason, confirm).await?;
        leptos_axum::redirect(&crate::paths::family(id));
        Ok(())
    })
    .await
}
