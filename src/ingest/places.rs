//! Places in a sentence: gazetteer mentions, phrases that point back at one ("the town", "a key
//! airbase"), and capitalised names in place positions that the gazetteer does not know.

use super::text::{Token, tokenize};
use crate::model::{Place, PlaceIx, PlaceKind, PlaceOrigin};

/// A place at tokens `first..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceRef {
    pub first: usize,
    pub end: usize,
    pub place: PlaceIx,
    /// Found by pointing back ("the town") rather than by name.
    pub anaphor: bool,
    /// The name fits other places about as well.
    pub ambiguous: bool,
    /// Named only to say where something else is ("the airport in Tripoli"): no claim takes it.
    pub locator: bool,
}

/// The curated places' names of two words or more, in any case: journalists write "the oil
/// crescent" for the Oil Crescent, and the gazetteer reads only capitalised names in running text.
#[derive(Debug, Clone, Default)]
pub struct LowerNames {
    /// Token sequences, longest first.
    names: Vec<(Vec<String>, PlaceIx)>,
}

impl LowerNames {
    pub fn new(places: &[Place]) -> Self {
        let mut names = Vec::new();
        for (ix, place) in places.iter().enumerate().filter(|(_, p)| p.origin == PlaceOrigin::Curated) {
            for alias in place.names() {
                let words: Vec<String> = tokenize(alias, 0).into_iter().map(|t| t.lower).collect();
                let article = words.get(1).is_some_and(|w| w == "-");
                // "12 Flats", "Gate 27": numbers are words here too.
                let long = |w: &String| w.chars().count() >= 3 || w.chars().all(|c| c.is_ascii_digit());
                if words.len() >= 2 && !article && words.iter().all(long) {
                    names.push((words, ix as PlaceIx));
                }
            }
        }
        names.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        LowerNames { names }
    }

    /// Spans `(first, end, place)` of these names in the tokens.
    pub fn find(&self, tokens: &[Token]) -> Vec<(usize, usize, PlaceIx)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let found = self.names.iter().find(|(words, _)| {
                tokens
                    .get(i..i + words.len())
                    .is_some_and(|span| span.iter().zip(words).all(|(t, w)| t.lower == *w))
            });
            match found {
                Some((words, place)) => {
                    out.push((i, i + words.len(), *place));
                    i += words.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

/// What kind of place a pointing phrase can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindClass {
    Town,
    City,
    Airbase,
    Crossing,
    Terminal,
    Region,
    /// "the district", "the neighbourhood": a quarter of a city, or a district.
    Quarter,
}

impl KindClass {
    /// Whether a place of `kind`, named `sentences_back` sentences before, may be meant. A journalist
    /// may call a town a city, but only in the sentence that names it.
    pub fn accepts(self, kind: PlaceKind, sentences_back: usize) -> bool {
        match self {
            KindClass::Town => kind == PlaceKind::Town,
            KindClass::City => kind == PlaceKind::City || (kind == PlaceKind::Town && sentences_back == 0),
            KindClass::Airbase => kind == PlaceKind::Airbase,
            KindClass::Crossing => kind == PlaceKind::BorderCrossing,
            KindClass::Terminal => kind == PlaceKind::OilTerminal,
            KindClass::Region => matches!(kind, PlaceKind::Region | PlaceKind::District),
            KindClass::Quarter => matches!(kind, PlaceKind::Neighbourhood | PlaceKind::District),
        }
    }
}

/// A pointing phrase at tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anaphor {
    pub first: usize,
    pub end: usize,
    pub class: KindClass,
    /// How many places a plural phrase points at: `Some(2)` for "both ports" or "the two towns",
    /// `Some(0)` for "these ports" (all those of the last sentence that named some); `None` for one.
    pub count: Option<usize>,
}

fn class_of(word: &str) -> Option<KindClass> {
    Some(match word {
        "town" => KindClass::Town,
        "city" => KindClass::City,
        "base" | "airbase" | "airport" | "airfield" => KindClass::Airbase,
        "crossing" => KindClass::Crossing,
        "terminal" | "port" => KindClass::Terminal,
        "region" => KindClass::Region,
        "district" | "neighbourhood" | "neighborhood" | "suburb" | "quarter" => KindClass::Quarter,
        _ => return None,
    })
}

/// Plural nouns for places, for "both ports", "these towns".
fn plural_class(word: &str) -> Option<KindClass> {
    Some(match word {
        "towns" => KindClass::Town,
        "cities" => KindClass::City,
        "bases" | "airbases" | "airports" => KindClass::Airbase,
        "crossings" => KindClass::Crossing,
        "terminals" | "ports" => KindClass::Terminal,
        _ => return None,
    })
}

/// Participles that fuse with a side into a modifier ("GNA-held", "Haftar-controlled").
const FUSED: &[&str] = &["held", "controlled", "occupied", "led", "backed", "run", "allied", "aligned"];

const DETERMINERS: &[&str] = &["the", "this", "that", "a", "both", "these", "those"];
const PLURAL_DETERMINERS: &[&str] = &["both", "these", "those"];
const COUNTS: &[(&str, usize)] = &[("two", 2), ("three", 3), ("four", 4)];
/// Words that end the run of modifiers between a determiner and its noun.
const NOT_MODIFIERS: &[&str] =
    &["of", "and", "or", "to", "in", "on", "from", "by", "with", "for", "at", "as"];

/// "Qasr bin Ghashir, a district on the road", "Gharyan, an LNA-held town": the named place that an
/// indefinite phrase starting at token `article` stands in apposition to.
pub fn apposition_to<'p>(tokens: &[Token], places: &'p [PlaceRef], article: usize) -> Option<&'p PlaceRef> {
    let indefinite = tokens.get(article).is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"));
    if article < 2 || !indefinite || tokens[article - 1].lower != "," {
        return None;
    }
    places.iter().find(|p| p.end == article - 1 && !p.anaphor && !p.locator)
}

/// "the town", "a key airbase", "the eastern coastal city", "the town's" (not "the town of X", whose X
/// is named, nor a name's own generic word). `taken(k)` is true for tokens of names.
pub fn anaphors(tokens: &[Token], taken: impl Fn(usize) -> bool) -> Vec<Anaphor> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        if !DETERMINERS.contains(&tokens[i].lower.as_str()) || taken(i) {
            continue;
        }
        let mut k = i + 1;
        let mut reach = i + 3;
        while k < tokens.len() && k <= reach {
            // "the GNA-controlled city": a side fused to a participle is a modifier too.
            if taken(k)
                && tokens.get(k + 1).is_some_and(|t| t.is("-"))
                && tokens.get(k + 2).is_some_and(|t| FUSED.contains(&t.lower.as_str()))
            {
                k += 3;
                reach += 3;
                continue;
            }
            let t = &tokens[k];
            if taken(k) || !t.word || t.capital || NOT_MODIFIERS.contains(&t.lower.as_str()) {
                break;
            }
            // Modifiers are adjectives: not another determiner, a participle or a plural noun.
            let noun_like = class_of(t.stem()).is_some()
                || plural_class(&t.lower).is_some()
                || matches!(t.lower.as_str(), "air" | "border" | "oil");
            if k > i + 1 && !noun_like && DETERMINERS.contains(&t.lower.as_str()) {
                break;
            }
            if !noun_like && (t.lower.ends_with("ing") || t.lower.ends_with('s')) {
                break;
            }
            let (mut noun, mut end) = (t.stem(), k + 1);
            if (t.lower == "air" || t.lower == "border" || t.lower == "oil")
                && let Some(next) = tokens.get(k + 1)
                && matches!(next.stem(), "base" | "crossing" | "post" | "terminal")
            {
                noun = if next.stem() == "post" { "crossing" } else { next.stem() };
                end = k + 2;
            }
            let det = tokens[i].lower.as_str();
            let plural_det = PLURAL_DETERMINERS.contains(&det);
            let number =
                (i + 1..k).find_map(|j| COUNTS.iter().find(|(w, _)| tokens[j].lower == *w).map(|c| c.1));
            let named_after = tokens.get(end).is_some_and(|n| n.lower == "of" || n.capital || taken(end));
            if let Some(class) = plural_class(&t.lower) {
                // "both ports", "the two towns", "these terminals" (never a bare "the ports").
                let count = match (det, number) {
                    ("both", _) => Some(2),
                    (_, Some(n)) => Some(n),
                    ("these" | "those", None) => Some(0),
                    _ => None,
                };
                if let (Some(count), false) = (count, named_after) {
                    out.push(Anaphor { first: i, end, class, count: Some(count) });
                }
                break;
            }
            if let Some(class) = class_of(noun) {
                if !named_after && !plural_det {
                    out.push(Anaphor { first: i, end, class, count: None });
                }
                break;
            }
            k += 1;
        }
    }
    out
}

/// Words that open a place name's position: "the town of X", "near X".
const NAME_CUES: &[&str] = &[
    "town",
    "towns",
    "city",
    "village",
    "villages",
    "oasis",
    "port",
    "district",
    "suburb",
    "outskirts",
    "region",
];

/// Capitalised words that look like names but are not places.
const NOT_PLACES: &[&str] = &[
    "libya",
    "tunisia",
    "egypt",
    "algeria",
    "chad",
    "niger",
    "sudan",
    "turkey",
    "russia",
    "italy",
    "france",
    "europe",
    "africa",
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
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "the",
    "un",
    "reuters",
    "afp",
    "ap",
];

/// Spans (tokens `first..end`) in place positions whose words are capitalised but are not a known
/// place or faction. `taken(k)` is true for tokens already read as a place or faction.
pub fn name_candidates(tokens: &[Token], taken: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let start = if NAME_CUES.contains(&t.lower.as_str()) && tokens.get(i + 1).is_some_and(|n| n.is("of"))
        {
            i + 2
        } else if matches!(t.lower.as_str(), "near" | "outside") {
            i + 1
        } else {
            continue;
        };
        let mut k = start;
        while let Some(end) = name_run(tokens, k) {
            if !(k..end).any(&taken) && !NOT_PLACES.contains(&tokens[k].stem()) {
                out.push((k, end));
            }
            k = end;
            if tokens.get(k).is_some_and(|t| t.is(",")) {
                k += 1;
            }
            if tokens.get(k).is_some_and(|t| t.is("and")) {
                k += 1;
            }
            if k == end {
                break;
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A run of capitalised words (with "al-" style articles and hyphens) starting at `k`.
fn name_run(tokens: &[Token], k: usize) -> Option<usize> {
    let mut j = k;
    while let Some(t) = tokens.get(j) {
        let article = matches!(t.lower.as_str(), "al" | "el" | "ad" | "ar" | "as" | "az" | "ash")
            && tokens.get(j + 1).is_some_and(|n| n.is("-"));
        // "Qasr bin Ghashir", "Bir al Ghanam"
        let connector = j > k
            && matches!(t.lower.as_str(), "bin" | "ben" | "ibn" | "bu" | "abu" | "al" | "el" | "wadi")
            && tokens.get(j + 1).is_some_and(|n| n.word && n.capital);
        let joiner = t.is("-") && j > k && tokens.get(j + 1).is_some_and(|n| n.capital);
        if (t.word && t.capital) || article || joiner || connector {
            j += 1;
        } else {
            break;
        }
    }
    (j > k && tokens[j - 1].word).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn spans(text: &str, f: impl Fn(&[Token]) -> Vec<(usize, usize)>) -> Vec<String> {
        let tokens = tokenize(text, 0);
        f(&tokens).iter().map(|&(a, b)| text[tokens[a].start..tokens[b - 1].end].to_string()).collect()
    }

    #[test]
    fn pointing_phrases_are_found_but_not_named_places() {
        let cases: &[(&str, &[&str])] = &[
            ("regained the town after", &["the town"]),
            ("retook a key town from", &["a key town"]),
            ("on the town's borders", &["the town's"]),
            ("the eastern coastal city, home to", &["the eastern coastal city"]),
            ("sealed the crossing and the border post", &["the crossing", "the border post"]),
            ("the town of Waddan", &[]),
            ("the city Derna", &[]),
            ("a number of oasis towns", &[]),
            ("the areas surrounding the city", &["the city"]),
            ("took control of both ports", &["both ports"]),
            ("its forces still held the district", &["the district"]),
            ("an offensive on the GNA-controlled city", &["the GNA-controlled city"]),
            ("the LNA controlled both oil ports", &["both oil ports"]),
            ("to take and control these ports for", &["these ports"]),
            ("the two towns of Hun and Waddan", &[]),
        ];
        for (text, want) in cases {
            // "GNA" stands for a side's name found elsewhere.
            let got = spans(text, |t| {
                anaphors(t, |k| t[k].lower == "gna").iter().map(|a| (a.first, a.end)).collect()
            });
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
    }

    #[test]
    fn capitalised_names_in_place_positions_are_candidates() {
        let cases: &[(&str, &[&str])] = &[
            ("the towns of Waddan, Hun and Sawkna", &["Waddan", "Hun", "Sawkna"]),
            ("fighting near Qasr al-Akhyar today", &["Qasr al-Akhyar"]),
            ("clashes near Qasr bin Ghashir, south", &["Qasr bin Ghashir"]),
            ("the city of Misrata in May", &["Misrata"]),
            ("outside Libya", &[]),
            ("the town of a", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(spans(text, |t| name_candidates(t, |_| false)), want.to_vec(), "{text:?}");
        }
    }
}
