//! Words in running text: the one scanner that the gazetteer (place names) and ingest (sentences)
//! share, so that both cut "Asbi'a", "Haftar's" and "al-‘Aziziyah" the same way.

use unicode_normalization::char::is_combining_mark;

/// Apostrophes, and the marks transliterators use for ayn and hamza ("Asbi'a", "Tājūrā’"). Between
/// two letters they join one word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’'
            | '‘'
            | '`'
            | '´'
            | 'ʿ'
            | 'ʾ'
            | 'ʼ'
            | 'ʻ'
            | '′'
            | 'ˈ'
            | 'ʹ'
            | 'ʕ'
            | 'ʔ'
            | 'ˤ'
            | '῾'
            | '᾿'
            | '＇'
    )
}

/// A letter, a digit, or a combining mark on one (decomposed "Tāj").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The byte offset where the word starting at `start` ends. A word is a run of letters and digits
/// (with their combining marks); an apostrophe followed by a letter stays inside it ("doesn't",
/// "Asbi'a", "Haftar's"). `start` must be the offset of a letter or digit.
pub fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().map(|(i, c)| (start + i, c)).peekable();
    while let Some((i, c)) = chars.next() {
        let joins = is_apostrophe(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic());
        if !is_word_char(c) && !joins {
            break;
        }
        end = i + c.len_utf8();
    }
    end
}

/// The byte ranges of the words of `text`, in order.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (offset, _) = text[at..].char_indices().find(|&(_, c)| c.is_alphanumeric())?;
        let start = at + offset;
        let end = word_end(text, start);
        at = end;
        Some((start, end))
    })
}

/// The word without a possessive "'s" or "’s" ("Misrata's" → "Misrata").
pub fn strip_possessive(word: &str) -> &str {
    let mut tail = word.char_indices().rev();
    match (tail.next(), tail.next()) {
        (Some((_, 's' | 'S')), Some((i, c))) if is_apostrophe(c) && i > 0 => &word[..i],
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("Misrata's forces took Asbi'a", &["Misrata's", "forces", "took", "Asbi'a"]),
            ("al-‘Aziziyah", &["al", "Aziziyah"]),
            ("didn't 'go' 90's", &["didn't", "go", "90's"]),
            ("Ta\u{304}jura\u{304}’ fell", &["Ta\u{304}jura\u{304}", "fell"]),
            ("rock'n", &["rock'n"]),
            ("end'", &["end"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = word_spans(text).map(|(a, b)| &text[a..b]).collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn possessives_are_cut_only_after_an_apostrophe() {
        let cases = [("Misrata's", "Misrata"), ("Haftar’s", "Haftar"), ("forces", "forces"), ("'s", "'s")];
        for (word, want) in cases {
            assert_eq!(strip_possessive(word), want, "{word}");
        }
    }
}
