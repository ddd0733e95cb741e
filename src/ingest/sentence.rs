//! One sentence, analysed: its tokens and the factions, places, dates, triggers and speaker in it.

use super::dates::DateExpr;
use super::factions::FactionMention;
use super::lexicon::Hit;
use super::places::PlaceRef;
use super::speakers::Speaker;
use super::text::{Token, is_abbreviated, is_quote_mark};

#[derive(Debug)]
pub struct Analysed {
    pub start: usize,
    pub end: usize,
    pub tokens: Vec<Token>,
    pub factions: Vec<FactionMention>,
    pub places: Vec<PlaceRef>,
    pub dates: Vec<DateExpr>,
    pub hits: Vec<Hit>,
    pub speaker: Speaker,
    /// Tokens before this index are a dateline ("BENGHAZI, Libya —"), whose place is no claim's.
    pub dateline_end: usize,
}

/// Words that end the stretch of a sentence that a trigger governs.
const STOP_WORDS: &[&str] = &[
    "but",
    "while",
    "although",
    "though",
    "whereas",
    "after",
    "before",
    "as",
    "when",
    "who",
    "which",
    "where",
    "because",
    "despite",
    "following",
    "according",
    "said",
    "says",
    "told",
    "amid",
    "until",
    "that",
    "with",
    "whose",
    "if",
    "since",
    "during",
];

impl Analysed {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn word(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.lower.as_str())
    }

    /// A token that ends the stretch a trigger governs.
    pub fn is_stop(&self, k: usize) -> bool {
        let w = self.word(k);
        match w {
            // "tightening their grip on the Airport Road ahead of an expected assault on Benina".
            "ahead" => self.word(k + 1) == "of",
            // "on Sept. 11-12 from": the dot of an abbreviation ends nothing.
            "." => k == 0 || !is_abbreviated(self.word(k - 1)),
            _ => STOP_WORDS.contains(&w) || matches!(w, ";" | ":" | "—" | "–" | "!" | "?" | ")" | "]"),
        }
    }

    pub fn faction_ending_at(&self, k: usize) -> Option<&FactionMention> {
        self.factions.iter().find(|f| f.end == k + 1)
    }

    pub fn faction_starting_at(&self, k: usize) -> Option<&FactionMention> {
        self.factions.iter().find(|f| f.first == k)
    }

    pub fn in_faction(&self, k: usize) -> bool {
        self.factions.iter().any(|f| f.first <= k && k < f.end)
    }

    pub fn places_starting_at(&self, k: usize) -> impl Iterator<Item = &PlaceRef> {
        self.places.iter().filter(move |p| p.first == k && p.first >= self.dateline_end && !p.locator)
    }

    /// The nearest token before `k` that is not an article or a quotation mark.
    pub fn previous_word(&self, k: usize) -> Option<usize> {
        (0..k).rev().find(|&j| !matches!(self.word(j), "the" | "a" | "an") && !is_quote_mark(self.word(j)))
    }
}
