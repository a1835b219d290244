//! What is due (DOMAIN.md §3, "Meetings and due dates"), worked out from the facts: visits in
//! working days, core groups and review conferences in calendar time (statutory limits are
//! calendar limits, so a date that falls at a weekend is not moved), monthly summaries by the
//! month's last working day, and supervision actions by their own dates.

use super::plain_words::family_date;
use super::working_days::{add_working_days, last_working_day_of_month, working_days_between};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueKind {
    Visit,
    CoreGroup,
    ReviewConference,
    MonthlySummary,
    SupervisionAction,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Urgency {
    Overdue,
    DueToday,
    /// Within five working days.
    DueSoon,
    Later,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    pub kind: DueKind,
    pub due_on: NaiveDate,
    /// "Statutory visit", "Core group meeting", …
    pub what: String,
}

pub const DEFAULT_VISIT_WORKING_DAYS: u32 = 10;
const SOON_WORKING_DAYS: i64 = 5;

pub fn urgency(due_on: NaiveDate, today: NaiveDate) -> Urgency {
    if due_on < today {
        Urgency::Overdue
    } else if due_on == today {
        Urgency::DueToday
    } else if working_days_between(today, due_on) <= SOON_WORKING_DAYS {
        Urgency::DueSoon
    } else {
        Urgency::Later
    }
}

/// The next statutory visit: `every` working days after the last one, or after the plan started.
pub fn next_visit(last_visit: Option<NaiveDate>, plan_start: NaiveDate, every: u32) -> NaiveDate {
    add_working_days(last_visit.unwrap_or(plan_start), every)
}

/// The first core group within 10 working days of the initial conference, then at least every
/// six weeks after the last one held.
pub fn next_core_group(
    initial_conference: NaiveDate,
    last_core_group: Option<NaiveDate>,
) -> NaiveDate {
    match last_core_group {
        Some(last) if last >= initial_conference => last + Duration::days(42),
        _ => add_working_days(initial_conference, 10),
    }
}

/// The first review conference within three months of the initial conference, then at most
/// every six months after the last review.
pub fn next_review_conference(
    initial_conference: NaiveDate,
    last_review: Option<NaiveDate>,
) -> NaiveDate {
    match last_review {
        Some(last) if last >= initial_conference => add_months(last, 6),
        _ => add_months(initial_conference, 3),
    }
}

/// This month's summary is due on its last working day; `None` when one was written this month.
pub fn monthly_summary_due(last_summary: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
    let written_this_month = last_summary
        .is_some_and(|last| last.year() == today.year() && last.month() == today.month());
    (!written_this_month).then(|| last_working_day_of_month(today))
}

/// Calendar months later, the day clamped to the month's end (31 Aug + 6 months = 28/29 Feb).
fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    let total = date.month0() + months;
    let year = date.year() + (total / 12) as i32;
    let month = total % 12 + 1;
    (0..4)
        .filter_map(|back| NaiveDate::from_ymd_opt(year, month, date.day() - back))
        .next()
        .unwrap_or(date)
}

/// "3 working days overdue", "due today", "due in 2 working days", "due Tuesday 3 March".
pub fn describe(due_on: NaiveDate, today: NaiveDate) -> String {
    let plural = |n: i64| {
        if n == 1 {
            "working day"
        } else {
            "working days"
        }
    };
    if due_on < today {
        let late = working_days_between(due_on, today);
        if late == 0 {
            "overdue".into()
        } else {
            format!("{late} {} overdue", plural(late))
        }
    } else if due_on == today {
        "due today".into()
    } else {
        let ahead = working_days_between(today, due_on);
        if ahead <= SOON_WORKING_DAYS {
            format!("due in {ahead} {}", plural(ahead))
        } else {
            format!("due {}", family_date(due_on))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn visits_are_counted_in_working_days() {
        assert_eq!(
            next_visit(Some(d(2026, 11, 20)), d(2026, 1, 1), 10),
            d(2026, 12, 4)
        );
        assert_eq!(next_visit(None, d(2026, 12, 18), 10), d(2027, 1, 6));
    }

    #[test]
    fn core_groups_first_within_ten_working_days_then_every_six_weeks() {
        let initial = d(2026, 3, 30);
        // Ten working days, over Easter.
        assert_eq!(next_core_group(initial, None), d(2026, 4, 15));
        assert_eq!(
            next_core_group(initial, Some(d(2026, 4, 14))),
            d(2026, 5, 26)
        );
        // A core group from before the conference does not count.
        assert_eq!(
            next_core_group(initial, Some(d(2026, 3, 1))),
            d(2026, 4, 15)
        );
    }

    #[test]
    fn review_conferences_in_calendar_months_clamped_to_the_month_end() {
        assert_eq!(
            next_review_conference(d(2026, 11, 30), None),
            d(2027, 2, 28)
        );
        assert_eq!(
            next_review_conference(d(2026, 1, 1), Some(d(2027, 8, 31))),
            d(2028, 2, 29)
        );
        // Not moved off a weekend: 3 months after Thu 5 Mar 2026 is Fri 5 Jun; after 7 Mar, Sun 7 Jun.
        assert_eq!(next_review_conference(d(2026, 3, 7), None), d(2026, 6, 7));
    }

    #[test]
    fn a_monthly_summary_is_due_by_the_month_s_last_working_day() {
        assert_eq!(
            monthly_summary_due(None, d(2026, 5, 10)),
            Some(d(2026, 5, 29))
        );
        assert_eq!(
            monthly_summary_due(Some(d(2026, 4, 30)), d(2026, 8, 3)),
            Some(d(2026, 8, 28))
        );
        assert_eq!(
            monthly_summary_due(Some(d(2026, 5, 2)), d(2026, 5, 10)),
            None
        );
        assert_eq!(
            monthly_summary_due(Some(d(2025, 5, 2)), d(2026, 5, 10)),
            Some(d(2026, 5, 29))
        );
    }

    #[test]
    fn urgency_boundaries() {
        let today = d(2026, 11, 23);
        assert_eq!(urgency(d(2026, 11, 20), today), Urgency::Overdue);
        assert_eq!(urgency(today, today), Urgency::DueToday);
        assert_eq!(urgency(d(2026, 11, 30), today), Urgency::DueSoon);
        assert_eq!(urgency(d(2026, 12, 1), today), Urgency::Later);
        assert!(Urgency::Overdue < Urgency::Later);
    }

    #[test]
    fn descriptions_for_staff_lists() {
        let today = d(2026, 11, 23);
        assert_eq!(describe(d(2026, 11, 18), today), "3 working days overdue");
        assert_eq!(describe(d(2026, 11, 20), today), "1 working day overdue");
        // Due at the weekend and looked at on the Sunday: late, by no working day yet.
        assert_eq!(describe(d(2026, 11, 21), d(2026, 11, 22)), "overdue");
        assert_eq!(describe(today, today), "due today");
        assert_eq!(describe(d(2026, 11, 25), today), "due in 2 working days");
        assert_eq!(describe(d(2026, 12, 8), today), "due Tuesday 8 December");
    }
}
