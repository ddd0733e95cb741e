//! Who acts: a named side, a pronoun or "the forces" resolved to the speaker, the subject before or
//! the side the story is about, and whether a faction is in subject position at all.

use super::super::factions::FactionMention;
use super::super::lexicon::Hit;
use super::super::sentence::Analysed;
use super::super::speakers::{self, Speaker};
use super::confidence::{BY_PATRON, PRONOUN, RELATIVE_PRONOUN, STORY_SIDE};
use super::{Context, text_of};
use crate::model::{Action, FactionIx};

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
    "associated",
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
/// Verbs whose object (an offensive, an attack, a siege) belongs to their subject.
const LAUNCH_VERBS: &[&str] = &[
    "launched",
    "launches",
    "launch",
    "launching",
    "started",
    "starts",
    "began",
    "begun",
    "staging",
    "staged",
    "waging",
    "waged",
    "mounted",
    "mounting",
    "tightened",
    "tightening",
    "announced",
    "announces",
    "declared",
    "reinforced",
    "imposed",
    "made",
];
/// Nouns for an operation, whose "by X" names the side that acts.
const ACTION_NOUNS: &[&str] =
    &["offensive", "counteroffensive", "attack", "assault", "operation", "advance", "push", "campaign"];
/// Participles before "by" that name who leads a group: the group acts as that side.
const LEADING: &[&str] = &["led", "commanded", "headed"];
/// Nouns for an armed group that another name may lead.
const GROUP_NOUNS: &[&str] =
    &["militia", "militias", "group", "groups", "coalition", "alliance", "brigade", "force"];

/// "a militia, led by": token `b` is a participle of leading after a noun for an armed group.
fn led_group(s: &Analysed, b: usize) -> bool {
    let group = (0..b).rev().find(|&j| s.word(j) != ",");
    LEADING.contains(&s.word(b))
        && group.is_some_and(|g| GROUP_NOUNS.contains(&s.word(g)) || ACTOR_NOUNS.contains(&s.word(g)))
}
pub(super) const OPPONENTS: &[&str] = &["opponents", "opponent", "rivals", "enemies", "enemy", "foes"];
/// The side a noun trigger belongs to: a faction or possessive right before it ("an LNA attack on",
/// "their stronghold"), or "of X" right after ("the retreat of our forces"); and where its places
/// may start.
pub(super) fn noun_actor(s: &Analysed, cx: &Context, hit: Hit) -> Option<(Actor, usize)> {
    let before = (hit.first.saturating_sub(NOUN_SIDE_WINDOW)..hit.first).rev().find_map(|j| {
        // "The GNA foiled an attack on X": the side before a verb of stopping it defended.
        if s.is_stop(j) || STOPPED.contains(&s.word(j)) {
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
    // "LNA forces launched an offensive against X": the side that launched it.
    let launched = (hit.first.saturating_sub(LAUNCH_REACH)..hit.first)
        .rev()
        .find(|&j| LAUNCH_VERBS.contains(&s.word(j)));
    if let Some(v) = launched.filter(|&v| (v + 1..hit.first).all(|j| !s.is_stop(j) && !s.in_faction(j))) {
        // "withdrew, hours after the government announced an offensive": the launcher is the
        // subject of its own clause, or no one named.
        let clause = (0..v).rev().find(|&j| s.is_stop(j)).map_or(0, |j| j + 1);
        return active_actor(s, cx, v)
            .filter(|a| a.span.is_none_or(|(first, _)| first >= clause))
            .map(|a| (a, hit.end));
    }
    actor_after(s, cx, hit.end)
        .or_else(|| fought_with(s, hit))
        .or_else(|| agent_after_place(s, hit))
        .or_else(|| {
            // "clashes near X between LNA troops and ...": the first side named.
            let (f, _) = super::sides::between(s)?;
            Some((named(s, f.faction, f.first, f.end, f.by_patron), hit.end))
        })
        .or_else(|| sentence_side(s, hit).map(|a| (a, hit.end)))
        .or_else(|| story_side(s, cx, hit).map(|a| (a, hit.end)))
}

/// Verbs of stopping an attack: the side before them is not the attacker.
const STOPPED: &[&str] = &[
    "foiled", "thwarted", "repelled", "repulsed", "halted", "stopped", "blocked", "defeated", "beat",
    "fought",
];

/// How far before a noun its launching verb may stand ("launched an all-out offensive on").
const LAUNCH_REACH: usize = 6;

/// The note of an actor that is a side the sentence names away from its fighting noun.
pub(super) const SENTENCE_SIDES: &str = "a side named elsewhere in the sentence";

/// The sides a sentence names that may have fought in it: not one it quotes or cites ("according
/// to the GNA's ministry") and not one named only as a place's owner in a stronghold phrase.
pub(super) fn sentence_sides(s: &Analysed) -> Vec<&FactionMention> {
    let mut out: Vec<&FactionMention> = Vec::new();
    for f in &s.factions {
        let cited = (f.first.saturating_sub(SOURCE_WINDOW)..f.first).any(|j| {
            matches!(s.word(j), "according" | "statement" | "ministry" | "spokesman" | "spokesperson")
        });
        // "Tarhuna, Haftar's main stronghold": an owner named in passing.
        let owner = (f.end..s.len().min(f.end + OWNER_WINDOW))
            .any(|j| matches!(s.word(j), "stronghold" | "strongholds" | "bastion" | "base" | "bases"));
        if !cited && !owner && !out.iter().any(|o| o.faction == f.faction) {
            out.push(f);
        }
    }
    out
}
/// How far after a side its stronghold may be named ("Haftar's main forward stronghold").
const OWNER_WINDOW: usize = 4;
/// How far before a side a word that cites it as a source may stand ("according to the health
/// ministry of the GNA").
const SOURCE_WINDOW: usize = 6;

/// "IS fighters were killed in battle in Sirte", "fighting around Tripoli began when Haftar
/// launched an offensive against the GNA": fighting whose own words name no side is between the
/// sides named elsewhere in the sentence (`drafts` adds the second).
fn sentence_side(s: &Analysed, hit: Hit) -> Option<Actor> {
    if !is_fighting(hit) {
        return None;
    }
    let first = *sentence_sides(s).first()?;
    Some(Actor {
        faction: first.faction,
        how: SENTENCE_SIDES.into(),
        penalty: super::confidence::SENTENCE_SIDE,
        span: None,
    })
}

/// The note of an actor that is one of the two sides the story has been about.
pub(super) const STORY_SIDES: &str = "a side of the story's fight (no side named here)";
/// Nouns for fighting itself, which need two sides (not "an attack on", one side's act).
const FIGHTING_NOUNS: &[&str] = &[
    "clashes",
    "fighting",
    "battle",
    "battles",
    "skirmishes",
    "confrontations",
    "hostilities",
    "gun",
    "gunbattles",
    "firefights",
    "street",
];
/// A contest read from a noun for fighting itself ("clashes", "battle"), which takes two sides.
fn is_fighting(hit: Hit) -> bool {
    hit.entry.action == Action::Contested
        && FIGHTING_NOUNS.contains(&hit.entry.words.split(' ').next().unwrap_or(""))
}

/// How many of the article's claims back the story's fight may be.
const STORY_SIDES_REACH: usize = 8;

/// The sides of the article's latest fight: the two a claimless sentence named since its latest
/// claim of fighting, else the side of that claim (a contest, a capture, a loss, a siege) and the
/// latest other side among the claims just before, if any.
pub(super) fn story_sides(cx: &Context) -> Option<(FactionIx, Option<FactionIx>)> {
    if let Some((a, b)) = cx.fight_named {
        return Some((a, Some(b)));
    }
    let recent: Vec<_> = cx.earlier.iter().rev().take(STORY_SIDES_REACH).collect();
    let last = recent.iter().find(|d| d.action.is_fighting())?;
    let other = recent.iter().find(|d| d.faction != last.faction).map(|d| d.faction);
    Some((last.faction, other))
}

/// "Heavy fighting continued in Sirte on Sunday", no side named in the sentence: the first of the
/// two sides the story's latest contest was between (`drafts` adds the second).
fn story_side(s: &Analysed, cx: &Context, hit: Hit) -> Option<Actor> {
    if !is_fighting(hit) || !s.factions.is_empty() {
        return None;
    }
    let (first, _) = story_sides(cx)?;
    Some(Actor { faction: first, how: STORY_SIDES.into(), penalty: STORY_SIDE, span: None })
}

/// "the capture of Hun by the LNA", "the fall of Hun to the GNA": the side after the noun's place.
fn agent_after_place(s: &Analysed, hit: Hit) -> Option<(Actor, usize)> {
    let first = if s.word(hit.end) == "the" { hit.end + 1 } else { hit.end };
    let end = s.places_starting_at(first).map(|p| p.end).max()?;
    // "the loss of Hun to the GNA": the side after "to" won it, and is no loser.
    if !matches!(s.word(end), "by" | "to") || (s.word(end) == "to" && hit.entry.action == Action::Withdrew) {
        return None;
    }
    let side = if matches!(s.word(end + 1), "the" | "a" | "an") { end + 2 } else { end + 1 };
    let f = s.faction_starting_at(side)?;
    Some((named(s, f.faction, f.first, f.end, f.by_patron), hit.end))
}

/// "a battle with the GNA in Hun", "clashes with IS": the side fought, when no other is named.
fn fought_with(s: &Analysed, hit: Hit) -> Option<(Actor, usize)> {
    if hit.entry.action != Action::Contested || s.word(hit.end) != "with" {
        return None;
    }
    let f = s.faction_starting_at(super::walk::side_start(s, hit.end + 1))?;
    Some((named(s, f.faction, f.first, f.end, f.by_patron), f.end))
}

/// Whether the faction starting at token `first` may be a sentence's subject. A name in brackets
/// right after another ("the Benghazi Defence Brigades (BDB)") is that one's gloss and shares its
/// place in the sentence.
pub(super) fn eligible(s: &Analysed, first: usize) -> bool {
    let first = glossed(s, first).unwrap_or(first);
    let Some(p) = s.previous_word(first) else { return true };
    let w = s.word(p);
    if NOT_SUBJECT_BEFORE.contains(&w) {
        // "fighters loyal to X", "a counter offensive by X succeeded", "a militia led by X attacked": X acts.
        let noun = |b: usize| {
            ACTOR_NOUNS.contains(&s.word(b))
                || (w == "by" && (ACTION_NOUNS.contains(&s.word(b)) || led_group(s, b)))
        };
        return s.previous_word(p).is_some_and(noun);
    }
    !(w == "of" && s.previous_word(p).is_some_and(|b| OPPONENTS.contains(&s.word(b))))
}

/// The first token of the name that a bracketed name at `first` glosses: "X (Y)", "X (formerly Y)".
pub(super) fn glossed(s: &Analysed, first: usize) -> Option<usize> {
    let mut k = first;
    while k > 0 && matches!(s.word(k - 1), "the" | "formerly" | "also" | "known" | "as") {
        k -= 1;
    }
    if k == 0 || s.word(k - 1) != "(" {
        return None;
    }
    let before = k - 1;
    s.factions.iter().find(|f| f.end == before).map(|f| f.first).or_else(|| {
        // "the Misratan-led 13th Battalion (formerly the Third Force)": a noun phrase, not a name.
        (before.saturating_sub(6)..before)
            .find(|&j| matches!(s.word(j), "the" | "a" | "an") && !(j..before).any(|i| s.is_stop(i)))
    })
}

#[derive(Debug, Clone)]
pub(super) struct Actor {
    pub(super) faction: FactionIx,
    pub(super) how: String,
    pub(super) penalty: f64,
    /// Tokens of the name in this sentence, when the side is named here.
    pub(super) span: Option<(usize, usize)>,
}

pub(super) fn named(s: &Analysed, faction: FactionIx, first: usize, end: usize, patron: bool) -> Actor {
    let words = text_of(s, first, end);
    Actor {
        faction,
        how: format!("actor \"{words}\""),
        penalty: if patron { BY_PATRON } else { 0.0 },
        span: Some((first, end)),
    }
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
        faction.map(|faction| Actor {
            faction,
            how: format!("actor \"{w}\" = {what}"),
            penalty: PRONOUN,
            span: None,
        })
    };
    let speaker = speaker_faction(s);
    let carried = || via(cx.last_actor, "the side of the sentences before");
    match w {
        "we" | "us" | "our" => via(speaker.map(|x| x.0).or(cx.last_speaker), "the speaker's side"),
        "he" | "his" | "she" => via(speaker.map(|x| x.0), "the speaker's side")
            .or_else(|| subject_before(s, k).map(|a| Actor { penalty: PRONOUN, span: None, ..a }))
            .or_else(carried),
        "they" | "their" | "it" | "its" => match speaker {
            // "pursuing Jathran's forces fleeing Es Sidra, where they had taken control": in a
            // subordinate clause, the side named last after the speaker.
            Some((_, at))
                if at < k
                    && k > 0
                    && matches!(s.word(k - 1), "where" | "when" | "after" | "as" | "until")
                    && s.factions.iter().any(|f| f.first > at && f.end <= k) =>
            {
                subject_before(s, k).map(|a| Actor { penalty: PRONOUN, span: None, ..a })
            }
            Some((f, at)) if at < k => via(Some(f), "the speaker's side"),
            // "Residents said they ...": the speakers themselves, who are no side.
            _ if matches!(w, "they" | "their")
                && s.speaker == Speaker::Neutral
                && (0..k).any(|j| speakers::is_speech(s.word(j))) =>
            {
                None
            }
            _ => subject_before(s, k).map(|a| Actor { penalty: PRONOUN, span: None, ..a }).or_else(carried),
        },
        // "forced them to retreat": the object is the other side, the one the story was about.
        "them" => forced_side(s, k).or_else(|| {
            let subject = subject_before(s, k).map(|a| a.faction);
            cx.last_actor
                .filter(|&f| Some(f) != subject)
                .and_then(|f| via(Some(f), "the side of the sentences before"))
        }),
        "forces" | "troops" | "fighters" | "army" | "units" => forced_side(s, k).or_else(|| {
            subject_before(s, k).map(|a| Actor { penalty: PRONOUN, span: None, ..a }).or_else(carried)
        }),
        "who" | "which" => (k.saturating_sub(RELATIVE_WINDOW)..k)
            .rev()
            .find_map(|j| {
                s.faction_ending_at(j).map(|f| Actor {
                    penalty: RELATIVE_PRONOUN,
                    ..named(s, f.faction, f.first, f.end, f.by_patron)
                })
            })
            // "the militia is part of a movement, who have been trying": the sentence's subject.
            .or_else(|| {
                (w == "who").then(|| subject_before(s, k)).flatten().map(|a| Actor {
                    penalty: PRONOUN,
                    span: None,
                    ..a
                })
            }),
        _ => None,
    }
}

/// Forms of "force" whose object is made to act ("forcing the army units to retreat").
const FORCING: &[&str] = &["forcing", "forced", "force", "forces"];

/// "clashed with X over P, forcing the army units to retreat": the object of "forcing" at token `k`
/// ("them", "the units") is the side named last before it other than the sentence's subject.
fn forced_side(s: &Analysed, k: usize) -> Option<Actor> {
    let mut j = k;
    while j > 0 && !FORCING.contains(&s.word(j - 1)) {
        if !s.tokens[j - 1].word || s.tokens[j - 1].capital || k - j > 2 {
            return None;
        }
        j -= 1;
    }
    let forcing = j.checked_sub(1)?;
    let subject = subject_before(s, forcing).map(|a| a.faction);
    let f = s.factions.iter().rev().find(|f| f.end <= forcing && Some(f.faction) != subject)?;
    Some(Actor { penalty: PRONOUN, span: None, ..named(s, f.faction, f.first, f.end, f.by_patron) })
}

pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "we" | "us"
            | "our"
            | "he"
            | "his"
            | "she"
            | "they"
            | "them"
            | "their"
            | "it"
            | "its"
            | "who"
            | "which"
    )
}

/// The subject before token `k`: the nearest eligible faction or subject pronoun.
pub(super) fn active_actor(s: &Analysed, cx: &Context, k: usize) -> Option<Actor> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        if let Some(f) = s.faction_ending_at(j) {
            if eligible(s, f.first) && !in_closed_relative(s, f.first, f.end, k) {
                return Some(named(s, f.faction, f.first, f.end, f.by_patron));
            }
            j = f.first;
            continue;
        }
        // "a commander who rejects X, attacked": a relative pronoun whose clause closed is not `k`'s.
        let closed_relative = matches!(s.word(j), "who" | "which") && (j..k).any(|c| s.word(c) == ",");
        if (is_pronoun_at(s, j) && !closed_relative) || is_definite_force(s, j) {
            return pronoun(s, cx, j);
        }
    }
    None
}

/// "A militia, led by X who opposes Y, attacked": a side named inside a relative clause that closed
/// (at a comma) before token `k` is not the subject of `k`.
fn in_closed_relative(s: &Analysed, first: usize, end: usize, k: usize) -> bool {
    let opened = (0..first)
        .rev()
        .take_while(|&j| s.word(j) != ",")
        .any(|j| matches!(s.word(j), "who" | "which" | "that"));
    opened && (end..k).any(|j| s.word(j) == ",")
}

/// Nouns for an armed group that a text may leave unnamed ("a rival faction", "gunmen").
const UNNAMED_GROUPS: &[&str] = &[
    "faction",
    "militia",
    "group",
    "force",
    "coalition",
    "brigade",
    "gunmen",
    "fighters",
    "militants",
    "men",
];
/// Words that may stand between a subject and its verb ("a militia had reportedly seized").
const BEFORE_VERB: &[&str] = &["had", "has", "have", "reportedly", "also", "then", "later", "briefly"];

/// "A rival faction seized", "gunmen overran": the verb at token `k` has a subject that names no
/// side, so no side of the text before is its actor.
pub(super) fn unnamed_subject(s: &Analysed, k: usize) -> bool {
    let mut j = k;
    while j > 0 && BEFORE_VERB.contains(&s.word(j - 1)) {
        j -= 1;
    }
    // "an armed group stormed X and seized Y": a verb after "and" shares the verb before's subject.
    if j > 0 && s.word(j - 1) == "and" {
        let before = s.hits.iter().rev().find(|h| h.end < j && h.first < k);
        return before.is_some_and(|h| !(h.end..j).any(|x| s.in_faction(x)) && unnamed_subject(s, h.first));
    }
    let Some(noun) = j.checked_sub(1).filter(|&n| UNNAMED_GROUPS.contains(&s.word(n)) && !s.in_faction(n))
    else {
        return false;
    };
    // Back over plain adjectives to the article: "a", "an", or none before a plural ("gunmen").
    let mut d = noun;
    while d > 0 && d + 4 > noun && s.tokens[d - 1].word && !s.in_faction(d - 1) {
        if matches!(s.word(d - 1), "a" | "an") {
            return true;
        }
        if matches!(s.word(d - 1), "the" | "its" | "their" | "his" | "our" | "these" | "those")
            || (s.tokens[d - 1].capital && d - 1 > s.dateline_end)
        {
            return false;
        }
        d -= 1;
    }
    // "Jadhran's fighters", "LNA-allied men": a side named before the noun owns it.
    let owner = if d > 1 && s.word(d - 1) == ")" { d - 2 } else { d.saturating_sub(1) };
    let owned = d > 0 && s.in_faction(owner);
    !owned && (s.word(noun).ends_with('n') || s.word(noun).ends_with('s'))
}

/// A subject pronoun at token `k` ("US", the country, is not "us").
pub(super) fn is_pronoun_at(s: &Analysed, k: usize) -> bool {
    is_pronoun(s.word(k)) && !(s.word(k) == "us" && s.tokens[k].capital)
}

/// "the forces", "these troops", "the army units": a side named before, like "they".
pub(super) fn is_definite_force(s: &Analysed, k: usize) -> bool {
    if !matches!(s.word(k), "forces" | "troops" | "fighters" | "army" | "units") || s.in_faction(k) {
        return false;
    }
    // "the army" heads its phrase ("the army said"), not "the army staff".
    if s.word(k) == "army"
        && s.tokens.get(k + 1).is_some_and(|n| n.word && !n.capital && !n.lower.ends_with("ed"))
        && !matches!(
            s.word(k + 1),
            "has" | "had" | "was" | "is" | "said" | "says" | "now" | "also" | "then" | "took" | "began"
        )
    {
        return false;
    }
    // "the military units", "the army units": one plain word may stand between.
    let det = |j: usize| matches!(s.word(j), "the" | "these" | "those");
    (k > 0 && det(k - 1)) || (k > 1 && det(k - 2) && s.tokens[k - 1].word && !s.tokens[k - 1].capital)
}

/// Words that open a clause before the subject ("After taking the airport, the units moved on").
const CLAUSE_OPENERS: &[&str] = &["after", "before", "upon", "following", "having", "since", "while"];

/// For a trigger at `k` inside an opening clause ("After moving into Es Sidra, ..., the LNA"), the
/// subject of the sentence, named after the clause's comma.
pub(super) fn subject_after_clause(s: &Analysed, cx: &Context, k: usize) -> Option<Actor> {
    let open = s.dateline_end;
    if !CLAUSE_OPENERS.contains(&s.word(open)) || (open..k).any(|j| s.in_faction(j) || is_pronoun_at(s, j)) {
        return None;
    }
    // The clause may hold a list ("the airport, the castle and the hotel"): try each comma.
    let commas = (k..s.len()).filter(|&j| s.word(j) == ",");
    commas.take(6).find_map(|comma| {
        let mut j = comma + 1;
        if s.faction_starting_at(j).is_none() && s.word(j) == "the" && !is_definite_force(s, j + 1) {
            j += 1;
        }
        if let Some(f) = s.faction_starting_at(j) {
            return Some(named(s, f.faction, f.first, f.end, f.by_patron));
        }
        let force = (j..(j + 3).min(s.len())).find(|&x| is_definite_force(s, x) || is_pronoun_at(s, x))?;
        pronoun(s, cx, force)
    })
}

/// A faction or pronoun starting within a few words after token `k` (skipping "by", "to", "the").
pub(super) fn actor_after(s: &Analysed, cx: &Context, k: usize) -> Option<(Actor, usize)> {
    // "retaken on Wednesday by forces loyal to the GNA": the date before the agent.
    let date_first = if s.word(k) == "on" { k + 1 } else { k };
    let k = s
        .dates
        .iter()
        .find(|d| (d.first == k || d.first == date_first) && s.word(d.end) == "by")
        .map_or(k, |d| d.end);
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
            (
                "Gharyan was retaken on Friday by forces loyal to the GNA.",
                &["gharyan gna captured 2017-06-02"],
            ),
            ("The LNA said on Friday that its forces had taken Sawkna.", &["sawkna lna captured 2017-06-02"]),
            (
                "LNA forces captured Waddan on Friday and then seized Hun.",
                &["waddan lna captured 2017-06-02", "hun lna captured 2017-06-02"],
            ),
            ("The LNA advanced on Friday. They captured Hun.", &["hun lna captured 2017-06-02"]),
            ("The LNA advanced on Friday, and then a rival faction seized Hun.", &[]),
            (
                "Gunmen clashed with LNA units in Hun on Friday, forcing the army units to retreat.",
                &["hun lna contested 2017-06-02", "hun lna withdrew 2017-06-02"],
            ),
            (
                "A rival faction seized Hun on Friday. The BDB said it now held Hun.",
                &["hun bdb captured 2017-06-02", "hun bdb holds 2017-06-05"],
            ),
        ]);
    }

    #[test]
    fn fighting_with_no_side_named_is_between_the_sides_of_the_story() {
        check(&[
            (
                "The LNA clashed with the BDB in Hun on Friday. Fighting spread to Waddan on Saturday.",
                &[
                    "hun lna contested 2017-06-02",
                    "hun bdb contested 2017-06-02",
                    "waddan bdb contested 2017-06-03",
                    "waddan lna contested 2017-06-03",
                ],
            ),
            // One side's act is no fight of two; and with no fight before, no side at all.
            (
                "The LNA clashed with the BDB in Hun on Friday. An attack on a school in Waddan killed two.",
                &["hun lna contested 2017-06-02", "hun bdb contested 2017-06-02"],
            ),
            ("Fighting spread to Waddan on Saturday.", &[]),
            // Sides that fought where no place is claimed ("south of the capital") are the story's.
            (
                "The LNA fought the BDB south of Hun on Friday. Clashes spread to Waddan on Saturday.",
                &["waddan lna contested 2017-06-03", "waddan bdb contested 2017-06-03"],
            ),
        ]);
    }

    #[test]
    fn fighting_with_no_side_of_its_own_is_between_the_sides_the_sentence_names() {
        check(&[
            (
                "Dozens of BDB fighters were killed on Friday in fierce battles in Hun.",
                &["hun bdb contested 2017-06-02"],
            ),
            (
                "Fighting around Hun began on Friday, when the LNA launched an offensive against the BDB.",
                &["hun lna contested 2017-06-02", "hun bdb contested 2017-06-02"],
            ),
            ("According to a statement by the GNA, ten people died in clashes in Hun on Friday.", &[]),
            (
                "Fighting raged on Friday around Hun, the LNA's main stronghold in the south.",
                &["hun lna holds 2017-06-02"],
            ),
        ]);
    }
}
