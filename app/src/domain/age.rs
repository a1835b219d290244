//! Ages from dates of birth.

use chrono::{Datelike, NaiveDate};

/// Whole years lived on `today`. Someone born on 29 February turns a year older on
/// 1 March in other years, as English law counts it. `None` for a date in the future.
pub fn age_in_years(date_of_birth: NaiveDate, today: NaiveDate) -> Option<u32> {
    if date_of_birth > today {
        return None;
    }
    let mut years = today.year() - date_of_birth.year();
    let birthday_this_year =
        NaiveDate::from_ymd_opt(today.year(), date_of_birth.month(), date_of_birth.day())
            .or_else(|| NaiveDate::from_ymd_opt(today.year(), 3, 1));
    if let Some(birthday) = birthday_this_year {
        if today < birthday {
            years -= 1;
        }
    }
    u32::try_from(years).ok()
}

/// "4 years old", "1 year old", "7 months old": babies are described in months.
pub fn describe_age(date_of_birth: NaiveDate, today: NaiveDate) -> String {
    match age_in_years(date_of_birth, today) {
        None => "not born yet".to_string(),
        Some(0) => {
            let months = (today.year() - date_of_birth.year()) * 12 + today.month() as i32
                - date_of_birth.month() as i32
                - i32::from(today.day() < date_of_birth.day());
            match months {
                m if m <= 0 => "under 1 month old".to_string(),
                1 => "1 month old".to_string(),
                m => format!("{m} months old"),
            }
        }
        Some(1) => "1 year old".to_string(),
        Some(years) => format!("{years} years old"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn counts_whole_years() {
        assert_eq!(age_in_years(d(2016, 5, 10), d(2026, 5, 9)), Some(9));
        assert_eq!(age_in_years(d(2016, 5, 10), d(2026, 5, 10)), Some(10));
        assert_eq!(age_in_years(d(2016, 5, 10), d(2026, 12, 31)), Some(10));
    }

    #[test]
    fn leap_day_birthdays_come_on_the_first_of_march() {
        assert_eq!(age_in_years(d(2016, 2, 29), d(2027, 2, 28)), Some(10));
        assert_eq!(age_in_years(d(2016, 2, 29), d(2027, 3, 1)), Some(11));
        assert_eq!(age_in_years(d(2016, 2, 29), d(2028, 2, 29)), Some(12));
    }

    #[test]
    fn future_dates_have_no_age() {
        assert_eq!(age_in_years(d(2027, 1, 1), d(2026, 11, 23)), None);
        assert_eq!(describe_age(d(2027, 1, 1), d(2026, 11, 23)), "not born yet");
    }

    #[test]
    fn babies_are_described_in_months() {
        assert_eq!(
            describe_age(d(2026, 11, 1), d(2026, 11, 23)),
            "under 1 month old"
        );
        assert_eq!(describe_age(d(2026, 10, 1), d(2026, 11, 23)), "1 month old");
        assert_eq!(
            describe_age(d(2026, 4, 24), d(2026, 11, 23)),
            "6 months old"
        );
        assert_eq!(describe_age(d(2025, 11, 23), d(2026, 11, 23)), "1 year old");
        assert_eq!(describe_age(d(2019, 1, 1), d(2026, 11, 23)), "7 years old");
    }
}
