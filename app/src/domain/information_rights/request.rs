//! A subject access request as the information rights team logs it: whose data, who asks for
//! them, when it arrived and when their identity was confirmed; then how it ended. The due date
//! follows from these (`request_due`).

use super::request_due::{clock_starts, due_on, Extension};
use crate::domain::fields::{parse_date, parse_text, past_date, read_date, years};
use crate::error::{check, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_REQUESTER_CHARS: usize = 200;
pub const MAX_SEARCH_CHARS: usize = 100;

/// What is typed to find whose data a request is for: part of their name.
pub fn parse_search(name: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::default();
    errors.keep("name", name);
    let words = check(
        &mut errors,
        "name",
        parse_text(name, "a name", MAX_SEARCH_CHARS, true).and_then(|words| {
            if words.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                Err("Enter at least two letters of their name".into())
            } else {
                Ok(words)
            }
        }),
    );
    match words {
        Some(words) if errors.is_empty() => Ok(words),
        _ => Err(errors),
    }
}

coded_enum!(
    /// Where a request stands. Open until it is answered or withdrawn.
    RequestStatus {
        Open => "open", "Open";
        Answered => "answered", "Answered";
        Withdrawn => "withdrawn", "Withdrawn";
    }
);

coded_enum!(
    /// How a request ended.
    Ending {
        Answered => "answered", "The disclosure was sent";
        Withdrawn => "withdrawn", "The requester withdrew it";
    }
);

impl Ending {
    pub fn status(self) -> RequestStatus {
        match self {
            Ending::Answered => RequestStatus::Answered,
            Ending::Withdrawn => RequestStatus::Withdrawn,
        }
    }
}

/// The dates that set when a request is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDates {
    pub received_on: NaiveDate,
    pub identity_checked_on: Option<NaiveDate>,
    pub extension: Option<Extension>,
}

impl RequestDates {
    pub fn starts(&self) -> NaiveDate {
        clock_starts(self.received_on, self.identity_checked_on)
    }

    pub fn due(&self) -> NaiveDate {
        due_on(
            self.starts(),
            self.extension.as_ref().map_or(0, |e| e.extra_months),
        )
    }
}

/// A request as logged, before it is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequest {
    /// Who asks on the person's behalf (a parent for a young child, a solicitor); `None` when
    /// the person asks for their own data.
    pub requester: Option<String>,
    pub received_on: NaiveDate,
    pub identity_checked_on: Option<NaiveDate>,
}

form! {
    /// Logging a request for one family member's data.
    RequestForm {
        received_on,
    }
    optional {
        identity_checked_on,
        requester,
    }
    lists {}
}

/// Requests arrive by post as well as by email, and are logged when they reach the team: up to
/// a year late, never in the future.
pub fn parse_request(form: &RequestForm, today: NaiveDate) -> Result<NewRequest, FieldErrors> {
    let mut errors = form.typed();
    let received_on = check(
        &mut errors,
        "received_on",
        parse_date(
            &form.received_on,
            "the day the request arrived",
            today - years(1),
            today,
        ),
    );
    let identity_checked_on = match (form.identity_checked_on.trim(), received_on) {
        ("", _) => Some(None),
        (text, Some(received)) => check(
            &mut errors,
            "identity_checked_on",
            identity_day(text, received, today),
        )
        .map(Some),
        // Without a day of arrival there is nothing to compare with; that error is enough.
        (text, None) => read_date(text).map(Some),
    };
    let requester = check(
        &mut errors,
        "requester",
        parse_text(
            &form.requester,
            "who is asking for them",
            MAX_REQUESTER_CHARS,
            false,
        ),
    );
    match (received_on, identity_checked_on, requester) {
        (Some(received_on), Some(identity_checked_on), Some(requester)) if errors.is_empty() => {
            Ok(NewRequest {
                requester: (!requester.is_empty()).then_some(requester),
                received_on,
                identity_checked_on,
            })
        }
        _ => Err(errors),
    }
}

fn identity_day(text: &str, received: NaiveDate, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_date(
        text,
        "the day their identity was confirmed",
        received,
        today,
    )
    .map_err(|error| match read_date(text) {
        Some(day) if day < received => format!(
            "Their identity cannot be confirmed before the request arrived, on {}",
            received.format("%-d %B %Y")
        ),
        _ => error,
    })
}

form! {
    /// Recording the day the requester's identity was confirmed, which restarts the clock.
    IdentityForm {
        checked_on,
    }
    optional {}
    lists {}
}

pub fn parse_identity(
    form: &IdentityForm,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, FieldErrors> {
    let mut errors = form.typed();
    let day = check(
        &mut errors,
        "checked_on",
        identity_day(&form.checked_on, received_on, today),
    );
    match day {
        Some(day) if errors.is_empty() => Ok(day),
        _ => Err(errors),
    }
}

/// How a request ended, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    pub ending: Ending,
    pub on: NaiveDate,
}

form! {
    /// Closing a request: answered or withdrawn, on a day.
    FinishForm {
        ending,
        finished_on,
    }
    optional {}
    lists {}
}

pub fn parse_finish(
    form: &FinishForm,
    received_on: NaiveDate,
    today: NaiveDate,
) -> Result<Finished, FieldErrors> {
    let mut errors = form.typed();
    let ending = check(
        &mut errors,
        "ending",
        Ending::from_code(form.ending.trim())
            .ok_or_else(|| "Choose whether it was answered or withdrawn".into()),
    );
    let on = check(
        &mut errors,
        "finished_on",
        past_date(&form.finished_on, "the day it ended", today).and_then(|day| {
            if day < received_on {
                Err(format!(
                    "A request cannot end before it arrived, on {}",
                    received_on.format("%-d %B %Y")
                ))
            } else {
                Ok(day)
            }
        }),
    );
    match (ending, on) {
        (Some(ending), Some(on)) if errors.is_empty() => Ok(Finished { ending, on }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    fn request(received: &str, checked: &str, requester: &str) -> Result<NewRequest, FieldErrors> {
        parse_request(
            &RequestForm {
                received_on: received.into(),
                identity_checked_on: checked.into(),
                requester: requester.into(),
            },
            day(2026, 12, 3),
        )
    }

    #[test]
    fn a_search_needs_two_letters_of_a_name() {
        assert_eq!(parse_search("  Kelly ").ok().as_deref(), Some("Kelly"));
        assert!(parse_search("").is_err());
        let errors = parse_search("K.").expect_err("one letter");
        assert_eq!(
            errors.for_field("name"),
            Some("Enter at least two letters of their name")
        );
        assert!(parse_search(&"a".repeat(101)).is_err());
    }

    #[test]
    fn a_request_is_logged_with_its_days() {
        assert_eq!(
            request("2026-11-20", "", "  ").ok(),
            Some(NewRequest {
                requester: None,
                received_on: day(2026, 11, 20),
                identity_checked_on: None,
            })
        );
        let acting =
            request("20/11/2026", "2026-11-24", "Kelly Ashworth, her mother").expect("valid");
        assert_eq!(acting.identity_checked_on, Some(day(2026, 11, 24)));
        assert_eq!(
            acting.requester.as_deref(),
            Some("Kelly Ashworth, her mother")
        );
    }

    #[test]
    fn bad_days_are_named_next_to_their_field() {
        let errors = request("2026-12-04", "", "").expect_err("future");
        assert!(errors.for_field("received_on").is_some());
        let errors = request("2026-11-20", "2026-11-19", "").expect_err("before arrival");
        assert_eq!(
            errors.for_field("identity_checked_on"),
            Some("Their identity cannot be confirmed before the request arrived, on 20 November 2026")
        );
        let errors = request("", "2026-11-19", &"x".repeat(201)).expect_err("two errors");
        assert!(errors.for_field("received_on").is_some());
        assert!(errors.for_field("requester").is_some());
        assert_eq!(
            errors.value("requester").map(str::len),
            Some(201),
            "typed text kept"
        );
    }

    #[test]
    fn the_due_date_moves_with_the_identity_check_and_an_extension() {
        let mut dates = RequestDates {
            received_on: day(2026, 2, 9),
            identity_checked_on: None,
            extension: None,
        };
        assert_eq!(dates.due(), day(2026, 3, 9));
        dates.identity_checked_on = Some(day(2026, 2, 16));
        assert_eq!(dates.due(), day(2026, 3, 16));
        dates.extension = Some(Extension {
            extra_months: 2,
            reason: "Many records".into(),
            told_on: day(2026, 3, 1),
        });
        assert_eq!(dates.due(), day(2026, 5, 18)); // Sat 16 May → Mon 18 May
    }

    #[test]
    fn a_request_ends_answered_or_withdrawn_after_it_arrived() {
        let finish = |ending: &str, on: &str| {
            parse_finish(
                &FinishForm {
                    ending: ending.into(),
                    finished_on: on.into(),
                },
                day(2026, 11, 20),
                day(2026, 12, 3),
            )
        };
        assert_eq!(
            finish("answered", "2026-12-01").ok(),
            Some(Finished {
                ending: Ending::Answered,
                on: day(2026, 12, 1)
            })
        );
        assert!(finish("refused", "2026-12-01").is_err());
        assert!(finish("withdrawn", "2026-11-19").is_err());
        assert!(finish("withdrawn", "2026-12-04").is_err());
    }
}
