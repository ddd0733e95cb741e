//! The article, sentence by sentence: finds factions (and masks them, so that "Benghazi Defence
//! Brigades" is no mention of Benghazi), places, dates and triggers, and keeps what the story has
//! established so far (the last side, the last speaker, the news day, recent places).

use super::factions::{FactionMatcher, FactionMention};
use super::lexicon::Lexicon;
use super::places::{self, PlaceRef};
use super::reading::{self, Context, Draft};
use super::sentence::Analysed;
use super::speakers::{self, Speaker};
use super::text::{self, Token};
use super::{Extraction, Proposal, UnknownName, dates, glosses, periods, phrases, published, sites};
use crate::dataset::Dataset;
use crate::gazetteer::{Gazetteer, Mention};
use crate::model::{Action, PartialDate, PlaceIx, PlaceKind};

/// How far into a sentence "this was not true" may come.
const REFUTATION_REACH: usize = 10;
/// How many sentences back "the town" may point.
const ANAPHOR_REACH: usize = 8;
/// A name in a place position that the gazetteer finds this well (and unambiguously) is taken as
/// the place even though the strict reading of running text passed it by.
const LOOSE_MATCH: f64 = 0.9;
/// How well the gazetteer must know a site by its town's name ("Sabha citadel" for "Sebha citadel").
const SITE_MATCH: f64 = 0.85;

/// Reads articles against one dataset's places and factions.
pub struct Ingestor<'d> {
    dataset: &'d Dataset,
    gazetteer: Gazetteer,
    factions: FactionMatcher,
    lower_names: places::LowerNames,
    lexicon: Lexicon,
}

impl<'d> Ingestor<'d> {
    pub fn new(dataset: &'d Dataset) -> Self {
        let gazetteer = Gazetteer::new(&dataset.places);
        let is_place = |w: &str| gazetteer.lookup(w, None).best().is_some_and(|m| m.score >= 0.93);
        let factions = FactionMatcher::new(&dataset.factions, is_place);
        let lower_names = places::LowerNames::new(&dataset.places);
        Ingestor { dataset, gazetteer, factions, lower_names, lexicon: Lexicon::default() }
    }

    pub fn dataset(&self) -> &Dataset {
        self.dataset
    }

    /// The words that name one side alone, derived from the aliases (for reports and tests).
    pub fn patrons(&self) -> Vec<(&str, crate::model::FactionIx)> {
        self.factions.patrons()
    }

    /// Proposes claims from one article. `given` is the publication date from the user, which wins
    /// over a date printed in the text.
    pub fn extract(&self, text: &str, given: Option<PartialDate>) -> Extraction {
        let in_text = published::find(text);
        let published = given.or(in_text.map(|f| f.date));
        let sentences = text::sentences(text);
        let mut prepared: Vec<(Vec<Token>, Vec<FactionMention>)> = Vec::with_capacity(sentences.len());
        for s in &sentences {
            let tokens = text::tokenize(&text[s.start..s.end], s.start);
            let mut factions = phrases::widen(&tokens, &self.factions.find(text, &tokens));
            periods::date_mentions(self.dataset, published, &tokens, &mut factions);
            prepared.push((tokens, factions));
        }
        glosses::add_defined_acronyms(text, &mut prepared);
        glosses::rebind_glossed_patrons(&mut prepared);
        let mut masked = text.as_bytes().to_vec();
        for (tokens, factions) in &prepared {
            for f in factions {
                masked[tokens[f.first].start..tokens[f.end - 1].end].fill(b' ');
            }
        }
        // Whole characters became spaces, so the bytes are still UTF-8.
        let masked = String::from_utf8(masked).unwrap_or_else(|_| text.to_string());
        let mentions = self.gazetteer.find_mentions(&masked);

        let mut state = State::default();
        let mut out = Extraction { published, published_in_text: in_text, ..Extraction::default() };
        let mut next_mention = 0;
        for (si, (s, (tokens, factions))) in sentences.iter().zip(prepared).enumerate() {
            while next_mention < mentions.len() && mentions[next_mention].start < s.start {
                next_mention += 1;
            }
            let mut here = Vec::new();
            while next_mention < mentions.len() && mentions[next_mention].start < s.end {
                here.push(&mentions[next_mention]);
                next_mention += 1;
            }
            let analysed =
                self.analyse(text, s.start, s.end, tokens, factions, &here, si, &mut state, &mut out);
            out.places_seen += analysed.places.iter().filter(|p| !p.anaphor).count();
            out.sentences.push(super::Recognised {
                start: analysed.start,
                end: analysed.end,
                headline: s.headline,
                places: analysed.places.iter().map(|p| p.place).collect(),
                factions: analysed.factions.iter().map(|f| f.faction).collect(),
                triggers: analysed.hits.iter().map(|h| h.entry.action).collect(),
            });
            let mut produced = false;
            let refuting = refutes(&analysed);
            state.starts.push(analysed.start);
            if !s.headline && !analysed.hits.is_empty() {
                let claimed_before: Vec<PlaceIx> =
                    state.claimed.iter().filter(|&&(at, _)| at + 1 == si).map(|&(_, p)| p).collect();
                let cx = Context {
                    published,
                    last_actor: state.last_actor,
                    last_speaker: state.last_speaker,
                    narrative: state.narrative,
                    topic: &state.topic,
                    claimed_before: &claimed_before,
                    unopposed_before: state.unopposed,
                    earlier: &state.drafts,
                    fight_named: state.fight_named,
                };
                let read = reading::read(&analysed, &cx);
                let drafts = read.drafts;
                if refuting {
                    state.refute(&mut out.proposals, si, &drafts);
                }
                for (d, (start, end)) in state.named_now(si, &drafts) {
                    out.proposals.push(Proposal::from_draft(&d, start, end));
                    state.drafts.push(d);
                }
                state.unnamed =
                    read.unnamed.into_iter().map(|u| (si, analysed.start, analysed.end, u)).collect();
                produced = !drafts.is_empty();
                if drafts.iter().any(|d| d.action.is_fighting()) {
                    state.fight_named = None;
                } else if !produced && let Some(sides) = reading::fight_sides(&analysed) {
                    state.fight_named = Some(sides);
                }
                state.last_actor = drafts.first().map(|d| d.faction).or(state.last_actor);
                for d in drafts {
                    out.proposals.push(Proposal::from_draft(&d, analysed.start, analysed.end));
                    *state.claims_per_place.entry(d.place).or_default() += 1;
                    state.claimed.push((si, d.place));
                    state.drafts.push(d);
                }
            }
            let words: Vec<&str> = analysed.tokens.iter().map(|t| t.lower.as_str()).collect();
            state.unopposed = super::lexicon::is_unopposed(&words);
            state.after(&analysed, si, published, produced);
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn analyse(
        &self,
        text: &str,
        start: usize,
        end: usize,
        tokens: Vec<Token>,
        factions: Vec<FactionMention>,
        mentions: &[&Mention],
        si: usize,
        state: &mut State,
        out: &mut Extraction,
    ) -> Analysed {
        let token_at = |byte: usize| tokens.iter().position(|t| t.start >= byte).unwrap_or(tokens.len());
        let mut places: Vec<PlaceRef> = mentions
            .iter()
            .filter_map(|m| {
                let best = m.lookup.best()?;
                let (first, end) = (token_at(m.start), token_at(m.end));
                (end > first).then_some(PlaceRef {
                    first,
                    end,
                    place: best.place,
                    anaphor: false,
                    ambiguous: m.lookup.ambiguous,
                    locator: false,
                })
            })
            .collect();
        let in_faction = |k: usize| factions.iter().any(|f| f.first <= k && k < f.end);
        for (first, end, place) in self.lower_names.find(&tokens) {
            let overlaps =
                (first..end).any(|k| in_faction(k) || places.iter().any(|p| p.first <= k && k < p.end));
            if !overlaps {
                places.push(PlaceRef { first, end, place, anaphor: false, ambiguous: false, locator: false });
            }
        }
        let taken =
            |k: usize, places: &[PlaceRef]| in_faction(k) || places.iter().any(|p| p.first <= k && k < p.end);
        for (first, end) in places::name_candidates(&tokens, |k| taken(k, &places)) {
            let name = &text[tokens[first].start..tokens[end - 1].end];
            let lookup = self.gazetteer.lookup(name, None);
            match lookup.best() {
                Some(best) if best.score >= LOOSE_MATCH && !lookup.ambiguous => {
                    places.push(PlaceRef {
                        first,
                        end,
                        place: best.place,
                        anaphor: false,
                        ambiguous: false,
                        locator: false,
                    });
                }
                Some(_) => {}
                None => out.unknown.push(UnknownName {
                    name: name.to_string(),
                    start: tokens[first].start,
                    suggestions: lookup
                        .suggestions
                        .iter()
                        .map(|m| self.dataset.place(m.place).name.clone())
                        .collect(),
                }),
            }
        }
        let anaphors = places::anaphors(&tokens, |k| taken(k, &places));
        for a in anaphors {
            // "Qasr bin Ghashir, a district on the road": the apposition describes the place before.
            if places::apposition_to(&tokens, &places, a.first).is_some() {
                continue;
            }
            let kind = |p: PlaceIx| self.dataset.place(p).kind;
            let pointed = |place: PlaceIx| PlaceRef {
                first: a.first,
                end: a.end,
                place,
                anaphor: true,
                ambiguous: false,
                locator: false,
            };
            if let Some(count) = a.count {
                let here = plural_in_sentence(&places, a.first, count, |p| a.class.accepts(kind(p), 0));
                let found = here
                    .unwrap_or_else(|| plural(state, si, count, |p, back| a.class.accepts(kind(p), back)));
                places.extend(found.into_iter().map(pointed));
                continue;
            }
            let in_sentence = places
                .iter()
                .rev()
                .find(|p| p.end <= a.first && !p.anaphor && a.class.accepts(kind(p.place), 0))
                .map(|p| p.place);
            // Earlier sentences: the place the story has made most claims about, then the latest.
            let claims_about = |p: PlaceIx| state.claims_per_place.get(&p).copied().unwrap_or(0);
            let earlier = state
                .memory
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, (at, _))| at + ANAPHOR_REACH >= si)
                .filter(|(_, (at, p))| a.class.accepts(kind(*p), si - at))
                .max_by_key(|(order, (_, p))| (claims_about(*p), *order))
                .map(|(_, (_, p))| *p);
            let site = || self.site_of_town(&tokens, a, &places, state, si);
            let found = if old_quarter(&tokens, a) {
                site().or(in_sentence).or(earlier)
            } else {
                in_sentence.or(earlier).or_else(site)
            };
            places.extend(found.map(pointed));
        }
        places.sort_by_key(|p| p.first);
        let lookup = |query: &str| {
            let found = self.gazetteer.lookup(query, None);
            let best = found.best().filter(|m| m.score >= SITE_MATCH && !found.ambiguous)?;
            Some((best.place, best.matched_name.clone()))
        };
        sites::resolve(&tokens, &mut places, in_faction, &lookup, |p| {
            let place = self.dataset.place(p);
            (place.name.clone(), place.kind)
        });
        let dates = dates::find(&tokens);
        let hits = self.lexicon.find(&tokens, |k| taken(k, &places));
        let speaker = speakers::speaker(&tokens, &factions);
        let dateline_end = dateline_end(text, &tokens);
        Analysed { start, end, tokens, factions, places, dates, hits, speaker, dateline_end }
    }
}

/// How the gazetteer may name a site of a town that a pointing phrase ends in ("{}" is the town).
const TOWN_SITES: &[(&str, &[&str])] = &[
    ("airport", &["{} international airport", "{} airport"]),
    ("airfield", &["{} airport"]),
    ("port", &["{} port"]),
    ("harbour", &["{} port"]),
    ("seaport", &["{} port"]),
    ("city", &["{} old city", "{} old town"]),
    ("town", &["{} old city", "{} old town"]),
];

/// "the old city", "the old town": a quarter of the town the story is about, not the town.
fn old_quarter(tokens: &[Token], a: places::Anaphor) -> bool {
    a.end >= 2 && tokens[a.end - 2].lower == "old"
}

impl Ingestor<'_> {
    /// "the airport", "the port", "the old city": the site of that name in the town the sentence or
    /// the story is about, when the gazetteer knows one.
    fn site_of_town(
        &self,
        tokens: &[Token],
        a: places::Anaphor,
        places: &[PlaceRef],
        state: &State,
        si: usize,
    ) -> Option<PlaceIx> {
        let noun = tokens.get(a.end - 1)?.stem();
        let old = old_quarter(tokens, a);
        let (head, patterns) = TOWN_SITES.iter().find(|(w, _)| *w == noun)?;
        if matches!(*head, "city" | "town") != old {
            return None;
        }
        let town_kind = |p: PlaceIx| matches!(self.dataset.place(p).kind, PlaceKind::City | PlaceKind::Town);
        let here = places.iter().rev().find(|p| p.end <= a.first && !p.anaphor && town_kind(p.place));
        let claims_about = |p: PlaceIx| state.claims_per_place.get(&p).copied().unwrap_or(0);
        let town = here.map(|p| p.place).or_else(|| {
            let recent =
                state.memory.iter().enumerate().rev().take_while(|(_, (at, _))| at + ANAPHOR_REACH >= si);
            recent
                .filter(|(_, (_, p))| town_kind(*p))
                .max_by_key(|(order, (_, p))| (claims_about(*p), *order))
                .map(|(_, (_, p))| *p)
        })?;
        let name = &self.dataset.place(town).name;
        let last = if old { "old" } else { head };
        patterns.iter().find_map(|pattern| {
            let found = self.gazetteer.lookup(&pattern.replace("{}", name), None);
            let best = found.best().filter(|m| m.score >= SITE_MATCH && !found.ambiguous)?;
            (best.place != town && best.matched_name.to_lowercase().contains(last)).then_some(best.place)
        })
    }
}

/// The places "both ports" or "these towns" point at: of the kind `fits` accepts (given how many
/// sentences back), the latest the story made claims about, else the latest it named; `count` of
/// them (0: all of the latest sentence that has any). None unless that many are found.
fn plural(state: &State, si: usize, count: usize, fits: impl Fn(PlaceIx, usize) -> bool) -> Vec<PlaceIx> {
    let pick = |list: &[(usize, PlaceIx)]| {
        let mut out: Vec<PlaceIx> = Vec::new();
        let mut sentence = None;
        for &(at, p) in list.iter().rev().take_while(|(at, _)| at + ANAPHOR_REACH >= si) {
            if !fits(p, si - at) || out.contains(&p) || sentence.is_some_and(|x| count == 0 && x != at) {
                continue;
            }
            sentence = sentence.or(Some(at));
            out.push(p);
            if out.len() == count {
                break;
            }
        }
        (!out.is_empty() && (out.len() == count || (count == 0 && out.len() >= 2))).then_some(out)
    };
    pick(&state.claimed).or_else(|| pick(&state.memory)).unwrap_or_default()
}

/// "retook Es Sider and Ras Lanuf from X, who had seized the two ports in May": the places of the kind
/// `fits` accepts named before token `before` in the same sentence, when there are as many as `count`
/// says (0: two or more).
fn plural_in_sentence(
    places: &[PlaceRef],
    before: usize,
    count: usize,
    fits: impl Fn(PlaceIx) -> bool,
) -> Option<Vec<PlaceIx>> {
    let mut out: Vec<PlaceIx> = Vec::new();
    for p in places.iter().rev().filter(|p| p.end <= before && !p.anaphor && fits(p.place)) {
        if !out.contains(&p.place) && (count == 0 || out.len() < count) {
            out.push(p.place);
        }
    }
    out.reverse();
    (if count == 0 { out.len() >= 2 } else { out.len() == count }).then_some(out)
}

/// "This, however, was not true", "The claims are false": a sentence that says the one before it
/// was untrue.
fn refutes(s: &Analysed) -> bool {
    let opens = matches!(s.word(0), "this" | "that" | "these" | "those" | "such")
        || (s.word(0) == "the" && matches!(s.word(1), "claim" | "claims" | "report" | "reports"));
    let false_words = |k: usize| {
        matches!(s.word(k), "false" | "untrue" | "baseless" | "incorrect" | "fabricated" | "unfounded")
            || (s.word(k) == "not" && matches!(s.word(k + 1), "true" | "correct" | "accurate"))
    };
    opens && (0..s.len().min(REFUTATION_REACH)).any(false_words)
}

/// "BENGHAZI, Libya —" or "TRIPOLI (Reuters) -": the index of the first token after the dateline.
fn dateline_end(text: &str, tokens: &[Token]) -> usize {
    let Some(first) = tokens.first() else { return 0 };
    let word = &text[first.start..first.end];
    if word.chars().count() < 3 || !word.chars().all(|c| c.is_uppercase()) {
        return 0;
    }
    tokens
        .iter()
        .enumerate()
        .take(8)
        .find(|(k, t)| {
            matches!(t.lower.as_str(), "—" | "–") || (t.lower == "-" && *k > 0 && tokens[k - 1].end < t.start)
        })
        .map_or(0, |(k, _)| k + 1)
}

/// What the story has established by the current sentence.
#[derive(Debug, Default)]
struct State {
    last_actor: Option<crate::model::FactionIx>,
    last_speaker: Option<crate::model::FactionIx>,
    narrative: Option<PartialDate>,
    /// Named places so far, with their sentence, for "the town".
    memory: Vec<(usize, PlaceIx)>,
    /// Places of the last sentence.
    topic: Vec<PlaceIx>,
    drafts: Vec<Draft>,
    claims_per_place: std::collections::HashMap<PlaceIx, usize>,
    /// The places of the story's claims, with their sentence, in order.
    claimed: Vec<(usize, PlaceIx)>,
    /// Where each sentence so far starts in the text.
    starts: Vec<usize>,
    /// The last sentence said a side met no fight.
    unopposed: bool,
    /// Two sides a claimless sentence said fought, since the last claim of fighting.
    fight_named: Option<(crate::model::FactionIx, crate::model::FactionIx)>,
    /// Captures whose side their sentence left unnamed: the sentence, its byte range, and the capture.
    unnamed: Vec<(usize, usize, usize, reading::Unnamed)>,
}

impl State {
    /// "A rival faction seized X on Friday. The BDB said it now held X": the captures of the
    /// sentence before, given to the side this sentence says took or holds one of their places,
    /// with the byte range of the sentence they are quoted from.
    fn named_now(&self, si: usize, drafts: &[Draft]) -> Vec<(Draft, (usize, usize))> {
        let mut out = Vec::new();
        for (_, start, end, u) in self.unnamed.iter().filter(|(at, ..)| at + 1 == si) {
            let side = drafts.iter().find(|d| {
                u.places.contains(&d.place) && matches!(d.action, Action::Holds | Action::Captured)
            });
            let Some(side) = side else { continue };
            for &place in &u.places {
                let draft = Draft {
                    place,
                    faction: side.faction,
                    action: Action::Captured,
                    date: u.date,
                    claimed_by: side.claimed_by,
                    confidence: u.confidence,
                    note: u.note.clone(),
                };
                out.push((draft, (*start, *end)));
            }
        }
        out
    }

    /// "This, however, was not true: the base remained in Misratan hands": the claims of the two
    /// sentences before that another side took or holds a place this sentence gives to its side are
    /// dropped; with no claim here, all the claims of the sentence before are.
    fn refute(&mut self, proposals: &mut Vec<Proposal>, si: usize, drafts: &[Draft]) {
        let recent: Vec<usize> = self.starts.iter().rev().skip(1).take(2).copied().collect();
        let before = proposals.len();
        proposals.retain(|p| {
            let conflicts = drafts.iter().any(|d| {
                d.place == p.place
                    && d.faction != p.faction
                    && matches!(p.action, crate::model::Action::Captured | crate::model::Action::Holds)
            });
            !recent.contains(&p.start)
                || !(conflicts || (drafts.is_empty() && recent.first() == Some(&p.start)))
        });
        if proposals.len() < before {
            // Their drafts are no longer the story's: forget them as earlier captures too.
            let kept: Vec<Draft> = self
                .drafts
                .iter()
                .filter(|d| {
                    proposals
                        .iter()
                        .any(|p| p.place == d.place && p.faction == d.faction && p.action == d.action)
                })
                .cloned()
                .collect();
            self.drafts = kept;
            self.claimed
                .retain(|&(at, _)| at + 2 < si || proposals.iter().any(|p| p.start == self.starts[at]));
        }
    }

    fn after(&mut self, s: &Analysed, si: usize, published: Option<PartialDate>, produced: bool) {
        match s.speaker {
            Speaker::Faction { faction, .. } => self.last_speaker = Some(faction),
            Speaker::Neutral => self.last_speaker = None,
            Speaker::Continuing | Speaker::Unattributed | Speaker::Nobody => {}
        }
        if let Some(day) = reading::news_peg(s, published) {
            self.narrative = Some(day);
        }
        if !produced && let Some(subject) = reading::subject(s) {
            self.last_actor = Some(subject);
        }
        let named: Vec<PlaceIx> =
            s.places.iter().filter(|p| !p.anaphor && p.first >= s.dateline_end).map(|p| p.place).collect();
        self.memory.extend(named.iter().map(|&p| (si, p)));
        let all: Vec<PlaceIx> =
            s.places.iter().filter(|p| p.first >= s.dateline_end).map(|p| p.place).collect();
        if !all.is_empty() {
            self.topic = all;
        } else {
            self.topic.clear();
        }
    }
}
