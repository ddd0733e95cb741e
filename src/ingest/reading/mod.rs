//! Reading one sentence's triggers into claims: which triggers stand (`intent`), who acts
//! (`actors`), where (`walk`), when (`dating`) and who says so, each guess priced in `confidence`.

mod actors;
mod confidence;
mod dating;
mod intent;
mod walk;

pub use dating::news_peg;

use super::lexicon::{self, NEAR, Voice, WEAK};
use super::sentence::Analysed;
use super::speakers::Speaker;
use crate::model::{Action, FactionIx, PartialDate, PlaceIx, Precision};
use actors::{Actor, active_actor, actor_after, eligible, noun_actor};
use confidence::{
    CARRIED_ACTOR, EARLIER_CAPTURE_ACTOR, IMPLIED_CLAIM, PLACE_BEYOND_CLAUSE, PLACE_EARLIER_IN_SENTENCE,
    PLACE_OF_SENTENCE_BEFORE, WEAK_TRIGGER,
};
use intent::{Live, live_hits};
use walk::{Found, Walk, nearest_before, places_before, walk_after};

/// How many of the article's earlier claims "the base was captured" looks back through for who took it.
const EARLIER_CLAIMS_REACH: usize = 200;
/// How far before a trigger that reads either way ("fighting in X") a place may stand.
const EITHER_BEFORE_WINDOW: usize = 8;

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

/// Words between "and" and a coordinated verb ("and are advancing").
const AUXILIARIES: &[&str] =
    &["are", "is", "were", "was", "have", "has", "had", "been", "also", "then", "later", "now", "be", "they"];
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
    let mut penalty = if hit.entry.has(WEAK) { WEAK_TRIGGER } else { 0.0 };
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
                    penalty: CARRIED_ACTOR,
                })
            };
            let actor = if coordinated { carried() } else { None };
            let actor = actor.or_else(|| active_actor(s, cx, hit.first)).or_else(|| {
                prev_actor.map(|faction| Actor {
                    faction,
                    how: "actor carried from the clause before".into(),
                    penalty: CARRIED_ACTOR,
                })
            });
            let walk = walk_after(s, hit.end, hi, action, near);
            let mut places = walk.places.clone();
            if places.is_empty() {
                let intransitive = hit.end >= s.len() || s.is_stop(hit.end) || !s.tokens[hit.end].word;
                if intransitive && matches!(action, Action::Withdrew | Action::Captured) {
                    places.extend(nearest_before(s, hit.first));
                    notes.push("place named earlier in the sentence".into());
                    penalty += PLACE_EARLIER_IN_SENTENCE;
                } else if walk.destination && action == Action::Withdrew {
                    places.extend(cx.topic.iter().rev().take(1).map(|&place| Found {
                        place,
                        anaphor: true,
                        ambiguous: false,
                        part: false,
                        first: hit.end,
                    }));
                    notes.push("place of the sentence before".into());
                    penalty += PLACE_OF_SENTENCE_BEFORE;
                } else if !near && let Some(stop) = walk.stopped_at {
                    let more = walk_after(s, stop + 1, hi, action, false);
                    places.extend(more.places.first().copied());
                    notes.push("place beyond the clause".into());
                    penalty += PLACE_BEYOND_CLAUSE;
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
                    .take(EARLIER_CLAIMS_REACH)
                    .find(|d| d.place == place && d.action == Action::Captured)?;
                Some(Actor {
                    faction: earlier.faction,
                    how: "actor of the article's earlier capture".into(),
                    penalty: EARLIER_CAPTURE_ACTOR,
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
                let before =
                    places_before(s, lo.max(hit.first.saturating_sub(EITHER_BEFORE_WINDOW)), hit.first);
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
    let (date, date_note, date_penalty) = dating::date_for(s, cx, hit, lo, hi, action);
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
            pen += confidence::PLACE_BY_REFERENCE;
        }
        if p.ambiguous {
            note.push("place name is ambiguous".into());
            pen += confidence::AMBIGUOUS_PLACE;
        }
        let conf = confidence::of(pen);
        let draft = |faction, action, date, conf: f64, note: &[String]| Draft {
            place: p.place,
            faction,
            action,
            date,
            claimed_by,
            confidence: confidence::rounded(conf),
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
            out.push(draft(from, Action::Holds, month, conf - IMPLIED_CLAIM, &n));
        }
        if action == Action::Withdrew
            && let Some(to) = walk.to.filter(|&f| f != actor.faction)
        {
            let mut n = note.clone();
            n.push("lost \"to\" it".into());
            out.push(draft(to, Action::Captured, date, conf - IMPLIED_CLAIM, &n));
        }
    }
    out
}

pub(super) fn text_of(s: &Analysed, first: usize, end: usize) -> String {
    s.tokens[first..end].iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ")
}

/// What the rules' table tests share: one sentence (or a few) read as an article published on
/// Monday 5 June 2017, against the frozen seed dataset's places and factions.
#[cfg(test)]
pub(super) mod testing {
    use crate::dataset::{DataDir, Dataset};
    use crate::ingest::Ingestor;
    use crate::model::PartialDate;
    use std::sync::OnceLock;

    fn dataset() -> &'static Dataset {
        static DATASET: OnceLock<Dataset> = OnceLock::new();
        DATASET.get_or_init(|| crate::dataset::load(&DataDir::seed_fixture()).unwrap().dataset)
    }

    /// The claims read from `text`, each as "place faction action date".
    pub fn claims(text: &str) -> Vec<String> {
        let dataset = dataset();
        let published = PartialDate::parse("2017-06-05").ok();
        Ingestor::new(dataset)
            .extract(text, published)
            .proposals
            .iter()
            .map(|p| {
                let date = p.date.map_or("undated".to_string(), |d| d.to_string());
                let (place, faction) = (&dataset.place(p.place).id, &dataset.faction(p.faction).id);
                format!("{place} {faction} {} {date}", p.action.as_str())
            })
            .collect()
    }

    /// Checks each (text, expected claims) row and names every row that reads otherwise.
    pub fn check(cases: &[(&str, &[&str])]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(text, want)| {
                let got = claims(text);
                (got != *want).then(|| format!("{text:?}\n  want {want:?}\n  got  {got:?}"))
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
