//! Sides described rather than named: "pro-government forces", "the army", "Islamist militias".
//! What a description means depends on when the article was written and on the article itself:
//!
//! - "government forces" are the forces of the internationally recognised government, which was
//!   the eastern government allied with the Libyan National Army from mid-2014 until the Government
//!   of National Accord took office in Tripoli (April 2016), and the GNA after that;
//! - "the army" is the Libyan National Army, the eastern army's own name, from mid-2014; in the
//!   2019-20 war an outlet that calls Haftar's forces "militias" calls the GNA's "the army" instead;
//! - "Islamist fighters" is the one Islamist side the article names (Libya Dawn, the Benghazi or
//!   Derna councils, Ansar al-Sharia, the Defence Brigades, Islamic State), and nobody when it names
//!   none or several.
//!
//! A description becomes a faction mention (marked as found indirectly, like a patron word), so the
//! rest of the reading treats it as a side's name.

use super::factions::FactionMention;
use super::text::Token;
use crate::dataset::Dataset;
use crate::model::{FactionIx, PartialDate};
use chrono::NaiveDate;

/// Nouns for armed men that a description qualifies.
const FORCE_NOUNS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "fighters",
    "militias",
    "militia",
    "soldiers",
    "units",
    "militants",
    "militiamen",
    "brigades",
    "groups",
    "rivals",
];
/// "government-backed forces", "Islamist-led militias".
const TIE_WORDS: &[&str] = &["backed", "allied", "aligned", "led", "affiliated", "supported", "linked"];
/// Words before "army" that make it Libya's ("the Libyan army", "the national army").
const ARMY_BEFORE: &[&str] = &["the", "libyan", "national", "libya's", "its", "regular", "eastern"];
/// Nouns after "army" that make it a modifier of a thing, not the side ("an army training centre").
const ARMY_THINGS: &[&str] = &[
    "training",
    "base",
    "bases",
    "camp",
    "camps",
    "barracks",
    "headquarters",
    "depot",
    "hospital",
    "vehicle",
    "vehicles",
    "uniform",
    "uniforms",
    "officer",
    "officers",
    "defector",
    "defectors",
    "post",
];
/// The sides an article may call "Islamists", by id.
const ISLAMIST_SIDES: &[&str] =
    &["libya-dawn", "bsrc", "ansar-al-sharia", "derna-militias", "bdb", "islamic-state"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Government,
    Army,
    Islamist,
}

/// What the whole article says that a description's meaning depends on.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// The sides the article names by an alias.
    named: Vec<FactionIx>,
    /// It calls Haftar's forces militias ("Haftar's militias", "the Haftar militia").
    haftar_militias: bool,
}

impl Profile {
    pub fn of(sentences: &[(Vec<Token>, Vec<FactionMention>)]) -> Self {
        let mut profile = Profile::default();
        for (tokens, mentions) in sentences {
            for m in mentions {
                if !profile.named.contains(&m.faction) {
                    profile.named.push(m.faction);
                }
            }
            let militia = |t: &Token| matches!(t.lower.as_str(), "militia" | "militias" | "militiamen");
            profile.haftar_militias |= tokens.iter().enumerate().any(|(k, t)| {
                t.stem() == "haftar" && tokens[k + 1..(k + 4).min(tokens.len())].iter().any(militia)
            });
        }
        profile
    }
}

/// The description at token `i`, and where it ends.
fn kind_at(tokens: &[Token], i: usize) -> Option<(Kind, usize)> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let force = |k: usize| FORCE_NOUNS.contains(&word(k));
    // "government-backed forces": the qualifier, a hyphen, a tie word and the noun.
    let tied = |k: usize| word(k) == "-" && TIE_WORDS.contains(&word(k + 1)) && force(k + 2);
    match word(i) {
        "pro" if word(i + 1) == "-" && word(i + 2) == "government" && force(i + 3) => {
            Some((Kind::Government, i + 4))
        }
        "government" if force(i + 1) => Some((Kind::Government, i + 2)),
        "government" if tied(i + 1) => Some((Kind::Government, i + 4)),
        "internationally"
            if matches!(word(i + 1), "recognised" | "recognized") && word(i + 2) == "government" =>
        {
            let end = if force(i + 3) { i + 4 } else { i + 3 };
            Some((Kind::Government, end))
        }
        "islamist" if force(i + 1) => Some((Kind::Islamist, i + 2)),
        "islamist" if tied(i + 1) => Some((Kind::Islamist, i + 4)),
        _ if tokens.get(i).is_some_and(|t| t.stem() == "army") => {
            let before = i.checked_sub(1).map_or("", word);
            // "the Egyptian army": a capitalised word other than Libya's before it is another army.
            let foreign = i > 0 && tokens[i - 1].capital && !ARMY_BEFORE.contains(&before);
            let libyan = ARMY_BEFORE.contains(&before) || force(i + 1);
            let thing = ARMY_THINGS.contains(&word(i + 1));
            (libyan && !foreign && !thing).then(|| (Kind::Army, if force(i + 1) { i + 2 } else { i + 1 }))
        }
        _ => None,
    }
}

fn day(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The side a description names in an article published on `published`.
fn side(dataset: &Dataset, profile: &Profile, kind: Kind, published: NaiveDate) -> Option<FactionIx> {
    let id = |id: &str| dataset.faction_ix(id);
    let after = |y, m| day(y, m).is_some_and(|d| published >= d);
    match kind {
        Kind::Government if after(2016, 4) => id("gna"),
        Kind::Government if after(2014, 6) => id("lna"),
        Kind::Army if after(2019, 4) && profile.haftar_militias => id("gna"),
        Kind::Army if after(2014, 5) => id("lna"),
        Kind::Islamist => {
            let islamist: Vec<FactionIx> =
                ISLAMIST_SIDES.iter().filter_map(|s| id(s)).filter(|f| profile.named.contains(f)).collect();
            (islamist.len() == 1).then(|| islamist[0])
        }
        _ => None,
    }
}

/// Adds a mention for each description in a sentence that no alias already covers.
pub fn add(
    dataset: &Dataset,
    profile: &Profile,
    published: Option<PartialDate>,
    tokens: &[Token],
    mentions: &mut Vec<FactionMention>,
) {
    let Some(published) = published.map(|p| p.first_day()) else { return };
    let covered = |k: usize, mentions: &[FactionMention]| mentions.iter().any(|m| m.first <= k && k < m.end);
    let mut i = 0;
    while i < tokens.len() {
        let found = (!covered(i, mentions)).then(|| kind_at(tokens, i)).flatten();
        let Some((kind, end)) = found.filter(|&(_, end)| !(i..end).any(|k| covered(k, mentions))) else {
            i += 1;
            continue;
        };
        if let Some(faction) = side(dataset, profile, kind, published) {
            mentions.push(FactionMention { first: i, end, faction, by_patron: true });
        }
        i = end;
    }
    mentions.sort_by_key(|m| m.first);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::tokenize;

    #[test]
    fn descriptions_are_found_with_their_extent() {
        let cases: &[(&str, Option<(Kind, &str)>)] = &[
            ("pro-government forces", Some((Kind::Government, "pro-government forces"))),
            ("government troops", Some((Kind::Government, "government troops"))),
            ("government-backed militias", Some((Kind::Government, "government-backed militias"))),
            (
                "internationally recognized government",
                Some((Kind::Government, "internationally recognized government")),
            ),
            ("the army", None),
            ("army units", Some((Kind::Army, "army units"))),
            ("Islamist-led militias", Some((Kind::Islamist, "Islamist-led militias"))),
            ("Islamists", None),
            ("government officials", None),
            ("Egyptian army", None),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, 0);
            let got = kind_at(&tokens, 0).map(|(k, end)| (k, &text[..tokens[end - 1].end]));
            assert_eq!(got, *want, "{text:?}");
        }
        // "army" after a word: Libya's army, or a thing of an army.
        let after: &[(&str, Option<(Kind, usize)>)] = &[
            ("the army", Some((Kind::Army, 2))),
            ("the army's spokesman", Some((Kind::Army, 2))),
            ("an army training centre", None),
            ("the army base", None),
            ("the Egyptian army", None),
        ];
        for (text, want) in after {
            let tokens = tokenize(text, 0);
            let at = tokens.iter().position(|t| t.stem() == "army").unwrap_or(0);
            assert_eq!(kind_at(&tokens, at), *want, "{text:?}");
        }
    }
}
