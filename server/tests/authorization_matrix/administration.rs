//! Running the council: teams, staff accounts, allocation and the case system's extract. Its
//! administrators only (and a team's manager for allocation), and only their own council's.

use super::{case, s, Case};

pub fn cases() -> Vec<Case> {
    vec![
        case("teams", "FFFFFAFFFUFAF", &[], |_, _| ("teams", vec![])),
        case("Ashworth's team", "FFFFFAFFFUFFF", &[], |i, _| {
            ("team_staff", vec![("team", s(&i.north))])
        }),
        case(
            "a team named by a family's id",
            "FFFFFNFFFUFNF",
            &[],
            |i, _| ("team_staff", vec![("team", s(&i.ashworth))]),
        ),
        case("add a team", "FFFFFAFFFUFAF", &["teams"], |_, f| {
            (
                "create_team",
                vec![("team", s(&f.team)), ("name", format!("Team {}", f.team))],
            )
        }),
        case("rename Ashworth's team", "FFFFFAFFFUFFF", &[], |i, _| {
            (
                "rename_team",
                vec![
                    ("team", s(&i.north)),
                    ("name", s("Family Safeguarding North")),
                ],
            )
        }),
        case("teams to join", "FFFFFAFFFUFAF", &[], |_, _| {
            ("staff_team_choices", vec![])
        }),
        case(
            "add a social worker to Ashworth's team",
            "FFFFFAFFFUFFF",
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
        case("Priya's account", "FFFFFAFFFUFFF", &[], |i, _| {
            ("staff_account", vec![("account", s(&i.priya))])
        }),
        case(
            "an account named by a member's id",
            "FFFFFNFFFUFNF",
            &[],
            |i, _| ("staff_account", vec![("account", s(&i.kelly))]),
        ),
        case("disable the newcomer", "FFFFFAFFFUFFF", &[], |i, _| {
            ("disable_account", vec![("account", s(&i.newcomer))])
        }),
        case("re-enable the newcomer", "FFFFFAFFFUFFF", &[], |i, _| {
            ("enable_account", vec![("account", s(&i.newcomer))])
        }),
        case(
            "move the newcomer to their own team",
            "FFFFFAFFFUFFF",
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
            "FFFFFAFFFUFFF",
            &["set_up_codes"],
            |i, f| {
                (
                    "new_set_up_code",
                    vec![("account", s(&i.newcomer)), ("code", s(&f.code))],
                )
            },
        ),
        case(
            "the newcomer's case system worker ID",
            "FFFFFAFFFUFFF",
            &[],
            |i, f| {
                (
                    "set_worker_ref",
                    vec![
                        ("account", s(&i.newcomer)),
                        ("worker_ref", format!("W-{}", f.account)),
                    ],
                )
            },
        ),
        case(
            "a worker ID for an account named by a member's id",
            "FFFFFNFFFUFNF",
            &[],
            |i, _| {
                (
                    "set_worker_ref",
                    vec![("account", s(&i.kelly)), ("worker_ref", s("W-1"))],
                )
            },
        ),
        case("the case system's extract", "FFFFFAFFFUFAF", &[], |_, _| {
            ("import_page", vec![])
        }),
        case(
            "a check of Brookford's extract",
            "FFFFFAFFFUFNF",
            &[],
            |i, _| ("extract_report", vec![("report", s(&i.extract_report))]),
        ),
        case(
            "a report named by a family's id",
            "FFFFFNFFFUFNF",
            &[],
            |i, _| ("extract_report", vec![("report", s(&i.ashworth))]),
        ),
        // Open to anyone: a code of the wrong shape is refused before anything is looked up.
        case(
            "set up with a code of the wrong shape",
            "IIIIIIIIIIIII",
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
        case("who works with Ashworth", "FFAFFAFFFUFFF", &[], |i, _| {
            ("allocation", vec![("family", s(&i.ashworth))])
        }),
        case(
            "who works with a member's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("allocation", vec![("family", s(&i.kelly))]),
        ),
        case(
            "keep Sam as Ashworth's social worker",
            "FFAFFAFFFUFFF",
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
            "FFAFFAFFFUFFF",
            &[],
            |i, _| {
                (
                    "move_family",
                    vec![("family", s(&i.ashworth)), ("team", s(&i.north))],
                )
            },
        ),
        case("whether Hearth is set up", "AAAAAAAAAAAAA", &[], |_, _| {
            ("is_set_up", vec![])
        }),
    ]
}
