//! A family's workbook and its entries: reading them, and recording or changing one in the
//! viewer's own chapter, versioned like goals.

use super::*;
use crate::domain::history::{FieldChange, InWords};
use crate::domain::record::RecordKind;
use crate::domain::record::RecordRef;
use crate::domain::workbook_input::EntryInput;
use crate::services::versioned::{self, changed_fields, Save, Versioned};
use crate::store::locked::summaries_and_supervisions;
use crate::store::{StoreError, WriteTx};
use uuid::Uuid;

pub async fn workbook(caller: &Caller, family: FamilyId) -> Result<Workbook, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewWorkbook,
        RecordKind::Workbook,
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    audit::record(&caller.state.db, &entry).await?;
    let today = scope.today;
    let current_period = period_of(
        today,
        &facts
            .supervisions
            .iter()
            .map(|s| s.held_on)
            .collect::<Vec<_>>(),
    );
    let chapters = scope
        .family
        .allocations
        .iter()
        .map(|a| Chapter {
            role: a.role,
            worker_name: a.worker_name.clone(),
            entries: facts
                .entries
                .iter()
                .rev()
                .filter(|e| e.chapter == a.role)
                .cloned()
                .collect(),
        })
        .collect();
    let writes = caller
        .viewer()?
        .staff_role()
        .filter(|role| can(caller, Action::WriteChapter, chapter_target(&scope, *role)));
    let due = due_for(&scope, &facts, today)
        .into_iter()
        .map(|(_, d)| d.due)
        .collect();
    Ok(Workbook {
        family_id: family,
        family_name: scope.family.name.clone(),
        current_period,
        period_started: facts.supervisions.first().map(|s| s.held_on),
        chapters,
        people: people(&scope),
        writes,
        schedule: facts.schedule,
        due,
        today,
    })
}

pub async fn entry_page(
    caller: &Caller,
    family: FamilyId,
    id: EntryId,
) -> Result<EntryPage, AppError> {
    let (scope, audit_entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewWorkbook,
        RecordKind::Entry,
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    let entry = facts
        .entries
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(AppError::NotFound)?;
    let history = store::plan_history::since_version(&caller.state.db, &id.to_string(), 0)
        .await?
        .into_iter()
        .rev()
        .map(|c| c.change)
        .collect();
    audit::record(&caller.state.db, &audit_entry.record(id)).await?;
    Ok(EntryPage {
        family_id: family,
        family_name: scope.family.name.clone(),
        can_edit: can(
            caller,
            Action::WriteChapter,
            chapter_target(&scope, entry.chapter),
        ),
        entry,
        people: people(&scope),
        history,
        today: scope.today,
    })
}

/// An entry as a form would save it, in the chapter it belongs to.
pub(crate) struct EntryRecord<'a> {
    pub family: FamilyId,
    pub id: EntryId,
    pub chapter: StaffRole,
    pub author: crate::domain::ids::AccountId,
    pub input: &'a EntryInput,
    /// The form as typed, for a refusal next to the field.
    pub typed: crate::error::FieldErrors,
}

impl Versioned for EntryRecord<'_> {
    const SUBJECT: Subject = Subject::Entry;

    fn record(&self) -> RecordRef {
        RecordRef::Entry(self.id)
    }

    fn version(&self) -> i64 {
        self.input.version
    }

    fn owner(&self) -> Uuid {
        self.family.0
    }

    /// One monthly summary per chapter per period.
    async fn check_new(&self, write: &mut WriteTx) -> Result<(), AppError> {
        if self.input.kind != EntryKind::MonthlySummary {
            return Ok(());
        }
        let (summaries, held) =
            summaries_and_supervisions(write, self.family, self.chapter).await?;
        let period = period_of(self.input.occurred_on, &held);
        if summaries.iter().any(|day| period_of(*day, &held) == period) {
            let mut errors = self.typed.clone();
            errors.add(
                "kind",
                "This chapter already has a monthly summary for this period: change that one instead",
            );
            return Err(AppError::Invalid(errors));
        }
        Ok(())
    }

    async fn insert(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::workbook::insert_entry(
            write,
            self.family,
            self.id,
            self.chapter,
            self.input,
            self.author,
            at,
        )
        .await
    }

    async fn update(&self, write: &mut WriteTx, at: i64) -> Result<bool, StoreError> {
        store::workbook::update_entry(write, self.id, self.input, at).await
    }

    fn audit_detail(&self, added: bool, changes: &[FieldChange]) -> String {
        if added {
            format!(
                "{} in the {} chapter",
                self.input.kind.label(),
                self.chapter.label().to_lowercase()
            )
        } else {
            changed_fields(changes)
        }
    }
}

/// Records a new entry in the viewer's own chapter, or saves an edit made from its version.
pub async fn save_entry(
    caller: &Caller,
    family: FamilyId,
    id: EntryId,
    form: &EntryForm,
) -> Result<(), AppError> {
    let db = &caller.state.db;
    let existing_place = store::workbook::place_of_entry(db, id).await?;
    let chapter = match existing_place {
        Some((entry_family, _)) if entry_family != family => return Err(AppError::NotFound),
        Some((_, chapter)) => chapter,
        None => caller
            .viewer()?
            .staff_role()
            .unwrap_or(StaffRole::SocialWorker),
    };
    let audit_action = if existing_place.is_some() {
        AuditAction::UpdateEntry
    } else {
        AuditAction::RecordEntry
    };
    let (scope, _) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        audit_action,
        RecordKind::Entry,
    )
    .await?;
    let audit_entry = caller
        .entry(audit_action, RecordKind::Entry)
        .about_family(family, scope.team);
    authorize(
        caller,
        Action::WriteChapter,
        chapter_target(&scope, chapter),
        audit_entry.clone().record(id),
    )
    .await?;
    let people = people(&scope);
    let input = parse_entry(form, &people, scope.today)?;
    let facts = facts(caller, &scope).await?;
    let names = |ids: &[crate::domain::ids::MemberId]| -> Vec<String> {
        ids.iter().map(|m| scope.member_name(*m)).collect()
    };
    let after_people = names(&input.people);
    let after = EntryFields::of_input(&input, &after_people).in_words();
    let current = facts.entries.iter().find(|e| e.id == id).map(|entry| {
        let before_people = names(&entry.people);
        let words = EntryFields::of_entry(entry, &before_people).in_words();
        (entry.version, words)
    });
    let record = EntryRecord {
        family,
        id,
        chapter,
        author: caller.viewer()?.account_id,
        input: &input,
        typed: form.typed(),
    };
    let save = Save {
        family,
        record,
        current,
        after,
        reason: "",
    };
    versioned::save(caller, save, audit_entry, form.typed()).await
}
