//! The people of a household: one person's record with their legal status history, adding
//! someone (a newborn, a new partner), correcting a name or date of birth with a reason, and
//! recording that someone left. The council's person ID is unique within the council, checked
//! under the write lock.

use super::{heading, scope};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::history::{field, Field, Subject};
use crate::domain::household::{parse_left, parse_member, LeftForm, MemberForm, MemberInput};
use crate::domain::ids::{AuthorityId, FamilyId, MemberId};
use crate::domain::legal_status::long_date;
use crate::domain::record::{RecordKind, RecordRef};
use crate::error::{AppError, FieldErrors};
use crate::page_data::case_record::MemberDetail;
use crate::services::family::members;
use crate::services::plan_scope::PlanScope;
use crate::services::versioned::{self, changed_fields, Save, Versioned};
use crate::store::audit::NewEntry;
use crate::store::families::StoredMember;
use crate::store::{self, household, StoreError, WriteTx};
use chrono::NaiveDate;
use uuid::Uuid;

fn day_words(day: Option<NaiveDate>) -> String {
    day.map(long_date).unwrap_or_default()
}

/// A person's record in words, as history keeps it.
pub(crate) fn member_words(member: &StoredMember) -> Vec<Field> {
    vec![
        Field::new(field::GIVEN_NAME, member.given_name.clone()),
        Field::new(field::FAMILY_NAME, member.family_name.clone()),
        Field::new(field::RELATIONSHIP, member.relationship.clone()),
        Field::new(field::DATE_OF_BIRTH, day_words(member.date_of_birth)),
        Field::new(field::EXPECTED_ON, day_words(member.expected_on)),
        Field::new(
            field::PERSON_REF,
            member.person_ref.clone().unwrap_or_default(),
        ),
        Field::new(field::LEFT_ON, day_words(member.left_on)),
    ]
}

/// A person as a form would save them.
pub(crate) struct MemberSave {
    pub authority: AuthorityId,
    /// The person with the form's values, and the version the form was made from.
    pub member: StoredMember,
    /// What was typed, given back if the person ID is someone else's.
    pub typed: FieldErrors,
}

impl MemberSave {
    async fn person_ref_is_free(&self, write: &mut WriteTx) -> Result<(), AppError> {
        let Some(person_ref) = &self.member.person_ref else {
            return Ok(());
        };
        match household::person_ref_holder(write, self.authority, person_ref).await? {
            Some((holder, _)) if holder != self.member.id => {
                let mut errors = self.typed.clone();
                errors.add(
                    "person_ref",
                    "This person ID is already someone else's in the council's records: check it in the case system",
                );
                Err(AppError::Invalid(errors))
            }
            _ => Ok(()),
        }
    }
}

impl Versioned for MemberSave {
    const SUBJECT: Subject = Subject::Member;

    fn record(&self) -> RecordRef {
        RecordRef::Member(self.member.id)
    }

    fn version(&self) -> i64 {
        self.member.version
    }

    fn owner(&self) -> Uuid {
        self.member.family_id.0
    }

    async fn check_new(&self, write: &mut WriteTx) -> Result<(), AppError> {
        self.person_ref_is_free(write).await
    }

    async fn check_change(&self, write: &mut WriteTx) -> Result<(), AppError> {
        self.person_ref_is_free(write).await
    }

    async fn insert(&self, write: &mut WriteTx, _at: i64) -> Result<bool, StoreError> {
        household::insert_member(write, self.authority, &self.member).await
    }

    async fn update(&self, write: &mut WriteTx, _at: i64) -> Result<bool, StoreError> {
        household::update_member(write, &self.member).await
    }

    fn audit_detail(&self, added: bool, changes: &[crate::domain::history::FieldChange]) -> String {
        if added {
            format!("added a {}", self.member.kind.label().to_lowercase())
        } else {
            format!("changed: {}", changed_fields(changes))
        }
    }
}

/// The stored person with `input`'s values, keeping what the form does not carry.
fn with_input(
    family: FamilyId,
    id: MemberId,
    input: &MemberInput,
    current: Option<&StoredMember>,
) -> StoredMember {
    StoredMember {
        id,
        family_id: family,
        kind: input.kind.member_kind(),
        given_name: input.given_name.clone(),
        family_name: input.family_name.clone(),
        relationship: input.relationship.clone(),
        date_of_birth: input.date_of_birth,
        expected_on: input.expected_on,
        person_ref: input.person_ref.clone(),
        left_on: current.and_then(|m| m.left_on),
        version: input.version,
        statuses: Vec::new(),
        has_account: current.is_some_and(|m| m.has_account),
    }
}

fn member_of(scope: &PlanScope, member: MemberId) -> Result<&StoredMember, AppError> {
    scope
        .family
        .members
        .iter()
        .find(|m| m.id == member)
        .ok_or(AppError::NotFound)
}

pub async fn view(
    caller: &Caller,
    family: FamilyId,
    member: MemberId,
) -> Result<MemberDetail, AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewHousehold,
        RecordKind::Member,
    )
    .await?;
    let stored = member_of(&scope, member)?;
    let db = &caller.state.db;
    let mut ids: Vec<String> = vec![member.to_string()];
    ids.extend(stored.statuses.iter().map(|s| s.id.to_string()));
    let history =
        store::plan_history::for_subjects(db, family, &[Subject::Member, Subject::LegalStatus])
            .await?
            .into_iter()
            .filter(|c| ids.contains(&c.subject_id))
            .map(|c| c.change)
            .collect();
    let shown = members(&scope.family, scope.today)
        .into_iter()
        .find(|m| m.id == member)
        .ok_or(AppError::NotFound)?;
    let record = MemberDetail {
        heading: heading(caller, &scope)?,
        member: shown,
        version: stored.version,
        statuses: stored.statuses.clone(),
        history,
    };
    store::audit::record(db, &entry.record(member)).await?;
    Ok(record)
}

/// Saves `stored` (with the version the form was made from) over `current`, if any.
async fn save_member(
    caller: &Caller,
    scope: &PlanScope,
    entry: NewEntry,
    stored: StoredMember,
    current: Option<&StoredMember>,
    reason: &str,
    typed: FieldErrors,
) -> Result<(), AppError> {
    let save = Save {
        family: scope.family.id,
        after: member_words(&stored),
        current: current.map(|m| (m.version, member_words(m))),
        record: MemberSave {
            authority: scope.authority,
            member: stored,
            typed: typed.clone(),
        },
        reason,
    };
    versioned::save(caller, save, entry, typed).await
}

/// Adds a person to the household; `member` is the id the page made.
pub async fn add(
    caller: &Caller,
    family: FamilyId,
    member: MemberId,
    form: &MemberForm,
) -> Result<(), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        AuditAction::AddMember,
        RecordKind::Member,
    )
    .await?;
    let input = parse_member(form, scope.today, false)?;
    if input.version != 0 {
        return Err(AppError::BadRequest);
    }
    let stored = with_input(family, member, &input, None);
    save_member(caller, &scope, entry, stored, None, "", form.typed()).await
}

/// Corrects a person's details, from the version the form was made from, with a reason.
pub async fn correct(
    caller: &Caller,
    family: FamilyId,
    member: MemberId,
    form: &MemberForm,
) -> Result<(), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        AuditAction::CorrectMember,
        RecordKind::Member,
    )
    .await?;
    let current = member_of(&scope, member)?;
    let input = parse_member(form, scope.today, true)?;
    if input.version == 0 {
        return Err(AppError::BadRequest);
    }
    let stored = with_input(family, member, &input, Some(current));
    let entry = entry.record(member);
    save_member(
        caller,
        &scope,
        entry,
        stored,
        Some(current),
        &input.reason,
        form.typed(),
    )
    .await
}

/// Records the day someone left the household. Their records stay; a family account of theirs
/// shows nothing more from that day.
pub async fn left(
    caller: &Caller,
    family: FamilyId,
    member: MemberId,
    form: &LeftForm,
) -> Result<(), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        AuditAction::MemberLeft,
        RecordKind::Member,
    )
    .await?;
    let current = member_of(&scope, member)?;
    let (version, left_on) = parse_left(form, scope.today)?;
    let mut stored = current.clone();
    stored.left_on = Some(left_on);
    stored.version = version;
    let entry = entry.record(member);
    let reason = "Left the household";
    save_member(
        caller,
        &scope,
        entry,
        stored,
        Some(current),
        reason,
        form.typed(),
    )
    .await
}
