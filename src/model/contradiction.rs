//! Claims about one place that cannot all be true. They are kept and shown, never averaged away.

use super::claim::{Action, Claim};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContradictionKind {
    /// Two sides are each said to hold the place over the same days.
    RivalHolders,
    /// The same event is given different days.
    DatesDisagree,
    /// A side says it withdrew yet denies that the other side controls the place.
    WithdrawalDisputed,
}

impl ContradictionKind {
    pub fn describe(self) -> &'static str {
        match self {
            ContradictionKind::RivalHolders => "two sides are said to hold it at the same time",
            ContradictionKind::DatesDisagree => "the same event is given different days",
            ContradictionKind::WithdrawalDisputed => "a side that withdrew denies the other side's control",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Contradiction {
    pub kind: ContradictionKind,
    /// Indices of the two claims, in the order given.
    pub a: u32,
    pub b: u32,
}

/// How far apart two day-precise dates of one event may be and still be the same event told twice.
const SAME_EVENT_DAYS: i64 = 7;

/// Every contradicting pair among `claims`, which are all about one place.
pub fn contradictions(claims: &[(u32, &Claim)]) -> Vec<Contradiction> {
    let mut found = Vec::new();
    for (i, &(ia, a)) in claims.iter().enumerate() {
        for &(ib, b) in &claims[i + 1..] {
            if let Some(kind) = contradiction_between(a, b) {
                found.push(Contradiction { kind, a: ia, b: ib });
            }
        }
    }
    found
}

fn gains(c: &Claim) -> bool {
    matches!(c.action, Action::Captured | Action::Holds)
}

fn overlap(a: &Claim, b: &Claim) -> bool {
    a.date.first_day() <= b.date.last_day() && b.date.first_day() <= a.date.last_day()
}

fn contradiction_between(a: &Claim, b: &Claim) -> Option<ContradictionKind> {
    if a.place != b.place {
        return None;
    }
    let day_precise =
        a.date.precision() == super::Precision::Day && b.date.precision() == super::Precision::Day;
    if a.faction == b.faction
        && a.action == b.action
        && day_precise
        && a.date != b.date
        && (a.date.first_day() - b.date.first_day()).num_days().abs() <= SAME_EVENT_DAYS
        && a.action == Action::Captured
    {
        return Some(ContradictionKind::DatesDisagree);
    }
    if !overlap(a, b) {
        return None;
    }
    // Two sides said to hold it from the same day cannot both be right; a vague holding that a
    // dated capture ends within the same month is a succession, not a contradiction.
    if gains(a) && gains(b) && a.faction != b.faction && a.date.first_day() == b.date.first_day() {
        return Some(ContradictionKind::RivalHolders);
    }
    let disputes = |w: &Claim, c: &Claim| {
        w.action == Action::Withdrew && c.action == Action::Contested && w.faction == c.faction
    };
    if disputes(a, b) || disputes(b, a) {
        return Some(ContradictionKind::WithdrawalDisputed);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    fn claim(place: u32, faction: u32, action: Action, date: &str) -> Claim {
        Claim {
            id: "".into(),
            place,
            faction,
            action,
            date: PartialDate::parse(date).unwrap(),
            source: 0,
            quote: "q".into(),
            claimed_by: None,
            note: "".into(),
        }
    }

    #[test]
    fn pairs_that_cannot_both_be_true() {
        use Action::*;
        use ContradictionKind::*;
        let cases: Vec<(&str, Claim, Claim, Option<ContradictionKind>)> = vec![
            (
                "BDB still holds the base vs LNA entered it, same day",
                claim(0, 1, Holds, "2017-06-03"),
                claim(0, 0, Captured, "2017-06-03"),
                Some(RivalHolders),
            ),
            (
                "subtitle Monday vs body Sunday",
                claim(0, 0, Captured, "2020-06-01"),
                claim(0, 0, Captured, "2020-05-31"),
                Some(DatesDisagree),
            ),
            (
                "retreat called tactical",
                claim(0, 2, Withdrew, "2014-12-14"),
                claim(0, 2, Contested, "2014-12-14"),
                Some(WithdrawalDisputed),
            ),
            (
                "held in June, captured on 2 June: a succession",
                claim(0, 1, Holds, "2017-06"),
                claim(0, 0, Captured, "2017-06-02"),
                None,
            ),
            (
                "two sides both said to hold it in the same month",
                claim(0, 1, Holds, "2017-06"),
                claim(0, 0, Holds, "2017-06"),
                Some(RivalHolders),
            ),
            (
                "succession, not contradiction",
                claim(0, 1, Holds, "2017-05-01"),
                claim(0, 0, Captured, "2017-06-02"),
                None,
            ),
            ("same side twice", claim(0, 0, Holds, "2017-06-03"), claim(0, 0, Captured, "2017-06-03"), None),
            (
                "recaptures a year apart are two events",
                claim(0, 0, Captured, "2019-06-01"),
                claim(0, 0, Captured, "2020-06-01"),
                None,
            ),
            (
                "different places never contradict",
                claim(0, 1, Holds, "2017-06-03"),
                claim(1, 0, Captured, "2017-06-03"),
                None,
            ),
            (
                "a siege beside a holding is no contradiction",
                claim(0, 1, Holds, "2018-05-23"),
                claim(0, 0, Besieged, "2018-05-23"),
                None,
            ),
        ];
        for (what, a, b, expected) in cases {
            let pair = [(0u32, &a), (1u32, &b)];
            let got = contradictions(&pair).first().map(|c| c.kind);
            assert_eq!(got, expected, "{what}");
        }
    }
}
