//! Change talk and sustain talk heard in a session: a quick tally, kept over time. More change
//! talk than sustain talk, and more of the mobilising kind (commitment, activation, taking
//! steps), is what predicts change; the trend gives supervision something to reflect on.

use crate::domain::fields::parse_date;
use crate::domain::ids::{EntryId, TallyId};
use crate::error::{check, FieldErrors};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

coded_enum!(
    /// DARN-CAT, and the other side of the same ambivalence.
    Talk {
        Desire => "desire", "Desire";
        Ability => "ability", "Ability";
        Reasons => "reasons", "Reasons";
        Need => "need", "Need";
        Commitment => "commitment", "Commitment";
        Activation => "activation", "Activation";
        TakingSteps => "taking_steps", "Taking steps";
        Sustain => "sustain", "Sustain talk";
    }
);

impl Talk {
    /// What it sounds like, so the worker can place what they heard.
    pub fn sounds_like(self) -> &'static str {
        match self {
            Talk::Desire => "\u{201c}I want to\u{2026}\u{201d}, \u{201c}I wish\u{2026}\u{201d}",
            Talk::Ability => "\u{201c}I could\u{2026}\u{201d}, \u{201c}I can\u{2026}\u{201d}",
            Talk::Reasons => "\u{201c}It would mean\u{2026}\u{201d}, \u{201c}because\u{2026}\u{201d}",
            Talk::Need => "\u{201c}I have to\u{2026}\u{201d}, \u{201c}I can\u{2019}t go on like this\u{201d}",
            Talk::Commitment => "\u{201c}I will\u{2026}\u{201d}, \u{201c}I promise\u{2026}\u{201d}",
            Talk::Activation => "\u{201c}I\u{2019}m ready\u{2026}\u{201d}, \u{201c}I\u{2019}m willing\u{2026}\u{201d}",
            Talk::TakingSteps => "\u{201c}This week I\u{2026}\u{201d}, \u{201c}I already\u{2026}\u{201d}",
            Talk::Sustain => "\u{201c}It\u{2019}s not a problem\u{201d}, \u{201c}I can\u{2019}t\u{201d}, \u{201c}why should I\u{201d}",
        }
    }

    pub fn is_change_talk(self) -> bool {
        self != Talk::Sustain
    }
}

/// The most of one kind a single session can sensibly note.
pub const MAX_COUNT: u8 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub id: TallyId,
    pub heard_on: NaiveDate,
    pub recorded_by: String,
    /// The workbook entry it was noted with, if any.
    pub entry: Option<EntryId>,
    /// One count per kind, in [`Talk::ALL`] order.
    pub counts: Vec<u8>,
}

impl Tally {
    pub fn count(&self, talk: Talk) -> u8 {
        Talk::ALL
            .iter()
            .position(|t| *t == talk)
            .and_then(|i| self.counts.get(i).copied())
            .unwrap_or(0)
    }

    pub fn change_talk(&self) -> u32 {
        Talk::ALL
            .iter()
            .filter(|t| t.is_change_talk())
            .map(|t| u32::from(self.count(*t)))
            .sum()
    }

    pub fn sustain_talk(&self) -> u32 {
        u32::from(self.count(Talk::Sustain))
    }
}

/// The trend in words: first session against the latest. `tallies` are oldest first.
pub fn describe_trend(tallies: &[Tally]) -> String {
    match tallies {
        [] => "No change talk noted yet.".into(),
        [only] => format!(
            "One session noted ({}): {} change talk, {} sustain talk.",
            only.heard_on.format("%-d %B %Y"),
            only.change_talk(),
            only.sustain_talk()
        ),
        [first, .., last] => format!(
            "{} sessions from {} to {}: change talk {} from {} to {}, sustain talk {} from {} to {}.",
            tallies.len(),
            first.heard_on.format("%-d %B %Y"),
            last.heard_on.format("%-d %B %Y"),
            went(first.change_talk(), last.change_talk()),
            first.change_talk(),
            last.change_talk(),
            went(first.sustain_talk(), last.sustain_talk()),
            first.sustain_talk(),
            last.sustain_talk()
        ),
    }
}

fn went(from: u32, to: u32) -> &'static str {
    match to.cmp(&from) {
        std::cmp::Ordering::Greater => "rose",
        std::cmp::Ordering::Less => "fell",
        std::cmp::Ordering::Equal => "stayed level",
    }
}

form! {
    /// The change talk heard in a session: its date and one count per kind, each field named
    /// by [`field`].
    TallyForm {}
    optional {
        heard_on,
        talk_desire,
        talk_ability,
        talk_reasons,
        talk_need,
        talk_commitment,
        talk_activation,
        talk_taking_steps,
        talk_sustain,
    }
    lists {}
}

impl TallyForm {
    /// The counts as typed, in [`Talk::ALL`] order.
    fn counts(&self) -> [&str; 8] {
        [
            &self.talk_desire,
            &self.talk_ability,
            &self.talk_reasons,
            &self.talk_need,
            &self.talk_commitment,
            &self.talk_activation,
            &self.talk_taking_steps,
            &self.talk_sustain,
        ]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyInput {
    pub heard_on: NaiveDate,
    pub counts: Vec<u8>,
}

/// The form's field for one kind of talk.
pub fn field(talk: Talk) -> String {
    format!("talk_{}", talk.code())
}

/// `Ok(None)` when nothing was counted: noting change talk is optional alongside a visit.
pub fn parse_tally(form: &TallyForm, today: NaiveDate) -> Result<Option<TallyInput>, FieldErrors> {
    let mut errors = form.typed();
    let mut counts = Vec::new();
    for (talk, text) in Talk::ALL.iter().zip(form.counts()) {
        let name = field(*talk);
        let count = match text.trim() {
            "" => Ok(0),
            t => match t.parse::<u8>() {
                Ok(n) if n <= MAX_COUNT => Ok(n),
                _ => Err(format!(
                    "Enter how many times you heard {} as a number from 0 to {MAX_COUNT}",
                    talk.label().to_lowercase()
                )),
            },
        };
        counts.push(check(&mut errors, &name, count).unwrap_or(0));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if counts.iter().all(|c| *c == 0) {
        return Ok(None);
    }
    let heard_on = check(
        &mut errors,
        "heard_on",
        parse_date(
            &form.heard_on,
            "the date of the session",
            today - Duration::days(365),
            today,
        ),
    );
    match heard_on {
        Some(heard_on) => Ok(Some(TallyInput { heard_on, counts })),
        None => Err(errors),
    }
}

/// A tally on its own (not alongside a visit) must count something.
pub fn parse_required_tally(form: &TallyForm, today: NaiveDate) -> Result<TallyInput, FieldErrors> {
    match parse_tally(form, today)? {
        Some(input) => Ok(input),
        None => {
            let mut errors = form.typed();
            errors.add(
                &field(Talk::Desire),
                "Enter how many times you heard at least one kind of talk",
            );
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default()
    }

    fn tally(d: u32, counts: [u8; 8]) -> Tally {
        Tally {
            id: TallyId::new(),
            heard_on: day(d),
            recorded_by: "Sam".into(),
            entry: None,
            counts: counts.to_vec(),
        }
    }

    #[test]
    fn change_talk_is_every_darn_cat_kind_and_sustain_is_counted_apart() {
        let t = tally(2, [1, 2, 3, 0, 1, 0, 2, 4]);
        assert_eq!(t.change_talk(), 9);
        assert_eq!(t.sustain_talk(), 4);
        assert_eq!(t.count(Talk::Reasons), 3);
    }

    #[test]
    fn the_trend_compares_the_first_session_with_the_latest() {
        let tallies = [
            tally(2, [1, 0, 1, 0, 0, 0, 0, 6]),
            tally(9, [2, 1, 1, 0, 0, 0, 0, 3]),
            tally(16, [2, 1, 2, 1, 1, 0, 1, 1]),
        ];
        assert_eq!(
            describe_trend(&tallies),
            "3 sessions from 2 November 2026 to 16 November 2026: change talk rose from 2 to 8, \
             sustain talk fell from 6 to 1."
        );
        assert_eq!(describe_trend(&[]), "No change talk noted yet.");
    }

    #[test]
    fn each_kind_of_talk_is_read_from_the_field_its_input_is_named_by() {
        let form = TallyForm {
            talk_desire: "1".into(),
            talk_ability: "2".into(),
            talk_reasons: "3".into(),
            talk_need: "4".into(),
            talk_commitment: "5".into(),
            talk_activation: "6".into(),
            talk_taking_steps: "7".into(),
            talk_sustain: "8".into(),
            ..TallyForm::default()
        };
        let typed = form.typed();
        for (talk, count) in Talk::ALL.iter().zip(form.counts()) {
            assert_eq!(typed.value(&field(*talk)), Some(count));
        }
    }

    #[test]
    fn a_tally_is_optional_but_its_counts_must_be_small_numbers() {
        let blank = TallyForm::default();
        assert_eq!(parse_tally(&blank, day(23)), Ok(None));
        assert_eq!(
            parse_required_tally(&blank, day(23))
                .err()
                .and_then(|e| e.for_field("talk_desire").map(str::to_string)),
            Some("Enter how many times you heard at least one kind of talk".to_string())
        );
        let zero = || "0".to_string();
        let mut form = TallyForm {
            heard_on: "2026-11-23".into(),
            talk_desire: zero(),
            talk_ability: zero(),
            talk_reasons: "3".into(),
            talk_need: zero(),
            talk_commitment: zero(),
            talk_activation: zero(),
            talk_taking_steps: zero(),
            talk_sustain: "many".into(),
        };
        let Err(errors) = parse_tally(&form, day(23)) else {
            panic!("refused")
        };
        assert_eq!(
            errors.for_field("talk_sustain"),
            Some("Enter how many times you heard sustain talk as a number from 0 to 50")
        );
        assert_eq!(errors.value("talk_reasons"), Some("3"));
        form.talk_sustain = "1".into();
        assert_eq!(
            parse_tally(&form, day(23)).map(|t| t.map(|t| t.counts)),
            Ok(Some(vec![0, 0, 3, 0, 0, 0, 0, 1]))
        );
    }
}
