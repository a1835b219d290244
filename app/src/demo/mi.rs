//! Made-up Motivational Interviewing work for each demo goal (DOMAIN.md §7): stages of change
//! moving over four months, change talk from fortnightly sessions (more change talk and less
//! sustain talk as time goes on), and for the account holder's first goal a change plan and a
//! decisional balance, with a worker's note beside the plan.

use crate::domain::goal::GoalArea;
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

/// What the worker wrote when judging the stage.
fn stage_note(stage: Stage) -> &'static str {
    match stage {
        Stage::Precontemplation => "Said things are fine as they are; the worry is other people's.",
        Stage::Contemplation => "Talked about wanting things to be different for the children.",
        Stage::Preparation => "Has picked a start date and told their sister.",
        Stage::Action => "Keeping to the plan most days; talks about what helps.",
        Stage::Maintenance => "Steady for two months; planning for the school holidays.",
        Stage::Relapse => "A hard fortnight and an old pattern back; wants to start again.",
    }
}

/// A parent's change plan and decisional balance for a goal in one area, in their words.
struct DemoPlan {
    area: GoalArea,
    /// In the order of `PlanPart::ALL`.
    answers: [&'static str; 7],
    /// The worker's note beside one part.
    note: (PlanPart, &'static str),
    /// Each item: its box, the words, and whether the parent wrote it (else the worker did,
    /// with them).
    balance: [(Quadrant, &'static str, bool); 5],
}

const DEMO_PLANS: &[DemoPlan] = &[
    DemoPlan {
        area: GoalArea::HomeCare,
        answers: [
            "Keep the floors clear and the kitchen clean, so the kids have room to play.",
            "I want the kids to bring friends home and not feel ashamed.",
            "One room at a time, starting with the stairs. A tidy-up every Sunday evening.",
            "My sister on Sundays, and the family support worker with the beds.",
            "The stairs stay clear all week and the kids can find their school things.",
            "When I am tired or low it all piles up again.",
            "Do just the kitchen that day, and tell my worker at the next visit.",
        ],
        note: (
            PlanPart::Help,
            "The furniture project can bring a second bed: I can put you in touch.",
        ),
        balance: [
            (Quadrant::ChangeGood, "The kids can play on the floor", true),
            (
                Quadrant::ChangeGood,
                "Feeling proud when people come round",
                true,
            ),
            (
                Quadrant::ChangeHard,
                "It takes time I do not have after work",
                true,
            ),
            (
                Quadrant::StayGood,
                "I can rest in the evenings instead",
                false,
            ),
            (Quadrant::StayHard, "There is nowhere to do homework", false),
        ],
    },
    DemoPlan {
        area: GoalArea::DrugsAlcohol,
        answers: [
            "Have a clear head in the mornings so I can do the school run.",
            "My kids deserve a mum who is there for them, and I want to feel well again.",
            "No drinking on school nights. Go to the Tuesday group. Tell my sister how I am doing.",
            "My sister, the Tuesday group, and my worker.",
            "I will get up without feeling sick and the kids will be on time.",
            "Friday nights when I am on my own and feeling low.",
            "Ring my sister or go for a walk with the dog.",
        ],
        note: (
            PlanPart::Help,
            "The Tuesday group also runs a Friday drop-in: I can give you the number.",
        ),
        balance: [
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
        ],
    },
    DemoPlan {
        area: GoalArea::MentalHealth,
        answers: [
            "Get up at the same time as the kids and get out of the house every day.",
            "I miss being the fun one. The kids should not have to look after me.",
            "Walk to the shop every morning. Keep taking my tablets. Say yes to one thing a week.",
            "My mum, my worker, and the doctor if the tablets are not working.",
            "I will be dressed when the kids come down, most days.",
            "Bad nights, and when the weather is grey for days.",
            "Text my mum 'bad day' so she knows to come round, and still do the walk.",
        ],
        note: (
            PlanPart::InTheWay,
            "Sleep came up a lot today: shall we look at evenings together next time?",
        ),
        balance: [
            (
                Quadrant::ChangeGood,
                "More time outside with the kids",
                true,
            ),
            (Quadrant::ChangeGood, "Feeling like myself again", true),
            (
                Quadrant::ChangeHard,
                "Mornings are the hardest time for me",
                true,
            ),
            (Quadrant::StayGood, "Staying in feels safe", false),
            (
                Quadrant::StayHard,
                "The kids are missing out on the park",
                false,
            ),
        ],
    },
    DemoPlan {
        area: GoalArea::Parenting,
        answers: [
            "Stay calm when the kids kick off, and stop shouting.",
            "I was shouted at as a kid and I do not want mine to be scared of me.",
            "Count to ten and walk into the kitchen. Use the bedtime chart every night.",
            "The parenting course on Tuesdays, and my partner backing me up.",
            "Fewer rows at bedtime, and the kids come to me when they are upset.",
            "When I am tired after work and they all want me at once.",
            "Take a breath, say 'I need a minute', and come back when I am calm.",
        ],
        note: (
            PlanPart::Know,
            "You could keep a tally of calm bedtimes on the fridge, to see the change.",
        ),
        balance: [
            (Quadrant::ChangeGood, "A calmer house for everyone", true),
            (Quadrant::ChangeGood, "The kids feel safe with me", true),
            (
                Quadrant::ChangeHard,
                "It feels like letting them get away with it",
                true,
            ),
            (
                Quadrant::StayGood,
                "Shouting gets them to listen fast",
                false,
            ),
            (
                Quadrant::StayHard,
                "The youngest has started shouting too",
                false,
            ),
        ],
    },
    DemoPlan {
        area: GoalArea::DomesticAbuse,
        answers: [
            "Feel safe at home and know what to do if things kick off.",
            "The kids hear everything. I want them to sleep without worrying.",
            "Keep my phone charged with the numbers saved. Go to the Freedom group.",
            "My friend next door, the Freedom group, and my worker.",
            "I will know who to call and the kids will know where to go.",
            "Being too scared or too embarrassed to ask for help.",
            "Use the code word with my friend, and call the numbers on my plan.",
        ],
        note: (
            PlanPart::Steps,
            "The Freedom group starts again on the 14th: I can go with you the first time.",
        ),
        balance: [
            (
                Quadrant::ChangeGood,
                "The kids can sleep without worrying",
                true,
            ),
            (Quadrant::ChangeGood, "Not walking on eggshells", true),
            (
                Quadrant::ChangeHard,
                "Things might get worse before they get better",
                true,
            ),
            (
                Quadrant::StayGood,
                "The kids still see their dad every day",
                false,
            ),
            (
                Quadrant::StayHard,
                "The kids hide upstairs when voices are raised",
                false,
            ),
        ],
    },
    DemoPlan {
        area: GoalArea::Relationships,
        answers: [
            "Have people I can ring when I need help.",
            "Doing it all on my own wears me out, and the kids need more people around them.",
            "Ask my sister about Fridays. Go to the stay-and-play at the children's centre.",
            "My sister, the mums at stay-and-play, and my worker.",
            "I will have two people I can ring when I need a break.",
            "Feeling like I am a burden, or falling out with my sister again.",
            "Remember she offered. Try someone else on my list if she cannot.",
        ],
        note: (
            PlanPart::Steps,
            "A family meeting could help everyone agree who does what: shall we plan one?",
        ),
        balance: [
            (Quadrant::ChangeGood, "A break now and then", true),
            (
                Quadrant::ChangeGood,
                "The kids see their cousins more",
                true,
            ),
            (
                Quadrant::ChangeHard,
                "Asking for help feels like failing",
                true,
            ),
            (Quadrant::StayGood, "Nobody knows my business", false),
            (
                Quadrant::StayHard,
                "No one to call when a child is ill",
                false,
            ),
        ],
    },
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
    /// The goal's area, when the parent has written a change plan for it.
    pub plan_for: Option<GoalArea>,
}

pub async fn seed_goal(write: &mut WriteTx, seed: &GoalSeed) -> Result<(), AppError> {
    let journey = JOURNEYS[seed.variant % JOURNEYS.len()];
    for (month, stage) in journey.iter().enumerate() {
        let back = 4 - month as i64;
        let input = StageInput {
            stage: *stage,
            noted_on: seed.today - Duration::days(back * 30 - 3),
            note: stage_note(*stage).into(),
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
    let plan = seed
        .plan_for
        .and_then(|area| DEMO_PLANS.iter().find(|p| p.area == area));
    if let (Some(plan), Some((member, account))) = (plan, seed.planner) {
        let parts: Vec<(PlanPart, String)> = PlanPart::ALL
            .iter()
            .zip(plan.answers)
            .map(|(p, t)| (*p, t.to_string()))
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
                parts: &[(plan.note.0, plan.note.1.to_string())],
                now: seed.now - 18 * DAY_MS,
            },
        )
        .await?;
        for (i, (quadrant, body, own)) in plan.balance.iter().enumerate() {
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
