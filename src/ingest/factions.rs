//! Faction names in running text: every alias of factions.csv, and the "patron" words that the
//! aliases use to name one side only (the commander in "Haftar's forces", "pro-Haftar",
//! "Haftar-linked forces" gives "Haftar", so "Haftar's troops" is found too).

use super::text::{Token, tokenize};
use crate::gazetteer::skeleton;
use crate::model::{Faction, FactionIx};
use std::collections::HashMap;

/// Capitalised words that name no side by themselves, however the aliases use them.
const NOT_PATRONS: &[&str] = &[
    "libya",
    "libyan",
    "libyans",
    "national",
    "forces",
    "force",
    "army",
    "government",
    "state",
    "islamic",
    "council",
    "brigades",
    "brigade",
    "operation",
    "defence",
    "defense",
    "united",
    "nations",
    "arab",
    "armed",
    "general",
    "east",
    "eastern",
    "west",
    "western",
    "south",
    "north",
    "army's",
    "the",
    "forces'",
    "unity",
    "accord",
    "shura",
    "protection",
    "group",
    "front",
    // Words of one side's aliases that other names share: "Khalifa al-Ghawil", "Special Forces",
    // "Peace talks".
    "khalifa",
    "ibrahim",
    "special",
    "peace",
    "storm",
    "anger",
    "solid",
    "third",
    "facilities",
    "petroleum",
];

/// "the Presidential Guard", "the Coast Guard": a Guard named by the word before it is not the one
/// whose name gives "Guard" alone ("Guard commanders said").
fn other_guard(tokens: &[Token], i: usize) -> bool {
    let named_by = |t: &Token| t.capital && t.word && !matches!(t.lower.as_str(), "the" | "a" | "an");
    matches!(tokens[i].stem(), "guard" | "guards") && i > 0 && named_by(&tokens[i - 1])
}

#[derive(Debug, Clone)]
struct Alias {
    /// Lower-case tokens.
    words: Vec<String>,
    /// Tokens written in capitals in the alias ("LNA"), which must be capitals in the text too.
    acronym: Vec<bool>,
    faction: FactionIx,
}

/// A faction named at tokens `first..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactionMention {
    pub first: usize,
    pub end: usize,
    pub faction: FactionIx,
    /// Found through a patron word rather than a whole alias.
    pub by_patron: bool,
}

#[derive(Debug, Clone, Default)]
pub struct FactionMatcher {
    by_first: HashMap<String, Vec<Alias>>,
    patrons: HashMap<String, FactionIx>,
    /// Consonant skeletons of the patrons, so other spellings count ("Hifter", "Hafter").
    skeletons: HashMap<String, FactionIx>,
}

/// Whether token `t` is the acronym `w` in capitals as written, dotted ("U.N.") or not ("UN").
fn written_as_acronym(text: &str, t: &Token, w: &str) -> bool {
    let plain = text.get(t.start..t.start + w.len()).is_some_and(|s| s.to_lowercase() == *w && is_acronym(s));
    let dotted = text.get(t.start..t.end).is_some_and(|s| {
        let letters: String = s.chars().filter(|c| *c != '.').collect();
        s.contains('.') && letters.to_lowercase() == *w && is_acronym(&letters)
    });
    plain || dotted
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

impl FactionMatcher {
    /// `is_place` keeps place names ("Benghazi" in "Benghazi Defence Brigades") from becoming patrons.
    pub fn new(factions: &[Faction], is_place: impl Fn(&str) -> bool) -> Self {
        let mut by_first: HashMap<String, Vec<Alias>> = HashMap::new();
        let mut uses: HashMap<String, HashMap<FactionIx, usize>> = HashMap::new();
        for (ix, faction) in factions.iter().enumerate() {
            let ix = ix as FactionIx;
            let names =
                std::iter::once(faction.short_name()).chain(faction.aliases.iter().map(String::as_str));
            for name in names {
                let tokens = tokenize(name, 0);
                let Some(first) = tokens.first() else { continue };
                let words: Vec<String> = tokens.iter().map(|t| t.lower.clone()).collect();
                let acronym = tokens.iter().map(|t| is_acronym(&name[t.start..t.end])).collect();
                let list = by_first.entry(first.lower.clone()).or_default();
                if !list.iter().any(|a| a.words == words && a.faction == ix) {
                    list.push(Alias { words, acronym, faction: ix });
                }
                let mut seen = Vec::new();
                for t in tokens.iter().filter(|t| t.word && t.capital && !is_acronym(&name[t.start..t.end])) {
                    let stem = t.stem().to_string();
                    if !seen.contains(&stem) {
                        *uses.entry(stem.clone()).or_default().entry(ix).or_default() += 1;
                        seen.push(stem);
                    }
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.words.len()));
        }
        let patrons: HashMap<String, FactionIx> = uses
            .into_iter()
            .filter_map(|(word, by_faction)| {
                let mut it = by_faction.into_iter();
                let (faction, n) = it.next()?;
                let only_one = it.next().is_none();
                let fit = only_one
                    && n >= 2
                    && word.chars().count() >= 4
                    && !NOT_PATRONS.contains(&word.as_str())
                    && !is_place(&word);
                fit.then_some((word, faction))
            })
            .collect();
        let mut skeletons: HashMap<String, Option<FactionIx>> = HashMap::new();
        for (word, &faction) in &patrons {
            let key = skeleton(word);
            if key.len() >= 4 {
                let slot = skeletons.entry(key).or_insert(Some(faction));
                if *slot != Some(faction) {
                    *slot = None;
                }
            }
        }
        let skeletons = skeletons.into_iter().filter_map(|(k, f)| f.map(|f| (k, f))).collect();
        FactionMatcher { by_first, patrons, skeletons }
    }

    fn patron_of(&self, t: &Token) -> Option<FactionIx> {
        if !t.capital || !t.word {
            return None;
        }
        if let Some(&f) = self.patrons.get(t.stem()) {
            return Some(f);
        }
        let stem = t.stem();
        (stem.chars().count() >= 5).then(|| self.skeletons.get(&skeleton(stem)).copied()).flatten()
    }

    /// The patron words and their factions, sorted.
    pub fn patrons(&self) -> Vec<(&str, FactionIx)> {
        let mut out: Vec<(&str, FactionIx)> = self.patrons.iter().map(|(w, &f)| (w.as_str(), f)).collect();
        out.sort();
        out
    }

    /// Faction mentions in a sentence's tokens, longest alias first, left to right.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<FactionMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(m) = self.alias_at(text, tokens, i) {
                i = m.end;
                out.push(m);
            } else if let Some(faction) = self.patron_of(&tokens[i]).filter(|_| !other_guard(tokens, i)) {
                out.push(FactionMention { first: i, end: i + 1, faction, by_patron: true });
                i += 1;
            } else {
                i += 1;
            }
        }
        out
    }

    fn alias_at(&self, text: &str, tokens: &[Token], i: usize) -> Option<FactionMention> {
        let first = &tokens[i];
        let candidates = self.by_first.get(&first.lower).or_else(|| self.by_first.get(first.stem()))?;
        candidates.iter().find_map(|alias| {
            let n = alias.words.len();
            let span = tokens.get(i..i + n)?;
            let fits =
                span.iter().zip(&alias.words).zip(&alias.acronym).enumerate().all(|(k, ((t, w), &acr))| {
                    let same = t.lower == *w || (k + 1 == n && t.stem() == w);
                    let case_ok = !acr || written_as_acronym(text, t, w);
                    same && case_ok
                });
            fits.then_some(FactionMention { first: i, end: i + n, faction: alias.faction, by_patron: false })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rgb;

    fn faction(id: &str, aliases: &[&str]) -> Faction {
        Faction {
            id: id.into(),
            name: id.to_uppercase(),
            color: Rgb([1, 2, 3]),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            bloc: String::new(),
        }
    }

    fn matcher() -> FactionMatcher {
        let factions = [
            faction(
                "lna",
                &[
                    "LNA",
                    "Haftar's forces",
                    "pro-Haftar forces",
                    "Libyan National Army",
                    "Khalifa Haftar",
                    "Khalifa Haftar's forces",
                ],
            ),
            faction("gna", &["GNA", "Tripoli government", "UN-backed government"]),
            faction("bdb", &["Benghazi Defence Brigades", "Defend Benghazi Brigades"]),
            faction("dawn", &["Libya Dawn", "Tripoli-based government"]),
            faction("pfg", &["Petroleum Facilities Guard", "Petroleum Facility Guard"]),
        ];
        FactionMatcher::new(&factions, |w| w == "benghazi")
    }

    #[test]
    fn aliases_and_patrons_are_found_longest_first() {
        let m = matcher();
        assert_eq!(m.patrons(), vec![("guard", 4), ("haftar", 0)]);
        let cases: &[(&str, &[(&str, u32)])] = &[
            ("Haftar's forces took it", &[("Haftar's forces", 0)]),
            ("Haftar’s troops and the LNA's men", &[("Haftar’s", 0), ("LNA's", 0)]),
            ("Hifter's forces", &[("Hifter's", 0)]),
            ("forces of Khalifa al-Ghawil", &[]),
            ("Guard commanders said", &[("Guard", 4)]),
            ("The Guard retook it", &[("Guard", 4)]),
            ("the Presidential Guard took it", &[]),
            ("the Libyan National Army", &[("Libyan National Army", 0)]),
            ("the Benghazi Defence Brigades left Benghazi", &[("Benghazi Defence Brigades", 2)]),
            ("the UN-backed government", &[("UN-backed government", 1)]),
            ("the U.N.-backed government", &[("U.N.-backed government", 1)]),
            ("an un-backed government", &[]),
            ("an lna man, the gna", &[]),
            (
                "the Tripoli government and a Tripoli-based government",
                &[("Tripoli government", 1), ("Tripoli-based government", 3)],
            ),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, 0);
            let got: Vec<(&str, u32)> = m
                .find(text, &tokens)
                .iter()
                .map(|f| (&text[tokens[f.first].start..tokens[f.end - 1].end], f.faction))
                .collect();
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
    }
}
