//! Gathering what Hearth holds about one person as passages, worded for the person reading
//! their disclosure. Professionals are named with their role: acting in their role, they are
//! normally not withheld.

use crate::domain::family::LegalStatusKind;
use crate::domain::goal::GoalStatus;
use crate::domain::ids::{FamilyId, MemberId};
use crate::domain::information_rights::passage::{in_order, Passage, Section};
use crate::domain::legal_status::long_date;
use crate::domain::mi::balance::Quadrant;
use crate::domain::mi::change_plan::PlanPart;
use crate::domain::rating::Scale;
use crate::domain::role::StaffRole;
use crate::domain::workbook::EntryKind;
use crate::store::{subject_data as data, Db, StoreError};
use chrono::NaiveDate;

fn day_of(ms: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.date_naive())
}

/// Every passage about `member` of `family`, in the disclosure's order, with the reads of their
/// records up to `reads_until` (Unix milliseconds).
pub async fn passages(
    db: &Db,
    member: MemberId,
    family: FamilyId,
    reads_until: i64,
) -> Result<Vec<Passage>, StoreError> {
    let mut out = Vec::new();
    if let Some(m) = data::member(db, member).await? {
        record(&mut out, member, &m);
    }
    for s in data::legal_statuses(db, member).await? {
        let kind = LegalStatusKind::from_code(&s.kind).map_or(s.kind.clone(), |k| k.label().into());
        let until = s.ended_on.map_or("and continues".to_string(), |d| {
            format!("until {}", long_date(d.into()))
        });
        out.push(Passage::new(
            Section::LegalStatus,
            format!("legal_status:{}", s.id),
            kind.clone(),
            Some(s.started_on.into()),
            format!("{kind}, from {} {until}.", long_date(s.started_on.into())),
        ));
    }
    for g in data::goals(db, member).await? {
        let on = day_of(g.created_at);
        let status =
            GoalStatus::from_code(&g.status).map_or(g.status.clone(), |s| s.label().into());
        out.push(Passage::new(
            Section::Goals,
            format!("goal:{}:family_words", g.id),
            "A goal, in your words",
            on,
            g.family_words,
        ));
        out.push(Passage::new(
            Section::Goals,
            format!("goal:{}:professional_words", g.id),
            format!(
                "The same goal, as the team wrote it (aimed for by {}; {status})",
                long_date(g.target_date.into())
            ),
            on,
            g.professional_words,
        ));
    }
    for s in data::steps(db, member).await? {
        let done = if s.done.0 { "done" } else { "not done yet" };
        out.push(Passage::new(
            Section::Goals,
            format!("step:{}", s.id),
            format!("A step, due by {} ({done})", long_date(s.due_on.into())),
            Some(s.due_on.into()),
            s.what,
        ));
    }
    for r in data::ratings(db, member).await? {
        let scale = Scale::from_code(&r.scale).map_or(r.scale.clone(), |s| s.label().into());
        let text = if r.comment.trim().is_empty() {
            format!("{} out of 10.", r.score)
        } else {
            format!("{} out of 10. {}", r.score, r.comment)
        };
        out.push(Passage::new(
            Section::Ratings,
            format!("check_in:{}", r.id),
            format!("{scale}, given by {}", r.given_by),
            Some(r.given_on.into()),
            text,
        ));
    }
    for w in data::own_words(db, member).await? {
        let heading = if w.by_member.0 {
            "You wrote".to_string()
        } else {
            format!("{} replied", w.author)
        };
        out.push(Passage::new(
            Section::OwnWords,
            format!("family_words:{}", w.id),
            heading,
            day_of(w.created_at),
            w.body,
        ));
    }
    for w in data::change_plans(db, member).await? {
        let part = w.part.clone().unwrap_or_default();
        let (kind, heading) = match (PlanPart::from_code(&part), Quadrant::from_code(&part)) {
            (Some(p), _) => ("change_plan", p.label().to_string()),
            (None, Some(q)) => ("balance_item", q.label().to_string()),
            (None, None) => ("change_plan", part),
        };
        let heading = if w.by_member.0 {
            heading
        } else {
            format!("{heading}: a note from {}", w.author)
        };
        out.push(Passage::new(
            Section::ChangePlans,
            format!("{kind}:{}", w.id),
            heading,
            day_of(w.created_at),
            w.body,
        ));
    }
    for e in data::entries(db, member).await? {
        let kind = EntryKind::from_code(&e.kind).map_or(e.kind.clone(), |k| k.label().into());
        let role = e
            .author_role
            .as_deref()
            .and_then(StaffRole::from_code)
            .map_or(String::new(), |r| format!(" ({})", r.label()));
        out.push(Passage::new(
            Section::Workbook,
            format!("entry:{}", e.id),
            format!("{kind} recorded by {}{role}", e.author),
            Some(e.occurred_on.into()),
            e.summary,
        ));
    }
    for s in data::supervisions(db, family).await? {
        for (part, heading, text) in [
            (
                "hypotheses",
                "What the team thought might be happening",
                s.hypotheses,
            ),
            ("reflections", "The team's reflections", s.reflections),
            ("working_well", "What is working well", s.working_well),
            (
                "worried_about",
                "What the team was worried about",
                s.worried_about,
            ),
            ("needs_to_happen", "What needs to happen", s.needs_to_happen),
            ("decisions", "What was decided", s.decisions),
        ] {
            if text.trim().is_empty() {
                continue;
            }
            out.push(Passage::new(
                Section::Supervision,
                format!("supervision:{}:{part}", s.id),
                heading,
                Some(s.held_on.into()),
                text,
            ));
        }
    }
    for r in data::reads(db, member, family, reads_until).await? {
        let times = if r.times == 1 {
            "once".to_string()
        } else {
            format!("{} times", r.times)
        };
        let (first, last) = (day_of(r.first_at), day_of(r.last_at));
        let when = match (first, last) {
            (Some(a), Some(b)) if a == b => format!("on {}", long_date(a)),
            (Some(a), Some(b)) => format!("between {} and {}", long_date(a), long_date(b)),
            _ => String::new(),
        };
        let action = crate::domain::audit::AuditAction::from_code(&r.action)
            .map_or(r.action.clone(), |a| a.label().to_lowercase());
        out.push(Passage::new(
            Section::Reads,
            format!("reads:{}:{}", r.reader, r.action),
            format!("{} ({})", r.reader, r.actor_name),
            last,
            format!("{} {action}: {times} {when}.", r.reader),
        ));
    }
    Ok(in_order(out))
}

fn record(out: &mut Vec<Passage>, member: MemberId, m: &data::MemberRow) {
    let key = |part: &str| format!("member:{member}:{part}");
    out.push(Passage::new(
        Section::Record,
        key("name"),
        "Your name",
        None,
        format!("{} {}", m.given_name, m.family_name),
    ));
    out.push(Passage::new(
        Section::Record,
        key("relationship"),
        "How you are related to the family",
        None,
        m.relationship.clone(),
    ));
    if let Some(born) = m.date_of_birth {
        out.push(Passage::new(
            Section::Record,
            key("date_of_birth"),
            "Your date of birth",
            None,
            long_date(born.into()),
        ));
    }
    if let Some(due) = m.expected_on {
        out.push(Passage::new(
            Section::Record,
            key("expected_on"),
            "The day you were expected to be born",
            None,
            long_date(due.into()),
        ));
    }
    if let Some(reference) = &m.person_ref {
        out.push(Passage::new(
            Section::Record,
            key("person_ref"),
            "The council's reference for you",
            None,
            reference.clone(),
        ));
    }
    if let Some(left) = m.left_on {
        out.push(Passage::new(
            Section::Record,
            key("left_on"),
            "The day you left the household",
            Some(left.into()),
            long_date(left.into()),
        ));
    }
}
