//! Sentences and word tokens, with byte offsets into the article.

use crate::words::{is_apostrophe, word_end};

/// A word or a punctuation mark. `lower` is lower case with curly apostrophes made straight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub lower: String,
    /// The first character is upper case.
    pub capital: bool,
    pub word: bool,
}

impl Token {
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// The word without a possessive "'s" ("haftar's" → "haftar").
    pub fn stem(&self) -> &str {
        self.lower.strip_suffix("'s").unwrap_or(&self.lower)
    }
}

/// Words as `crate::words` cuts them ("doesn't", "Haftar's"), and "U.N." as one; every other
/// visible character is a token of its own.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if let Some(len) = dotted_initials(&text[i..]) {
            let lower: String =
                text[i..i + len].chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
            out.push(Token { start: offset + i, end: offset + i + len, lower, capital: true, word: true });
            while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                chars.next();
            }
            continue;
        }
        if !c.is_alphanumeric() {
            let lower = if is_apostrophe(c) { "'".to_string() } else { c.to_string() };
            out.push(Token {
                start: offset + i,
                end: offset + i + c.len_utf8(),
                lower,
                capital: false,
                word: false,
            });
            continue;
        }
        let end = word_end(text, i);
        let lower: String = text[i..end]
            .chars()
            .map(|d| if is_apostrophe(d) { '\'' } else { d })
            .flat_map(char::to_lowercase)
            .collect();
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        out.push(Token {
            start: offset + i,
            end: offset + end,
            lower,
            capital: c.is_uppercase(),
            word: true,
        });
    }
    out
}

/// The length of "U.N." or "U.S." at the start of `s`: single capitals each followed by a dot.
fn dotted_initials(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut k = 0;
    while k + 1 < b.len() && b[k].is_ascii_uppercase() && b[k + 1] == b'.' {
        k += 2;
    }
    let next_is_letter = b.get(k).is_some_and(|c| c.is_ascii_alphabetic());
    (k >= 4 && !next_is_letter).then_some(k)
}

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "capt", "sgt", "cpl", "st", "no", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "approx", "gov",
    "sen", "rep", "u.s", "u.n", "i.e", "e.g", "inc", "co", "corp", "ltd", "jr", "sr", "prof", "adm", "cmdr",
    "gens",
];

/// Words that cannot end a title or a sentence: a line ending in one runs on.
const RUN_ON_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "and", "or", "in", "on", "by", "for", "with", "from", "at", "that", "its",
    "their", "his", "her", "as", "into", "near", "was", "were", "is", "are", "had", "has", "have",
];

/// A sentence: a byte range of the text, trimmed, and whether it is a whole line with no final
/// punctuation (a headline, caption or link, which is not quoted as a claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub headline: bool,
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// Splits the text into sentences. Blank lines, lines ending in final punctuation and short lines
/// (titles, date lines) end a sentence; a long line that runs on without punctuation is joined to the
/// next, so hard-wrapped text reads as whole sentences.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (start, end) in blocks(text) {
        let first = out.len();
        split_block(text, start, end, &mut out);
        if is_caption(&text[start..end]) {
            out[first..].iter_mut().for_each(|s| s.headline = true);
        }
    }
    out
}

/// A photo caption: a paragraph that ends with a credit, "[EPA]", "[Anadolu Agency]" or a closing
/// "REUTERS". Like a headline, it is not quoted as a claim.
fn is_caption(block: &str) -> bool {
    let block = block.trim_end();
    let short_credit = |credit: &str| {
        let words: Vec<&str> = credit.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= 4
            && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
    };
    if let Some(inner) = block.strip_suffix(']').and_then(|b| b.rsplit_once('[')).map(|(_, inner)| inner) {
        return short_credit(inner);
    }
    let Some((body, last)) = block.rsplit_once(". ") else { return false };
    let shouting = last.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && last.chars().all(|c| c.is_uppercase() || c.is_whitespace() || c == '/');
    !body.is_empty() && shouting && short_credit(last)
}

/// The width a text is hard-wrapped at ("Government\nof National Accord (GNA) was able to access
/// Tripoli\nInternational Airport"), if it is: most lines fill to near the same width without ending
/// a sentence. `None` for text with a paragraph to a line.
fn wrap_width(text: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() < WRAPPED_LINES_AT_LEAST {
        return None;
    }
    let mut widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    widths.sort_unstable();
    let width = widths[widths.len() * 9 / 10];
    let open = |l: &&&str| {
        l.chars().count() * 4 >= width * 3 && !l.ends_with(|c: char| is_terminal(c) || is_closing(c))
    };
    let filled = lines.iter().filter(open).count();
    (width <= WRAP_WIDTH_AT_MOST && filled * 5 >= lines.len() * 2).then_some(width)
}

/// Fewer lines than this are not enough to tell a wrapped text.
const WRAPPED_LINES_AT_LEAST: usize = 6;
/// Wider lines are paragraphs, not a wrapped column.
const WRAP_WIDTH_AT_MOST: usize = 100;
/// A line this long (in characters) that ends without punctuation runs on to the next.
const RUNS_ON_AT_LEAST: usize = 50;

/// Ranges of text between hard breaks.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let wrap = wrap_width(text);
    // In a wrapped text, a line filled to near the width runs on whatever starts the next.
    let filled = |chars: usize| wrap.is_some_and(|w| chars * 4 >= w * 3);
    let short = |chars: usize| wrap.map_or(chars < RUNS_ON_AT_LEAST, |w| chars * 5 < w * 3);
    let mut out = Vec::new();
    let mut block_start = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b != b'\n' {
            continue;
        }
        let line = text[line_start..i].trim();
        let next_end = text[i + 1..].find('\n').map_or(text.len(), |k| i + 1 + k);
        let next = text[i + 1..next_end].trim();
        let ends = line.chars().last().is_some_and(|c| is_terminal(c) || is_closing(c) || c == ':');
        let last_word = line.rsplit(' ').next().unwrap_or("").to_lowercase();
        let chars = line.chars().count();
        let runs_on = next.starts_with(|c: char| c.is_lowercase())
            || RUN_ON_WORDS.contains(&last_word.as_str())
            || filled(chars);
        let hard = line.is_empty() || next.is_empty() || ends || short(chars) || !runs_on;
        if hard {
            out.push((block_start, i));
            block_start = i + 1;
        }
        line_start = i + 1;
    }
    out.push((block_start, text.len()));
    out
}

fn split_block(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let block = &text[start..end];
    let chars: Vec<(usize, char)> = block.char_indices().collect();
    let mut sent_start = 0;
    let mut k = 0;
    while k < chars.len() {
        let (_, c) = chars[k];
        if !is_terminal(c) {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        while j < chars.len() && (is_closing(chars[j].1) || is_terminal(chars[j].1)) {
            j += 1;
        }
        let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
        if !followed_by_space {
            k = j;
            continue;
        }
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        let next = chars.get(n).map(|x| x.1);
        let starts_new = next.is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '‘' | '[')
        });
        if c == '.' && j == k + 1 && is_abbreviation(block, chars[k].0) {
            k = j;
            continue;
        }
        if starts_new {
            let cut = chars.get(j).map_or(block.len(), |x| x.0);
            push(text, start + sent_start, start + cut, false, out);
            sent_start = chars.get(n).map_or(block.len(), |x| x.0);
        }
        k = j;
    }
    let whole_line = sent_start == 0;
    let rest = &block[sent_start..];
    let headline = whole_line && !rest.trim_end().ends_with(|c: char| is_terminal(c) || is_closing(c));
    push(text, start + sent_start, end, headline, out);
}

/// Whether the word ending just before byte `dot` of `block` is an abbreviation or an initial.
fn is_abbreviation(block: &str, dot: usize) -> bool {
    let before = &block[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    is_abbreviated(&word.to_lowercase())
}

/// Whether a token is a quotation mark (the tokenizer writes every apostrophe-like mark as "'").
pub fn is_quote_mark(token: &str) -> bool {
    matches!(token, "\"" | "“" | "”" | "'")
}

/// Whether `word` (lower case, no dot) is an abbreviation that a dot follows ("Sept.", "Gen.").
pub fn is_abbreviated(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
}

fn push(text: &str, start: usize, end: usize, headline: bool, out: &mut Vec<Sentence>) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push(Sentence { start: trimmed_start, end: trimmed_end, headline });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<(&str, bool)> {
        sentences(text).iter().map(|s| (&text[s.start..s.end], s.headline)).collect()
    }

    #[test]
    fn sentences_end_at_final_punctuation_not_at_abbreviations() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("A b. C d.", &[("A b.", false), ("C d.", false)]),
            ("Gen. Haftar said so. Then.", &[("Gen. Haftar said so.", false), ("Then.", false)]),
            ("On Apr. 4, 2019 they left.", &[("On Apr. 4, 2019 they left.", false)]),
            ("U.S. forces left. Then.", &[("U.S. forces left.", false), ("Then.", false)]),
            (
                "\"It ended,\" he told AA. \"We left.”\nNext.",
                &[("\"It ended,\" he told AA.", false), ("\"We left.”", false), ("Next.", false)],
            ),
            ("Title of a story\n\nBody here.", &[("Title of a story", true), ("Body here.", false)]),
            (
                "2 min read\n03 June, 2017\nBody.",
                &[("2 min read", true), ("03 June, 2017", true), ("Body.", false)],
            ),
            ("It was 3.5 km away.", &[("It was 3.5 km away.", false)]),
            (
                "Fighters leave the base [EPA]\nBody.",
                &[("Fighters leave the base [EPA]", true), ("Body.", false)],
            ),
            (
                "Men cheer in the city. REUTERS\nBody.",
                &[("Men cheer in the city.", true), ("REUTERS", true), ("Body.", false)],
            ),
            ("Near\u{a0}U.S. lines.\u{a0}Then.", &[("Near\u{a0}U.S. lines.", false), ("Then.", false)]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), want.to_vec(), "{text:?}");
        }
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let text = "Forces loyal to the eastern commander captured the town of Waddan on\nFriday, a spokesman said.\n";
        assert_eq!(split(text), vec![(text.trim(), false)]);
        let text = "Forces loyal to the eastern commander captured the town of Waddan\nafter a day, a spokesman said.\n";
        assert_eq!(split(text), vec![(text.trim(), false)]);
        let text = "Haftar's forces retake key town from Libya rivals: spokesman\nHaftar's forces lost it.";
        assert_eq!(split(text).len(), 2);
        // A column wrapped at about 60 characters: a line ending in a name runs on to the next.
        let text = "Guards formed by the unity government took over Tripoli\n\
            International Airport on Friday after groups loyal\n\
            to it gained ground in two days of heavy fighting in\n\
            the south of the capital, residents of the area said.\n\
            The airport had been shut since it was badly damaged\n\
            in fighting between rival factions in the summer of\n\
            2014, and it was held by a rival faction until May.\n";
        let got = split(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].0.starts_with("Guards") && got[0].0.ends_with("said.") && !got[0].1);
    }

    #[test]
    fn tokens_keep_inner_apostrophes_and_offsets() {
        let toks = tokenize("U.N.-backed", 0);
        assert_eq!(toks.iter().map(|t| t.lower.as_str()).collect::<Vec<_>>(), ["un", "-", "backed"]);
        let text = "Haftar’s men didn't [go].";
        let toks = tokenize(text, 10);
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["haftar's", "men", "didn't", "[", "go", "]", "."]);
        assert_eq!(toks[0].stem(), "haftar");
        assert_eq!(&text[toks[1].start - 10..toks[1].end - 10], "men");
        assert!(toks[0].capital && !toks[1].capital);
    }
}
