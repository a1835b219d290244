//! Made-up Motivational Interviewing work for each demo goal (DOMAIN.md §7): stages of change
//! moving over four months, change talk from fortnightly sessions (more change talk and less
//! sustain talk as time goes on), and for the account holder's first goal a change plan and a
//! decisional balance, with a worker's note beside the plan.

use crate::domain::ids::{
    AccountId, BalanceItemId, ChangePlanWordsId, GoalId, MemberId, StageNoteId, TallyId,
};
use crate::domain::mi::balance::Quadrant;
use crate::domain::mi::change_plan::PlanPart;
use crate::domain::mi::change_talk::TallyInput;
use crate::domain::mi::stage::{Stage, StageInput};
use crate::error::AppError;
use crate::store::change_plans::{NewBalanceItem, NewPlanWords};
use crate::store::motivation::NewTally;
use crate::store::{self, WriteTx};
use chrono::{Duration, NaiveDate};

const DAY_MS: i64 = 86_400_000;

/// Where a goal's stages go, month by month; varied between goals.
const JOURNEYS: [&[Stage]; 3] = [
    &[
        Stage::Precontemplation,
        Stage::Contemplation,
        Stage::Preparation,
        Stage::Action,
    ],
    &[
        Stage::Contemplation,
        Stage::Preparation,
        Stage::Action,
        Stage::Maintenance,
    ],
    &[
        Stage::Preparation,
        Stage::Action,
        Stage::Relapse,
        Stage::Action,
    ],
];

const STAGE_NOTES: [&str; 4] = [
    "Said things are fine as they are; the worry is other people's.",
    "Talked about wanting things to be different for the children.",
    "Has picked a start date and told their sister.",
    "Keeping to the plan most days; talks about what helps.",
];

pub struct GoalSeed {
    pub goal: GoalId,
    /// The adult the plan and balance belong to, and their account.
    pub planner: Option<(MemberId, AccountId)>,
    pub worker: AccountId,
    /// Varies the content between goals and families.
    pub variant: usize,
    pub today: NaiveDate,
    pub now: i64,
    pub with_plan: bool,
}

pub async fn seed_goal(write: &mut WriteTx, seed: &GoalSeed) -> Result<(), AppError> {
    let journey = JOURNEYS[seed.variant % JOURNEYS.len()];
    for (month, stage) in journey.iter().enumerate() {
        let back = 4 - month as i64;
        let input = StageInput {
            stage: *stage,
            noted_on: seed.today - Duration::days(back * 30 - 3),
            note: STAGE_NOTES[month % STAGE_NOTES.len()].into(),
        };
        store::motivation::insert_stage(
            write,
            StageNoteId::new(),
            seed.goal,
            &input,
            seed.worker,
            seed.now - back * 30 * DAY_MS,
        )
        .await?;
    }
    for k in 0..8i64 {
        let v = seed.variant as i64;
        let counts: Vec<u8> = [
            1 + k / 3,
            k / 4,
            1 + (k + v) / 3,
            k / 3,
            k / 4,
            k / 5,
            k / 3,
            (6 - k + v % 2).max(1),
        ]
        .iter()
        .map(|n| u8::try_from(*n).unwrap_or(0))
        .collect();
        let input = TallyInput {
            heard_on: seed.today - Duration::days(108 - 14 * k),
            counts,
        };
        store::motivation::insert_tally(
            write,
            &NewTally {
                id: TallyId::new(),
                goal: seed.goal,
                entry: None,
                input: &input,
                by: seed.worker,
                now: seed.now - (108 - 14 * k) * DAY_MS,
            },
        )
        .await?;
    }
    if let (true, Some((member, account))) = (seed.with_plan, seed.planner) {
        let answers = [
            (PlanPart::Changes, "Have a clear head in the mornings so I can do the school run."),
            (PlanPart::Why, "My kids deserve a mum who is there for them, and I want to feel well again."),
            (PlanPart::Steps, "No drinking on school nights. Go to the Tuesday group. Tell my sister how I am doing."),
            (PlanPart::Help, "My sister, the Tuesday group, and my worker."),
            (PlanPart::Know, "I will get up without feeling sick and the kids will be on time."),
            (PlanPart::InTheWay, "Friday nights when I am on my own and feeling low."),
            (PlanPart::Then, "Ring my sister or go for a walk with the dog."),
        ];
        let parts: Vec<(PlanPart, String)> = answers
            .iter()
            .map(|(p, t)| (*p, (*t).to_string()))
            .collect();
        store::change_plans::insert_words(
            write,
            &NewPlanWords {
                goal: seed.goal,
                member,
                author: account,
                by_member: true,
                save: ChangePlanWordsId::new(),
                parts: &parts,
                now: seed.now - 20 * DAY_MS,
            },
        )
        .await?;
        store::change_plans::insert_words(
            write,
            &NewPlanWords {
                goal: seed.goal,
                member,
                author: seed.worker,
                by_member: false,
                save: ChangePlanWordsId::new(),
                parts: &[(
                    PlanPart::Help,
                    "The Tuesday group also runs a Friday drop-in: I can give you the number."
                        .to_string(),
                )],
                now: seed.now - 18 * DAY_MS,
            },
        )
        .await?;
        let items = [
            (
                Quadrant::ChangeGood,
                "More money for the kids' things",
                true,
            ),
            (Quadrant::ChangeGood, "Feeling proud of myself", true),
            (
                Quadrant::ChangeHard,
                "Evenings will feel long at first",
                true,
            ),
            (Quadrant::StayGood, "It helps me switch off", false),
            (
                Quadrant::StayHard,
                "The kids worry when I am ill in the mornings",
                false,
            ),
        ];
        for (i, (quadrant, body, own)) in items.iter().enumerate() {
            store::change_plans::insert_item(
                write,
                &NewBalanceItem {
                    id: BalanceItemId::new(),
                    goal: seed.goal,
                    member,
                    quadrant: *quadrant,
                    body,
                    author: if *own { account } else { seed.worker },
                    by_member: *own,
                    now: seed.now - (30 - i as i64) * DAY_MS,
                },
            )
            .await?;
        }
    }
    Ok(())
}
