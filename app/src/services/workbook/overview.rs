//! The whole picture: the integrated assessment of one family, a worker's week, a manager's team.

use super::*;
use crate::domain::paging::Paging;
use crate::store::families::{FamilySet, FamilyTeam};

pub async fn assessment(caller: &Caller, family: FamilyId) -> Result<Assessment, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewAssessment,
        RecordKind::Assessment,
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    let goals = scope.goals(caller).await?;
    audit::record(&caller.state.db, &entry).await?;
    let summaries = scope
        .family
        .allocations
        .iter()
        .map(|a| {
            let latest = facts
                .entries
                .iter()
                .rev()
                .find(|e| e.chapter == a.role && e.kind == EntryKind::MonthlySummary)
                .cloned();
            (a.role, a.worker_name.clone(), latest)
        })
        .collect();
    let mut scales: Vec<(NaiveDate, u8, u8)> = facts
        .supervisions
        .iter()
        .map(|s| (s.held_on, s.risk, s.progress))
        .collect();
    scales.reverse();
    Ok(Assessment {
        family_id: family,
        family_name: scope.family.name.clone(),
        summaries,
        latest_supervision: facts.supervisions.first().cloned(),
        scales,
        trio: scope.family.trio.clone(),
        goals,
    })
}

/// What is due and overdue for the viewer across their families, soonest first. The families'
/// facts come in a few statements for all of them (`store::due_facts`), not one family at a time.
pub async fn my_week(caller: &Caller) -> Result<crate::page_data::workbook::Week, AppError> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(AuditAction::ViewWeek, RecordKind::Week);
    authorize(caller, Action::ViewCaseload, Target::Own, entry.clone()).await?;
    let ViewerKind::Staff { role, .. } = viewer.kind else {
        return Err(AppError::Forbidden);
    };
    let authority = viewer.authority_id().ok_or(AppError::Forbidden)?;
    let db = &caller.state.db;
    // Independent reads, sent together.
    let (families, mut latest, actions) = tokio::try_join!(
        store::families::allocated_to(db, viewer.account_id),
        store::due_facts::due_facts(db, FamilySet::AllocatedTo(viewer.account_id)),
        store::workbook::open_actions_of(db, viewer.account_id),
    )?;
    let today = today();
    let mut items = Vec::new();
    for family in families {
        // Allocated families are in the worker's own council, as every allocation is.
        let place = FamilyTeam {
            team: family.team_id,
            authority,
        };
        let scope = PlanScope::from_family(family, place, crate::domain::access::Decision::Allow);
        let (facts, schedule) = due_facts_of(&scope, &mut latest);
        for (owner_role, item) in due_from(&scope, &facts, &schedule, today) {
            // Supervision actions are listed below, from the owner's side.
            if owner_role == Some(role) {
                items.push(item);
            }
        }
    }
    // Supervision actions are the owner's wherever the family is, while its case is open.
    for (family, family_name, action) in actions {
        items.push(DueItem {
            family_id: family,
            family_name,
            urgency: urgency(action.due_on, today),
            when: describe(action.due_on, today),
            due: Due {
                kind: DueKind::SupervisionAction,
                due_on: action.due_on,
                what: action.what.clone(),
            },
            action: Some(action.id),
        });
    }
    items.sort_by_key(|i| i.due.due_on);
    audit::record(db, &entry.detail(format!("{} items", items.len()))).await?;
    Ok(crate::page_data::workbook::Week { items, today })
}

/// A manager's view of the team, a page of families at a time: each family's last visit and
/// supervision, what is overdue, the cohort check. Read in a fixed number of statements for the
/// page (`store::due_facts`), whatever the team's size.
pub async fn team_dashboard(
    caller: &Caller,
    page: Option<u32>,
) -> Result<crate::page_data::workbook::Dashboard, AppError> {
    let (team, place, entry) = manager_team(caller, AuditAction::ViewTeamDashboard).await?;
    let db = &caller.state.db;
    let today = today();
    let paging = Paging::of(page, store::families::count_open(db, team, None).await?);
    let set = FamilySet::TeamPage(team, paging.into());
    // The reads and the view's audit entry are independent: the page waits for the slowest.
    // It is served only when all have succeeded, so nothing is shown unrecorded.
    let (families, mut latest, openings_overdue, team_row, ()) = tokio::try_join!(
        async { Ok::<_, AppError>(store::families::of_set(db, set).await?) },
        async { Ok::<_, AppError>(store::due_facts::due_facts(db, set).await?) },
        crate::services::openings::overdue(db, team, today),
        async { Ok::<_, AppError>(store::teams::find(db, team).await?) },
        async {
            let detail = format!("page {} of {}", paging.number, paging.pages);
            Ok::<_, AppError>(audit::record(db, &entry.detail(detail)).await?)
        },
    )?;
    let mut rows = Vec::new();
    for family in families {
        let cohort = crate::services::family::cohort(&family, today).meets;
        let scope = PlanScope::from_family(family, place, crate::domain::access::Decision::Allow);
        let (facts, schedule) = due_facts_of(&scope, &mut latest);
        let overdue = due_from(&scope, &facts, &schedule, today)
            .iter()
            .filter(|(_, d)| d.urgency == crate::domain::due::Urgency::Overdue)
            .count();
        rows.push(crate::page_data::workbook::DashboardRow {
            family_id: scope.family.id,
            family_name: scope.family.name.clone(),
            social_worker: scope
                .family
                .allocations
                .iter()
                .find(|a| a.role == StaffRole::SocialWorker)
                .map(|a| a.worker_name.clone()),
            last_visit: facts.last_visit.values().max().copied(),
            last_supervision: facts.last_supervision,
            overdue,
            cohort_met: cohort,
        });
    }
    Ok(crate::page_data::workbook::Dashboard {
        team_name: team_row.map(|(_, name)| name).unwrap_or_default(),
        rows,
        paging,
        openings_overdue,
        today,
    })
}

/// Each worker's load across the whole team: their families and what is overdue in them, most
/// overdue first. Every open family is read (in a fixed number of statements), so it is a page
/// of its own rather than part of the dashboard.
pub async fn team_workers(
    caller: &Caller,
) -> Result<crate::page_data::workbook::TeamWorkers, AppError> {
    let (team, place, entry) = manager_team(caller, AuditAction::ViewTeamWorkers).await?;
    let db = &caller.state.db;
    let today = today();
    let families = store::families::for_team(db, team).await?;
    let mut latest = store::due_facts::due_facts(db, FamilySet::Team(team)).await?;
    let team_name = families
        .first()
        .map(|f| f.team_name.clone())
        .unwrap_or_default();
    // Keyed by account: two workers may share a name.
    let mut load: std::collections::HashMap<
        crate::domain::ids::AccountId,
        crate::page_data::workbook::WorkerLoad,
    > = std::collections::HashMap::new();
    for family in families {
        let scope = PlanScope::from_family(family, place, crate::domain::access::Decision::Allow);
        let (facts, schedule) = due_facts_of(&scope, &mut latest);
        let due = due_from(&scope, &facts, &schedule, today);
        for allocation in &scope.family.allocations {
            let theirs = due
                .iter()
                .filter(|(role, d)| {
                    *role == Some(allocation.role)
                        && d.urgency == crate::domain::due::Urgency::Overdue
                })
                .count();
            let worker = load.entry(allocation.worker_id).or_insert_with(|| {
                crate::page_data::workbook::WorkerLoad {
                    name: allocation.worker_name.clone(),
                    role: allocation.role,
                    families: 0,
                    overdue: 0,
                }
            });
            worker.families += 1;
            worker.overdue += theirs;
        }
    }
    let mut workers: Vec<_> = load.into_values().collect();
    workers.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.name.cmp(&b.name)));
    audit::record(db, &entry.detail(format!("{} workers", workers.len()))).await?;
    Ok(crate::page_data::workbook::TeamWorkers { team_name, workers })
}

/// The manager's team and its place for the access policy, once the policy allows `action`'s
/// page; the entry to record.
async fn manager_team(
    caller: &Caller,
    action: AuditAction,
) -> Result<
    (
        crate::domain::ids::TeamId,
        FamilyTeam,
        crate::store::audit::NewEntry,
    ),
    AppError,
> {
    let viewer = caller.viewer()?;
    let entry = caller.entry(action, RecordKind::Team);
    let target = viewer.team_id().map_or(Target::Own, Target::Team);
    authorize(caller, Action::ViewTeamDashboard, target, entry.clone()).await?;
    let team = viewer.team_id().ok_or(AppError::Forbidden)?;
    let authority = viewer.authority_id().ok_or(AppError::Forbidden)?;
    Ok((team, FamilyTeam { team, authority }, entry))
}

/// One family's facts, taken from a set read for many at once, and the schedule they imply.
fn due_facts_of(
    scope: &PlanScope,
    latest: &mut std::collections::HashMap<crate::domain::ids::FamilyId, DueFacts>,
) -> (DueFacts, crate::domain::workbook::Schedule) {
    let facts = latest.remove(&scope.family.id).unwrap_or_default();
    let schedule = schedule_of(
        scope,
        facts.schedule.clone(),
        facts.last_core_group_on,
        facts.last_review_on,
    );
    (facts, schedule)
}
