//! Control state: who holds a place at a date, how sure we are, and which claims say so.
//!
//! Claims about a place are replayed in date order into a piecewise-constant timeline of
//! segments, once, when the dataset loads. Asking for the state at a date is then a binary
//! search, and stepping the date replays only the segment starts in between.

use super::claim::{Action, Claim, FactionIx, PlaceIx};
use super::date::{PartialDate, Precision};
use super::evidence::newer;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reported by an outlet in its own voice (or corroborated by one).
    Held,
    /// Asserted only by parties to the fight.
    Claimed,
    /// Fighting, a siege, or sources that disagree.
    Contested,
    /// No claim says who holds it.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Held => "held",
            Status::Claimed => "claimed",
            Status::Contested => "contested",
            Status::Unknown => "unknown",
        }
    }
}

/// Who holds a place: a faction, or nobody we know of.
pub type Holder = Option<FactionIx>;

/// The state of one place over one stretch of days.
#[derive(Debug, Clone, PartialEq)]
pub struct ControlState {
    pub holder: Holder,
    pub status: Status,
    /// When the current holder took the place (or when it was last known lost), as precise as the claim.
    pub since: Option<PartialDate>,
    /// True while a month- or year-precision claim behind this state may not have happened yet.
    pub uncertain: bool,
    /// Indices into the dataset's claims: every claim behind the state, oldest first.
    pub claims: Vec<u32>,
    /// The date of the newest claim behind the state (a capture, a corroborating holding, a
    /// contest): how old the evidence is.
    pub last_evidence: Option<PartialDate>,
}

impl ControlState {
    pub fn unknown() -> Self {
        Self {
            holder: None,
            status: Status::Unknown,
            since: None,
            uncertain: false,
            claims: Vec::new(),
            last_evidence: None,
        }
    }

    /// Begins the state anew with one claim (keeping the room of the list of claims).
    fn begin(&mut self, holder: Holder, status: Status, ix: u32, claim: &Claim) {
        self.holder = holder;
        self.status = status;
        self.since = Some(claim.date);
        self.uncertain = false;
        self.claims.clear();
        self.claims.push(ix);
        self.last_evidence = Some(claim.date);
    }

    /// Adds a claim to the evidence behind the state.
    fn add_evidence(&mut self, ix: u32, claim: &Claim) {
        self.claims.push(ix);
        self.last_evidence = newer(self.last_evidence, claim.date);
    }
}

/// A change of holder: the timeline's ticks and the rows of a diff.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub place: PlaceIx,
    pub date: PartialDate,
    pub from: Holder,
    pub to: Holder,
    /// The claims that made the change.
    pub claims: Vec<u32>,
}

/// Replays `claims` (all about one place) into the segments of its timeline.
/// Returns `(first day, state)` pairs, oldest first, each lasting until the next.
pub fn replay(claims: &[(u32, &Claim)]) -> Vec<(NaiveDate, ControlState)> {
    let mut segments = Vec::new();
    replay_with(claims.len(), |k| claims[k], |day, state| segments.push((day, state.clone())));
    segments
}

/// Replays the `count` claims of one place that `claim(k)` gives (index, claim) into its
/// segments, handing each to `segment` as `(first day, state)`, oldest first; each lasts until
/// the next. No state is copied: the timeline keeps what it needs of each.
pub fn replay_with<'c>(
    count: usize,
    claim: impl Fn(usize) -> (u32, &'c Claim),
    mut segment: impl FnMut(NaiveDate, &ControlState),
) {
    // Claims in the order they are applied: by first day, then as `replay_rank` says, then by
    // index. Sorting these keys reads each claim once, not once per comparison.
    let mut order: Vec<(NaiveDate, u8, u32, &Claim)> = (0..count)
        .map(|k| {
            let (ix, c) = claim(k);
            (c.date.first_day(), replay_rank(c.action), ix, c)
        })
        .collect();
    order.sort_unstable_by_key(|&(day, rank, ix, _)| (day, rank, ix));
    // The claims dated to a month or a year, by index: only they leave a state uncertain.
    let mut vague: Vec<(u32, PartialDate)> =
        order.iter().filter(|o| o.3.date.precision() != Precision::Day).map(|o| (o.2, o.3.date)).collect();
    vague.sort_unstable_by_key(|v| v.0);

    let mut state = ControlState::unknown();
    let mut i = 0;
    while i < order.len() {
        let day = order[i].0;
        let j = i + order[i..].iter().take_while(|o| o.0 == day).count();
        for &(_, _, ix, c) in &order[i..j] {
            apply(&mut state, ix, c);
        }
        mark_same_day_conflicts(&mut state, &order[i..j]);
        // A vague date leaves the state uncertain until its period is over: that day is a boundary too.
        let vague_until = if vague.is_empty() {
            None
        } else {
            let date_of = |ix: u32| vague.binary_search_by_key(&ix, |v| v.0).ok().map(|k| vague[k].1);
            state
                .claims
                .iter()
                .filter_map(|&ix| date_of(ix))
                .filter(|d| d.uncertain_on(day))
                .map(|d| d.last_day())
                .max()
        };
        state.uncertain = vague_until.is_some();
        segment(day, &state);
        if let Some(end) = vague_until
            && order.get(j).is_none_or(|next| next.0 > end)
        {
            state.uncertain = false;
            segment(end, &state);
        }
        i = j;
    }
}

/// Same first day: a holding, then the withdrawals that end it, then arrivals, so "BDB holds,
/// BDB withdrew, LNA entered" ends with the LNA.
fn replay_rank(action: Action) -> u8 {
    match action {
        Action::Holds => 0,
        Action::Withdrew => 1,
        Action::Captured => 2,
        Action::Besieged => 3,
        Action::Contested => 4,
    }
}

fn voiced_status(claim: &Claim) -> Status {
    if claim.claimed_by.is_some() { Status::Claimed } else { Status::Held }
}

fn apply(state: &mut ControlState, ix: u32, claim: &Claim) {
    match claim.action {
        Action::Captured | Action::Holds => {
            if state.holder == Some(claim.faction) {
                // Corroboration: an outlet's own report upgrades a party's claim; a fight stays a fight.
                if state.status == Status::Claimed && claim.claimed_by.is_none() {
                    state.status = Status::Held;
                }
                if state.status == Status::Contested && claim.action == Action::Captured {
                    state.status = voiced_status(claim);
                }
                state.add_evidence(ix, claim);
            } else {
                state.begin(Some(claim.faction), voiced_status(claim), ix, claim);
            }
        }
        Action::Withdrew => {
            if state.holder.is_none() || state.holder == Some(claim.faction) {
                state.begin(None, Status::Unknown, ix, claim);
            } else {
                state.add_evidence(ix, claim);
            }
        }
        Action::Contested | Action::Besieged => {
            if state.holder != Some(claim.faction) || claim.action == Action::Contested {
                state.status = Status::Contested;
            }
            if state.since.is_none() {
                state.since = Some(claim.date);
            }
            state.add_evidence(ix, claim);
        }
    }
}

/// Claims of one day that name different holders contradict each other: the place is contested,
/// and all of them stay behind the state. A side that withdrew that day no longer counts.
fn mark_same_day_conflicts(state: &mut ControlState, day: &[(NaiveDate, u8, u32, &Claim)]) {
    let withdrew = |f: FactionIx| day.iter().any(|o| o.3.action == Action::Withdrew && o.3.faction == f);
    let mut gainers = day
        .iter()
        .map(|o| o.3)
        .filter(|c| matches!(c.action, Action::Captured | Action::Holds))
        .map(|c| c.faction)
        .filter(|&f| !withdrew(f));
    let Some(first) = gainers.next() else { return };
    if gainers.any(|f| f != first) {
        state.status = Status::Contested;
        for &(_, _, ix, claim) in day {
            if !state.claims.contains(&ix) {
                state.add_evidence(ix, claim);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LNA: FactionIx = 0;
    const BDB: FactionIx = 1;
    const GNA: FactionIx = 2;

    fn claim(faction: FactionIx, action: Action, date: &str, claimed_by: Option<FactionIx>) -> Claim {
        Claim {
            id: "".into(),
            place: 0,
            faction,
            action,
            date: PartialDate::parse(date).unwrap(),
            source: 0,
            quote: "q".into(),
            claimed_by,
            note: "".into(),
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The state on `on` given the claims: the rule under test, as a user sees it.
    fn state_on(claims: &[Claim], on: &str) -> (Holder, Status, Option<String>, bool, Vec<u32>) {
        let state = replayed_state_on(claims, on);
        (state.holder, state.status, state.since.map(|d| d.to_string()), state.uncertain, state.claims)
    }

    /// The whole state in force on `on` after replaying `claims`.
    fn replayed_state_on(claims: &[Claim], on: &str) -> ControlState {
        let indexed: Vec<(u32, &Claim)> = claims.iter().enumerate().map(|(i, c)| (i as u32, c)).collect();
        let on = day(on);
        replay(&indexed)
            .into_iter()
            .rev()
            .find(|(d, _)| *d <= on)
            .map_or_else(ControlState::unknown, |(_, s)| s)
    }

    #[test]
    fn each_rule_of_the_readme_table() {
        use Action::*;
        type Row =
            (&'static str, Vec<Claim>, &'static str, (Holder, Status, Option<&'static str>, bool, Vec<u32>));
        let rows: Vec<Row> = vec![
            (
                "no claim: unknown",
                vec![claim(LNA, Captured, "2017-06-02", None)],
                "2017-06-01",
                (None, Status::Unknown, None, false, vec![]),
            ),
            (
                "outlet reports a capture: held from that day",
                vec![claim(LNA, Captured, "2017-06-02", None)],
                "2017-06-02",
                (Some(LNA), Status::Held, Some("2017-06-02"), false, vec![0]),
            ),
            (
                "only a party says so: claimed",
                vec![claim(LNA, Captured, "2017-06-02", Some(LNA))],
                "2017-06-10",
                (Some(LNA), Status::Claimed, Some("2017-06-02"), false, vec![0]),
            ),
            (
                "outlet corroborates a party: held, since unchanged",
                vec![claim(LNA, Captured, "2017-06-02", Some(LNA)), claim(LNA, Holds, "2017-06-05", None)],
                "2017-06-05",
                (Some(LNA), Status::Held, Some("2017-06-02"), false, vec![0, 1]),
            ),
            (
                "capture from another holder changes the holder",
                vec![claim(BDB, Holds, "2017-06", None), claim(LNA, Captured, "2017-06-02", Some(LNA))],
                "2017-06-03",
                (Some(LNA), Status::Claimed, Some("2017-06-02"), false, vec![1]),
            ),
            (
                "month claim counts from the 1st and is uncertain until the month ends",
                vec![claim(GNA, Captured, "2020-05", None)],
                "2020-05-10",
                (Some(GNA), Status::Held, Some("2020-05"), true, vec![0]),
            ),
            (
                "month claim is certain once the month is over",
                vec![claim(GNA, Captured, "2020-05", None)],
                "2020-05-31",
                (Some(GNA), Status::Held, Some("2020-05"), false, vec![0]),
            ),
            (
                "withdrawal of the holder leaves it unknown",
                vec![claim(BDB, Holds, "2017-06-01", None), claim(BDB, Withdrew, "2017-06-04", None)],
                "2017-06-05",
                (None, Status::Unknown, Some("2017-06-04"), false, vec![1]),
            ),
            (
                "withdrawal and capture on one day: the captor holds",
                vec![claim(LNA, Captured, "2017-06-03", None), claim(BDB, Withdrew, "2017-06-03", None)],
                "2017-06-03",
                (Some(LNA), Status::Held, Some("2017-06-03"), false, vec![0]),
            ),
            (
                "withdrawal of a non-holder changes nothing",
                vec![claim(LNA, Captured, "2017-06-02", None), claim(BDB, Withdrew, "2017-06-04", None)],
                "2017-06-05",
                (Some(LNA), Status::Held, Some("2017-06-02"), false, vec![0, 1]),
            ),
            (
                "fighting makes it contested, holder kept",
                vec![claim(GNA, Holds, "2019-01", None), claim(LNA, Contested, "2019-04-04", None)],
                "2019-05-01",
                (Some(GNA), Status::Contested, Some("2019-01"), false, vec![0, 1]),
            ),
            (
                "a siege by another faction is contested, holder kept",
                vec![claim(BDB, Holds, "2011", None), claim(LNA, Besieged, "2016", Some(LNA))],
                "2017-06-01",
                (Some(BDB), Status::Contested, Some("2011"), false, vec![0, 1]),
            ),
            (
                "a later capture ends the contest",
                vec![
                    claim(GNA, Holds, "2019-01", None),
                    claim(LNA, Contested, "2019-04-04", None),
                    claim(LNA, Captured, "2019-05-01", None),
                ],
                "2019-05-02",
                (Some(LNA), Status::Held, Some("2019-05-01"), false, vec![2]),
            ),
            (
                "same-day claims naming different holders: contested, the captor shown, both kept",
                vec![claim(LNA, Captured, "2017-06-03", Some(LNA)), claim(BDB, Holds, "2017-06-03", None)],
                "2017-06-03",
                (Some(LNA), Status::Contested, Some("2017-06-03"), false, vec![0, 1]),
            ),
            (
                "a holder said to hold and to withdraw on one day is gone: no contest",
                vec![
                    claim(BDB, Holds, "2017-06-03", None),
                    claim(LNA, Captured, "2017-06-03", None),
                    claim(BDB, Withdrew, "2017-06-03", None),
                ],
                "2017-06-03",
                (Some(LNA), Status::Held, Some("2017-06-03"), false, vec![1]),
            ),
            (
                "a contest denying the captor's control on the same day",
                vec![
                    claim(LNA, Captured, "2015-03-22", Some(LNA)),
                    claim(BDB, Contested, "2015-03-22", Some(BDB)),
                ],
                "2015-03-23",
                (Some(LNA), Status::Contested, Some("2015-03-22"), false, vec![0, 1]),
            ),
        ];
        for (rule, claims, on, expected) in rows {
            let (h, s, since, u, c) = expected;
            assert_eq!(state_on(&claims, on), (h, s, since.map(String::from), u, c), "rule: {rule}");
        }
    }

    #[test]
    fn last_evidence_is_the_newest_claim_behind_the_state() {
        use Action::*;
        let rows: Vec<(&str, Vec<Claim>, &str, Option<&str>)> = vec![
            ("no claim: no evidence", vec![claim(LNA, Captured, "2017-06-02", None)], "2017-06-01", None),
            (
                "the capture itself",
                vec![claim(LNA, Captured, "2017-06-02", None)],
                "2019-01-01",
                Some("2017-06-02"),
            ),
            (
                "a corroborating holding renews it",
                vec![claim(LNA, Captured, "2017-06-02", None), claim(LNA, Holds, "2018-03", None)],
                "2019-01-01",
                Some("2018-03"),
            ),
            (
                "a rival's capture starts afresh",
                vec![claim(BDB, Holds, "2018-01-01", None), claim(LNA, Captured, "2017-06-02", None)],
                "2018-02-01",
                Some("2018-01-01"),
            ),
            (
                "a contest is evidence too",
                vec![claim(GNA, Holds, "2019-01", None), claim(LNA, Contested, "2019-04-04", None)],
                "2019-05-01",
                Some("2019-04-04"),
            ),
            (
                "a withdrawal dates the unknown state",
                vec![claim(BDB, Holds, "2017-06-01", None), claim(BDB, Withdrew, "2017-06-04", None)],
                "2018-01-01",
                Some("2017-06-04"),
            ),
            (
                "a later claim is not evidence yet",
                vec![claim(LNA, Captured, "2017-06-02", None), claim(LNA, Holds, "2018-06-01", None)],
                "2018-01-01",
                Some("2017-06-02"),
            ),
        ];
        for (rule, claims, on, expected) in rows {
            let state = replayed_state_on(&claims, on);
            assert_eq!(state.last_evidence.map(|d| d.to_string()).as_deref(), expected, "rule: {rule}");
        }
    }
}
