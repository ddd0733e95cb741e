//! Every place's control history, indexed for the slider: the state of all places at a date,
//! a cheap step from one date to the next, and the changes of holder between two dates.

use super::by_place::ClaimsByPlace;
use super::claim::{Claim, PlaceIx};
use super::control::{Change, ControlState, Holder, Status, replay_with};
use super::date::PartialDate;
use chrono::{Datelike, NaiveDate};

const NONE: u32 = u32::MAX;

/// Days since the common era: a compact, ordered day number.
fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// Every segment start as (day, place, segment), by day, then place, then segment: counted
/// into place by day, the segments being listed by place already.
fn events_by_day(starts: &[u32], segment_days: &[i32]) -> Vec<(i32, PlaceIx, u32)> {
    let places = starts.windows(2).enumerate().map(|(p, w)| (p as PlaceIx, w[0]..w[1]));
    let (Some(&first), Some(&last)) = (segment_days.iter().min(), segment_days.iter().max()) else {
        return Vec::new();
    };
    let span = (i64::from(last) - i64::from(first)) as usize + 1;
    if span > 4 * segment_days.len() + 4096 {
        // Days spread over far more than there are segments: a sort is cheaper than counting.
        let mut events: Vec<(i32, PlaceIx, u32)> =
            places.flat_map(|(p, segs)| segs.map(move |s| (segment_days[s as usize], p, s))).collect();
        events.sort_unstable();
        return events;
    }
    let offset = |day: i32| (i64::from(day) - i64::from(first)) as usize;
    let mut next = vec![0u32; span + 1];
    for &day in segment_days {
        next[offset(day) + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut events = vec![(0, 0, 0); segment_days.len()];
    for (place, segs) in places {
        for seg in segs {
            let day = segment_days[seg as usize];
            let slot = &mut next[offset(day)];
            events[*slot as usize] = (day, place, seg);
            *slot += 1;
        }
    }
    events
}

/// One stretch of a place's history with a constant state.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub from: NaiveDate,
    pub holder: Holder,
    pub status: Status,
    pub since: Option<PartialDate>,
    pub uncertain: bool,
    /// The first day of the run of segments with this holder: when the place last changed hands.
    pub holder_from: NaiveDate,
    /// The holder took the place from someone: an earlier holder is known, or a claim says it
    /// captured it. The first holding on record is not a change of hands.
    pub changed_hands: bool,
    /// The date of the newest claim behind this state.
    pub last_evidence: Option<PartialDate>,
    claims: (u32, u32),
}

#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Per place, where its segments start in `segments`; one extra entry closes the last place.
    starts: Vec<u32>,
    segments: Vec<Segment>,
    segment_days: Vec<i32>,
    /// Claim indices behind each segment, in one arena.
    arena: Vec<u32>,
    /// Every segment start, as (day, place, segment), by day: made when first asked for (the
    /// viewer steps through it; a one-off question of one date never needs it).
    events: std::sync::OnceLock<Vec<(i32, PlaceIx, u32)>>,
}

/// The segment every place is in at one day; moved along by `Timeline::step`.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    day: i32,
    segment: Vec<u32>,
    /// For a snapshot kept while the slider moves (`Timeline::scrubbing_snapshot`), a copy of
    /// each place's segment in place order: the scene reads every place's state each frame, and
    /// reading them in a row is much faster than finding each in the timeline. Empty otherwise.
    current: Vec<Option<Segment>>,
}

impl Snapshot {
    pub fn date(&self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.day).unwrap_or_default()
    }
}

impl Timeline {
    pub fn build(place_count: usize, claims: &[Claim]) -> Self {
        Self::build_grouped(&ClaimsByPlace::build(place_count, claims), claims)
    }

    /// The timeline of the claims grouped by place in `by_place`. Big ones are replayed in parts
    /// of the places on every core, each part appended as soon as the parts before it are.
    pub fn build_grouped(by_place: &ClaimsByPlace, claims: &[Claim]) -> Self {
        // Parts of about this many claims: big enough that handing one over costs nothing next to
        // replaying it, small enough that the parts waiting to be appended hold little memory.
        const CLAIMS_PER_PART: usize = 32_768;
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
        let parts = if cores == 1 { 1 } else { claims.len().div_ceil(CLAIMS_PER_PART).max(1) };
        Self::build_in_parts(by_place, claims, parts, cores)
    }

    fn build_in_parts(by_place: &ClaimsByPlace, claims: &[Claim], parts: usize, threads: usize) -> Self {
        let place_count = by_place.place_count();
        // Each day of claims starts at most two segments (the day, and the end of a vague date).
        // Room that is reserved but never filled costs no memory, and nothing is moved as it fills.
        let most = 2 * claims.len();
        let mut timeline = Timeline {
            starts: Vec::with_capacity(place_count + 1),
            segments: Vec::with_capacity(most),
            segment_days: Vec::with_capacity(most),
            // Usually two to three claims stand behind each segment.
            arena: Vec::with_capacity(4 * claims.len()),
            events: std::sync::OnceLock::new(),
        };
        let range = |k: usize| place_count * k / parts..place_count * (k + 1) / parts;
        if parts <= 1 || threads <= 1 {
            timeline.replay_places(by_place, claims, 0..place_count);
        } else {
            let next = std::sync::atomic::AtomicUsize::new(0);
            let (done, finished) = std::sync::mpsc::channel::<(usize, Timeline)>();
            // Appended parts come back emptied, to be filled again: their memory is used over.
            let (emptied, reusable) = std::sync::mpsc::channel::<Timeline>();
            let reusable = std::sync::Mutex::new(reusable);
            std::thread::scope(|scope| {
                for _ in 0..threads.min(parts) {
                    let (done, next, reusable) = (done.clone(), &next, &reusable);
                    scope.spawn(move || {
                        loop {
                            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if k >= parts {
                                return;
                            }
                            let reused = reusable.lock().ok().and_then(|r| r.try_recv().ok());
                            let mut part = reused.unwrap_or_default();
                            part.replay_places(by_place, claims, range(k));
                            if done.send((k, part)).is_err() {
                                return;
                            }
                        }
                    });
                }
                drop(done);
                // Parts finish out of order; each is appended once all before it are.
                let (mut waiting, mut appended) = (std::collections::BTreeMap::new(), 0);
                for (k, part) in finished {
                    waiting.insert(k, part);
                    while let Some(mut part) = waiting.remove(&appended) {
                        timeline.append(&mut part);
                        let _ = emptied.send(part);
                        appended += 1;
                    }
                }
            });
        }
        timeline.starts.push(timeline.segments.len() as u32);
        timeline
    }

    /// A part of the places (numbered from its first place, its indices from zero) appended,
    /// leaving the part empty.
    fn append(&mut self, part: &mut Timeline) {
        let (seg_base, arena_base) = (self.segments.len() as u32, self.arena.len() as u32);
        self.starts.extend(part.starts.drain(..).map(|s| s + seg_base));
        self.segments.extend(part.segments.drain(..).map(|mut seg| {
            seg.claims.0 += arena_base;
            seg
        }));
        self.segment_days.append(&mut part.segment_days);
        self.arena.append(&mut part.arena);
    }

    /// Replays the claims of the places in `places`, adding their segments.
    fn replay_places(&mut self, by_place: &ClaimsByPlace, claims: &[Claim], places: std::ops::Range<usize>) {
        for place in places {
            let of = by_place.of(place as PlaceIx);
            let first_segment = self.segments.len();
            self.starts.push(first_segment as u32);
            let mut run: Option<(Holder, NaiveDate, bool)> = None;
            replay_with(
                of.len(),
                |k| (of[k], &claims[of[k] as usize]),
                |from, state| {
                    let captured = state
                        .claims
                        .iter()
                        .any(|&c| claims[c as usize].action == crate::model::Action::Captured);
                    let (holder_from, changed_hands) = match run {
                        Some((holder, since, changed)) if holder == state.holder => (since, changed),
                        Some(_) => (from, true),
                        None => (from, captured),
                    };
                    run = Some((state.holder, holder_from, changed_hands));
                    let start = self.arena.len() as u32;
                    self.arena.extend_from_slice(&state.claims);
                    self.segment_days.push(day_number(from));
                    self.segments.push(Segment {
                        from,
                        holder: state.holder,
                        status: state.status,
                        since: state.since,
                        uncertain: state.uncertain,
                        holder_from,
                        changed_hands,
                        last_evidence: state.last_evidence,
                        claims: (start, state.claims.len() as u32),
                    });
                },
            );
        }
    }

    pub fn place_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The first and last day on which anything changes.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.events().first()?;
        let last = self.events().last()?;
        Some((self.segments[first.2 as usize].from, self.segments[last.2 as usize].from))
    }

    /// A place's whole history, oldest first (the town panel's history strip).
    pub fn segments_of(&self, place: PlaceIx) -> &[Segment] {
        match self.range_of(place) {
            Some((a, b)) => &self.segments[a..b],
            None => &[],
        }
    }

    pub fn claims_of(&self, segment: &Segment) -> &[u32] {
        let (start, len) = segment.claims;
        &self.arena[start as usize..(start + len) as usize]
    }

    fn range_of(&self, place: PlaceIx) -> Option<(usize, usize)> {
        let a = *self.starts.get(place as usize)? as usize;
        let b = *self.starts.get(place as usize + 1)? as usize;
        Some((a, b))
    }

    fn segment_index_at(&self, place: PlaceIx, day: i32) -> u32 {
        let Some((a, b)) = self.range_of(place) else { return NONE };
        let after = self.segment_days[a..b].partition_point(|&d| d <= day);
        if after == 0 { NONE } else { (a + after - 1) as u32 }
    }

    pub fn segment_at(&self, place: PlaceIx, date: NaiveDate) -> Option<&Segment> {
        self.segments.get(self.segment_index_at(place, day_number(date)) as usize)
    }

    /// The state of one place at a date, with the claims behind it.
    pub fn state_at(&self, place: PlaceIx, date: NaiveDate) -> ControlState {
        match self.segment_at(place, date) {
            Some(seg) => ControlState {
                holder: seg.holder,
                status: seg.status,
                since: seg.since,
                uncertain: seg.uncertain,
                claims: self.claims_of(seg).to_vec(),
                last_evidence: seg.last_evidence,
            },
            None => ControlState::unknown(),
        }
    }

    /// Every place's segment at a date: a binary search per place.
    pub fn snapshot(&self, date: NaiveDate) -> Snapshot {
        let day = day_number(date);
        let segment = (0..self.place_count() as PlaceIx).map(|p| self.segment_index_at(p, day)).collect();
        Snapshot { day, segment, current: Vec::new() }
    }

    /// A snapshot to keep stepping and to read every place of, frame after frame (the viewer's).
    pub fn scrubbing_snapshot(&self, date: NaiveDate) -> Snapshot {
        let mut snapshot = self.snapshot(date);
        snapshot.current =
            snapshot.segment.iter().map(|&seg| self.segments.get(seg as usize).cloned()).collect();
        snapshot
    }

    /// Moves a snapshot to another date, touching only the places whose segments start in between.
    /// Returns whether any place moved to another segment (its state may then have changed).
    pub fn step(&self, snapshot: &mut Snapshot, date: NaiveDate) -> bool {
        let to = day_number(date);
        let from = snapshot.day;
        let mut moved = false;
        if to > from {
            let (a, b) = self.events_between(from, to);
            moved = a < b;
            for &(_, place, seg) in &self.events()[a..b] {
                snapshot.segment[place as usize] = seg;
                if let Some(copy) = snapshot.current.get_mut(place as usize) {
                    *copy = self.segments.get(seg as usize).cloned();
                }
            }
        } else if to < from {
            let (a, b) = self.events_between(to, from);
            moved = a < b;
            for &(_, place, seg) in self.events()[a..b].iter().rev() {
                let first = self.starts[place as usize];
                let before = if seg > first { seg - 1 } else { NONE };
                snapshot.segment[place as usize] = before;
                if let Some(copy) = snapshot.current.get_mut(place as usize) {
                    *copy = self.segments.get(before as usize).cloned();
                }
            }
        }
        snapshot.day = to;
        moved
    }

    /// The segment a snapshot has for a place, if its history has begun.
    pub fn segment_in<'a>(&'a self, snapshot: &'a Snapshot, place: PlaceIx) -> Option<&'a Segment> {
        if snapshot.current.is_empty() {
            let seg = *snapshot.segment.get(place as usize)?;
            self.segments.get(seg as usize)
        } else {
            snapshot.current.get(place as usize)?.as_ref()
        }
    }

    /// Events with `after < day <= until`.
    fn events(&self) -> &[(i32, PlaceIx, u32)] {
        self.events.get_or_init(|| events_by_day(&self.starts, &self.segment_days))
    }

    fn events_between(&self, after: i32, until: i32) -> (usize, usize) {
        let a = self.events().partition_point(|e| e.0 <= after);
        let b = self.events().partition_point(|e| e.0 <= until);
        (a, b)
    }

    /// Changes of holder on days `after < day <= until`, by date.
    pub fn changes_between(&self, after: NaiveDate, until: NaiveDate) -> Vec<Change> {
        let (a, b) = self.events_between(day_number(after), day_number(until));
        let mut changes = Vec::new();
        for &(_, place, seg) in &self.events()[a..b] {
            let first = self.starts[place as usize];
            let previous = if seg > first { self.segments[seg as usize - 1].holder } else { None };
            let segment = &self.segments[seg as usize];
            if segment.holder != previous {
                let date = match segment.since {
                    Some(since) if since.first_day() == segment.from => since,
                    _ => PartialDate::day(segment.from),
                };
                changes.push(Change {
                    place,
                    date,
                    from: previous,
                    to: segment.holder,
                    claims: self.claims_of(segment).to_vec(),
                });
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;

    fn claim(place: PlaceIx, faction: u32, action: Action, date: &str) -> Claim {
        Claim {
            id: format!("c{place}-{date}").into(),
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

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn sample() -> Timeline {
        use Action::*;
        let claims = vec![
            claim(0, 1, Holds, "2017-06"),
            claim(0, 0, Captured, "2017-06-02"),
            claim(1, 0, Captured, "2017-06-03"),
            claim(1, 0, Withdrew, "2018-01-10"),
            claim(2, 2, Holds, "2011"),
        ];
        Timeline::build(4, &claims)
    }

    #[test]
    fn state_at_reads_the_segment_in_force() {
        let t = sample();
        let holder = |p, d| t.state_at(p, day(d)).holder;
        assert_eq!(holder(0, "2017-05-31"), None);
        assert_eq!(holder(0, "2017-06-01"), Some(1));
        assert_eq!(holder(0, "2017-06-02"), Some(0));
        assert_eq!(holder(1, "2018-01-09"), Some(0));
        assert_eq!(holder(1, "2018-01-10"), None);
        assert_eq!(holder(2, "2015-01-01"), Some(2));
        assert_eq!(holder(3, "2015-01-01"), None);
        assert!(t.state_at(2, day("2011-06-01")).uncertain);
        assert!(!t.state_at(2, day("2011-12-31")).uncertain);
    }

    #[test]
    fn stepping_agrees_with_a_fresh_snapshot_forwards_and_backwards() {
        let t = sample();
        let dates = [
            "2010-01-01",
            "2011-03-01",
            "2017-06-01",
            "2017-06-02",
            "2017-06-03",
            "2018-02-01",
            "2017-06-02",
            "2011-12-31",
            "2009-01-01",
            "2020-01-01",
        ];
        let mut snap = t.snapshot(day(dates[0]));
        let mut scrubbed = t.scrubbing_snapshot(day(dates[0]));
        for d in dates {
            t.step(&mut snap, day(d));
            assert_eq!(snap, t.snapshot(day(d)), "stepping to {d}");
            t.step(&mut scrubbed, day(d));
            assert_eq!(scrubbed, t.scrubbing_snapshot(day(d)), "stepping to {d}, with copies of the states");
            for p in 0..t.place_count() as PlaceIx {
                assert_eq!(t.segment_in(&scrubbed, p), t.segment_in(&snap, p), "place {p} on {d}");
            }
        }
    }

    #[test]
    fn a_timeline_built_in_parts_is_the_one_built_whole() {
        use Action::*;
        let mut claims = Vec::new();
        for place in 0..7 {
            for (k, date) in ["2016-03", "2017-06-02", "2017-06-02", "2018-01-10", "2019"].iter().enumerate()
            {
                let action = [Holds, Captured, Contested, Withdrew, Captured][(place as usize + k) % 5];
                claims.push(claim(place, (place + k as u32) % 3, action, date));
            }
        }
        let by_place = ClaimsByPlace::build(9, &claims);
        let whole = Timeline::build_in_parts(&by_place, &claims, 1, 1);
        let mut events = whole.events().to_vec();
        events.sort_unstable();
        assert_eq!(whole.events(), events, "events by day, place and segment");
        for (parts, threads) in [(2, 2), (3, 2), (9, 4)] {
            let joined = Timeline::build_in_parts(&by_place, &claims, parts, threads);
            assert_eq!(joined.starts, whole.starts, "{parts} parts");
            assert_eq!(joined.place_count(), 9);
            assert_eq!(joined.segments, whole.segments, "{parts} parts");
            assert_eq!(joined.segment_days, whole.segment_days, "{parts} parts");
            assert_eq!(joined.arena, whole.arena, "{parts} parts");
            assert_eq!(joined.events(), whole.events(), "{parts} parts");
        }
    }

    #[test]
    fn changes_between_lists_changes_of_holder_only() {
        let t = sample();
        let changes = t.changes_between(day("2017-06-01"), day("2017-06-04"));
        let rows: Vec<(PlaceIx, String, Holder, Holder)> =
            changes.iter().map(|c| (c.place, c.date.to_string(), c.from, c.to)).collect();
        assert_eq!(
            rows,
            vec![(0, "2017-06-02".into(), Some(1), Some(0)), (1, "2017-06-03".into(), None, Some(0))]
        );
        // The end of the 2011 uncertainty is a segment start but not a change of holder.
        assert!(t.changes_between(day("2011-06-01"), day("2012-06-01")).is_empty());
        assert_eq!(t.span(), Some((day("2011-01-01"), day("2018-01-10"))));
        // Waddan's BDB holding began on 1 June, the LNA's on 2 June.
        assert_eq!(t.segment_at(0, day("2017-06-05")).map(|s| s.holder_from), Some(day("2017-06-02")));
        assert_eq!(t.segment_at(2, day("2012-01-01")).map(|s| s.holder_from), Some(day("2011-01-01")));
    }
}
