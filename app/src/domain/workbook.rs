//! The team workbook (DOMAIN.md §3): per family, a period at a time, one chapter per allocated
//! role; sessions, contacts, visits and a monthly summary; significant entries form the
//! chronology.

use super::family::MemberKind;
use super::ids::{AccountId, EntryId, MemberId, SupervisionId};
use super::role::StaffRole;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// What kind of record an entry is.
    EntryKind {
        Visit => "visit", "Visit";
        Session => "session", "Session";
        Contact => "contact", "Contact";
        MonthlySummary => "monthly_summary", "Monthly summary";
    }
);

/// A person of the family, as workbook forms offer them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: MemberId,
    pub name: String,
    pub kind: MemberKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: EntryId,
    /// The chapter: the role whose worker writes it.
    pub chapter: StaffRole,
    pub kind: EntryKind,
    pub occurred_on: NaiveDate,
    /// Family members there (for a visit: who was seen).
    pub people: Vec<MemberId>,
    /// Anyone else there, in words ("health visitor").
    pub others: String,
    /// Visits only.
    pub place: String,
    /// Visits only: whether the child (children) were seen on their own.
    pub child_seen_alone: Option<bool>,
    pub summary: String,
    pub significant: bool,
    pub author_name: String,
    pub version: i64,
    /// 1 for the first period; a new period starts with each group supervision.
    pub period: u32,
}

/// The period an entry dated `on` belongs to, given the dates supervisions were held: period 1
/// runs until the first supervision, which starts period 2, and so on.
pub fn period_of(on: NaiveDate, supervisions: &[NaiveDate]) -> u32 {
    1 + supervisions.iter().filter(|held| **held <= on).count() as u32
}

/// The dates the family's plan runs by, and how often it must be visited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub plan_started_on: NaiveDate,
    pub initial_conference_on: Option<NaiveDate>,
    pub visit_every_working_days: u32,
    pub last_core_group_on: Option<NaiveDate>,
    pub last_review_on: Option<NaiveDate>,
}

/// One significant entry in the chronology.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChronologyRow {
    pub entry_id: EntryId,
    pub occurred_on: NaiveDate,
    pub chapter: StaffRole,
    pub kind: EntryKind,
    pub people: Vec<String>,
    pub summary: String,
    pub author_name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChronologyFilter {
    pub child: Option<MemberId>,
    pub chapter: Option<StaffRole>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl ChronologyFilter {
    /// Reads the filter form; anything unreadable is left out rather than refused.
    pub fn parse(child: &str, chapter: &str, from: &str, to: &str) -> ChronologyFilter {
        let date = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
        ChronologyFilter {
            child: MemberId::parse(child),
            chapter: StaffRole::from_code(chapter.trim()),
            from: date(from),
            to: date(to),
        }
    }

    pub fn keeps(&self, entry: &Entry) -> bool {
        self.child.is_none_or(|c| entry.people.contains(&c))
            && self.chapter.is_none_or(|c| entry.chapter == c)
            && self.from.is_none_or(|f| entry.occurred_on >= f)
            && self.to.is_none_or(|t| entry.occurred_on <= t)
    }

    /// The filter as a query string, for the CSV link.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = self.child {
            parts.push(format!("child={c}"));
        }
        if let Some(c) = self.chapter {
            parts.push(format!("chapter={}", c.code()));
        }
        if let Some(f) = self.from {
            parts.push(format!("from={f}"));
        }
        if let Some(t) = self.to {
            parts.push(format!("to={t}"));
        }
        parts.join("&")
    }
}

/// The chronology as CSV (RFC 4180): a court bundle or a review takes it as it is.
pub fn chronology_csv(rows: &[ChronologyRow]) -> String {
    let mut out = String::from("Date,Chapter,Kind,People,Summary,Recorded by\r\n");
    for row in rows {
        let fields = [
            row.occurred_on.format("%Y-%m-%d").to_string(),
            row.chapter.label().to_string(),
            row.kind.label().to_string(),
            row.people.join("; "),
            row.summary.clone(),
            row.author_name.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a field when it needs it, and defuses spreadsheet formulas (a cell starting with
/// `=`, `+`, `-` or `@` would run in Excel).
fn csv_field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// A group supervision of one family.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    pub id: SupervisionId,
    pub held_on: NaiveDate,
    pub attendees: Vec<StaffRole>,
    pub hypotheses: String,
    pub reflections: String,
    pub working_well: String,
    pub worried_about: String,
    pub needs_to_happen: String,
    /// The team's 0–10 scale of risk (10: most worried) and of progress (10: goals reached).
    pub risk: u8,
    pub progress: u8,
    pub decisions: String,
    pub actions: Vec<SupervisionAction>,
    pub next_on: Option<NaiveDate>,
    pub recorded_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisionAction {
    pub id: super::ids::ActionId,
    pub what: String,
    pub owner: AccountId,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub done: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
    }

    #[test]
    fn a_supervision_starts_a_new_period_on_its_day() {
        let held = [d(3, 10), d(4, 14)];
        assert_eq!(period_of(d(3, 9), &held), 1);
        assert_eq!(period_of(d(3, 10), &held), 2);
        assert_eq!(period_of(d(5, 1), &held), 3);
        assert_eq!(period_of(d(1, 1), &[]), 1);
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        let row = ChronologyRow {
            entry_id: EntryId::new(),
            occurred_on: d(2, 3),
            chapter: StaffRole::SocialWorker,
            kind: EntryKind::Visit,
            people: vec!["Kelly Ashworth".into(), "Lily Ashworth".into()],
            summary: "Said \"fine\", then cried.\nSeen alone.".into(),
            author_name: "=cmd".into(),
        };
        assert_eq!(
            chronology_csv(&[row]),
            "Date,Chapter,Kind,People,Summary,Recorded by\r\n2026-02-03,Social worker,Visit,Kelly Ashworth; Lily Ashworth,\"Said \"\"fine\"\", then cried.\nSeen alone.\",'=cmd\r\n"
        );
    }

    #[test]
    fn the_filter_keeps_what_matches_and_reads_back_as_a_query() {
        let child = MemberId::new();
        let filter = ChronologyFilter::parse(
            &child.to_string(),
            "social_worker",
            "2026-02-01",
            "nonsense",
        );
        assert_eq!(filter.to, None);
        assert_eq!(
            filter.query(),
            format!("child={child}&chapter=social_worker&from=2026-02-01")
        );
        let entry = Entry {
            id: EntryId::new(),
            chapter: StaffRole::SocialWorker,
            kind: EntryKind::Visit,
            occurred_on: d(2, 3),
            people: vec![child],
            others: String::new(),
            place: "Home".into(),
            child_seen_alone: Some(true),
            summary: "Seen".into(),
            significant: true,
            author_name: "Sam".into(),
            version: 1,
            period: 1,
        };
        assert!(filter.keeps(&entry));
        assert!(!ChronologyFilter {
            chapter: Some(StaffRole::RecoveryWorker),
            ..filter.clone()
        }
        .keeps(&entry));
        assert!(!ChronologyFilter {
            from: Some(d(2, 4)),
            ..filter
        }
        .keeps(&entry));
    }
}
