//! Place names in running English text.

use super::generic::{generic, is_filler};
use super::matcher::{Gazetteer, Mention, Mode};
use super::normalize::{is_apostrophe, is_article_word, normalize};

/// A span that starts with a generic word ("military base of Jufra") must match this well, i.e. be a
/// name in its own right, not a generic word glued to a name ("the Third Force the Tamenhint Air Base").
const GENERIC_START_MIN: f64 = 0.95;
/// Longest span tried, in words.
const MAX_SPAN_WORDS: usize = 8;

/// Capitalised English words that must never be read as a one-word place name.
const COMMON_WORDS: &[&str] = &[
    "a", "after", "also", "an", "and", "army", "as", "at", "before", "but", "by", "central", "east",
    "eastern", "for", "forces", "from", "fun", "he", "her", "his", "in", "is", "it", "mast", "more", "mr",
    "national", "new", "north", "old", "on", "or", "read", "said", "she", "since", "south", "that", "their",
    "these", "they", "this", "those", "to", "was", "we", "west", "western", "with",
];

#[derive(Debug)]
struct Word {
    start: usize,
    end: usize,
    capital: bool,
    norm: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Article,
    /// A generic word ("airport") or filler ("of").
    Generic,
    Filler,
    /// Starts with a capital: may be (part of) a name.
    Proper,
    Number,
    /// An ordinary lower-case word: ends any span.
    Other,
}

fn role(w: &Word) -> Role {
    if w.norm.starts_with(|c: char| c.is_ascii_digit()) {
        Role::Number
    } else if is_filler(&w.norm) {
        Role::Filler
    } else if is_article_word(&w.norm) {
        Role::Article
    } else if generic(&w.norm).is_some() {
        Role::Generic
    } else if w.capital {
        Role::Proper
    } else {
        Role::Other
    }
}

/// Words, with a possessive "'s" cut off ("Misrata's").
fn scan_words(text: &str) -> Vec<Word> {
    crate::words::word_spans(text)
        .map(|(start, end)| {
            let end = start + crate::words::strip_possessive(&text[start..end]).len();
            let capital = text[start..].starts_with(char::is_uppercase);
            Word { start, end, capital, norm: normalize(&text[start..end]) }
        })
        .collect()
}

/// Whether two neighbouring words may belong to one name: only spaces, hyphens and apostrophes between,
/// at most one line break.
fn joinable(gap: &str) -> bool {
    gap.chars().count() <= 3
        && gap.chars().filter(|&c| c == '\n').count() <= 1
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\t' || c == '\n' || matches!(c, '-' | '‐' | '‑') || is_apostrophe(c))
}

impl Gazetteer {
    /// Place mentions in running English text, in order, longest match first, with byte offsets.
    ///
    /// Only confident matches (no edit distance, no lower-case romanizations, no two-letter aliases);
    /// every name word must be capitalised. A place inside a faction's name ("Benghazi Defence
    /// Brigades") is returned like any other: the caller masks faction names first.
    pub fn find_mentions(&self, text: &str) -> Vec<Mention> {
        let words = scan_words(text);
        let roles: Vec<Role> = words.iter().map(role).collect();
        let max_words = self.max_words.clamp(1, MAX_SPAN_WORDS);
        let mut mentions = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.mention_at(text, &words, &roles, i, max_words) {
                Some((m, next)) => {
                    mentions.push(m);
                    i = next;
                }
                None => i += 1,
            }
        }
        mentions
    }

    /// The longest mention starting at word `i`, and the index of the word after it.
    fn mention_at(
        &self,
        text: &str,
        words: &[Word],
        roles: &[Role],
        i: usize,
        max_words: usize,
    ) -> Option<(Mention, usize)> {
        if matches!(roles[i], Role::Filler | Role::Number | Role::Other) {
            return None;
        }
        // How far a name could run from here.
        let mut last = i;
        while last + 1 < words.len()
            && last + 1 - i < max_words
            && !matches!(roles[last + 1], Role::Other)
            && joinable(&text[words[last].end..words[last + 1].start])
        {
            last += 1;
        }
        for j in (i..=last).rev() {
            if matches!(roles[j], Role::Article | Role::Filler) {
                continue;
            }
            let span = &roles[i..=j];
            let propers: Vec<&Word> =
                words[i..=j].iter().zip(span).filter(|(_, r)| **r == Role::Proper).map(|(w, _)| w).collect();
            if propers.is_empty() {
                continue;
            }
            if propers.len() == 1 && j == i && COMMON_WORDS.contains(&propers[0].norm.as_str()) {
                continue;
            }
            let (start, end) = (words[i].start, words[j].end);
            let lookup = self.lookup_in(&text[start..end], None, Mode::Text);
            let Some(best) = lookup.best() else { continue };
            if roles[i] == Role::Generic && best.score < GENERIC_START_MIN {
                continue;
            }
            let mention = Mention { start, end, text: text[start..end].to_string(), lookup };
            return Some((mention, j + 1));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_drop_possessives() {
        let text = "Misrata's forces took Asbi'a and al-‘Aziziyah.";
        let words: Vec<&str> = scan_words(text).iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(words, ["Misrata", "forces", "took", "Asbi'a", "and", "al", "Aziziyah"]);
    }

    #[test]
    fn gaps_between_name_words_are_short() {
        assert!(joinable(" "));
        assert!(joinable("-"));
        assert!(joinable("-‘"));
        assert!(!joinable(", "));
        assert!(!joinable(". "));
        assert!(!joinable("\n\n"));
    }
}
