//! Danger statements, each with its safety goal.

use super::edit_scope;
use crate::auth::caller::Caller;
use crate::domain::audit::AuditAction;
use crate::domain::history::{InWords, SafetyFields, Subject};
use crate::domain::ids::{FamilyId, MemberId, SafetyId};
use crate::domain::plan_input::{parse_safety, SafetyForm, SafetyInput};
use crate::domain::record::RecordKind;
use crate::domain::record::RecordRef;
use crate::error::AppError;
use crate::services::versioned::{self, Save, Versioned};
use crate::store::{self, StoreError, WriteTx};
use uuid::Uuid;

/// A danger statement as a form would save it.
pub(crate) struct SafetyRecord<'a> {
    pub family: FamilyId,
    pub id: SafetyId,
    pub input: &'a SafetyInput,
}

impl Versioned for SafetyRecord<'_> {
    const SUBJECT: Subject = Subject::Safety;

    fn record(&self) -> RecordRef {
        RecordRef::Safety(self.id)
    }

    fn version(&self) -> i64 {
        self.input.version
    }

    fn shared_with(&self) -> Option<&[MemberId]> {
        Some(&self.input.visible_to)
    }

    fn owner(&self) -> Uuid {
        self.family.0
    }

    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::goals::insert_safety(write, self.family, self.id, self.input, at).await
    }

    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::goals::update_safety(write, self.id, self.input, at).await
    }
}

pub async fn save_safety(
    caller: &Caller,
    family: FamilyId,
    id: SafetyId,
    form: &SafetyForm,
) -> Result<(), AppError> {
    let (scope, entry) =
        edit_scope(caller, family, AuditAction::SaveSafety, RecordKind::Safety).await?;
    let input = parse_safety(form, &scope.context())?;
    let all = store::goals::safety_for_family(&caller.state.db, family).await?;
    let names = scope.names(&input.visible_to);
    let after = SafetyFields::of_input(&input, &names).in_words();
    let current = all.iter().find(|s| s.id == id).map(|statement| {
        let names = scope.names(&statement.visible_to);
        let words = SafetyFields::of_statement(statement, &names).in_words();
        (statement.version, words)
    });
    let save = Save {
        family,
        record: SafetyRecord {
            family,
            id,
            input: &input,
        },
        current,
        after,
        reason: "",
    };
    versioned::save(caller, save, entry, form.typed()).await
}
