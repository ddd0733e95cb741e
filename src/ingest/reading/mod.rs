//! Reading one sentence's triggers into claims: which triggers stand (`intent`), who acts
//! (`actors`), where (`walk`), when (`dating`) and who says so, each guess priced in `confidence`.

mod actors;
mod confidence;
mod dating;
mod drafts;
mod hit;
mod intent;
mod sides;
mod walk;

pub use dating::news_peg;

use super::lexicon::{self, Voice};
use super::sentence::Analysed;
use crate::model::{Action, FactionIx, PartialDate, PlaceIx};
use actors::{eligible, noun_actor};
use intent::{Live, live_hits};

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
    /// Places the previous sentence made claims about.
    pub claimed_before: &'c [PlaceIx],
    /// The previous sentence said a side met no fight ("faced little resistance").
    pub unopposed_before: bool,
    /// Claims read so far in the article.
    pub earlier: &'c [Draft],
    /// The two sides of a fight named since the article's last claim of fighting, in a sentence
    /// that claimed no place ("Hostilities resumed between X and Y south of the capital").
    pub fight_named: Option<(FactionIx, FactionIx)>,
}

/// The two sides a sentence says fought, when it names two and a contest stands in it.
pub fn fight_sides(s: &Analysed) -> Option<(FactionIx, FactionIx)> {
    if !live_hits(s, false).iter().any(|l| l.action == Action::Contested) {
        return None;
    }
    match actors::sentence_sides(s)[..] {
        [a, b, ..] => Some((a.faction, b.faction)),
        _ => None,
    }
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

/// A capture whose side its sentence leaves unnamed ("a rival faction seized X"): where and when,
/// for a side the next sentence may name.
#[derive(Debug, Clone, PartialEq)]
pub struct Unnamed {
    pub places: Vec<PlaceIx>,
    pub date: Option<PartialDate>,
    pub confidence: f64,
    pub note: String,
}

/// What one sentence says: its claims, and its captures by a side it does not name.
#[derive(Debug, Default)]
pub struct Read {
    pub drafts: Vec<Draft>,
    pub unnamed: Vec<Unnamed>,
}

/// Words between "and" and a coordinated verb ("and are advancing").
pub(super) const AUXILIARIES: &[&str] =
    &["are", "is", "were", "was", "have", "has", "had", "been", "also", "then", "later", "now", "be", "they"];
/// The claims a sentence makes.
pub fn read(s: &Analysed, cx: &Context) -> Read {
    // A noun with no side attached ("the last militant bastion") says nothing, and does not cut the
    // stretch of the verb before it.
    let live: Vec<Live> = live_hits(s, cx.unopposed_before)
        .into_iter()
        .filter(|l| l.voice != Voice::Noun || noun_actor(s, cx, l.hit).is_some())
        .filter(|l| !l.hit.entry.has(lexicon::EXPEL) || walk::expelled_side(s, l.hit.end).is_some())
        .collect();
    // Nouns and "GNA-held" adjectives sit inside a verb's stretch rather than end it.
    let cuts = |l: &Live| l.voice != Voice::Noun && !l.compound;
    let mut out: Vec<Draft> = Vec::new();
    let mut unnamed: Vec<Unnamed> = Vec::new();
    let mut strongholds: Vec<usize> = Vec::new();
    let mut prev_actor: Option<FactionIx> = None;
    let mut entered: Option<(FactionIx, usize)> = None;
    for (h, l) in live.iter().enumerate() {
        let lo = if h > 0 { live[h - 1].hit.end } else { 0 };
        let next = live[h + 1..].iter().position(|n| cuts(n) || !cuts(l)).map(|i| h + 1 + i);
        let mut hi = next.map_or(s.len(), |n| live[n].hit.first);
        // "take and control these ports": the first verb shares the second's object.
        if let Some(n) = next.filter(|&n| s.word(l.hit.end) == "and" && live[n].hit.first == l.hit.end + 1) {
            hi = live[n + 1..].iter().find(|x| cuts(x)).map_or(s.len(), |x| x.hit.first);
        }
        let reading = hit::read(s, cx, l, lo, hi, prev_actor);
        unnamed.extend(unnamed_capture(s, cx, l, lo, hi, &reading));
        let object = s.word(l.hit.end);
        let points_back =
            matches!(object, "it" | "them") || (object == "the" && s.word(l.hit.end + 1) == "area");
        let drafts = drafts::drafts(s, cx, l, lo, hi, reading);
        if drafts.is_empty()
            && points_back
            && matches!(l.action, Action::Holds | Action::Captured)
            && let Some((faction, from)) = entered
        {
            // "stormed the hotel ... and controlled the area": going in, then holding, is a capture.
            for o in out[from..].iter_mut().filter(|o| o.faction == faction && o.action == Action::Contested)
            {
                o.action = Action::Captured;
            }
        }
        if l.hit.entry.has(lexicon::ENTRY) && l.action == Action::Contested {
            entered = drafts.first().map(|d| (d.faction, out.len()));
        }
        if let Some(first) = drafts.first().filter(|_| l.voice != Voice::Noun) {
            prev_actor = Some(first.faction);
        }
        for d in drafts {
            if l.hit.entry.has(lexicon::EITHER) && d.action == Action::Holds {
                strongholds.push(out.len());
            }
            match out.iter_mut().find(|o| (o.place, o.faction, o.action) == (d.place, d.faction, d.action)) {
                Some(o) if o.confidence >= d.confidence => {}
                Some(o) => *o = d,
                None => out.push(d),
            }
        }
    }
    Read { drafts: settle(out, &strongholds), unnamed }
}

/// "A rival faction seized X on Friday": a capture with places and no side, its subject naming none.
fn unnamed_capture(
    s: &Analysed,
    cx: &Context,
    l: &Live,
    lo: usize,
    hi: usize,
    r: &hit::Reading,
) -> Option<Unnamed> {
    let fits = r.actor.is_none()
        && !r.places.is_empty()
        && l.action == Action::Captured
        && l.voice == Voice::Active
        && actors::unnamed_subject(s, l.hit.first);
    if !fits {
        return None;
    }
    let (date, date_note, date_penalty) = dating::date_for(s, cx, l.hit, lo, hi, l.action);
    Some(Unnamed {
        places: r.places.iter().map(|p| p.place).collect(),
        date,
        confidence: confidence::of(r.penalty + date_penalty + confidence::NEXT_SENTENCE_ACTOR),
        note: format!(
            "\"{}\"; {date_note}; actor named in the next sentence",
            text_of(s, l.hit.first, l.hit.end)
        ),
    })
}

/// One sentence's claims made consistent: a side that takes a place does not also "hold" it there
/// ("took and controlled"), and a stronghold taken by another side in the same sentence was the
/// loser's before it fell ("seized Tarhuna, Haftar's last stronghold"), which the capture says.
fn settle(out: Vec<Draft>, strongholds: &[usize]) -> Vec<Draft> {
    let captured = |place, pred: &dyn Fn(FactionIx) -> bool| {
        out.iter().any(|o| o.place == place && o.action == Action::Captured && pred(o.faction))
    };
    out.iter()
        .enumerate()
        .filter(|(i, d)| {
            d.action != Action::Holds
                || !(captured(d.place, &|f| f == d.faction)
                    || (strongholds.contains(i) && captured(d.place, &|f| f != d.faction)))
        })
        .map(|(_, d)| d.clone())
        .collect()
}

/// The side a sentence is about when it makes no claim: its first faction in subject position.
pub fn subject(s: &Analysed) -> Option<FactionIx> {
    s.factions.iter().find(|f| eligible(s, f.first)).map(|f| f.faction)
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
