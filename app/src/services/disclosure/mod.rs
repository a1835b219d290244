//! A subject access request's disclosure: what Hearth holds about the person, gathered as
//! passages; the reviewer's withholdings, each with its reason; the reviewer's "ready" and a
//! second person's approval; then the document. Whoever handles the request reads the
//! passages in full here, which is what answering it needs; every read is in the trail.

pub mod gather;

use super::information_requests::{request, version_of};
use super::new_id;
use crate::auth::caller::Caller;
use crate::domain::audit::AuditAction;
use crate::domain::ids::{InformationRequestId, WithholdingId};
use crate::domain::information_rights::disclosure::{disclosure, Addressed, Disclosure, Withheld};
use crate::domain::information_rights::passage::Passage;
use crate::domain::information_rights::redaction::find_words;
use crate::domain::information_rights::request::RequestStatus;
use crate::domain::information_rights::withholding::{parse_withholding, WithholdForm};
use crate::error::{AppError, FieldErrors};
use crate::page_data::disclosure::{ReviewPage, ReviewPassage, Signed, WithheldShown};
use crate::store::audit::NewEntry;
use crate::store::information_requests::RequestRow;
use crate::store::{self, audit, disclosures, now_ms};
use sha2::{Digest, Sha256};

/// The passages of the request's subject as they read now. The reads of their records are
/// those up to the request's logging: the trail grows with every look (handling the request is
/// itself a read), and a review, its approval and the document must be of the same words.
async fn passages(caller: &Caller, row: &RequestRow) -> Result<Vec<Passage>, AppError> {
    let db = &caller.state.db;
    Ok(gather::passages(db, row.subject.member_id, row.family_id, row.created_at).await?)
}

/// What the reviewer reviewed, so an approval and a document are of the same words.
fn digest(passages: &[Passage]) -> Result<String, AppError> {
    let json = serde_json::to_vec(passages).map_err(|_| AppError::Internal)?;
    Ok(hex::encode(Sha256::digest(json)))
}

async fn open_request(
    caller: &Caller,
    id: InformationRequestId,
    action: AuditAction,
) -> Result<(RequestRow, NewEntry), AppError> {
    let (row, entry) = request(caller, id, action).await?;
    if row.status != RequestStatus::Open {
        return Err(AppError::Conflict(
            "This request is closed: its disclosure takes no more changes.".into(),
        ));
    }
    Ok((row, entry))
}

fn signed(by: Option<String>, at: Option<i64>) -> Option<Signed> {
    Some(Signed { by: by?, at: at? })
}

pub async fn review(caller: &Caller, id: InformationRequestId) -> Result<ReviewPage, AppError> {
    let (row, entry) = request(caller, id, AuditAction::ViewDisclosureReview).await?;
    let db = &caller.state.db;
    let sign = disclosures::signs(db, id).await?;
    let passages = passages(caller, &row).await?;
    let changed_since_review = sign
        .reviewed_digest
        .as_ref()
        .map(|reviewed| digest(&passages).map(|now| now != *reviewed))
        .transpose()?
        .unwrap_or(false);
    let withheld = disclosures::withholdings(db, id).await?;
    let viewer = caller.viewer()?.account_id;
    let page = ReviewPage {
        request: id,
        subject: format!("{} {}", row.subject.given_name, row.subject.family_name),
        household: row.subject.household.clone(),
        version: row.version,
        open: row.status == RequestStatus::Open,
        changed_since_review,
        viewer_reviewed: sign.reviewed_by == Some(viewer),
        reviewed: signed(sign.reviewer, sign.reviewed_at),
        approved: signed(sign.approver, sign.approved_at),
        passages: passages
            .into_iter()
            .map(|passage| ReviewPassage {
                withheld: withheld
                    .iter()
                    .filter(|w| w.passage == passage.key)
                    .map(|w| WithheldShown {
                        id: w.id,
                        words: w.words.clone(),
                        reason: w.reason,
                        note: w.note.clone(),
                        marked_by: w.marked_by.clone(),
                    })
                    .collect(),
                passage,
            })
            .collect(),
    };
    audit::record(
        db,
        &entry.detail(format!("{} passages", page.passages.len())),
    )
    .await?;
    Ok(page)
}

/// Withholds a passage, or every place some words occur in it, under the id the page made.
pub async fn withhold(
    caller: &Caller,
    id: InformationRequestId,
    withholding: WithholdingId,
    passage: &str,
    form: &WithholdForm,
) -> Result<(), AppError> {
    let (row, entry) = open_request(caller, id, AuditAction::Withhold).await?;
    let on_passage = |mut errors: FieldErrors| {
        errors.keep("passage", passage);
        AppError::Invalid(errors)
    };
    let marked = parse_withholding(form).map_err(on_passage)?;
    let passages = passages(caller, &row).await?;
    // A key that names no passage of this person is a tampered form.
    let Some(text) = passages.iter().find(|p| p.key == passage).map(|p| &p.text) else {
        return Err(AppError::NotFound);
    };
    if let Some(words) = &marked.words {
        if find_words(text, words).is_empty() {
            let mut errors = form.typed();
            errors.add(
                "words",
                "These words are not in the passage: copy them exactly as they are written there",
            );
            return Err(on_passage(errors));
        }
    }
    let entry = entry.record(withholding).detail(format!(
        "{}: {}",
        if marked.words.is_some() {
            "some words"
        } else {
            "a whole passage"
        },
        marked.reason.code()
    ));
    let Some(mut write) = new_id::write_new(caller, withholding, id.0, &entry).await? else {
        return Ok(());
    };
    disclosures::withhold(
        &mut write,
        &disclosures::NewWithholding {
            id: withholding,
            request: id,
            passage,
            words: marked.words.as_deref(),
            reason: marked.reason,
            note: &marked.note,
            by: caller.viewer()?.account_id,
            now: now_ms(),
        },
    )
    .await?;
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

pub async fn take_back(
    caller: &Caller,
    id: InformationRequestId,
    withholding: WithholdingId,
) -> Result<(), AppError> {
    let (_, entry) = open_request(caller, id, AuditAction::TakeBackWithholding).await?;
    let mut write = caller.state.db.write().await?;
    if !disclosures::take_back(&mut write, id, withholding, now_ms()).await? {
        return Err(AppError::NotFound);
    }
    audit::append(&mut write, &entry.record(withholding)).await?;
    write.commit().await?;
    Ok(())
}

const STALE: &str = "Someone else changed this disclosure a moment ago. Reload the page to see it.";

/// The reviewer says the disclosure is ready, as the passages read now.
pub async fn mark_reviewed(
    caller: &Caller,
    id: InformationRequestId,
    version: &str,
) -> Result<(), AppError> {
    let (row, entry) = open_request(caller, id, AuditAction::ReviewDisclosure).await?;
    let version = version_of(version)?;
    let now = now_ms();
    let digest = digest(&passages(caller, &row).await?)?;
    let mut write = caller.state.db.write().await?;
    let by = caller.viewer()?.account_id;
    if !disclosures::reviewed(&mut write, id, version, by, &digest, now).await? {
        return Err(AppError::Conflict(STALE.into()));
    }
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// A second person approves: never the reviewer, and only while the records read as reviewed.
pub async fn approve(
    caller: &Caller,
    id: InformationRequestId,
    version: &str,
) -> Result<(), AppError> {
    let (row, entry) = open_request(caller, id, AuditAction::ApproveDisclosure).await?;
    let version = version_of(version)?;
    let sign = disclosures::signs(&caller.state.db, id).await?;
    let by = caller.viewer()?.account_id;
    let Some(reviewed) = sign.reviewed_digest else {
        return Err(AppError::Conflict(
            "The disclosure has not been reviewed yet.".into(),
        ));
    };
    if sign.reviewed_by == Some(by) {
        audit::record(
            &caller.state.db,
            &entry.refused().detail("the reviewer cannot approve"),
        )
        .await?;
        return Err(AppError::Conflict(
            "You reviewed this disclosure: a second person must approve it.".into(),
        ));
    }
    if digest(&passages(caller, &row).await?)? != reviewed {
        return Err(AppError::Conflict(
            "The records have changed since the review: review the disclosure again.".into(),
        ));
    }
    let mut write = caller.state.db.write().await?;
    if !disclosures::approved(&mut write, id, version, by, now_ms()).await? {
        return Err(AppError::Conflict(STALE.into()));
    }
    audit::append(&mut write, &entry).await?;
    write.commit().await?;
    Ok(())
}

/// The approved disclosure, as its document and JSON copy show it.
pub async fn document(caller: &Caller, id: InformationRequestId) -> Result<Disclosure, AppError> {
    let (row, entry) = request(caller, id, AuditAction::ProduceDisclosure).await?;
    let db = &caller.state.db;
    let sign = disclosures::signs(db, id).await?;
    let (Some(reviewed), Some(_)) = (&sign.reviewed_digest, sign.approved_at) else {
        return Err(AppError::Conflict(
            "The disclosure is made once it has been reviewed and approved.".into(),
        ));
    };
    let passages = passages(caller, &row).await?;
    if digest(&passages)? != *reviewed {
        return Err(AppError::Conflict(
            "The records have changed since the disclosure was approved: review it again.".into(),
        ));
    }
    let withheld: Vec<Withheld> = disclosures::withholdings(db, id)
        .await?
        .into_iter()
        .map(|w| Withheld {
            passage: w.passage,
            words: w.words,
            reason: w.reason,
            note: w.note,
        })
        .collect();
    let council = store::directory::authority_name(db, row.authority_id).await?;
    let made = disclosure(
        Addressed {
            subject: format!("{} {}", row.subject.given_name, row.subject.family_name),
            requester: row.requester.clone(),
            council,
            received_on: row.received_on.into(),
            made_on: super::today(),
        },
        &passages,
        &withheld,
    );
    audit::record(
        db,
        &entry.detail(format!("{} withheld", made.schedule.len())),
    )
    .await?;
    Ok(made)
}
