//! Made-up plans for the demo families (DOMAIN.md §7): goals across several areas with months
//! of both rating series, steps done and open, a changed goal, the family's words with a reply,
//! a danger statement and a child's Three Houses. Dates are relative to the day of seeding.

use crate::domain::family::MemberKind;
use crate::domain::goal::{GoalArea, GoalStatus, StepWho};
use crate::domain::history::{GoalFields, InWords, SafetyFields, StepFields};
use crate::domain::ids::{
    AccountId, CheckInId, CommentId, FamilyId, GoalId, HousesId, MemberId, SafetyId, StepId,
};
use crate::domain::plan_input::{GoalInput, HousesInput, SafetyInput, StepInput};
use crate::domain::rating::{Answers, Scale};
use crate::domain::role::StaffRole;
use crate::error::AppError;
use crate::services::plan::{GoalRecord, SafetyRecord, StepRecord};
use crate::services::versioned::{save_in, Save};
use crate::store::family_voice::NewWords;
use crate::store::goals::NewCheckIn;
use crate::store::{self, WriteTx};
use chrono::{Duration, NaiveDate};

/// A person in a demo family, as the plan seeding needs them.
pub struct Person {
    pub id: MemberId,
    pub kind: MemberKind,
    pub name: String,
    pub account: Option<AccountId>,
}

/// Who does a demo step.
#[derive(Clone, Copy)]
enum Doer {
    Owner,
    Worker(StaffRole),
}

struct Template {
    area: GoalArea,
    family_words: &'static str,
    professional_words: &'static str,
    steps: &'static [(Doer, &'static str, i64, bool)],
}

const ADULT_GOALS: &[Template] = &[
    Template {
        area: GoalArea::HomeCare,
        family_words: "Keep the house clean and safe so the kids can play",
        professional_words: "Home conditions meet the children's basic needs: clear floors, safe kitchen, working beds, at every unannounced visit.",
        steps: &[
            (Doer::Owner, "Clear the stairs and the back bedroom", -40, true),
            (Doer::Worker(StaffRole::FamilySupportWorker), "Help sort out beds for both children", -20, true),
            (Doer::Owner, "Do a tidy-up every Sunday evening", 10, false),
        ],
    },
    Template {
        area: GoalArea::DrugsAlcohol,
        family_words: "Stop drinking in the day so I can be there for the school run",
        professional_words: "Reduce alcohol use to within agreed limits, with no drinking while caring for the children, evidenced by testing and engagement with recovery service.",
        steps: &[
            (Doer::Owner, "Go to the first meeting at the recovery service", -60, true),
            (Doer::Worker(StaffRole::RecoveryWorker), "Meet every week to look at what sets off drinking", -14, true),
            (Doer::Owner, "Tell my worker about a hard day before it gets bad", 7, false),
            (Doer::Owner, "Try the Saturday group once", 21, false),
        ],
    },
    Template {
        area: GoalArea::MentalHealth,
        family_words: "Feel less low and get out of bed in the mornings",
        professional_words: "Improved mood and daily routine, with GP review of medication and regular contact with the mental health practitioner.",
        steps: &[
            (Doer::Owner, "See the GP about my tablets", -30, true),
            (Doer::Worker(StaffRole::MentalHealthPractitioner), "Plan a morning routine together", -7, false),
            (Doer::Owner, "Walk to the shop every morning", 14, false),
        ],
    },
    Template {
        area: GoalArea::Parenting,
        family_words: "Stay calm when the kids kick off instead of shouting",
        professional_words: "Parent uses calm, consistent boundaries; children report feeling safe at home.",
        steps: &[
            (Doer::Owner, "Go to the parenting course on Tuesdays", -35, true),
            (Doer::Owner, "Use the count-to-ten plan when I feel wound up", 0, false),
            (Doer::Worker(StaffRole::Psychologist), "Talk through what happened after a hard evening", 14, false),
        ],
    },
    Template {
        area: GoalArea::DomesticAbuse,
        family_words: "Feel safe at home and know what to do if things kick off",
        professional_words: "Safety plan in place and understood; no incidents of domestic abuse reported; children not exposed to conflict.",
        steps: &[
            (Doer::Worker(StaffRole::DomesticAbusePractitioner), "Write a safety plan together", -45, true),
            (Doer::Owner, "Keep my phone charged and the numbers saved", -10, true),
            (Doer::Owner, "Go to the Freedom group", 28, false),
        ],
    },
    Template {
        area: GoalArea::Relationships,
        family_words: "Have people I can ring when I need help",
        professional_words: "A support network of at least two named adults who can help with childcare and emotional support.",
        steps: &[
            (Doer::Owner, "Ask my sister if she can help on Fridays", -25, true),
            (Doer::Worker(StaffRole::SocialWorker), "Hold a family network meeting", 18, false),
        ],
    },
];

const CHILD_GOALS: &[Template] = &[
    Template {
        area: GoalArea::Education,
        family_words: "Get to school on time every day",
        professional_words: "School attendance above 95% with no unauthorised late marks this term.",
        steps: &[
            (Doer::Worker(StaffRole::SocialWorker), "Talk to the school about a breakfast club place", -30, true),
            (Doer::Worker(StaffRole::FamilySupportWorker), "Help set up a bedtime and morning plan", 5, false),
        ],
    },
    Template {
        area: GoalArea::ChildHealth,
        family_words: "Go to all the health appointments",
        professional_words: "Child attends dental, health visitor and speech and language appointments; development checks up to date.",
        steps: &[
            (Doer::Worker(StaffRole::SocialWorker), "Book the dentist", -20, true),
            (Doer::Worker(StaffRole::FamilySupportWorker), "Go along to the speech and language appointment", 12, false),
        ],
    },
];

const HOUSES: [(&str, &str, &str); 3] = [
    (
        "When mum and dad shout\nThe dark on the landing",
        "My teddy Bo\nWhen we go to the park\nMy teacher Miss Hall",
        "A puppy\nEveryone being happy at tea time",
    ),
    (
        "Not having clean clothes for school\nMum being sad",
        "Football on Saturdays\nNan's house",
        "To be a footballer\nGoing to the seaside",
    ),
    (
        "Police coming to the house",
        "Playing with my sister\nPizza Fridays",
        "A big bedroom with stars on the ceiling",
    ),
];

fn days(n: i64) -> Duration {
    Duration::days(n)
}

/// The demo plan of one family; `index` varies the content between families.
pub async fn seed_family(
    write: &mut WriteTx,
    family: FamilyId,
    index: usize,
    people: &[Person],
    social_worker: AccountId,
    today: NaiveDate,
    now: i64,
) -> Result<(), AppError> {
    let adults: Vec<&Person> = people
        .iter()
        .filter(|p| p.kind == MemberKind::Adult)
        .collect();
    let children: Vec<&Person> = people
        .iter()
        .filter(|p| p.kind == MemberKind::Child)
        .collect();
    let Some(holder) = adults.iter().find(|p| p.account.is_some()).copied() else {
        return Ok(());
    };
    let other = adults.iter().find(|p| p.id != holder.id).copied();
    let parent_account = holder.account.unwrap_or(social_worker);

    // Two goals of the account holder, one of the other adult (hidden from the holder) and a
    // child's outcome shared with every adult.
    let mut plan: Vec<(&Template, &Person, Vec<MemberId>)> = vec![
        (
            &ADULT_GOALS[index % ADULT_GOALS.len()],
            holder,
            vec![holder.id],
        ),
        (
            &ADULT_GOALS[(index + 3) % ADULT_GOALS.len()],
            holder,
            vec![holder.id],
        ),
    ];
    if let Some(other) = other {
        plan.push((
            &ADULT_GOALS[(index + 1) % ADULT_GOALS.len()],
            other,
            vec![other.id],
        ));
    }
    if let Some(child) = children.first() {
        plan.push((
            &CHILD_GOALS[index % CHILD_GOALS.len()],
            child,
            adults.iter().map(|a| a.id).collect(),
        ));
    }

    let start = now - 120 * 86_400_000;
    for (n, (template, owner, visible)) in plan.iter().enumerate() {
        let goal = GoalId::new();
        let target = today + days(60 + 14 * n as i64);
        let input = GoalInput {
            version: 0,
            owner: owner.id,
            area: template.area,
            family_words: template.family_words.into(),
            professional_words: template.professional_words.into(),
            target_date: target - days(30),
            status: GoalStatus::NotStarted,
            visible_to: visible.clone(),
            reason: String::new(),
        };
        let names: Vec<String> = visible
            .iter()
            .filter_map(|id| people.iter().find(|p| p.id == *id).map(|p| p.name.clone()))
            .collect();
        let first = GoalFields::of_input(&input, &owner.name, &names);
        let record = |input| GoalRecord {
            family,
            id: goal,
            input,
        };
        let created = Save {
            family,
            record: record(&input),
            current: None,
            after: first.in_words(),
            reason: "",
        };
        save_in(write, &created, social_worker, start).await?;

        // A changed goal: started, and its date moved, a month ago.
        let status = if n % 3 == 2 {
            GoalStatus::AtRisk
        } else {
            GoalStatus::OnTrack
        };
        let changed = GoalInput {
            version: 1,
            status,
            target_date: target,
            ..input.clone()
        };
        let second = GoalFields {
            target_date: target,
            status,
            ..first
        };
        let edited = Save {
            family,
            record: record(&changed),
            current: Some((1, first.in_words())),
            after: second.in_words(),
            reason: "Agreed at the core group: more time needed",
        };
        save_in(write, &edited, social_worker, now - 30 * 86_400_000).await?;

        for (what_index, (doer, what, due, done)) in template.steps.iter().enumerate() {
            let step = StepId::new();
            let who = match doer {
                Doer::Owner => StepWho::Member(owner.id),
                Doer::Worker(role) => StepWho::Worker(*role),
            };
            let step_input = StepInput {
                version: 0,
                who,
                what: (*what).into(),
                due_on: today + days(*due),
                visible_to: visible.clone(),
            };
            let created_at = start + what_index as i64 * 60_000;
            let who_name = match doer {
                Doer::Owner => owner.name.clone(),
                Doer::Worker(role) => role.label().to_string(),
            };
            let step_words = StepFields::of_input(&step_input, &who_name, false, &names);
            let save = Save {
                family,
                record: StepRecord {
                    goal,
                    id: step,
                    input: &step_input,
                },
                current: None,
                after: step_words.in_words(),
                reason: "",
            };
            save_in(write, &save, social_worker, created_at).await?;
            if *done {
                store::goals::set_step_done(write, step, true, created_at).await?;
            }
        }

        // Fortnightly ratings over four months: the family's own and the practitioner's.
        for k in 0..8i64 {
            let on = today - days(112 - 14 * k);
            let family_score = (3 + k / 2 + (n as i64 % 2)).min(9) as u8;
            let worker_score = (2 + k / 3 + (index as i64 % 2)).min(8) as u8;
            let family_by = if owner.kind == MemberKind::Adult && owner.id == holder.id {
                parent_account
            } else {
                social_worker
            };
            let comment = match k {
                0 => "Early days",
                4 => "Better couple of weeks",
                7 => "Things are moving",
                _ => "",
            };
            for (scale, score, by) in [
                (Scale::Family, family_score, family_by),
                (Scale::Worker, worker_score, social_worker),
            ] {
                store::goals::insert_check_in(
                    write,
                    &NewCheckIn {
                        id: CheckInId::new(),
                        goal,
                        scale,
                        score,
                        given_on: on,
                        given_by: by,
                        comment,
                        answers: &Default::default(),
                        now: start + k * 14 * 86_400_000,
                    },
                )
                .await?;
            }
            if owner.kind == MemberKind::Adult && k % 3 == 0 {
                for (scale, score) in [
                    (Scale::Importance, (7 + k / 3).min(10) as u8),
                    (Scale::Confidence, (3 + k / 2).min(10) as u8),
                ] {
                    store::goals::insert_check_in(
                        write,
                        &NewCheckIn {
                            id: CheckInId::new(),
                            goal,
                            scale,
                            score,
                            given_on: on,
                            given_by: social_worker,
                            comment: "",
                            answers: &ruler_answers(scale, k),
                            now: start + k * 14 * 86_400_000,
                        },
                    )
                    .await?;
                }
            }
        }

        crate::demo::mi::seed_goal(
            write,
            &crate::demo::mi::GoalSeed {
                goal,
                planner: holder.account.map(|account| (holder.id, account)),
                worker: social_worker,
                variant: index + n,
                today,
                now,
                plan_for: (n == 0).then_some(template.area),
            },
        )
        .await?;

        // The account holder's words about their first goal, with the worker's reply.
        if n == 0 {
            if let Some(account) = holder.account {
                let words = CommentId::new();
                for (id, author, reply_to, body, at) in [
                    (
                        words,
                        account,
                        None,
                        "Some weeks are harder than others. I want you to know I am trying.",
                        now - 9 * 86_400_000,
                    ),
                    (
                        CommentId::new(),
                        social_worker,
                        Some(words),
                        "Thank you for telling me. I can see how hard you are working. Let's talk about the harder weeks on Thursday.",
                        now - 8 * 86_400_000,
                    ),
                ] {
                    store::family_voice::insert_words(
                        write,
                        &NewWords {
                            id,
                            family,
                            goal: Some(goal),
                            member: holder.id,
                            author,
                            reply_to,
                            body,
                            now: at,
                        },
                    )
                    .await?;
                }
            }
        }
    }

    let safety = SafetyId::new();
    let safety_input = SafetyInput {
        version: 0,
        danger: format!(
            "Children's social care is worried that when the adults drink and argue, {} could be hurt or frightened, and could miss school and meals.",
            children.first().map_or("the children", |c| c.name.as_str())
        ),
        safety_goal: "The children will be looked after by a sober adult at all times, arguments will stop before they start, and the children will tell us they feel safe.".into(),
        visible_to: vec![holder.id],
    };
    let safety_words = SafetyFields::of_input(&safety_input, std::slice::from_ref(&holder.name));
    let save = Save {
        family,
        record: SafetyRecord {
            family,
            id: safety,
            input: &safety_input,
        },
        current: None,
        after: safety_words.in_words(),
        reason: "",
    };
    save_in(write, &save, social_worker, start).await?;

    if let Some(child) = children.first() {
        let (worries, good_things, dreams) = HOUSES[index % HOUSES.len()];
        store::family_voice::insert_houses(
            write,
            family,
            HousesId::new(),
            &HousesInput {
                child: child.id,
                recorded_on: today - days(21),
                worries: worries.into(),
                good_things: good_things.into(),
                dreams: dreams.into(),
            },
            social_worker,
            now - 21 * 86_400_000,
        )
        .await?;
    }
    Ok(())
}

/// What a parent said when asked the ruler follow-ups: a few sessions have answers.
fn ruler_answers(scale: Scale, session: i64) -> Answers {
    let (not_lower, one_up) = match (scale, session) {
        (Scale::Importance, 0) => (
            "Because the kids notice everything, even when I think they don't.",
            "If I could see it was making a difference at home.",
        ),
        (Scale::Confidence, 0) => (
            "I have done hard things before, like getting the kids settled after the move.",
            "Knowing someone would be there on the bad evenings.",
        ),
        (Scale::Importance, 6) => (
            "My eldest said they liked the new routine. That stuck with me.",
            "Hearing the school say things are better too.",
        ),
        (Scale::Confidence, 6) => (
            "I managed it for two weeks now, so I know I can.",
            "Getting through one more bad week without slipping.",
        ),
        _ => return Answers::default(),
    };
    Answers {
        not_lower: not_lower.into(),
        one_up: one_up.into(),
    }
}
