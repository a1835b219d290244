//! A child's legal status as a dated history (DOMAIN.md §3): child in need, a child protection
//! plan with its initial and latest category, pre-proceedings, care proceedings, each from a day
//! until a day. The rules the DfE's children in need census validator applies hold here too, so
//! what Hearth holds can be reported without correction.

use super::family::{LegalStatus, LegalStatusKind, ProtectionCategory};
use super::fields::{parse_date, parse_version, years};
use super::ids::{LegalStatusId, MemberId};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One period of one child's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusPeriod {
    pub id: LegalStatusId,
    pub member_id: MemberId,
    pub kind: LegalStatusKind,
    /// Child protection plans only: the category the plan started with, and the latest one.
    pub initial_category: Option<ProtectionCategory>,
    pub latest_category: Option<ProtectionCategory>,
    pub started_on: NaiveDate,
    /// The day it ended; `None` while it is open.
    pub ended_on: Option<NaiveDate>,
    pub version: i64,
}

impl StatusPeriod {
    /// Open on `day`: started by then and not yet ended (it ends at the start of its end day).
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.started_on <= day && self.ended_on.is_none_or(|end| day < end)
    }

    pub fn status(&self) -> LegalStatus {
        LegalStatus {
            kind: self.kind,
            category: self.latest_category,
        }
    }

    /// Whether two periods share any day.
    fn overlaps(&self, other: &StatusPeriod) -> bool {
        let before_other_ends = other.ended_on.is_none_or(|end| self.started_on < end);
        let after_other_starts = self.ended_on.is_none_or(|end| other.started_on < end);
        before_other_ends && after_other_starts
    }

    /// "from 3 May 2026", "from 3 May 2026 to 1 December 2026".
    pub fn dates_in_words(&self) -> String {
        match self.ended_on {
            Some(end) => format!("from {} to {}", long_date(self.started_on), long_date(end)),
            None => format!("from {}", long_date(self.started_on)),
        }
    }
}

pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Weight in the headline: a court process says more than a plan, a plan more than child in need.
fn weight(kind: LegalStatusKind) -> u8 {
    match kind {
        LegalStatusKind::ChildInNeed => 0,
        LegalStatusKind::ChildProtectionPlan => 1,
        LegalStatusKind::PreProceedings => 2,
        LegalStatusKind::CareProceedings => 3,
    }
}

/// The statuses open on `day`, weightiest first.
pub fn open_on(periods: &[StatusPeriod], day: NaiveDate) -> Vec<LegalStatus> {
    let mut open: Vec<&StatusPeriod> = periods.iter().filter(|p| p.is_open_on(day)).collect();
    open.sort_by_key(|p| std::cmp::Reverse(weight(p.kind)));
    open.into_iter().map(StatusPeriod::status).collect()
}

/// The one status a page shows for a child on `day`: the weightiest open one.
pub fn current(periods: &[StatusPeriod], day: NaiveDate) -> Option<LegalStatus> {
    open_on(periods, day).into_iter().next()
}

/// The earliest start of the child protection plans open on `day`: where the statutory meetings
/// are counted from when no initial conference date has been recorded.
pub fn open_plan_started(periods: &[StatusPeriod], day: NaiveDate) -> Option<NaiveDate> {
    periods
        .iter()
        .filter(|p| p.kind == LegalStatusKind::ChildProtectionPlan && p.is_open_on(day))
        .map(|p| p.started_on)
        .min()
}

fn kind_in_words(kind: LegalStatusKind) -> String {
    match kind {
        LegalStatusKind::ChildInNeed => "child in need plan".into(),
        other => other.label().to_lowercase(),
    }
}

/// The census validator's rules for `period` among the child's `others` (the period itself,
/// if already saved, is left out by id): the field to show the refusal beside, and why.
pub fn check_rules(
    period: &StatusPeriod,
    others: &[StatusPeriod],
    child_name: &str,
) -> Result<(), (&'static str, String)> {
    if let Some(end) = period.ended_on {
        if end <= period.started_on {
            return Err((
                "ended_on",
                "The end date must be after the start date: nothing ends on or before the day it starts"
                    .into(),
            ));
        }
    }
    let others = || others.iter().filter(|o| o.id != period.id);
    let is_plan = |kind| kind == LegalStatusKind::ChildProtectionPlan;
    if is_plan(period.kind) && period.ended_on.is_none() {
        if let Some(open) = others().find(|o| is_plan(o.kind) && o.ended_on.is_none()) {
            return Err((
                "started_on",
                format!(
                    "{child_name} already has an open child protection plan, {}. End it before starting another.",
                    open.dates_in_words()
                ),
            ));
        }
    }
    if let Some(same) = others().find(|o| o.kind == period.kind && o.overlaps(period)) {
        return Err((
            "started_on",
            format!(
                "This overlaps {child_name}'s {} {}. Two of the same kind cannot overlap.",
                kind_in_words(same.kind),
                same.dates_in_words()
            ),
        ));
    }
    let clashes = |a, b| {
        (a == LegalStatusKind::ChildInNeed && is_plan(b))
            || (is_plan(a) && b == LegalStatusKind::ChildInNeed)
    };
    if let Some(clash) = others().find(|o| clashes(o.kind, period.kind) && o.overlaps(period)) {
        return Err((
            "started_on",
            format!(
                "A child in need plan cannot run alongside a child protection plan: {child_name} has a {} {}. End one before the other starts.",
                kind_in_words(clash.kind),
                clash.dates_in_words()
            ),
        ));
    }
    Ok(())
}

form! {
    /// A period of legal status, as recorded or changed (an end date, the latest category, a
    /// corrected start).
    StatusForm {
        version,
        started_on,
    }
    optional {
        /// Radios on a new period: absent until one is chosen.
        kind,
        /// Child protection plans: the category the plan started with.
        initial_category,
        /// Child protection plans: the category now, if a review changed it.
        latest_category,
        ended_on,
    }
    lists {}
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusInput {
    pub version: i64,
    pub kind: LegalStatusKind,
    pub initial_category: Option<ProtectionCategory>,
    pub latest_category: Option<ProtectionCategory>,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
}

impl StatusInput {
    pub fn period(&self, id: LegalStatusId, member_id: MemberId) -> StatusPeriod {
        StatusPeriod {
            id,
            member_id,
            kind: self.kind,
            initial_category: self.initial_category,
            latest_category: self.latest_category,
            started_on: self.started_on,
            ended_on: self.ended_on,
            version: self.version,
        }
    }
}

fn parse_category(text: &str, what: &str) -> Result<Option<ProtectionCategory>, String> {
    match text.trim() {
        "" => Ok(None),
        code => ProtectionCategory::from_code(code)
            .map(Some)
            .ok_or_else(|| format!("Choose {what}")),
    }
}

/// A status as the form sends it. Dates reach back 20 years (an imported history) and no
/// further ahead than today: a status is recorded once it has begun or ended.
pub fn parse_status(form: &StatusForm, today: NaiveDate) -> Result<StatusInput, FieldErrors> {
    let mut errors = form.typed();
    let version = check(&mut errors, "version", parse_version(&form.version));
    let kind = check(
        &mut errors,
        "kind",
        LegalStatusKind::from_code(form.kind.trim()).ok_or_else(|| "Choose the status".into()),
    );
    let earliest = today - years(20);
    let started_on = check(
        &mut errors,
        "started_on",
        parse_date(&form.started_on, "the day it started", earliest, today),
    );
    let ended_on = match form.ended_on.trim() {
        "" => Some(None),
        text => check(
            &mut errors,
            "ended_on",
            parse_date(text, "the day it ended", earliest, today).map(Some),
        ),
    };
    let is_plan = kind == Some(LegalStatusKind::ChildProtectionPlan);
    let initial = check(
        &mut errors,
        "initial_category",
        parse_category(&form.initial_category, "the category the plan started with"),
    )
    .flatten();
    let latest = check(
        &mut errors,
        "latest_category",
        parse_category(&form.latest_category, "the plan's latest category"),
    )
    .flatten();
    if is_plan && initial.is_none() && errors.for_field("initial_category").is_none() {
        errors.add(
            "initial_category",
            "Choose the category the plan started with",
        );
    }
    if !is_plan && kind.is_some() && (initial.is_some() || latest.is_some()) {
        errors.add(
            "initial_category",
            "Only a child protection plan has a category: leave it empty",
        );
    }
    if let (Some(start), Some(Some(end))) = (started_on, ended_on) {
        if end <= start {
            errors.add(
                "ended_on",
                "The end date must be after the start date: nothing ends on or before the day it starts",
            );
        }
    }
    match (version, kind, started_on, ended_on) {
        (Some(version), Some(kind), Some(started_on), Some(ended_on)) if errors.is_empty() => {
            Ok(StatusInput {
                version,
                kind,
                // A plan's latest category is its initial one until a review changes it.
                latest_category: if is_plan { latest.or(initial) } else { None },
                initial_category: if is_plan { initial } else { None },
                started_on,
                ended_on,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LegalStatusKind::{ChildInNeed, ChildProtectionPlan, PreProceedings};

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
    }

    fn period(kind: LegalStatusKind, from: &str, until: Option<&str>) -> StatusPeriod {
        StatusPeriod {
            id: LegalStatusId::new(),
            member_id: MemberId(uuid::Uuid::nil()),
            kind,
            initial_category: (kind == ChildProtectionPlan)
                .then_some(ProtectionCategory::Emotional),
            latest_category: (kind == ChildProtectionPlan).then_some(ProtectionCategory::Emotional),
            started_on: d(from),
            ended_on: until.map(d),
            version: 1,
        }
    }

    fn refused(p: &StatusPeriod, others: &[StatusPeriod]) -> Option<&'static str> {
        check_rules(p, others, "Lily").err().map(|(field, _)| field)
    }

    #[test]
    fn nothing_ends_on_or_before_the_day_it_starts() {
        let same_day = period(ChildProtectionPlan, "2026-05-03", Some("2026-05-03"));
        assert_eq!(refused(&same_day, &[]), Some("ended_on"));
        let next_day = period(ChildProtectionPlan, "2026-05-03", Some("2026-05-04"));
        assert_eq!(refused(&next_day, &[]), None);
    }

    #[test]
    fn no_two_open_plans_and_no_overlapping_plans() {
        let open = period(ChildProtectionPlan, "2026-01-10", None);
        let another = period(ChildProtectionPlan, "2026-06-01", None);
        assert_eq!(
            refused(&another, std::slice::from_ref(&open)),
            Some("started_on")
        );
        let ended = period(ChildProtectionPlan, "2025-01-10", Some("2025-09-01"));
        let inside = period(ChildProtectionPlan, "2025-03-01", Some("2025-04-01"));
        assert_eq!(
            refused(&inside, std::slice::from_ref(&ended)),
            Some("started_on")
        );
        // A plan that starts on the day the last one ended does not overlap it.
        let next = period(ChildProtectionPlan, "2025-09-01", None);
        assert_eq!(refused(&next, &[ended]), None);
    }

    #[test]
    fn a_child_in_need_plan_does_not_run_alongside_a_protection_plan() {
        let plan = period(ChildProtectionPlan, "2026-01-10", Some("2026-06-01"));
        let cin = period(ChildInNeed, "2026-05-01", None);
        assert_eq!(
            refused(&cin, std::slice::from_ref(&plan)),
            Some("started_on")
        );
        let after = period(ChildInNeed, "2026-06-01", None);
        assert_eq!(refused(&after, std::slice::from_ref(&plan)), None);
        // Pre-proceedings may run beside a plan.
        let plo = period(PreProceedings, "2026-03-01", None);
        assert_eq!(refused(&plo, &[plan]), None);
    }

    #[test]
    fn a_saved_period_is_not_compared_with_itself() {
        let open = period(ChildProtectionPlan, "2026-01-10", None);
        let mut ended = open.clone();
        ended.ended_on = Some(d("2026-11-01"));
        assert_eq!(refused(&ended, &[open]), None);
    }

    #[test]
    fn the_headline_is_the_weightiest_open_status() {
        let periods = [
            period(ChildProtectionPlan, "2026-01-10", None),
            period(PreProceedings, "2026-09-01", None),
            period(ChildInNeed, "2025-01-01", Some("2026-01-10")),
        ];
        let today = d("2026-12-02");
        assert_eq!(
            current(&periods, today).map(|s| s.kind),
            Some(PreProceedings)
        );
        assert_eq!(
            current(&periods, d("2025-06-01")).map(|s| s.kind),
            Some(ChildInNeed)
        );
        assert_eq!(open_on(&periods, today).len(), 2);
        assert_eq!(open_plan_started(&periods, today), Some(d("2026-01-10")));
        assert_eq!(current(&periods, d("2024-01-01")), None);
    }

    #[test]
    fn the_form_asks_a_plan_for_its_category_and_keeps_it_as_the_latest() {
        let today = d("2026-12-02");
        let mut form = StatusForm {
            version: "0".into(),
            kind: "child_protection_plan".into(),
            started_on: "3/5/2026".into(),
            ..StatusForm::default()
        };
        let errors = parse_status(&form, today).expect_err("no category");
        assert!(errors.for_field("initial_category").is_some());
        form.initial_category = "EMO".into();
        let input = parse_status(&form, today).expect("valid");
        assert_eq!(input.latest_category, Some(ProtectionCategory::Emotional));
        assert_eq!(input.started_on, d("2026-05-03"));
        form.ended_on = "2026-05-03".into();
        assert!(parse_status(&form, today)
            .expect_err("same day")
            .for_field("ended_on")
            .is_some());
        let cin = StatusForm {
            kind: "child_in_need".into(),
            initial_category: "NEG".into(),
            ..form
        };
        assert!(parse_status(&cin, today).is_err());
    }
}
