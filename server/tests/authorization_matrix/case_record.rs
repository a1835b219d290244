//! The case record's cases: opening a family, its household, legal status, the trio, adults
//! kept apart, and closing and reopening a case.

use super::{case, new_id, s, Case, Form, Fresh, Ids};

/// A child of Ashworth's household, as `f.member`, at `version`: 0 adds it, later a
/// correction with its `reason`.
fn member_form(i: &Ids, f: &Fresh, version: &str, given: &str, reason: &str) -> Form {
    vec![
        ("family", s(&i.ashworth)),
        ("member", s(&f.member)),
        ("version", s(version)),
        ("kind", s("child")),
        ("given_name", s(given)),
        ("family_name", s("Ashworth")),
        ("relationship", s("Niece")),
        ("date_of_birth", s("2019-06-01")),
        ("reason", s(reason)),
    ]
}

pub fn cases() -> Vec<Case> {
    vec![
        case("open a family: the form", "AFAAAFFFFUAFF", &[], |_, _| {
            ("new_family_choices", vec![])
        }),
        case(
            "open a family for a referral, held by Sam",
            "AFAIIFFFFUIFF",
            &["families"],
            |i, f| {
                (
                    "open_referral",
                    vec![
                        ("id", s(&f.family)),
                        ("name", s("Okonjo")),
                        ("social_worker", s(&i.sam)),
                    ],
                )
            },
        ),
        case(
            "add a child to Ashworth's household",
            "AFAFFFFFFUFFF",
            &["members"],
            |i, f| ("add_member", member_form(i, f, "0", "Ruby", "")),
        ),
        case("correct that child's name", "AFAFFFFFFUFFF", &[], |i, f| {
            (
                "correct_member",
                member_form(i, f, "1", "Rubi", "Spelling from the birth certificate"),
            )
        }),
        case(
            "record that child's legal status",
            "AFAFFFFFFUFFF",
            &["legal_statuses"],
            |i, f| {
                (
                    "record_legal_status",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("member", s(&f.member)),
                        ("status", s(&f.status)),
                        ("version", s("0")),
                        ("kind", s("child_in_need")),
                        ("started_on", s(&i.today)),
                    ],
                )
            },
        ),
        case(
            "that child left the household",
            "AFAFFFFFFUFFF",
            &[],
            |i, f| {
                (
                    "member_left",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("member", s(&f.member)),
                        ("version", s("2")),
                        ("left_on", s(&i.today)),
                    ],
                )
            },
        ),
        case("Lily's record", "AAAAAFFFFUFFF", &[], |i, _| {
            (
                "member_record",
                vec![("family", s(&i.ashworth)), ("member", s(&i.lily))],
            )
        }),
        case(
            "Fairweather's Chloe named in Ashworth",
            "NNNNNFFFFUFFF",
            &[],
            |i, _| {
                (
                    "member_record",
                    vec![("family", s(&i.ashworth)), ("member", s(&i.chloe))],
                )
            },
        ),
        case(
            "a goal's id named as a member",
            "NNNNNFFFFUFFF",
            &[],
            |i, _| {
                (
                    "member_record",
                    vec![("family", s(&i.ashworth)), ("member", s(&i.kelly_goal))],
                )
            },
        ),
        case("Ashworth's trio", "AAAAAFFFFUFFF", &[], |i, _| {
            ("findings", vec![("family", s(&i.ashworth))])
        }),
        case(
            "record a finding about Kelly",
            "AFAFFFFFFUFFF",
            &["findings"],
            |i, f| {
                (
                    "record_finding",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("finding", s(&f.finding)),
                        ("version", s("0")),
                        ("member", s(&i.kelly)),
                        ("concern", s("1B")),
                        ("identified_by", s("referral")),
                        ("identified_on", s(&i.today)),
                    ],
                )
            },
        ),
        case(
            "a finding about Fairweather's Chloe",
            "IFIFFFFFFUFFF",
            &[],
            |i, _| {
                (
                    "record_finding",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("finding", new_id()),
                        ("version", s("0")),
                        ("member", s(&i.chloe)),
                        ("concern", s("1B")),
                        ("identified_by", s("referral")),
                        ("identified_on", s(&i.today)),
                    ],
                )
            },
        ),
        case(
            "keep Baptiste's parents apart",
            "AFAFFFFFFUFFF",
            &[],
            |i, _| {
                (
                    "keep_apart",
                    vec![
                        ("family", s(&i.baptiste)),
                        ("first", s(&i.marcus)),
                        ("second", s(&i.nadia)),
                    ],
                )
            },
        ),
        case("stop keeping them apart", "AFAFFFFFFUFFF", &[], |i, _| {
            (
                "end_keep_apart",
                vec![
                    ("family", s(&i.baptiste)),
                    ("first", s(&i.nadia)),
                    ("second", s(&i.marcus)),
                ],
            )
        }),
        case(
            "keep Kelly apart from Fairweather's Chloe",
            "IFIFFFFFFUFFF",
            &[],
            |i, _| {
                (
                    "keep_apart",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("first", s(&i.kelly)),
                        ("second", s(&i.chloe)),
                    ],
                )
            },
        ),
        case("Clarke's case", "AAARRFFFFUFFF", &[], |i, _| {
            ("case_status", vec![("family", s(&i.clarke))])
        }),
        case(
            "close Clarke's case",
            "AFAFFFFFFUFFF",
            &["case_closures"],
            |i, _| {
                (
                    "close_case",
                    vec![
                        ("family", s(&i.clarke)),
                        ("closed_on", s(&i.today)),
                        ("reason", s("RC8")),
                    ],
                )
            },
        ),
        case("reopen Clarke's case", "AFAFFFFFFUFFF", &[], |i, _| {
            (
                "reopen_case",
                vec![("family", s(&i.clarke)), ("reason", s("Closed by mistake"))],
            )
        }),
    ]
}
