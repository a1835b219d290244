//! The case record: opening a family, its household, each child's legal status, the trio, and
//! closing and reopening the case.

#[cfg(feature = "ssr")]
use crate::api::respond::{parse_id, run};
use crate::domain::closure::{CloseForm, ReopenForm};
use crate::domain::findings::FindingForm;
use crate::domain::household::{LeftForm, MemberForm, NewFamilyForm};
use crate::domain::kept_apart::KeptApartForm;
use crate::domain::legal_status::StatusForm;
use crate::error::AppError;
use crate::page_data::case_record::{CaseState, FindingsView, MemberDetail, NewFamilyOptions};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "new_family_choices")]
pub async fn new_family_choices() -> Result<NewFamilyOptions, AppError> {
    run(async |caller| crate::services::case_record::referral::choices(caller).await).await
}

/// A family opened for a new referral (not a family of another team opened with a reason:
/// that is `open_family`).
#[server(prefix = "/api", endpoint = "open_referral")]
pub async fn open_referral(#[server(flatten)] form: NewFamilyForm) -> Result<(), AppError> {
    run(async |caller| {
        let family = crate::services::case_record::referral::open(caller, &form).await?;
        leptos_axum::redirect(&crate::paths::new_member(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "add_member")]
pub async fn add_member(
    family: String,
    member: String,
    #[server(flatten)] form: MemberForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, MemberId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let member = parse_id::<MemberId>(&member)?;
        crate::services::case_record::household::add(caller, family, member, &form).await?;
        leptos_axum::redirect(&crate::paths::household(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "member_record")]
pub async fn member_record(family: String, member: String) -> Result<MemberDetail, AppError> {
    use crate::domain::ids::{FamilyId, MemberId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let member = parse_id::<MemberId>(&member)?;
        crate::services::case_record::household::view(caller, family, member).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "correct_member")]
pub async fn correct_member(
    family: String,
    member: String,
    #[server(flatten)] form: MemberForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, MemberId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let member = parse_id::<MemberId>(&member)?;
        crate::services::case_record::household::correct(caller, family, member, &form).await?;
        leptos_axum::redirect(&crate::paths::member(family, member));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "member_left")]
pub async fn member_left(
    family: String,
    member: String,
    #[server(flatten)] form: LeftForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, MemberId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let member = parse_id::<MemberId>(&member)?;
        crate::services::case_record::household::left(caller, family, member, &form).await?;
        leptos_axum::redirect(&crate::paths::member(family, member));
        Ok(())
    })
    .await
}

/// `status` is the period's id: made by the page for a new one.
#[server(prefix = "/api", endpoint = "record_legal_status")]
pub async fn record_legal_status(
    family: String,
    member: String,
    status: String,
    #[server(flatten)] form: StatusForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, LegalStatusId, MemberId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let member = parse_id::<MemberId>(&member)?;
        let status = parse_id::<LegalStatusId>(&status)?;
        crate::services::case_record::legal_status::record(caller, family, member, status, &form)
            .await?;
        leptos_axum::redirect(&crate::paths::member(family, member));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "findings")]
pub async fn findings(family: String) -> Result<FindingsView, AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::case_record::findings::view(caller, family).await
    })
    .await
}

/// `finding` is the finding's id: made by the page for a new one.
#[server(prefix = "/api", endpoint = "record_finding")]
pub async fn record_finding(
    family: String,
    finding: String,
    #[server(flatten)] form: FindingForm,
) -> Result<(), AppError> {
    use crate::domain::ids::{FamilyId, FindingId};
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        let finding = parse_id::<FindingId>(&finding)?;
        crate::services::case_record::findings::record(caller, family, finding, &form).await?;
        leptos_axum::redirect(&crate::paths::findings(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "case_status")]
pub async fn case_status(family: String) -> Result<CaseState, AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::case_record::closure::view(caller, family).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "close_case")]
pub async fn close_case(
    family: String,
    #[server(flatten)] form: CloseForm,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::case_record::closure::close(caller, family, &form).await?;
        leptos_axum::redirect(&crate::paths::case_status(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "reopen_case")]
pub async fn reopen_case(
    family: String,
    #[server(flatten)] form: ReopenForm,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::case_record::closure::reopen(caller, family, &form).await?;
        leptos_axum::redirect(&crate::paths::family(family));
        Ok(())
    })
    .await
}

/// Marks two adults of the family as kept apart (domestic abuse separation).
#[server(prefix = "/api", endpoint = "keep_apart")]
pub async fn keep_apart(
    family: String,
    #[server(flatten)] form: KeptApartForm,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::case_record::separation::keep_apart(caller, family, &form).await?;
        leptos_axum::redirect(&crate::paths::separation(family));
        Ok(())
    })
    .await
}

#[server(prefix = "/api", endpoint = "end_keep_apart")]
pub async fn end_keep_apart(
    family: String,
    #[server(flatten)] form: KeptApartForm,
) -> Result<(), AppError> {
    use crate::domain::ids::FamilyId;
    run(async |caller| {
        let family = parse_id::<FamilyId>(&family)?;
        crate::services::case_record::separation::end(caller, family, &form).await?;
        leptos_axum::redirect(&crate::paths::separation(family));
        Ok(())
    })
    .await
}
