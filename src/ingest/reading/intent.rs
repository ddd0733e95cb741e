//! Which triggers stand: a trigger under negation ("did not take"), intent ("plans to capture") or
//! "until recently" says nothing; an attempt to capture is a contest; "no longer holds" is a
//! withdrawal; a participle after "was" is passive.

use super::super::dates::{DateExpr, When};
use super::super::lexicon::{self, FIRM, Hit, Voice};
use super::super::sentence::Analysed;
use crate::model::Action;

/// How far back, in tokens, a word of intent ("plans", "aims") reaches a trigger.
const INTENT_WINDOW: usize = 20;
/// How far back, in tokens, a negation ("not", "failed") reaches a trigger.
const NEGATION_WINDOW: usize = 6;

/// A trigger that survived negation and intent, with the action and voice it reads as.
#[derive(Debug, Clone, Copy)]
pub(super) struct Live {
    pub(super) hit: Hit,
    pub(super) action: Action,
    pub(super) voice: Voice,
    pub(super) attempt: bool,
    /// "GNA-held Tripoli": the side is fused to the trigger.
    pub(super) compound: bool,
}

pub(super) const BE: &[&str] =
    &["was", "were", "been", "being", "is", "are", "be", "remains", "remain", "remained"];
/// After "to", these make the next verb a fact ("managed to capture", "allowed GNA forces to enter"),
/// not a plan.
pub(super) const FACTUAL_BEFORE_TO: &[&str] = &[
    "managed",
    "able",
    "succeeded",
    "forced",
    "forcing",
    "went",
    "began",
    "started",
    "continued",
    "continue",
    "continues",
    "allowing",
    "allowed",
    "helped",
    "enabled",
];
/// Present forms of "be" that a PRESENT trigger needs ("where its forces are based").
const PRESENT_BE: &[&str] = &["is", "are", "remain", "remains", "still", "now"];

/// "GNA forces controlled on Wednesday the Al-Fil oil field": a simple past "controlled" dated to a
/// day is a capture, as some outlets translate "took control" (not "had controlled", "was
/// controlled by", "controlled since May").
fn controlled_on_a_day(s: &Analysed, hit: &Hit, before: Option<usize>) -> bool {
    // "have controlled on Wednesday" is the same translation; "had controlled" is background.
    let perfect = before.is_some_and(|p| matches!(s.word(p), "had" | "been" | "was" | "were"));
    let on_a_day = |d: &&DateExpr| {
        matches!(
            d.when,
            When::Weekday(_) | When::LastWeekday(_) | When::Yesterday | When::Today | When::Day { .. }
        ) && (s.word(d.first) == "on" || s.previous_word(d.first).is_some_and(|p| s.word(p) == "on"))
    };
    hit.entry.words == "controlled"
        && !perfect
        && s.word(hit.end) != "by"
        && s.dates.iter().filter(on_a_day).any(|d| d.first + 6 >= hit.first && d.first <= hit.end + 8)
}

/// "On May 10", "TRIPOLI, May 10 -": the month, not the modal "may".
fn is_month_may(s: &Analysed, k: usize) -> bool {
    s.word(k) == "may" && (s.tokens[k].capital || s.dates.iter().any(|d| d.first <= k && k < d.end))
}

/// The triggers that stand. `unopposed_before`: the sentence before said an entry met no fight
/// ("faced little resistance. After moving into Es Sidra, ...").
pub(super) fn live_hits(s: &Analysed, unopposed_before: bool) -> Vec<Live> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    let denied = denial_span(s);
    for hit in &s.hits {
        let e = hit.entry;
        let (mut action, mut voice, mut attempt) = (e.action, e.voice, false);
        let p = s.previous_word(hit.first);
        let window_start = prev_end.max(hit.first.saturating_sub(INTENT_WINDOW));
        prev_end = hit.end;
        let mut intent =
            (window_start..hit.first).any(|k| lexicon::is_intent(s.word(k)) && !is_month_may(s, k));
        if let Some(p) = p.filter(|&p| s.word(p) == "to") {
            let before = word_before_to(s, p);
            if lexicon::is_attempt(before) {
                attempt = true;
            } else if lexicon::is_purpose(before)
                || (!FACTUAL_BEFORE_TO.contains(&before) && !matches!(voice, Voice::Noun))
            {
                intent = true;
            }
        }
        if intent && !e.has(FIRM) {
            continue;
        }
        if denied.is_some_and(|(a, b)| a < hit.first && hit.first < b) || agreement_after(s, hit.end) {
            continue;
        }
        if e.has(lexicon::PRESENT) && !p.is_some_and(|p| PRESENT_BE.contains(&s.word(p))) {
            continue;
        }
        let near = hit.first.saturating_sub(NEGATION_WINDOW).max(window_start);
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
        if e.has(lexicon::ENTRY) && !attempt {
            let words: Vec<&str> = s.tokens.iter().map(|t| t.lower.as_str()).collect();
            if !lexicon::is_unopposed(&words) && !unopposed_before {
                action = Action::Contested;
            }
        }
        if attempt && action == Action::Captured {
            action = Action::Contested;
        } else if attempt {
            continue;
        }
        let after_be = p.is_some_and(|p| {
            BE.contains(&s.word(p)) || (s.word(p).ends_with("ly") && p > 0 && BE.contains(&s.word(p - 1)))
        });
        // "were among four seized by X": a participle right before "by" is passive too.
        if e.has(lexicon::PARTICIPLE) && (after_be || s.word(hit.end) == "by") {
            voice = Voice::Passive;
        }
        if controlled_on_a_day(s, hit, p) {
            action = Action::Captured;
        }
        let compound =
            hit.first >= 2 && s.word(hit.first - 1) == "-" && s.faction_ending_at(hit.first - 2).is_some();
        out.push(Live { hit: *hit, action, voice, attempt, compound });
    }
    out
}

/// What a verb may strike, reach or secure without any place changing hands ("struck a deal").
const AGREEMENTS: &[&str] =
    &["deal", "deals", "agreement", "agreements", "truce", "ceasefire", "accord", "settlement", "compromise"];
/// How many words after a trigger its agreement may come ("reached a tentative ceasefire").
const AGREEMENT_REACH: usize = 3;

/// Whether an agreement is the object of the trigger ending at `end`: "struck a deal with".
fn agreement_after(s: &Analysed, end: usize) -> bool {
    (end..end + AGREEMENT_REACH).any(|k| AGREEMENTS.contains(&s.word(k)))
}

/// The word that governs "to" at token `to`: the one before it, or before the side or pronoun
/// in between ("allowed GNA forces to enter", "forced them to retreat").
fn word_before_to(s: &Analysed, to: usize) -> &str {
    let Some(mut b) = s.previous_word(to) else { return "" };
    // "trying since mid-July to seize", "trying, since Tuesday, to storm".
    while s.word(b) == "," || s.dates.iter().any(|d| d.first <= b && b < d.end) {
        let start = s.dates.iter().find(|d| d.first <= b && b < d.end).map_or(b, |d| d.first);
        let mut x = start;
        while x > 0 && matches!(s.word(x - 1), "since" | "for" | "until" | "on" | "," | "in" | "mid" | "-") {
            x -= 1;
        }
        b = match x.checked_sub(1) {
            Some(y) if y < b => y,
            _ => return "",
        };
    }
    if let Some(f) = s.faction_ending_at(b) {
        b = match s.previous_word(f.first) {
            Some(x) => x,
            None => return "",
        };
    } else if super::actors::is_definite_force(s, b) {
        // "forcing the army units to retreat".
        let mut x = b;
        while x > 0 && x + 3 > b && s.tokens[x - 1].word && !s.tokens[x - 1].capital {
            x -= 1;
            if matches!(s.word(x), "the" | "these" | "those") {
                break;
            }
        }
        b = match x.checked_sub(1) {
            Some(y) => y,
            None => return "",
        };
    } else if matches!(s.word(b), "them" | "it" | "him" | "us") {
        b = match s.previous_word(b) {
            Some(x) => x,
            None => return "",
        };
    }
    s.word(b)
}

/// The tokens a denial covers: from "denied (claims) that" or "no confirmation" to the end of the
/// sentence or the next clause of its own ("but", "amid"). Every trigger in it is the report denied, not a claim.
fn denial_span(s: &Analysed) -> Option<(usize, usize)> {
    let unconfirmed = |k: usize| {
        matches!(s.word(k), "confirmation" | "confirm" | "confirmed" | "verified" | "verify")
            && (k.saturating_sub(4)..k).any(|j| matches!(s.word(j), "not" | "no" | "any"))
    };
    let start = (0..s.len()).find(|&k| lexicon::is_denial(s.word(k)) || unconfirmed(k))?;
    // "a commander who rejects X, attacked": a relative clause's verb reaches its closing comma.
    if start > 0 && matches!(s.word(start - 1), "who" | "which") {
        let close = (start..s.len()).find(|&k| s.word(k) == ",").unwrap_or(s.len());
        return Some((start, close));
    }
    // ", saying its forces still held it": what the denier says instead is a claim of its own.
    let own_word =
        |k: usize| k > 0 && s.word(k - 1) == "," && matches!(s.word(k), "saying" | "insisting" | "adding");
    let end = (start..s.len())
        .find(|&k| {
            matches!(s.word(k), "but" | ";" | "amid" | "while" | "although" | "whereas" | "despite")
                || own_word(k)
        })
        .unwrap_or(s.len());
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn negation_intent_and_attempts_decide_whether_a_trigger_stands() {
        check(&[
            ("LNA forces captured Waddan on Friday.", &["waddan lna captured 2017-06-02"]),
            ("LNA forces did not capture Waddan on Friday.", &[]),
            ("The LNA plans to capture Waddan.", &[]),
            ("The LNA managed to capture Waddan on Friday.", &["waddan lna captured 2017-06-02"]),
            ("LNA forces tried to capture Waddan on Friday.", &["waddan lna contested 2017-06-02"]),
            ("The LNA no longer controls Waddan.", &["waddan lna withdrew 2017-06-05"]),
            ("Until recently the LNA controlled Waddan.", &[]),
            ("Waddan was captured by the LNA on Friday.", &["waddan lna captured 2017-06-02"]),
            ("On May 10 the LNA captured Waddan.", &["waddan lna captured 2017-05-10"]),
            ("In May the LNA captured Waddan.", &["waddan lna captured 2017-05"]),
            ("The LNA may capture Waddan.", &[]),
            ("GNA forces controlled on Friday the town of Waddan.", &["waddan gna captured 2017-06-02"]),
            ("GNA forces controlled Waddan on Friday.", &["waddan gna captured 2017-06-02"]),
            ("GNA forces had controlled Waddan since March.", &["waddan gna holds 2017-03"]),
            ("GNA forces have controlled on Friday the town of Waddan.", &["waddan gna captured 2017-06-02"]),
            ("Waddan, controlled by the GNA, was calm on Friday.", &["waddan gna holds 2017-06-02"]),
        ]);
    }

    #[test]
    fn a_denial_covers_the_report_denied_not_what_the_denier_says_instead() {
        check(&[
            ("The GNA denied that the LNA had captured Waddan.", &[]),
            (
                "The GNA denied the claim, saying its forces still held Waddan.",
                &["waddan gna holds 2017-06-05"],
            ),
        ]);
    }
}
