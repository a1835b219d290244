//! The extract's child protection plans as periods of the child's legal status, matched by the
//! case system's plan id: a new plan is recorded, an ended one or a new latest category is saved
//! over it. The census rules are checked under the write lock as for a plan typed in Hearth, so
//! a plan that overlaps one recorded in Hearth is refused with the same words.

use super::apply::{Importer, InHearth, Known, FROM_EXTRACT};
use super::files::Table;
use super::index::FamilyLines;
use super::outcomes::Outcomes;
use super::people::first_message;
use crate::domain::family::{LegalStatusKind, MemberKind};
use crate::domain::ids::LegalStatusId;
use crate::domain::legal_status::{long_date, StatusPeriod};
use crate::error::{AppError, FieldErrors};
use crate::page_data::import::LineOutcome;
use crate::services::case_record::legal_status::{status_words, StatusSave};
use crate::services::versioned::{changed_fields, save_in, Save, Saved};
use crate::store::{extract, WriteTx};
use std::collections::HashMap;

pub async fn match_plans(
    write: &mut WriteTx,
    who: &Importer,
    known: &mut Known,
    found: &InHearth<'_>,
    family: &FamilyLines<'_>,
    out: &mut Outcomes,
) -> Result<(), AppError> {
    // Oldest first, so a plan that ended is saved before the next one starts.
    let mut plans = family.plans.clone();
    plans.sort_by_key(|p| (p.started_on, p.line));
    let mut seen: HashMap<&str, u64> = HashMap::new();
    for plan in plans {
        let mut refuse = |why: String| {
            out.add(
                Table::CpPlans,
                plan.line,
                &plan.id,
                LineOutcome::Refused,
                why,
            );
        };
        if let Some(line) = seen.insert(&plan.id, plan.line) {
            refuse(format!("plan {} is also on line {line}", plan.id));
            continue;
        }
        let Some(child) = known
            .members
            .get(&plan.person)
            .filter(|m| m.family_id == found.id)
        else {
            refuse(format!(
                "person {} was not taken from ssd_person.csv (see its line)",
                plan.person
            ));
            continue;
        };
        if child.kind != MemberKind::Child {
            refuse(format!("person {} is not a child", plan.person));
            continue;
        }
        let current = known.plans.get(&plan.id);
        if current.is_some_and(|p| p.member_id != child.id) {
            refuse(format!("plan {} is another child's in Hearth", plan.id));
            continue;
        }
        let period = StatusPeriod {
            id: current.map_or_else(LegalStatusId::new, |p| p.id),
            member_id: child.id,
            kind: LegalStatusKind::ChildProtectionPlan,
            initial_category: Some(plan.initial),
            latest_category: Some(plan.latest),
            started_on: plan.started_on,
            ended_on: plan.ended_on,
            version: current.map_or(0, |p| p.version),
        };
        // The report is read by administrators: the child is named by their id, not their name.
        let child_name = format!("person {}", plan.person);
        let save = Save {
            family: found.id,
            after: status_words(&period),
            current: current.map(|p| (p.version, status_words(p))),
            record: StatusSave {
                family: found.id,
                period,
                child_name: &child_name,
                typed: FieldErrors::default(),
            },
            reason: FROM_EXTRACT,
        };
        let (outcome, words) = match save_in(write, &save, who.actor, who.now).await {
            Ok(Saved::Added(_)) => {
                extract::set_plan_ref(write, save.record.period.id, &plan.id).await?;
                let words = match plan.ended_on {
                    Some(end) => format!(
                        "a plan for person {} from {} to {}",
                        plan.person,
                        long_date(plan.started_on),
                        long_date(end)
                    ),
                    None => format!(
                        "a plan for person {} from {}",
                        plan.person,
                        long_date(plan.started_on)
                    ),
                };
                (LineOutcome::Added, words)
            }
            Ok(Saved::Changed(changes)) => (
                LineOutcome::Changed,
                format!("changed: {}", changed_fields(&changes)),
            ),
            Ok(Saved::Nothing) => (LineOutcome::Unchanged, "as in Hearth".to_string()),
            Ok(_) => return Err(AppError::Internal),
            Err(AppError::Invalid(errors)) => (LineOutcome::Refused, first_message(&errors)),
            Err(other) => return Err(other),
        };
        if matches!(outcome, LineOutcome::Added | LineOutcome::Changed) {
            let mut saved = save.record.period;
            saved.version += 1;
            known.plans.insert(plan.id.clone(), saved);
        }
        out.add(Table::CpPlans, plan.line, &plan.id, outcome, words);
    }
    Ok(())
}
