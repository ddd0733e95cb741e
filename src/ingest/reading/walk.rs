//! Where: the places a trigger's clause names, after the verb (stopping at the clause's end, at
//! "near", at a destination) or before it (passives, "under the control of"), with the sides taken
//! "from" and lost "to" on the way.

use super::super::sentence::Analysed;
use crate::model::{Action, FactionIx, PlaceIx};

/// A trigger that says "near" (clashes near X) reaches at most this many words for its place.
const NEAR_REACH_WORDS: usize = 7;

pub(super) const PART_WORDS: &[&str] = &[
    "positions",
    "position",
    "entrances",
    "entrance",
    "outskirts",
    "suburbs",
    "suburb",
    "parts",
    "part",
    "districts",
    "neighbourhoods",
    "neighborhoods",
    "edges",
    "gates",
    "areas",
    "outposts",
    "checkpoints",
];
pub(super) const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
];
pub(super) const DESTINATION: &[&str] = &["to", "towards", "toward", "into"];

#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) place: PlaceIx,
    pub(super) anaphor: bool,
    pub(super) ambiguous: bool,
    pub(super) part: bool,
    pub(super) first: usize,
}

#[derive(Debug, Default)]
pub(super) struct Walk {
    pub(super) places: Vec<Found>,
    pub(super) from: Option<FactionIx>,
    pub(super) to: Option<FactionIx>,
    pub(super) destination: bool,
    pub(super) stopped_at: Option<usize>,
}

pub(super) fn is_reference_point(s: &Analysed, first: usize) -> bool {
    let Some(of) = s.previous_word(first) else { return false };
    s.word(of) == "of" && s.previous_word(of).is_some_and(|c| COMPASS.contains(&s.word(c)))
}

/// Places after a trigger, from token `from` up to `hi`, stopping at the end of its clause.
pub(super) fn walk_after(s: &Analysed, from: usize, hi: usize, action: Action, near: bool) -> Walk {
    let mut w = Walk::default();
    let mut part = false;
    let mut k = from;
    while k < hi {
        let word = s.word(k);
        if matches!(word, "(" | "[") {
            let close = if word == "(" { ")" } else { "]" };
            k = (k + 1..hi).find(|&j| s.word(j) == close).map_or(hi, |j| j + 1);
            continue;
        }
        if s.is_stop(k) {
            w.stopped_at = Some(k);
            break;
        }
        if near && (from..k).filter(|&j| !s.in_faction(j)).count() > NEAR_REACH_WORDS {
            break;
        }
        if PART_WORDS.contains(&word) {
            part = true;
        }
        if let Some(f) = s.faction_starting_at(k) {
            match s.previous_word(k).map(|p| s.word(p)) {
                Some("from") => w.from = w.from.or(Some(f.faction)),
                Some("to") => w.to = w.to.or(Some(f.faction)),
                _ => {}
            }
            k = f.end;
            continue;
        }
        if action == Action::Withdrew && DESTINATION.contains(&word) {
            let next = (k + 1..hi).find(|&j| !matches!(s.word(j), "the" | "a"));
            if next.is_none_or(|n| s.faction_starting_at(n).is_none()) {
                w.destination = true;
                break;
            }
        }
        // "a power station near Sirte": near a place is not the place, nor is any place after it.
        if matches!(word, "near" | "outside" | "around") && action != Action::Contested {
            break;
        }
        for p in s.places_starting_at(k) {
            if !is_reference_point(s, k) {
                w.places.push(Found {
                    place: p.place,
                    anaphor: p.anaphor,
                    ambiguous: p.ambiguous,
                    part,
                    first: k,
                });
            }
        }
        k += 1;
    }
    w
}

/// Places before a trigger, back to the start of its clause (or `lo`).
pub(super) fn places_before(s: &Analysed, lo: usize, k: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut j = k;
    while j > lo.max(s.dateline_end) {
        j -= 1;
        if s.is_stop(j) && !matches!(s.word(j), ")" | "]") {
            // "the base, which had been held by X": the place the relative clause hangs on.
            if out.is_empty() && matches!(s.word(j), "which" | "that" | "where") {
                out.extend(nearest_before(s, j).filter(|p| p.first + 4 >= j));
            }
            break;
        }
        for p in s.places_starting_at(j) {
            out.push(Found {
                place: p.place,
                anaphor: p.anaphor,
                ambiguous: p.ambiguous,
                part: false,
                first: j,
            });
        }
    }
    out
}

/// The nearest place before token `k` anywhere in the sentence.
pub(super) fn nearest_before(s: &Analysed, k: usize) -> Option<Found> {
    (s.dateline_end..k).rev().find_map(|j| {
        s.places_starting_at(j).next().map(|p| Found {
            place: p.place,
            anaphor: p.anaphor,
            ambiguous: p.ambiguous,
            part: false,
            first: j,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn the_places_are_those_of_the_triggers_clause() {
        check(&[
            (
                "The LNA captured Waddan and Hun on Friday.",
                &["waddan lna captured 2017-06-02", "hun lna captured 2017-06-02"],
            ),
            ("The LNA captured a power station near Waddan on Friday.", &[]),
            (
                "The LNA captured positions on the outskirts of Waddan on Friday.",
                &["waddan lna contested 2017-06-02"],
            ),
            (
                "The LNA took Hun from the GNA on Friday.",
                &["hun lna captured 2017-06-02", "hun gna holds 2017-06"],
            ),
            ("The LNA captured Hun, 20 km east of Waddan, on Friday.", &["hun lna captured 2017-06-02"]),
            ("Waddan, which was held by the GNA, fell on Friday.", &["waddan gna holds 2017-06-02"]),
        ]);
    }
}
