//! Sides a claim names beside its actor: the other side of "clashes between X and Y", an ally ("X in
//! alliance with Y", "X and Y stormed"), and the side a contest is fought against ("attacked Y's
//! fighters in P").

use super::super::factions::FactionMention;
use super::super::lexicon::{Hit, WEAK};
use super::super::sentence::Analysed;
use super::super::text::is_quote_mark;
use super::actors::{Actor, named};
use super::walk::Walk;
use crate::model::Action;

/// Words after a side that bring in its ally.
const ALLIANCE: &[&[&str]] = &[
    &["in", "alliance", "with"],
    &["together", "with"],
    &["along", "with"],
    &["alongside"],
    &["backed", "by"],
    &["supported", "by"],
    &["with", "the", "support", "of"],
    &["with", "the", "backing", "of"],
];

/// The other sides of a claim whose actor is `actor`.
pub(super) fn co_actors(s: &Analysed, action: Action, actor: &Actor, hit: Hit, walk: &Walk) -> Vec<Actor> {
    let hit_first = hit.first;
    let mut out: Vec<Actor> = Vec::new();
    let mut add = |a: Actor| {
        if a.faction != actor.faction && !out.iter().any(|o| o.faction == a.faction) {
            out.push(a);
        }
    };
    let mention = |f: &FactionMention| named(s, f.faction, f.first, f.end, f.by_patron);
    if action == Action::Contested {
        if let Some((x, y)) = between(s) {
            add(mention(x));
            if let Some(y) = y {
                add(mention(y));
            }
        }
        // "seized X after clashes with the PFG at Y": the side fought "with" fought the subject.
        let fought_with = actor
            .span
            .is_some_and(|(first, _)| first > hit_first && (hit.end..first).any(|k| s.word(k) == "with"));
        if fought_with
            && let Some(subject) =
                s.factions.iter().rev().find(|f| f.end <= hit_first && super::actors::eligible(s, f.first))
        {
            add(mention(subject));
        }
        // Shelling or striking a side is no contest of a place by the side struck.
        if !hit.entry.has(WEAK) {
            for f in &walk.sides {
                add(mention(f));
            }
        }
    }
    if let Some((first, end)) = actor.span.filter(|&(_, end)| end <= hit_first) {
        if let Some(ally) = ally_after(s, end) {
            add(mention(ally));
        }
        // "X and Y stormed": the side before "and".
        let mut k = first;
        while k > 0 && is_quote_mark(s.word(k - 1)) {
            k -= 1;
        }
        if k > 1 && s.word(k - 1) == "and" {
            let mut j = k - 1;
            while j > 0 && (is_quote_mark(s.word(j - 1)) || s.word(j - 1) == ",") {
                j -= 1;
            }
            if let Some(f) = j.checked_sub(1).and_then(|e| s.faction_ending_at(e)) {
                add(mention(f));
            }
        }
    }
    out
}

/// "between X and Y" anywhere in the sentence: the first side and, if named, the second. When only
/// the second is one the dataset names ("between local gunmen and IS fighters"), it comes first.
pub(super) fn between(s: &Analysed) -> Option<(&FactionMention, Option<&FactionMention>)> {
    let at = (0..s.len()).find(|&k| s.word(k) == "between")?;
    let Some(x) = side_at(s, at + 1) else {
        let and = (at + 2..s.len().min(at + 2 + DESCRIPTION_WORDS))
            .take_while(|&j| !s.is_stop(j) && s.word(j) != ",")
            .find(|&j| s.word(j) == "and")?;
        return side_at(s, and + 1).map(|y| (y, None));
    };
    let mut k = x.end;
    if s.word(k) == "," {
        k += 1;
    }
    let y = (s.word(k) == "and").then(|| side_at(s, k + 1)).flatten();
    Some((x, y))
}

/// Words that link a description of fighters to their side ("forces loyal to X", "those led by X").
const LINKS: &[&[&str]] = &[
    &["loyal", "to"],
    &["allied", "with"],
    &["allied", "to"],
    &["aligned", "with"],
    &["affiliated", "with"],
    &["led", "by"],
    &["backed", "by"],
    &["commanded", "by"],
    &["of"],
    &["from"],
];
/// How many words may describe fighters before the link ("the self-styled army forces led by").
const DESCRIPTION_WORDS: usize = 6;

/// The side named at token `k`: by name ("the LNA"), or through a description of its fighters
/// ("forces loyal to the GNA", "those led by Haftar").
fn side_at(s: &Analysed, k: usize) -> Option<&FactionMention> {
    let k = skip_article(s, k);
    if let Some(f) = s.faction_starting_at(k) {
        return Some(f);
    }
    let plain = |j: usize| {
        s.tokens.get(j).is_some_and(|t| t.word || t.lower == "-")
            && !s.is_stop(j)
            && !s.in_faction(j)
            && !matches!(s.word(j), "and" | "or")
    };
    let end = (k..s.len().min(k + DESCRIPTION_WORDS)).take_while(|&j| plain(j)).last()? + 1;
    // "the self-styled army forces led by X", whose last words were read as a side already.
    let adjectives =
        (k..end).all(|j| !matches!(s.word(j), "in" | "on" | "at" | "for" | "to" | "of" | "from"));
    if let Some(f) = s.faction_starting_at(end).filter(|_| adjectives) {
        return Some(f);
    }
    (k + 1..=end).find_map(|j| {
        let link = LINKS.iter().find(|l| l.iter().enumerate().all(|(i, w)| s.word(j + i) == *w))?;
        let head = s.word(j - 1);
        let fighters = super::actors::ACTOR_NOUNS.contains(&head) || matches!(head, "those" | "army");
        fighters.then(|| faction_soon_after(s, j + link.len())).flatten()
    })
}

/// A side named within a few tokens from `k`, with no clause break or "and" before it ("loyal to
/// Libya's Tripoli-based GNA").
fn faction_soon_after(s: &Analysed, k: usize) -> Option<&FactionMention> {
    (k..s.len().min(k + 4))
        .take_while(|&j| s.in_faction(j) || (!s.is_stop(j) && !matches!(s.word(j), "and" | "," | "or")))
        .find_map(|j| s.faction_starting_at(j))
}

fn ally_after(s: &Analysed, end: usize) -> Option<&FactionMention> {
    let mut k = end;
    if matches!(s.word(k), "\"" | "”" | "," | ")") {
        k += 1;
    }
    ALLIANCE.iter().find_map(|words| {
        let fits = words.iter().enumerate().all(|(i, w)| s.word(k + i) == *w);
        fits.then(|| s.faction_starting_at(skip_article(s, k + words.len()))).flatten()
    })
}

fn skip_article(s: &Analysed, k: usize) -> usize {
    if matches!(s.word(k), "the" | "a" | "an") { k + 1 } else { k }
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn allies_and_opponents_are_sides_of_the_claim_too() {
        check(&[
            (
                "Clashes broke out in Waddan on Friday between the LNA and the BDB.",
                &["waddan lna contested 2017-06-02", "waddan bdb contested 2017-06-02"],
            ),
            (
                "The BDB in alliance with the GNA captured Hun on Friday.",
                &["hun bdb captured 2017-06-02", "hun gna captured 2017-06-02"],
            ),
            (
                "The LNA attacked BDB fighters in Hun on Friday.",
                &["hun lna contested 2017-06-02", "hun bdb contested 2017-06-02"],
            ),
            (
                "The GNA clashed with the LNA in Gharyan on Monday.",
                &["gharyan gna contested 2017-06-05", "gharyan lna contested 2017-06-05"],
            ),
            (
                "The BDB fought a long battle with the LNA at Hun on Friday.",
                &["hun bdb contested 2017-06-02", "hun lna contested 2017-06-02"],
            ),
            (
                "Fresh clashes with the LNA were reported in Waddan on Friday.",
                &["waddan lna contested 2017-06-02"],
            ),
            (
                "In Waddan, clashes erupted on Friday between the LNA and the BDB.",
                &["waddan lna contested 2017-06-02", "waddan bdb contested 2017-06-02"],
            ),
            (
                "Sawkna has seen heavy fighting since Friday between the GNA and the LNA.",
                &["sawkna gna contested 2017-06-02", "sawkna lna contested 2017-06-02"],
            ),
            ("The LNA has taken control of 80 percent of Hun.", &["hun lna contested 2017-06-05"]),
            (
                "Clashes between local gunmen and BDB fighters in Hun killed ten on Friday.",
                &["hun bdb contested 2017-06-02"],
            ),
        ]);
    }
}
