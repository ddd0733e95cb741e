//! Dates as the sources give them: a day, a month or a year.

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// How precisely a source dates an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date known to a day, a month or a year. It stands for the whole period
/// from `first_day()` to `last_day()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    first: NaiveDate,
    precision: Precision,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")]
    Format(String),
    #[error("'{0}' is not a day of the calendar")]
    Impossible(String),
}

impl PartialDate {
    pub fn day(date: NaiveDate) -> Self {
        Self { first: date, precision: Precision::Day }
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| Self { first, precision: Precision::Month })
    }

    pub fn year(year: i32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, 1, 1).map(|first| Self { first, precision: Precision::Year })
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, rejecting days that do not exist.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        // A date begins and ends with a digit; only otherwise is there anything to trim.
        let digits_at_ends =
            text.starts_with(|c: char| c.is_ascii_digit()) && text.ends_with(|c: char| c.is_ascii_digit());
        let text = if digits_at_ends { text } else { text.trim() };
        let bytes = text.as_bytes();
        let number = |at: std::ops::Range<usize>| {
            bytes[at].iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
        };
        let dash = |at: usize| bytes[at] == b'-';
        let parts = match bytes.len() {
            4 => number(0..4).map(|y| (y, None)),
            7 if dash(4) => number(0..4).zip(number(5..7)).map(|(y, m)| (y, Some((m, None)))),
            10 if dash(4) && dash(7) => {
                number(0..4).zip(number(5..7)).zip(number(8..10)).map(|((y, m), d)| (y, Some((m, Some(d)))))
            }
            _ => None,
        };
        let Some((year, rest)) = parts else { return Err(DateError::Format(text.to_string())) };
        let year = year as i32;
        match rest {
            None => Self::year(year),
            Some((month, None)) => Self::month(year, month),
            Some((month, Some(day))) => NaiveDate::from_ymd_opt(year, month, day).map(Self::day),
        }
        .ok_or_else(|| DateError::Impossible(text.to_string()))
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The first day the date may stand for; claims count from here.
    pub fn first_day(&self) -> NaiveDate {
        self.first
    }

    /// The last day the date may stand for.
    pub fn last_day(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.first,
            Precision::Month => {
                let (y, m) = (self.first.year(), self.first.month());
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                next.and_then(|d| d.pred_opt()).unwrap_or(self.first)
            }
            Precision::Year => NaiveDate::from_ymd_opt(self.first.year(), 12, 31).unwrap_or(self.first),
        }
    }

    /// True while `on` falls inside the period and so cannot say whether the event has happened yet.
    pub fn uncertain_on(&self, on: NaiveDate) -> bool {
        self.precision != Precision::Day && on >= self.first && on < self.last_day()
    }

    /// Human form: "3 June 2017", "June 2017", "2017".
    pub fn long_form(&self) -> String {
        match self.precision {
            Precision::Day => self.first.format("%-d %B %Y").to_string(),
            Precision::Month => self.first.format("%B %Y").to_string(),
            Precision::Year => self.first.format("%Y").to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.first.year(), self.first.month(), self.first.day());
        match self.precision {
            Precision::Day => write!(f, "{y:04}-{m:02}-{d:02}"),
            Precision::Month => write!(f, "{y:04}-{m:02}"),
            Precision::Year => write!(f, "{y:04}"),
        }
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.first.cmp(&other.first).then(self.precision.cmp(&other.precision))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_each_precision_and_rejects_the_rest() {
        let cases: &[(&str, Option<(&str, Precision)>)] = &[
            ("2017-06-02", Some(("2017-06-02", Precision::Day))),
            ("2017-06", Some(("2017-06", Precision::Month))),
            ("2017", Some(("2017", Precision::Year))),
            (" 2020-05 ", Some(("2020-05", Precision::Month))),
            ("2016-02-29", Some(("2016-02-29", Precision::Day))),
            ("2017-02-30", None),
            ("2017-13", None),
            ("2017-00", None),
            ("17-06-02", None),
            ("2017-6-2", None),
            ("2017/06/02", None),
            ("", None),
            ("June 2017", None),
            ("2017-06-02-01", None),
            ("+017", None),
        ];
        for (text, expected) in cases {
            let got = PartialDate::parse(text).ok().map(|d| (d.to_string(), d.precision()));
            let expected = expected.map(|(s, p)| (s.to_string(), p));
            assert_eq!(got, expected, "parsing {text:?}");
        }
    }

    #[test]
    fn impossible_days_are_named_as_such() {
        assert_eq!(PartialDate::parse("2017-02-30"), Err(DateError::Impossible("2017-02-30".into())));
    }

    #[test]
    fn periods_span_their_month_or_year() {
        let cases = [
            ("2017-06", ymd(2017, 6, 1), ymd(2017, 6, 30)),
            ("2016-02", ymd(2016, 2, 1), ymd(2016, 2, 29)),
            ("2019-12", ymd(2019, 12, 1), ymd(2019, 12, 31)),
            ("2014", ymd(2014, 1, 1), ymd(2014, 12, 31)),
            ("2017-06-02", ymd(2017, 6, 2), ymd(2017, 6, 2)),
        ];
        for (text, first, last) in cases {
            let d = PartialDate::parse(text).unwrap();
            assert_eq!((d.first_day(), d.last_day()), (first, last), "{text}");
        }
    }

    #[test]
    fn month_dates_are_uncertain_until_the_month_ends() {
        let may = PartialDate::parse("2020-05").unwrap();
        assert!(may.uncertain_on(ymd(2020, 5, 1)));
        assert!(may.uncertain_on(ymd(2020, 5, 30)));
        assert!(!may.uncertain_on(ymd(2020, 5, 31)));
        assert!(!may.uncertain_on(ymd(2020, 6, 1)));
        assert!(!PartialDate::parse("2020-05-03").unwrap().uncertain_on(ymd(2020, 5, 3)));
    }

    #[test]
    fn long_form_reads_like_a_briefing() {
        assert_eq!(PartialDate::parse("2017-06-03").unwrap().long_form(), "3 June 2017");
        assert_eq!(PartialDate::parse("2017-06").unwrap().long_form(), "June 2017");
        assert_eq!(PartialDate::parse("2014").unwrap().long_form(), "2014");
    }
}
