//! Made-up workbooks for the demo families (DOMAIN.md §7): chapters for every allocated role
//! across two periods, visits (the last one late for some families), significant events,
//! monthly summaries, meetings and two group supervisions with actions.

use crate::demo::plans::Person;
use crate::domain::family::MemberKind;
use crate::domain::history::{EntryFields, InWords};
use crate::domain::ids::{AccountId, EntryId, FamilyId, MemberId, SupervisionId};
use crate::domain::role::StaffRole;
use crate::domain::workbook::EntryKind;
use crate::domain::workbook_input::{ActionInput, EntryInput, SupervisionInput};
use crate::error::AppError;
use crate::services::versioned::{save_in, Save};
use crate::services::workbook::EntryRecord;
use crate::store::workbook::StoredSchedule;
use crate::store::{self, WriteTx};
use chrono::{Duration, NaiveDate};

/// The workers of a family: (role, account).
pub type Workers = [(StaffRole, AccountId)];

const VISIT_NOTES: [&str; 4] = [
    "Unannounced visit. The house was warm and tidy; food in the fridge. Kelly was calm and talked about the school run going better. The children were playing in the front room.",
    "Planned visit. Dad was not there. Mum said the week had been hard; we talked about who she can ring. The younger child was asleep; the older one showed me their reading book.",
    "Visit after the school raised a concern about lateness. Mum explained the bus timetable had changed. We agreed a new morning plan and I will check in with school on Friday.",
    "Saw the children on their own in their bedroom. They said home feels calmer and they like the new bedtime story. No concerns about marks or injuries.",
];

const SESSION_NOTES: [&str; 3] = [
    "One-to-one session. We used the decisional balance: what drinking gives and what it costs. Said the mornings are the hardest.",
    "Session on the safety plan: went through the code word and who to ring. Feels more confident using it.",
    "Session looking at low mood and sleep. Agreed to try the walking plan and to see the GP about medication.",
];

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// One entry, saved the way a worker's form saves it.
#[allow(clippy::too_many_arguments)]
async fn entry(
    write: &mut WriteTx,
    family: FamilyId,
    people: &[Person],
    role: StaffRole,
    author: AccountId,
    kind: EntryKind,
    on: NaiveDate,
    present: Vec<MemberId>,
    summary: &str,
    significant: bool,
    now: i64,
) -> Result<(), AppError> {
    let input = EntryInput {
        version: 0,
        kind,
        occurred_on: on,
        people: present,
        others: String::new(),
        place: if kind == EntryKind::Visit {
            "Family home".into()
        } else {
            String::new()
        },
        child_seen_alone: (kind == EntryKind::Visit).then_some(significant),
        summary: summary.into(),
        significant,
    };
    let names: Vec<String> = input
        .people
        .iter()
        .filter_map(|id| people.iter().find(|p| p.id == *id).map(|p| p.name.clone()))
        .collect();
    let after = EntryFields::of_input(&input, &names).in_words();
    let record = EntryRecord {
        family,
        id: EntryId::new(),
        chapter: role,
        author,
        input: &input,
        typed: Default::default(),
    };
    let save = Save {
        family,
        record,
        current: None,
        after,
        reason: "",
    };
    save_in(write, &save, author, now).await?;
    Ok(())
}

/// The demo workbook of one family; `index` varies it so some families have a visit overdue.
pub async fn seed_family(
    write: &mut WriteTx,
    family: FamilyId,
    index: usize,
    people: &[Person],
    workers: &Workers,
    today: NaiveDate,
    now: i64,
) -> Result<(), AppError> {
    let Some(&(_, social_worker)) = workers.iter().find(|(r, _)| *r == StaffRole::SocialWorker)
    else {
        return Ok(());
    };
    let everyone: Vec<_> = people.iter().map(|p| p.id).collect();
    let children: Vec<_> = people
        .iter()
        .filter(|p| p.kind == MemberKind::Child)
        .map(|p| p.id)
        .collect();
    let initial = today - days(140);
    store::workbook::save_schedule(
        write,
        family,
        &StoredSchedule {
            plan_started_on: today - days(150),
            initial_conference_on: Some(initial),
            visit_every_working_days: 10,
        },
    )
    .await?;
    for (kind, ago) in [
        ("core_group", 130),
        ("core_group", 88),
        ("review_conference", 55),
        ("core_group", 46),
    ] {
        store::workbook::insert_meeting(write, family, kind, today - days(ago), social_worker, now)
            .await?;
    }

    // Statutory visits every two weeks; odd families' last visit is three weeks ago (overdue).
    let last_visit = if index % 2 == 1 { 21 } else { 6 };
    let mut ago = last_visit;
    let mut n = 0;
    while ago < 120 {
        let significant = n % 3 == 0;
        entry(
            write,
            family,
            people,
            StaffRole::SocialWorker,
            social_worker,
            EntryKind::Visit,
            today - days(ago),
            everyone.clone(),
            VISIT_NOTES[n % VISIT_NOTES.len()],
            significant,
            now,
        )
        .await?;
        ago += 14;
        n += 1;
    }
    entry(
        write,
        family,
        people,
        StaffRole::SocialWorker,
        social_worker,
        EntryKind::Contact,
        today - days(33),
        children.clone(),
        "Phone call from the school: attendance this half term 91%, up from 78%.",
        true,
        now,
    )
    .await?;

    for (i, &(role, account)) in workers
        .iter()
        .enumerate()
        .filter(|(_, (r, _))| *r != StaffRole::SocialWorker)
    {
        for k in 0..3i64 {
            entry(
                write,
                family,
                people,
                role,
                account,
                EntryKind::Session,
                today - days(10 + 25 * k + i as i64),
                vec![],
                SESSION_NOTES[(i + k as usize) % SESSION_NOTES.len()],
                k == 1 && i == 1,
                now,
            )
            .await?;
        }
    }
    // Group supervisions first: they mark the periods the monthly summaries belong to.
    let owners: Vec<AccountId> = workers.iter().map(|(_, a)| *a).collect();
    let specialist = workers
        .iter()
        .find(|(r, _)| *r != StaffRole::SocialWorker)
        .map_or(social_worker, |(_, a)| *a);
    for (held_ago, actions) in [
        (
            56i64,
            vec![("Book the family network meeting", social_worker, -40i64)],
        ),
        (
            28,
            vec![
                ("Ask school for the attendance report", social_worker, -2),
                ("Start the Freedom group referral", specialist, 9),
            ],
        ),
    ] {
        let input = SupervisionInput {
            held_on: today - days(held_ago),
            attendees: workers.iter().map(|(r, _)| *r).chain(std::iter::once(StaffRole::TeamManager)).collect(),
            hypotheses: "The family copes well with structure; evenings without a plan are when things go wrong.".into(),
            reflections: "The parents respond to being asked what they think will help.".into(),
            working_well: "School attendance is up; the children say home feels calmer.".into(),
            worried_about: "Arguments in the evenings when both adults have been drinking.".into(),
            needs_to_happen: "An evening plan agreed with both adults; a family network meeting.".into(),
            risk: if held_ago > 30 { 7 } else { 6 },
            progress: if held_ago > 30 { 3 } else { 5 },
            decisions: "Continue the plan; review the evening routine at the next core group.".into(),
            actions: actions
                .into_iter()
                .filter(|(_, owner, _)| owners.contains(owner))
                .map(|(what, owner, due)| ActionInput { what: what.into(), owner, due_on: today + days(due) })
                .collect(),
            next_on: Some(today - days(held_ago) + days(28)),
        };
        store::workbook::insert_supervision(
            write,
            family,
            SupervisionId::new(),
            &input,
            social_worker,
            now,
        )
        .await?;
    }

    // Monthly summaries: every chapter wrote one last period; the social worker also this one.
    for &(role, account) in workers {
        entry(write, family, people, role, account, EntryKind::MonthlySummary, today - days(35), vec![], &format!("{} summary for the month: engagement steady, one missed appointment, progress on the agreed steps. Next month: keep the routine going and review at supervision.", role.label()), false, now).await?;
    }
    entry(write, family, people, StaffRole::SocialWorker, social_worker, EntryKind::MonthlySummary, today - days(3), vec![], "This month the family kept to the morning plan and the children were seen alone twice. Worries remain about evenings when both parents are home.", false, now).await?;
    Ok(())
}
