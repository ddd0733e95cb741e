//! Reading one sentence's triggers into claims: who (the actor), where (the places), when (the
//! date) and who says so.

use super::dates;
use super::lexicon::{self, FIRM, Hit, NEAR, Voice, WEAK};
use super::sentence::Analysed;
use super::speakers::{self, Speaker};
use crate::model::{Action, FactionIx, PartialDate, PlaceIx, Precision};

/// What the sentences before this one established.
#[derive(Debug, Clone, Copy)]
pub struct Context<'c> {
    pub published: Option<PartialDate>,
    /// The side the last sentences were about, for "they".
    pub last_actor: Option<FactionIx>,
    /// The side whose spokesperson spoke last, for "we" and "he said".
    pub last_speaker: Option<FactionIx>,
    /// The day the story is about, from the last "on Sunday" or "yesterday".
    pub narrative: Option<PartialDate>,
    /// Places of the previous sentence.
    pub topic: &'c [PlaceIx],
    /// Claims read so far in the article.
    pub earlier: &'c [Draft],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub place: PlaceIx,
    pub faction: FactionIx,
    pub action: Action,
    pub date: Option<PartialDate>,
    pub claimed_by: Option<FactionIx>,
    pub confidence: f64,
    pub note: String,
}

/// A trigger that survived negation and intent, with the action and voice it reads as.
#[derive(Debug, Clone, Copy)]
struct Live {
    hit: Hit,
    action: Action,
    voice: Voice,
    attempt: bool,
}

/// Words between "and" and a coordinated verb ("and are advancing").
const AUXILIARIES: &[&str] =
    &["are", "is", "were", "was", "have", "has", "had", "been", "also", "then", "later", "now", "be", "they"];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "remains", "remain", "remained"];
const PRESENT: &[&str] =
    &["is", "are", "remains", "remain", "still", "now", "continue", "continues", "currently", "has", "have"];
/// After "to", these make the next verb a fact ("managed to capture"), not a plan.
const FACTUAL_BEFORE_TO: &[&str] = &[
    "managed",
    "able",
    "succeeded",
    "forced",
    "went",
    "began",
    "started",
    "continued",
    "continue",
    "continues",
];
/// Words before "from/to/with" that keep the next faction an actor ("fighters from X", "forces loyal to X").
const ACTOR_NOUNS: &[&str] = &[
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
const NOT_SUBJECT_BEFORE: &[&str] = &[
    "from", "to", "against", "with", "towards", "toward", "by", "on", "at", "between", "over", "for", "into",
    "than",
];
const OPPONENTS: &[&str] = &["opponents", "opponent", "rivals", "enemies", "enemy", "foes"];
const PART_WORDS: &[&str] = &[
    "positions",
    "position",
    "entrances",
    "entrance",
    "outskirts",
    "suburbs",
    "suburb",
    "parts",
    "part",
    "districts",
    "neighbourhoods",
    "neighborhoods",
    "edges",
    "gates",
    "areas",
    "outposts",
    "checkpoints",
];
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
];
const DESTINATION: &[&str] = &["to", "towards", "toward", "into"];

/// The side a noun trigger belongs to: a faction or possessive right before it ("an LNA attack on",
/// "their stronghold"), or "of X" right after ("the retreat of our forces"); and where its places
/// may start.
fn noun_actor(s: &Analysed, cx: &Context, hit: Hit) -> Option<(Actor, usize)> {
    let before = (hit.first.saturating_sub(5)..hit.first).rev().find_map(|j| {
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

/// The claims a sentence makes.
pub fn read(s: &Analysed, cx: &Context) -> Vec<Draft> {
    // A noun with no side attached ("the last militant bastion") says nothing, and does not cut the
    // stretch of the verb before it.
    let live: Vec<Live> = live_hits(s)
        .into_iter()
        .filter(|l| l.voice != Voice::Noun || noun_actor(s, cx, l.hit).is_some())
        .collect();
    let mut out: Vec<Draft> = Vec::new();
    let mut prev_actor: Option<FactionIx> = None;
    for (h, l) in live.iter().enumerate() {
        let lo = if h > 0 { live[h - 1].hit.end } else { 0 };
        // A verb's stretch runs to the next verb: a noun inside it ("surrounded the group's stronghold
        // of Sirte") shares its places.
        let hi = live[h + 1..]
            .iter()
            .find(|n| n.voice != Voice::Noun || l.voice == Voice::Noun)
            .map_or(s.len(), |n| n.hit.first);
        let drafts = read_hit(s, cx, l, lo, hi, prev_actor);
        if let Some(first) = drafts.first().filter(|_| l.voice != Voice::Noun) {
            prev_actor = Some(first.faction);
        }
        for d in drafts {
            match out.iter_mut().find(|o| (o.place, o.faction, o.action) == (d.place, d.faction, d.action)) {
                Some(o) if o.confidence >= d.confidence => {}
                Some(o) => *o = d,
                None => out.push(d),
            }
        }
    }
    out
}

/// The side a sentence is about when it makes no claim: its first faction in subject position.
pub fn subject(s: &Analysed) -> Option<FactionIx> {
    s.factions.iter().find(|f| eligible(s, f.first)).map(|f| f.faction)
}

fn live_hits(s: &Analysed) -> Vec<Live> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    for hit in &s.hits {
        let e = hit.entry;
        let (mut action, mut voice, mut attempt) = (e.action, e.voice, false);
        let p = s.previous_word(hit.first);
        let window_start = prev_end.max(hit.first.saturating_sub(20));
        prev_end = hit.end;
        let mut intent = (window_start..hit.first).any(|k| lexicon::is_intent(s.word(k)));
        if let Some(p) = p.filter(|&p| s.word(p) == "to") {
            let before = s.previous_word(p).map_or("", |b| s.word(b));
            if lexicon::is_attempt(before) {
                attempt = true;
            } else if !FACTUAL_BEFORE_TO.contains(&before) && !matches!(voice, Voice::Noun) {
                intent = true;
            }
        }
        if intent && !e.has(FIRM) {
            continue;
        }
        let near = hit.first.saturating_sub(6).max(window_start);
        let negated = (near..hit.first).any(|k| {
            let w = s.word(k);
            lexicon::is_negation(w) && (w != "without" || k + 2 >= hit.first)
        });
        let no_longer = (near..hit.first).any(|k| s.word(k) == "no" && s.word(k + 1) == "longer");
        let until_recently = (near..hit.first).any(|k| s.word(k) == "until" && s.word(k + 1) == "recently");
        if no_longer && action == Action::Holds {
            action = Action::Withdrew;
        } else if negated || until_recently {
            continue;
        }
        if attempt && action == Action::Captured {
            action = Action::Contested;
        } else if attempt {
            continue;
        }
        if e.has(lexicon::PARTICIPLE)
            && let Some(p) = p
            && (BE.contains(&s.word(p))
                || (s.word(p).ends_with("ly") && p > 0 && BE.contains(&s.word(p - 1))))
        {
            voice = Voice::Passive;
        }
        out.push(Live { hit: *hit, action, voice, attempt });
    }
    out
}

/// Whether the faction starting at token `first` may be a sentence's subject.
fn eligible(s: &Analysed, first: usize) -> bool {
    let Some(p) = s.previous_word(first) else { return true };
    let w = s.word(p);
    if NOT_SUBJECT_BEFORE.contains(&w) {
        return s.previous_word(p).is_some_and(|b| ACTOR_NOUNS.contains(&s.word(b)));
    }
    !(w == "of" && s.previous_word(p).is_some_and(|b| OPPONENTS.contains(&s.word(b))))
}

#[derive(Debug, Clone)]
struct Actor {
    faction: FactionIx,
    how: String,
    penalty: f64,
}

fn named(s: &Analysed, faction: FactionIx, first: usize, end: usize, patron: bool) -> Actor {
    let words = text_of(s, first, end);
    Actor { faction, how: format!("actor \"{words}\""), penalty: if patron { 0.05 } else { 0.0 } }
}

fn text_of(s: &Analysed, first: usize, end: usize) -> String {
    s.tokens[first..end].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ")
}

fn speaker_faction(s: &Analysed) -> Option<(FactionIx, usize)> {
    match s.speaker {
        Speaker::Faction { faction, at } => Some((faction, at)),
        _ => None,
    }
}

/// The nearest faction before token `k` that may be a subject.
fn subject_before(s: &Analysed, k: usize) -> Option<Actor> {
    (0..k).rev().find_map(|j| {
        let f = s.faction_ending_at(j)?;
        eligible(s, f.first).then(|| named(s, f.faction, f.first, f.end, f.by_patron))
    })
}

/// The side a pronoun at token `k` stands for.
fn pronoun(s: &Analysed, cx: &Context, k: usize) -> Option<Actor> {
    let w = s.word(k);
    let via = |faction: Option<FactionIx>, what: &str| {
        faction.map(|faction| Actor { faction, how: format!("actor \"{w}\" = {what}"), penalty: 0.1 })
    };
    let speaker = speaker_faction(s);
    let carried = || via(cx.last_actor, "the side of the sentences before");
    match w {
        "we" | "us" | "our" => via(speaker.map(|x| x.0).or(cx.last_speaker), "the speaker's side"),
        "he" | "his" | "she" => via(speaker.map(|x| x.0), "the speaker's side")
            .or_else(|| subject_before(s, k).map(|a| Actor { penalty: 0.1, ..a }))
            .or_else(carried),
        "they" | "their" | "it" | "its" => match speaker {
            Some((f, at)) if at < k => via(Some(f), "the speaker's side"),
            // "Residents said they ...": the speakers themselves, who are no side.
            _ if s.speaker == Speaker::Neutral && (0..k).any(|j| speakers::is_speech(s.word(j))) => None,
            _ => subject_before(s, k).map(|a| Actor { penalty: 0.1, ..a }).or_else(carried),
        },
        "forces" | "troops" | "fighters" => {
            subject_before(s, k).map(|a| Actor { penalty: 0.1, ..a }).or_else(carried)
        }
        "who" | "which" => (k.saturating_sub(3)..k).rev().find_map(|j| {
            s.faction_ending_at(j)
                .map(|f| Actor { penalty: 0.05, ..named(s, f.faction, f.first, f.end, f.by_patron) })
        }),
        _ => None,
    }
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "we" | "us" | "our" | "he" | "his" | "she" | "they" | "their" | "it" | "its" | "who" | "which"
    )
}

/// The subject before token `k`: the nearest eligible faction or subject pronoun.
fn active_actor(s: &Analysed, cx: &Context, k: usize) -> Option<Actor> {
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
fn is_pronoun_at(s: &Analysed, k: usize) -> bool {
    is_pronoun(s.word(k)) && !(s.word(k) == "us" && s.tokens[k].capital)
}

/// "the forces", "these troops": a side named before, like "they".
fn is_definite_force(s: &Analysed, k: usize) -> bool {
    matches!(s.word(k), "forces" | "troops" | "fighters")
        && k > 0
        && matches!(s.word(k - 1), "the" | "these" | "those")
        && !s.in_faction(k)
}

/// A faction or pronoun starting within a few words after token `k` (skipping "by", "to", "the").
fn actor_after(s: &Analysed, cx: &Context, k: usize) -> Option<(Actor, usize)> {
    let mut j = k;
    while j < s.len() && j < k + 3 && matches!(s.word(j), "by" | "to" | "the" | "of" | "a") {
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

#[derive(Debug, Clone, Copy)]
struct Found {
    place: PlaceIx,
    anaphor: bool,
    ambiguous: bool,
    part: bool,
    first: usize,
}

#[derive(Debug, Default)]
struct Walk {
    places: Vec<Found>,
    from: Option<FactionIx>,
    to: Option<FactionIx>,
    destination: bool,
    stopped_at: Option<usize>,
}

fn is_reference_point(s: &Analysed, first: usize) -> bool {
    let Some(of) = s.previous_word(first) else { return false };
    s.word(of) == "of" && s.previous_word(of).is_some_and(|c| COMPASS.contains(&s.word(c)))
}

/// Places after a trigger, from token `from` up to `hi`, stopping at the end of its clause.
fn walk_after(s: &Analysed, from: usize, hi: usize, action: Action, near: bool) -> Walk {
    let mut w = Walk::default();
    let mut part = false;
    let mut k = from;
    while k < hi {
        let word = s.word(k);
        if matches!(word, "(" | "[") {
            let close = if word == "(" { ")" } else { "]" };
            k = (k + 1..hi).find(|&j| s.word(j) == close).map_or(hi, |j| j + 1);
            continue;
        }
        if s.is_stop(k) {
            w.stopped_at = Some(k);
            break;
        }
        if near && (from..k).filter(|&j| !s.in_faction(j)).count() > 7 {
            break;
        }
        if PART_WORDS.contains(&word) {
            part = true;
        }
        if let Some(f) = s.faction_starting_at(k) {
            match s.previous_word(k).map(|p| s.word(p)) {
                Some("from") => w.from = w.from.or(Some(f.faction)),
                Some("to") => w.to = w.to.or(Some(f.faction)),
                _ => {}
            }
            k = f.end;
            continue;
        }
        if action == Action::Withdrew && DESTINATION.contains(&word) {
            let next = (k + 1..hi).find(|&j| !matches!(s.word(j), "the" | "a"));
            if next.is_none_or(|n| s.faction_starting_at(n).is_none()) {
                w.destination = true;
                break;
            }
        }
        // "a power station near Sirte": near a place is not the place.
        if matches!(word, "near" | "outside" | "around") && action != Action::Contested {
            w.stopped_at = Some(k);
            break;
        }
        for p in s.places_starting_at(k) {
            if !is_reference_point(s, k) {
                w.places.push(Found {
                    place: p.place,
                    anaphor: p.anaphor,
                    ambiguous: p.ambiguous,
                    part,
                    first: k,
                });
            }
        }
        k += 1;
    }
    w
}

/// Places before a trigger, back to the start of its clause (or `lo`).
fn places_before(s: &Analysed, lo: usize, k: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut j = k;
    while j > lo.max(s.dateline_end) {
        j -= 1;
        if s.is_stop(j) && !matches!(s.word(j), ")" | "]") {
            // "the base, which had been held by X": the place the relative clause hangs on.
            if out.is_empty() && matches!(s.word(j), "which" | "that" | "where") {
                out.extend(nearest_before(s, j).filter(|p| p.first + 4 >= j));
            }
            break;
        }
        for p in s.places_starting_at(j) {
            out.push(Found {
                place: p.place,
                anaphor: p.anaphor,
                ambiguous: p.ambiguous,
                part: false,
                first: j,
            });
        }
    }
    out
}

/// The nearest place before token `k` anywhere in the sentence.
fn nearest_before(s: &Analysed, k: usize) -> Option<Found> {
    (s.dateline_end..k).rev().find_map(|j| {
        s.places_starting_at(j).next().map(|p| Found {
            place: p.place,
            anaphor: p.anaphor,
            ambiguous: p.ambiguous,
            part: false,
            first: j,
        })
    })
}

fn read_hit(
    s: &Analysed,
    cx: &Context,
    l: &Live,
    lo: usize,
    hi: usize,
    prev_actor: Option<FactionIx>,
) -> Vec<Draft> {
    let hit = l.hit;
    let near = hit.entry.has(NEAR);
    let mut notes = vec![format!("\"{}\"", text_of(s, hit.first, hit.end))];
    let mut penalty = if hit.entry.has(WEAK) { 0.15 } else { 0.0 };
    let mut action = l.action;
    let (actor, places, walk) = match l.voice {
        Voice::Active => {
            let coordinated = prev_actor.is_some() && {
                let mut j = hit.first;
                while j > 0 && AUXILIARIES.contains(&s.word(j - 1)) {
                    j -= 1;
                }
                j > 0 && s.word(j - 1) == "and"
            };
            let carried = || {
                prev_actor.map(|faction| Actor {
                    faction,
                    how: "actor carried from the clause before".into(),
                    penalty: 0.1,
                })
            };
            let actor = if coordinated { carried() } else { None };
            let actor = actor.or_else(|| active_actor(s, cx, hit.first)).or_else(|| {
                prev_actor.map(|faction| Actor {
                    faction,
                    how: "actor carried from the clause before".into(),
                    penalty: 0.1,
                })
            });
            let walk = walk_after(s, hit.end, hi, action, near);
            let mut places = walk.places.clone();
            if places.is_empty() {
                let intransitive = hit.end >= s.len() || s.is_stop(hit.end) || !s.tokens[hit.end].word;
                if intransitive && matches!(action, Action::Withdrew | Action::Captured) {
                    places.extend(nearest_before(s, hit.first));
                    notes.push("place named earlier in the sentence".into());
                    penalty += 0.15;
                } else if walk.destination && action == Action::Withdrew {
                    places.extend(cx.topic.iter().rev().take(1).map(|&place| Found {
                        place,
                        anaphor: true,
                        ambiguous: false,
                        part: false,
                        first: hit.end,
                    }));
                    notes.push("place of the sentence before".into());
                    penalty += 0.25;
                } else if !near && let Some(stop) = walk.stopped_at {
                    let more = walk_after(s, stop + 1, hi, action, false);
                    places.extend(more.places.first().copied());
                    notes.push("place beyond the clause".into());
                    penalty += 0.15;
                }
            }
            (actor, places, walk)
        }
        Voice::Passive | Voice::ActorAfter => {
            let places = places_before(s, lo, hit.first);
            let actor = actor_after(s, cx, hit.end).map(|a| a.0).or_else(|| {
                if l.voice != Voice::Passive || action != Action::Captured {
                    return None;
                }
                // "The base was captured": by whoever the article said captured it.
                let place = places.first()?.place;
                let earlier = cx
                    .earlier
                    .iter()
                    .rev()
                    .take(200)
                    .find(|d| d.place == place && d.action == Action::Captured)?;
                Some(Actor {
                    faction: earlier.faction,
                    how: "actor of the article's earlier capture".into(),
                    penalty: 0.2,
                })
            });
            (actor, places, Walk::default())
        }
        Voice::UnderControl => {
            let places: Vec<Found> = places_before(s, lo, hit.first).into_iter().take(1).collect();
            let actor = places.first().and_then(|p| active_actor(s, cx, p.first));
            (actor, places, Walk::default())
        }
        Voice::Noun => {
            let (actor, from) = match noun_actor(s, cx, hit) {
                Some((a, from)) => (Some(a), from),
                None => (None, hit.end),
            };
            let walk = walk_after(s, from, hi, action, near);
            let mut places = walk.places.clone();
            if hit.entry.has(lexicon::EITHER) {
                let before = places_before(s, lo.max(hit.first.saturating_sub(8)), hit.first);
                let after = places.first().copied();
                places = match (before.first().copied(), after) {
                    (Some(b), Some(a)) if hit.first - b.first < a.first - hit.end => vec![b],
                    (Some(b), None) => vec![b],
                    (_, a) => a.into_iter().collect(),
                };
            }
            (actor, places, walk)
        }
    };
    let Some(actor) = actor else { return Vec::new() };
    if places.is_empty() {
        return Vec::new();
    }
    if l.attempt {
        notes.push("an attempt, not a capture".into());
    }
    notes.push(actor.how.clone());
    penalty += actor.penalty;
    let (date, date_note, date_penalty) = date_for(s, cx, hit, lo, hi, action);
    notes.push(date_note);
    penalty += date_penalty;
    let claimed_by = match s.speaker {
        Speaker::Faction { faction, .. } => Some(faction),
        Speaker::Continuing => cx.last_speaker,
        Speaker::Unattributed => Some(actor.faction),
        Speaker::Neutral | Speaker::Nobody => None,
    };
    let mut out = Vec::new();
    for p in places {
        let mut note = notes.clone();
        let mut pen = penalty;
        if p.part && matches!(action, Action::Captured | Action::Holds) {
            action = Action::Contested;
            note.push("part of the place only".into());
        }
        if p.anaphor {
            note.push("place by reference".into());
            pen += 0.15;
        }
        if p.ambiguous {
            note.push("place name is ambiguous".into());
            pen += 0.15;
        }
        let conf = (0.9 - pen).clamp(0.05, 0.99);
        let draft = |faction, action, date, conf: f64, note: &[String]| Draft {
            place: p.place,
            faction,
            action,
            date,
            claimed_by,
            confidence: (conf * 100.0).round() / 100.0,
            note: note.join("; "),
        };
        out.push(draft(actor.faction, action, date, conf, &note));
        if action == Action::Captured
            && let Some(from) = walk.from.filter(|&f| f != actor.faction)
        {
            let month = date.and_then(|d| match d.precision() {
                Precision::Day => PartialDate::month(
                    chrono::Datelike::year(&d.first_day()),
                    chrono::Datelike::month(&d.first_day()),
                ),
                _ => Some(d),
            });
            let mut n = note.clone();
            n.push("held it before: taken \"from\" it".into());
            out.push(draft(from, Action::Holds, month, conf - 0.15, &n));
        }
        if action == Action::Withdrew
            && let Some(to) = walk.to.filter(|&f| f != actor.faction)
        {
            let mut n = note.clone();
            n.push("lost \"to\" it".into());
            out.push(draft(to, Action::Captured, date, conf - 0.15, &n));
        }
    }
    out
}

/// The date a trigger's claim carries, a note on where it came from, and a confidence penalty.
fn date_for(
    s: &Analysed,
    cx: &Context,
    hit: Hit,
    lo: usize,
    hi: usize,
    action: Action,
) -> (Option<PartialDate>, String, f64) {
    // A date across "but" or "while" belongs to the other clause.
    let crosses = |a: usize, b: usize| {
        (a..b).any(|k| matches!(s.word(k), "but" | "while" | "whereas" | "although" | ";"))
    };
    let distance = |d: &dates::DateExpr| {
        let (gap, crossed) = if d.first >= hit.end {
            (d.first - hit.end, crosses(hit.end, d.first))
        } else {
            (hit.first.saturating_sub(d.end) + 1, crosses(d.end, hit.first))
        };
        gap + if crossed { 100 } else { 0 }
    };
    let now =
        (hit.first.saturating_sub(4)..hit.first).any(|k| matches!(s.word(k), "now" | "still" | "currently"));
    if action == Action::Holds
        && now
        && let Some(p) = cx.published
    {
        return (Some(p), "\"now\": the publication date".into(), 0.05);
    }
    let nearest = s.dates.iter().filter(|d| d.first >= lo && d.first < hi).min_by_key(|d| distance(d));
    if let Some(d) = nearest {
        let words = text_of(s, d.first, d.end);
        return match dates::resolve(d.when, cx.published) {
            Some(date) => (Some(date), format!("date \"{words}\""), 0.0),
            None => (None, format!("date \"{words}\" unresolved: no publication date"), 0.3),
        };
    }
    let present = s.tokens.iter().any(|t| PRESENT.contains(&t.lower.as_str()));
    if action == Action::Holds && present {
        return match cx.published {
            Some(p) => (Some(p), "present tense: the publication date".into(), 0.05),
            None => (None, "present tense, but no publication date".into(), 0.3),
        };
    }
    match (cx.narrative, cx.published) {
        (Some(d), _) => (Some(d), "undated: the day the story is about".into(), 0.1),
        (None, Some(p)) => (Some(p), "undated: the publication date".into(), 0.1),
        (None, None) => (None, "undated, and no publication date".into(), 0.3),
    }
}

/// The news day a sentence sets: its last "on Sunday", "yesterday" or "today", resolved.
pub fn news_peg(s: &Analysed, published: Option<PartialDate>) -> Option<PartialDate> {
    s.dates.iter().rev().filter(|d| d.when.is_news_peg()).find_map(|d| dates::resolve(d.when, published))
}
