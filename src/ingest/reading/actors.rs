//! Who acts: a named side, a pronoun or "the forces" resolved to the speaker, the subject before or
//! the side the story is about, and whether a faction is in subject position at all.

use super::super::lexicon::Hit;
use super::super::sentence::Analysed;
use super::super::speakers::{self, Speaker};
use super::confidence::{BY_PATRON, PRONOUN, RELATIVE_PRONOUN};
use super::{Context, text_of};
use crate::model::FactionIx;

/// How far back, in tokens, a faction or possessive before a noun trigger names its side.
const NOUN_SIDE_WINDOW: usize = 5;
/// How far back, in tokens, "who" or "which" looks for the side it stands for.
const RELATIVE_WINDOW: usize = 3;
/// How far after a trigger, in tokens, a side may start ("captured by the LNA").
const ACTOR_AFTER_WINDOW: usize = 3;

/// Words before "from/to/with" that keep the next faction an actor ("fighters from X", "forces loyal to X").
pub(super) const ACTOR_NOUNS: &[&str] = &[
    "loyal",
    "allied",
    "affiliated",
    "linked",
    "aligned",
    "close",
    "fighters",
    "forces",
    "troops",
    "units",
    "militias",
    "militiamen",
    "members",
    "men",
    "brigades",
    "militants",
];
pub(super) const NOT_SUBJECT_BEFORE: &[&str] = &[
    "from", "to", "against", "with", "towards", "toward", "by", "on", "at", "between", "over", "for", "into",
    "than",
];
pub(super) const OPPONENTS: &[&str] = &["opponents", "opponent", "rivals", "enemies", "enemy", "foes"];
/// The side a noun trigger belongs to: a faction or possessive right before it ("an LNA attack on",
/// "their stronghold"), or "of X" right after ("the retreat of our forces"); and where its places
/// may start.
pub(super) fn noun_actor(s: &Analysed, cx: &Context, hit: Hit) -> Option<(Actor, usize)> {
    let before = (hit.first.saturating_sub(NOUN_SIDE_WINDOW)..hit.first).rev().find_map(|j| {
        if s.is_stop(j) {
            return Some(None);
        }
        if let Some(f) = s.faction_ending_at(j) {
            return Some(Some(named(s, f.faction, f.first, f.end, f.by_patron)));
        }
        matches!(s.word(j), "their" | "its" | "his" | "our").then(|| pronoun(s, cx, j))
    });
    if let Some(a) = before.flatten() {
        return Some((a, hit.end));
    }
    actor_after(s, cx, hit.end).or_else(|| {
        // "clashes near X between LNA troops and ...": the first side named.
        let between =
            (hit.end..s.len()).take_while(|&k| s.word(k) != ";").find(|&k| s.word(k) == "between")?;
        let f = s.faction_starting_at(between + 1)?;
        Some((named(s, f.faction, f.first, f.end, f.by_patron), hit.end))
    })
}

/// Whether the faction starting at token `first` may be a sentence's subject.
pub(super) fn eligible(s: &Analysed, first: usize) -> bool {
    let Some(p) = s.previous_word(first) else { return true };
    let w = s.word(p);
    if NOT_SUBJECT_BEFORE.contains(&w) {
        return s.previous_word(p).is_some_and(|b| ACTOR_NOUNS.contains(&s.word(b)));
    }
    !(w == "of" && s.previous_word(p).is_some_and(|b| OPPONENTS.contains(&s.word(b))))
}

#[derive(Debug, Clone)]
pub(super) struct Actor {
    pub(super) faction: FactionIx,
    pub(super) how: String,
    pub(super) penalty: f64,
}

pub(super) fn named(s: &Analysed, faction: FactionIx, first: usize, end: usize, patron: bool) -> Actor {
    let words = text_of(s, first, end);
    Actor { faction, how: format!("actor \"{words}\""), penalty: if patron { BY_PATRON } else { 0.0 } }
}

pub(super) fn speaker_faction(s: &Analysed) -> Option<(FactionIx, usize)> {
    match s.speaker {
        Speaker::Faction { faction, at } => Some((faction, at)),
        _ => None,
    }
}

/// The nearest faction before token `k` that may be a subject.
pub(super) fn subject_before(s: &Analysed, k: usize) -> Option<Actor> {
    (0..k).rev().find_map(|j| {
        let f = s.faction_ending_at(j)?;
        eligible(s, f.first).then(|| named(s, f.faction, f.first, f.end, f.by_patron))
    })
}

/// The side a pronoun at token `k` stands for.
pub(super) fn pronoun(s: &Analysed, cx: &Context, k: usize) -> Option<Actor> {
    let w = s.word(k);
    let via = |faction: Option<FactionIx>, what: &str| {
        faction.map(|faction| Actor { faction, how: format!("actor \"{w}\" = {what}"), penalty: PRONOUN })
    };
    let speaker = speaker_faction(s);
    let carried = || via(cx.last_actor, "the side of the sentences before");
    match w {
        "we" | "us" | "our" => via(speaker.map(|x| x.0).or(cx.last_speaker), "the speaker's side"),
        "he" | "his" | "she" => via(speaker.map(|x| x.0), "the speaker's side")
            .or_else(|| subject_before(s, k).map(|a| Actor { penalty: PRONOUN, ..a }))
            .or_else(carried),
        "they" | "their" | "it" | "its" => match speaker {
            Some((f, at)) if at < k => via(Some(f), "the speaker's side"),
            // "Residents said they ...": the speakers themselves, who are no side.
            _ if s.speaker == Speaker::Neutral && (0..k).any(|j| speakers::is_speech(s.word(j))) => None,
            _ => subject_before(s, k).map(|a| Actor { penalty: PRONOUN, ..a }).or_else(carried),
        },
        "forces" | "troops" | "fighters" => {
            subject_before(s, k).map(|a| Actor { penalty: PRONOUN, ..a }).or_else(carried)
        }
        "who" | "which" => (k.saturating_sub(RELATIVE_WINDOW)..k).rev().find_map(|j| {
            s.faction_ending_at(j).map(|f| Actor {
                penalty: RELATIVE_PRONOUN,
                ..named(s, f.faction, f.first, f.end, f.by_patron)
            })
        }),
        _ => None,
    }
}

pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "we" | "us" | "our" | "he" | "his" | "she" | "they" | "their" | "it" | "its" | "who" | "which"
    )
}

/// The subject before token `k`: the nearest eligible faction or subject pronoun.
pub(super) fn active_actor(s: &Analysed, cx: &Context, k: usize) -> Option<Actor> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        if let Some(f) = s.faction_ending_at(j) {
            if eligible(s, f.first) {
                return Some(named(s, f.faction, f.first, f.end, f.by_patron));
            }
            j = f.first;
            continue;
        }
        if is_pronoun_at(s, j) || is_definite_force(s, j) {
            return pronoun(s, cx, j);
        }
    }
    None
}

/// A subject pronoun at token `k` ("US", the country, is not "us").
pub(super) fn is_pronoun_at(s: &Analysed, k: usize) -> bool {
    is_pronoun(s.word(k)) && !(s.word(k) == "us" && s.tokens[k].capital)
}

/// "the forces", "these troops": a side named before, like "they".
pub(super) fn is_definite_force(s: &Analysed, k: usize) -> bool {
    matches!(s.word(k), "forces" | "troops" | "fighters")
        && k > 0
        && matches!(s.word(k - 1), "the" | "these" | "those")
        && !s.in_faction(k)
}

/// A faction or pronoun starting within a few words after token `k` (skipping "by", "to", "the").
pub(super) fn actor_after(s: &Analysed, cx: &Context, k: usize) -> Option<(Actor, usize)> {
    let mut j = k;
    while j < s.len() && j < k + ACTOR_AFTER_WINDOW && matches!(s.word(j), "by" | "to" | "the" | "of" | "a") {
        j += 1;
    }
    if let Some(f) = s.faction_starting_at(j) {
        return Some((named(s, f.faction, f.first, f.end, f.by_patron), f.end));
    }
    if is_pronoun_at(s, j) {
        return pronoun(s, cx, j).map(|a| (a, j + 1));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn the_side_is_the_subject_a_pronoun_stands_for_or_the_clause_before() {
        check(&[
            ("Haftar's forces captured Hun on Friday.", &["hun lna captured 2017-06-02"]),
            ("Fighters loyal to the GNA seized Gharyan on Friday.", &["gharyan gna captured 2017-06-02"]),
            ("Opponents of the LNA seized Gharyan on Friday.", &[]),
            ("The LNA said on Friday that its forces had taken Sawkna.", &["sawkna lna captured 2017-06-02"]),
            (
                "LNA forces captured Waddan on Friday and then seized Hun.",
                &["waddan lna captured 2017-06-02", "hun lna captured 2017-06-02"],
            ),
            ("The LNA advanced on Friday. They captured Hun.", &["hun lna captured 2017-06-02"]),
        ]);
    }
}
