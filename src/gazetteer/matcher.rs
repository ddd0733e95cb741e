//! The index of every place name and the ranked lookup of one query against it.

use super::generic::{self, Generic};
use super::normalize::{Forms, normalize, words};
use crate::model::{Place, PlaceIx, PlaceKind};
use serde::Serialize;
use std::collections::HashMap;

/// Scores at or above this are matches; below it, at best suggestions.
pub const MATCH_THRESHOLD: f64 = 0.8;

const EXACT: f64 = 1.0;
/// Same letters, different spacing ("Beniulid").
const COMPACT: f64 = 0.99;
const ARTICLE: f64 = 0.97;
const FOLDED: f64 = 0.93;
/// Skeleton matches score SKELETON + SKELETON_VOWELS × (similarity of the folded forms).
const SKELETON: f64 = 0.75;
const SKELETON_VOWELS: f64 = 0.15;
const SKELETON_MIN_VOWELS: f64 = 0.7;
const SHORT_SKELETON_MIN_VOWELS: f64 = 0.75;
const EDIT_1: f64 = 0.85;
const EDIT_2: f64 = 0.81;
/// Edit distance only on longer folded names: one edit from 7 letters, two from 10.
const EDIT_1_MIN_LEN: usize = 7;
const EDIT_2_MIN_LEN: usize = 10;
/// Names (or queries) that match only once a generic word ("airport", "region") is set aside.
const PARTIAL: f64 = 0.92;
/// All-lower-case Latin aliases are GeoNames' machine romanizations of other scripts ("fun" for Hūn).
const WEAK_PENALTY: f64 = 0.08;
/// Without a preferred kind, settlements rank first unless something else matches clearly better.
const SETTLEMENT_BONUS: f64 = 0.1;
/// Two places whose scores differ by no more than this match "about equally well".
const AMBIGUITY_MARGIN: f64 = 0.07;
const MAX_SUGGESTIONS: usize = 5;
const MIN_SUGGESTION_SIMILARITY: f64 = 0.8;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub place: PlaceIx,
    /// The name or alias, as written in the data, that matched.
    pub matched_name: String,
    /// 0..=1; 1 is an exact match after case and diacritics.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lookup {
    pub query: String,
    /// One entry per distinct place with score >= MATCH_THRESHOLD, best first.
    pub matches: Vec<Match>,
    /// Two or more places match about equally well and the preferred kind does not separate them.
    pub ambiguous: bool,
    /// When nothing matches: the closest names below the threshold, for "did you mean".
    pub suggestions: Vec<Match>,
}

impl Lookup {
    pub fn best(&self) -> Option<&Match> {
        self.matches.first()
    }
}

/// A place named in running text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offsets of the name in the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub lookup: Lookup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quality {
    Full,
    /// Lower-case romanization: exact and folded equality only, with a penalty; never in running text.
    Weak,
    /// Another script: exact equality only.
    Script,
}

#[derive(Debug, Clone)]
struct Entry {
    place: PlaceIx,
    name: String,
    quality: Quality,
    /// Indexed by its words minus the generic ones ("Hon Airport" as "Hon").
    partial: bool,
    folded: Vec<String>,
}

/// How strict a lookup is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A name typed or read from a table: every level, suggestions.
    Query,
    /// A span of running text: only confident levels, no weak aliases, no edit distance.
    Text,
}

#[derive(Debug, Clone)]
pub struct Gazetteer {
    kinds: Vec<PlaceKind>,
    entries: Vec<Entry>,
    exact: Index,
    compact: Index,
    article: Index,
    folded: Index,
    skeletons: Index,
    /// Distinct folded keys of full-quality entries, shortest first, for edit distance and suggestions.
    fold_list: Vec<(String, Vec<u32>)>,
    /// The most words any indexed name has.
    pub(super) max_words: usize,
}

/// IATA and ICAO codes ("TIP", "HLON", "HL69").
fn is_code(alias: &str) -> bool {
    let a = alias.trim();
    a.len() <= 4 && a.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

type Index = HashMap<String, Vec<u32>>;

fn add(map: &mut Index, key: &str, id: u32) {
    match map.get_mut(key) {
        Some(ids) if ids.last() == Some(&id) => {}
        Some(ids) => ids.push(id),
        None => {
            map.insert(key.to_string(), vec![id]);
        }
    }
}

impl Gazetteer {
    /// Index every name and alias of `places`; place i gets PlaceIx i.
    pub fn new(places: &[Place]) -> Gazetteer {
        let mut g = Gazetteer {
            kinds: places.iter().map(|p| p.kind).collect(),
            entries: Vec::new(),
            exact: HashMap::new(),
            compact: HashMap::new(),
            article: HashMap::new(),
            folded: HashMap::new(),
            skeletons: HashMap::new(),
            fold_list: Vec::new(),
            max_words: 1,
        };
        for (ix, place) in places.iter().enumerate() {
            let ix = ix as PlaceIx;
            let mut seen: Vec<String> = Vec::new();
            for (n, name) in place.names().enumerate() {
                if n > 0 && is_code(name) {
                    continue;
                }
                let norm = normalize(name);
                if norm.is_empty() || seen.contains(&norm) {
                    continue;
                }
                let ws = words(&norm);
                let forms = Forms::of_words(&ws);
                if n > 0 && forms.letters < 3 {
                    continue;
                }
                let quality = if !forms.latin {
                    Quality::Script
                } else if n > 0 && !name.chars().any(char::is_uppercase) {
                    Quality::Weak
                } else {
                    Quality::Full
                };
                g.max_words = g.max_words.max(ws.len());
                g.insert(ix, name, quality, false, &forms);
                let split = generic::split(&ws);
                if quality == Quality::Full && split.had_generic && !split.core.is_empty() {
                    g.insert(ix, name, quality, true, &Forms::of_words(&split.core));
                }
                seen.push(norm);
            }
        }
        let mut fold_list: Vec<(String, Vec<u32>)> = g
            .folded
            .iter()
            .map(|(k, ids)| {
                let full: Vec<u32> =
                    ids.iter().copied().filter(|&i| g.entries[i as usize].quality == Quality::Full).collect();
                (k.clone(), full)
            })
            .filter(|(_, ids)| !ids.is_empty())
            .collect();
        fold_list.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        g.fold_list = fold_list;
        g
    }

    fn insert(&mut self, place: PlaceIx, name: &str, quality: Quality, partial: bool, forms: &Forms) {
        let id = self.entries.len() as u32;
        self.entries.push(Entry {
            place,
            name: name.to_string(),
            quality,
            partial,
            folded: forms.folded.clone(),
        });
        add(&mut self.exact, &forms.exact, id);
        add(&mut self.compact, &forms.compact, id);
        if quality == Quality::Script {
            return;
        }
        for k in &forms.article {
            add(&mut self.article, k, id);
        }
        for k in &forms.folded {
            add(&mut self.folded, k, id);
        }
        if quality == Quality::Full {
            for k in &forms.skeletons {
                add(&mut self.skeletons, k, id);
            }
        }
    }

    /// How many places were indexed.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Ranked answers for one query. `prefer` favours a kind (towns and cities count as one).
    pub fn lookup(&self, query: &str, prefer: Option<PlaceKind>) -> Lookup {
        self.lookup_in(query, prefer, Mode::Query)
    }

    pub(super) fn lookup_in(&self, query: &str, prefer: Option<PlaceKind>, mode: Mode) -> Lookup {
        let norm = normalize(query);
        let ws = words(&norm);
        let full = Forms::of_words(&ws);
        let split = generic::split(&ws);
        let mut best: HashMap<PlaceIx, (f64, u32)> = HashMap::new();
        let mut keep = |entry: u32, score: f64| {
            let place = self.entries[entry as usize].place;
            let slot = best.entry(place).or_insert((0.0, entry));
            if score > slot.0 {
                *slot = (score, entry);
            }
        };
        self.score_forms(&full, mode, |entry, score| {
            let e = &self.entries[entry as usize];
            keep(entry, if e.partial { score * PARTIAL } else { score });
        });
        if split.had_generic && !split.core.is_empty() {
            // The query's own generic words must fit the place: "Sebha region" is not the town.
            let core = Forms::of_words(&split.core);
            self.score_forms(&core, mode, |entry, score| {
                let kind = self.kinds[self.entries[entry as usize].place as usize];
                if split.hint.is_none_or(|h| h.accepts(kind)) {
                    keep(entry, score * PARTIAL);
                }
            });
        }
        let preference = match (prefer, split.hint) {
            (Some(kind), _) => Preference::Kind(kind),
            (None, Some(hint)) => Preference::Hint(hint),
            (None, None) => Preference::Settlements,
        };
        let mut ranked: Vec<Ranked> = best
            .into_iter()
            .filter(|&(_, (score, _))| score >= MATCH_THRESHOLD)
            .map(|(place, (score, entry))| {
                let kind = self.kinds[place as usize];
                let class = preference.class(kind);
                let rank = match preference {
                    Preference::Settlements if class => score + SETTLEMENT_BONUS,
                    _ => score,
                };
                Ranked { place, entry, score, class, rank }
            })
            .collect();
        ranked.sort_by(|a, b| {
            let strict = !matches!(preference, Preference::Settlements);
            let class = if strict { b.class.cmp(&a.class) } else { std::cmp::Ordering::Equal };
            class
                .then(b.rank.total_cmp(&a.rank))
                .then(b.score.total_cmp(&a.score))
                .then(a.place.cmp(&b.place))
        });
        // Only a rival of the same class counts: the preference has separated the others.
        let ambiguous = ranked.split_first().is_some_and(|(first, rest)| {
            rest.iter()
                .find(|r| r.class == first.class)
                .is_some_and(|r| first.score - r.score <= AMBIGUITY_MARGIN + 1e-9)
        });
        let matches: Vec<Match> = ranked
            .iter()
            .map(|r| Match {
                place: r.place,
                matched_name: self.entries[r.entry as usize].name.clone(),
                score: r.score,
            })
            .collect();
        let suggestions =
            if matches.is_empty() && mode == Mode::Query { self.suggest(&full) } else { Vec::new() };
        Lookup { query: query.to_string(), matches, ambiguous, suggestions }
    }

    /// Calls `hit(entry, score)` for every entry the forms match, at every level they match.
    fn score_forms(&self, q: &Forms, mode: Mode, mut hit: impl FnMut(u32, f64)) {
        let text = mode == Mode::Text;
        let mut emit = |id: u32, score: f64| {
            let e = &self.entries[id as usize];
            match e.quality {
                Quality::Weak if text => {}
                Quality::Weak => hit(id, score - WEAK_PENALTY),
                _ => hit(id, score),
            }
        };
        for (map, key, score) in [(&self.exact, &q.exact, EXACT), (&self.compact, &q.compact, COMPACT)] {
            for &id in map.get(key).into_iter().flatten() {
                emit(id, score);
            }
        }
        if !q.latin {
            return;
        }
        for (map, keys, score) in [(&self.article, &q.article, ARTICLE), (&self.folded, &q.folded, FOLDED)] {
            for k in keys {
                for &id in map.get(k).into_iter().flatten() {
                    emit(id, score);
                }
            }
        }
        for k in &q.skeletons {
            let short = k.chars().count() <= 2;
            for &id in self.skeletons.get(k).into_iter().flatten() {
                let e = &self.entries[id as usize];
                let Some((sim, len)) = vowel_similarity(&q.folded, &e.folded) else { continue };
                // Two-consonant names (Hun, Jalu) need nearly the same vowels too.
                if sim < SKELETON_MIN_VOWELS || (short && sim < SHORT_SKELETON_MIN_VOWELS) {
                    continue;
                }
                if text && (len < 6 || sim < 0.8) {
                    continue;
                }
                emit(id, SKELETON + SKELETON_VOWELS * sim);
            }
        }
        if text {
            return;
        }
        for f in &q.folded {
            let flen = f.len();
            if flen < EDIT_1_MIN_LEN {
                continue;
            }
            let lo = self.fold_list.partition_point(|(k, _)| k.len() + 2 < flen);
            let hi = self.fold_list.partition_point(|(k, _)| k.len() <= flen + 2);
            for (key, ids) in &self.fold_list[lo..hi] {
                if key.len() < EDIT_1_MIN_LEN {
                    continue;
                }
                let shorter = flen.min(key.len());
                let score = match strsim::damerau_levenshtein(f, key) {
                    1 if shorter >= EDIT_1_MIN_LEN => EDIT_1,
                    2 if shorter >= EDIT_2_MIN_LEN => EDIT_2,
                    _ => continue,
                };
                for &id in ids {
                    emit(id, score);
                }
            }
        }
    }

    /// The closest names below the threshold, one per place.
    fn suggest(&self, q: &Forms) -> Vec<Match> {
        let Some(f) = q.folded.first() else { return Vec::new() };
        let mut best: HashMap<PlaceIx, (f64, u32)> = HashMap::new();
        for (key, ids) in &self.fold_list {
            let mut sim = strsim::jaro_winkler(f, key);
            // A word of a longer name: "Walid" for "Bani Walid".
            if f.len() >= 4 && (key.starts_with(f.as_str()) || key.ends_with(f.as_str())) {
                sim = sim.max(0.9);
            }
            if sim < MIN_SUGGESTION_SIMILARITY {
                continue;
            }
            for &id in ids {
                let place = self.entries[id as usize].place;
                let slot = best.entry(place).or_insert((0.0, id));
                if sim > slot.0 {
                    *slot = (sim, id);
                }
            }
        }
        let mut out: Vec<Match> = best
            .into_iter()
            .map(|(place, (sim, id))| Match {
                place,
                matched_name: self.entries[id as usize].name.clone(),
                // Scaled below the threshold: a suggestion is never a match.
                score: sim * (MATCH_THRESHOLD - 0.01),
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.place.cmp(&b.place)));
        out.truncate(MAX_SUGGESTIONS);
        out
    }
}

/// The best normalized Levenshtein similarity between two sets of folded forms of the same skeleton,
/// and the shorter length. Forms must begin alike (both with a vowel, or the same consonant):
/// "Libya" is not "Alabia", nor "Brak" "Abraq".
fn vowel_similarity(a: &[String], b: &[String]) -> Option<(f64, usize)> {
    let start = |s: &str| s.bytes().next().map(|c| if b"aeiu".contains(&c) { b'a' } else { c });
    let mut best: Option<(f64, usize)> = None;
    for x in a {
        for y in b.iter().filter(|y| start(y) == start(x)) {
            let sim = strsim::normalized_levenshtein(x, y);
            if best.is_none_or(|(s, _)| sim > s) {
                best = Some((sim, x.len().min(y.len())));
            }
        }
    }
    best
}

#[derive(Debug, Clone, Copy)]
enum Preference {
    Kind(PlaceKind),
    Hint(Generic),
    Settlements,
}

impl Preference {
    /// Whether `kind` is in the preferred class.
    fn class(self, kind: PlaceKind) -> bool {
        match self {
            Preference::Kind(p) => {
                p == kind
                    || (p.is_settlement() && kind.is_settlement())
                    || (matches!(p, PlaceKind::Region | PlaceKind::District)
                        && matches!(kind, PlaceKind::Region | PlaceKind::District))
            }
            Preference::Hint(h) => h.accepts(kind),
            Preference::Settlements => kind.is_settlement(),
        }
    }
}

struct Ranked {
    place: PlaceIx,
    entry: u32,
    score: f64,
    class: bool,
    rank: f64,
}
