//! Reading one form field: text, a 0–10 score, a date, a record's version. The same rules run in
//! the browser as a person types and on the server, which trusts nothing; every form's own rules
//! are built from these.

use chrono::{Duration, NaiveDate};

/// Trimmed text, required or not, at most `max` characters.
pub fn parse_text(text: &str, what: &str, max: usize, required: bool) -> Result<String, String> {
    let text = text.trim();
    let length = text.chars().count();
    if required && text.is_empty() {
        return Err(format!("Enter {what}"));
    }
    if length > max {
        return Err(format!(
            "{} must be {max} characters or fewer (it has {length})",
            capitalise(what)
        ));
    }
    Ok(text.to_string())
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A 0–10 score.
pub fn parse_score(text: &str) -> Result<u8, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Choose a number from 0 to 10".into());
    }
    match text.parse::<u8>() {
        Ok(score) if score <= 10 => Ok(score),
        _ => Err("The number must be from 0 to 10".into()),
    }
}

/// A date from a date field (`2027-03-14`) within `earliest..=latest`.
pub fn parse_date(
    text: &str,
    what: &str,
    earliest: NaiveDate,
    latest: NaiveDate,
) -> Result<NaiveDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("Enter {what}"));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("Enter {what} as a real date, for example 2027-03-14"))?;
    if date < earliest || date > latest {
        return Err(format!(
            "{} must be between {} and {}",
            capitalise(what),
            earliest.format("%-d %B %Y"),
            latest.format("%-d %B %Y")
        ));
    }
    Ok(date)
}

pub fn years(n: i64) -> Duration {
    Duration::days(365 * n)
}

/// Target and due dates: a plan looks ahead; an overdue one may be up to a year past.
pub fn plan_date(text: &str, what: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_date(text, what, today - years(1), today + years(5))
}

/// When something was said or recorded: not in the future, and not long ago.
pub fn past_date(text: &str, what: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    parse_date(text, what, today - years(2), today)
}

pub fn parse_version(text: &str) -> Result<i64, String> {
    match text.trim() {
        "" => Ok(0),
        t => t
            .parse::<i64>()
            .ok()
            .filter(|v| *v >= 0)
            .ok_or_else(|| "Reload the page and try again".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_run_from_0_to_10() {
        assert_eq!(parse_score(" 0 "), Ok(0));
        assert_eq!(parse_score("10"), Ok(10));
        assert!(parse_score("11").is_err());
        assert!(parse_score("-1").is_err());
        assert!(parse_score("seven").is_err());
        assert_eq!(parse_score(""), Err("Choose a number from 0 to 10".into()));
    }
}
