//! Places named to say where something else is. "The main airport in the capital Tripoli" is the
//! airport, not Tripoli; "their base in southeast Benghazi" is a base, not Benghazi; "the 12 Flats
//! area in Ganfuda" is 12 Flats; "Tripoli's Sog al-Khmies district" is the district. A facility
//! the gazetteer knows by its town's name ("Tripoli international airport", "Benghazi port")
//! replaces the town; otherwise the town is marked a locator, which no claim takes.

use super::places::PlaceRef;
use super::text::Token;
use crate::model::{PlaceIx, PlaceKind};

/// Nouns for sites inside a town, and how the gazetteer may name one after its town ("{}" is the
/// town). A noun with no pattern ("base", "camp") is never looked up: too many share the name.
const SITES: &[(&str, &[&str])] = &[
    ("airport", &["{} international airport", "{} airport"]),
    ("airfield", &["{} airport"]),
    ("airbase", &["{} air base", "{} airbase"]),
    ("port", &["{} port"]),
    ("harbour", &["{} port"]),
    ("seaport", &["{} port"]),
    ("citadel", &["{} castle", "{} citadel"]),
    ("castle", &["{} castle", "{} citadel"]),
    ("refinery", &["{} refinery"]),
    ("base", &[]),
    ("camp", &[]),
    ("barracks", &[]),
    ("prison", &[]),
    ("hotel", &[]),
    ("headquarters", &[]),
    ("palace", &[]),
    ("palaces", &[]),
    ("compound", &[]),
];

/// Site nouns a place of these kinds is itself: "the oil port of Es Sider" is the terminal, not a
/// port in it; "the airport of Jufra" is the airbase when the gazetteer holds Jufra as one.
fn is_itself(noun: &str, kind: PlaceKind) -> bool {
    match noun {
        "port" | "harbour" | "seaport" | "refinery" => kind == PlaceKind::OilTerminal,
        "airport" | "airfield" | "airbase" => kind == PlaceKind::Airbase,
        _ => false,
    }
}

/// Words for the whole a part sits in: a place after these, following another place, locates it.
const LOCATING: &[&str] = &["in", "of", "at", "near", "outside"];
/// Words that may stand between the two ("the 12 Flats area, in south-west Benghazi"), with the
/// points of the compass (`between`).
const BETWEEN: &[&str] = &[
    "the",
    ",",
    "-",
    "area",
    "district",
    "neighbourhood",
    "neighborhood",
    "centre",
    "center",
    "capital",
    "city",
    "town",
    "eastern",
    "western",
    "southern",
    "northern",
    "central",
    "coastal",
    "heart",
    "outskirts",
];

fn between(word: &str) -> bool {
    BETWEEN.contains(&word) || super::lexicon::COMPASS_POINTS.contains(&word)
}

/// A known site named after its town: the place and the name the gazetteer matched.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<(PlaceIx, String)>;

/// Marks locating places and replaces a town by the site in it that the gazetteer knows. `taken(k)`
/// is true for tokens of faction names; `name_of` gives a place's name.
pub fn resolve(
    tokens: &[Token],
    places: &mut Vec<PlaceRef>,
    taken: impl Fn(usize) -> bool,
    lookup: Lookup,
    name_of: impl Fn(PlaceIx) -> (String, PlaceKind),
) {
    for k in 0..tokens.len() {
        // "the air base in Brak" is an airbase, not a base of any kind.
        let air = tokens[k].stem() == "base" && k > 0 && tokens[k - 1].lower == "air";
        let noun = if air { "airbase" } else { tokens[k].stem() };
        let Some((_, patterns)) = SITES.iter().find(|(w, _)| *w == noun) else { continue };
        if taken(k) || places.iter().any(|p| !p.anaphor && p.first <= k && k < p.end) {
            continue;
        }
        // "the Benghazi port area": the town's name right before the noun. Only a site the
        // gazetteer knows replaces it; else the name stays what it was ("Mitiga airport").
        let adjacent = places.iter().position(|p| !p.anaphor && p.end == k && k > 0);
        let Some((owner, start, end)) =
            adjacent.map(|i| (i, places[i].first, k + 1)).or_else(|| owner(tokens, places, k))
        else {
            continue;
        };
        let town = places[owner];
        let (town_name, kind) = name_of(town.place);
        if is_itself(noun, kind) {
            continue;
        }
        let site = patterns.iter().find_map(|pattern| {
            let (place, matched) = lookup(&pattern.replace("{}", &town_name))?;
            let head = pattern.rsplit(' ').next().unwrap_or("");
            (place != town.place && matched.to_lowercase().contains(head)).then_some(place)
        });
        match site {
            Some(place) => {
                places.retain(|p| p.end <= start || p.first >= end);
                places.push(PlaceRef {
                    first: start,
                    end,
                    place,
                    anaphor: false,
                    ambiguous: false,
                    locator: false,
                });
            }
            None if adjacent.is_none() => places[owner].locator = true,
            None => {}
        }
    }
    for i in 0..places.len() {
        if locates(tokens, places, i) {
            places[i].locator = true;
        }
    }
    places.sort_by_key(|p| p.first);
}

/// The town a site noun at `k` belongs to ("the airport in Tripoli", "the city's citadel"): its index
/// in `places`, and the tokens the whole phrase spans.
fn owner(tokens: &[Token], places: &[PlaceRef], k: usize) -> Option<(usize, usize, usize)> {
    // "Sabha's citadel", "the southwestern city's historic Citadel".
    let mut b = k;
    while b > 0 && k - b < 3 && tokens[b - 1].word && !tokens[b - 1].lower.ends_with("'s") {
        b -= 1;
    }
    if let Some(i) = places.iter().position(|p| p.end == b && b > 0 && tokens[b - 1].lower.ends_with("'s")) {
        return Some((i, places[i].first, k + 1));
    }
    // "the main airport in the capital Tripoli", "the port of Benghazi".
    let mut j = k + 1;
    if !tokens.get(j).is_some_and(|t| LOCATING.contains(&t.lower.as_str())) {
        return None;
    }
    j += 1;
    while j < tokens.len() && j < k + 8 && places.iter().all(|p| p.first != j) {
        if !between(&tokens[j].lower) && !LOCATING.contains(&tokens[j].lower.as_str()) {
            return None;
        }
        j += 1;
    }
    let i = places.iter().position(|p| p.first == j)?;
    // Back to the phrase's determiner ("the main airport"), if there is one near.
    let start = (k.saturating_sub(4)..k)
        .rev()
        .take_while(|&b| tokens[b].word && !tokens[b].capital)
        .find(|&b| matches!(tokens[b].lower.as_str(), "the" | "a" | "an" | "its" | "their" | "his"))
        .unwrap_or(k);
    Some((i, start, places[i].end))
}

/// Whether place `i` only says where the place before it is: "the 12 Flats area in Ganfuda",
/// "Tripoli's southern Sog al-Khmies district" (the possessive town locates the district).
fn locates(tokens: &[Token], places: &[PlaceRef], i: usize) -> bool {
    let p = places[i];
    let possessive = tokens[p.end - 1].lower.ends_with("'s")
        && places
            .iter()
            .any(|q| q.first >= p.end && q.first <= p.end + 2 && (p.end..q.first).all(|j| tokens[j].word));
    if possessive {
        return true;
    }
    let Some(prev) = places.iter().filter(|q| q.end <= p.first && !q.locator).max_by_key(|q| q.end) else {
        return false;
    };
    // Another locating place may stand between ("12 Flats area in Ganfuda, in south-west Benghazi").
    let in_locator = |j: usize| places.iter().any(|q| q.locator && q.first <= j && j < q.end);
    let words = |j: usize| tokens[j].lower.as_str();
    (prev.end..p.first).any(|j| LOCATING.contains(&words(j)))
        && (prev.end..p.first).all(|j| between(words(j)) || LOCATING.contains(&words(j)) || in_locator(j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::tokenize;

    /// Place 0 is the town "Benghazi" (at the token of that word), 1 its port, 2 "Mitiga" (an
    /// airport the gazetteer knows by that name alone), 3 Benghazi's air base, 4 the oil terminal
    /// "Sidra".
    fn read(text: &str) -> Vec<(PlaceIx, bool)> {
        let tokens = tokenize(text, 0);
        let mut places: Vec<PlaceRef> = tokens
            .iter()
            .enumerate()
            .filter_map(|(k, t)| {
                let place = match t.stem() {
                    "benghazi" => 0,
                    "mitiga" => 2,
                    "sidra" => 4,
                    _ => return None,
                };
                Some(PlaceRef {
                    first: k,
                    end: k + 1,
                    place,
                    anaphor: false,
                    ambiguous: false,
                    locator: false,
                })
            })
            .collect();
        let lookup = |q: &str| match q {
            "Benghazi port" => Some((1, q.to_string())),
            "Benghazi air base" => Some((3, q.to_string())),
            _ => None,
        };
        let name_of = |p: PlaceIx| {
            let (name, kind) = [
                ("Benghazi", PlaceKind::City),
                ("Benghazi port", PlaceKind::Neighbourhood),
                ("Mitiga", PlaceKind::Airbase),
                ("Benghazi air base", PlaceKind::Airbase),
                ("Sidra", PlaceKind::OilTerminal),
            ][p as usize];
            (name.to_string(), kind)
        };
        resolve(&tokens, &mut places, |_| false, &lookup, name_of);
        places.iter().map(|p| (p.place, p.locator)).collect()
    }

    #[test]
    fn a_site_named_after_its_town_replaces_the_town() {
        let cases: &[(&str, &[(PlaceIx, bool)])] = &[
            ("the port of Benghazi", &[(1, false)]),
            ("Benghazi's port", &[(1, false)]),
            ("the Benghazi port area", &[(1, false)]),
            ("Benghazi port", &[(1, false)]),
            ("the Mitiga airport", &[(2, false)]),
            ("the airport of Mitiga", &[(2, false)]),
            ("the oil port of Sidra", &[(4, false)]),
            ("the port in Sidra", &[(4, false)]),
            ("Benghazi", &[(0, false)]),
            ("the air base in Benghazi", &[(3, false)]),
            ("the base in Benghazi", &[(0, true)]),
        ];
        for (text, want) in cases {
            assert_eq!(read(text), want.to_vec(), "{text:?}");
        }
    }
}
