#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::error::AppError;
use crate::page_data::family::InvitationView;
use leptos::prelude::*;

/// `invitation` is made by the page, so sending the same form twice makes one code.
#[server(prefix = "/api", endpoint = "create_invitation")]
pub async fn create_invitation(member: String, invitation: String) -> Result<(), AppError> {
    use crate::domain::ids::{InvitationId, MemberId};
    run(async |caller| {
        let member = parse_id::<MemberId>(&member)?;
        let invitation = parse_id::<InvitationId>(&invitation)?;
        let id = crate::services::invitations::create(caller, member, invitation).await?;
        leptos_axum::redirect(&format!("/invitations/{id}"));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "invitation")]
pub async fn invitation(id: String) -> Result<InvitationView, AppError> {
    use crate::domain::ids::InvitationId;
    run(async |caller| {
        let id = parse_id::<InvitationId>(&id)?;
        crate::services::invitations::show(caller, id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "claim_invitation")]
pub async fn claim_invitation(
    code: String,
    login: String,
    passphrase: String,
    confirm: String,
) -> Result<(), AppError> {
    crate::api::respond::run_public(async |caller| {
        let signed_in =
            crate::services::invitations::claim(caller, &code, &login, &passphrase, &confirm)
                .await?;
        crate::api::respond::start_session(signed_in)
    })
    .await
}
