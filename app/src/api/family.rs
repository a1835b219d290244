use crate::domain::family::FamilyDetail;
use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "family")]
pub async fn family(id: String) -> Result<FamilyDetail, AppError> {
    use crate::auth::caller::Caller;
    use crate::domain::ids::FamilyId;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            let id = FamilyId::parse(&id).ok_or(AppError::NotFound)?;
            crate::services::family::view(&caller, id).await
        }
        .await,
    )
}

/// "Break glass": open another team's family, stating why.
#[server(prefix = "/api", endpoint = "open_family")]
pub async fn open_family(id: String, reason: String) -> Result<(), AppError> {
    use crate::auth::caller::Caller;
    use crate::domain::ids::FamilyId;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            let id = FamilyId::parse(&id).ok_or(AppError::NotFound)?;
            crate::services::family::open_outside_team(&caller, id, &reason).await?;
            leptos_axum::redirect(&format!("/families/{id}"));
            Ok(())
        }
        .await,
    )
}
