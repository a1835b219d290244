//! The chronology: significant entries, filtered, on a page or as CSV.

use super::*;

fn chronology_rows(
    scope: &PlanScope,
    facts: &Facts,
    filter: &ChronologyFilter,
) -> Vec<ChronologyRow> {
    facts
        .entries
        .iter()
        .rev()
        .filter(|e| e.significant && filter.keeps(e))
        .map(|e| ChronologyRow {
            entry_id: e.id,
            occurred_on: e.occurred_on,
            chapter: e.chapter,
            kind: e.kind,
            people: e.people.iter().map(|m| scope.member_name(*m)).collect(),
            summary: e.summary.clone(),
            author_name: e.author_name.clone(),
        })
        .collect()
}

pub async fn chronology(
    caller: &Caller,
    family: FamilyId,
    filter: ChronologyFilter,
) -> Result<Chronology, AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ViewChronology,
        RecordKind::Chronology,
    )
    .await?;
    let facts = facts(caller, &scope).await?;
    audit::record(&caller.state.db, &entry.detail(filter.query())).await?;
    let people = people(&scope);
    Ok(Chronology {
        family_id: family,
        family_name: scope.family.name.clone(),
        rows: chronology_rows(&scope, &facts, &filter),
        filter,
        children: children(&people),
        chapters: scope.family.allocations.iter().map(|a| a.role).collect(),
    })
}

/// The chronology as CSV, with the file name to offer.
pub async fn chronology_export(
    caller: &Caller,
    family: FamilyId,
    filter: ChronologyFilter,
) -> Result<(String, String), AppError> {
    let (scope, entry) = PlanScope::open(
        caller,
        family,
        Action::ViewFamily,
        AuditAction::ExportChronology,
        RecordKind::Chronology,
    )
    .await?;
    // A file leaves Hearth with the family's whole history: the password is asked for again.
    caller.require_recent_confirmation()?;
    let facts = facts(caller, &scope).await?;
    let rows = chronology_rows(&scope, &facts, &filter);
    audit::record(
        &caller.state.db,
        &entry.detail(format!("{} rows {}", rows.len(), filter.query())),
    )
    .await?;
    let name = format!(
        "chronology-{}-{}.csv",
        scope.family.name.to_lowercase(),
        today()
    );
    Ok((name, chronology_csv(&rows)))
}
