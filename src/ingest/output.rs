//! Proposals as rows of the claims.csv schema, plus `confidence`, `start`, `end` (character offsets
//! of the quote in the file) and `source_file`.

use super::{Extraction, Proposal};
use crate::dataset::Dataset;
use crate::dataset::claims::fold_space;
use crate::model::{PartialDate, Source};
use std::io;

pub const COLUMNS: [&str; 13] = [
    "id",
    "place",
    "faction",
    "action",
    "date",
    "source",
    "quote",
    "claimed_by",
    "note",
    "confidence",
    "start",
    "end",
    "source_file",
];

/// One output row; `date` is empty when it could not be resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub place: String,
    pub faction: String,
    pub action: String,
    pub date: String,
    pub source: String,
    pub quote: String,
    pub claimed_by: String,
    pub note: String,
    pub confidence: f64,
    pub start: usize,
    pub end: usize,
    pub source_file: String,
}

impl Row {
    pub fn fields(&self) -> [String; 13] {
        [
            self.id.clone(),
            self.place.clone(),
            self.faction.clone(),
            self.action.clone(),
            self.date.clone(),
            self.source.clone(),
            self.quote.clone(),
            self.claimed_by.clone(),
            self.note.clone(),
            format!("{:.2}", self.confidence),
            self.start.to_string(),
            self.end.to_string(),
            self.source_file.clone(),
        ]
    }

    /// The value of a claims.csv column, by name; empty for columns this row does not have.
    pub fn get(&self, column: &str) -> String {
        COLUMNS.iter().position(|c| *c == column).map(|i| self.fields()[i].clone()).unwrap_or_default()
    }
}

/// Rows for one article's proposals, numbered from `ids`.
pub fn rows(
    dataset: &Dataset,
    text: &str,
    extraction: &Extraction,
    source: &str,
    source_file: &str,
    ids: &mut impl Iterator<Item = String>,
) -> Vec<Row> {
    let mut bytes: Vec<usize> = extraction.proposals.iter().flat_map(|p| [p.start, p.end]).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let chars = char_offsets(text, &bytes);
    let char_at = |b: usize| bytes.binary_search(&b).map_or(0, |i| chars[i]);
    extraction
        .proposals
        .iter()
        .map(|p: &Proposal| Row {
            id: ids.next().unwrap_or_default(),
            place: dataset.place(p.place).id.clone(),
            faction: dataset.faction(p.faction).id.clone(),
            action: p.action.to_string(),
            date: p.date.map(|d| d.to_string()).unwrap_or_default(),
            source: source.to_string(),
            quote: p.quote(text).to_string(),
            claimed_by: p.claimed_by.map(|f| dataset.faction(f).id.clone()).unwrap_or_default(),
            note: p.note.clone(),
            confidence: p.confidence,
            start: char_at(p.start),
            end: char_at(p.end),
            source_file: source_file.to_string(),
        })
        .collect()
}

/// Character offsets of sorted byte offsets, in one pass.
fn char_offsets(text: &str, sorted_bytes: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sorted_bytes.len());
    let (mut chars, mut at) = (0, 0);
    for &b in sorted_bytes {
        let b = b.min(text.len());
        chars += text.get(at..b).map_or(0, |s| s.chars().count());
        at = b.max(at);
        out.push(chars);
    }
    out
}

/// Writes rows with a header line.
pub fn write_csv(out: impl io::Write, rows: &[Row]) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for row in rows {
        w.write_record(row.fields())?;
    }
    w.flush()?;
    Ok(())
}

/// The dataset's source with the same text (white space folded), if there is one.
pub fn known_source<'d>(dataset: &'d Dataset, text: &str) -> Option<&'d Source> {
    let folded = fold_space(text);
    dataset.sources.iter().find(|s| s.text.len() + 64 >= text.len() / 2 && fold_space(&s.text) == folded)
}

/// A fresh source id: outlet, date and file name, made unique against `taken`.
pub fn new_source_id(
    outlet: Option<&str>,
    published: Option<PartialDate>,
    file_stem: &str,
    taken: &[&str],
) -> String {
    let outlet = outlet.map(slug).filter(|s| !s.is_empty()).unwrap_or_else(|| "article".into());
    let outlet: String = outlet.split('-').take(3).collect::<Vec<_>>().join("-");
    let date = published.map_or("undated".to_string(), |d| d.to_string());
    let stem: String = slug(file_stem).chars().take(24).collect();
    let base = format!("{outlet}-{date}-{}", stem.trim_end_matches('-'));
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Lower-case letters and digits, other runs of characters made one dash: an id from a name.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Claim ids that continue a file's numbering: after c063 come c064, c065, ..., none taken.
pub fn next_ids<'a>(existing: impl IntoIterator<Item = &'a str>) -> impl Iterator<Item = String> {
    let existing: Vec<String> = existing.into_iter().map(str::to_string).collect();
    let numbered: Vec<(u64, usize)> = existing
        .iter()
        .filter_map(|id| {
            let digits = id.strip_prefix('c')?;
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok().map(|n| (n, digits.len())))
                .flatten()
        })
        .collect();
    let mut n = numbered.iter().map(|x| x.0).max().unwrap_or(0);
    let width = numbered.iter().map(|x| x.1).max().unwrap_or(3).max(3);
    std::iter::from_fn(move || {
        loop {
            n += 1;
            let id = format!("c{n:0width$}");
            if !existing.contains(&id) {
                return Some(id);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_continue_the_numbering() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["c001", "c063"], &["c064", "c065"]),
            (&[], &["c001", "c002"]),
            (&["c9", "x1", "c0999"], &["c1000", "c1001"]),
            (&["c001", "c002", "c003"], &["c004", "c005"]),
        ];
        for (existing, want) in cases {
            let got: Vec<String> = next_ids(existing.iter().copied()).take(2).collect();
            assert_eq!(got, want.to_vec(), "{existing:?}");
        }
    }

    #[test]
    fn source_ids_are_readable_and_unique() {
        let d = PartialDate::parse("2019-04-05").ok();
        assert_eq!(
            new_source_id(Some("Reuters"), d, "gharyan story", &[]),
            "reuters-2019-04-05-gharyan-story"
        );
        assert_eq!(new_source_id(None, None, "a", &["article-undated-a"]), "article-undated-a-2");
        assert_eq!(new_source_id(Some("The New Arab"), d, "x", &[]), "the-new-arab-2019-04-05-x");
    }

    #[test]
    fn offsets_are_counted_in_characters() {
        let text = "é, ü. Next";
        let bytes = [0, 4, 8];
        assert_eq!(char_offsets(text, &bytes), vec![0, 3, 6]);
    }
}
