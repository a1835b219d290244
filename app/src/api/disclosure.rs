//! A subject access request's disclosure: reviewed passage by passage, approved by a second
//! person, then made.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::information_rights::disclosure::Disclosure;
use crate::domain::information_rights::withholding::WithholdForm;
use crate::error::AppError;
use crate::page_data::disclosure::ReviewPage;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "disclosure_review")]
pub async fn disclosure_review(request: String) -> Result<ReviewPage, AppError> {
    use crate::domain::ids::InformationRequestId;
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        crate::services::disclosure::review(caller, request).await
    })
    .await
}

#[cfg(feature = "ssr")]
fn back_to_review(request: crate::domain::ids::InformationRequestId) {
    leptos_axum::redirect(&crate::paths::disclosure_review(request));
}

/// `withholding` is made by the page, so sending the form twice withholds once.
#[server(prefix = "/api", endpoint = "withhold")]
pub async fn withhold(
    request: String,
    withholding: String,
    passage: String,
    #[server(flatten)] form: WithholdForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{InformationRequestId, WithholdingId};
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        let withholding = parse_id::<WithholdingId>(&withholding)?;
        crate::services::disclosure::withhold(caller, request, withholding, &passage, &form)
            .await?;
        back_to_review(request);
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "take_back_withholding")]
pub async fn take_back_withholding(request: String, withholding: String) -> Result<(), AppError> {
    use crate::domain::ids::{InformationRequestId, WithholdingId};
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        let withholding = parse_id::<WithholdingId>(&withholding)?;
        crate::services::disclosure::take_back(caller, request, withholding).await?;
        back_to_review(request);
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "review_disclosure")]
pub async fn review_disclosure(request: String, version: String) -> Result<(), AppError> {
    use crate::domain::ids::InformationRequestId;
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        crate::services::disclosure::mark_reviewed(caller, request, &version).await?;
        back_to_review(request);
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "approve_disclosure")]
pub async fn approve_disclosure(request: String, version: String) -> Result<(), AppError> {
    use crate::domain::ids::InformationRequestId;
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        crate::services::disclosure::approve(caller, request, &version).await?;
        back_to_review(request);
        Ok(())
    })
    .await
}

/// The approved disclosure: the document's page draws it, and the council's own tools can take
/// the same as JSON from here.
#[server(prefix = "/api", endpoint = "disclosure_document")]
pub async fn disclosure_document(request: String) -> Result<Disclosure, AppError> {
    use crate::domain::ids::InformationRequestId;
    run(async |caller| {
        let request = parse_id::<InformationRequestId>(&request)?;
        crate::services::disclosure::document(caller, request).await
    })
    .await
}
