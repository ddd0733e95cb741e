//! Who speaks in a sentence: a party to the fight ("a spokesman for the LNA said"), someone speaking
//! on again ("he said", a quotation), an unnamed spokesman, or a neutral source ("officials said").

use super::factions::FactionMention;
use super::text::Token;
use crate::model::FactionIx;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// A side's spokesperson, commander or statement, named with the side.
    Faction { faction: FactionIx, at: usize },
    /// "he said", "the spokesman said", or a quotation with no speaker: the last speaker goes on.
    Continuing,
    /// "a spokesman said", with no side named.
    Unattributed,
    /// Someone not named as a party: officials, residents, sources, an outlet.
    Neutral,
    /// Nobody is quoted.
    Nobody,
}

const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "announces",
    "claimed",
    "claims",
    "stated",
    "added",
    "confirmed",
    "declared",
    "according",
    "insisted",
    "reported",
    "denied",
];

const SPEAKER_NOUNS: &[&str] = &[
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "spokesmen",
    "commander",
    "commanders",
    "statement",
    "officials",
    "official",
    "officer",
    "officers",
    "leader",
    "office",
    "sources",
    "source",
];

const SPOKESPEOPLE: &[&str] = &["spokesman", "spokesperson", "spokeswoman", "spokesmen"];

/// How many tokens after "according" the side it cites may end.
const ACCORDING_REACH: usize = 12;

pub fn is_speech(word: &str) -> bool {
    SPEECH.contains(&word)
}

fn is_quote(t: &Token) -> bool {
    matches!(t.lower.as_str(), "\"" | "“" | "”")
}

/// Who speaks in the sentence whose tokens and faction mentions are given.
pub fn speaker(tokens: &[Token], factions: &[FactionMention]) -> Speaker {
    let speech: Vec<usize> =
        (0..tokens.len()).filter(|&k| SPEECH.contains(&tokens[k].lower.as_str())).collect();
    if speech.is_empty() {
        return if tokens.iter().any(is_quote) { Speaker::Continuing } else { Speaker::Nobody };
    }
    // "The LNA said", "Haftar's forces (LNA) also said in a statement".
    for &k in &speech {
        let mut j = k;
        while j > 0
            && matches!(
                tokens[j - 1].lower.as_str(),
                "also" | "later" | "further" | "earlier" | "again" | "has" | "have" | "had" | "(" | ")" | ","
            )
        {
            j -= 1;
        }
        if let Some(f) = factions.iter().find(|f| f.end == j && j > 0) {
            return Speaker::Faction { faction: f.faction, at: k };
        }
    }
    // "According to the GNA, its forces ...", "according to the media office of the GNA's operation".
    for &k in
        speech.iter().filter(|&&k| tokens[k].is("according") && tokens.get(k + 1).is_some_and(|t| t.is("to")))
    {
        let clause_end = (k + 2..tokens.len()).find(|&j| tokens[j].lower == ",").unwrap_or(tokens.len());
        if let Some(f) =
            factions.iter().find(|f| f.first > k + 1 && f.end <= clause_end.min(k + ACCORDING_REACH))
        {
            return Speaker::Faction { faction: f.faction, at: k };
        }
    }
    for (n, t) in tokens.iter().enumerate() {
        if !SPEAKER_NOUNS.contains(&t.lower.as_str()) {
            continue;
        }
        let before = factions.iter().find(|f| f.end <= n && f.end + 3 >= n);
        let after = factions.iter().find(|f| {
            f.first > n
                && f.first <= n + 4
                && tokens[n + 1..f.first]
                    .iter()
                    .all(|w| matches!(w.lower.as_str(), "for" | "of" | "from" | "the" | "a"))
        });
        if let Some(f) = before.or(after) {
            return Speaker::Faction { faction: f.faction, at: n };
        }
    }
    let continuing = speech.iter().any(|&k| {
        let near = |j: usize| {
            let Some(t) = tokens.get(j) else { return false };
            let after_the = j >= 1 && tokens[j - 1].is("the");
            matches!(t.lower.as_str(), "he" | "she")
                || (after_the && (t.lower.starts_with("spokes") || t.is("commander")))
        };
        (k >= 1 && near(k - 1)) || (k >= 2 && near(k - 2)) || near(k + 1)
    });
    if continuing {
        Speaker::Continuing
    } else if tokens.iter().any(|t| SPOKESPEOPLE.contains(&t.lower.as_str())) {
        Speaker::Unattributed
    } else {
        Speaker::Neutral
    }
}

#[cfg(test)]
mod tests {
    use super::super::factions::FactionMatcher;
    use super::super::text::tokenize;
    use super::*;
    use crate::model::{Faction, Rgb};

    #[test]
    fn speakers_are_told_apart() {
        let factions = [Faction {
            id: "lna".into(),
            name: "LNA".into(),
            color: Rgb([1, 2, 3]),
            aliases: vec![
                "Libyan National Army".into(),
                "pro-Haftar forces".into(),
                "Haftar's forces".into(),
            ],
            bloc: String::new(),
        }];
        let m = FactionMatcher::new(&factions, |_| false);
        let cases: &[(&str, Speaker)] = &[
            (
                "Libyan National Army spokesman Ahmed al-Mismari told Reuters that",
                Speaker::Faction { faction: 0, at: 3 },
            ),
            (
                "Mohamed al-Saem, the deputy commander of the pro-Haftar forces, said.",
                Speaker::Faction { faction: 0, at: 15 },
            ),
            ("\"We have sealed it,\" he told AA.", Speaker::Continuing),
            ("\"We have sealed the crossing.\"", Speaker::Continuing),
            ("retook a key town, a spokesman said", Speaker::Unattributed),
            ("two Tripoli officials said they lost the town", Speaker::Neutral),
            ("Haftar's forces took the town.", Speaker::Nobody),
            ("The LNA confirmed its troops had pulled out", Speaker::Faction { faction: 0, at: 2 }),
            ("Haftar's forces (LNA) also said in a statement that", Speaker::Faction { faction: 0, at: 6 }),
            ("According to the LNA, its forces took it", Speaker::Faction { faction: 0, at: 0 }),
            ("According to residents, the LNA took it", Speaker::Neutral),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, 0);
            let found = m.find(text, &tokens);
            assert_eq!(speaker(&tokens, &found), *want, "{text:?}");
        }
    }
}
