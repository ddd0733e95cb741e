//! Which triggers stand: a trigger under negation ("did not take"), intent ("plans to capture") or
//! "until recently" says nothing; an attempt to capture is a contest; "no longer holds" is a
//! withdrawal; a participle after "was" is passive.

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
}

pub(super) const BE: &[&str] =
    &["was", "were", "been", "being", "is", "are", "be", "remains", "remain", "remained"];
/// After "to", these make the next verb a fact ("managed to capture"), not a plan.
pub(super) const FACTUAL_BEFORE_TO: &[&str] = &[
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
pub(super) fn live_hits(s: &Analysed) -> Vec<Live> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    for hit in &s.hits {
        let e = hit.entry;
        let (mut action, mut voice, mut attempt) = (e.action, e.voice, false);
        let p = s.previous_word(hit.first);
        let window_start = prev_end.max(hit.first.saturating_sub(INTENT_WINDOW));
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
        ]);
    }
}
