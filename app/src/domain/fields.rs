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
    let date = read_date(text)
        .ok_or_else(|| format!("Enter {what} as a real date, for example 14/3/2027"))?;
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

/// A date as a date field sends it (`2027-03-14`) or as a person in the UK types it where the
/// browser shows a text box (`14/3/2027`, `14.03.2027`): day first, never month first.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    let parts: Vec<&str> = text
        .split(['/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    // A two-digit year would have to be guessed: ask for all four.
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
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
    fn dates_are_read_day_first_as_in_the_uk() {
        let march_14 = NaiveDate::from_ymd_opt(2027, 3, 14);
        assert_eq!(read_date("2027-03-14"), march_14);
        assert_eq!(read_date("14/3/2027"), march_14);
        assert_eq!(read_date(" 14.03.2027 "), march_14);
        // 3/5 is the 3rd of May here, never 5 March.
        assert_eq!(read_date("3/5/2026"), NaiveDate::from_ymd_opt(2026, 5, 3));
        assert_eq!(read_date("3/14/2027"), None);
        assert_eq!(read_date("14/3/27"), None);
        assert_eq!(read_date("31/2/2027"), None);
    }

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
