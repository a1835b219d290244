//! Reading workbook forms: the same rules in the browser and on the server. A visit needs only
//! its date (today, already filled in) and what happened; everything else helps but can wait.

use super::family::MemberKind;
use super::fields::{parse_date, parse_score, parse_text};
use super::ids::{AccountId, MemberId};
use super::role::StaffRole;
use super::workbook::{EntryKind, Person};
use crate::error::{check, FieldErrors};
use chrono::{Duration, NaiveDate};

/// Long enough for the fullest visit note; stated in the error if ever reached.
pub const MAX_SUMMARY: usize = 20_000;
pub const MAX_SHORT: usize = 200;
pub const MAX_NOTES: usize = 10_000;
/// Rows of actions a supervision form offers (empty rows are ignored).
pub const ACTION_ROWS: usize = 4;

form! {
    /// A workbook entry: a visit, session, contact or monthly summary.
    EntryForm {
        version,
        kind,
        occurred_on,
        summary,
    }
    optional {
        others,
        place,
        child_seen_alone,
        significant,
    }
    lists { people, }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryInput {
    pub version: i64,
    pub kind: EntryKind,
    pub occurred_on: NaiveDate,
    pub people: Vec<MemberId>,
    pub others: String,
    pub place: String,
    pub child_seen_alone: Option<bool>,
    pub summary: String,
    pub significant: bool,
}

pub fn parse_entry(
    form: &EntryForm,
    people: &[Person],
    today: NaiveDate,
) -> Result<EntryInput, FieldErrors> {
    let mut errors = form.typed();
    let version = match form.version.trim() {
        "" => Some(0),
        v => check(
            &mut errors,
            "version",
            v.parse::<i64>()
                .map_err(|_| "Reload the page and try again".to_string()),
        ),
    };
    let kind = check(
        &mut errors,
        "kind",
        EntryKind::from_code(&form.kind)
            .ok_or_else(|| "Choose what kind of record this is".to_string()),
    );
    let occurred_on = check(
        &mut errors,
        "occurred_on",
        parse_date(
            &form.occurred_on,
            "the date",
            today - Duration::days(365 * 2),
            today,
        ),
    );
    let mut chosen = Vec::new();
    for text in &form.people {
        match MemberId::parse(text).filter(|id| people.iter().any(|p| p.id == *id)) {
            Some(id) if !chosen.contains(&id) => chosen.push(id),
            Some(_) => {}
            None => {
                errors.add("people", "Choose people in this family");
                break;
            }
        }
    }
    let others = check(
        &mut errors,
        "others",
        parse_text(&form.others, "who else was there", MAX_SHORT, false),
    );
    let place = check(
        &mut errors,
        "place",
        parse_text(&form.place, "the place", MAX_SHORT, false),
    );
    let child_seen_alone = match form.child_seen_alone.trim() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let what = if kind == Some(EntryKind::MonthlySummary) {
        "the monthly summary"
    } else {
        "what happened"
    };
    let summary = check(
        &mut errors,
        "summary",
        parse_text(&form.summary, what, MAX_SUMMARY, true),
    );
    let significant = matches!(form.significant.trim(), "true" | "on" | "yes");
    match (version, kind, occurred_on, others, place, summary) {
        (
            Some(version),
            Some(kind),
            Some(occurred_on),
            Some(others),
            Some(place),
            Some(summary),
        ) if errors.is_empty() => {
            let visit = kind == EntryKind::Visit;
            Ok(EntryInput {
                version,
                kind,
                occurred_on,
                people: chosen,
                others,
                place: if visit { place } else { String::new() },
                child_seen_alone: if visit { child_seen_alone } else { None },
                summary,
                significant,
            })
        }
        _ => Err(errors),
    }
}

/// The errors the browser shows before sending an entry.
pub fn errors_of_entry(form: &EntryForm, people: &[Person], today: NaiveDate) -> FieldErrors {
    let mut errors = parse_entry(form, people, today).err().unwrap_or_default();
    // Only errors are shown from here; the typed values are still in the form.
    errors.values.clear();
    errors
}

form! {
    /// A group supervision: what the team thought, scaled and decided, and up to
    /// [`ACTION_ROWS`] actions (posted as parallel lists, one cell per row).
    SupervisionForm {
        held_on,
        risk,
        progress,
        decisions,
    }
    optional {
        hypotheses,
        reflections,
        working_well,
        worried_about,
        needs_to_happen,
        next_on,
    }
    lists {
        attendees,
        action_what,
        action_owner,
        action_due,
    }
}

impl SupervisionForm {
    /// Row `i` of the actions, trimmed: what, owner, due.
    fn action(&self, i: usize) -> [&str; 3] {
        [&self.action_what, &self.action_owner, &self.action_due]
            .map(|list| list.get(i).map(String::as_str).unwrap_or("").trim())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionInput {
    pub what: String,
    pub owner: AccountId,
    pub due_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupervisionInput {
    pub held_on: NaiveDate,
    pub attendees: Vec<StaffRole>,
    pub hypotheses: String,
    pub reflections: String,
    pub working_well: String,
    pub worried_about: String,
    pub needs_to_happen: String,
    pub risk: u8,
    pub progress: u8,
    pub decisions: String,
    pub actions: Vec<ActionInput>,
    pub next_on: Option<NaiveDate>,
}

/// `owners`: the accounts an action may be given to (the family's allocated workers).
pub fn parse_supervision(
    form: &SupervisionForm,
    owners: &[AccountId],
    today: NaiveDate,
) -> Result<SupervisionInput, FieldErrors> {
    let mut errors = form.typed();
    // Each action cell is given back under its own name, so a row keeps what was typed in it.
    for i in 0..ACTION_ROWS {
        let [what, owner, due] = form.action(i);
        errors.keep(&format!("action_what_{i}"), what);
        errors.keep(&format!("action_owner_{i}"), owner);
        errors.keep(&format!("action_due_{i}"), due);
    }
    let held_on = check(
        &mut errors,
        "held_on",
        parse_date(
            &form.held_on,
            "the date it was held",
            today - Duration::days(365),
            today,
        ),
    );
    let attendees: Vec<StaffRole> = form
        .attendees
        .iter()
        .filter_map(|c| StaffRole::from_code(c))
        .collect();
    if attendees.is_empty() {
        errors.add("attendees", "Choose who was there");
    }
    let hypotheses = check(
        &mut errors,
        "hypotheses",
        parse_text(&form.hypotheses, "the hypotheses", MAX_NOTES, false),
    );
    let reflections = check(
        &mut errors,
        "reflections",
        parse_text(&form.reflections, "the reflections", MAX_NOTES, false),
    );
    let working_well = check(
        &mut errors,
        "working_well",
        parse_text(&form.working_well, "what is working well", MAX_NOTES, false),
    );
    let worried_about = check(
        &mut errors,
        "worried_about",
        parse_text(
            &form.worried_about,
            "what we are worried about",
            MAX_NOTES,
            false,
        ),
    );
    let needs_to_happen = check(
        &mut errors,
        "needs_to_happen",
        parse_text(
            &form.needs_to_happen,
            "what needs to happen",
            MAX_NOTES,
            false,
        ),
    );
    let risk = check(&mut errors, "risk", parse_score(&form.risk));
    let progress = check(&mut errors, "progress", parse_score(&form.progress));
    let decisions = check(
        &mut errors,
        "decisions",
        parse_text(&form.decisions, "the decisions", MAX_NOTES, true),
    );
    let mut actions = Vec::new();
    for i in 0..ACTION_ROWS {
        let [what, owner, due] = form.action(i);
        if what.is_empty() && owner.is_empty() && due.is_empty() {
            continue;
        }
        let what = check(
            &mut errors,
            &format!("action_what_{i}"),
            parse_text(what, "the action", MAX_SHORT, true),
        );
        let owner = check(
            &mut errors,
            &format!("action_owner_{i}"),
            AccountId::parse(owner)
                .filter(|o| owners.contains(o))
                .ok_or_else(|| "Choose who will do this action".to_string()),
        );
        let due_on = check(
            &mut errors,
            &format!("action_due_{i}"),
            parse_date(
                due,
                "the date it is due",
                today - Duration::days(30),
                today + Duration::days(365),
            ),
        );
        if let (Some(what), Some(owner), Some(due_on)) = (what, owner, due_on) {
            actions.push(ActionInput {
                what,
                owner,
                due_on,
            });
        }
    }
    let next_on = match form.next_on.trim() {
        "" => Some(None),
        text => check(
            &mut errors,
            "next_on",
            parse_date(text, "the next date", today, today + Duration::days(365)).map(Some),
        ),
    };
    match (
        held_on,
        hypotheses,
        reflections,
        risk,
        progress,
        decisions,
        next_on,
    ) {
        (
            Some(held_on),
            Some(hypotheses),
            Some(reflections),
            Some(risk),
            Some(progress),
            Some(decisions),
            Some(next_on),
        ) if errors.is_empty() => Ok(SupervisionInput {
            held_on,
            attendees,
            hypotheses,
            reflections,
            working_well: working_well.unwrap_or_default(),
            worried_about: worried_about.unwrap_or_default(),
            needs_to_happen: needs_to_happen.unwrap_or_default(),
            risk,
            progress,
            decisions,
            actions,
            next_on,
        }),
        _ => Err(errors),
    }
}

pub struct ScheduleInput {
    pub initial_conference_on: Option<NaiveDate>,
    pub visit_every_working_days: u32,
}

pub fn parse_schedule(
    initial: &str,
    every: &str,
    today: NaiveDate,
) -> Result<ScheduleInput, FieldErrors> {
    let mut errors = FieldErrors::default();
    errors.keep("initial_conference_on", initial);
    errors.keep("visit_every", every);
    let initial_conference_on = match initial.trim() {
        "" => Some(None),
        text => check(
            &mut errors,
            "initial_conference_on",
            parse_date(
                text,
                "the date of the initial conference",
                today - Duration::days(365 * 3),
                today + Duration::days(60),
            )
            .map(Some),
        ),
    };
    let every = check(
        &mut errors,
        "visit_every",
        every
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=60).contains(n))
            .ok_or_else(|| "Enter a number of working days from 1 to 60".to_string()),
    );
    match (initial_conference_on, every) {
        (Some(initial_conference_on), Some(visit_every_working_days)) => Ok(ScheduleInput {
            initial_conference_on,
            visit_every_working_days,
        }),
        _ => Err(errors),
    }
}

/// Children of the family, for the chronology's filter.
pub fn children(people: &[Person]) -> Vec<Person> {
    people
        .iter()
        .filter(|p| p.kind == MemberKind::Child)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn entry_form(kind: &str, summary: &str, people: &[String]) -> EntryForm {
        EntryForm {
            version: "".into(),
            kind: kind.into(),
            occurred_on: "2026-11-23".into(),
            people: people.to_vec(),
            others: "".into(),
            place: "Family home".into(),
            child_seen_alone: "yes".into(),
            summary: summary.into(),
            significant: "true".into(),
        }
    }

    #[test]
    fn a_visit_needs_only_its_date_and_what_happened() {
        let entry = parse_entry(
            &entry_form("visit", "Lily showed me her room.", &[]),
            &[],
            today(),
        );
        let entry = entry.map(|e| (e.kind, e.child_seen_alone, e.significant, e.place));
        assert_eq!(
            entry,
            Ok((
                EntryKind::Visit,
                Some(true),
                true,
                "Family home".to_string()
            ))
        );
        let session = parse_entry(&entry_form("session", "Talked.", &[]), &[], today());
        assert_eq!(
            session.map(|e| (e.place, e.child_seen_alone)),
            Ok((String::new(), None))
        );
    }

    #[test]
    fn long_text_is_refused_with_the_limit_stated_and_kept_whole() {
        let long = "a".repeat(MAX_SUMMARY + 1);
        let errors = parse_entry(&entry_form("visit", &long, &[]), &[], today())
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors.for_field("summary"),
            Some("What happened must be 20000 characters or fewer (it has 20001)")
        );
        assert_eq!(errors.value("summary").map(str::len), Some(MAX_SUMMARY + 1));
    }

    #[test]
    fn strangers_and_future_dates_are_refused() {
        let stranger = [MemberId::new().to_string()];
        let mut form = entry_form("visit", "x", &stranger);
        form.occurred_on = "2026-11-24".into();
        let errors = parse_entry(&form, &[], today()).err().unwrap_or_default();
        assert!(errors.for_field("people").is_some());
        assert!(errors.for_field("occurred_on").is_some());
    }

    #[test]
    fn supervision_actions_skip_empty_rows_and_check_filled_ones() {
        let owner = AccountId::new();
        let form = SupervisionForm {
            held_on: "2026-11-20".into(),
            attendees: vec!["social_worker".into()],
            risk: "6".into(),
            progress: "4".into(),
            decisions: "Keep going".into(),
            action_what: vec![
                "Book the core group".into(),
                String::new(),
                "Ring school".into(),
            ],
            action_owner: vec![owner.to_string(), String::new(), String::new()],
            action_due: vec!["2026-12-01".into(), String::new(), "2026-12-02".into()],
            ..SupervisionForm::default()
        };
        let errors = parse_supervision(&form, &[owner], today())
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors
                .errors
                .iter()
                .map(|e| e.field.as_str())
                .collect::<Vec<_>>(),
            ["action_owner_2"]
        );
        let ok = parse_supervision(
            &SupervisionForm {
                action_owner: vec![owner.to_string(), String::new(), owner.to_string()],
                ..form
            },
            &[owner],
            today(),
        );
        assert_eq!(ok.map(|s| s.actions.len()), Ok(2));
    }

    #[test]
    fn visit_frequency_is_a_sane_number_of_working_days() {
        assert!(parse_schedule("", "10", today()).is_ok());
        assert!(parse_schedule("", "0", today()).is_err());
        assert!(parse_schedule("", "ten", today()).is_err());
        assert!(parse_schedule("1990-01-01", "10", today()).is_err());
    }
}
