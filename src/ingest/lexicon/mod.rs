//! The words that say what happened to a place, and the words that undo them (negation, intent).

mod cues;
mod triggers;

pub use cues::{is_attempt, is_denial, is_intent, is_negation, is_purpose, is_unopposed};

use super::text::{Token, is_quote_mark};
use crate::model::Action;
use std::collections::HashMap;

/// Words between "control" and "of" that say nothing more ("took full control of").
const CONTROL_ADJECTIVES: &[&str] = &["full", "complete", "total", "effective", "firm"];

/// Verbs whose particle may come after their object ("handed the town over to").
const GAPPED_VERBS: &[&str] = &["handed", "hand", "hands", "handing", "turned", "turn", "turns", "turning"];
/// How many tokens such an object may take.
const GAP_WORDS: usize = 4;

/// The token of "over" after an object that starts at `k` ("the town over"), when the object is
/// a few plain tokens with no clause break.
fn particle_after_object(tokens: &[Token], k: usize) -> Option<usize> {
    (k..tokens.len().min(k + GAP_WORDS + 1))
        .take_while(|&j| {
            j == k || tokens[j - 1].word && !matches!(tokens[j - 1].lower.as_str(), "to" | "and" | "over")
        })
        .find(|&j| j > k && tokens[j].lower == "over")
}

/// Where a trigger's actor and places are, relative to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// "X captured P": actor before, places after.
    Active,
    /// "P is held by X": places before, actor after "by".
    Passive,
    /// "P is under the control of X", "P fell to X": places before, actor right after.
    ActorAfter,
    /// "X had P under control": places before, actor before them.
    UnderControl,
    /// A noun ("the siege of P", "their stronghold"): actor right before or "of X" after.
    Noun,
}

/// The points of the compass, as words ("north of Sirte", "the south-west of Benghazi").
pub const COMPASS_POINTS: &[&str] =
    &["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"];

/// The place must follow within a few words ("took the town", not "took part").
pub const NEAR: u16 = 1;
/// A past participle: after a form of "be" the trigger reads as passive.
pub const PARTICIPLE: u16 = 2;
/// Stated intent does not undo it ("said it would lift the siege of Derna": the siege is real).
pub const FIRM: u16 = 4;
/// The place may be on either side ("Tarhuna, their stronghold").
pub const EITHER: u16 = 8;
/// A weak cue: lower confidence.
pub const WEAK: u16 = 16;
/// Going in ("entered", "stormed"): a contest, unless the text says no one fought.
pub const ENTRY: u16 = 32;
/// The place is the verb's object, right after it ("left the town", not "left 20 dead in the town").
pub const OBJECT: u16 = 64;
/// Says something only in the present tense ("where its forces are based").
pub const PRESENT: u16 = 128;
/// Takes no object: its place is the one its clause hangs on ("where they had taken control").
pub const INTRANSITIVE: u16 = 256;
/// Drives a side out ("drove the LNA out of Hun"): the side right after it loses the place, and
/// without such a side followed by "out of" or "from" the verb says nothing.
pub const EXPEL: u16 = 512;

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub words: &'static str,
    pub len: usize,
    pub action: Action,
    pub voice: Voice,
    pub flags: u16,
}

impl Entry {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// A trigger found at tokens `first..end`.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub first: usize,
    pub end: usize,
    pub entry: Entry,
}

#[derive(Debug, Clone)]
pub struct Lexicon {
    by_first: HashMap<&'static str, Vec<Entry>>,
}

impl Default for Lexicon {
    fn default() -> Self {
        let mut by_first: HashMap<&'static str, Vec<Entry>> = HashMap::new();
        for (words, action, voice, flags) in triggers::entries() {
            let len = words.split(' ').count();
            let first = words.split(' ').next().unwrap_or(words);
            by_first.entry(first).or_default().push(Entry { words, len, action, voice, flags });
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|a| std::cmp::Reverse(a.len));
        }
        Lexicon { by_first }
    }
}

impl Lexicon {
    /// Triggers in the tokens, longest first, skipping tokens for which `skip` is true (faction names).
    pub fn find(&self, tokens: &[Token], skip: impl Fn(usize) -> bool) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let hit = if skip(i) { None } else { self.at(tokens, i) };
            match hit {
                Some(hit) => {
                    i = hit.end;
                    out.push(hit);
                }
                None => i += 1,
            }
        }
        out
    }

    fn at(&self, tokens: &[Token], i: usize) -> Option<Hit> {
        let entries = self.by_first.get(tokens[i].lower.as_str())?;
        entries.iter().find_map(|e| {
            let mut k = i;
            let mut prev = "";
            for w in e.words.split(' ') {
                if w == "over" && GAPPED_VERBS.contains(&prev) {
                    k = particle_after_object(tokens, k).unwrap_or(k);
                }
                // "took full control of" reads as "took control of".
                while w == "control"
                    && tokens.get(k).is_some_and(|t| CONTROL_ADJECTIVES.contains(&t.lower.as_str()))
                {
                    k += 1;
                }
                // "announced the \"total liberation\" of": scare quotes inside a phrase.
                while !prev.is_empty() && tokens.get(k).is_some_and(|t| is_quote_mark(&t.lower)) {
                    k += 1;
                }
                let t = tokens.get(k)?.lower.as_str();
                let same = t == w || (prev == "control" && w == "of" && matches!(t, "over" | "on"));
                if !same {
                    return None;
                }
                prev = w;
                k += 1;
            }
            Some(Hit { first: i, end: k, entry: *e })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;
    use Action::{Besieged as B, Captured as C, Holds as H, Withdrew as W};

    #[test]
    fn longest_phrase_wins_and_skipped_words_are_not_read() {
        let lexicon = Lexicon::default();
        let cases: &[(&str, &[(&str, Action)])] = &[
            ("forces took control of the town", &[("took control of", C)]),
            ("they have taken full control of the base", &[("taken control of", C)]),
            ("is still under the control of the BDB", &[("under the control of", H)]),
            ("had the town under control", &[("under control", H)]),
            ("said it would lift the siege of Derna", &[("lift the siege of", B)]),
            ("lost the town but regained it", &[("lost", W), ("regained", C)]),
            ("they were tightening the noose on the city", &[("tightening the noose on", B)]),
            ("gained control over the airport", &[("gained control of", C)]),
            ("had re-established control over two ports", &[("re - established control of", C)]),
            ("no trigger here at all", &[]),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, 0);
            let got: Vec<(&str, Action)> =
                lexicon.find(&tokens, |_| false).iter().map(|h| (h.entry.words, h.entry.action)).collect();
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
    }
}
