//! The disposal review: families whose retention periods have passed, legal holds, keeping
//! records longer, and destruction.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::information_rights::disposal::{DestroyForm, HoldForm, KeepForm};
use crate::error::AppError;
use crate::page_data::disposals::{DisposalQueue, FamilyDisposalPage};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "disposals")]
pub async fn disposals() -> Result<DisposalQueue, AppError> {
    run(async |caller| crate::services::disposals::queue(caller).await).await
}

#[server(prefix = "/api", endpoint = "family_disposal")]
pub async fn family_disposal(family: String) -> Result<FamilyDisposalPage, AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::disposals::family_page(caller, family).await
    })
    .await
}

/// `extension` is made by the page, so a decision sent twice is kept once.
#[server(prefix = "/api", endpoint = "keep_records_longer")]
pub async fn keep_records_longer(
    family: String,
    extension: String,
    #[server(flatten)] form: KeepForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{ExtensionId, FamilyId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let extension = parse_id::<ExtensionId>(&extension)?;
        crate::services::disposals::keep_longer(caller, extension, family, &form).await?;
        leptos_axum::redirect(&crate::paths::family_disposal(family));
        Ok(())
    })
    .await
}

/// `hold` is made by the page, so a hold sent twice is placed once.
#[server(prefix = "/api", endpoint = "place_legal_hold")]
pub async fn place_legal_hold(
    family: String,
    hold: String,
    #[server(flatten)] form: HoldForm,
) -> Result<(), AppError> {
    on_hold(&family, &hold, &form, false).await
}

#[server(prefix = "/api", endpoint = "lift_legal_hold")]
pub async fn lift_legal_hold(
    family: String,
    hold: String,
    #[server(flatten)] form: HoldForm,
) -> Result<(), AppError> {
    on_hold(&family, &hold, &form, true).await
}

/// Places or lifts a hold, then shows the family's retention again.
#[cfg(feature = "ssr")]
async fn on_hold(family: &str, hold: &str, form: &HoldForm, lift: bool) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, LegalHoldId};
    use crate::services::disposals::{lift_hold, place_hold};
    run(async |caller| {
        let family = parse_id::<FamilyId>(family)?;
        let hold = parse_id::<LegalHoldId>(hold)?;
        if lift {
            lift_hold(caller, hold, family, form).await?;
        } else {
            place_hold(caller, hold, family, form).await?;
        }
        leptos_axum::redirect(&crate::paths::family_disposal(family));
        Ok(())
    })
    .await
}

/// Destroys the family's records for good; the queue then lists what is left of it.
#[server(prefix = "/api", endpoint = "destroy_family")]
pub async fn destroy_family(
    family: String,
    #[server(flatten)] form: DestroyForm,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::disposals::destroy(caller, family, &form).await?;
        leptos_axum::redirect(crate::paths::DISPOSALS);
        Ok(())
    })
    .await
}
