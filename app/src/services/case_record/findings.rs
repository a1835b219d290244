//! The trio as findings about the household's adults: recorded, ended, corrected.

use super::{heading, is_new, name_form, scope};
use crate::auth::caller::Caller;
use crate::domain::access::Action;
use crate::domain::audit::AuditAction;
use crate::domain::family::MemberKind;
use crate::domain::findings::{parse_finding, Finding, FindingForm};
use crate::domain::history::{field, Field, FieldChange, Subject};
use crate::domain::ids::{FamilyId, FindingId};
use crate::domain::legal_status::long_date;
use crate::domain::record::{RecordKind, RecordRef};
use crate::error::AppError;
use crate::page_data::case_record::FindingsView;
use crate::services::plan_scope::PlanScope;
use crate::services::versioned::{self, changed_fields, Save, Versioned};
use crate::store::{self, StoreError, WriteTx};
use uuid::Uuid;

fn finding_words(finding: &Finding, about: &str) -> Vec<Field> {
    vec![
        Field::new(field::FINDING, finding.concern.label()),
        Field::new(field::CONCERNS, about),
        Field::new(field::IDENTIFIED_BY, finding.identified_by.label()),
        Field::new(field::IDENTIFIED_ON, long_date(finding.identified_on)),
        Field::new(
            field::ENDED_ON,
            finding.ended_on.map(long_date).unwrap_or_default(),
        ),
    ]
}

pub(crate) struct FindingSave {
    pub family: FamilyId,
    pub finding: Finding,
}

impl Versioned for FindingSave {
    const SUBJECT: Subject = Subject::Finding;

    fn record(&self) -> RecordRef {
        RecordRef::Finding(self.finding.id)
    }

    fn version(&self) -> i64 {
        self.finding.version
    }

    fn owner(&self) -> Uuid {
        self.family.0
    }

    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::findings::insert(write, self.family, &self.finding, at).await
    }

    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::findings::update(write, self.family, &self.finding, at).await
    }

    fn audit_detail(&self, added: bool, changes: &[FieldChange]) -> String {
        if added {
            format!("recorded: {}", self.finding.concern.code())
        } else {
            format!("changed: {}", changed_fields(changes))
        }
    }
}

/// The adults of the household now, by name: whom a new finding can be about.
fn adults(scope: &PlanScope) -> Vec<(crate::domain::ids::MemberId, String)> {
    scope
        .family
        .members
        .iter()
        .filter(|m| m.kind == MemberKind::Adult && m.in_household_on(scope.today))
        .map(|m| (m.id, m.full_name()))
        .collect()
}

pub async fn view(caller: &Caller, family: FamilyId) -> Result<FindingsView, AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewFindings,
        RecordKind::Finding,
    )
    .await?;
    let mut findings: Vec<(Finding, String)> = scope
        .family
        .findings
        .iter()
        .map(|f| (f.clone(), scope.member_name(f.member_id)))
        .collect();
    findings.sort_by_key(|(f, _)| (!f.is_open(), f.identified_on));
    let view = FindingsView {
        heading: heading(caller, &scope)?,
        adults: adults(&scope),
        findings,
    };
    store::audit::record(&caller.state.db, &entry).await?;
    Ok(view)
}

/// Records a finding (`finding` is the id the page made for a new one) or saves a change.
pub async fn record(
    caller: &Caller,
    family: FamilyId,
    finding: FindingId,
    form: &FindingForm,
) -> Result<(), AppError> {
    let (scope, entry) = scope(
        caller,
        family,
        Action::ManageCase,
        AuditAction::RecordFinding,
        RecordKind::Finding,
    )
    .await?;
    let current = scope.family.findings.iter().find(|f| f.id == finding);
    // A finding stays about the adult it was recorded for, even one who has since left.
    let mut allowed: Vec<_> = adults(&scope).into_iter().map(|(id, _)| id).collect();
    allowed.extend(current.map(|f| f.member_id));
    let named = |error| {
        name_form(
            error,
            "finding",
            &finding.to_string(),
            is_new(&form.version),
        )
    };
    let input =
        parse_finding(form, &allowed, scope.today).map_err(|e| named(AppError::Invalid(e)))?;
    if input.version > 0 && current.is_none() {
        return Err(AppError::NotFound);
    }
    let saved = Finding {
        id: finding,
        member_id: input.member,
        concern: input.concern,
        identified_by: input.identified_by,
        identified_on: input.identified_on,
        ended_on: input.ended_on,
        version: input.version,
    };
    let save = Save {
        family,
        after: finding_words(&saved, &scope.member_name(saved.member_id)),
        current: current.map(|f| (f.version, finding_words(f, &scope.member_name(f.member_id)))),
        record: FindingSave {
            family,
            finding: saved,
        },
        reason: "",
    };
    versioned::save(caller, save, entry, form.typed())
        .await
        .map_err(named)
}
