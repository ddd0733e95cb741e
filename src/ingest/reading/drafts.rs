//! A reading made into claims: one per place and side, dated, each guess priced; and the claims a
//! capture implies about the side it was taken from or lost to.

use super::super::lexicon::{self, Voice, WEAK};
use super::super::sentence::Analysed;
use super::super::speakers::Speaker;
use super::actors::{Actor, SENTENCE_SIDES, STORY_SIDES, sentence_sides, story_sides};
use super::confidence::{self, HELD_BEFORE, IMPLIED_CLAIM, WEAK_TRIGGER};
use super::hit::Reading;
use super::intent::Live;
use super::sides::co_actors;
use super::{Context, Draft, dating, text_of};
use crate::model::{Action, FactionIx, PartialDate, Precision};

/// The note on an entry read as a contest.
pub(super) const GOING_IN: &str = "going in is not yet holding";

pub(super) fn drafts(s: &Analysed, cx: &Context, l: &Live, lo: usize, hi: usize, r: Reading) -> Vec<Draft> {
    let hit = l.hit;
    let said = r.action.unwrap_or(l.action);
    if r.places.is_empty() {
        return Vec::new();
    }
    let Some(actor) = r.actor else { return expelled_only(s, cx, l, lo, hi, r) };
    let mut notes = vec![format!("\"{}\"", text_of(s, hit.first, hit.end))];
    notes.extend(r.notes);
    let mut penalty = r.penalty + if hit.entry.has(WEAK) { WEAK_TRIGGER } else { 0.0 };
    if l.attempt {
        notes.push("an attempt, not a capture".into());
    }
    if hit.entry.has(lexicon::ENTRY) && said == Action::Contested {
        notes.push(GOING_IN.into());
    }
    notes.push(actor.how.clone());
    penalty += actor.penalty;
    let (date, date_note, date_penalty) = if l.compound {
        // "GNA-held Tripoli" says how things stand as the article is written.
        (cx.published, "held as written: the publication date".to_string(), confidence::PRESENT_DATE)
    } else {
        dating::date_for(s, cx, hit, lo, hi, said)
    };
    notes.push(date_note);
    penalty += date_penalty;
    let claimed_by = claimed_by(s, cx, Some(actor.faction));
    let mut others = co_actors(s, said, &actor, hit, &r.walk);
    if actor.how == STORY_SIDES
        && let Some((_, Some(second))) = story_sides(cx)
    {
        others.push(Actor { faction: second, ..actor.clone() });
    }
    if actor.how == SENTENCE_SIDES {
        for f in sentence_sides(s) {
            if f.faction != actor.faction && !others.iter().any(|o| o.faction == f.faction) {
                others.push(Actor { faction: f.faction, ..actor.clone() });
            }
        }
    }
    let mut out = Vec::new();
    for p in r.places {
        let mut note = notes.clone();
        let mut pen = penalty;
        let mut action = said;
        if action == Action::Holds && l.voice == Voice::Passive && held_no_longer(s, hit.first, hi) {
            action = Action::Withdrew;
            note.push("held before, no longer: \"had been\" or \"previously\"".into());
        }
        // "is being driven out of Derna": still being fought for.
        if matches!(action, Action::Captured | Action::Withdrew)
            && hit.first > 0
            && s.word(hit.first - 1) == "being"
        {
            action = Action::Contested;
            note.push("in progress: \"being\"".into());
        }
        if p.part && matches!(action, Action::Captured | Action::Holds) {
            action = Action::Contested;
            note.push("part of the place only".into());
            pen += confidence::PART_OF_PLACE;
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
        for other in &others {
            let mut n = note.clone();
            n.push(format!("also {}", other.how));
            out.push(draft(other.faction, action, date, conf - other.penalty, &n));
        }
        let taken_from = r.walk.from.filter(|&f| f != actor.faction);
        if let Some(from) = taken_from.filter(|_| matches!(action, Action::Captured | Action::Contested)) {
            let mut n = note.clone();
            n.push("held it before: taken \"from\" it".into());
            out.push(draft(from, Action::Holds, month_of(date), conf - HELD_BEFORE, &n));
            if action == Action::Captured {
                let mut n = note.clone();
                n.push("lost it: taken \"from\" it".into());
                out.push(draft(from, Action::Withdrew, date, conf - IMPLIED_CLAIM, &n));
            }
        }
        if action == Action::Withdrew
            && let Some(to) = r.walk.to.filter(|&f| f != actor.faction)
        {
            let mut n = note.clone();
            n.push("lost \"to\" it".into());
            out.push(draft(to, Action::Captured, date, conf - IMPLIED_CLAIM, &n));
        }
    }
    out
}

/// Who makes the claim: the speaker's side, else the actor's when no one is quoted.
fn claimed_by(s: &Analysed, cx: &Context, actor: Option<FactionIx>) -> Option<FactionIx> {
    match s.speaker {
        Speaker::Faction { faction, .. } => Some(faction),
        Speaker::Continuing => cx.last_speaker,
        Speaker::Unattributed => actor,
        Speaker::Neutral | Speaker::Nobody => None,
    }
}

/// "A rival faction seized Es Sider, driving out the LNA": the side driven out lost the places even
/// when the side that drove it out goes unnamed.
fn expelled_only(s: &Analysed, cx: &Context, l: &Live, lo: usize, hi: usize, r: Reading) -> Vec<Draft> {
    let Some(from) = r.walk.from.filter(|_| l.hit.entry.has(lexicon::EXPEL)) else { return Vec::new() };
    let (date, date_note, date_penalty) = dating::date_for(s, cx, l.hit, lo, hi, Action::Withdrew);
    let mut notes = vec![format!("\"{}\"", text_of(s, l.hit.first, l.hit.end))];
    notes.extend(r.notes);
    notes.push(date_note);
    notes.push("lost it: driven out".into());
    let penalty = r.penalty + date_penalty + IMPLIED_CLAIM;
    r.places
        .iter()
        .map(|p| Draft {
            place: p.place,
            faction: from,
            action: Action::Withdrew,
            date,
            claimed_by: claimed_by(s, cx, None),
            confidence: confidence::rounded(confidence::of(penalty)),
            note: notes.join("; "),
        })
        .collect()
}

/// Words before a passive "held by" that put the holding in the past: "had been held by",
/// "previously controlled by", "formerly occupied by" (a story says so of a place that changed hands).
/// "had been held by X since 2014" dates the holding itself, and stays a holding.
fn held_no_longer(s: &Analysed, first: usize, hi: usize) -> bool {
    if (first..hi).any(|k| s.word(k) == "since") {
        return false;
    }
    let before: Vec<&str> = (first.saturating_sub(3)..first).map(|k| s.word(k)).collect();
    let pluperfect = before.ends_with(&["had", "been"]) || before.ends_with(&["had", "previously", "been"]);
    pluperfect || before.last().is_some_and(|w| matches!(*w, "previously" | "formerly" | "once"))
}

/// The month a date falls in ("held it before" is known only that closely).
fn month_of(date: Option<PartialDate>) -> Option<PartialDate> {
    date.and_then(|d| match d.precision() {
        Precision::Day => PartialDate::month(
            chrono::Datelike::year(&d.first_day()),
            chrono::Datelike::month(&d.first_day()),
        ),
        _ => Some(d),
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn a_holding_put_in_the_past_reads_as_lost() {
        check(&[
            ("Hun, which had been held by the BDB, fell on Friday.", &["hun bdb withdrew 2017-06-02"]),
            (
                "The LNA entered Hun, previously controlled by the BDB.",
                &["hun lna contested 2017-06-05", "hun bdb withdrew 2017-06-05"],
            ),
            ("Hun is held by the BDB.", &["hun bdb holds 2017-06-05"]),
            ("Hun, which had been held by the BDB since 2015, fell on Friday.", &["hun bdb holds 2015"]),
            ("The BDB is being driven out of Hun.", &["hun bdb contested 2017-06-05"]),
        ]);
    }
}
