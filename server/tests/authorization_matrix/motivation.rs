//! Motivational Interviewing: the team's prompt library, and the work on change beside a goal
//! (stages, change talk, the change plan and the decisional balance), the worker's and the
//! parent's own. Items added by one case are taken back by a later one.

use super::{case, new_id, s, Case};

pub fn cases() -> Vec<Case> {
    vec![
        case("the MI prompt library", "AAAAAFFFFUAFF", &[], |_, _| {
            ("prompt_library", vec![])
        }),
        case(
            "add a prompt for one's team",
            "AAAAAFFFFUAFF",
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
        case("retire that prompt", "FFAFAFFFFUFFF", &[], |_, f| {
            ("retire_prompt", vec![("prompt", s(&f.prompt))])
        }),
        case(
            "working on change for Kelly's goal",
            "AAAAAFFFFUFFF",
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
            "AAAAAFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
            "AAAFFFFFFUFFF",
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
        case(
            "take that balance item back",
            "AAAFFFFFFUFFF",
            &[],
            |i, f| {
                (
                    "remove_balance_item",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("goal", s(&i.kelly_goal)),
                        ("item", s(&f.item)),
                    ],
                )
            },
        ),
        case("Kelly's own change plan", "FFFFFFANNUFFF", &[], |i, _| {
            ("own_change_work", vec![("goal", s(&i.kelly_goal))])
        }),
        case(
            "save Kelly's own change plan",
            "FFFFFFANNUFFF",
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
            "FFFFFFANNUFFF",
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
            "FFFFFFANNUFFF",
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
        case("take her own item back", "FFFFFFANNUFFF", &[], |i, f| {
            (
                "remove_own_balance_item",
                vec![("goal", s(&i.kelly_goal)), ("item", s(&f.own_item))],
            )
        }),
    ]
}
