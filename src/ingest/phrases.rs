//! A side named through the forces tied to it: "forces loyal to eastern commander Khalifa Haftar",
//! "those loyal to X", "a group affiliated to X", "the forces of X", "militias, known as X". The
//! faction mention is widened to the whole phrase, so the phrase reads as one subject or agent.

use super::factions::FactionMention;
use super::text::Token;

/// Nouns for armed men that a tie ("loyal to") binds to a side.
const FORCE_NOUNS: &str = "forces force fighters troops militias militia groups group units unit \
    brigades brigade militiamen men those soldiers army gunmen battalions battalion";

/// Words that tie the force to its side, one or two words long.
const TIES: &[&[&str]] = &[
    &["loyal", "to"],
    &["allied", "with"],
    &["allied", "to"],
    &["aligned", "with"],
    &["affiliated", "with"],
    &["affiliated", "to"],
    &["associated", "with"],
    &["linked", "to"],
    &["close", "to"],
    &["supportive", "of"],
    &["backing"],
    &["led", "by"],
    &["commanded", "by"],
    &["backed", "by"],
    &["known", "as"],
    &["of"],
    &["from"],
];

/// How many words (titles, names, "the former") may stand between the tie and the side.
const TITLE_WORDS: usize = 5;

/// Widens each mention that a tie and a force noun precede to start at the force noun (and its
/// determiner and adjectives); joins a mention to the one right after it when both name one side
/// ("Haftar's Libyan National Army").
pub fn widen(tokens: &[Token], mentions: &[FactionMention]) -> Vec<FactionMention> {
    let mut out: Vec<FactionMention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let mut m = *m;
        if let Some(first) = phrase_start(tokens, m.first, &out) {
            m.first = first;
        }
        match out.last_mut() {
            Some(prev) if prev.end == m.first && prev.faction == m.faction => prev.end = m.end,
            _ => out.push(m),
        }
    }
    out
}

/// The start of "forces loyal to ... " before a mention at `first`, if there is one.
fn phrase_start(tokens: &[Token], first: usize, before: &[FactionMention]) -> Option<usize> {
    let floor = before.last().map_or(0, |p| p.end);
    let word = |k: usize| tokens[k].lower.as_str();
    let plain = |k: usize| tokens[k].word || matches!(word(k), "-" | "'");
    for skip in 0..=TITLE_WORDS {
        let Some(tie_end) = first.checked_sub(skip) else { break };
        // "led by a commander who rejects X": a relative clause between names no tie to X.
        let relative = |k: usize| matches!(word(k), "who" | "which" | "that" | "whose");
        if tie_end < floor + 1 || (tie_end..first).any(|k| !plain(k) || relative(k)) {
            break;
        }
        for tie in TIES {
            let Some(tie_first) = tie_end.checked_sub(tie.len()) else { continue };
            if tie_first <= floor || !tie.iter().enumerate().all(|(i, w)| word(tie_first + i) == *w) {
                continue;
            }
            // "militias, known as Libya Dawn".
            let mut noun = tie_first - 1;
            if word(noun) == "," && noun > floor {
                noun -= 1;
            }
            if noun < floor || !FORCE_NOUNS.split_whitespace().any(|f| f == word(noun)) {
                continue;
            }
            // "from" and "of" tie only a side right after them ("fighters from the LNA").
            if matches!(tie, [w] if *w == "from" || *w == "of") && skip > 1 {
                continue;
            }
            return Some(determiner_start(tokens, noun, floor));
        }
    }
    None
}

/// Back from a force noun over its determiner and adjectives ("the self-styled army forces").
fn determiner_start(tokens: &[Token], noun: usize, floor: usize) -> usize {
    let mut k = noun;
    while k > floor && k + 6 > noun {
        let w = tokens[k - 1].lower.as_str();
        let modifier =
            matches!(w, "the" | "a" | "an" | "armed" | "army" | "military" | "rival" | "-" | "self")
                || w.ends_with("ed")
                || w.ends_with("ist");
        if !modifier {
            break;
        }
        k -= 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    #[test]
    fn forces_tied_to_a_side_read_as_that_side() {
        // (text, the word the side's own name starts at, the phrase that should name it)
        let cases: &[(&str, &str, &str)] = &[
            (
                "seized by forces loyal to eastern commander Khalifa Haftar on",
                "Haftar",
                "forces loyal to eastern commander Khalifa Haftar",
            ),
            ("between the GNA and those loyal to Haftar, who", "Haftar", "those loyal to Haftar"),
            ("an attack by a group affiliated to Tebu fighters", "Tebu", "a group affiliated to Tebu"),
            (
                "clashes with the self-styled army forces led by Haftar.",
                "Haftar",
                "the self-styled army forces led by Haftar",
            ),
            ("the Islamist militias, known as Dawn, said", "Dawn", "the Islamist militias, known as Dawn"),
            ("opponents of Haftar said", "Haftar", "Haftar"),
            ("a militia led by a man who rejects Haftar, attacked", "Haftar", "Haftar"),
            ("the LNA said", "LNA", "LNA"),
        ];
        for (text, side, want) in cases {
            let tokens = tokenize(text, 0);
            let k = tokens.iter().position(|t| &text[t.start..t.end] == *side).unwrap();
            let mentions = [FactionMention { first: k, end: k + 1, faction: 0, by_patron: false }];
            let got = widen(&tokens, &mentions);
            let phrase = &text[tokens[got[0].first].start..tokens[got[0].end - 1].end];
            assert_eq!(phrase, *want, "{text:?}");
        }
    }
}
