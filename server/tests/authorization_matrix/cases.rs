//! The authorization matrix's cases, written out by hand: who is asked (grouped by how they
//! stand to the Ashworth family), and for each server function call the outcome expected of
//! each group. The runner is `authorization_matrix.rs`.

use super::support;
use support::new_id;

#[path = "administration.rs"]
mod administration;
#[path = "case_record.rs"]
mod case_record;
#[path = "information_rights.rs"]
mod information_rights;
#[path = "motivation.rs"]
mod motivation;
#[path = "own_account.rs"]
mod own_account;
#[path = "retention.rs"]
mod retention;

/// The people asked, grouped; each group's logins share one column of expectations.
pub const PEOPLE: [(&str, &[&str]); 13] = [
    (
        "social workers of Ashworth's team",
        &[
            "sam.whitfield@brookford.example",
            "priya.nair@brookford.example",
        ],
    ),
    (
        "adult practitioners of Ashworth's team",
        &[
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
    (
        "an information governance officer",
        &["hana.ito@brookford.example"],
    ),
];

pub const REASON: &str = "Duty cover: police call-out to the family's address overnight";

/// The records the cases name, found once.
pub struct Ids {
    pub ashworth: String,
    pub fairweather: String,
    pub darren: String,
    pub lily: String,
    pub ben: String,
    pub kelly: String,
    pub chloe: String,
    pub kelly_goal: String,
    pub kelly_step: String,
    pub kelly_words: String,
    pub entry: String,
    pub supervision: String,
    pub action: String,
    pub plan_version: String,
    /// Kelly's change plan as saved, but for a new "steps": a save that changes one part.
    pub plan_answers: Form,
    pub today: String,
    pub target: String,
    /// The demo's opening of Ashworth from outside its team, last week, not yet reviewed.
    pub opening: String,
    /// Ashworth's team.
    pub north: String,
    /// Priya's staff account.
    pub priya: String,
    /// Sam's staff account: Ashworth's social worker.
    pub sam: String,
    /// A staff account no one signs in as, for administrators to disable, enable and move.
    pub newcomer: String,
    /// A family of Ashworth's team that no other case uses: closed and reopened.
    pub clarke: String,
    /// Baptiste's parents, kept apart and then no longer.
    pub baptiste: String,
    pub marcus: String,
    pub nadia: String,
    /// A check of the example extract, made by Brookford's administrator.
    pub extract_report: String,
    /// A subject access request for Kelly's data, logged by her team's manager.
    pub request: String,
}

/// Ids one person's cases make, so a later case can name what an earlier one added.
pub struct Fresh {
    pub item: String,
    pub own_item: String,
    pub prompt: String,
    pub team: String,
    pub account: String,
    pub code: String,
    /// A family opened for a referral.
    pub family: String,
    /// A child added to Ashworth's household, then corrected, given a status and moved out.
    pub member: String,
    pub status: String,
    pub finding: String,
    /// Subject access requests logged about Kelly (Ashworth) and Chloe (Fairweather).
    pub request: String,
    pub other_request: String,
    pub withholding: String,
    /// A legal hold and a decision to keep records longer.
    pub hold: String,
    pub extension: String,
}

pub type Form = Vec<(&'static str, String)>;

pub struct Case {
    pub what: &'static str,
    /// One letter per group of [`PEOPLE`], in order.
    pub expect: &'static str,
    /// The tables an allowed call adds one row to each.
    pub adds: &'static [&'static str],
    pub call: fn(&Ids, &Fresh) -> (&'static str, Form),
}

pub fn s(text: &str) -> String {
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

pub fn case(
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

pub fn cases() -> Vec<Case> {
    vec![
        case("caseload", "AAAAAFFFFUAFF", &[], |_, _| {
            ("caseload", vec![])
        }),
        case("caseload, page 2", "AAAAAFFFFUAFF", &[], |_, _| {
            ("caseload", vec![("page", s("2"))])
        }),
        case("closed cases", "AAAAAFFFFUAFF", &[], |_, _| {
            ("closed_families", vec![("page", s("1"))])
        }),
        case("family Ashworth", "AAARRFFFFUFFF", &[], |i, _| {
            ("family", vec![("id", s(&i.ashworth))])
        }),
        case("family Fairweather", "RRRAAFFFFUFFF", &[], |i, _| {
            ("family", vec![("id", s(&i.fairweather))])
        }),
        case("own page", "FFFFFFAAAUFFF", &[], |_, _| {
            ("own_page", vec![])
        }),
        case("audit trail", "FFAFAFFFFUFFF", &[], |_, _| {
            ("audit_trail", vec![])
        }),
        case("accounts", "FFFFFAFFFUFAF", &[], |_, _| {
            ("accounts", vec![])
        }),
        case(
            "invite Darren (Ashworth adult)",
            "AAAFFFFFFUFFF",
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
            "FFFFFFFFFUFFF",
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
            "FFFAAFFFFUFFF",
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
            "FFFAAFFFFUFFF",
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
            "AAAFFFFFFUFFF",
            &["break_glass"],
            |i, _| {
                (
                    "open_family",
                    vec![("id", s(&i.fairweather)), ("reason", s(REASON))],
                )
            },
        ),
        case("family Ashworth again", "AAAAAFFFFUFFF", &[], |i, _| {
            ("family", vec![("id", s(&i.ashworth))])
        }),
        case("family Fairweather again", "AAAAAFFFFUFFF", &[], |i, _| {
            ("family", vec![("id", s(&i.fairweather))])
        }),
        case("plan of Ashworth", "AAAAAFFFFUFFF", &[], |i, _| {
            ("family_plan", vec![("family", s(&i.ashworth))])
        }),
        case("a goal of Ashworth", "AAAAAFFFFUFFF", &[], |i, _| {
            (
                "goal",
                vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
            )
        }),
        // Opening a family with a reason is for reading it: no edit follows (Noor and Grace).
        case(
            "add a goal to Ashworth",
            "AAAFFFFFFUFFF",
            &["goals"],
            |i, _| ("save_goal", new_goal(&i.ashworth, &i.kelly, &i.target)),
        ),
        case(
            "add a goal to Fairweather",
            "FFFAAFFFFUFFF",
            &["goals"],
            |i, _| ("save_goal", new_goal(&i.fairweather, &i.chloe, &i.target)),
        ),
        case(
            "add a step to Kelly's goal",
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "FFFFFFANNUFFF",
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
            "FFFFFFAAAUFFF",
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
            "AAAFFFFFFUFFF",
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
        case("mark Kelly's step done", "AAAFFFANNUFFF", &[], |i, _| {
            (
                "mark_step",
                vec![("step", s(&i.kelly_step)), ("done", s("true"))],
            )
        }),
        case(
            "history of an Ashworth goal",
            "AAAAAFFFFUFFF",
            &[],
            |i, _| {
                (
                    "goal_history",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_goal))],
                )
            },
        ),
        case("workbook of Ashworth", "AAAAAFFFFUFFF", &[], |i, _| {
            ("workbook", vec![("family", s(&i.ashworth))])
        }),
        // Each practitioner writes in their own role's chapter; a manager writes in none.
        case(
            "record a visit in one's own chapter",
            "AAFFFFFFFUFFF",
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
        case("chronology of Ashworth", "AAAAAFFFFUFFF", &[], |i, _| {
            ("chronology", vec![("family", s(&i.ashworth))])
        }),
        case(
            "record a group supervision",
            "AAAFFFFFFUFFF",
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
        case("my week", "AAAAAFFFFUAFF", &[], |_, _| ("week", vec![])),
        case("team dashboard", "FFAFAFFFFUFFF", &[], |_, _| {
            ("team_dashboard", vec![])
        }),
        case("team dashboard, page 3", "FFAFAFFFFUFFF", &[], |_, _| {
            ("team_dashboard", vec![("page", s("3"))])
        }),
        case("team workers", "FFAFAFFFFUFFF", &[], |_, _| {
            ("team_workers", vec![])
        }),
        case(
            "integrated assessment of Ashworth",
            "AAAAAFFFFUFFF",
            &[],
            |i, _| ("assessment", vec![("family", s(&i.ashworth))]),
        ),
        case(
            "record a core group held",
            "AAAFFFFFFUFFF",
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
        case("change Ashworth's dates", "AAAFFFFFFUFFF", &[], |i, _| {
            (
                "save_schedule",
                vec![("family", s(&i.ashworth)), ("visit_every", s("10"))],
            )
        }),
        case(
            "mark a supervision action done",
            "AAAFFFFFFUFFF",
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
            "AAAAAFFFFUFFF",
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
            "AAAAAFFFFUFFF",
            &[],
            |i, _| ("supervisions", vec![("family", s(&i.ashworth))]),
        ),
    ]
    .into_iter()
    .chain(motivation::cases())
    .chain(vec![
        // Ids of another kind: each names nothing of the kind asked for.
        case(
            "a family named by a goal's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("family", vec![("id", s(&i.kelly_goal))]),
        ),
        case(
            "a goal named by a step's id",
            "NNNNNFFFFUFFF",
            &[],
            |i, _| {
                (
                    "goal",
                    vec![("family", s(&i.ashworth)), ("goal", s(&i.kelly_step))],
                )
            },
        ),
        case(
            "a goal's history named by the family's id",
            "NNNNNFFFFUFFF",
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
            "NNNFFFFFFUFFF",
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
            "NNNNNNNNNUNNN",
            &[],
            |i, _| {
                (
                    "mark_step",
                    vec![("step", s(&i.kelly_goal)), ("done", s("true"))],
                )
            },
        ),
        case(
            "a step's id rated as a goal",
            "FFFFFFNNNUFFF",
            &[],
            |i, _| {
                (
                    "rate_goal",
                    vec![
                        ("goal", s(&i.kelly_step)),
                        ("check_in", new_id()),
                        ("score", s("7")),
                    ],
                )
            },
        ),
        case(
            "an entry named by a supervision's id",
            "NNNNNFFFFUFFF",
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
            "NNNNNNNNNUNNN",
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
            "NNNNNNNNNUNNN",
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
            "FFFFFFNNNUFFF",
            &[],
            |i, _| ("own_change_work", vec![("goal", s(&i.kelly_step))]),
        ),
        case(
            "an invitation named by a member's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("invitation", vec![("id", s(&i.kelly))]),
        ),
    ])
    .chain(own_account::cases())
    .chain(vec![
        // A team manager reviews their families' openings from outside the team.
        case(
            "openings of the team's families",
            "FFAFAFFFFUFFF",
            &[],
            |_, _| ("break_glass_reviews", vec![]),
        ),
        case(
            "mark Ashworth's opening reviewed",
            "FFAFFFFFFUFFF",
            &[],
            |i, _| ("review_break_glass", vec![("opening", s(&i.opening))]),
        ),
        case(
            "an opening named by a family's id",
            "FFNFNFFFFUFFF",
            &[],
            |i, _| ("review_break_glass", vec![("opening", s(&i.ashworth))]),
        ),
        // Open to anyone, and useless without a sign-in waiting for its code.
        case(
            "a code with no sign-in waiting",
            "IIIIIIIIIIIII",
            &[],
            |_, _| ("sign_in_code", vec![("code", s("123456"))]),
        ),
    ])
    .chain(administration::cases())
    .chain(case_record::cases())
    .chain(information_rights::cases())
    .chain(retention::cases())
    .collect()
}
