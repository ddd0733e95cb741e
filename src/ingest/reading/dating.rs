//! When: the date expression nearest a trigger in its clause, resolved against the publication
//! date; "now" and the present tense for holdings; else the story's news day or the publication date.

use super::super::dates;
use super::super::lexicon::Hit;
use super::super::sentence::Analysed;
use super::super::speakers;
use super::confidence::{PRESENT_DATE, UNDATED, UNRESOLVED_DATE};
use super::{Context, text_of};
use crate::model::{Action, PartialDate, Precision};
use chrono::Datelike;

/// How far before a date, in tokens, "said" or "according to" makes it the report's.
const ATTRIBUTION_WINDOW: usize = 4;
/// How far before a trigger, in tokens, "had" puts it before the story's day.
const PLUPERFECT_WINDOW: usize = 4;
/// How far before a trigger, in tokens, "now" or "still" dates a holding to the publication day.
const NOW_WINDOW: usize = 4;
/// A date across "but" or "while" is this much farther away than its distance in tokens.
const OTHER_CLAUSE_DISTANCE: usize = 100;

/// Forms of "be" right before a trigger that put it in the present ("are based", "is still").
const PRESENT_BE: &[&str] = &["is", "are", "remain", "remains", "still", "now"];
pub(super) const PRESENT: &[&str] =
    &["is", "are", "remains", "remain", "still", "now", "continue", "continues", "currently", "has", "have"];
/// The date a trigger's claim carries, a note on where it came from, and a confidence penalty.
pub(super) fn date_for(
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
        gap + if crossed { OTHER_CLAUSE_DISTANCE } else { 0 }
    };
    let now = (hit.first.saturating_sub(NOW_WINDOW)..hit.first)
        .any(|k| matches!(s.word(k), "now" | "still" | "currently"));
    if action == Action::Holds && now {
        // "denied it on Saturday, saying its forces still held the district": a past "still held"
        // holds on the day it was said.
        if let Some((date, words)) = said_still_held(s, cx, hit) {
            return (
                Some(date),
                format!("\"still\" in the past: the day it was said, \"{words}\""),
                PRESENT_DATE,
            );
        }
        if let Some(p) = cx.published {
            return (Some(p), "\"now\": the publication date".into(), PRESENT_DATE);
        }
    }
    let nearest = s
        .dates
        .iter()
        .filter(|d| d.first >= lo && d.first < hi && !dates_an_event(s, d))
        .min_by_key(|d| distance(d));
    // "On 20 March X attacked the base, where Y's forces are based": the date is the attack's; the
    // present tense of a relative clause holds as written.
    // "forces which control the Sharara field": a verb of holding in the present says so itself.
    let present_verb = matches!(hit.entry.words, "control" | "controls" | "hold" | "holds")
        && s.previous_word(hit.first).is_none_or(|p| !matches!(s.word(p), "to" | "did" | "would" | "will"));
    let present_here =
        present_verb || s.previous_word(hit.first).is_some_and(|p| PRESENT_BE.contains(&s.word(p)));
    let relative = |d: &dates::DateExpr| {
        let (a, b) = if d.first >= hit.end { (hit.end, d.first) } else { (d.end, hit.first) };
        (a..b).any(|k| matches!(s.word(k), "where" | "which" | "who"))
    };
    if action == Action::Holds
        && present_here
        && nearest.is_none_or(relative)
        && let Some(p) = cx.published
    {
        return (Some(p), "present tense: the publication date".into(), PRESENT_DATE);
    }
    if let Some(d) = nearest {
        let words = text_of(s, d.first, d.end);
        if let Some(date) = story_day(s, cx, d) {
            return (Some(date), format!("date \"{words}\" from the story's day"), 0.0);
        }
        return match dates::resolve(d.when, cx.published) {
            Some(date) => (Some(date), format!("date \"{words}\""), 0.0),
            None => (None, format!("date \"{words}\" unresolved: no publication date"), UNRESOLVED_DATE),
        };
    }
    // "..., according to a Friday statement", "a spokesman said on Thursday": the day of the report.
    if let Some(d) = s.dates.iter().find(|d| attributes(s, d))
        && let Some(date) = dates::resolve(d.when, cx.published)
    {
        return (Some(date), format!("date of the report \"{}\"", text_of(s, d.first, d.end)), 0.0);
    }
    let present = s.tokens.iter().any(|t| PRESENT.contains(&t.lower.as_str()));
    if action == Action::Holds && present {
        return match cx.published {
            Some(p) => (Some(p), "present tense: the publication date".into(), PRESENT_DATE),
            None => (None, "present tense, but no publication date".into(), UNRESOLVED_DATE),
        };
    }
    // "On Monday X attacked Ubari, but Y forced them to withdraw": a day named earlier in the
    // sentence beats the day of the sentences before.
    if let Some(d) =
        s.dates.iter().rfind(|d| d.end <= hit.first && (d.when.is_news_peg() || d.when.is_story_days()))
        && let Some(date) = story_day(s, cx, d).or_else(|| dates::resolve(d.when, cx.published))
    {
        return (Some(date), format!("date earlier in the sentence \"{}\"", text_of(s, d.first, d.end)), 0.0);
    }
    // "The BDB had taken the ports": before the story's day, by how much the text does not say.
    // In reported speech ("confirmed its troops had pulled out") "had" is only the tense of the report.
    let earlier = (hit.first.saturating_sub(PLUPERFECT_WINDOW)..hit.first).any(|k| s.word(k) == "had")
        && !(0..hit.first).any(|k| speakers::is_speech(s.word(k)));
    let (date, note) = match (cx.narrative, cx.published) {
        (Some(d), _) => (d, "undated: the day the story is about"),
        (None, Some(p)) => (p, "undated: the publication date"),
        (None, None) => return (None, "undated, and no publication date".into(), UNRESOLVED_DATE),
    };
    if earlier && !now && (cx.narrative.is_none() || action == Action::Captured) {
        return (Some(month_of(date)), format!("{note}, before it (\"had\"): its month"), UNDATED);
    }
    (Some(date), note.into(), UNDATED)
}

/// Nouns a date may stand before to name an event, not to date the claim ("the July 2012 vote",
/// "the 2015 agreement").
const EVENTS: &[&str] = &[
    "election",
    "elections",
    "vote",
    "polls",
    "revolution",
    "uprising",
    "agreement",
    "accord",
    "deal",
    "talks",
    "conference",
    "summit",
    "constitution",
];

/// Whether the date expression `d` only names an event: a noun of `EVENTS` right after it.
fn dates_an_event(s: &Analysed, d: &dates::DateExpr) -> bool {
    EVENTS.contains(&s.word(d.end))
}

/// For a holding in the past tense ("still held") after a report's date in the same sentence, that
/// date resolved, and its words.
fn said_still_held(s: &Analysed, cx: &Context, hit: Hit) -> Option<(PartialDate, String)> {
    let verb = s.word(hit.first);
    if !(verb == "held" || verb == "kept" || verb.ends_with("ed")) {
        return None;
    }
    let d = s.dates.iter().rfind(|d| d.end <= hit.first && d.when.is_news_peg())?;
    Some((dates::resolve(d.when, cx.published)?, text_of(s, d.first, d.end)))
}

/// "A day earlier", "two days later": counted from a day named before it in the sentence ("seized
/// Gharyan on 2 April, and two days later ..."), else from the last claim's day, else from the day
/// the story is about. `None` for any other expression.
fn story_day(s: &Analysed, cx: &Context, d: &dates::DateExpr) -> Option<PartialDate> {
    let dates::When::StoryDays(n) = d.when else { return None };
    let day_before_it = s
        .dates
        .iter()
        .rfind(|e| e.end <= d.first && !e.when.is_story_days())
        .and_then(|e| dates::resolve(e.when, cx.published))
        .filter(|e| e.precision() == Precision::Day);
    let from = day_before_it.or_else(|| last_claim_day(cx)).or(cx.narrative).or(cx.published)?;
    Some(dates::from_story_day(n, from))
}

/// The day of the last claim read before this sentence, when it has one: what "a day earlier"
/// in the next sentence counts from.
fn last_claim_day(cx: &Context) -> Option<PartialDate> {
    cx.earlier.last().and_then(|d| d.date).filter(|d| d.precision() == Precision::Day)
}

/// The month a date falls in.
fn month_of(d: PartialDate) -> PartialDate {
    let day = d.first_day();
    match d.precision() {
        Precision::Day => PartialDate::month(day.year(), day.month()).unwrap_or(d),
        _ => d,
    }
}

/// Whether a date dates the report itself: near "said", "according to", "statement".
fn attributes(s: &Analysed, d: &dates::DateExpr) -> bool {
    let near = d.first.saturating_sub(ATTRIBUTION_WINDOW)..(d.end + 1).min(s.len());
    near.clone()
        .any(|k| matches!(s.word(k), "said" | "says" | "told" | "according" | "announced" | "statement"))
        && d.when.is_news_peg()
}

/// The news day a sentence sets: its last "on Sunday", "yesterday" or "today", resolved.
/// Not "since Sunday" (a state that began then and goes on), nor "Friday's defeat" (an event named
/// in passing).
pub fn news_peg(s: &Analysed, published: Option<PartialDate>) -> Option<PartialDate> {
    let pegs = |d: &&dates::DateExpr| {
        (d.when.is_news_peg() || recent_day(d.when, published))
            && !(d.first > 0 && s.word(d.first - 1) == "since")
            && !s.tokens[d.end - 1].lower.ends_with("'s")
    };
    s.dates.iter().rev().filter(pegs).find_map(|d| dates::resolve(d.when, published))
}

/// How many days before publication a printed date ("on Nov. 17") is still the story's news.
const NEWS_DAYS: i64 = 7;

/// A printed day in the week before publication: as much the story's day as "on Thursday".
fn recent_day(when: dates::When, published: Option<PartialDate>) -> bool {
    let (Some(p), dates::When::Day { .. }) = (published, when) else { return false };
    let Some(d) = dates::resolve(when, published).filter(|d| d.precision() == Precision::Day) else {
        return false;
    };
    p.precision() == Precision::Day && (0..=NEWS_DAYS).contains(&(p.first_day() - d.first_day()).num_days())
}

#[cfg(test)]
mod tests {
    use super::super::testing::check;

    #[test]
    fn a_claim_takes_the_nearest_date_of_its_clause_else_the_story_day() {
        check(&[
            ("The LNA captured Waddan on Friday.", &["waddan lna captured 2017-06-02"]),
            ("The LNA captured Waddan in March 2016.", &["waddan lna captured 2016-03"]),
            ("The LNA now controls Waddan.", &["waddan lna holds 2017-06-05"]),
            ("The LNA captured Waddan.", &["waddan lna captured 2017-06-05"]),
            ("On Saturday the LNA advanced. It captured Waddan.", &["waddan lna captured 2017-06-03"]),
            ("On 1 June the LNA advanced. It captured Waddan.", &["waddan lna captured 2017-06-01"]),
            ("On 1 May the LNA advanced. It captured Waddan.", &["waddan lna captured 2017-06-05"]),
            (
                "On Saturday the LNA retook Hun. The BDB had seized Waddan.",
                &["hun lna captured 2017-06-03", "waddan bdb captured 2017-06"],
            ),
            (
                "The LNA captured Waddan on Friday but lost Hun on Sunday.",
                &["waddan lna captured 2017-06-02", "hun lna withdrew 2017-06-04"],
            ),
            ("The LNA controls Waddan despite the March 2016 agreement.", &["waddan lna holds 2017-06-05"]),
            (
                "On Saturday the LNA retook Hun. A day earlier it had seized Waddan.",
                &["hun lna captured 2017-06-03", "waddan lna captured 2017-06-02"],
            ),
            ("The LNA has recently taken Waddan.", &["waddan lna captured 2017"]),
            (
                "On Saturday the LNA retook Hun. BDB fighters, who control Waddan, fled.",
                &["hun lna captured 2017-06-03", "waddan bdb holds 2017-06-05"],
            ),
            (
                "The LNA seized Hun on 2 May. Two days later it took Waddan.",
                &["hun lna captured 2017-05-02", "waddan lna captured 2017-05-04"],
            ),
        ]);
    }
}
