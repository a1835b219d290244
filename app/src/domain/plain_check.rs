//! Advice on family-facing text (DOMAIN.md §6): family pages should read at a reading age of
//! about 9 to 11, in short sentences and everyday words. This only advises; it never blocks,
//! because the practitioner knows the family and may have good reason to keep a word.
//!
//! It runs in the browser on every keystroke, so it makes one pass over the text, borrows
//! slices rather than copying, and allocates only for what it reports.

use super::glossary::{Jargon, GLOSSARY};

/// What could make a piece of text hard for a family to read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PlainAdvice {
    /// Estimated reading age in years (Flesch–Kincaid grade + 5), None for text too short to judge (fewer than 5 words).
    pub reading_age: Option<u8>,
    /// Sentences longer than LONG_SENTENCE_WORDS words, as written (trimmed), in order.
    pub long_sentences: Vec<String>,
    /// Jargon found, in order of first appearance, each once: the term as written in the text, and the plain alternative.
    pub jargon: Vec<JargonFound>,
}

/// A glossary term found in the text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JargonFound {
    pub term: String,
    pub plain: String,
}

pub const LONG_SENTENCE_WORDS: usize = 20;

/// The reading age families should be able to manage (DOMAIN.md §6).
pub const TARGET_READING_AGE: u8 = 11;

/// Below this many words a reading age says more about chance than about the text.
const MIN_WORDS_FOR_AGE: usize = 5;

/// Enough of a long sentence to recognise it by.
const OPENING_WORDS: usize = 8;

/// Abbreviations whose full stop does not end a sentence (compared without case).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "etc", "mr", "mrs", "ms", "dr", "prof", "vs", "approx",
];

/// Reads `text` as a family would and says what could make it hard going.
pub fn check_plain_words(text: &str) -> PlainAdvice {
    let mut totals = Totals::default();
    let mut long_sentences = Vec::new();
    let mut jargon = Vec::new();
    let mut seen = [false; GLOSSARY.len()];
    for sentence in Sentences::new(text) {
        let words = totals.add(sentence);
        if words > LONG_SENTENCE_WORDS {
            long_sentences.push(sentence.to_owned());
        }
        find_jargon(sentence, &mut seen, &mut jargon);
    }
    PlainAdvice {
        reading_age: totals.reading_age(),
        long_sentences,
        jargon,
    }
}

impl PlainAdvice {
    /// Nothing to advise: reading age at or under TARGET_READING_AGE (or unknown), no long sentences, no jargon.
    pub fn is_clear(&self) -> bool {
        self.reading_age.is_none_or(|age| age <= TARGET_READING_AGE)
            && self.long_sentences.is_empty()
            && self.jargon.is_empty()
    }

    /// Short sentences of advice in plain English for the practitioner, e.g. "Reading age about 14: aim for 11 or under.", "This sentence is long (27 words): \"...first 8 words…\"", "\"PLO\": say \"...\" instead." — empty when is_clear.
    pub fn messages(&self) -> Vec<String> {
        let mut messages = Vec::new();
        if let Some(age) = self.reading_age.filter(|&age| age > TARGET_READING_AGE) {
            messages.push(format!(
                "Reading age about {age}: aim for {TARGET_READING_AGE} or under."
            ));
        }
        messages.extend(self.long_sentences.iter().map(|s| long_sentence_message(s)));
        messages.extend(
            self.jargon
                .iter()
                .map(|found| format!("\"{}\": say \"{}\" instead.", found.term, found.plain)),
        );
        messages
    }
}

/// Names a long sentence by its opening words, since the whole of it would swamp the advice.
fn long_sentence_message(sentence: &str) -> String {
    let mut words = Words::new(sentence);
    let count = words.clone().count();
    if count <= OPENING_WORDS {
        return format!("This sentence is long ({count} words): \"{sentence}\"");
    }
    let end = words
        .nth(OPENING_WORDS - 1)
        .map_or(sentence.len(), |word| word.end());
    let opening = sentence.get(..end).unwrap_or(sentence);
    format!("This sentence is long ({count} words): \"{opening}…\"")
}

/// Running counts for the Flesch–Kincaid formula.
#[derive(Default)]
struct Totals {
    sentences: usize,
    words: usize,
    syllables: usize,
}

impl Totals {
    /// Counts one sentence in, returning its length in words.
    fn add(&mut self, sentence: &str) -> usize {
        let mut words = 0;
        for word in Words::new(sentence) {
            words += 1;
            self.syllables += syllables(word.text);
        }
        self.sentences += 1;
        self.words += words;
        words
    }

    /// Flesch–Kincaid grade plus 5, as US grades start at about age 6 (grade 1).
    fn reading_age(&self) -> Option<u8> {
        if self.words < MIN_WORDS_FOR_AGE || self.sentences == 0 {
            return None;
        }
        let words = self.words as f64;
        let grade =
            0.39 * (words / self.sentences as f64) + 11.8 * (self.syllables as f64 / words) - 15.59;
        Some((grade + 5.0).round().clamp(5.0, 21.0) as u8)
    }
}

/// Sentences of a text, trimmed, skipping any without words (such as "..." or a line of emoji).
struct Sentences<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Sentences<'a> {
    fn new(text: &'a str) -> Self {
        Sentences { text, pos: 0 }
    }
}

impl<'a> Iterator for Sentences<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        loop {
            let rest = self.text.get(self.pos..).filter(|rest| !rest.is_empty())?;
            let (end, next) = sentence_end(rest);
            self.pos += next;
            let sentence = rest.get(..end).unwrap_or(rest).trim();
            if Words::new(sentence).next().is_some() {
                return Some(sentence);
            }
        }
    }
}

/// Where the first sentence in `text` ends (keeping its punctuation) and where the next begins.
fn sentence_end(text: &str) -> (usize, usize) {
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        match c {
            '\n' | '\r' => return (i, after),
            '!' | '?' => return (after, after),
            '.' if full_stop_ends_sentence(text, i) => return (after, after),
            _ => {}
        }
    }
    (text.len(), text.len())
}

/// A full stop ends a sentence unless it sits inside a number or address ("2.5", "e.g"),
/// closes a known abbreviation ("Mr."), or numbers a list item ("1. Pack a bag").
fn full_stop_ends_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or(text);
    let next = text.get(at + 1..).and_then(|after| after.chars().next());
    if next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    !ABBREVIATIONS
        .iter()
        .any(|abbr| ends_with_word(before, abbr))
        && !is_list_number(before)
}

/// Whether `text` ends with `word` (ignoring case) and nothing joins onto its front.
fn ends_with_word(text: &str, word: &str) -> bool {
    let Some((head, tail)) = text
        .len()
        .checked_sub(word.len())
        .and_then(|split| text.split_at_checked(split))
    else {
        return false;
    };
    tail.eq_ignore_ascii_case(word) && !head.ends_with(|c: char| c.is_alphanumeric() || c == '.')
}

/// A short number alone at the start of a sentence, as in "1. Pack a bag".
fn is_list_number(before: &str) -> bool {
    let lead = before.trim_start();
    (1..=3).contains(&lead.len()) && lead.bytes().all(|b| b.is_ascii_digit())
}

/// A word: a run of letters, digits and apostrophes, without apostrophes at either end (so
/// quotes do not count), and where it starts in its sentence so matches can be quoted as written.
#[derive(Clone, Copy)]
struct Word<'a> {
    start: usize,
    text: &'a str,
}

impl Word<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The words of a sentence; cheap to clone, so a phrase can be tried from any word.
#[derive(Clone)]
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words { text, pos: 0 }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        loop {
            let rest = self.text.get(self.pos..)?;
            let found = rest.find(is_word_char)?;
            let run = &rest[found..];
            let run = &run[..run.find(|c| !is_word_char(c)).unwrap_or(run.len())];
            let start = self.pos + found;
            self.pos = start + run.len();
            let trimmed = run.trim_start_matches(is_apostrophe);
            let text = trimmed.trim_end_matches(is_apostrophe);
            if !text.is_empty() {
                let start = start + (run.len() - trimmed.len());
                return Some(Word { start, text });
            }
        }
    }
}

/// Adds the glossary terms in `sentence` not already `seen` to `found`, taking the longest term
/// where terms overlap ("interim care order" rather than "care order").
fn find_jargon(sentence: &str, seen: &mut [bool], found: &mut Vec<JargonFound>) {
    let mut words = Words::new(sentence);
    while let Some(word) = words.next() {
        let Some((index, jargon, end)) = longest_term_at(sentence, word) else {
            continue;
        };
        words.pos = end;
        if let Some(flag) = seen.get_mut(index).filter(|flag| !**flag) {
            *flag = true;
            found.push(JargonFound {
                term: sentence.get(word.start..end).unwrap_or_default().to_owned(),
                plain: jargon.plain.to_owned(),
            });
        }
    }
}

/// The longest term starting at `first`: its glossary index, its entry and where it ends.
fn longest_term_at(sentence: &str, first: Word<'_>) -> Option<(usize, &'static Jargon, usize)> {
    GLOSSARY
        .iter()
        .enumerate()
        .filter_map(|(index, jargon)| Some((index, jargon, term_end(sentence, first, jargon)?)))
        .max_by_key(|&(_, _, end)| end)
}

/// Where `jargon`'s term ends if it starts at `first`: its words in order, joined only by
/// spaces or hyphens, so "core. Group" across punctuation is not "core group".
fn term_end(sentence: &str, first: Word<'_>, jargon: &Jargon) -> Option<usize> {
    // Most terms fail on the first letter; checking it first keeps each keystroke cheap.
    let (initial, term_initial) = (
        first.text.as_bytes().first()?,
        jargon.term.as_bytes().first()?,
    );
    if !initial.eq_ignore_ascii_case(term_initial) {
        return None;
    }
    let mut parts = jargon
        .term
        .split([' ', '-'])
        .filter(|part| !part.is_empty())
        .peekable();
    let mut rest = Words {
        text: sentence,
        pos: first.end(),
    };
    let mut word = first;
    loop {
        let part = parts.next()?;
        let last = parts.peek().is_none();
        if !word_matches(word.text, part, last) {
            return None;
        }
        if last {
            return Some(word.end());
        }
        let next = rest.next()?;
        let gap = sentence.get(word.end()..next.start)?;
        if !gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '‐' | '‑'))
        {
            return None;
        }
        word = next;
    }
}

/// Whether a word in the text is this word of a term, ignoring case; the last word of a term
/// may also carry a plural or possessive "s".
fn word_matches(word: &str, part: &str, last: bool) -> bool {
    word.eq_ignore_ascii_case(part) || (last && is_plural_of(word, part))
}

/// "GPs" and "GP's" are plurals of "GP" but "GPS" (a sat nav) is not, so an abbreviation's plural
/// "s" must be lower case after a capital; ordinary words take any case.
fn is_plural_of(word: &str, part: &str) -> bool {
    let Some((stem, suffix)) = word.split_at_checked(part.len()) else {
        return false;
    };
    if !stem.eq_ignore_ascii_case(part) {
        return false;
    }
    match suffix {
        "'s" | "'S" | "’s" | "’S" => true,
        "s" => !is_abbreviation(part) || stem.bytes().any(|b| b.is_ascii_uppercase()),
        "S" => !is_abbreviation(part),
        _ => false,
    }
}

/// Glossary abbreviations are written in capitals ("PLO"), ordinary words in lower case.
fn is_abbreviation(part: &str) -> bool {
    part.bytes().any(|b| b.is_ascii_uppercase()) && !part.bytes().any(|b| b.is_ascii_lowercase())
}

/// Syllables in a word by the usual English rules of thumb: one per group of vowels, less a
/// silent ending ("make", "loved", "takes"), plus one for "-ing" after a vowel ("going").
/// Numbers count as one; every word has at least one.
fn syllables(word: &str) -> usize {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return 1;
    }
    let word = strip_possessive(word);
    let groups = vowel_groups(word);
    let silent = usize::from(groups > 1 && has_silent_ending(word.as_bytes()));
    let extra = usize::from(ends_with_ing_after_vowel(word.as_bytes()));
    (groups - silent + extra).max(1)
}

fn strip_possessive(word: &str) -> &str {
    ["'s", "’s", "'S", "’S"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word)
}

/// "y" is a vowel except at the start of a word ("yes", but "family"); so are accented letters,
/// which in English text are nearly always vowels ("café", "résumé").
fn vowel_groups(word: &str) -> usize {
    let mut groups = 0;
    let mut in_group = false;
    for (i, c) in word.chars().filter(|c| c.is_alphabetic()).enumerate() {
        let vowel = match u8::try_from(c).ok().filter(u8::is_ascii) {
            Some(b) => is_vowel(b) || (i > 0 && b.eq_ignore_ascii_case(&b'y')),
            None => true,
        };
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups
}

fn is_vowel(b: u8) -> bool {
    matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_alphabetic() && !is_vowel(b) && !b.eq_ignore_ascii_case(&b'y')
}

/// The letters before `suffix` (ignoring case), if the word ends with it.
fn stem_before<'a>(word: &'a [u8], suffix: &[u8]) -> Option<&'a [u8]> {
    let (stem, tail) = word.split_at_checked(word.len().checked_sub(suffix.len())?)?;
    tail.eq_ignore_ascii_case(suffix).then_some(stem)
}

fn ends_in_consonant(stem: &[u8]) -> bool {
    stem.last().is_some_and(|&b| is_consonant(b))
}

/// "-le" after a consonant is said as a syllable of its own ("ta-ble", but "whole").
fn ends_in_consonant_l(stem: &[u8]) -> bool {
    matches!(stem, [.., before, b'l' | b'L'] if is_consonant(*before))
}

/// A final "e" is silent ("make") except in "-le" after a consonant ("table") or after a vowel
/// ("agree"); "-es" is silent except after s, x, z, c, g, h or "-le" ("boxes", "changes",
/// "tables"); "-ed" is silent except after t or d ("wanted").
fn has_silent_ending(word: &[u8]) -> bool {
    if let Some(stem) = stem_before(word, b"e") {
        return ends_in_consonant(stem) && !ends_in_consonant_l(stem);
    }
    if let Some(stem) = stem_before(word, b"es") {
        let sounded = stem.last().is_some_and(|b| b"sxzcghSXZCGH".contains(b));
        return ends_in_consonant(stem) && !sounded && !ends_in_consonant_l(stem);
    }
    if let Some(stem) = stem_before(word, b"ed") {
        let sounded = stem.last().is_some_and(|b| b"tdTD".contains(b));
        return ends_in_consonant(stem) && !sounded;
    }
    false
}

/// "going", "seeing", "playing": the "i" joins the vowel before it into one group, but is
/// said separately.
fn ends_with_ing_after_vowel(word: &[u8]) -> bool {
    stem_before(word, b"ing")
        .and_then(|stem| stem.last())
        .is_some_and(|&b| {
            (is_vowel(b) && !b.eq_ignore_ascii_case(&b'i')) || b.eq_ignore_ascii_case(&b'y')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        check_plain_words(text)
            .jargon
            .into_iter()
            .map(|found| found.term)
            .collect()
    }

    /// A sentence of exactly `n` one-syllable words.
    fn sentence_of(n: usize) -> String {
        let mut sentence = vec!["cat"; n].join(" ");
        sentence.push('.');
        sentence
    }

    #[test]
    fn syllables_follow_the_usual_rules_of_thumb() {
        for (word, expected) in [
            ("cat", 1),
            ("make", 1),
            ("the", 1),
            ("table", 2),
            ("people", 2),
            ("family", 3),
            ("going", 2),
            ("playing", 2),
            ("protection", 3),
            ("wanted", 2),
            ("loved", 1),
            ("takes", 1),
            ("changes", 2),
            ("boxes", 2),
            ("agree", 2),
            ("don't", 1),
            ("yes", 1),
            ("rhythm", 1),
            ("2026", 1),
            ("mum's", 1),
            ("hmm", 1),
            ("café", 2),
        ] {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn simple_child_level_text_reads_young_and_is_clear() {
        let advice = check_plain_words(
            "We met at your home. You told me about school. Sam likes his new class. \
             We will come back next week to see how things are.",
        );
        assert!(advice.reading_age.is_some_and(|age| age <= 9), "{advice:?}");
        assert!(advice.is_clear(), "{advice:?}");
        assert!(advice.messages().is_empty());
    }

    #[test]
    fn dense_professional_text_reads_old() {
        let advice = check_plain_words(
            "Following consideration of the cumulative evidence, practitioners determined that \
             parental capacity to implement sustainable improvements remains fundamentally \
             compromised, necessitating continued intensive monitoring arrangements.",
        );
        assert!(
            advice.reading_age.is_some_and(|age| age >= 18),
            "{advice:?}"
        );
        assert!(!advice.is_clear());
    }

    #[test]
    fn reading_age_stays_between_five_and_twenty_one() {
        assert_eq!(
            check_plain_words("Go. Go. Go. Go. Go. Go.").reading_age,
            Some(5)
        );
        let long_words = "Incomprehensibility notwithstanding, institutionalisation \
                          characteristically necessitates multidimensional reconceptualisation";
        assert_eq!(check_plain_words(long_words).reading_age, Some(21));
    }

    #[test]
    fn too_short_to_judge_has_no_reading_age() {
        assert_eq!(check_plain_words("Thank you all very").reading_age, None);
        assert!(check_plain_words("Thank you all very much")
            .reading_age
            .is_some());
    }

    #[test]
    fn twenty_words_is_not_long_but_twenty_one_is() {
        assert!(check_plain_words(&sentence_of(20))
            .long_sentences
            .is_empty());
        let long = sentence_of(21);
        assert_eq!(check_plain_words(&long).long_sentences, vec![long]);
    }

    #[test]
    fn long_sentences_are_kept_as_written_in_order() {
        let first = format!("  {}", sentence_of(22));
        let second = sentence_of(25).replace('.', "?");
        let text = format!("{first} Short one.\n{second}");
        let expected = vec![first.trim().to_owned(), second];
        assert_eq!(check_plain_words(&text).long_sentences, expected);
    }

    #[test]
    fn decimals_and_abbreviations_do_not_end_sentences() {
        let text = "Mr. Smith and Dr. Jones said the visit lasted 2.5 hours, e.g. with breaks, \
                    i.e. with lunch, toys etc. and then went home.";
        let advice = check_plain_words(text);
        assert_eq!(advice.long_sentences.len(), 1, "{advice:?}");
        assert_eq!(Sentences::new(text).count(), 1);
    }

    #[test]
    fn sentences_end_at_stops_questions_exclamations_and_new_lines() {
        let text = "One. Two? Three! Four\nFive... 1. Six";
        let sentences: Vec<_> = Sentences::new(text).collect();
        assert_eq!(
            sentences,
            ["One.", "Two?", "Three!", "Four", "Five.", "1. Six"]
        );
    }

    #[test]
    fn jargon_is_found_whatever_the_case() {
        assert_eq!(
            terms("The plo letter came. Your Gp can help."),
            ["plo", "Gp"]
        );
        assert_eq!(terms("SAFEGUARDING matters."), ["SAFEGUARDING"]);
    }

    #[test]
    fn multi_word_terms_match_as_phrases_and_the_longest_wins() {
        assert_eq!(
            terms("The Interim Care Order was made. The core-group met."),
            ["Interim Care Order", "core-group"]
        );
        assert_eq!(terms("Pre proceedings start now."), ["Pre proceedings"]);
        assert_eq!(
            terms("It is at the core. Group work is next."),
            Vec::<String>::new()
        );
        assert_eq!(terms("There was non-engagement."), ["non-engagement"]);
    }

    #[test]
    fn terms_match_whole_words_only() {
        assert!(terms("We deploy the GPS to find your house.").is_empty());
        assert!(terms("Nothing about employment or samplo here.").is_empty());
        assert_eq!(terms("Both GPs agreed with the GP's letter."), ["GPs"]);
        assert_eq!(terms("The outcomes were good."), ["outcomes"]);
    }

    #[test]
    fn each_term_is_reported_once_in_order_of_first_appearance() {
        let found =
            check_plain_words("CAMHS saw Amy. The LADO called CAMHS. Then the PLO began.").jargon;
        let terms: Vec<_> = found.iter().map(|found| found.term.as_str()).collect();
        assert_eq!(terms, ["CAMHS", "LADO", "PLO"]);
        assert_eq!(found[0].plain, "the children's mental health service");
    }

    #[test]
    fn contact_alone_is_not_jargon_but_its_family_time_phrases_are() {
        assert!(terms("Please contact me on Monday.").is_empty());
        assert_eq!(
            terms("Supervised contact is on Friday."),
            ["Supervised contact"]
        );
    }

    #[test]
    fn empty_and_wordless_text_has_nothing_to_advise() {
        for text in ["", "   \n\t ", "...?!,;", "🙂🎉 🙂", "'' ’ '", "\r\n\r\n"] {
            let advice = check_plain_words(text);
            assert_eq!(advice.reading_age, None, "{text:?}");
            assert!(advice.is_clear(), "{text:?}");
        }
    }

    #[test]
    fn odd_text_does_not_panic() {
        let long = "Ünïcödé wörds, émoji 🙂, and … ellipses. ".repeat(2_000);
        let advice = check_plain_words(&long);
        assert!(advice.reading_age.is_some());
        for text in [
            ".",
            "a.",
            "1.",
            "e.g.",
            "’s",
            "-",
            "GP’",
            "’GP’s",
            "s47s",
            "🙂.🙂",
        ] {
            let _ = check_plain_words(text).messages();
        }
    }

    #[test]
    fn messages_say_what_to_change() {
        let advice = PlainAdvice {
            reading_age: Some(14),
            long_sentences: vec![
                "One two three four five six seven eight nine ten eleven twelve thirteen \
                 fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one."
                    .to_owned(),
            ],
            jargon: vec![JargonFound {
                term: "PLO".to_owned(),
                plain: "a formal stage".to_owned(),
            }],
        };
        assert_eq!(
            advice.messages(),
            [
                "Reading age about 14: aim for 11 or under.",
                "This sentence is long (22 words): \"One two three four five six seven eight…\"",
                "\"PLO\": say \"a formal stage\" instead.",
            ]
        );
    }

    #[test]
    fn messages_are_empty_exactly_when_clear() {
        for text in [
            "We will see you on Tuesday. Bring Sam's coat.",
            "The ICPC is on Tuesday.",
            sentence_of(30).as_str(),
        ] {
            let advice = check_plain_words(text);
            assert_eq!(advice.messages().is_empty(), advice.is_clear(), "{text}");
        }
    }

    #[test]
    fn every_glossary_term_finds_itself() {
        for jargon in GLOSSARY {
            assert_eq!(terms(jargon.term), [jargon.term], "{}", jargon.term);
        }
    }

    #[test]
    fn plain_words_use_no_jargon() {
        for jargon in GLOSSARY {
            assert!(
                terms(jargon.plain).is_empty(),
                "{}: {}",
                jargon.term,
                jargon.plain
            );
        }
    }

    #[test]
    fn glossary_terms_are_unique() {
        for (i, jargon) in GLOSSARY.iter().enumerate() {
            assert!(
                !GLOSSARY[..i]
                    .iter()
                    .any(|other| other.term.eq_ignore_ascii_case(jargon.term)),
                "{}",
                jargon.term
            );
        }
    }
}
