//! One trigger's side and places, by its voice: who acts before an active verb and where after it;
//! where before a passive and who after "by"; the owner of a noun; and the fallbacks when the
//! clause itself names no place.

use super::super::factions::FactionMention;
use super::super::lexicon::{self, NEAR, OBJECT, Voice};
use super::super::sentence::Analysed;
use super::actors::{Actor, active_actor, actor_after, noun_actor, subject_after_clause, unnamed_subject};
use super::confidence::{
    CARRIED_ACTOR, EARLIER_CAPTURE_ACTOR, PLACE_BEYOND_CLAUSE, PLACE_EARLIER_IN_SENTENCE,
    PLACE_OF_SENTENCE_BEFORE, WEAK_TRIGGER,
};
use super::intent::Live;
use super::walk::{Found, Walk, list_before, nearest_before, places_before, walk_after, where_antecedent};
use super::{AUXILIARIES, Context};
use crate::model::{Action, FactionIx};

/// How many of the article's earlier claims "the base was captured" looks back through for who took it.
const EARLIER_CLAIMS_REACH: usize = 200;
/// How far before a trigger that reads either way ("fighting in X") a place may stand.
const EITHER_BEFORE_WINDOW: usize = 8;
/// An OBJECT trigger's place starts within this many tokens of it ("left the town").
const OBJECT_REACH: usize = 3;
/// The only words that may stand between an OBJECT trigger and its place.
const OBJECT_WORDS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "key", "strategic", "nearby", "town", "city", "of"];

/// What a trigger's clause says: its side (if any), its places, the walk that found them, and the
/// notes and penalty of the guesses made.
pub(super) struct Reading {
    pub(super) actor: Option<Actor>,
    pub(super) places: Vec<Found>,
    pub(super) walk: Walk,
    pub(super) notes: Vec<String>,
    pub(super) penalty: f64,
    /// What the clause says happened, when it says more than the trigger ("came under LNA control").
    pub(super) action: Option<Action>,
}

pub(super) fn read(
    s: &Analysed,
    cx: &Context,
    l: &Live,
    lo: usize,
    hi: usize,
    prev_actor: Option<FactionIx>,
) -> Reading {
    let mut r = Reading {
        actor: None,
        places: Vec::new(),
        walk: Walk::default(),
        notes: Vec::new(),
        penalty: 0.0,
        action: None,
    };
    match l.voice {
        Voice::Active => active(s, cx, l, lo, hi, prev_actor, &mut r),
        Voice::Passive | Voice::ActorAfter => {
            // "handed the town over to X": the object inside the trigger is what changed hands.
            let inside = places_inside(s, l.hit);
            r.places = if inside.is_empty() { places_before(s, lo, l.hit.first) } else { inside };
            let after = actor_after(s, cx, l.hit.end);
            // "seized by X on Sunday from Y": the side it was taken from, after the agent.
            if let Some((_, end)) = after {
                let walk = walk_after(s, end, hi, l.action, false);
                // "positions held by X in Ain Zara": the place of the positions, after the agent.
                let positions = s
                    .previous_word(l.hit.first)
                    .is_some_and(|p| super::walk::PART_WORDS.contains(&s.word(p)));
                if r.places.is_empty() && positions {
                    r.places = walk.places.iter().map(|p| Found { part: true, ..*p }).collect();
                }
                r.walk = Walk { places: Vec::new(), ..walk };
            }
            r.actor = after.map(|a| a.0).or_else(|| {
                if l.voice != Voice::Passive || l.action != Action::Captured {
                    return None;
                }
                // "The base was captured": by whoever the article said captured it.
                let place = r.places.first()?.place;
                let earlier = cx
                    .earlier
                    .iter()
                    .rev()
                    .take(EARLIER_CLAIMS_REACH)
                    .find(|d| d.place == place && d.action == Action::Captured);
                if let Some(earlier) = earlier {
                    return Some(Actor {
                        faction: earlier.faction,
                        how: "actor of the article's earlier capture".into(),
                        penalty: EARLIER_CAPTURE_ACTOR,
                        span: None,
                    });
                }
                // "Gharyan was liberated on Wednesday, the GNA said": a side says so of its own win.
                let (faction, _) =
                    super::actors::speaker_faction(s).filter(|_| l.hit.entry.words == "liberated")?;
                Some(Actor {
                    faction,
                    how: "the speaker's side, of a place it says was liberated".into(),
                    penalty: super::confidence::PRONOUN,
                    span: None,
                })
            });
        }
        Voice::UnderControl => {
            // "both Sidra and Ras Lanuf remained under their control": the place before and its list.
            r.places = places_before(s, lo, l.hit.first).into_iter().take(1).collect();
            if let Some(&nearest) = r.places.first() {
                r.places.splice(0..0, list_before(s, nearest));
            }
            // "under our control": the owner is the pronoun inside the trigger.
            let owner =
                (l.hit.first..l.hit.end).find(|&k| matches!(s.word(k), "our" | "their" | "its" | "his"));
            r.actor = match owner {
                Some(k) => super::actors::pronoun(s, cx, k),
                None => r.places.first().and_then(|p| active_actor(s, cx, p.first)),
            };
        }
        Voice::Noun => {
            let (actor, from) = match noun_actor(s, cx, l.hit) {
                Some((a, from)) => (Some(a), from),
                None => (None, l.hit.end),
            };
            r.actor = actor;
            r.walk = walk_after(s, from, hi, l.action, l.hit.entry.has(NEAR));
            r.places = r.walk.places.clone();
            if l.hit.entry.has(lexicon::EITHER) {
                let hit = l.hit;
                let before =
                    places_before(s, lo.max(hit.first.saturating_sub(EITHER_BEFORE_WINDOW)), hit.first);
                let after = r.places.first().copied();
                r.places = match (before.first().copied(), after) {
                    (Some(b), Some(a)) if hit.first - b.first < a.first - hit.end => vec![b],
                    (Some(b), None) => vec![b],
                    (_, a) => a.into_iter().collect(),
                };
            }
            // "In Derna, clashes erupted between X and Y": the contest is where the sentence began.
            if r.places.is_empty()
                && l.action == Action::Contested
                && super::sides::between(s).is_some_and(|(x, _)| x.first > l.hit.first)
                && let Some(p) = nearest_before(s, l.hit.first)
            {
                r.places.push(p);
                r.notes.push("place named earlier in the sentence".into());
                r.penalty += PLACE_EARLIER_IN_SENTENCE;
            }
        }
    }
    r
}

fn active(
    s: &Analysed,
    cx: &Context,
    l: &Live,
    lo: usize,
    hi: usize,
    prev_actor: Option<FactionIx>,
    r: &mut Reading,
) {
    let hit = l.hit;
    if under_side_control(s, lo, hit, r) {
        return;
    }
    let near = hit.entry.has(NEAR);
    let carried = || {
        prev_actor.map(|faction| Actor {
            faction,
            how: "actor carried from the clause before".into(),
            penalty: CARRIED_ACTOR,
            span: None,
        })
    };
    let coordinated = prev_actor.is_some() && {
        let mut j = hit.first;
        while j > 0 && AUXILIARIES.contains(&s.word(j - 1)) {
            j -= 1;
        }
        j > 0 && s.word(j - 1) == "and"
    };
    r.actor = if coordinated { carried() } else { None };
    if l.compound
        && let Some(f) = s.faction_ending_at(hit.first - 2)
    {
        r.actor = Some(super::actors::named(s, f.faction, f.first, f.end, f.by_patron));
    }
    r.actor = if r.actor.is_none() && unnamed_subject(s, hit.first) {
        None
    } else {
        r.actor
            .take()
            .or_else(|| subject_after_clause(s, cx, hit.first))
            .or_else(|| active_actor(s, cx, hit.first))
            .or_else(carried)
    };
    r.walk = walk_after(s, hit.end, hi, l.action, near);
    if hit.entry.has(lexicon::EXPEL)
        && let Some(out) = super::walk::expelled_side(s, hit.end)
    {
        // The side driven out lost the place; it is no co-actor.
        r.walk.from = Some(out.faction);
        r.walk.sides.retain(|f| f.first != out.first);
    }
    // "the GNA-controlled city": the place the fused trigger sits inside.
    if l.compound {
        let around = s.places.iter().filter(|p| p.first < hit.first && p.end >= hit.end && !p.locator);
        let mut found: Vec<Found> = around.map(|p| Found::of(p, p.first, false)).collect();
        // "Gharyan, an LNA-held town in the mountains": the place the apposition describes.
        if let Some(f) = s.faction_ending_at(hit.first - 2)
            && f.first >= 1
            && let Some(p) = super::super::places::apposition_to(&s.tokens, &s.places, f.first - 1)
        {
            found.push(Found::of(p, p.first, false));
            r.walk.places.clear();
        }
        r.walk.places.splice(0..0, found);
    }
    if hit.entry.has(OBJECT) {
        // "left the town", "fled the city of Sirte"; not "fleeing militants in western Benghazi".
        let object = |p: &Found| {
            p.first <= hit.end + OBJECT_REACH && (hit.end..p.first).all(|j| OBJECT_WORDS.contains(&s.word(j)))
        };
        r.walk.places.retain(object);
    }
    // "militiamen clashed with LNA units in P": the side fought contests P even if the other is unnamed.
    let fought = |f: &&FactionMention| s.previous_word(f.first).is_some_and(|p| s.word(p) == "with");
    if r.actor.is_none()
        && l.action == Action::Contested
        && let Some(f) = r.walk.sides.iter().find(fought).copied()
    {
        r.walk.sides.retain(|x| x.first != f.first);
        r.actor = Some(super::actors::named(s, f.faction, f.first, f.end, f.by_patron));
    }
    r.places = r.walk.places.clone();
    // An OBJECT trigger says nothing without its object ("fled to the coast", "left 20 dead").
    if !r.places.is_empty() || hit.entry.has(OBJECT) {
        return;
    }
    // "seized Es Sider and Ras Lanuf, driving out the LNA": the places the clause before took.
    if hit.entry.has(lexicon::EXPEL)
        && super::walk::particle_out(s, hit.end)
        && let Some(p) = nearest_before(s, hit.first)
    {
        r.places.extend(list_before(s, p));
        r.places.push(p);
        r.notes.push("place named earlier in the sentence".into());
        r.penalty += PLACE_EARLIER_IN_SENTENCE;
        return;
    }
    let next = s.word(hit.end);
    let intransitive = hit.entry.has(lexicon::INTRANSITIVE)
        || hit.end >= s.len()
        || s.is_stop(hit.end)
        || !s.tokens[hit.end].word;
    let pronoun_object = matches!(next, "it" | "them");
    // "Waddan, which the LNA seized in 2016": the relative pronoun is the verb's object.
    let object_relative = r.actor.as_ref().and_then(|a| a.span).is_some_and(|(first, _)| {
        let mut k = first;
        while k > 0 && matches!(s.word(k - 1), "the" | "a" | "an") {
            k -= 1;
        }
        k > 0 && s.word(k - 1) == "which"
    });
    // "where they had taken control", "where its forces are still in control".
    if (intransitive || pronoun_object || object_relative)
        && let Some(p) = where_antecedent(s, lo, hit.first)
    {
        r.places.push(p);
        r.notes.push("the place the clause is about".into());
        r.penalty += PLACE_EARLIER_IN_SENTENCE;
        return;
    }
    let takes_place_before = matches!(l.action, Action::Withdrew | Action::Captured | Action::Besieged);
    if (intransitive || pronoun_object)
        && takes_place_before
        && let Some(p) = nearest_before(s, hit.first)
    {
        // "took Hun and Waddan ... seized them": "them" is the whole list.
        if next == "them" {
            r.places.extend(list_before(s, p));
        }
        r.places.push(p);
        r.notes.push("place named earlier in the sentence".into());
        r.penalty += PLACE_EARLIER_IN_SENTENCE;
    } else if (walk_ends_nowhere(intransitive, &r.walk) && l.action == Action::Withdrew)
        || (pronoun_object && takes_place_before)
    {
        // "retreated to lay a trap", "forced them to retreat": where the last sentence was.
        let before = cx.claimed_before.first().or(cx.topic.first());
        r.places.extend(before.map(|&place| Found {
            place,
            anaphor: true,
            ambiguous: false,
            part: false,
            first: hit.end,
        }));
        r.notes.push("place of the sentence before".into());
        r.penalty += PLACE_OF_SENTENCE_BEFORE;
    } else if !near && let Some(stop) = r.walk.stopped_at {
        let more = walk_after(s, stop + 1, hi, l.action, false);
        r.places.extend(more.places.first().copied());
        r.notes.push("place beyond the clause".into());
        r.penalty += PLACE_BEYOND_CLAUSE;
    }
}

/// Verbs before "under X control" that say the place changed hands ("came under LNA control").
const CAME_UNDER: &[&str] = &["came", "come", "comes", "coming", "fell", "fallen", "falls", "brought"];
/// Verbs before "to X control" that say the same ("returned to GNA control").
const RETURNED_TO: &[&str] = &["returned", "returns", "reverted", "restored"];

/// "Hun, now under LNA control", "Hun came under GNA control": the side named inside holds (or took)
/// the place before it. The name makes the weak "control" firm.
fn under_side_control(s: &Analysed, lo: usize, hit: super::super::lexicon::Hit, r: &mut Reading) -> bool {
    if s.word(hit.first) != "control" || hit.end != hit.first + 1 || hit.first == 0 {
        return false;
    }
    let Some(f) = s.faction_ending_at(hit.first - 1) else { return false };
    // "under the LNA's control".
    let mut under = f.first.checked_sub(1);
    if under.is_some_and(|u| s.word(u) == "the") {
        under = under.and_then(|u| u.checked_sub(1));
    }
    let verb = |u: usize| if u > 0 { s.word(u - 1) } else { "" };
    let Some(under) =
        under.filter(|&u| s.word(u) == "under" || (s.word(u) == "to" && RETURNED_TO.contains(&verb(u))))
    else {
        return false;
    };
    let Some(place) = places_before(s, lo, under).into_iter().next() else { return false };
    r.actor = Some(super::actors::named(s, f.faction, f.first, f.end, f.by_patron));
    // "Sabha and Murzuq are under LNA control": the place and the list it ends.
    r.places = list_before(s, place);
    r.places.push(place);
    r.penalty -= WEAK_TRIGGER;
    if CAME_UNDER.contains(&verb(under)) || s.word(under) == "to" {
        r.action = Some(Action::Captured);
    }
    true
}

/// Places named between a trigger's first and last word.
fn places_inside(s: &Analysed, hit: super::super::lexicon::Hit) -> Vec<Found> {
    s.places
        .iter()
        .filter(|p| p.first > hit.first && p.end < hit.end && !p.locator && p.first >= s.dateline_end)
        .map(|p| Found::of(p, p.first, false))
        .collect()
}

fn walk_ends_nowhere(intransitive: bool, walk: &Walk) -> bool {
    intransitive || walk.destination
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn a_side_driven_out_or_named_inside_under_control_is_read() {
        check(&[
            (
                "The GNA drove the LNA out of Gharyan on Wednesday.",
                &[
                    "gharyan gna captured 2017-05-31",
                    "gharyan lna holds 2017-05",
                    "gharyan lna withdrew 2017-05-31",
                ],
            ),
            (
                "LNA troops expelled BDB fighters from Hun on Friday.",
                &["hun lna captured 2017-06-02", "hun bdb holds 2017-06", "hun bdb withdrew 2017-06-02"],
            ),
            ("The LNA pushed forward on Friday.", &[]),
            ("Unknown gunmen took Hun on Friday, driving out the LNA.", &["hun lna withdrew 2017-06-02"]),
            (
                "The GNA seized Hun and Waddan on Friday, driving out the LNA.",
                &[
                    "hun gna captured 2017-06-02",
                    "waddan gna captured 2017-06-02",
                    "hun lna holds 2017-06",
                    "hun lna withdrew 2017-06-02",
                    "waddan lna holds 2017-06",
                    "waddan lna withdrew 2017-06-02",
                ],
            ),
            (
                "The GNA drove out the LNA from Gharyan.",
                &[
                    "gharyan gna captured 2017-06-05",
                    "gharyan lna holds 2017-06",
                    "gharyan lna withdrew 2017-06-05",
                ],
            ),
            ("Waddan came under LNA control on Friday.", &["waddan lna captured 2017-06-02"]),
            ("Sawkna, still under GNA control, was calm.", &["sawkna gna holds 2017-06-05"]),
            ("Hun is under the LNA's control.", &["hun lna holds 2017-06-05"]),
            ("Hun returned to GNA control on Friday.", &["hun gna captured 2017-06-02"]),
            ("The LNA took back control of Hun on Friday.", &["hun lna captured 2017-06-02"]),
            ("The LNA tightened its grip on Hun.", &["hun lna holds 2017-06-05"]),
        ]);
    }

    #[test]
    fn more_verbs_and_nouns_of_contest_and_loss_are_read() {
        check(&[
            ("LNA units reached Sawkna on Friday.", &["sawkna lna contested 2017-06-02"]),
            ("The two sides reached a deal on Friday.", &[]),
            ("GNA troops were closing in on Hun on Friday.", &["hun gna contested 2017-06-02"]),
            ("The BDB launched a counterattack on Waddan on Friday.", &["waddan bdb contested 2017-06-02"]),
            (
                "The LNA wrested Hun from the GNA on Friday.",
                &["hun lna captured 2017-06-02", "hun gna holds 2017-06", "hun gna withdrew 2017-06-02"],
            ),
            ("The BDB surrendered Waddan on Friday.", &["waddan bdb withdrew 2017-06-02"]),
            ("The GNA lost control of Hun on Friday.", &["hun gna withdrew 2017-06-02"]),
            (
                "Skirmishes broke out in Waddan on Friday between the LNA and the BDB.",
                &["waddan lna contested 2017-06-02", "waddan bdb contested 2017-06-02"],
            ),
            ("The BDB made gains in Hun on Friday.", &["hun bdb contested 2017-06-02"]),
            ("The GNA carried out a raid on Sawkna on Friday.", &["sawkna gna contested 2017-06-02"]),
            ("The LNA has been fighting for control of Hun.", &["hun lna contested 2017-06-05"]),
            (
                "The LNA was battling GNA forces in Gharyan on Friday.",
                &["gharyan lna contested 2017-06-02", "gharyan gna contested 2017-06-02"],
            ),
            ("The BDB was driven from Waddan on Friday.", &["waddan bdb withdrew 2017-06-02"]),
            ("The GNA gained ground in Gharyan on Friday.", &["gharyan gna contested 2017-06-02"]),
            ("The BDB suffered a defeat in Hun on Friday.", &["hun bdb withdrew 2017-06-02"]),
            ("Hun came under attack from the LNA on Friday.", &["hun lna contested 2017-06-02"]),
            ("Waddan, which the LNA seized on Friday, was quiet.", &["waddan lna captured 2017-06-02"]),
            ("The capture of Hun by the LNA on Friday surprised many.", &["hun lna captured 2017-06-02"]),
            ("The fall of Waddan to the GNA on Friday surprised many.", &["waddan gna captured 2017-06-02"]),
            ("Hun has been under siege by the LNA since March.", &["hun lna besieged 2017-03"]),
            (
                "The LNA dislodged the BDB from Hun on Friday.",
                &["hun lna captured 2017-06-02", "hun bdb holds 2017-06", "hun bdb withdrew 2017-06-02"],
            ),
            ("The LNA launched an offensive to retake Hun on Friday.", &["hun lna contested 2017-06-02"]),
            ("Waddan is the main forward base of the LNA.", &["waddan lna holds 2017-06-05"]),
            ("The LNA struck a deal with the GNA in Hun.", &[]),
            ("Hun was the LNA's main base.", &["hun lna holds 2017-06-05"]),
        ]);
    }

    #[test]
    fn phrases_of_holding_handing_over_besieging_and_stopping_an_attack_are_read() {
        check(&[
            ("Hun, an LNA-held town in the desert, was shelled.", &["hun lna holds 2017-06-05"]),
            ("Hun was liberated on Friday, the LNA said.", &["hun lna captured 2017-06-02"]),
            ("Hun was captured on Friday, the LNA said.", &[]),
            ("Hun is under the de facto control of the LNA.", &["hun lna holds 2017-06-05"]),
            ("The LNA maintains a presence in Hun.", &["hun lna holds 2017-06-05"]),
            ("The LNA's grip on Hun is weakening.", &["hun lna holds 2017-06-05"]),
            ("GNA fighters repelled an LNA advance near Hun.", &["hun lna contested 2017-06-05"]),
            ("GNA forces launched an all-out offensive on Hun.", &["hun gna contested 2017-06-05"]),
            ("Hun was later re-secured by the LNA.", &["hun lna captured 2017-06-05"]),
            ("Hun is now under full siege by GNA forces.", &["hun gna besieged 2017-06-05"]),
            ("GNA jets struck positions held by the LNA in Hun.", &["hun lna contested 2017-06-05"]),
            (
                "GNA forces advanced on Hun, the last foothold of the LNA.",
                &["hun gna contested 2017-06-05", "hun lna contested 2017-06-05", "hun lna holds 2017-06-05"],
            ),
            ("BDB fighters are holed up in Hun.", &["hun bdb holds 2017-06-05"]),
            ("GNA forces have been in Hun since March.", &["hun gna holds 2017-03"]),
            ("BDB fighters fled to Hun on Friday.", &["hun bdb holds 2017-06-02"]),
            (
                "The LNA handed control of Hun to the GNA on Friday.",
                &["hun lna withdrew 2017-06-02", "hun gna captured 2017-06-02"],
            ),
            ("The LNA lifted its siege of Hun on Friday.", &["hun lna withdrew 2017-06-02"]),
            ("The LNA made an incursion into Hun on Friday.", &["hun lna contested 2017-06-02"]),
            ("The GNA foiled an attack on Hun by the LNA on Friday.", &["hun lna contested 2017-06-02"]),
            (
                "Hun and Waddan are under LNA control.",
                &["hun lna holds 2017-06-05", "waddan lna holds 2017-06-05"],
            ),
            ("The LNA launched an operation to capture Hun on Friday.", &["hun lna contested 2017-06-02"]),
            ("LNA forces pushed to within a few kilometres of Hun.", &["hun lna contested 2017-06-05"]),
            ("The BDB quit Hun on Friday.", &["hun bdb withdrew 2017-06-02"]),
            (
                "The BDB said both Hun and Waddan remained under its control.",
                &["hun bdb holds 2017-06-05", "waddan bdb holds 2017-06-05"],
            ),
            (
                "The LNA tightened its grip on Hun ahead of an assault on Waddan.",
                &["hun lna holds 2017-06-05"],
            ),
            ("The BDB pulled its fighters out of Hun on Friday.", &["hun bdb withdrew 2017-06-02"]),
            ("Hun was lost to the LNA on Friday.", &["hun lna captured 2017-06-02"]),
            ("The BDB's loss of Hun on Friday surprised many.", &["hun bdb withdrew 2017-06-02"]),
            ("The loss of Hun to the LNA on Friday surprised many.", &[]),
            ("GNA troops counterattacked in Hun on Friday.", &["hun gna contested 2017-06-02"]),
            ("The LNA established control over Hun on Friday.", &["hun lna captured 2017-06-02"]),
            (
                "The LNA announced the \"total liberation\" of Hun on Friday.",
                &["hun lna captured 2017-06-02"],
            ),
            ("LNA units were approaching Hun on Friday.", &["hun lna contested 2017-06-02"]),
            ("The BDB denied losing Hun on Friday.", &["hun bdb holds 2017-06-02"]),
            ("BDB fighters were pushed back from Hun on Friday.", &["hun bdb withdrew 2017-06-02"]),
            (
                "LNA units chased BDB fighters out of Hun on Friday.",
                &["hun lna captured 2017-06-02", "hun bdb holds 2017-06", "hun bdb withdrew 2017-06-02"],
            ),
            ("The GNA launched a counteroffensive near Hun on Friday.", &["hun gna contested 2017-06-02"]),
            ("GNA forces defended Hun against an LNA assault on Friday.", &["hun gna holds 2017-06-02"]),
            ("The GNA vowed to defend Hun.", &[]),
            ("The GNA halted the LNA's advance in Hun on Friday.", &["hun lna contested 2017-06-02"]),
        ]);
    }
}
