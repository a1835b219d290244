use crate::domain::family::InvitationView;
use crate::error::AppError;
use leptos::prelude::*;

/// `invitation` is made by the page, so sending the same form twice makes one code.
#[server(prefix = "/api", endpoint = "create_invitation")]
pub async fn create_invitation(member: String, invitation: String) -> Result<(), AppError> {
    use crate::auth::caller::Caller;
    use crate::domain::ids::{InvitationId, MemberId};
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            let member = MemberId::parse(&member).ok_or(AppError::NotFound)?;
            let invitation = InvitationId::parse(&invitation).ok_or(AppError::NotFound)?;
            let id = crate::services::invitations::create(&caller, member, invitation).await?;
            leptos_axum::redirect(&format!("/invitations/{id}"));
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "invitation")]
pub async fn invitation(id: String) -> Result<InvitationView, AppError> {
    use crate::auth::caller::Caller;
    use crate::domain::ids::InvitationId;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            let id = InvitationId::parse(&id).ok_or(AppError::NotFound)?;
            crate::services::invitations::show(&caller, id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "claim_invitation")]
pub async fn claim_invitation(
    code: String,
    login: String,
    passphrase: String,
    confirm: String,
) -> Result<(), AppError> {
    use crate::auth::caller::Caller;
    crate::api::respond::finish(
        async {
            let caller = Caller::current().await?;
            let signed_in =
                crate::services::invitations::claim(&caller, &code, &login, &passphrase, &confirm)
                    .await?;
            crate::api::respond::start_session(signed_in)
        }
        .await,
    )
}
