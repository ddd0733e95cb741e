//! Where: the places a trigger's clause names, after the verb (stopping at the clause's end, at
//! "near", at a destination) or before it (passives, "under the control of"), with the sides taken
//! "from" and lost "to" on the way.

use super::super::factions::FactionMention;
use super::super::places::PlaceRef;
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
    "locations",
    "sites",
    "streets",
    "neighborhoods",
    "percent",
    "%",
];
/// Compass words that say where in a place ("north of", "southern Tripoli").
pub(super) fn is_compass(word: &str) -> bool {
    crate::ingest::lexicon::COMPASS_POINTS.contains(&word)
        || matches!(word, "northern" | "southern" | "eastern" | "western")
}
pub(super) const DESTINATION: &[&str] = &["to", "towards", "toward", "into"];

#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) place: PlaceIx,
    pub(super) anaphor: bool,
    pub(super) ambiguous: bool,
    pub(super) part: bool,
    pub(super) first: usize,
}

impl Found {
    /// The place `p` names, read as found at token `first`.
    pub(super) fn of(p: &PlaceRef, first: usize, part: bool) -> Found {
        Found { place: p.place, anaphor: p.anaphor, ambiguous: p.ambiguous, part, first }
    }
}

#[derive(Debug, Default)]
pub(super) struct Walk {
    pub(super) places: Vec<Found>,
    pub(super) from: Option<FactionIx>,
    pub(super) to: Option<FactionIx>,
    /// Sides met in the clause other than "from" and "to" ("attacked BDB fighters in Hun").
    pub(super) sides: Vec<FactionMention>,
    pub(super) destination: bool,
    pub(super) stopped_at: Option<usize>,
}

/// Words that may stand between "of" and a place it refers to ("west of the capital Tripoli").
const PLACE_DESCRIPTORS: &[&str] = &["capital", "city", "town", "coastal", "port", "oasis", "libyan"];

/// "20 km east of Waddan", "west of the capital Tripoli": a place named to locate another.
pub(super) fn is_reference_point(s: &Analysed, first: usize) -> bool {
    let mut k = first;
    while let Some(p) = s.previous_word(k).filter(|&p| PLACE_DESCRIPTORS.contains(&s.word(p))) {
        k = p;
    }
    let Some(of) = s.previous_word(k) else { return false };
    let distance = |w: &str| {
        matches!(w, "km" | "kilometres" | "kilometers" | "miles")
            || (w.ends_with("km") && w.starts_with(|c: char| c.is_ascii_digit()))
    };
    (s.word(of) == "of" && s.previous_word(of).is_some_and(|c| is_compass(s.word(c)) && !quarter_of(s, c)))
        || (s.word(of) == "from" && s.previous_word(of).is_some_and(|c| distance(s.word(c))))
}

/// "in the east of Derna": the compass word at `c` names a quarter of the place after it, not a
/// point outside it ("20 km east of", "to the east of").
pub(super) fn quarter_of(s: &Analysed, c: usize) -> bool {
    c >= 2
        && is_compass(s.word(c))
        && s.word(c - 1) == "the"
        && matches!(s.word(c - 2), "in" | "into" | "across" | "throughout" | "of" | "control")
        && s.word(c + 1) == "of"
}

/// Places after a trigger, from token `from` up to `hi`, stopping at the end of its clause. A
/// trigger that says "near" must reach its first place within a few words; each place or side it
/// passes starts that count again, so a list ("Zueitina, Ras Lanuf, and Es Sider ports ..., as well
/// as the town of Ajdabiya") is read to its end.
pub(super) fn walk_after(s: &Analysed, from: usize, hi: usize, action: Action, near: bool) -> Walk {
    let mut w = Walk::default();
    let mut part = false;
    let mut k = from;
    let mut counted_from = from;
    let mut last_place_end: Option<usize> = None;
    while k < hi {
        let word = s.word(k);
        if matches!(word, "(" | "[") {
            let close = if word == "(" { ")" } else { "]" };
            k = (k + 1..hi).find(|&j| s.word(j) == close).map_or(hi, |j| j + 1);
            continue;
        }
        if word == "as" && s.word(k + 1) == "well" && s.word(k + 2) == "as" {
            part = false;
            k += 3;
            continue;
        }
        // "positions in Sabha, including its airport": what the list goes on to name is whole.
        if word == "including" || (word == "," && s.word(k + 1) == "and" && s.word(k + 2) == "the") {
            part = false;
        }
        // "clashed with the LNA in Hun": the side fought, and the clause goes on to the place.
        if let Some(f) = side_fought_with(s, k, action) {
            w.sides.push(*f);
            k = f.end;
            counted_from = k;
            continue;
        }
        // "clashed with local gunmen in Derna": a party the dataset cannot name, and the clause goes on.
        if let Some(end) = party_fought_with(s, k, action) {
            k = end;
            counted_from = k;
            continue;
        }
        if s.is_stop(k) || next_verb(s, k) {
            w.stopped_at = Some(k);
            break;
        }
        let words = (counted_from..k).filter(|&j| s.tokens[j].word && !s.in_faction(j)).count();
        if near && words > NEAR_REACH_WORDS {
            break;
        }
        if (PART_WORDS.contains(&word) && !(k > 0 && s.word(k - 1) == "most")) || quarter_of(s, k) {
            part = true;
        }
        if let Some(f) = s.faction_starting_at(k) {
            // "from a PFG faction", "to the LNA".
            let mut p = s.previous_word(k);
            if let Some(a) = p.filter(|&a| matches!(s.word(a), "a" | "an" | "the")) {
                p = s.previous_word(a);
            }
            match p.map(|p| s.word(p)) {
                Some("from") => w.from = w.from.or(Some(f.faction)),
                Some("to") => w.to = w.to.or(Some(f.faction)),
                _ => w.sides.push(*f),
            }
            k = f.end;
            counted_from = k;
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
        let mut found_here = false;
        for p in s.places_starting_at(k) {
            found_here = true;
            counted_from = p.end;
            // "the 12 Flats area in Ganfuda, in south-west Benghazi": the places after "in" locate it.
            if is_reference_point(s, k) || last_place_end.is_some_and(|e| locates(s, e, k) || placed_in(s, k))
            {
                continue;
            }
            w.places.push(Found::of(p, k, part));
        }
        if found_here {
            last_place_end = s.places_starting_at(k).map(|p| p.end).max();
        }
        k += 1;
    }
    w
}

/// Words that may stand between an expelling verb and its side ("drove back the LNA").
const BEFORE_EXPELLED: &[&str] = &["the", "a", "an", "back"];
/// Words that may follow the side's name ("drove the LNA fighters out of").
const AFTER_EXPELLED: &[&str] = &["fighters", "forces", "militants", "troops", "units", "militias", "back"];

/// "drove the LNA out of Hun", "expelled IS militants from Sirte": the side an expelling verb ending
/// at token `end` drives out, when "out of" or "from" follows it, or "out" comes before it
/// ("driving out the LNA", where the place may be the one the clause before took).
pub(super) fn expelled_side(s: &Analysed, end: usize) -> Option<&FactionMention> {
    let particle = particle_out(s, end);
    let start = end + usize::from(particle);
    let mut k = start;
    while BEFORE_EXPELLED.contains(&s.word(k)) && k < start + 2 {
        k += 1;
    }
    let f = s.faction_starting_at(k)?;
    if particle {
        return Some(f);
    }
    let mut j = f.end;
    while AFTER_EXPELLED.contains(&s.word(j)) && j < f.end + 2 {
        j += 1;
    }
    let out = s.word(j) == "from" || (s.word(j) == "out" && matches!(s.word(j + 1), "of" | "from"));
    out.then_some(f)
}

/// Whether "out" stands right after an expelling verb ending at `end` ("driving out the LNA").
pub(super) fn particle_out(s: &Analysed, end: usize) -> bool {
    s.word(end) == "out" && !matches!(s.word(end + 1), "of" | "from")
}

/// The side named right after a "with" in a contest's clause ("battle with the GNA").
fn side_fought_with(s: &Analysed, k: usize, action: Action) -> Option<&FactionMention> {
    if action != Action::Contested || s.word(k) != "with" {
        return None;
    }
    s.faction_starting_at(side_start(s, k + 1))
}

/// Where a side named from token `k` on starts, past an article and "members of" ("with members
/// of the PFG").
pub(super) fn side_start(s: &Analysed, k: usize) -> usize {
    let article = |j: usize| j + usize::from(matches!(s.word(j), "the" | "a" | "an"));
    let k = article(k);
    if matches!(s.word(k), "members" | "elements" | "fighters" | "units") && s.word(k + 1) == "of" {
        return article(k + 2);
    }
    k
}

/// Fighters described but not named, fought "with" in a contest's clause ("with local gunmen",
/// "with rival tribesmen"): the token after them, when the clause goes on past them.
fn party_fought_with(s: &Analysed, k: usize, action: Action) -> Option<usize> {
    if action != Action::Contested || s.word(k) != "with" {
        return None;
    }
    let plain = |j: usize| {
        s.tokens.get(j).is_some_and(|t| t.word || t.lower == "-")
            && !s.is_stop(j)
            && !s.in_faction(j)
            && s.places.iter().all(|p| !(p.first <= j && j < p.end))
    };
    let first = if matches!(s.word(k + 1), "the" | "a" | "an") { k + 2 } else { k + 1 };
    let last = (first..s.len().min(first + FOUGHT_WORDS)).take_while(|&j| plain(j)).last()?;
    let head = (first..=last).rfind(|&j| FIGHTERS.contains(&s.word(j)))?;
    Some(head + 1)
}

/// How many words may describe an unnamed party fought with ("heavily armed local gunmen").
const FOUGHT_WORDS: usize = 4;
/// Nouns for fighters of a side the text does not name.
const FIGHTERS: &[&str] = &[
    "gunmen",
    "fighters",
    "militants",
    "militias",
    "militiamen",
    "rivals",
    "tribesmen",
    "forces",
    "troops",
    "men",
    "jihadists",
    "extremists",
    "insurgents",
    "groups",
    "brigades",
    "units",
];

/// Whether the words from `after` (the end of one place) to `k` (the start of another) only say
/// where the first is: "in", "of", a compass point, "the", "area", "on the edge of".
fn locates(s: &Analysed, after: usize, k: usize) -> bool {
    let between: Vec<&str> = (after..k).map(|j| s.word(j)).collect();
    between.iter().any(|w| matches!(*w, "in" | "of"))
        && between.iter().all(|w| {
            matches!(
                *w,
                "in" | "of" | "the" | "," | "-" | "area" | "district" | "neighbourhood" | "neighborhood"
            ) || is_compass(w)
                || PLACE_DESCRIPTORS.contains(w)
                || EDGE_WORDS.contains(w)
        })
}

/// "Ain Zara, on the southern edge of Tripoli": words that put one place at the rim of another.
const EDGE_WORDS: &[&str] = &["on", "at", "edge", "edges", "outskirts", "fringes", "fringe", "rim"];

/// "..., the last stronghold in the city": after the place taken, a place "in" which something
/// stands only locates it.
fn placed_in(s: &Analysed, k: usize) -> bool {
    let mut j = k;
    while let Some(p) = s.previous_word(j) {
        let w = s.word(p);
        if !(PLACE_DESCRIPTORS.contains(&w) || is_compass(w)) {
            return matches!(w, "in" | "inside" | "near" | "outside");
        }
        j = p;
    }
    false
}

/// "and two days later launched", "and briefly cut": a new verb after "and" ends the clause.
fn next_verb(s: &Analysed, k: usize) -> bool {
    if s.word(k) != "and" {
        return false;
    }
    let plain = |j: usize| {
        s.tokens[j].word && !s.tokens[j].capital && !matches!(s.word(j), "the" | "a" | "an" | "its" | "their")
    };
    (k + 1..s.len().min(k + 5)).take_while(|&j| plain(j)).any(|j| {
        let w = s.word(j);
        let past = w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed");
        (past || IRREGULAR_PAST.contains(&w)) && !s.in_faction(j) && s.places_starting_at(j).next().is_none()
    })
}

/// Past tenses that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "cut", "began", "took", "fought", "left", "made", "set", "went", "held", "lost", "won", "sent", "drove",
];

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
        // "Gharyan, 100 km south of Tripoli, was seized": Tripoli only locates Gharyan.
        if is_reference_point(s, j) {
            continue;
        }
        for p in s.places_starting_at(j) {
            out.push(Found::of(p, j, false));
        }
    }
    out
}

/// "Es Sidra, where they had taken control": the place a "where" (or "which") before token `k`, with
/// no clause break between, hangs on.
pub(super) fn where_antecedent(s: &Analysed, lo: usize, k: usize) -> Option<Found> {
    let rel = (lo..k).rev().find(|&j| matches!(s.word(j), "where" | "which"))?;
    if (rel + 1..k).any(|j| s.is_stop(j) && !s.in_faction(j) && !matches!(s.word(j), ")" | "]")) {
        return None;
    }
    let p = s
        .places
        .iter()
        .rfind(|p| p.end <= rel && p.end + 5 >= rel && p.first >= s.dateline_end && !p.locator)?;
    // "Teminhint airbase near Sebha, where": a place that only locates it may stand between.
    let in_locator = |j: usize| s.places.iter().any(|q| q.locator && q.first <= j && j < q.end);
    let between_ok = (p.end..rel).all(|j| {
        !s.tokens[j].word
            || LOCATOR_NOUNS.contains(&s.word(j))
            || matches!(s.word(j), "near" | "in" | "of" | "outside")
            || in_locator(j)
    });
    between_ok.then_some(Found::of(p, p.first, false))
}

/// Nouns that may follow a name before "where" ("Wasit Al-Blad neighborhood, where").
const LOCATOR_NOUNS: &[&str] =
    &["area", "district", "neighbourhood", "neighborhood", "town", "city", "base", "port"];

/// The nearest place before token `k` anywhere in the sentence ("south of Sabha" only locates).
pub(super) fn nearest_before(s: &Analysed, k: usize) -> Option<Found> {
    (s.dateline_end..k)
        .rev()
        .filter(|&j| !is_reference_point(s, j))
        .find_map(|j| s.places_starting_at(j).next().map(|p| Found::of(p, j, false)))
}

/// The places listed before `last` with it ("Hun, Waddan and Sawkna"), first to last, `last` left out:
/// each joined to the next by nothing but commas, "and" and articles.
pub(super) fn list_before(s: &Analysed, last: Found) -> Vec<Found> {
    let mut out = Vec::new();
    let mut next = last.first;
    loop {
        let mut j = next;
        while j > s.dateline_end && matches!(s.word(j - 1), "," | "and" | "the") {
            j -= 1;
        }
        if j == next {
            break;
        }
        let Some(p) = s.places.iter().find(|p| p.end == j && p.first >= s.dateline_end && !p.locator) else {
            break;
        };
        out.push(Found::of(p, p.first, false));
        next = p.first;
    }
    out.reverse();
    out
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
                &["hun lna captured 2017-06-02", "hun gna holds 2017-06", "hun gna withdrew 2017-06-02"],
            ),
            ("The LNA captured Hun, 20 km east of Waddan, on Friday.", &["hun lna captured 2017-06-02"]),
            (
                "Hun, 20 km east of Waddan, was captured by the LNA on Friday.",
                &["hun lna captured 2017-06-02"],
            ),
            ("Waddan, which was held by the GNA, fell on Friday.", &["waddan gna holds 2017-06-02"]),
            ("The LNA clashed with local gunmen in Hun on Friday.", &["hun lna contested 2017-06-02"]),
            (
                "Hun was seized by the LNA on Sept. 11 from a BDB faction.",
                &["hun lna captured 2016-09-11", "hun bdb holds 2016-09", "hun bdb withdrew 2016-09-11"],
            ),
            (
                "The LNA clashed with members of the BDB in Hun on Friday.",
                &["hun lna contested 2017-06-02", "hun bdb contested 2017-06-02"],
            ),
            (
                "The LNA clashed with the BDB in the east of Hun on Friday.",
                &["hun lna contested 2017-06-02", "hun bdb contested 2017-06-02"],
            ),
            ("The LNA took control of the south of Hun on Friday.", &["hun lna contested 2017-06-02"]),
            ("The LNA captured a camp 20 km to the south of Hun on Friday.", &[]),
            ("The LNA clashed with gunmen who had come from Hun.", &[]),
        ]);
    }
}
