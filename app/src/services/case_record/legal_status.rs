//! A child's legal status history: a period recorded, ended, or its category or start
//! corrected. The census validator's rules are checked against the child's other periods under
//! the write lock, so two saves cannot make an overlap between them.

use super::{is_new, name_form, scope};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::history::{field, Field, FieldChange, Subject};
use crate::domain::ids::{FamilyId, LegalStatusId, MemberId};
use crate::domain::legal_status::{check_rules, long_date, parse_status, StatusForm, StatusPeriod};
use crate::domain::record::{RecordKind, RecordRef};
use crate::error::{AppError, FieldErrors};
use crate::services::versioned::{self, changed_fields, Save, Versioned};
use crate::store::{legal_statuses, StoreError, WriteTx};
use uuid::Uuid;

/// A period in words, as history keeps it.
pub(crate) fn status_words(period: &StatusPeriod) -> Vec<Field> {
    let category = |c: Option<crate::domain::family::ProtectionCategory>| {
        c.map(|c| c.label().to_string()).unwrap_or_default()
    };
    vec![
        Field::new(field::LEGAL_STATUS, period.kind.label()),
        Field::new(field::INITIAL_CATEGORY, category(period.initial_category)),
        Field::new(field::LATEST_CATEGORY, category(period.latest_category)),
        Field::new(field::STARTED_ON, long_date(period.started_on)),
        Field::new(
            field::ENDED_ON,
            period.ended_on.map(long_date).unwrap_or_default(),
        ),
    ]
}

pub(crate) struct StatusSave<'a> {
    pub family: FamilyId,
    pub period: StatusPeriod,
    pub child_name: &'a str,
    pub typed: FieldErrors,
}

impl StatusSave<'_> {
    async fn census_rules(&self, write: &mut WriteTx) -> Result<(), AppError> {
        let others = legal_statuses::for_member_in(write, self.period.member_id).await?;
        check_rules(&self.period, &others, self.child_name).map_err(|(field, message)| {
            let mut errors = self.typed.clone();
            errors.add(field, message);
            AppError::Invalid(errors)
        })
    }
}

impl Versioned for StatusSave<'_> {
    const SUBJECT: Subject = Subject::LegalStatus;

    fn record(&self) -> RecordRef {
        RecordRef::LegalStatus(self.period.id)
    }

    fn version(&self) -> i64 {
        self.period.version
    }

    fn owner(&self) -> Uuid {
        self.family.0
    }

    async fn check_new(&self, write: &mut WriteTx) -> Result<(), AppError> {
        self.census_rules(write).await
    }

    async fn check_change(&self, write: &mut WriteTx) -> Result<(), AppError> {
        self.census_rules(write).await
    }

    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        legal_statuses::insert(write, self.family, &self.period, at).await
    }

    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        legal_statuses::update(write, &self.period, at).await
    }

    fn audit_detail(&self, added: bool, changes: &[FieldChange]) -> String {
        if added {
            format!("recorded: {}", self.period.kind.label().to_lowercase())
        } else {
            format!("changed: {}", changed_fields(changes))
        }
    }
}

/// Records a period of `member`'s status (`status` is the id the page made for a new one), or
/// saves a change to one of theirs.
pub async fn record(
    caller: &Caller,
    family: FamilyId,
    member: MemberId,
    status: LegalStatusId,
    form: &StatusForm,
) -> Result<(), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        AuditAction::RecordLegalStatus,
        RecordKind::LegalStatus,
    )
    .await?;
    let child = scope
        .family
        .members
        .iter()
        .find(|m| m.id == member && m.kind == MemberKind::Child)
        .ok_or(AppError::NotFound)?;
    let named = |error| name_form(error, "status", &status.to_string(), is_new(&form.version));
    let input = parse_status(form, scope.today).map_err(|e| named(AppError::Invalid(e)))?;
    let current = child.statuses.iter().find(|p| p.id == status);
    if input.version > 0 && current.is_none() {
        return Err(AppError::NotFound);
    }
    if let Some(current) = current {
        // A period's kind is what it is: a new kind is a new period.
        if current.kind != input.kind {
            return Err(AppError::BadRequest);
        }
    }
    let period = input.period(status, member);
    let save = Save {
        family,
        after: status_words(&period),
        current: current.map(|p| (p.version, status_words(p))),
        record: StatusSave {
            family,
            period,
            child_name: &child.given_name,
            typed: form.typed(),
        },
        reason: "",
    };
    versioned::save(caller, save, entry, form.typed())
        .await
        .map_err(named)
}
