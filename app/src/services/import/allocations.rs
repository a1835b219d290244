//! The extract's involvements as allocations: the worker of each role now is the one whose
//! current involvement with the family's people started last, if they have a Hearth account in
//! the family's team. An allocation made in Hearth stays unless the extract names another worker
//! for the role, or says that the worker's involvement ended.

use super::apply::{Importer, InHearth, Known};
use super::files::Table;
use super::index::FamilyLines;
use super::outcomes::Outcomes;
use super::rows::Involvement;
use crate::domain::legal_status::long_date;
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::import::LineOutcome;
use crate::store::extract::Worker;
use crate::store::{self, WriteTx};

fn is_current(involvement: &Involvement, who: &Importer) -> bool {
    involvement.started_on <= who.today && involvement.ended_on.is_none_or(|end| end > who.today)
}

/// The worker an involvement names, if they can be allocated.
fn allocatable<'k>(known: &'k Known, involvement: &Involvement) -> Option<&'k Worker> {
    known
        .workers
        .get(&involvement.worker)
        .filter(|w| !w.disabled && StaffRole::ALLOCATED.contains(&w.staff_role))
}

/// The family's social worker now, as the extract says: who decides the team of a new family.
pub fn social_worker_now<'k>(
    who: &Importer,
    known: &'k Known,
    family: &FamilyLines,
) -> Option<&'k Worker> {
    family
        .involvements
        .iter()
        .filter(|i| is_current(i, who))
        .filter_map(|i| allocatable(known, i).map(|w| (i, w)))
        .filter(|(_, w)| w.staff_role == StaffRole::SocialWorker && w.team_id.is_some())
        .max_by_key(|(i, _)| (i.started_on, i.line))
        .map(|(_, w)| w)
}

pub async fn match_workers(
    write: &mut WriteTx,
    who: &Importer,
    known: &mut Known,
    found: &InHearth<'_>,
    family: &FamilyLines<'_>,
    out: &mut Outcomes,
) -> Result<(), AppError> {
    for role in StaffRole::ALLOCATED {
        let chosen = family
            .involvements
            .iter()
            .filter(|i| is_current(i, who))
            .filter_map(|i| allocatable(known, i).map(|w| (i, w)))
            .filter(|(_, w)| w.staff_role == role && w.team_id == Some(found.team))
            .max_by_key(|(i, _)| (i.started_on, i.line))
            .map(|(_, w)| w.id);
        let now = known.allocations.get(&(found.id, role)).copied();
        let ended = family.involvements.iter().any(|i| {
            !is_current(i, who)
                && i.ended_on.is_some()
                && known
                    .workers
                    .get(&i.worker)
                    .is_some_and(|w| Some(w.id) == now)
                && !family
                    .involvements
                    .iter()
                    .any(|j| is_current(j, who) && j.worker == i.worker)
        });
        let next = match chosen {
            Some(worker) => Some(worker),
            None if ended => None,
            None => now,
        };
        if next != now {
            store::allocations::replace(write, found.id, role, next, Some(who.actor), who.now)
                .await?;
            match next {
                Some(worker) => known.allocations.insert((found.id, role), worker),
                None => known.allocations.remove(&(found.id, role)),
            };
        }
        for involvement in &family.involvements {
            let Some(worker) = known.workers.get(&involvement.worker) else {
                continue;
            };
            if worker.staff_role != role {
                continue;
            }
            let (outcome, words) = if !is_current(involvement, who) {
                if involvement.started_on > who.today {
                    (
                        LineOutcome::Skipped,
                        format!("it starts on {}", long_date(involvement.started_on)),
                    )
                } else if ended && Some(worker.id) == now && next != now {
                    (
                        LineOutcome::Changed,
                        format!("{}'s allocation ended", role.label().to_lowercase()),
                    )
                } else {
                    (LineOutcome::Skipped, "it has ended".to_string())
                }
            } else if worker.disabled {
                (
                    LineOutcome::Refused,
                    format!(
                        "the Hearth account of worker {} is disabled",
                        involvement.worker
                    ),
                )
            } else if worker.team_id != Some(found.team) {
                (
                    LineOutcome::Refused,
                    format!("worker {} is in another team than family {}'s: move one of them in Hearth first", involvement.worker, found.case_ref),
                )
            } else if Some(worker.id) != next {
                (
                    LineOutcome::Skipped,
                    format!(
                        "another {}'s involvement started later",
                        role.label().to_lowercase()
                    ),
                )
            } else if next == now {
                (
                    LineOutcome::Unchanged,
                    format!("allocated as {}", role.label().to_lowercase()),
                )
            } else if now.is_some() {
                (
                    LineOutcome::Changed,
                    format!(
                        "allocated as {}, in place of the worker before",
                        role.label().to_lowercase()
                    ),
                )
            } else {
                (
                    LineOutcome::Added,
                    format!("allocated as {}", role.label().to_lowercase()),
                )
            };
            out.add(
                Table::Involvements,
                involvement.line,
                &involvement.id,
                outcome,
                words,
            );
        }
    }
    // Involvements of workers Hearth cannot allocate.
    for involvement in &family.involvements {
        let (outcome, words) = match known.workers.get(&involvement.worker) {
            Some(worker) if StaffRole::ALLOCATED.contains(&worker.staff_role) => continue,
            Some(worker) => (
                LineOutcome::Skipped,
                format!(
                    "worker {} is a {}, whom Hearth does not allocate",
                    involvement.worker,
                    worker.staff_role.label().to_lowercase()
                ),
            ),
            None if involvement.started_on > who.today => (
                LineOutcome::Skipped,
                format!("it starts on {}", long_date(involvement.started_on)),
            ),
            None if !is_current(involvement, who) => {
                (LineOutcome::Skipped, "it has ended".to_string())
            }
            None => (
                LineOutcome::Refused,
                format!(
                    "unknown worker {}: no Hearth account has this case system worker ID",
                    involvement.worker
                ),
            ),
        };
        out.add(
            Table::Involvements,
            involvement.line,
            &involvement.id,
            outcome,
            words,
        );
    }
    Ok(())
}
