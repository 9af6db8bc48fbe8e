//! The calendar, for every reader of dates (date lines and line roles in [`super::lines`],
//! the DATE grammar in `entities`, date values in `normalize`): month and weekday names and
//! their abbreviations, what counts as a year, and date arithmetic on days since 1970-01-01
//! (proleptic Gregorian).
//!
//! Words are asked about in lower case and without punctuation; callers strip a trailing
//! full stop ("Jan.", "Weds.") where their text has one.

use std::ops::RangeInclusive;

/// English month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations: the first three letters of each but May (whose name is three letters
/// already), and "sept".
pub const MONTH_ABBR: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// English weekday names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Weekday abbreviations besides the first three letters of each name.
const WEEKDAY_ABBR: [(&str, u32); 4] = [("tues", 1), ("weds", 2), ("thur", 3), ("thurs", 3)];

/// A month's number, January = 1, from its name or abbreviation ([`MONTHS`], [`MONTH_ABBR`]).
pub fn month_number(w: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w) && MONTH_ABBR.contains(&w)))
        .map(|i| i as u32 + 1)
}

/// A weekday's number, Monday = 0, from its name, its first three letters, or "tues",
/// "weds", "thur", "thurs".
pub fn weekday_number(w: &str) -> Option<u32> {
    if let Some(&(_, d)) = WEEKDAY_ABBR.iter().find(|(a, _)| *a == w) {
        return Some(d);
    }
    WEEKDAYS
        .iter()
        .position(|d| *d == w || (w.len() == 3 && d.starts_with(w)))
        .map(|i| i as u32)
}

/// True for a month name or abbreviation ([`month_number`]).
pub fn is_month(w: &str) -> bool {
    month_number(w).is_some()
}

/// True for a weekday name or abbreviation ([`weekday_number`]).
pub fn is_weekday(w: &str) -> bool {
    weekday_number(w).is_some()
}

/// A month or weekday name, full or abbreviated, lower case, with or without a full stop
/// ("sept.", "weds").
pub fn is_calendar_word(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    is_month(w) || is_weekday(w)
}

/// The years of a date line's or a byline's four digits (line roles).
pub const LINE_YEARS: RangeInclusive<i32> = 1900..=2099;
/// The years the DATE grammar takes four digits for ("in 1848", "the 2014 Marathon").
pub const MENTION_YEARS: RangeInclusive<i32> = 1800..=2099;
/// The years a date's value is read from (a DATE mention is already a date: wide).
pub const VALUE_YEARS: RangeInclusive<i32> = 1000..=2999;
/// Any four digits: a line that is only a date needs four digits and a month.
pub const ANY_YEAR: RangeInclusive<i32> = 0..=9999;

/// A year written as exactly four ASCII digits, within `range` (one of the named ranges
/// above: each reader of years keeps its own, so that none of their outputs changed when
/// they came here).
pub fn year(w: &str, range: RangeInclusive<i32>) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| range.contains(y))
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01 (the year clamped to `i32`).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        m,
        d,
    )
}

/// Days in month `m` of year `y`.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// True when day `d` of month `m` exists in year `y`.
pub fn is_valid_date(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// The weekday of a day since 1970-01-01, Monday = 0.
pub fn weekday_of_day(z: i64) -> i64 {
    (z + 3).rem_euclid(7)
}

/// Month `m` of year `y` moved by `delta` months.
pub fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let total = y * 12 + m as i32 - 1 + delta;
    (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32)
}

/// The year that puts month `m`, day `d` nearest to the day `a` (days since 1970-01-01).
pub fn nearest_year(a: i64, m: u32, d: u32) -> Option<i32> {
    let (ay, _, _) = civil_from_days(a);
    [ay - 1, ay, ay + 1]
        .into_iter()
        .filter(|&y| is_valid_date(y, m, d))
        .min_by_key(|&y| (days_from_civil(y, m, d) - a).abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(word: &str, month: Option<u32>, weekday: Option<u32>) {
        assert_eq!(
            (month_number(word), weekday_number(word)),
            (month, weekday),
            "{word}"
        );
    }

    #[test]
    fn names_and_abbreviations() {
        for (word, month, weekday) in [
            ("january", Some(1), None),
            ("jan", Some(1), None),
            ("may", Some(5), None),
            ("sep", Some(9), None),
            ("sept", Some(9), None),
            // a longer prefix is no abbreviation
            ("janu", None, None),
            ("septem", None, None),
            ("ja", None, None),
            ("", None, None),
            ("wednesday", None, Some(2)),
            ("wed", None, Some(2)),
            ("weds", None, Some(2)),
            ("tues", None, Some(1)),
            ("thur", None, Some(3)),
            ("thurs", None, Some(3)),
            ("sun", None, Some(6)),
            ("wedn", None, None),
            ("satur", None, None),
        ] {
            check(word, month, weekday);
        }
    }

    #[test]
    fn years_by_range() {
        assert_eq!(year("1848", MENTION_YEARS), Some(1848));
        assert_eq!(year("1848", LINE_YEARS), None);
        assert_eq!(year("2999", VALUE_YEARS), Some(2999));
        assert_eq!(year("2100", MENTION_YEARS), None);
        assert_eq!(year("0042", ANY_YEAR), Some(42));
        assert_eq!(year("２０２４", ANY_YEAR), None);
        assert_eq!(year("+202", ANY_YEAR), None);
        assert_eq!(year("20245", ANY_YEAR), None);
    }

    #[test]
    fn arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(weekday_of_day(days_from_civil(2026, 12, 6)), 6);
        assert!(!is_valid_date(2023, 2, 29));
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(
            nearest_year(days_from_civil(2024, 1, 2), 12, 30),
            Some(2023)
        );
    }
}
