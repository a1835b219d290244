//! One diff for every versioned record: each record lists its fields in words, and two versions
//! are compared field by field, so history reads the same whatever changed.

use super::FieldChange;
use chrono::NaiveDate;

/// One field of a record as a person reads it: its name in history and its value in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub words: String,
}

impl Field {
    pub fn new(name: &'static str, words: impl Into<String>) -> Field {
        Field {
            name,
            words: words.into(),
        }
    }
}

/// A record that can say what its fields hold, in words, for history.
pub trait InWords {
    fn in_words(&self) -> Vec<Field>;
}

/// What differs between two versions of a record; `before` is `None` for a new record, whose
/// empty fields are not news.
pub fn diff(before: Option<&[Field]>, after: &[Field]) -> Vec<FieldChange> {
    after
        .iter()
        .filter_map(|field| {
            let was = before.map(|b| {
                b.iter()
                    .find(|f| f.name == field.name)
                    .map_or("", |f| f.words.as_str())
            });
            match was {
                None if field.words.is_empty() => None,
                Some(was) if was == field.words => None,
                _ => Some(FieldChange {
                    field: field.name.into(),
                    before: was.unwrap_or_default().into(),
                    after: field.words.clone(),
                }),
            }
        })
        .collect()
}

/// "Tuesday 3 March 2027": history spans years, so it carries the year.
pub fn history_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&'static str, &str)]) -> Vec<Field> {
        pairs.iter().map(|(n, w)| Field::new(n, *w)).collect()
    }

    #[test]
    fn a_new_record_lists_its_filled_fields_and_an_edit_only_what_changed() {
        let first = fields(&[("What", "Book the dentist"), ("Also there", "")]);
        assert_eq!(
            diff(None, &first),
            [FieldChange {
                field: "What".into(),
                before: String::new(),
                after: "Book the dentist".into()
            }]
        );
        assert!(diff(Some(&first), &first).is_empty());
        let next = fields(&[("What", "Book the dentist"), ("Also there", "Nan")]);
        assert_eq!(
            diff(Some(&first), &next),
            [FieldChange {
                field: "Also there".into(),
                before: String::new(),
                after: "Nan".into()
            }]
        );
    }
}
