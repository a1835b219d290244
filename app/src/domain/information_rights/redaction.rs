//! Withholding without changing the record: a reviewer marks a whole passage, or words within
//! it, and the disclosure is built from the passage cut into what is shown and what is withheld.
//! The withheld text is dropped here, before anything is drawn, so no page, file or document
//! made from the pieces can carry it.

use serde::{Deserialize, Serialize};

/// A stretch of a passage, in characters (not bytes: the words are people's, in any script).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stretch {
    pub start: usize,
    pub end: usize,
}

/// Every place `words` occur in `text`, exactly as typed (after trimming), without overlaps.
/// Empty words are found nowhere.
pub fn find_words(text: &str, words: &str) -> Vec<Stretch> {
    let words = words.trim();
    if words.is_empty() {
        return vec![];
    }
    let text: Vec<char> = text.chars().collect();
    let words: Vec<char> = words.chars().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at + words.len() <= text.len() {
        if text[at..at + words.len()] == words[..] {
            found.push(Stretch {
                start: at,
                end: at + words.len(),
            });
            at += words.len();
        } else {
            at += 1;
        }
    }
    found
}

/// The whole of a passage of `text`.
pub fn whole(text: &str) -> Stretch {
    Stretch {
        start: 0,
        end: text.chars().count(),
    }
}

/// One piece of a passage as disclosed: its own words, or a gap standing for withheld words,
/// numbered as the schedule of withheld information numbers them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Piece {
    Shown(String),
    Withheld { entry: usize },
}

/// Cuts `text` by `withheld` stretches, each with its schedule entry. Overlapping stretches
/// merge into one gap (under the first entry); stretches past the end are cut at it.
pub fn pieces(text: &str, withheld: &[(Stretch, usize)]) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut marks: Vec<(Stretch, usize)> = withheld
        .iter()
        .map(|(s, entry)| {
            (
                Stretch {
                    start: s.start.min(chars.len()),
                    end: s.end.min(chars.len()),
                },
                *entry,
            )
        })
        .filter(|(s, _)| s.start < s.end)
        .collect();
    marks.sort();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (stretch, entry) in marks {
        if stretch.end <= at {
            continue; // inside a gap already made
        }
        if stretch.start > at {
            pieces.push(Piece::Shown(chars[at..stretch.start].iter().collect()));
            pieces.push(Piece::Withheld { entry });
        } else if !matches!(pieces.last(), Some(Piece::Withheld { .. })) {
            pieces.push(Piece::Withheld { entry });
        }
        at = stretch.end;
    }
    if at < chars.len() {
        pieces.push(Piece::Shown(chars[at..].iter().collect()));
    }
    pieces
}

/// The words a disclosure shows of a passage: what `pieces` keeps, gaps as `[withheld: n]`.
pub fn shown_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Shown(text) => text.clone(),
            Piece::Withheld { entry } => format!("[withheld: {entry}]"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOTE: &str =
        "Kelly said her neighbour Dawn Price drove her to the group; Dawn Price waited.";

    #[test]
    fn words_are_found_wherever_they_occur_in_characters() {
        let found = find_words(NOTE, " Dawn Price ");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], Stretch { start: 25, end: 35 });
        assert!(find_words(NOTE, "dawn price").is_empty(), "as typed");
        assert!(find_words(NOTE, "  ").is_empty());
        // Characters, not bytes: an accent before the words does not shift them.
        assert_eq!(
            find_words("Zoë met Dawn", "Dawn"),
            vec![Stretch { start: 8, end: 12 }]
        );
    }

    #[test]
    fn withheld_words_never_reach_the_disclosure() {
        let marks: Vec<_> = find_words(NOTE, "Dawn Price")
            .into_iter()
            .map(|s| (s, 1))
            .collect();
        let shown = shown_text(&pieces(NOTE, &marks));
        assert_eq!(
            shown,
            "Kelly said her neighbour [withheld: 1] drove her to the group; [withheld: 1] waited."
        );
        assert!(!shown.contains("Dawn"));
    }

    #[test]
    fn a_whole_passage_and_overlapping_marks_make_one_gap() {
        assert_eq!(
            pieces(NOTE, &[(whole(NOTE), 3)]),
            vec![Piece::Withheld { entry: 3 }]
        );
        let overlapping = [
            (Stretch { start: 0, end: 10 }, 1),
            (Stretch { start: 5, end: 20 }, 2),
            (
                Stretch {
                    start: 500,
                    end: 900,
                },
                4,
            ),
        ];
        let cut = pieces("0123456789abcdefghijKLMN", &overlapping);
        assert_eq!(
            cut,
            vec![Piece::Withheld { entry: 1 }, Piece::Shown("KLMN".into())]
        );
        assert_eq!(
            pieces("no marks", &[]),
            vec![Piece::Shown("no marks".into())]
        );
    }
}
