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
        use crate::services::{held, invitations};
        let page = format!("/invitations/{invitation}");
        match invitations::create(caller, member, invitation).await? {
            Some(new) => {
                let shown = held::hold(caller, invitations::HELD_CODE, &new).await?;
                leptos_axum::redirect(&format!("{page}?shown={shown}"));
            }
            None => leptos_axum::redirect(&page),
        }
        Ok(())
    })
    .await
}

/// `shown` names the code just made, held for this page for a few minutes.
#[server(prefix = "/api", endpoint = "invitation")]
pub async fn invitation(
    id: String,
    #[server(default)] shown: String,
) -> Result<InvitationView, AppError> {
    use crate::domain::ids::InvitationId;
    run(async |caller| {
        let id = parse_id::<InvitationId>(&id)?;
        let shown = Some(shown.as_str()).filter(|s| !s.is_empty());
        crate::services::invitations::show(caller, id, shown).await
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
