//! What an article defines for itself: "the Islamic State (IS) group" makes "IS" the Islamic State,
//! and "the Misratan-led 13th Battalion (formerly the Third Force)" makes "Misratan" name the Third
//! Force for the rest of the article, whatever side the word names elsewhere.

use super::factions::FactionMention;
use super::text::Token;
use crate::model::FactionIx;

/// How far, in tokens, a patron word may stand before the bracket that glosses its phrase.
const GLOSS_REACH: usize = 5;

/// "the Islamic State (IS) group" makes "IS" name the Islamic State for the rest of the article.
pub fn add_defined_acronyms(text: &str, prepared: &mut [(Vec<Token>, Vec<FactionMention>)]) {
    let mut defined: Vec<(String, FactionIx)> = Vec::new();
    for (tokens, factions) in prepared.iter() {
        for f in factions {
            let (Some(open), Some(acr), Some(close)) =
                (tokens.get(f.end), tokens.get(f.end + 1), tokens.get(f.end + 2))
            else {
                continue;
            };
            let word = &text[acr.start..acr.end];
            let acronym = word.chars().count() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
            if open.lower == "(" && close.lower == ")" && acronym && !defined.iter().any(|(w, _)| w == word) {
                defined.push((word.to_string(), f.faction));
            }
        }
    }
    for (tokens, factions) in prepared.iter_mut() {
        for (k, t) in tokens.iter().enumerate() {
            let word = &text[t.start..t.end];
            let Some(&(_, faction)) =
                defined.iter().find(|(w, _)| w == word || word.strip_suffix("'s") == Some(w))
            else {
                continue;
            };
            if !factions.iter().any(|f| f.first <= k && k < f.end) {
                factions.push(FactionMention { first: k, end: k + 1, faction, by_patron: false });
            }
        }
        factions.sort_by_key(|f| f.first);
    }
}

/// A side named by a patron word ("Misratan") inside a phrase that a bracket glosses as another side
/// ("(formerly the Third Force)"): the word names that side everywhere in the article.
pub fn rebind_glossed_patrons(prepared: &mut [(Vec<Token>, Vec<FactionMention>)]) {
    let mut rebound: Vec<(String, FactionIx)> = Vec::new();
    for (tokens, factions) in prepared.iter() {
        for f in factions.iter().filter(|f| f.by_patron) {
            let Some(open) =
                (f.end..(f.end + GLOSS_REACH).min(tokens.len())).find(|&k| tokens[k].lower == "(")
            else {
                continue;
            };
            if (f.end..open).any(|k| !tokens[k].word && tokens[k].lower != "-") {
                continue;
            }
            let mut k = open + 1;
            while tokens
                .get(k)
                .is_some_and(|t| matches!(t.lower.as_str(), "formerly" | "the" | "also" | "known" | "as"))
            {
                k += 1;
            }
            let gloss = factions.iter().find(|g| g.first == k && !g.by_patron && g.faction != f.faction);
            let word = tokens[f.first].stem().to_string();
            if let Some(g) = gloss.filter(|_| !rebound.iter().any(|(w, _)| *w == word)) {
                rebound.push((word, g.faction));
            }
        }
    }
    for (tokens, factions) in prepared.iter_mut() {
        for f in factions.iter_mut().filter(|f| f.by_patron) {
            if let Some(&(_, faction)) = rebound.iter().find(|(w, _)| *w == tokens[f.first].stem()) {
                f.faction = faction;
            }
        }
    }
}
