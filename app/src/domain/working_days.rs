//! Working days in England and Wales: Monday to Friday, less bank holidays. Statutory timescales
//! (visits every N working days, a core group within 10 working days) are counted in these.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub const FIRST_YEAR: i32 = 2024;
pub const LAST_YEAR: i32 = 2030;

/// England and Wales bank holidays, 2024 to 2030, with substitute days for those falling at a
/// weekend. Outside these years bank holidays are unknown and every weekday counts as working.
pub const BANK_HOLIDAYS: &[(i32, u32, u32)] = &[
    (2024, 1, 1),
    (2024, 3, 29),
    (2024, 4, 1),
    (2024, 5, 6),
    (2024, 5, 27),
    (2024, 8, 26),
    (2024, 12, 25),
    (2024, 12, 26),
    (2025, 1, 1),
    (2025, 4, 18),
    (2025, 4, 21),
    (2025, 5, 5),
    (2025, 5, 26),
    (2025, 8, 25),
    (2025, 12, 25),
    (2025, 12, 26),
    (2026, 1, 1),
    (2026, 4, 3),
    (2026, 4, 6),
    (2026, 5, 4),
    (2026, 5, 25),
    (2026, 8, 31),
    (2026, 12, 25),
    (2026, 12, 28),
    (2027, 1, 1),
    (2027, 3, 26),
    (2027, 3, 29),
    (2027, 5, 3),
    (2027, 5, 31),
    (2027, 8, 30),
    (2027, 12, 27),
    (2027, 12, 28),
    (2028, 1, 3),
    (2028, 4, 14),
    (2028, 4, 17),
    (2028, 5, 1),
    (2028, 5, 29),
    (2028, 8, 28),
    (2028, 12, 25),
    (2028, 12, 26),
    (2029, 1, 1),
    (2029, 3, 30),
    (2029, 4, 2),
    (2029, 5, 7),
    (2029, 5, 28),
    (2029, 8, 27),
    (2029, 12, 25),
    (2029, 12, 26),
    (2030, 1, 1),
    (2030, 4, 19),
    (2030, 4, 22),
    (2030, 5, 6),
    (2030, 5, 27),
    (2030, 8, 26),
    (2030, 12, 25),
    (2030, 12, 26),
];

pub fn is_bank_holiday(date: NaiveDate) -> bool {
    BANK_HOLIDAYS
        .iter()
        .any(|&(y, m, d)| date.year() == y && date.month() == m && date.day() == d)
}

pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_bank_holiday(date)
}

/// The next day, or the same day at the end of the calendar (never panics).
fn next(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// The date `n` working days after `from`; with `n = 0`, `from` itself if it is a working day,
/// else the next working day.
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut date = from;
    if n == 0 {
        // A run of non-working days is at most a few days long; the bound only guards the end of time.
        for _ in 0..14 {
            if is_working_day(date) {
                break;
            }
            date = next(date);
        }
        return date;
    }
    let mut left = n;
    while left > 0 {
        let after = next(date);
        if after == date {
            break;
        }
        date = after;
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// Working days strictly after `from` up to and including `to`; 0 when `to` is not after `from`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    if to <= from {
        return 0;
    }
    let mut count = 0;
    let mut date = from;
    while date < to {
        date = next(date);
        if is_working_day(date) {
            count += 1;
        }
    }
    count
}

/// The last working day of the month `date` is in.
pub fn last_working_day_of_month(date: NaiveDate) -> NaiveDate {
    let first_of_next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    let mut day = first_of_next.and_then(|d| d.pred_opt()).unwrap_or(date);
    for _ in 0..10 {
        if is_working_day(day) {
            break;
        }
        day -= Duration::days(1);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm.
    fn easter(year: i32) -> NaiveDate {
        let a = year % 19;
        let b = year / 100;
        let c = year % 100;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - b / 4 - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        d(year, month as u32, day as u32)
    }

    fn first_monday(year: i32, month: u32) -> NaiveDate {
        (1..=7)
            .map(|day| d(year, month, day))
            .find(|x| x.weekday() == Weekday::Mon)
            .unwrap_or_default()
    }

    fn last_monday(year: i32, month: u32) -> NaiveDate {
        (1..=31)
            .filter_map(|day| NaiveDate::from_ymd_opt(year, month, day))
            .rfind(|x| x.weekday() == Weekday::Mon)
            .unwrap_or_default()
    }

    /// The standing rules, with substitutes: what the table must say.
    fn by_rules(year: i32) -> Vec<NaiveDate> {
        let weekend = |x: NaiveDate| matches!(x.weekday(), Weekday::Sat | Weekday::Sun);
        let mut out = Vec::new();
        let mut new_year = d(year, 1, 1);
        while weekend(new_year) {
            new_year = next(new_year);
        }
        out.push(new_year);
        let e = easter(year);
        out.push(e - Duration::days(2));
        out.push(e + Duration::days(1));
        out.push(first_monday(year, 5));
        out.push(last_monday(year, 5));
        out.push(last_monday(year, 8));
        // Christmas and Boxing Day move to the next weekdays not already taken.
        let mut taken = Vec::new();
        for day in [25, 26] {
            let mut x = d(year, 12, day);
            while weekend(x) || taken.contains(&x) {
                x = next(x);
            }
            taken.push(x);
        }
        out.extend(taken);
        out
    }

    #[test]
    fn the_table_matches_the_rules_for_every_year() {
        for year in FIRST_YEAR..=LAST_YEAR {
            let table: Vec<NaiveDate> = BANK_HOLIDAYS
                .iter()
                .filter(|(y, _, _)| *y == year)
                .map(|&(y, m, day)| d(y, m, day))
                .collect();
            assert_eq!(table, by_rules(year), "{year}");
        }
    }

    #[test]
    fn weekends_and_bank_holidays_are_not_working_days() {
        assert!(!is_working_day(d(2026, 4, 3)), "Good Friday");
        assert!(!is_working_day(d(2026, 4, 6)), "Easter Monday");
        assert!(!is_working_day(d(2026, 12, 28)), "Boxing Day substitute");
        assert!(!is_working_day(d(2026, 11, 28)), "Saturday");
        assert!(is_working_day(d(2026, 11, 23)));
        assert!(
            is_working_day(d(2031, 1, 1)),
            "outside the table, a weekday works"
        );
    }

    #[test]
    fn counting_crosses_christmas_and_the_new_year() {
        // Fri 18 Dec 2026 + 10 working days: skips 25, 28 Dec and 1 Jan.
        assert_eq!(add_working_days(d(2026, 12, 18), 10), d(2027, 1, 6));
        assert_eq!(working_days_between(d(2026, 12, 18), d(2027, 1, 6)), 10);
        // Easter 2026.
        assert_eq!(add_working_days(d(2026, 4, 2), 1), d(2026, 4, 7));
    }

    #[test]
    fn zero_days_is_the_day_or_the_next_working_one() {
        assert_eq!(add_working_days(d(2026, 11, 23), 0), d(2026, 11, 23));
        assert_eq!(add_working_days(d(2026, 11, 28), 0), d(2026, 11, 30));
        assert_eq!(add_working_days(d(2027, 12, 25), 0), d(2027, 12, 29));
    }

    #[test]
    fn adding_and_counting_agree() {
        let mut from = d(2026, 11, 1);
        for _ in 0..120 {
            for n in 1..25u32 {
                let to = add_working_days(from, n);
                assert_eq!(working_days_between(from, to), i64::from(n), "{from} + {n}");
                assert!(working_days_between(from, to - Duration::days(1)) < i64::from(n));
            }
            from = next(from);
        }
        assert_eq!(working_days_between(d(2026, 5, 1), d(2026, 4, 1)), 0);
    }

    #[test]
    fn the_last_working_day_of_a_month() {
        // May 2026 ends on a Sunday; August 2026 on a bank holiday Monday.
        assert_eq!(last_working_day_of_month(d(2026, 5, 10)), d(2026, 5, 29));
        assert_eq!(last_working_day_of_month(d(2026, 8, 3)), d(2026, 8, 28));
        assert_eq!(last_working_day_of_month(d(2026, 12, 1)), d(2026, 12, 31));
        assert_eq!(last_working_day_of_month(d(2028, 2, 1)), d(2028, 2, 29));
    }

    #[test]
    fn the_end_of_time_does_not_panic() {
        let last = NaiveDate::MAX;
        assert_eq!(add_working_days(last, 3), last);
        let _ = last_working_day_of_month(last);
        assert_eq!(working_days_between(last, last), 0);
    }
}
