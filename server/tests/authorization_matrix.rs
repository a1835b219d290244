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
const PEOPLE: [(&str, &[&str]); 11] = [
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
    (
        "a practitioner of another council",
        &[support::council::OTHER_WORKER],
    ),
    (
        "an administrator of another council",
        &[support::council::OTHER_ADMIN],
    ),
];

/// A = allowed (200), F = forbidden (403), R = another team's family: a reason is needed (403),
/// U = not signed in (401), N = not found (404; where saying more would leak, or the id names
/// nothing of that kind there), I = refused as invalid input (422), B = a request no page makes
/// (400). F and R are always recorded as refusals; a lower-case n or i is one that is recorded
/// too (someone naming another person's session, or giving a wrong password).
fn outcome(reply: &support::Reply) -> char {
    match (reply.status, reply.status >= 400) {
        (200, _) => 'A',
        (400, _) => 'B',
        (401, _) if reply.error() == AppError::SignInRequired => 'U',
        (403, _) if reply.error() == AppError::Forbidden => 'F',
        (403, _) if reply.error() == AppError::ReasonRequired => 'R',
        (404, _) => 'N',
        (422, _) => 'I',
        _ => '?',
    }
}

/// Whether an expected outcome writes a flagged refusal into the audit trail.
fn recorded_as_refusal(expected: char) -> bool {
    matches!(expected, 'F' | 'R') || expected.is_ascii_lowercase()
}

/// Compares one outcome, keeping every difference so that a run reports them all at once.
fn check(case: &str, who: &str, expected: char, reply: &support::Reply, wrong: &mut Vec<String>) {
    let got = outcome(reply);
    let expected = expected.to_ascii_uppercase();
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
    /// The demo's opening of Ashworth from outside its team, last week, not yet reviewed.
    opening: String,
    /// Ashworth's team.
    north: String,
    /// Priya's staff account.
    priya: String,
    /// Sam's staff account: Ashworth's social worker.
    sam: String,
    /// A staff account no one signs in as, for administrators to disable, enable and move.
    newcomer: String,
}

/// Ids one person's cases make, so a later case can name what an earlier one added.
struct Fresh {
    item: String,
    own_item: String,
    prompt: String,
    team: String,
    account: String,
    code: String,
}

type Form = Vec<(&'static str, String)>;

struct Case {
    what: &'static str,
    /// One letter per group of [`PEOPLE`], in order.
    expect: &'static str,
    /// The tables an allowed call adds one row to each.
    adds: &'static [&'static str],
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
    adds: &'static [&'static str],
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
        case("caseload", "AAAAFFFFUAF", &[], |_, _| ("caseload", vec![])),
        case("family Ashworth", "AARRFFFFUFF", &[], |i, _| {
            ("family", vec![("id", s(&i.ashworth))])
        }),
        case("family Fairweather", "RRAAFFFFUFF", &[], |i, _| {
            ("family", vec![("id", s(&i.fairweather))])
        }),
        case("own page", "FFFFFAAAUFF", &[], |_, _| ("own_page", vec![])),
        case("audit trail", "FAFAFFFFUFF", &[], |_, _| {
            ("audit_trail", vec![])
        }),
        case("accounts", "FFFFAFFFUFA", &[], |_, _| ("accounts", vec![])),
        case(
            "invite Darren (Ashworth adult)",
            "AAFFFFFFUFF",
            &["invitations"],
            |i, _| {
                (
                    "create_invitation",
                    vec![("member", s(&i.darren)), ("invitation", new_id())],
                )
            },
        ),
        case(
            "invite Lily (Ashworth child)",
            "FFFFFFFFUFF",
            &[],
            |i, _| {
                (
                    "create_invitation",
                    vec![("member", s(&i.lily)), ("invitation", new_id())],
                )
            },
        ),
        case(
            "invite Ben (Fairweather adult)",
            "FFAAFFFFUFF",
            &["invitations"],
            |i, _| {
                (
                    "create_invitation",
                    vec![("member", s(&i.ben)), ("invitation", new_id())],
                )
            },
        ),
        case(
            "open Ashworth outside team",
            "FFAAFFFFUFF",
            &["break_glass"],
            |i, _| {
                (
                    "open_family",
                    vec![("id", s(&i.ashworth)), ("reason", s(REASON))],
                )
            },
        ),
        case(
            "open Fairweather outside team",
            "AAFFFFFFUFF",
            &["break_glass"],
            |i, _| {
                (
                    "open_family",
                    vec![("id", s(&i.fairweather)), ("reason", s(REASON))],
                )
            },
        ),
        case("family Ashworth again", "AAAAFFFFUFF", &[], |i, _| {
            ("family", vec![("id", s(&i.ashworth))])
        }),
        case("family Fairweather again", "AAAAFFFFUFF", &[], |i, _| {
            ("family", vec![("id", s(&i.fairweather))])
        }),
        case("plan of Ashworth", "AAAAFFFFUFF", &[], |i, _| {
            ("family_plan", vec![("family", s(&i.ashworth))])
        }),
        case("a goal of Ashworth", "AAAAFFFFUFF", &[], |i, _| {
            (
                "goal",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
            )
        }),
        // Opening a family with a reason is for reading it: no edit follows (Noor and Grace).
        case(
            "add a goal to Ashworth",
            "AAFFFFFFUFF",
            &["goals"],
            |i, _| ("save_goal", new_goal(&i.ashworth, &i.kelly, &i.target)),
        ),
        case(
            "add a goal to Fairweather",
            "FFAAFFFFUFF",
            &["goals"],
            |i, _| ("save_goal", new_goal(&i.fairweather, &i.chloe, &i.target)),
        ),
        case(
            "add a step to Kelly's goal",
            "AAFFFFFFUFF",
            &["steps"],
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
            "AAFFFFFFUFF",
            &[],
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
            "AAFFFFFFUFF",
            &[],
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
            "AAFFFFFFUFF",
            &["safety_statements"],
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
            "AAFFFFFFUFF",
            &["three_houses"],
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
            "AAFFFFFFUFF",
            &["check_ins"],
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
            "FFFFFANNUFF",
            &["check_ins"],
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
            "FFFFFAAAUFF",
            &["family_words"],
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
            "AAFFFFFFUFF",
            &["family_words"],
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
        case("mark Kelly's step done", "AAFFFANNUFF", &[], |i, _| {
            (
                "mark_step",
                vec![("step", s(&i.kelly_step)), ("done", s("true"))],
            )
        }),
        case("history of an Ashworth goal", "AAAAFFFFUFF", &[], |i, _| {
            (
                "goal_history",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
            )
        }),
        case("workbook of Ashworth", "AAAAFFFFUFF", &[], |i, _| {
            ("workbook", vec![("family", s(&i.ashworth))])
        }),
        // Each practitioner writes in their own role's chapter; a manager writes in none.
        case(
            "record a visit in one's own chapter",
            "AFFFFFFFUFF",
            &["workbook_entries"],
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
        case("chronology of Ashworth", "AAAAFFFFUFF", &[], |i, _| {
            ("chronology", vec![("family", s(&i.ashworth))])
        }),
        case(
            "record a group supervision",
            "AAFFFFFFUFF",
            &["supervisions"],
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
        case("my week", "AAAAFFFFUAF", &[], |_, _| ("week", vec![])),
        case("team dashboard", "FAFAFFFFUFF", &[], |_, _| {
            ("team_dashboard", vec![])
        }),
        case(
            "integrated assessment of Ashworth",
            "AAAAFFFFUFF",
            &[],
            |i, _| ("assessment", vec![("family", s(&i.ashworth))]),
        ),
        case(
            "record a core group held",
            "AAFFFFFFUFF",
            &["meetings"],
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
        case("change Ashworth's dates", "AAFFFFFFUFF", &[], |i, _| {
            (
                "save_schedule",
                vec![("family", s(&i.ashworth)), ("visit_every", s("10"))],
            )
        }),
        case(
            "mark a supervision action done",
            "AAFFFFFFUFF",
            &[],
            |i, _| {
                (
                    "mark_action",
                    vec![("action", s(&i.action)), ("done", s("true"))],
                )
            },
        ),
        case(
            "an entry of Ashworth's workbook",
            "AAAAFFFFUFF",
            &[],
            |i, _| {
                (
                    "entry",
                    vec![("family", s(&i.ashworth)), ("entry", s(&i.entry))],
                )
            },
        ),
        case(
            "group supervisions of Ashworth",
            "AAAAFFFFUFF",
            &[],
            |i, _| ("supervisions", vec![("family", s(&i.ashworth))]),
        ),
        case("the MI prompt library", "AAAAFFFFUAF", &[], |_, _| {
            ("prompt_library", vec![])
        }),
        case(
            "add a prompt for one's team",
            "AAAAFFFFUAF",
            &["mi_prompts"],
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
        case("retire that prompt", "FAFAFFFFUFF", &[], |_, f| {
            ("retire_prompt", vec![("prompt", s(&f.prompt))])
        }),
        case(
            "working on change for Kelly's goal",
            "AAAAFFFFUFF",
            &[],
            |i, _| {
                (
                    "change_work",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
                )
            },
        ),
        case(
            "prompts for a visit about Kelly's goal",
            "AAAAFFFFUFF",
            &[],
            |i, _| {
                (
                    "conversation_prompts",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
                )
            },
        ),
        case(
            "record a stage of change",
            "AAFFFFFFUFF",
            &["goal_stages"],
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
            "AAFFFFFFUFF",
            &["change_talk"],
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
            "AAFFFFFFUFF",
            &["change_plan_words"],
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
            "AAFFFFFFUFF",
            &["balance_items"],
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
        case("take that balance item back", "AAFFFFFFUFF", &[], |i, f| {
            (
                "remove_balance_item",
                vec![
                    ("family", s(&i.ashworth)),
                    ("goal", s(&i.kelly_goal)),
                    ("item", s(&f.item)),
                ],
            )
        }),
        case("Kelly's own change plan", "FFFFFANNUFF", &[], |i, _| {
            ("own_change_work", vec![("goal", s(&i.kelly_goal))])
        }),
        case(
            "save Kelly's own change plan",
            "FFFFFANNUFF",
            &["change_plan_words"],
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
            "FFFFFANNUFF",
            &["check_ins"],
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
            "FFFFFANNUFF",
            &["balance_items"],
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
        case("take her own item back", "FFFFFANNUFF", &[], |i, f| {
            (
                "remove_own_balance_item",
                vec![("goal", s(&i.kelly_goal)), ("item", s(&f.own_item))],
            )
        }),
        // Ids of another kind: each names nothing of the kind asked for.
        case(
            "a family named by a goal's id",
            "NNNNNNNNUNN",
            &[],
            |i, _| ("family", vec![("id", s(&i.kelly_goal))]),
        ),
        case("a goal named by a step's id", "NNNNFFFFUFF", &[], |i, _| {
            (
                "goal",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_step))],
            )
        }),
        case(
            "a goal's history named by the family's id",
            "NNNNFFFFUFF",
            &[],
            |i, _| {
                (
                    "goal_history",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.ashworth))],
                )
            },
        ),
        case(
            "an edit of a goal named by a step's id",
            "NNFFFFFFUFF",
            &[],
            |i, _| {
                let mut form = new_goal(&i.ashworth, &i.kelly, &i.target);
                form[1].1 = s(&i.kelly_step);
                form[2].1 = s("1");
                ("save_goal", form)
            },
        ),
        case(
            "a goal's id marked done as a step",
            "NNNNNNNNUNN",
            &[],
            |i, _| {
                (
                    "mark_step",
                    vec![("step", s(&i.kelly_goal)), ("done", s("true"))],
                )
            },
        ),
        case("a step's id rated as a goal", "FFFFFNNNUFF", &[], |i, _| {
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
            "NNNNFFFFUFF",
            &[],
            |i, _| {
                (
                    "entry",
                    vec![("family", s(&i.ashworth)), ("entry", s(&i.supervision))],
                )
            },
        ),
        case(
            "an entry's id marked done as an action",
            "NNNNNNNNUNN",
            &[],
            |i, _| {
                (
                    "mark_action",
                    vec![("action", s(&i.entry)), ("done", s("true"))],
                )
            },
        ),
        case(
            "a reply to a goal's id as if it were words",
            "NNNNNNNNUNN",
            &[],
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
            "FFFFFNNNUFF",
            &[],
            |i, _| ("own_change_work", vec![("goal", s(&i.kelly_step))]),
        ),
        case(
            "an invitation named by a member's id",
            "NNNNNNNNUNN",
            &[],
            |i, _| ("invitation", vec![("id", s(&i.kelly))]),
        ),
        // Each person's own account: no one reaches another's.
        case("own account and sessions", "AAAAAAAAUAA", &[], |_, _| {
            ("my_account", vec![])
        }),
        case("put away own sign-in notice", "AAAAAAAAUAA", &[], |_, _| {
            ("dismiss_sign_in_notice", vec![])
        }),
        case(
            "end a session that is not one's own",
            "nnnnnnnnUnn",
            &[],
            |_, _| ("end_other_session", vec![("session", new_id())]),
        ),
        case("a new second-factor key", "AAAAAFFFUAA", &[], |_, _| {
            ("second_factor_setup", vec![])
        }),
        case(
            "turn on a second factor with a forged key",
            "BBBBBFFFUBB",
            &[],
            |_, _| {
                (
                    "confirm_second_factor",
                    vec![("sealed", s("00ff00ff")), ("code", s("123456"))],
                )
            },
        ),
        case(
            "recovery codes held for no one",
            "NNNNNNNNUNN",
            &[],
            |_, _| ("new_recovery_codes", vec![("shown", new_id())]),
        ),
        case(
            "change password without the current one",
            "IIIIIIIIUII",
            &[],
            |_, _| {
                (
                    "change_password",
                    vec![
                        ("current_password", s("not the password")),
                        ("new_password", s("copper kettle drizzle lantern")),
                        ("confirm", s("copper kettle drizzle lantern")),
                    ],
                )
            },
        ),
        case(
            "confirm it is them with a wrong password",
            "iiiiiiiiUii",
            &[],
            |_, _| {
                (
                    "confirm_identity",
                    vec![("password", s("not the password")), ("then", s("/"))],
                )
            },
        ),
        // A team manager reviews their families' openings from outside the team.
        case(
            "openings of the team's families",
            "FAFAFFFFUFF",
            &[],
            |_, _| ("break_glass_reviews", vec![]),
        ),
        case(
            "mark Ashworth's opening reviewed",
            "FAFFFFFFUFF",
            &[],
            |i, _| ("review_break_glass", vec![("opening", s(&i.opening))]),
        ),
        case(
            "an opening named by a family's id",
            "FNFNFFFFUFF",
            &[],
            |i, _| ("review_break_glass", vec![("opening", s(&i.ashworth))]),
        ),
        // Open to anyone, and useless without a sign-in waiting for its code.
        case(
            "a code with no sign-in waiting",
            "IIIIIIIIIII",
            &[],
            |_, _| ("sign_in_code", vec![("code", s("123456"))]),
        ),
        // Running the council: its administrators only, and only their own council's.
        case("teams", "FFFFAFFFUFA", &[], |_, _| ("teams", vec![])),
        case("Ashworth's team", "FFFFAFFFUFF", &[], |i, _| {
            ("team_staff", vec![("team", s(&i.north))])
        }),
        case(
            "a team named by a family's id",
            "FFFFNFFFUFN",
            &[],
            |i, _| ("team_staff", vec![("team", s(&i.ashworth))]),
        ),
        case("add a team", "FFFFAFFFUFA", &["teams"], |_, f| {
            (
                "create_team",
                vec![("team", s(&f.team)), ("name", format!("Team {}", f.team))],
            )
        }),
        case("rename Ashworth's team", "FFFFAFFFUFF", &[], |i, _| {
            (
                "rename_team",
                vec![
                    ("team", s(&i.north)),
                    ("name", s("Family Safeguarding North")),
                ],
            )
        }),
        case("teams to join", "FFFFAFFFUFA", &[], |_, _| {
            ("staff_team_choices", vec![])
        }),
        case(
            "add a social worker to Ashworth's team",
            "FFFFAFFFUFF",
            &["accounts", "set_up_codes"],
            |i, f| {
                (
                    "create_staff_account",
                    vec![
                        ("account", s(&f.account)),
                        ("name", s("Robin Hale")),
                        ("email", format!("robin.{}@brookford.example", f.account)),
                        ("role", s("social_worker")),
                        ("team", s(&i.north)),
                    ],
                )
            },
        ),
        case("Priya's account", "FFFFAFFFUFF", &[], |i, _| {
            ("staff_account", vec![("account", s(&i.priya))])
        }),
        case(
            "an account named by a member's id",
            "FFFFNFFFUFN",
            &[],
            |i, _| ("staff_account", vec![("account", s(&i.kelly))]),
        ),
        case("disable the newcomer", "FFFFAFFFUFF", &[], |i, _| {
            ("disable_account", vec![("account", s(&i.newcomer))])
        }),
        case("re-enable the newcomer", "FFFFAFFFUFF", &[], |i, _| {
            ("enable_account", vec![("account", s(&i.newcomer))])
        }),
        case(
            "move the newcomer to their own team",
            "FFFFAFFFUFF",
            &[],
            |i, _| {
                (
                    "move_staff",
                    vec![("account", s(&i.newcomer)), ("team", s(&i.north))],
                )
            },
        ),
        case(
            "a set-up code for the newcomer",
            "FFFFAFFFUFF",
            &["set_up_codes"],
            |i, f| {
                (
                    "new_set_up_code",
                    vec![("account", s(&i.newcomer)), ("code", s(&f.code))],
                )
            },
        ),
        // Open to anyone: a code of the wrong shape is refused before anything is looked up.
        case(
            "set up with a code of the wrong shape",
            "IIIIIIIIIII",
            &[],
            |_, _| {
                (
                    "set_up_account",
                    vec![
                        ("code", s("not a code")),
                        ("new_password", s("copper kettle drizzle lantern")),
                        ("confirm", s("copper kettle drizzle lantern")),
                    ],
                )
            },
        ),
        // Who works with a family: its team's manager and the council's administrators.
        case("who works with Ashworth", "FAFFAFFFUFF", &[], |i, _| {
            ("allocation", vec![("family", s(&i.ashworth))])
        }),
        case(
            "who works with a member's id",
            "NNNNNNNNUNN",
            &[],
            |i, _| ("allocation", vec![("family", s(&i.kelly))]),
        ),
        case(
            "keep Sam as Ashworth's social worker",
            "FAFFAFFFUFF",
            &[],
            |i, _| {
                (
                    "allocate",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("role", s("social_worker")),
                        ("worker", s(&i.sam)),
                        ("was", s(&i.sam)),
                    ],
                )
            },
        ),
        case(
            "move Ashworth to its own team",
            "FAFFAFFFUFF",
            &[],
            |i, _| {
                (
                    "move_family",
                    vec![("family", s(&i.ashworth)), ("team", s(&i.north))],
                )
            },
        ),
        case("whether Hearth is set up", "AAAAAAAAAAA", &[], |_, _| {
            ("is_set_up", vec![])
        }),
    ]
}

async fn matrix(app: TestApp) {
    support::council::add_another(&app).await;
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
        opening: app
            .one_text("SELECT id FROM break_glass WHERE family_id = $1", &ashworth)
            .await,
        north: app
            .one_text(
                "SELECT id FROM teams WHERE name = $1",
                "Family Safeguarding North",
            )
            .await,
        priya: app
            .one_text(
                "SELECT id FROM accounts WHERE login = $1",
                "priya.nair@brookford.example",
            )
            .await,
        sam: app
            .one_text(
                "SELECT id FROM accounts WHERE login = $1",
                "sam.whitfield@brookford.example",
            )
            .await,
        newcomer: support::council::add_newcomer(&app).await,
        ashworth,
        kelly,
        kelly_goal,
    };
    let cases = cases();
    let mut tables: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for table in cases.iter().flat_map(|c| c.adds.iter().copied()) {
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
                team: new_id(),
                account: new_id(),
                code: new_id(),
            };
            for case in &cases {
                let expected = case.expect.chars().nth(group).unwrap_or('?');
                let (function, form) = (case.call)(&ids, &fresh);
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let reply = app.call(function, &form, cookie).await;
                check(case.what, &who, expected, &reply, &mut wrong);
                asserted += 1;
                if recorded_as_refusal(expected) {
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
                if expected == 'A' {
                    for table in case.adds {
                        if let Some((_, added)) = tables.get_mut(table) {
                            *added += 1;
                        }
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
    let held = made.shown();
    let priya = app.sign_in("priya.nair@brookford.example").await;
    let borrowed = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &held)],
            Some(&priya),
        )
        .await;
    check(
        "see Sam's code with its shown id",
        "priya",
        'N',
        &borrowed,
        &mut wrong,
    );
    let shown = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &held)],
            Some(&sam),
        )
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
        "the maker sees the code on the page the POST led to"
    );
    let elsewhere: app::page_data::family::InvitationView = app
        .call("invitation", &[("id", &invitation)], Some(&sam))
        .await
        .json();
    assert_eq!(
        elsewhere.code, None,
        "the code is shown only with its shown id"
    );
    let other_session = app.sign_in("sam.whitfield@brookford.example").await;
    let copied: app::page_data::family::InvitationView = app
        .call(
            "invitation",
            &[("id", &invitation), ("shown", &held)],
            Some(&other_session),
        )
        .await
        .json();
    assert_eq!(copied.code, None, "only in the session that made it");
    asserted += 4;

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
        ("break_glass", "break_glass"),
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
        team: new_id(),
        account: new_id(),
        code: new_id(),
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
    let held = made.shown();
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
        app.call("invitation", &[("id", &id), ("shown", &held)], Some(&sam)),
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
        0,
        "the code itself is never stored"
    );
}

on_both_backends!(moved_worker, super::moved_worker_cannot_see_their_code);
