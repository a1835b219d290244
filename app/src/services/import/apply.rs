//! Matching the extract to Hearth, family by family, and making each change through the same
//! paths as the pages (the versioned-record kernel for people and plans, the allocation history
//! for workers, the closure record for a closed case). Everything runs in the caller's one write
//! transaction: a check rolls it back, an import commits it whole.

use super::files::Table;
use super::index::{self, FamilyLines};
use super::outcomes::Outcomes;
use super::rows::Lines;
use super::{allocations, people, plans};
use crate::domain::closure::Closed;
use crate::domain::ids::{AccountId, AuthorityId, FamilyId, TeamId};
use crate::domain::legal_status::{long_date, StatusPeriod};
use crate::domain::record::{RecordKind, RecordRef};
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::page_data::import::{ExtractReport, LineOutcome};
use crate::store::audit::NewEntry;
use crate::store::extract::{self, KnownFamily, Worker};
use crate::store::families::StoredMember;
use crate::store::locked::{claim, Claim};
use crate::store::{self, audit, WriteTx};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Kept in the history of every record the extract changes.
pub const FROM_EXTRACT: &str = "From the case system's extract";

/// Who imports, for whom, and when.
pub struct Importer {
    pub actor: AccountId,
    pub authority: AuthorityId,
    pub today: NaiveDate,
    pub now: i64,
    /// The audit entry each family's changes are recorded with.
    pub entry: NewEntry,
}

/// Hearth's side of the match, read under the write lock and kept up to date as it changes.
pub struct Known {
    pub workers: HashMap<String, Worker>,
    pub families: HashMap<String, KnownFamily>,
    pub members: HashMap<String, StoredMember>,
    pub plans: HashMap<String, StatusPeriod>,
    pub allocations: HashMap<(FamilyId, StaffRole), AccountId>,
}

impl Known {
    async fn load(write: &mut WriteTx, authority: AuthorityId) -> Result<Known, AppError> {
        Ok(Known {
            workers: extract::workers(write, authority)
                .await?
                .into_iter()
                .map(|w| (w.worker_ref.clone(), w))
                .collect(),
            families: extract::families(write, authority)
                .await?
                .into_iter()
                .map(|f| (f.case_ref.clone(), f))
                .collect(),
            members: extract::members(write, authority)
                .await?
                .into_iter()
                .filter_map(|m| Some((m.person_ref.clone()?, m)))
                .collect(),
            plans: extract::plans(write, authority)
                .await?
                .into_iter()
                .collect(),
            allocations: extract::allocations(write, authority)
                .await?
                .into_iter()
                .map(|(family, role, worker)| ((family, role), worker))
                .collect(),
        })
    }
}

/// A family of the extract as it stands in Hearth, once found or opened.
pub struct InHearth<'a> {
    pub id: FamilyId,
    pub case_ref: &'a str,
    pub team: TeamId,
    pub opened_on: NaiveDate,
}

/// Matches every line and makes the changes in `write`; what each line came to.
pub async fn apply(
    write: &mut WriteTx,
    who: &Importer,
    lines: &Lines,
    given: &[Table],
) -> Result<ExtractReport, AppError> {
    let mut out = Outcomes::default();
    for table in given {
        out.file(*table);
    }
    for refused in &lines.refused {
        out.add(
            refused.table,
            refused.line,
            &refused.id,
            LineOutcome::Refused,
            refused.reason.clone(),
        );
    }
    let families = index::by_family(lines, &mut out);
    let mut known = Known::load(write, who.authority).await?;
    let episodes_given = lines.episodes.is_some();
    for (case_ref, family) in &families {
        let before = Tally::of(&out);
        let Some(found) = find_or_open(
            write,
            who,
            &mut known,
            case_ref,
            family,
            episodes_given,
            &mut out,
        )
        .await?
        else {
            continue;
        };
        people::match_people(write, who, &mut known, &found, family, &mut out).await?;
        plans::match_plans(write, who, &mut known, &found, family, &mut out).await?;
        allocations::match_workers(write, who, &mut known, &found, family, &mut out).await?;
        if episodes_given {
            close_if_closed(write, who, &mut known, &found, family, &mut out).await?;
        }
        let changed = Tally::of(&out).since(&before);
        if !changed.is_empty() {
            audit::append(
                write,
                &who.entry
                    .clone()
                    .about_family(found.id, found.team)
                    .detail(changed),
            )
            .await?;
        }
    }
    Ok(out.report())
}

/// Lines added and changed so far, to say in a family's audit entry what the extract did to it.
struct Tally(usize, usize);

impl Tally {
    fn of(out: &Outcomes) -> Tally {
        let (added, changed) = out.changes();
        Tally(added, changed)
    }

    fn since(&self, before: &Tally) -> String {
        let (added, changed) = (self.0 - before.0, self.1 - before.1);
        if added + changed == 0 {
            return String::new();
        }
        format!("from the case system's extract: {added} lines added, {changed} changed")
    }
}

/// Whether every episode of the family in the extract has closed.
fn closed_in_extract(family: &FamilyLines) -> bool {
    !family.episodes.is_empty() && family.episodes.iter().all(|e| e.closed.is_some())
}

/// The family in Hearth: the one with its case-system id, the one its people are already in
/// (opened in Hearth before the extract knew it), or a new one in the team of its social
/// worker. `None` when the family is not for Hearth, with its lines said so.
async fn find_or_open<'a>(
    write: &mut WriteTx,
    who: &Importer,
    known: &mut Known,
    case_ref: &'a str,
    family: &FamilyLines<'_>,
    episodes_given: bool,
    out: &mut Outcomes,
) -> Result<Option<InHearth<'a>>, AppError> {
    let mut found = known
        .families
        .get(case_ref)
        .map(|f| (f.id, f.team_id, f.created_at, f.closed_on.is_some()));
    if found.is_none() {
        // Opened in Hearth for a referral, with the case system's person ids: adopted.
        let in_hearth = family
            .people
            .iter()
            .find_map(|(_, p)| known.members.get(&p.id));
        if let Some(member) = in_hearth {
            if let Some(place) = extract::family(write, member.family_id).await? {
                if place.case_ref.is_none() {
                    extract::set_family_ref(write, member.family_id, case_ref).await?;
                    found = Some((
                        member.family_id,
                        place.team_id,
                        place.created_at,
                        place.closed_on.is_some(),
                    ));
                }
            }
        }
    }
    if let Some((id, team, created_at, closed)) = found {
        if closed {
            family.all(
                out,
                LineOutcome::Skipped,
                &format!("family {case_ref}'s case is closed in Hearth: reopen it there to take changes from the case system"),
            );
            return Ok(None);
        }
        let opened_on = chrono::DateTime::from_timestamp_millis(created_at)
            .map_or(who.today, |t| t.date_naive());
        return Ok(Some(InHearth {
            id,
            case_ref,
            team,
            opened_on,
        }));
    }
    if episodes_given && closed_in_extract(family) {
        family.all(
            out,
            LineOutcome::Skipped,
            &format!("family {case_ref}'s case is closed in the case system"),
        );
        return Ok(None);
    }
    let Some(team) = allocations::social_worker_now(who, known, family).and_then(|w| w.team_id)
    else {
        family.all(
            out,
            LineOutcome::Skipped,
            &format!("no social worker with a Hearth account holds family {case_ref} now"),
        );
        return Ok(None);
    };
    let id = FamilyId::new();
    if claim(write, RecordRef::Family(id), team.0).await? != Claim::Free {
        return Err(AppError::Internal);
    }
    store::families::insert_family(write, id, team, &household_name(family), who.now).await?;
    extract::set_family_ref(write, id, case_ref).await?;
    known.families.insert(
        case_ref.to_string(),
        KnownFamily {
            id,
            case_ref: case_ref.to_string(),
            team_id: team,
            created_at: who.now,
            closed_on: None,
        },
    );
    Ok(Some(InHearth {
        id,
        case_ref,
        team,
        opened_on: who.today,
    }))
}

/// What Hearth calls a household: the family name of its eldest person.
fn household_name(family: &FamilyLines) -> String {
    family
        .people
        .iter()
        .map(|(_, p)| p)
        .min_by_key(|p| p.date_of_birth.unwrap_or(NaiveDate::MAX))
        .map_or_else(String::new, |p| p.family_name.clone())
}

/// Closes the family's case when every episode of it has closed in the case system, on the day
/// and for the reason of the last to close; its allocations end, as when a worker closes it.
async fn close_if_closed(
    write: &mut WriteTx,
    who: &Importer,
    known: &mut Known,
    found: &InHearth<'_>,
    family: &FamilyLines<'_>,
    out: &mut Outcomes,
) -> Result<(), AppError> {
    let last = family
        .episodes
        .iter()
        .filter_map(|e| e.closed.map(|(on, reason)| (on, e.line, reason, *e)))
        .max_by_key(|(on, line, ..)| (*on, *line));
    let closing = closed_in_extract(family);
    for episode in &family.episodes {
        let (outcome, words) = match (closing, last) {
            (true, Some((on, line, reason, _))) if line == episode.line => {
                if on < found.opened_on {
                    (
                        LineOutcome::Refused,
                        format!(
                            "it closes family {}'s case on {}, before the family was opened in Hearth on {}",
                            found.case_ref,
                            long_date(on),
                            long_date(found.opened_on)
                        ),
                    )
                } else {
                    store::case_closures::close(
                        write,
                        found.id,
                        &Closed { on, reason },
                        who.actor,
                        who.now,
                    )
                    .await?;
                    for role in StaffRole::ALLOCATED {
                        store::allocations::replace(
                            write,
                            found.id,
                            role,
                            None,
                            Some(who.actor),
                            who.now,
                        )
                        .await?;
                        known.allocations.remove(&(found.id, role));
                    }
                    (
                        LineOutcome::Changed,
                        format!(
                            "closes family {}'s case on {} ({})",
                            found.case_ref,
                            long_date(on),
                            reason.code()
                        ),
                    )
                }
            }
            _ if episode.closed.is_some() => (LineOutcome::Unchanged, "closed".to_string()),
            _ => (LineOutcome::Unchanged, "open".to_string()),
        };
        out.add(
            Table::CinEpisodes,
            episode.line,
            &episode.id,
            outcome,
            words,
        );
    }
    Ok(())
}

/// An audit entry for an import made without a signed-in caller: the command line's.
pub fn command_line_entry(actor: AccountId, action: crate::domain::audit::AuditAction) -> NewEntry {
    NewEntry {
        actor_id: Some(actor),
        actor_name: StaffRole::Administrator.label().to_string(),
        action,
        record_kind: RecordKind::Extract,
        record: None,
        family_id: None,
        team_id: None,
        outcome: crate::domain::audit::Outcome::Allowed,
        detail: String::new(),
        origin: "the command line (hearth import)".to_string(),
        flagged: false,
    }
}
