//! A family member's own change plan for a goal, in their words. A worker adds notes beside
//! each part, never over it. Each save is kept, so the plan's history is there too.

use crate::domain::fields::parse_text;
use crate::domain::ids::ChangePlanWordsId;
use crate::error::{check, FieldErrors};
use serde::{Deserialize, Serialize};

coded_enum!(
    /// The parts of the plan, each a question the parent answers.
    PlanPart {
        Changes => "changes", "The changes I want to make";
        Why => "why", "Why they matter to me";
        Steps => "steps", "My steps";
        Help => "help", "Who can help";
        Know => "know", "How I will know it is working";
        InTheWay => "in_the_way", "What could get in the way";
        Then => "then", "What I will do then";
    }
);

impl PlanPart {
    /// A hint under the question, in plain words.
    pub fn hint(self) -> &'static str {
        match self {
            PlanPart::Changes => "Say it in your own way. Small changes count.",
            PlanPart::Why => "What will be better for you and your children?",
            PlanPart::Steps => "What will you do first, and when?",
            PlanPart::Help => "Family, friends, your worker or anyone else.",
            PlanPart::Know => "What will you notice, or what will other people see?",
            PlanPart::InTheWay => "Things that might make it hard.",
            PlanPart::Then => "What you will do if that happens.",
        }
    }
}

pub const MAX_PART: usize = 2000;

form! {
    /// A member's answers to the plan's questions, one field per [`PlanPart`] code, and the
    /// version the page was opened at.
    ChangePlanForm {}
    optional {
        version,
        changes,
        why,
        steps,
        help,
        know,
        in_the_way,
        then,
    }
    lists {}
}

impl ChangePlanForm {
    /// Each part's answer as typed, in [`PlanPart::ALL`] order.
    pub fn answers(&self) -> [(PlanPart, &str); 7] {
        [
            (PlanPart::Changes, &self.changes),
            (PlanPart::Why, &self.why),
            (PlanPart::Steps, &self.steps),
            (PlanPart::Help, &self.help),
            (PlanPart::Know, &self.know),
            (PlanPart::InTheWay, &self.in_the_way),
            (PlanPart::Then, &self.then),
        ]
    }
}

/// Words written in the plan: the member's own, or a worker's note beside them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanWords {
    pub id: ChangePlanWordsId,
    pub part: PlanPart,
    pub body: String,
    pub written_by: String,
    pub written_on: chrono::NaiveDate,
}

/// One member's change plan for one goal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangePlan {
    /// Every save of the member's answers, oldest first.
    pub answers: Vec<PlanWords>,
    /// Workers' notes, oldest first.
    pub notes: Vec<PlanWords>,
}

impl ChangePlan {
    /// The member's latest answer to a part.
    pub fn answer(&self, part: PlanPart) -> Option<&PlanWords> {
        self.answers.iter().rev().find(|w| w.part == part)
    }

    pub fn notes_on(&self, part: PlanPart) -> impl Iterator<Item = &PlanWords> {
        self.notes.iter().filter(move |w| w.part == part)
    }

    /// How many answers have been saved: a save names the count it started from, so two
    /// devices cannot overwrite each other unseen.
    pub fn version(&self) -> i64 {
        i64::try_from(self.answers.len()).unwrap_or(i64::MAX)
    }

    pub fn is_empty(&self) -> bool {
        self.answers.iter().all(|w| w.body.is_empty()) && self.notes.is_empty()
    }
}

/// The latest answer to each part that has one: what a save is compared with. Small enough to
/// go to the browser, which checks a save the same way.
pub fn latest_answers(plan: &ChangePlan) -> Vec<(PlanPart, String)> {
    PlanPart::ALL
        .iter()
        .filter_map(|part| plan.answer(*part).map(|w| (*part, w.body.clone())))
        .collect()
}

/// The parts whose answer changed: only these are saved.
pub fn parse_plan(
    plan: &ChangePlan,
    answers: &[(PlanPart, &str)],
) -> Result<Vec<(PlanPart, String)>, FieldErrors> {
    parse_changes(&latest_answers(plan), answers)
}

/// [`parse_plan`] against the latest answers alone.
pub fn parse_changes(
    latest: &[(PlanPart, String)],
    answers: &[(PlanPart, &str)],
) -> Result<Vec<(PlanPart, String)>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut changed = Vec::new();
    for (part, text) in answers {
        errors.keep(part.code(), text);
        let what = part.label().to_lowercase();
        if let Some(body) = check(
            &mut errors,
            part.code(),
            parse_text(text, &what, MAX_PART, false),
        ) {
            let before = latest
                .iter()
                .find(|(p, _)| p == part)
                .map_or("", |(_, body)| body.as_str());
            if body != before {
                changed.push((*part, body));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if changed.is_empty() {
        errors.add(
            PlanPart::Changes.code(),
            "Nothing has changed since the last save",
        );
        return Err(errors);
    }
    Ok(changed)
}

/// A worker's note beside one part.
pub fn parse_note(part: &str, body: &str) -> Result<(PlanPart, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let part_ok = check(
        &mut errors,
        "part",
        PlanPart::from_code(part.trim()).ok_or_else(|| "Choose which part of the plan".into()),
    );
    let body_ok = check(
        &mut errors,
        "body",
        parse_text(body, "your note", MAX_PART, true),
    );
    errors.keep("part", part);
    errors.keep("body", body);
    match (part_ok, body_ok) {
        (Some(p), Some(b)) => Ok((p, b)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plain_check::check_plain_words;

    fn words(part: PlanPart, body: &str) -> PlanWords {
        PlanWords {
            id: ChangePlanWordsId::new(),
            part,
            body: body.into(),
            written_by: "Kelly".into(),
            written_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default(),
        }
    }

    #[test]
    fn the_latest_answer_counts_and_only_changed_parts_are_saved() {
        let plan = ChangePlan {
            answers: vec![
                words(PlanPart::Changes, "Stop drinking in the week"),
                words(PlanPart::Changes, "No drinking on school nights"),
                words(PlanPart::Help, "My mum"),
            ],
            notes: vec![],
        };
        assert_eq!(
            plan.answer(PlanPart::Changes).map(|w| w.body.as_str()),
            Some("No drinking on school nights")
        );
        assert_eq!(plan.version(), 3);
        let saved = parse_plan(
            &plan,
            &[
                (PlanPart::Changes, "No drinking on school nights "),
                (PlanPart::Help, "My mum and my sister"),
                (PlanPart::Why, ""),
            ],
        );
        assert_eq!(
            saved,
            Ok(vec![(PlanPart::Help, "My mum and my sister".to_string())])
        );
        let Err(errors) = parse_plan(&plan, &[(PlanPart::Help, "My mum")]) else {
            panic!("nothing to save")
        };
        assert!(errors.for_field("changes").is_some());
    }

    #[test]
    fn each_part_is_read_from_the_field_named_by_its_code() {
        let form = ChangePlanForm {
            changes: "a".into(),
            why: "b".into(),
            steps: "c".into(),
            help: "d".into(),
            know: "e".into(),
            in_the_way: "f".into(),
            then: "g".into(),
            ..ChangePlanForm::default()
        };
        let typed = form.typed();
        let answers = form.answers();
        assert_eq!(answers.map(|(part, _)| part), PlanPart::ALL);
        for (part, text) in answers {
            assert_eq!(typed.value(part.code()), Some(text));
        }
    }

    #[test]
    fn a_too_long_answer_is_refused_and_every_answer_is_kept() {
        let long = "word ".repeat(500);
        let Err(errors) = parse_plan(
            &ChangePlan::default(),
            &[(PlanPart::Steps, &long), (PlanPart::Why, "For Jade")],
        ) else {
            panic!("refused")
        };
        assert!(errors.for_field("steps").is_some());
        assert_eq!(errors.value("why"), Some("For Jade"));
    }

    #[test]
    fn the_questions_a_parent_reads_are_plain() {
        for part in PlanPart::ALL {
            for text in [part.label(), part.hint()] {
                let advice = check_plain_words(text);
                assert!(advice.jargon.is_empty(), "{text}");
                assert!(advice.long_sentences.is_empty(), "{text}");
            }
        }
    }
}
