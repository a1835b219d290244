//! Subject access requests: the council's information governance officers log and follow every
//! request of the council, a team manager those about their team's families. Neither reads the
//! case record here: a request shows whose data it is for and the days that set its due date.

use super::{authorize, held, new_id, today};
use crate::auth::caller::Caller;
use crate::domain::access::{Action, Target};
use crate::domain::audit::AuditAction;
use crate::domain::fields::parse_version;
use crate::domain::ids::{InformationRequestId, MemberId};
use crate::domain::information_rights::request::{
    parse_finish, parse_identity, parse_request, parse_search, FinishForm, IdentityForm,
    RequestDates, RequestForm, RequestStatus,
};
use crate::domain::information_rights::request_due::{
    is_overdue, parse_extension, Extension, ExtensionForm,
};
use crate::domain::legal_status::long_date;
use crate::domain::record::RecordKind;
use crate::domain::role::StaffRole;
use crate::error::{AppError, FieldErrors};
use crate::page_data::information_requests::{
    NewRequestPage, RequestList, RequestPage, RequestSummary, Subject, SubjectSearch,
};
use crate::store::audit::NewEntry;
use crate::store::information_requests::{self as requests, At, Reach, RequestRow, SubjectRow};
use crate::store::{self, audit, now_ms};

/// The most requests of each kind a list shows, and people a search shows.
const LISTED: i64 = 200;
const FOUND: usize = 20;
/// What a search's words are held as, for the page the search leads to.
const HELD_SEARCH: &str = "request_subjects";

/// Whose requests (or disposal review) the viewer follows, once the policy allows `action`: the
/// council's for an information governance officer, their team's for a team manager. Anyone
/// else is refused and recorded.
pub(crate) async fn reach_for(
    caller: &Caller,
    action: Action,
    entry: NewEntry,
) -> Result<Reach, AppError> {
    let viewer = caller.viewer()?;
    let (target, reach) = match (viewer.staff_role(), viewer.authority_id(), viewer.team_id()) {
        (Some(StaffRole::InformationGovernance), Some(authority), _) => {
            (Target::Authority(authority), Reach::Authority(authority))
        }
        (_, _, Some(team)) => (Target::Team(team), Reach::Team(team)),
        _ => {
            return authorize(caller, action, Target::Own, entry)
                .await
                .and(Err(AppError::Forbidden))
        }
    };
    authorize(caller, action, target, entry).await?;
    Ok(reach)
}

async fn reach(caller: &Caller, entry: NewEntry) -> Result<Reach, AppError> {
    reach_for(caller, Action::ViewInformationRequests, entry).await
}

pub(crate) fn reach_entry(caller: &Caller, action: AuditAction, reach: Reach) -> NewEntry {
    // The record named below sets the entry's kind.
    let entry = caller.entry(action, RecordKind::InformationRequests);
    match reach {
        Reach::Authority(authority) => entry.record(authority),
        Reach::Team(team) => entry.record(team),
    }
}

pub(crate) fn subject_of(row: SubjectRow) -> Subject {
    Subject {
        member_id: row.member_id,
        name: format!("{} {}", row.given_name, row.family_name),
        date_of_birth: row.date_of_birth.map(Into::into),
        household: row.household,
        team: row.team,
    }
}

pub async fn list(caller: &Caller) -> Result<RequestList, AppError> {
    let entry = caller.entry(
        AuditAction::ViewInformationRequests,
        RecordKind::InformationRequests,
    );
    let reach = reach(caller, entry).await?;
    let db = &caller.state.db;
    let today = today();
    let name = match reach {
        Reach::Authority(authority) => store::directory::authority_name(db, authority).await?,
        Reach::Team(team) => store::teams::find(db, team)
            .await?
            .map(|(_, name)| name)
            .unwrap_or_default(),
    };
    let (open, finished) = requests::listed(db, reach, LISTED).await?;
    let summary = |row: RequestRow| RequestSummary {
        id: row.id,
        overdue: is_overdue(row.due_on.into(), today, row.status != RequestStatus::Open),
        subject: subject_of(row.subject),
        requester: row.requester,
        received_on: row.received_on.into(),
        due_on: row.due_on.into(),
        status: row.status,
        finished_on: row.finished_on.map(Into::into),
    };
    let list = RequestList {
        today,
        reach: name,
        open: open.into_iter().map(summary).collect(),
        finished: finished.into_iter().map(summary).collect(),
    };
    audit::record(
        db,
        &reach_entry(caller, AuditAction::ViewInformationRequests, reach),
    )
    .await?;
    Ok(list)
}

/// Holds what was typed to find a person (never put in a URL); gives the id the search's page
/// reads it back with.
pub async fn find(caller: &Caller, words: &str) -> Result<String, AppError> {
    let entry = caller.entry(
        AuditAction::FindRequestSubject,
        RecordKind::InformationRequests,
    );
    reach(caller, entry).await?;
    let words = parse_search(words)?;
    held::hold(caller, HELD_SEARCH, &words).await
}

/// The people the held search finds within the viewer's reach; nothing before a search.
pub async fn found(caller: &Caller, held_id: &str) -> Result<SubjectSearch, AppError> {
    let entry = caller.entry(
        AuditAction::FindRequestSubject,
        RecordKind::InformationRequests,
    );
    let reach = reach(caller, entry).await?;
    if held_id.trim().is_empty() {
        return Ok(SubjectSearch {
            words: String::new(),
            subjects: vec![],
            more: false,
        });
    }
    let words: String = held::read(caller, HELD_SEARCH, held_id).await?;
    let db = &caller.state.db;
    let mut rows = requests::find_subjects(db, reach, &words, FOUND as i64 + 1).await?;
    let more = rows.len() > FOUND;
    rows.truncate(FOUND);
    let search = SubjectSearch {
        words,
        subjects: rows.into_iter().map(subject_of).collect(),
        more,
    };
    // Who was listed is what was read; the words typed stay out of the trail.
    audit::record(
        db,
        &reach_entry(caller, AuditAction::FindRequestSubject, reach)
            .detail(format!("{} people listed", search.subjects.len())),
    )
    .await?;
    Ok(search)
}

/// A member, once the policy allows the viewer to handle a request about them.
async fn subject(
    caller: &Caller,
    member: MemberId,
    entry: NewEntry,
) -> Result<
    (
        Subject,
        NewEntry,
        store::families::FamilyTeam,
        crate::domain::ids::FamilyId,
    ),
    AppError,
> {
    let (row, family, team, authority) = requests::subject(&caller.state.db, member)
        .await?
        .ok_or(AppError::NotFound)?;
    let place = store::families::FamilyTeam { team, authority };
    let entry = entry.about_family(family, team);
    authorize(
        caller,
        Action::HandleInformationRequest,
        place.target(family),
        entry.clone(),
    )
    .await?;
    Ok((subject_of(row), entry, place, family))
}

pub async fn new_page(caller: &Caller, member: MemberId) -> Result<NewRequestPage, AppError> {
    let entry = caller.entry(AuditAction::FindRequestSubject, RecordKind::Member);
    let (subject, entry, _, _) = subject(caller, member, entry).await?;
    audit::record(&caller.state.db, &entry.record(member)).await?;
    Ok(NewRequestPage {
        subject,
        today: today(),
    })
}

/// Logs a request about `member` under the id its page made; sending it again logs it once.
pub async fn log(
    caller: &Caller,
    id: InformationRequestId,
    member: MemberId,
    form: &RequestForm,
) -> Result<(), AppError> {
    let entry = caller.entry(
        AuditAction::LogInformationRequest,
        RecordKind::InformationRequest,
    );
    let (_, entry, place, family) = subject(caller, member, entry).await?;
    let entry = entry.record(id);
    let request = parse_request(form, today())?;
    let due_on = RequestDates {
        received_on: request.received_on,
        identity_checked_on: request.identity_checked_on,
        extension: None,
    }
    .due();
    let Some(mut write) = new_id::write_new(caller, id, family.0, &entry).await? else {
        return Ok(());
    };
    requests::insert(
        &mut write,
        &requests::Logged {
            id,
            authority: place.authority,
            family,
            member,
            request: &request,
            due_on,
            by: caller.viewer()?.account_id,
            now: now_ms(),
        },
    )
    .await?;
    audit::append(&mut write, &entry.detail(format!("due on {due_on}"))).await?;
    write.commit().await?;
    Ok(())
}

/// A request, once the policy allows the viewer to handle requests about its family.
pub(crate) async fn request(
    caller: &Caller,
    id: InformationRequestId,
    action: AuditAction,
) -> Result<(RequestRow, NewEntry), AppError> {
    let row = requests::one(&caller.state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = caller
        .entry(action, RecordKind::InformationRequest)
        .about_family(row.family_id, row.team_id)
        .record(id);
    let place = store::families::FamilyTeam {
        team: row.team_id,
        authority: row.authority_id,
    };
    authorize(
        caller,
        Action::HandleInformationRequest,
        place.target(row.family_id),
        entry.clone(),
    )
    .await?;
    Ok((row, entry))
}

pub(crate) fn dates_of(row: &RequestRow) -> RequestDates {
    RequestDates {
        received_on: row.received_on.into(),
        identity_checked_on: row.identity_checked_on.map(Into::into),
        extension: match (&row.extension_reason, row.extension_told_on) {
            (Some(reason), Some(told_on)) if row.extra_months > 0 => Some(Extension {
                extra_months: u32::try_from(row.extra_months).unwrap_or(0),
                reason: reason.clone(),
                told_on: told_on.into(),
            }),
            _ => None,
        },
    }
}

pub async fn view(caller: &Caller, id: InformationRequestId) -> Result<RequestPage, AppError> {
    let (row, entry) = request(caller, id, AuditAction::ViewInformationRequest).await?;
    let page = RequestPage {
        id,
        dates: dates_of(&row),
        subject: subject_of(row.subject),
        requester: row.requester,
        due_on: row.due_on.into(),
        status: row.status,
        finished_on: row.finished_on.map(Into::into),
        logged_by: row.logged_by,
        version: row.version,
        today: today(),
    };
    audit::record(&caller.state.db, &entry).await?;
    Ok(page)
}

/// What changes an open request: each is checked against the request as stored.
pub enum Update<'a> {
    Identity(&'a IdentityForm),
    Extension(&'a ExtensionForm),
    Finish(&'a FinishForm),
}

/// The version a form was drawn at; a page never sends a bad one, so the error names no field
/// the person can see.
pub(crate) fn version_of(text: &str) -> Result<i64, AppError> {
    parse_version(text).map_err(|message| {
        let mut errors = FieldErrors::default();
        errors.add("version", message);
        AppError::Invalid(errors)
    })
}

pub async fn update(
    caller: &Caller,
    id: InformationRequestId,
    version: &str,
    update: Update<'_>,
) -> Result<(), AppError> {
    let (row, entry) = request(caller, id, AuditAction::UpdateInformationRequest).await?;
    let typed_version = version_of(version)?;
    if row.status != RequestStatus::Open {
        return Err(AppError::Conflict(format!(
            "This request was {} on {}: it takes no more changes.",
            row.status.label().to_lowercase(),
            row.finished_on
                .map(|d| long_date(d.into()))
                .unwrap_or_default()
        )));
    }
    let today = today();
    let mut dates = dates_of(&row);
    let (detail, change) = match update {
        Update::Identity(form) => {
            if let Some(day) = dates.identity_checked_on {
                let mut errors = form.typed();
                errors.add(
                    "checked_on",
                    format!(
                        "Their identity was already confirmed, on {}",
                        long_date(day)
                    ),
                );
                return Err(AppError::Invalid(errors));
            }
            let day = parse_identity(form, dates.received_on, today)?;
            dates.identity_checked_on = Some(day);
            ("identity confirmed".to_string(), Change::Identity(day))
        }
        Update::Extension(form) => {
            if dates.extension.is_some() {
                let mut errors = form.typed();
                errors.add("extra_months", "This request has already been extended");
                return Err(AppError::Invalid(errors));
            }
            let extension = parse_extension(form, dates.starts(), today)?;
            let detail = format!("extended by {} months", extension.extra_months);
            dates.extension = Some(extension.clone());
            (detail, Change::Extension(extension))
        }
        Update::Finish(form) => {
            let finished = parse_finish(form, dates.received_on, today)?;
            (
                finished.ending.status().code().to_string(),
                Change::Finish(finished),
            )
        }
    };
    let at = At {
        id,
        version: typed_version,
        due_on: dates.due(),
        now: now_ms(),
    };
    let mut write = caller.state.db.write().await?;
    let changed = match &change {
        Change::Identity(day) => requests::identity_checked(&mut write, *day, &at).await?,
        Change::Extension(extension) => requests::extend(&mut write, extension, &at).await?,
        Change::Finish(finished) => requests::finish(&mut write, *finished, &at).await?,
    };
    if !changed {
        return Err(AppError::Conflict(
            "Someone else changed this request a moment ago. Reload the page to see it.".into(),
        ));
    }
    audit::append(&mut write, &entry.detail(detail)).await?;
    write.commit().await?;
    Ok(())
}

enum Change {
    Identity(chrono::NaiveDate),
    Extension(Extension),
    Finish(crate::domain::information_rights::request::Finished),
}
