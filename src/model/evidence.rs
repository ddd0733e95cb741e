//! How old the evidence behind a state is, and what kind it is.
//!
//! A state keeps its holder as the best reading however old its evidence; what changes with age is
//! how it is shown. A state whose newest claim is more than `StaleAfter` days before the date shown
//! is *stale*: drawn faded and labelled "last reported ...".

use super::claim::Claim;
use super::date::PartialDate;
use chrono::NaiveDate;

/// Days after its newest claim that a state is still called current, unless the user says otherwise.
pub const DEFAULT_STALE_AFTER_DAYS: u32 = 180;

/// The age past which evidence is stale, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StaleAfter(pub u32);

impl Default for StaleAfter {
    fn default() -> Self {
        StaleAfter(DEFAULT_STALE_AFTER_DAYS)
    }
}

impl StaleAfter {
    /// Whether evidence last dated `last` is stale on `on`.
    pub fn is_stale(self, last: Option<PartialDate>, on: NaiveDate) -> bool {
        self.on(on).is_stale(last)
    }

    /// The rule on one date, for judging many places at once.
    pub fn on(self, on: NaiveDate) -> StaleOn {
        // A limit reaching past the calendar's start makes nothing stale.
        StaleOn { newest_stale: on.checked_sub_days(chrono::Days::new(u64::from(self.0) + 1)) }
    }
}

/// Stale evidence on one date: older than `StaleAfter` days is the same as its last day falling
/// on or before a cutoff, one comparison of dates per place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaleOn {
    /// The latest last day of evidence that is stale.
    newest_stale: Option<NaiveDate>,
}

impl StaleOn {
    pub fn is_stale(self, last: Option<PartialDate>) -> bool {
        last.zip(self.newest_stale).is_some_and(|(d, newest)| d.last_day() <= newest)
    }
}

/// Days from the evidence to `on`, counted from the last day the evidence may stand for (a
/// month-precision report may be of the month's last day); `None` without evidence.
pub fn evidence_age_days(last: Option<PartialDate>, on: NaiveDate) -> Option<i64> {
    last.map(|d| (on - d.last_day()).num_days().max(0))
}

/// How long before the date shown the evidence is, in words: "3 days", "5 months", "4 years and
/// 2 months" (months of 30.44 days, rounded down).
pub fn age_in_words(days: i64) -> String {
    let plural = |n: i64, unit: &str| if n == 1 { format!("1 {unit}") } else { format!("{n} {unit}s") };
    let months = (days as f64 / 30.436_875).floor() as i64;
    match days {
        d if d < 61 => plural(d, "day"),
        _ if months < 24 => plural(months, "month"),
        _ if months % 12 == 0 => plural(months / 12, "year"),
        _ => format!("{} and {}", plural(months / 12, "year"), plural(months % 12, "month")),
    }
}

/// "last reported 14 December 2014, 4 years and 3 months before this date": the one phrase the
/// panels, tooltips and images use for the age of a state's evidence.
pub fn last_reported(last: PartialDate, on: NaiveDate) -> String {
    let age = evidence_age_days(Some(last), on).unwrap_or(0);
    if age == 0 {
        format!("last reported {}", last.long_form())
    } else {
        format!("last reported {}, {} before this date", last.long_form(), age_in_words(age))
    }
}

/// The newer of two evidence dates: the one whose period ends later.
pub fn newer(a: Option<PartialDate>, b: PartialDate) -> Option<PartialDate> {
    match a {
        Some(a) if a.last_day() >= b.last_day() => Some(a),
        _ => Some(b),
    }
}

/// How a claim's evidence is held: a sentence of a text the dataset holds, or a citation of a
/// source found elsewhere with a note in the dataset's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    Quoted,
    Cited,
}

impl EvidenceKind {
    pub fn of(claim: &Claim) -> Self {
        if claim.quote.trim().is_empty() { EvidenceKind::Cited } else { EvidenceKind::Quoted }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::Quoted => "quoted",
            EvidenceKind::Cited => "cited",
        }
    }

    /// What to show of a claim's evidence in a line: its quote in quotation marks, or the note
    /// that says what a cited source reports.
    pub fn shown(claim: &Claim) -> String {
        match EvidenceKind::of(claim) {
            EvidenceKind::Quoted => format!("“{}”", claim.quote.trim()),
            EvidenceKind::Cited => claim.note.trim().to_string(),
        }
    }

    /// The kind of a state's evidence: quoted when any claim behind it quotes its source.
    pub fn of_state<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> Option<Self> {
        let mut kind = None;
        for claim in claims {
            match EvidenceKind::of(claim) {
                EvidenceKind::Quoted => return Some(EvidenceKind::Quoted),
                EvidenceKind::Cited => kind = Some(EvidenceKind::Cited),
            }
        }
        kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn staleness_follows_the_age_of_the_newest_evidence() {
        let rows: [(&str, Option<&str>, &str, u32, bool); 11] = [
            ("no evidence is never stale (it is unknown)", None, "2020-01-01", 180, false),
            ("evidence of the same day is fresh", Some("2019-04-04"), "2019-04-04", 180, false),
            ("exactly the limit is still fresh", Some("2019-01-01"), "2019-06-30", 180, false),
            ("one day past the limit is stale", Some("2019-01-01"), "2019-07-01", 180, true),
            ("a month counts from its last day", Some("2019-01"), "2019-07-30", 180, false),
            ("a year counts from 31 December", Some("2014"), "2015-06-29", 180, false),
            ("years-old evidence is stale", Some("2014-12-14"), "2019-04-10", 180, true),
            ("a shorter limit makes it stale sooner", Some("2019-04-04"), "2019-05-10", 30, true),
            ("a limit of no days makes yesterday stale", Some("2019-04-04"), "2019-04-05", 0, true),
            ("evidence after the date is fresh", Some("2019-05"), "2019-05-10", 0, false),
            (
                "a limit longer than the calendar makes nothing stale",
                Some("1900"),
                "2019-05-10",
                u32::MAX,
                false,
            ),
        ];
        for (rule, last, on, after, stale) in rows {
            assert_eq!(StaleAfter(after).is_stale(last.map(date), day(on)), stale, "rule: {rule}");
        }
    }

    #[test]
    fn age_is_never_negative_and_none_without_evidence() {
        assert_eq!(evidence_age_days(None, day("2020-01-01")), None);
        assert_eq!(evidence_age_days(Some(date("2020-02-01")), day("2020-01-01")), Some(0));
        assert_eq!(evidence_age_days(Some(date("2019-12-01")), day("2020-01-01")), Some(31));
    }

    #[test]
    fn ages_read_in_the_largest_sensible_unit() {
        let rows = [
            (0, "0 days"),
            (1, "1 day"),
            (45, "45 days"),
            (61, "2 months"),
            (400, "13 months"),
            (731, "2 years"),
            (1592, "4 years and 4 months"),
        ];
        for (days, words) in rows {
            assert_eq!(age_in_words(days), words, "{days} days");
        }
    }

    #[test]
    fn last_reported_names_the_date_and_its_age() {
        assert_eq!(
            last_reported(date("2014-12-14"), day("2019-04-10")),
            "last reported 14 December 2014, 4 years and 3 months before this date"
        );
        assert_eq!(last_reported(date("2017-06"), day("2017-06-20")), "last reported June 2017");
    }

    #[test]
    fn the_newer_evidence_is_the_one_that_ends_later() {
        assert_eq!(newer(None, date("2017-06-02")), Some(date("2017-06-02")));
        assert_eq!(newer(Some(date("2017-06")), date("2017-06-02")), Some(date("2017-06")));
        assert_eq!(newer(Some(date("2017-06-02")), date("2017-07-01")), Some(date("2017-07-01")));
    }
}
