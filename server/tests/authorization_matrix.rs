//! Every server function × every kind of person: the expected outcome is written out here, by
//! hand, and each one is asserted. People are grouped by how they stand to the Ashworth family
//! (in Sam's team); Fairweather is another team's family. Cases run in order for each person, so
//! a case can build on an earlier one (opening a family outside the team, then reading it; adding
//! a balance item, then taking it back). Refusals are recorded in the audit trail and change
//! nothing. A last check lists every server function the router serves and fails when one has
//! no case here.

mod support;

use app::domain::mi::change_plan::PlanPart;
use app::error::AppError;
use app::page_data::change_work::OwnChangeWork;
use std::collections::{BTreeMap, BTreeSet};
use support::TestApp;
use support::{day, new_id};

/// The people asked, grouped; each group's logins share one column of expectations.
const PEOPLE: [(&str, &[&str]); 9] = [
    (
        "practitioners of Ashworth's team",
        &[
            "sam.whitfield@brookford.example",
            "priya.nair@brookford.example",
            "dana.price@brookford.example",
            "owen.baker@brookford.example",
            "rhys.morgan@brookford.example",
            "lena.fischer@brookford.example",
            "ada.chen@brookford.example",
            "tom.reilly@brookford.example",
        ],
    ),
    (
        "Ashworth's team manager",
        &["maya.okafor@brookford.example"],
    ),
    (
        "a practitioner of Fairweather's team",
        &["noor.haddad@brookford.example"],
    ),
    (
        "Fairweather's team manager",
        &["grace.mensah@brookford.example"],
    ),
    ("an administrator", &["jordan.lee@brookford.example"]),
    ("Kelly Ashworth, a parent", &["kelly.ashworth"]),
    (
        "a parent of another family of the team",
        &["marcus.baptiste"],
    ),
    ("a parent of Fairweather", &["chloe.fairweather"]),
    ("not signed in", &[""]),
];

/// A = allowed (200), F = forbidden (403), R = another team's family: a reason is needed (403),
/// U = not signed in (401), N = not found (404; where saying more would leak, or the id names
/// nothing of that kind there).
fn outcome(reply: &support::Reply) -> char {
    match (reply.status, reply.status >= 400) {
        (200, _) => 'A',
        (401, _) if reply.error() == AppError::SignInRequired => 'U',
        (403, _) if reply.error() == AppError::Forbidden => 'F',
        (403, _) if reply.error() == AppError::ReasonRequired => 'R',
        (404, _) => 'N',
        _ => '?',
    }
}

/// Compares one outcome, keeping every difference so that a run reports them all at once.
fn check(case: &str, who: &str, expected: char, reply: &support::Reply, wrong: &mut Vec<String>) {
    let got = outcome(reply);
    if got != expected {
        wrong.push(format!(
            "{who} → {case}: expected {expected}, got {got} ({} {})",
            reply.status, reply.body
        ));
    }
}

const FLAGGED_REFUSALS: &str =
    "SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND flagged = 1";

const REASON: &str = "Duty cover: police call-out to the family's address overnight";

/// The records the cases name, found once.
struct Ids {
    ashworth: String,
    fairweather: String,
    darren: String,
    lily: String,
    ben: String,
    kelly: String,
    chloe: String,
    kelly_goal: String,
    kelly_step: String,
    kelly_words: String,
    entry: String,
    supervision: String,
    action: String,
    plan_version: String,
    /// Kelly's change plan as saved, but for a new "steps": a save that changes one part.
    plan_answers: Form,
    today: String,
    target: String,
}

/// Ids one person's cases make, so a later case can name what an earlier one added.
struct Fresh {
    item: String,
    own_item: String,
    prompt: String,
}

type Form = Vec<(&'static str, String)>;

struct Case {
    what: &'static str,
    /// One letter per group of [`PEOPLE`], in order.
    expect: &'static str,
    /// The table an allowed call adds one row to.
    adds: Option<&'static str>,
    call: fn(&Ids, &Fresh) -> (&'static str, Form),
}

fn s(text: &str) -> String {
    text.to_string()
}

fn new_goal(family: &str, owner: &str, target: &str) -> Form {
    vec![
        ("family", s(family)),
        ("goal", new_id()),
        ("version", s("")),
        ("owner", s(owner)),
        ("area", s("parenting")),
        ("family_words", s("Read with the children every night")),
        (
            "professional_words",
            s("Bedtime routine with shared reading"),
        ),
        ("target_date", s(target)),
        ("status", s("not_started")),
        ("visible_to[]", s(owner)),
    ]
}

fn case(
    what: &'static str,
    expect: &'static str,
    adds: Option<&'static str>,
    call: fn(&Ids, &Fresh) -> (&'static str, Form),
) -> Case {
    Case {
        what,
        expect,
        adds,
        call,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case("caseload", "AAAAFFFFU", None, |_, _| ("caseload", vec![])),
        case("family Ashworth", "AARRFFFFU", None, |i, _| {
            ("family", vec![("id", s(&i.ashworth))])
        }),
        case("family Fairweather", "RRAAFFFFU", None, |i, _| {
            ("family", vec![("id", s(&i.fairweather))])
        }),
        case("own page", "FFFFFAAAU", None, |_, _| ("own_page", vec![])),
        case("audit trail", "FAFAFFFFU", None, |_, _| {
            ("audit_trail", vec![])
        }),
        case("accounts", "FFFFAFFFU", None, |_, _| ("accounts", vec![])),
        case(
            "invite Darren (Ashworth adult)",
            "AAFFFFFFU",
            Some("invitations"),
            |i, _| {
                (
                    "create_invitation",
                    vec![("member", s(&i.darren)), ("invitation", new_id())],
                )
            },
        ),
        case("invite Lily (Ashworth child)", "FFFFFFFFU", None, |i, _| {
            (
                "create_invitation",
                vec![("member", s(&i.lily)), ("invitation", new_id())],
            )
        }),
        case(
            "invite Ben (Fairweather adult)",
            "FFAAFFFFU",
            Some("invitations"),
            |i, _| {
                (
                    "create_invitation",
                    vec![("member", s(&i.ben)), ("invitation", new_id())],
                )
            },
        ),
        case(
            "open Ashworth outside team",
            "FFAAFFFFU",
            Some("break_glass"),
            |i, _| {
                (
                    "open_family",
                    vec![("id", s(&i.ashworth)), ("reason", s(REASON))],
                )
            },
        ),
        case(
            "open Fairweather outside team",
            "AAFFFFFFU",
            Some("break_glass"),
            |i, _| {
                (
                    "open_family",
                    vec![("id", s(&i.fairweather)), ("reason", s(REASON))],
                )
            },
        ),
        case("family Ashworth again", "AAAAFFFFU", None, |i, _| {
            ("family", vec![("id", s(&i.ashworth))])
        }),
        case("family Fairweather again", "AAAAFFFFU", None, |i, _| {
            ("family", vec![("id", s(&i.fairweather))])
        }),
        case("plan of Ashworth", "AAAAFFFFU", None, |i, _| {
            ("family_plan", vec![("family", s(&i.ashworth))])
        }),
        case("a goal of Ashworth", "AAAAFFFFU", None, |i, _| {
            (
                "goal",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
            )
        }),
        // Opening a family with a reason is for reading it: no edit follows (Noor and Grace).
        case(
            "add a goal to Ashworth",
            "AAFFFFFFU",
            Some("goals"),
            |i, _| ("save_goal", new_goal(&i.ashworth, &i.kelly, &i.target)),
        ),
        case(
            "add a goal to Fairweather",
            "FFAAFFFFU",
            Some("goals"),
            |i, _| ("save_goal", new_goal(&i.fairweather, &i.chloe, &i.target)),
        ),
        case(
            "add a step to Kelly's goal",
            "AAFFFFFFU",
            Some("steps"),
            |i, _| {
                (
                    "save_step",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("step", new_id()),
                        ("version", s("")),
                        ("who", s("role:social_worker")),
                        ("what", s("Ring the school")),
                        ("due_on", s(&i.target)),
                    ],
                )
            },
        ),
        case(
            "change the status of Kelly's goal",
            "AAFFFFFFU",
            None,
            |i, _| {
                (
                    "set_goal_status",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("status", s("on_track")),
                        ("reason", s("Going well")),
                    ],
                )
            },
        ),
        case(
            "move Kelly's goal in the plan",
            "AAFFFFFFU",
            None,
            |i, _| {
                (
                    "move_in_plan",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("direction", s("down")),
                    ],
                )
            },
        ),
        case(
            "add a danger statement to Ashworth",
            "AAFFFFFFU",
            Some("safety_statements"),
            |i, _| {
                (
                    "save_safety",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("safety", new_id()),
                        ("version", s("")),
                        (
                            "danger",
                            s("We are worried Lily is shouted at when Darren drinks."),
                        ),
                        (
                            "safety_goal",
                            s("Lily is calm and safe at home every evening."),
                        ),
                        ("visible_to[]", s(&i.kelly)),
                    ],
                )
            },
        ),
        case(
            "Lily's Three Houses",
            "AAFFFFFFU",
            Some("three_houses"),
            |i, _| {
                (
                    "record_houses",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("houses", new_id()),
                        ("child", s(&i.lily)),
                        ("recorded_on", s(&i.today)),
                        ("good_things", s("My bike")),
                    ],
                )
            },
        ),
        case(
            "rate an Ashworth goal (practitioner)",
            "AAFFFFFFU",
            Some("check_ins"),
            |i, _| {
                (
                    "add_check_in",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("check_in", new_id()),
                        ("scale", s("worker")),
                        ("score", s("6")),
                        ("given_on", s(&i.today)),
                    ],
                )
            },
        ),
        case(
            "rate Kelly's goal as a family member",
            "FFFFFANNU",
            Some("check_ins"),
            |i, _| {
                (
                    "rate_goal",
                    vec![
                        ("goal", s(&i.kelly_goal)),
                        ("check_in", new_id()),
                        ("score", s("7")),
                    ],
                )
            },
        ),
        case(
            "tell my worker",
            "FFFFFAAAU",
            Some("family_words"),
            |_, _| {
                (
                    "tell_worker",
                    vec![
                        ("words", new_id()),
                        ("body", s("I have a new job interview on Monday")),
                    ],
                )
            },
        ),
        case(
            "reply to Kelly's words",
            "AAFFFFFFU",
            Some("family_words"),
            |i, _| {
                (
                    "reply_to_family",
                    vec![
                        ("reply", new_id()),
                        ("reply_to", s(&i.kelly_words)),
                        ("body", s("Thank you for telling me.")),
                    ],
                )
            },
        ),
        case("mark Kelly's step done", "AAFFFANNU", None, |i, _| {
            (
                "mark_step",
                vec![("step", s(&i.kelly_step)), ("done", s("true"))],
            )
        }),
        case("history of an Ashworth goal", "AAAAFFFFU", None, |i, _| {
            (
                "goal_history",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
            )
        }),
        case("workbook of Ashworth", "AAAAFFFFU", None, |i, _| {
            ("workbook", vec![("family", s(&i.ashworth))])
        }),
        // Each practitioner writes in their own role's chapter; a manager writes in none.
        case(
            "record a visit in one's own chapter",
            "AFFFFFFFU",
            Some("workbook_entries"),
            |i, _| {
                (
                    "save_entry",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("entry", new_id()),
                        ("version", s("")),
                        ("kind", s("visit")),
                        ("occurred_on", s(&i.today)),
                        ("summary", s("Seen at home; all well.")),
                    ],
                )
            },
        ),
        case("chronology of Ashworth", "AAAAFFFFU", None, |i, _| {
            ("chronology", vec![("family", s(&i.ashworth))])
        }),
        case(
            "record a group supervision",
            "AAFFFFFFU",
            Some("supervisions"),
            |i, _| {
                (
                    "record_supervision",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("supervision", new_id()),
                        ("held_on", s(&i.today)),
                        ("attendees[]", s("social_worker")),
                        ("risk", s("5")),
                        ("progress", s("5")),
                        ("decisions", s("Carry on with the plan")),
                    ],
                )
            },
        ),
        case("my week", "AAAAFFFFU", None, |_, _| ("week", vec![])),
        case("team dashboard", "FAFAFFFFU", None, |_, _| {
            ("team_dashboard", vec![])
        }),
        case(
            "integrated assessment of Ashworth",
            "AAAAFFFFU",
            None,
            |i, _| ("assessment", vec![("family", s(&i.ashworth))]),
        ),
        case(
            "record a core group held",
            "AAFFFFFFU",
            Some("meetings"),
            |i, _| {
                (
                    "record_meeting",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("meeting_kind", s("core_group")),
                        ("held_on", s(&i.today)),
                    ],
                )
            },
        ),
        case("change Ashworth's dates", "AAFFFFFFU", None, |i, _| {
            (
                "save_schedule",
                vec![("family", s(&i.ashworth)), ("visit_every", s("10"))],
            )
        }),
        case(
            "mark a supervision action done",
            "AAFFFFFFU",
            None,
            |i, _| {
                (
                    "mark_action",
                    vec![("action", s(&i.action)), ("done", s("true"))],
                )
            },
        ),
        case(
            "an entry of Ashworth's workbook",
            "AAAAFFFFU",
            None,
            |i, _| {
                (
                    "entry",
                    vec![("family", s(&i.ashworth)), ("entry", s(&i.entry))],
                )
            },
        ),
        case(
            "group supervisions of Ashworth",
            "AAAAFFFFU",
            None,
            |i, _| ("supervisions", vec![("family", s(&i.ashworth))]),
        ),
        case("the MI prompt library", "AAAAFFFFU", None, |_, _| {
            ("prompt_library", vec![])
        }),
        case(
            "add a prompt for one's team",
            "AAAAFFFFU",
            Some("mi_prompts"),
            |_, f| {
                (
                    "add_prompt",
                    vec![
                        ("prompt", s(&f.prompt)),
                        ("technique", s("affirmation")),
                        // Unique per person, so no one's prompt repeats another's.
                        (
                            "text",
                            format!("You kept going this week ({}).", &f.prompt[..8]),
                        ),
                        (
                            "why",
                            s("Names a concrete effort, which builds confidence."),
                        ),
                    ],
                )
            },
        ),
        case("retire that prompt", "FAFAFFFFU", None, |_, f| {
            ("retire_prompt", vec![("prompt", s(&f.prompt))])
        }),
        case(
            "working on change for Kelly's goal",
            "AAAAFFFFU",
            None,
            |i, _| {
                (
                    "change_work",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
                )
            },
        ),
        case(
            "prompts for a visit about Kelly's goal",
            "AAAAFFFFU",
            None,
            |i, _| {
                (
                    "conversation_prompts",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
                )
            },
        ),
        case(
            "record a stage of change",
            "AAFFFFFFU",
            Some("goal_stages"),
            |i, _| {
                (
                    "record_stage",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("stage_note", new_id()),
                        ("stage", s("contemplation")),
                        ("noted_on", s(&i.today)),
                    ],
                )
            },
        ),
        case(
            "note the change talk of a session",
            "AAFFFFFFU",
            Some("change_talk"),
            |i, _| {
                (
                    "record_change_talk",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("tally", new_id()),
                        ("heard_on", s(&i.today)),
                        ("talk_desire", s("2")),
                    ],
                )
            },
        ),
        case(
            "a note beside Kelly's change plan",
            "AAFFFFFFU",
            Some("change_plan_words"),
            |i, _| {
                (
                    "note_on_change_plan",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("member", s(&i.kelly)),
                        ("note", new_id()),
                        ("part", s("then")),
                        ("body", s("Ring me if the group is cancelled.")),
                    ],
                )
            },
        ),
        case(
            "a balance item written with Kelly",
            "AAFFFFFFU",
            Some("balance_items"),
            |i, f| {
                (
                    "add_balance_item",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("member", s(&i.kelly)),
                        ("item", s(&f.item)),
                        ("quadrant", s("stay_good")),
                        ("body", s("Wine helps me sleep")),
                    ],
                )
            },
        ),
        // Refused people never added one; an item is only taken back by whoever wrote it.
        case("take that balance item back", "AAFFFFFFU", None, |i, f| {
            (
                "remove_balance_item",
                vec![
                    ("family", s(&i.ashworth)),
                    ("goal", s(&i.kelly_goal)),
                    ("item", s(&f.item)),
                ],
            )
        }),
        case("Kelly's own change plan", "FFFFFANNU", None, |i, _| {
            ("own_change_work", vec![("goal", s(&i.kelly_goal))])
        }),
        case(
            "save Kelly's own change plan",
            "FFFFFANNU",
            Some("change_plan_words"),
            |i, _| {
                let mut form = vec![
                    ("goal", s(&i.kelly_goal)),
                    ("save", new_id()),
                    ("version", s(&i.plan_version)),
                ];
                form.extend(i.plan_answers.iter().cloned());
                ("save_change_plan", form)
            },
        ),
        case(
            "Kelly's own ruler",
            "FFFFFANNU",
            Some("check_ins"),
            |i, _| {
                (
                    "give_ruler",
                    vec![
                        ("goal", s(&i.kelly_goal)),
                        ("check_in", new_id()),
                        ("scale", s("importance")),
                        ("score", s("8")),
                    ],
                )
            },
        ),
        case(
            "Kelly's own balance item",
            "FFFFFANNU",
            Some("balance_items"),
            |i, f| {
                (
                    "add_own_balance_item",
                    vec![
                        ("goal", s(&i.kelly_goal)),
                        ("item", s(&f.own_item)),
                        ("quadrant", s("change_good")),
                        ("body", s("More energy for the children")),
                    ],
                )
            },
        ),
        case("take her own item back", "FFFFFANNU", None, |i, f| {
            (
                "remove_own_balance_item",
                vec![("goal", s(&i.kelly_goal)), ("item", s(&f.own_item))],
            )
        }),
        // Ids of another kind: each names nothing of the kind asked for.
        case(
            "a family named by a goal's id",
            "NNNNNNNNU",
            None,
            |i, _| ("family", vec![("id", s(&i.kelly_goal))]),
        ),
        case("a goal named by a step's id", "NNNNFFFFU", None, |i, _| {
            (
                "goal",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_step))],
            )
        }),
        case(
            "a goal's history named by the family's id",
            "NNNNFFFFU",
            None,
            |i, _| {
                (
                    "goal_history",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.ashworth))],
                )
            },
        ),
        case(
            "an edit of a goal named by a step's id",
            "NNFFFFFFU",
            None,
            |i, _| {
                let mut form = new_goal(&i.ashworth, &i.kelly, &i.target);
                form[1].1 = s(&i.kelly_step);
                form[2].1 = s("1");
                ("save_goal", form)
            },
        ),
        case(
            "a goal's id marked done as a step",
            "NNNNNNNNU",
            None,
            |i, _| {
                (
                    "mark_step",
                    vec![("step", s(&i.kelly_goal)), ("done", s("true"))],
                )
            },
        ),
        case("a step's id rated as a goal", "FFFFFNNNU", None, |i, _| {
            (
                "rate_goal",
                vec![
                    ("goal", s(&i.kelly_step)),
                    ("check_in", new_id()),
                    ("score", s("7")),
                ],
            )
        }),
        case(
            "an entry named by a supervision's id",
            "NNNNFFFFU",
            None,
            |i, _| {
                (
                    "entry",
                    vec![("family", s(&i.ashworth)), ("entry", s(&i.supervision))],
                )
            },
        ),
        case(
            "an entry's id marked done as an action",
            "NNNNNNNNU",
            None,
            |i, _| {
                (
                    "mark_action",
                    vec![("action", s(&i.entry)), ("done", s("true"))],
                )
            },
        ),
        case(
            "a reply to a goal's id as if it were words",
            "NNNNNNNNU",
            None,
            |i, _| {
                (
                    "reply_to_family",
                    vec![
                        ("reply", new_id()),
                        ("reply_to", s(&i.kelly_goal)),
                        ("body", s("Thank you.")),
                    ],
                )
            },
        ),
        case(
            "own change work named by a step's id",
            "FFFFFNNNU",
            None,
            |i, _| ("own_change_work", vec![("goal", s(&i.kelly_step))]),
        ),
        case(
            "an invitation named by a member's id",
            "NNNNNNNNU",
            None,
            |i, _| ("invitation", vec![("id", s(&i.kelly))]),
        ),
    ]
}

async fn matrix(app: TestApp) {
    let ashworth = app.family_id("Ashworth").await;
    let kelly = app.member_id("Kelly").await;
    let kelly_goal = app.first_goal_of(&kelly).await;
    let kelly_login = app.sign_in("kelly.ashworth").await;
    let own: OwnChangeWork = app
        .call(
            "own_change_work",
            &[("goal", &kelly_goal)],
            Some(&kelly_login),
        )
        .await
        .json();
    let ids = Ids {
        fairweather: app.family_id("Fairweather").await,
        darren: app.member_id("Darren").await,
        lily: app.member_id("Lily").await,
        ben: app.member_id("Ben").await,
        chloe: app.member_id("Chloe").await,
        kelly_step: app
            .one_text(
                "SELECT id FROM steps WHERE who = $1 LIMIT 1",
                &format!("member:{kelly}"),
            )
            .await,
        kelly_words: app
            .one_text(
                "SELECT id FROM family_words WHERE member_id = $1 AND reply_to IS NULL LIMIT 1",
                &kelly,
            )
            .await,
        entry: app
            .one_text(
                "SELECT id FROM workbook_entries WHERE family_id = $1 ORDER BY occurred_on LIMIT 1",
                &ashworth,
            )
            .await,
        supervision: app
            .one_text(
                "SELECT id FROM supervisions WHERE family_id = $1 LIMIT 1",
                &ashworth,
            )
            .await,
        action: app
            .one_text(
                "SELECT id FROM supervision_actions WHERE family_id = $1 ORDER BY due_on LIMIT 1",
                &ashworth,
            )
            .await,
        plan_version: own.mine.plan.version().to_string(),
        plan_answers: PlanPart::ALL
            .iter()
            .map(|part| {
                let answer = match part {
                    PlanPart::Steps => s("Go to the Tuesday group, and ring my sister after."),
                    _ => own
                        .mine
                        .plan
                        .answer(*part)
                        .map(|w| w.body.clone())
                        .unwrap_or_default(),
                };
                (part.code(), answer)
            })
            .collect(),
        today: day(0),
        target: day(90),
        ashworth,
        kelly,
        kelly_goal,
    };
    let cases = cases();
    let mut tables: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for table in cases.iter().filter_map(|c| c.adds) {
        let before = app.count(&format!("SELECT COUNT(*) FROM {table}")).await;
        tables.insert(table, (before, 0));
    }
    let mut asserted = 0;
    let mut refusals = 0;
    let mut wrong = Vec::new();

    for (group, (people, logins)) in PEOPLE.iter().enumerate() {
        for login in *logins {
            let cookie = if login.is_empty() {
                None
            } else {
                Some(app.sign_in(login).await)
            };
            let cookie = cookie.as_deref();
            let who = format!("{login} ({people})");
            let fresh = Fresh {
                item: new_id(),
                own_item: new_id(),
                prompt: new_id(),
            };
            for case in &cases {
                let expected = case.expect.chars().nth(group).unwrap_or('?');
                let (function, form) = (case.call)(&ids, &fresh);
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let reply = app.call(function, &form, cookie).await;
                check(case.what, &who, expected, &reply, &mut wrong);
                asserted += 1;
                if matches!(expected, 'F' | 'R') {
                    refusals += 1;
                    let recorded = app.count(FLAGGED_REFUSALS).await;
                    if recorded != refusals {
                        wrong.push(format!(
                            "{who} → {}: the refusal is not in the audit trail",
                            case.what
                        ));
                        refusals = recorded;
                    }
                }
                if let (Some(table), 'A') = (case.adds, expected) {
                    if let Some((_, added)) = tables.get_mut(table) {
                        *added += 1;
                    }
                }
            }
            let me = app.call("whoami", &[], cookie).await;
            assert_eq!(me.status, 200, "{who} → whoami");
            assert_eq!(
                me.body == "null",
                login.is_empty(),
                "{who} → whoami: {}",
                me.body
            );
            let home = app.call("home", &[], cookie).await;
            assert_eq!(home.status, 200, "{who} → home: {}", home.body);
            asserted += 2;
        }
    }

    // An invitation code is shown only to the worker who made it, and only once.
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let invitation = new_id();
    let nadia = app.member_id("Nadia").await;
    let made = app
        .call(
            "create_invitation",
            &[("member", &nadia), ("invitation", &invitation)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200, "{}", made.body);
    if let Some((_, added)) = tables.get_mut("invitations") {
        *added += 1;
    }
    for login in PEOPLE
        .iter()
        .flat_map(|(_, logins)| logins.iter())
        .filter(|l| **l != "sam.whitfield@brookford.example")
    {
        let cookie = if login.is_empty() {
            None
        } else {
            Some(app.sign_in(login).await)
        };
        let reply = app
            .call("invitation", &[("id", &invitation)], cookie.as_deref())
            .await;
        let expected = if login.is_empty() { 'U' } else { 'N' };
        check(
            "see Sam's invitation code",
            login,
            expected,
            &reply,
            &mut wrong,
        );
        asserted += 1;
    }
    let shown = app
        .call("invitation", &[("id", &invitation)], Some(&sam))
        .await;
    check("see own invitation code", "sam", 'A', &shown, &mut wrong);
    assert!(
        wrong.is_empty(),
        "{} outcomes differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let view: app::page_data::family::InvitationView = shown.json();
    assert!(
        view.code.is_some(),
        "the maker sees the code the first time"
    );
    let again: app::page_data::family::InvitationView = app
        .call("invitation", &[("id", &invitation)], Some(&sam))
        .await
        .json();
    assert_eq!(again.code, None, "the code is shown only once");
    asserted += 2;

    assert_eq!(app.count(FLAGGED_REFUSALS).await, refusals);

    // Signing in and out, and claiming an invitation: open to anyone, and each does only what
    // its own credentials allow. A wrong password is a flagged refusal too.
    let wrong = app
        .call(
            "sign_in",
            &[
                ("login", "sam.whitfield@brookford.example"),
                ("password", "not-the-password"),
            ],
            None,
        )
        .await;
    assert_eq!(wrong.status, 422, "a wrong password: {}", wrong.body);
    let unknown = app
        .call(
            "claim_invitation",
            &[
                ("code", "ABCD-EFGH-JKLM"),
                ("login", "someone.new"),
                ("passphrase", "a long and unusual passphrase"),
                ("confirm", "a long and unusual passphrase"),
            ],
            None,
        )
        .await;
    assert_eq!(unknown.status, 422, "an unknown code: {}", unknown.body);
    // Both reach the audit trail with the next batch, each a flagged refusal.
    assert_eq!(app.count(FLAGGED_REFUSALS).await, refusals);
    let later = app::store::now_ms() + app::services::failed_attempts::SETTLE_MS + 1;
    let batch = app::services::failed_attempts::audit_failures(&app.db, later)
        .await
        .expect("the batch is written");
    assert_eq!(batch, 2);
    assert_eq!(app.count(FLAGGED_REFUSALS).await, refusals + 2);
    // Signing out needs no session (an ended one still clears its cookie); signing every device
    // out needs the account.
    for (function, anonymous) in [("sign_out", 200), ("sign_out_everywhere", 401)] {
        let priya = app.sign_in("priya.nair@brookford.example").await;
        let out = app.call(function, &[], Some(&priya)).await;
        assert_eq!(out.status, 200, "{function}: {}", out.body);
        let me = app.call("whoami", &[], Some(&priya)).await;
        assert_eq!(me.body, "null", "{function} ends the session");
        let nobody = app.call(function, &[], None).await;
        assert_eq!(
            nobody.status, anonymous,
            "{function} not signed in: {}",
            nobody.body
        );
        asserted += 3;
    }
    asserted += 2;

    // Refusals changed nothing; allowed calls added one row each. Every refusal was recorded,
    // flagged for review.
    for (table, (before, added)) in &tables {
        assert_eq!(
            app.count(&format!("SELECT COUNT(*) FROM {table}")).await,
            before + added,
            "rows in {table}"
        );
    }

    // Every allowed entry names its record with that record's own kind: the id is found in the
    // kind's table, never another's.
    for (kind, table) in [
        ("account", "accounts"),
        ("balance_item", "balance_items"),
        ("change_plan", "change_plan_words"),
        ("change_talk", "change_talk"),
        ("check_in", "check_ins"),
        ("entry", "workbook_entries"),
        ("family", "families"),
        ("family_words", "family_words"),
        ("goal", "goals"),
        ("invitation", "invitations"),
        ("member", "members"),
        ("prompt", "mi_prompts"),
        ("safety", "safety_statements"),
        ("stage", "goal_stages"),
        ("step", "steps"),
        ("supervision", "supervisions"),
        ("supervision_action", "supervision_actions"),
        ("team", "teams"),
        ("three_houses", "three_houses"),
    ] {
        let stray = app
            .count(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE outcome = 'allowed' AND record_kind = '{kind}' \
                 AND record_id IS NOT NULL AND record_id NOT IN (SELECT id FROM {table})"
            ))
            .await;
        assert_eq!(
            stray, 0,
            "audit entries of kind {kind} whose id is not in {table}"
        );
    }

    // Every server function the router serves has its cases here.
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let fresh = Fresh {
        item: new_id(),
        own_item: new_id(),
        prompt: new_id(),
    };
    for case in &cases {
        covered.insert((case.call)(&ids, &fresh).0.to_string());
    }
    for asserted_above in [
        "whoami",
        "home",
        "invitation",
        "sign_in",
        "sign_out",
        "sign_out_everywhere",
        "claim_invitation",
    ] {
        covered.insert(asserted_above.to_string());
    }
    let served: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let missing: Vec<&String> = served.difference(&covered).collect();
    assert!(
        missing.is_empty(),
        "server functions with no case in the matrix: {missing:?}"
    );
    let stale: Vec<&String> = covered.difference(&served).collect();
    assert!(
        stale.is_empty(),
        "cases for functions the router does not serve: {stale:?}"
    );

    let people: usize = PEOPLE.iter().map(|(_, logins)| logins.len()).sum();
    println!(
        "authorization matrix: {asserted} outcomes asserted ({people} people in {} groups × {} cases, \
         plus who-am-I, home, invitation codes and sessions), covering all {} server functions",
        PEOPLE.len(),
        cases.len(),
        served.len()
    );
}

on_both_backends!(authorization_matrix, super::matrix);

/// A worker who moved team after making a code may no longer see it; the refusal is recorded and
/// the code stays unshown for a colleague to replace.
async fn moved_worker_cannot_see_their_code(app: TestApp) {
    let sam = app.sign_in("sam.whitfield@brookford.example").await;
    let darren = app.member_id("Darren").await;
    let id = uuid::Uuid::new_v4().to_string();
    let made = app
        .call(
            "create_invitation",
            &[("member", &darren), ("invitation", &id)],
            Some(&sam),
        )
        .await;
    assert_eq!(made.status, 200);
    let south = app
        .one_text(
            "SELECT id FROM teams WHERE name = $1",
            "Family Safeguarding South",
        )
        .await;
    sqlx::query("UPDATE accounts SET team_id = $1 WHERE login = 'sam.whitfield@brookford.example'")
        .bind(&south)
        .execute(app.db.pool())
        .await
        .expect("move Sam");
    let refused = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        app.call("invitation", &[("id", &id)], Some(&sam)),
    )
    .await
    .expect("answered without waiting on a lock");
    assert_eq!(
        outcome(&refused),
        'F',
        "see own code after moving team: {}",
        refused.body
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM invitations WHERE code_to_show IS NOT NULL")
            .await,
        1
    );
}

on_both_backends!(moved_worker, super::moved_worker_cannot_see_their_code);
