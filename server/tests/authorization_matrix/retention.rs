//! Retention and disposal: the council's information governance officer reaches every family's,
//! a team manager their own team's; no one else, and no parent, any. Nothing here destroys:
//! Ashworth's case is open, so its destruction is refused as invalid for those allowed to ask.
//! (`server/tests/disposals.rs` destroys a closed family and searches the file for it.)

use super::{case, s, Case};

pub fn cases() -> Vec<Case> {
    vec![
        case("the disposal review", "FFAFAFFFFUFFA", &[], |_, _| {
            ("disposals", vec![])
        }),
        case("Ashworth's retention", "FFAFFFFFFUFFA", &[], |i, _| {
            ("family_disposal", vec![("family", s(&i.ashworth))])
        }),
        case("Fairweather's retention", "FFFFAFFFFUFFA", &[], |i, _| {
            ("family_disposal", vec![("family", s(&i.fairweather))])
        }),
        case(
            "a legal hold on Ashworth",
            "FFAFFFFFFUFFA",
            &["legal_holds"],
            |i, f| {
                (
                    "place_legal_hold",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("hold", s(&f.hold)),
                        ("reason", s("A public inquiry into the service")),
                    ],
                )
            },
        ),
        case(
            "a legal hold on Ashworth with no reason",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "place_legal_hold",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("hold", super::new_id()),
                        ("reason", s(" ")),
                    ],
                )
            },
        ),
        case(
            "keep Ashworth's records until yesterday",
            "FFIFFFFFFUFFI",
            &[],
            |i, f| {
                (
                    "keep_records_longer",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("extension", s(&f.extension)),
                        ("until", super::support::day(-1)),
                        ("reason", s("Awaiting a complaint's outcome")),
                    ],
                )
            },
        ),
        case(
            "keep Ashworth's records longer, though the case is open",
            "FFIFFFFFFUFFI",
            &[],
            |i, f| {
                (
                    "keep_records_longer",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("extension", s(&f.extension)),
                        ("until", super::support::day(400)),
                        ("reason", s("Awaiting a complaint's outcome")),
                    ],
                )
            },
        ),
        case(
            "destroy Ashworth, whose case is open",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "destroy_family",
                    vec![("family", s(&i.ashworth)), ("confirm[]", s("yes"))],
                )
            },
        ),
        case(
            "destroy Fairweather without confirming",
            "FFFFIFFFFUFFI",
            &[],
            |i, _| ("destroy_family", vec![("family", s(&i.fairweather))]),
        ),
        // Ids of another kind name nothing here.
        case(
            "lift a hold named by Ashworth's own id",
            "FFnFFFFFFUFFn",
            &[],
            |i, _| {
                (
                    "lift_legal_hold",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("hold", s(&i.ashworth)),
                        ("reason", s("The inquiry has reported")),
                    ],
                )
            },
        ),
        case(
            "a legal hold under a request's id",
            "FFnFFFFFFUFFn",
            &[],
            |i, _| {
                (
                    "place_legal_hold",
                    vec![
                        ("family", s(&i.ashworth)),
                        ("hold", s(&i.request)),
                        ("reason", s("A public inquiry into the service")),
                    ],
                )
            },
        ),
        case(
            "a family's retention named by a member's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("family_disposal", vec![("family", s(&i.kelly))]),
        ),
        case(
            "destroy a family named by a goal's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| {
                (
                    "destroy_family",
                    vec![("family", s(&i.kelly_goal)), ("confirm[]", s("yes"))],
                )
            },
        ),
    ]
}
