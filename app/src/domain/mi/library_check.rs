//! What makes a prompt fit for the library: the rules a team's own prompt must meet, and the
//! coverage the library as a whole must have (checked by a test on the library file).

use super::prompt::Prompt;
use super::ruler::asks_why_not_higher;
use super::stage::Stage;
use super::technique::Technique;
use crate::domain::goal::GoalArea;

pub const TEXT_CHARS: std::ops::RangeInclusive<usize> = 10..=280;
pub const WHY_CHARS: std::ops::RangeInclusive<usize> = 15..=160;

/// The words of a prompt, as said to a parent.
pub fn check_text(text: &str) -> Result<(), String> {
    let length = text.chars().count();
    if text.is_empty() {
        return Err("Enter the prompt".into());
    }
    if !TEXT_CHARS.contains(&length) {
        return Err(format!(
            "The prompt must be {} to {} characters (it has {length})",
            TEXT_CHARS.start(),
            TEXT_CHARS.end()
        ));
    }
    if asks_why_not_higher(text) {
        return Err(
            "Ask why the number is not lower, or what would move it one point up: \
             asking why it is not higher makes people defend the low score"
                .into(),
        );
    }
    Ok(())
}

/// The one-line reason a prompt helps.
pub fn check_why(why: &str) -> Result<(), String> {
    let length = why.chars().count();
    if why.is_empty() {
        return Err("Enter why this helps, in one line".into());
    }
    if why.contains('\n') || !WHY_CHARS.contains(&length) {
        return Err(format!(
            "Why this helps must be one line of {} to {} characters (it has {length})",
            WHY_CHARS.start(),
            WHY_CHARS.end()
        ));
    }
    Ok(())
}

/// Letters and digits only, lower case: two prompts that differ only in punctuation or
/// spacing are the same prompt.
pub fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `text` repeats a prompt already in `prompts`.
pub fn repeats(prompts: &[Prompt], text: &str) -> bool {
    let wanted = normalise(text);
    prompts.iter().any(|p| normalise(&p.text) == wanted)
}

/// The techniques every area and stage must have prompts for; "evoking" counts any of the seven.
pub const CORE: &[Technique] = &[
    Technique::OpenQuestion,
    Technique::Affirmation,
    Technique::Reflection,
];

/// Where the library falls short, in words; empty when every area × stage has prompts for the
/// core techniques and for evoking change talk, and every area but "other" has prompts of its
/// own at every stage.
pub fn coverage_gaps(prompts: &[Prompt]) -> Vec<String> {
    let mut gaps = Vec::new();
    for area in GoalArea::ALL {
        for stage in Stage::ALL {
            let applying: Vec<&Prompt> = prompts
                .iter()
                .filter(|p| p.applies_to(*area, Some(*stage)))
                .collect();
            let place = format!("{} × {}", area.label(), stage.label());
            for technique in CORE {
                if !applying.iter().any(|p| p.technique == *technique) {
                    gaps.push(format!("{place}: no {}", technique.label().to_lowercase()));
                }
            }
            if !applying.iter().any(|p| p.technique.evokes_change_talk()) {
                gaps.push(format!("{place}: nothing evoking change talk"));
            }
            if *area != GoalArea::Other && !applying.iter().any(|p| p.areas.names(area)) {
                gaps.push(format!("{place}: no prompt written for this area"));
            }
        }
    }
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mi::prompt::tests::prompt;
    use crate::domain::mi::prompt::Tags;

    #[test]
    fn a_prompt_is_checked_for_length_and_for_why_not_a_ten() {
        assert_eq!(check_text("What would a good day look like?"), Ok(()));
        assert!(check_text("Hi?").is_err());
        assert!(check_text("So, why not a 10?").is_err());
        assert!(check_why("Because.").is_err());
        assert!(check_why("Looks ahead to what the parent hopes for.").is_ok());
        assert!(check_why("Two\nlines of reasons here").is_err());
    }

    #[test]
    fn repeats_ignore_case_spacing_and_punctuation() {
        let mut p = prompt("a", Technique::OpenQuestion, Tags::Any, Tags::Any);
        p.text = "What matters most to you?".into();
        assert!(repeats(&[p.clone()], "what matters most to you"));
        assert!(!repeats(&[p], "What matters most to the children?"));
    }

    #[test]
    fn coverage_names_each_missing_place() {
        let general: Vec<Prompt> = [
            Technique::OpenQuestion,
            Technique::Affirmation,
            Technique::Reflection,
            Technique::EvokeNeed,
        ]
        .iter()
        .map(|t| prompt(t.code(), *t, Tags::Any, Tags::Any))
        .collect();
        let gaps = coverage_gaps(&general);
        // General prompts cover every technique; each area but "other" lacks its own.
        assert_eq!(gaps.len(), (GoalArea::ALL.len() - 1) * Stage::ALL.len());
        assert!(gaps.contains(&"Education × Relapse: no prompt written for this area".into()));
        let gaps = coverage_gaps(&general[..3]);
        assert!(gaps.contains(&"Other × Action: nothing evoking change talk".into()));
    }
}
