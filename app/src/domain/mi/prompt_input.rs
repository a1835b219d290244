//! A team's own prompt, as typed in the library page: held to the library's rules.

use super::library_check::{check_text, check_why, repeats};
use super::prompt::{Prompt, Tags};
use super::stage::Stage;
use super::technique::Technique;
use crate::domain::goal::GoalArea;
use crate::error::{check, FieldErrors};

form! {
    /// A team's own prompt.
    PromptForm {}
    optional {
        technique,
        text,
        why,
    }
    lists {
        /// Area codes ticked; none means every area.
        areas,
        /// Stage codes ticked; none means every stage.
        stages,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PromptInput {
    pub technique: Technique,
    pub areas: Tags<GoalArea>,
    pub stages: Tags<Stage>,
    pub text: String,
    pub why: String,
}

/// `existing` is what the team already sees, so a prompt is not added twice.
pub fn parse_prompt(form: &PromptForm, existing: &[Prompt]) -> Result<PromptInput, FieldErrors> {
    let mut errors = form.typed();
    let technique = check(
        &mut errors,
        "technique",
        Technique::from_code(form.technique.trim()).ok_or_else(|| "Choose a technique".into()),
    );
    let areas = check(
        &mut errors,
        "areas",
        if form.areas.is_empty() {
            Ok(Tags::Any)
        } else {
            Tags::<GoalArea>::from_codes(&form.areas)
                .ok_or_else(|| "Choose from the areas listed".into())
        },
    );
    let stages = check(
        &mut errors,
        "stages",
        if form.stages.is_empty() {
            Ok(Tags::Any)
        } else {
            Tags::<Stage>::from_codes(&form.stages)
                .ok_or_else(|| "Choose from the stages listed".into())
        },
    );
    let text = form.text.trim();
    let text_ok = check(
        &mut errors,
        "text",
        check_text(text).and_then(|()| {
            if repeats(existing, text) {
                Err("This prompt is already in the library".into())
            } else {
                Ok(())
            }
        }),
    );
    let why = form.why.trim();
    let why_ok = check(&mut errors, "why", check_why(why));
    match (technique, areas, stages, text_ok, why_ok) {
        (Some(technique), Some(areas), Some(stages), Some(()), Some(())) => Ok(PromptInput {
            technique,
            areas,
            stages,
            text: text.to_string(),
            why: why.to_string(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mi::prompt::tests::prompt;

    #[test]
    fn a_team_prompt_is_held_to_the_library_rules() {
        let mut known = prompt("k", Technique::Affirmation, Tags::Any, Tags::Any);
        known.text = "You came back, and that matters.".into();
        let form = PromptForm {
            technique: "ruler_follow_up".into(),
            areas: vec!["parenting".into()],
            stages: Vec::new(),
            text: "Why not a ten?".into(),
            why: "Short".into(),
        };
        let Err(errors) = parse_prompt(&form, &[known.clone()]) else {
            panic!("refused")
        };
        assert!(errors.for_field("text").is_some());
        assert!(errors.for_field("why").is_some());
        assert_eq!(errors.value("areas"), Some("parenting"));
        let repeat = PromptForm {
            technique: "affirmation".into(),
            areas: Vec::new(),
            stages: Vec::new(),
            text: "you came back and that matters".into(),
            why: "Notices effort, which builds confidence.".into(),
        };
        let Err(errors) = parse_prompt(&repeat, &[known.clone()]) else {
            panic!("refused")
        };
        assert_eq!(
            errors.for_field("text"),
            Some("This prompt is already in the library")
        );
        let good = PromptForm {
            text: "You kept the appointment even on a bad day.".into(),
            ..repeat
        };
        let parsed = parse_prompt(&good, &[known]);
        assert_eq!(
            parsed.map(|p| (p.technique, p.areas, p.stages)),
            Ok((Technique::Affirmation, Tags::Any, Tags::Any))
        );
    }
}
