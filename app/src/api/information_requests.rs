//! Subject access requests: logged, followed to their due date, extended and closed.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::information_rights::request::{FinishForm, IdentityForm, RequestForm};
use crate::domain::information_rights::request_due::ExtensionForm;
use crate::error::AppError;
use crate::page_data::information_requests::{
    NewRequestPage, RequestList, RequestPage, SubjectSearch,
};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "information_requests")]
pub async fn information_requests() -> Result<RequestList, AppError> {
    run(async |caller| crate::services::information_requests::list(caller).await).await
}

/// Looks for a person by name. The name is held for the next page, never put in its address.
#[server(prefix = "/api", endpoint = "find_request_subject")]
pub async fn find_request_subject(name: String) -> Result<(), AppError> {
    run(async |caller| {
        let found = crate::services::information_requests::find(caller, &name).await?;
        leptos_axum::redirect(&format!(
            "{}?found={found}",
            crate::paths::FIND_REQUEST_SUBJECT
        ));
        Ok(())
    })
    .await
}

/// `found` names a search just sent, held for this page for a few minutes.
#[server(prefix = "/api", endpoint = "request_subjects")]
pub async fn request_subjects(#[server(default)] found: String) -> Result<SubjectSearch, AppError> {
    run(async |caller| crate::services::information_requests::found(caller, &found).await).await
}

#[server(prefix = "/api", endpoint = "new_information_request")]
pub async fn new_information_request(member: String) -> Result<NewRequestPage, AppError> {
    use crate::domain::ids::MemberId;
    run(async |caller| {
        let member = parse_id::<MemberId>(&member)?;
        crate::services::information_requests::new_page(caller, member).await
    })
    .await
}

/// `request` is made by the page, so sending the form twice logs one request.
#[server(prefix = "/api", endpoint = "log_information_request")]
pub async fn log_information_request(
    request: String,
    member: String,
    #[server(flatten)] form: RequestForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{InformationRequestId, MemberId};
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        let member = parse_id::<MemberId>(&member)?;
        crate::services::information_requests::log(caller, request, member, &form).await?;
        leptos_axum::redirect(&crate::paths::information_request(request));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "information_request")]
pub async fn information_request(id: String) -> Result<RequestPage, AppError> {
    use crate::domain::ids::InformationRequestId;
    run(async |caller| {
        let id = parse_id::<InformationRequestId>(&id)?;
        crate::services::information_requests::view(caller, id).await
    })
    .await
}

#[cfg(feature = "ssr")]
async fn update_request(
    request: &str,
    version: &str,
    update: crate::services::information_requests::Update<'_>,
) -> Result<(), AppError> {
    use crate::domain::ids::InformationRequestId;
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(request)?;
        crate::services::information_requests::update(caller, request, version, update).await?;
        leptos_axum::redirect(&crate::paths::information_request(request));
        Ok(())
    })
    .await
}

/// The day the requester's identity was confirmed: the month runs from then.
#[server(prefix = "/api", endpoint = "record_identity_check")]
pub async fn record_identity_check(
    request: String,
    version: String,
    #[server(flatten)] form: IdentityForm,
) -> Result<(), AppError> {
    use crate::services::information_requests::Update;
    update_request(&request, &version, Update::Identity(&form)).await
}

#[server(prefix = "/api", endpoint = "extend_information_request")]
pub async fn extend_information_request(
    request: String,
    version: String,
    #[server(flatten)] form: ExtensionForm,
) -> Result<(), AppError> {
    use crate::services::information_requests::Update;
    update_request(&request, &version, Update::Extension(&form)).await
}

#[server(prefix = "/api", endpoint = "finish_information_request")]
pub async fn finish_information_request(
    request: String,
    version: String,
    #[server(flatten)] form: FinishForm,
) -> Result<(), AppError> {
    use crate::services::information_requests::Update;
    update_request(&request, &version, Update::Finish(&form)).await
}
