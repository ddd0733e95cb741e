//! Scoring proposals against a hand-checked gold file: precision and recall by field and overall.
//!
//! A claim is identified by its article and the sentence it quotes. For one field (place, faction,
//! action, date), the items compared are the distinct (article, sentence, value) triples; overall,
//! the distinct (article, sentence, place, faction, action, date) tuples. So a proposal that names
//! the right place in the right sentence but the wrong side scores for place and not for faction.

use super::text::sentences;
use std::collections::BTreeSet;
use std::fmt::Write;

/// One claim, gold or proposed, reduced to what is scored.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Item {
    pub source: String,
    pub sentence: usize,
    pub place: String,
    pub faction: String,
    pub action: String,
    pub date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub field: &'static str,
    pub matched: usize,
    pub proposed: usize,
    pub gold: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.proposed)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Field scores (place, faction, action, date) and then the overall score.
pub fn score(gold: &[Item], proposed: &[Item]) -> Vec<Score> {
    type Key = (String, usize, String);
    type Field = (&'static str, fn(&Item) -> String);
    let fields: [Field; 4] = [
        ("place", |i| i.place.clone()),
        ("faction", |i| i.faction.clone()),
        ("action", |i| i.action.clone()),
        ("date", |i| i.date.clone()),
    ];
    let mut out = Vec::new();
    for (field, get) in fields {
        let set = |items: &[Item]| -> BTreeSet<Key> {
            items.iter().map(|i| (i.source.clone(), i.sentence, get(i))).collect()
        };
        out.push(compare(field, &set(gold), &set(proposed)));
    }
    let whole = |items: &[Item]| -> BTreeSet<Item> { items.iter().cloned().collect() };
    out.push(compare("overall", &whole(gold), &whole(proposed)));
    out
}

fn compare<T: Ord>(field: &'static str, gold: &BTreeSet<T>, proposed: &BTreeSet<T>) -> Score {
    Score { field, matched: gold.intersection(proposed).count(), proposed: proposed.len(), gold: gold.len() }
}

/// A fixed-width table of the scores.
pub fn table(title: &str, scores: &[Score]) -> String {
    let mut out = format!(
        "{title}\n{:<8} {:>9} {:>6} {:>6} {:>7} {:>9} {:>5}\n",
        "field", "precision", "recall", "f1", "matched", "proposed", "gold"
    );
    for s in scores {
        let _ = writeln!(
            out,
            "{:<8} {:>9.3} {:>6.3} {:>6.3} {:>7} {:>9} {:>5}",
            s.field,
            s.precision(),
            s.recall(),
            s.f1(),
            s.matched,
            s.proposed,
            s.gold
        );
    }
    out
}

/// Byte offset of `quote` in `text`, with runs of white space in either counted as one space.
pub fn locate(text: &str, quote: &str) -> Option<usize> {
    if let Some(at) = text.find(quote) {
        return Some(at);
    }
    let (folded, map) = fold_with_map(text);
    let (quote, _) = fold_with_map(quote.trim());
    folded.find(&quote).map(|i| map[i])
}

/// The text with white space runs folded to one space, and each folded byte's offset in the text.
fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !in_space {
                folded.push(' ');
                map.push(i);
            }
            in_space = true;
            continue;
        }
        in_space = false;
        folded.push(c);
        map.extend(std::iter::repeat_n(i, c.len_utf8()));
    }
    (folded, map)
}

/// Index of the sentence (as `text::sentences` splits them) that holds byte `at`.
pub fn sentence_at(text: &str, at: usize) -> Option<usize> {
    let all = sentences(text);
    all.iter().position(|s| s.start <= at && at < s.end).or_else(|| all.iter().position(|s| s.start >= at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(sentence: usize, place: &str, faction: &str, date: &str) -> Item {
        Item {
            source: "a".into(),
            sentence,
            place: place.into(),
            faction: faction.into(),
            action: "captured".into(),
            date: date.into(),
        }
    }

    #[test]
    fn fields_score_separately_and_overall_needs_all() {
        let gold = [item(0, "hun", "lna", "2017-06-02"), item(1, "waddan", "lna", "2017-06-02")];
        let proposed = [
            item(0, "hun", "gna", "2017-06-02"),
            item(1, "waddan", "lna", "2017-06-02"),
            item(2, "x", "lna", ""),
        ];
        let s = score(&gold, &proposed);
        let get = |f: &str| s.iter().find(|x| x.field == f).copied().unwrap();
        assert_eq!((get("place").matched, get("place").proposed, get("place").gold), (2, 3, 2));
        assert_eq!((get("faction").matched, get("faction").proposed), (1, 3));
        assert_eq!((get("overall").matched, get("overall").proposed, get("overall").gold), (1, 3, 2));
        assert!((get("overall").recall() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn quotes_are_found_across_line_breaks_and_no_break_spaces() {
        let text = "One.\nTwo is\nhere\u{a0}now. Three.";
        let at = locate(text, "Two is here now.").unwrap();
        assert_eq!(at, 5);
        assert_eq!(sentence_at(text, at), Some(1));
        assert_eq!(locate(text, "Four."), None);
    }
}
