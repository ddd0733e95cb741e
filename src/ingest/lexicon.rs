//! The words that say what happened to a place, and the words that undo them (negation, intent).

use super::text::Token;
use crate::model::Action;
use std::collections::HashMap;

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

/// The place must follow within a few words ("took the town", not "took part").
pub const NEAR: u8 = 1;
/// A past participle: after a form of "be" the trigger reads as passive.
pub const PARTICIPLE: u8 = 2;
/// Stated intent does not undo it ("said it would lift the siege of Derna": the siege is real).
pub const FIRM: u8 = 4;
/// The place may be on either side ("Tarhuna, their stronghold").
pub const EITHER: u8 = 8;
/// A weak cue: lower confidence.
pub const WEAK: u8 = 16;

use Action::{Besieged as B, Captured as C, Contested as F, Holds as H, Withdrew as W};
use Voice::{Active as A, ActorAfter as AA, Noun as N, Passive as P, UnderControl as U};

/// (phrase, action, voice, flags). Longer phrases win over shorter ones at the same word.
const TRIGGERS: &[(&str, Action, Voice, u8)] = &[
    ("capture", C, A, 0),
    ("captures", C, A, 0),
    ("captured", C, A, PARTICIPLE),
    ("capturing", C, A, 0),
    ("seize", C, A, 0),
    ("seizes", C, A, 0),
    ("seized", C, A, PARTICIPLE),
    ("seizing", C, A, 0),
    ("take control of", C, A, 0),
    ("takes control of", C, A, 0),
    ("took control of", C, A, 0),
    ("taken control of", C, A, 0),
    ("taking control of", C, A, 0),
    ("seized control of", C, A, 0),
    ("seize control of", C, A, 0),
    ("gained control of", C, A, 0),
    ("gain control of", C, A, 0),
    ("regained control of", C, A, 0),
    ("regain control of", C, A, 0),
    ("wrested control of", C, A, 0),
    ("took over", C, A, 0),
    ("take over", C, A, 0),
    ("takes over", C, A, 0),
    ("taking over", C, A, 0),
    ("retake", C, A, 0),
    ("retakes", C, A, 0),
    ("retook", C, A, 0),
    ("retaken", C, A, PARTICIPLE),
    ("retaking", C, A, 0),
    ("recapture", C, A, 0),
    ("recaptures", C, A, 0),
    ("recaptured", C, A, PARTICIPLE),
    ("recapturing", C, A, 0),
    ("regain", C, A, 0),
    ("regains", C, A, 0),
    ("regained", C, A, PARTICIPLE),
    ("regaining", C, A, 0),
    ("enter", C, A, 0),
    ("enters", C, A, 0),
    ("entered", C, A, PARTICIPLE),
    ("entering", C, A, 0),
    ("liberate", C, A, 0),
    ("liberates", C, A, 0),
    ("liberated", C, A, PARTICIPLE),
    ("liberating", C, A, 0),
    ("overran", C, A, 0),
    ("overrun", C, A, PARTICIPLE),
    ("take", C, A, NEAR),
    ("takes", C, A, NEAR),
    ("took", C, A, NEAR),
    ("taken", C, A, NEAR | PARTICIPLE),
    ("taking", C, A, NEAR),
    ("secured", C, A, NEAR | PARTICIPLE | WEAK),
    ("fell to", C, AA, 0),
    ("fallen to", C, AA, 0),
    ("falls to", C, AA, 0),
    ("fell into the hands of", C, AA, 0),
    ("came under the control of", C, AA, 0),
    ("lost", W, A, 0),
    ("lose", W, A, 0),
    ("loses", W, A, 0),
    ("losing", W, A, 0),
    ("withdrew", W, A, 0),
    ("withdraw", W, A, 0),
    ("withdraws", W, A, 0),
    ("withdrawn", W, A, 0),
    ("withdrawing", W, A, 0),
    ("pulled out", W, A, 0),
    ("pull out", W, A, 0),
    ("pulls out", W, A, 0),
    ("pulling out", W, A, 0),
    ("retreated", W, A, 0),
    ("retreat from", W, A, 0),
    ("retreats from", W, A, 0),
    ("retreating", W, A, 0),
    ("retreat of", W, N, 0),
    ("withdrawal of", W, N, 0),
    ("withdrawal from", W, N, 0),
    ("pushed out of", W, A, 0),
    ("driven out of", W, A, 0),
    ("forced out of", W, A, 0),
    ("expelled from", W, A, 0),
    ("ousted from", W, A, 0),
    ("abandoned", W, A, NEAR),
    ("evacuated", W, A, NEAR),
    ("ceded", W, A, 0),
    ("handed over", W, A, NEAR),
    ("under the control of", H, AA, 0),
    ("under control of", H, AA, 0),
    ("in the hands of", H, AA, 0),
    ("under control", H, U, 0),
    ("under their control", H, U, 0),
    ("under its control", H, U, 0),
    ("under his control", H, U, 0),
    ("in control of", H, A, 0),
    ("controlled by", H, P, 0),
    ("held by", H, P, 0),
    ("occupied by", H, P, 0),
    ("control", H, A, NEAR | WEAK),
    ("controls", H, A, NEAR | WEAK),
    ("controlled", H, A, NEAR | WEAK),
    ("controlling", H, A, NEAR | WEAK),
    ("hold", H, A, NEAR | WEAK),
    ("holds", H, A, NEAR | WEAK),
    ("held", H, A, NEAR | WEAK),
    ("holding", H, A, NEAR | WEAK),
    ("stronghold", H, N, EITHER),
    ("strongholds", H, N, EITHER),
    ("bastion", H, N, EITHER),
    ("based in", H, N, WEAK),
    ("sealed off", H, A, NEAR),
    ("sealed", H, A, NEAR),
    ("seal", H, A, NEAR),
    ("seals", H, A, NEAR),
    ("sealing", H, A, NEAR),
    ("repelled an attack on", H, A, 0),
    ("repel an attack on", H, A, 0),
    ("repelled attacks on", H, A, 0),
    ("repulsed an attack on", H, A, 0),
    ("besiege", B, A, 0),
    ("besieges", B, A, 0),
    ("besieged", B, A, PARTICIPLE),
    ("besieging", B, A, 0),
    ("encircle", B, A, 0),
    ("encircles", B, A, 0),
    ("encircled", B, A, PARTICIPLE),
    ("encircling", B, A, 0),
    ("surrounded", B, A, NEAR | PARTICIPLE),
    ("surrounding", B, A, NEAR),
    ("siege of", B, N, 0),
    ("siege on", B, N, 0),
    ("siege to", B, N, 0),
    ("lift the siege of", B, A, FIRM),
    ("lift the siege on", B, A, FIRM),
    ("blockade of", B, N, 0),
    ("tightening the noose on", B, A, 0),
    ("tightened the noose on", B, A, 0),
    ("tighten the noose on", B, A, 0),
    ("tightens the noose on", B, A, 0),
    ("tightening the noose around", B, A, 0),
    ("tightened the noose around", B, A, 0),
    ("clashes in", F, N, 0),
    ("clashes near", F, N, 0),
    ("clashes around", F, N, 0),
    ("clashes for", F, N, 0),
    ("clashes over", F, N, 0),
    ("clashed", F, A, NEAR),
    ("fighting in", F, N, 0),
    ("fighting for", F, N, 0),
    ("fighting around", F, N, 0),
    ("fighting near", F, N, 0),
    ("fighting over", F, N, 0),
    ("fought for", F, A, 0),
    ("fought over", F, A, 0),
    ("battle for", F, N, 0),
    ("battles for", F, N, 0),
    ("battle of", F, N, 0),
    ("battle over", F, N, 0),
    ("battles in", F, N, 0),
    ("battles around", F, N, 0),
    ("attack on", F, N, 0),
    ("attacks on", F, N, 0),
    ("assault on", F, N, 0),
    ("offensive on", F, N, 0),
    ("offensive against", F, N, 0),
    ("offensive to", F, N, 0),
    ("push on", F, N, 0),
    ("push into", F, N, 0),
    ("attacked", F, A, NEAR),
    ("attacking", F, A, NEAR),
    ("attacks", F, A, NEAR),
    ("advanced on", F, A, 0),
    ("advancing on", F, A, 0),
    ("advance on", F, A, 0),
    ("advances on", F, A, 0),
    ("advanced toward", F, A, 0),
    ("advanced towards", F, A, 0),
    ("advancing toward", F, A, 0),
    ("advancing towards", F, A, 0),
    ("advanced into", F, A, 0),
    ("advancing into", F, A, 0),
    ("pushed into", F, A, 0),
    ("pushing into", F, A, 0),
    ("shelled", F, A, NEAR | WEAK),
    ("shelling", F, A, NEAR | WEAK),
    ("struck", F, A, NEAR | WEAK),
    ("striking", F, A, NEAR | WEAK),
    ("stormed", F, A, NEAR),
    ("storming", F, A, NEAR),
    ("bombarded", F, A, NEAR | WEAK),
    ("lost ground", F, AA, 0),
    ("losing ground", F, AA, 0),
];

const CONTROL_ADJECTIVES: &[&str] = &["full", "complete", "total", "effective", "firm"];

/// Words before a capture that make it an attempt: fighting, not taking ("failed to take", "trying to
/// seize").
const ATTEMPTS: &[&str] = &[
    "trying",
    "tried",
    "attempting",
    "attempted",
    "attempt",
    "attempts",
    "failed",
    "fail",
    "fails",
    "unable",
    "bid",
    "battling",
    "struggling",
    "struggled",
    "offensive",
    "push",
    "drive",
    "fighting",
];

/// Words that make what follows a plan, a wish or a condition rather than a fact.
const INTENT: &[&str] = &[
    "vowed",
    "vow",
    "vows",
    "pledged",
    "pledge",
    "pledges",
    "promised",
    "promise",
    "promises",
    "threatened",
    "threaten",
    "threatens",
    "plan",
    "plans",
    "planning",
    "planned",
    "aim",
    "aims",
    "aiming",
    "intend",
    "intends",
    "intended",
    "want",
    "wants",
    "wanted",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "hope",
    "hopes",
    "hoping",
    "ready",
    "preparing",
    "prepare",
    "prepares",
    "would",
    "will",
    "could",
    "might",
    "may",
    "should",
    "must",
    "once",
    "if",
    "unless",
    "ordered",
    "urged",
    "urges",
    "goal",
    "target",
    "determined",
    "expected",
    "likely",
    "poised",
    "'ll",
];

/// Words that deny what follows.
const NEGATION: &[&str] =
    &["not", "never", "no", "nor", "neither", "without", "denied", "deny", "denies", "cannot"];

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub words: &'static str,
    pub len: usize,
    pub action: Action,
    pub voice: Voice,
    pub flags: u8,
}

impl Entry {
    pub fn has(&self, flag: u8) -> bool {
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
        for &(words, action, voice, flags) in TRIGGERS {
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
            for w in e.words.split(' ') {
                // "took full control of" reads as "took control of".
                while w == "control"
                    && tokens.get(k).is_some_and(|t| CONTROL_ADJECTIVES.contains(&t.lower.as_str()))
                {
                    k += 1;
                }
                if tokens.get(k)?.lower != w {
                    return None;
                }
                k += 1;
            }
            Some(Hit { first: i, end: k, entry: *e })
        })
    }
}

pub fn is_attempt(word: &str) -> bool {
    ATTEMPTS.contains(&word)
}

pub fn is_intent(word: &str) -> bool {
    INTENT.contains(&word)
}

pub fn is_negation(word: &str) -> bool {
    NEGATION.contains(&word) || word.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

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
            ("no trigger here at all", &[]),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, 0);
            let got: Vec<(&str, Action)> =
                lexicon.find(&tokens, |_| false).iter().map(|h| (h.entry.words, h.entry.action)).collect();
            assert_eq!(got, want.to_vec(), "{text:?}");
        }
        assert!(is_negation("doesn't") && is_negation("not") && !is_negation("note"));
    }
}
