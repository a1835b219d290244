//! Subject access requests: the council's information governance officer reaches every
//! family's, a team manager their own team's; no one else, and no parent, any. A request's
//! changes are tried with input that is refused, so each case leaves the request as it was:
//! allowed people get I, everyone else is refused before the input is read.
//! (`server/tests/information_requests.rs` follows a request from logging to closing.)

use super::{case, new_id, s, Case, Form, Fresh, Ids};

/// Logging a request for `member`'s data with the id `request`, received today.
fn log(i: &Ids, request: &str, member: &str) -> Form {
    vec![
        ("request", s(request)),
        ("member", s(member)),
        ("received_on", s(&i.today)),
        ("identity_checked_on", s("")),
        ("requester", s("")),
    ]
}

pub fn cases() -> Vec<Case> {
    vec![
        case("subject access requests", "FFAFAFFFFUFFA", &[], |_, _| {
            ("information_requests", vec![])
        }),
        case(
            "find whose data a request is for",
            "FFAFAFFFFUFFA",
            &[],
            |_, _| ("find_request_subject", vec![("name", s("Ashworth"))]),
        ),
        case("the people a search found", "FFAFAFFFFUFFA", &[], |_, _| {
            ("request_subjects", vec![("found", s(""))])
        }),
        case(
            "log a request for Kelly's data: the form",
            "FFAFFFFFFUFFA",
            &[],
            |i, _| ("new_information_request", vec![("member", s(&i.kelly))]),
        ),
        case(
            "log a request for Kelly's data",
            "FFAFFFFFFUFFA",
            &["information_requests"],
            |i, f: &Fresh| ("log_information_request", log(i, &f.request, &i.kelly)),
        ),
        case(
            "log a request for Chloe Fairweather's data",
            "FFFFAFFFFUFFA",
            &["information_requests"],
            |i, f| {
                (
                    "log_information_request",
                    log(i, &f.other_request, &i.chloe),
                )
            },
        ),
        case("the request about Kelly", "FFAFFFFFFUFFA", &[], |i, _| {
            ("information_request", vec![("id", s(&i.request))])
        }),
        case(
            "Kelly's identity confirmed before her request arrived",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "record_identity_check",
                    vec![
                        ("request", s(&i.request)),
                        ("version", s("1")),
                        ("checked_on", s("2000-01-01")),
                    ],
                )
            },
        ),
        case(
            "extend Kelly's request with no reason",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "extend_information_request",
                    vec![
                        ("request", s(&i.request)),
                        ("version", s("1")),
                        ("extra_months", s("1")),
                        ("reason", s("")),
                        ("told_on", s(&i.today)),
                    ],
                )
            },
        ),
        case(
            "close Kelly's request on a day still to come",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "finish_information_request",
                    vec![
                        ("request", s(&i.request)),
                        ("version", s("1")),
                        ("ending", s("answered")),
                        ("finished_on", s(&i.target)),
                    ],
                )
            },
        ),
        case("review Kelly's disclosure", "FFAFFFFFFUFFA", &[], |i, _| {
            ("disclosure_review", vec![("request", s(&i.request))])
        }),
        case(
            "withhold Kelly's relationship from her disclosure",
            "FFAFFFFFFUFFA",
            &["withholdings"],
            |i, f| {
                (
                    "withhold",
                    vec![
                        ("request", s(&i.request)),
                        ("withholding", s(&f.withholding)),
                        ("passage", format!("member:{}:relationship", i.kelly)),
                        ("words", s("")),
                        ("reason", s("third_party")),
                        ("note", s("")),
                    ],
                )
            },
        ),
        case(
            "withhold a passage Kelly's disclosure does not have",
            "FFNFFFFFFUFFN",
            &[],
            |i, _| {
                (
                    "withhold",
                    vec![
                        ("request", s(&i.request)),
                        ("withholding", new_id()),
                        ("passage", format!("member:{}:relationship", i.chloe)),
                        ("words", s("")),
                        ("reason", s("third_party")),
                        ("note", s("")),
                    ],
                )
            },
        ),
        case(
            "say Kelly's disclosure is ready, from a page of no version",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "review_disclosure",
                    vec![("request", s(&i.request)), ("version", s("x"))],
                )
            },
        ),
        case(
            "approve Kelly's disclosure, from a page of no version",
            "FFIFFFFFFUFFI",
            &[],
            |i, _| {
                (
                    "approve_disclosure",
                    vec![("request", s(&i.request)), ("version", s("x"))],
                )
            },
        ),
        case(
            "Kelly's disclosure before it is approved",
            "FFCFFFFFFUFFC",
            &[],
            |i, _| ("disclosure_document", vec![("request", s(&i.request))]),
        ),
        // Ids of another kind name nothing here.
        case(
            "take back a withholding named by a request's id",
            "FFNFFFFFFUFFN",
            &[],
            |i, _| {
                (
                    "take_back_withholding",
                    vec![("request", s(&i.request)), ("withholding", s(&i.request))],
                )
            },
        ),
        case(
            "a disclosure named by a member's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("disclosure_document", vec![("request", s(&i.kelly))]),
        ),
        case(
            "a request named by a family's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("information_request", vec![("id", s(&i.ashworth))]),
        ),
        case(
            "a request's form for a family's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| ("new_information_request", vec![("member", s(&i.ashworth))]),
        ),
        case(
            "close a request named by a member's id",
            "NNNNNNNNNUNNN",
            &[],
            |i, _| {
                (
                    "finish_information_request",
                    vec![
                        ("request", s(&i.kelly)),
                        ("version", s("1")),
                        ("ending", s("withdrawn")),
                        ("finished_on", s(&i.today)),
                    ],
                )
            },
        ),
    ]
}
