//! One article read against a dataset, ready to review or merge: its proposals as claims.csv
//! rows, the publication date and where it came from, and the source to add when the dataset
//! does not hold the article yet. `sandline ingest` and the viewer's review desk both use it.

use super::merge::NewSource;
use super::output::{self, Row};
use super::{Extraction, Ingestor};
use crate::dataset::Dataset;
use crate::model::PartialDate;
use std::path::Path;

/// What the user says of an article, beyond its text.
#[derive(Debug, Clone, Default)]
pub struct Described {
    /// Wins over a date printed in the article.
    pub published: Option<PartialDate>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// Where a publication date that is not printed in the article comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// Given by the user (`--published`).
    ByUser(PartialDate),
    /// The date the dataset's sources.csv holds for this article.
    BySources(PartialDate),
}

impl Given {
    pub fn date(self) -> PartialDate {
        match self {
            Given::ByUser(d) | Given::BySources(d) => d,
        }
    }

    pub fn how(self) -> &'static str {
        match self {
            Given::ByUser(_) => "given with --published",
            Given::BySources(_) => "from the dataset's sources.csv",
        }
    }
}

/// An article read.
#[derive(Debug, Clone)]
pub struct ReadArticle {
    pub extraction: Extraction,
    pub given: Option<Given>,
    /// The id of the article's source: the dataset's own when it holds the article.
    pub source_id: String,
    /// The source to add with the first claim merged; `None` when the dataset holds it.
    pub new_source: Option<NewSource>,
    pub rows: Vec<Row>,
}

/// Reads `text` (the article at `path`) against the ingestor's dataset. New source ids avoid
/// `taken` (and are added to it); rows are numbered from `ids`.
pub fn read(
    ingestor: &Ingestor,
    path: &Path,
    text: &str,
    described: &Described,
    taken: &mut Vec<String>,
    ids: &mut impl Iterator<Item = String>,
) -> ReadArticle {
    let dataset: &Dataset = ingestor.dataset();
    let known = output::known_source(dataset, text);
    // An article the dataset already has keeps the date its sources.csv row established.
    let given = match (described.published, known) {
        (Some(date), _) => Some(Given::ByUser(date)),
        (None, Some(source)) => Some(Given::BySources(source.published)),
        (None, None) => None,
    };
    let extraction = ingestor.extract(text, given.map(Given::date));
    let (source_id, new_source) = match known {
        Some(known) => (known.id.clone(), None),
        None => {
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            let taken_ids: Vec<&str> = taken.iter().map(String::as_str).collect();
            let id =
                output::new_source_id(described.outlet.as_deref(), extraction.published, &stem, &taken_ids);
            taken.push(id.clone());
            let source = NewSource {
                id: id.clone(),
                path: path.to_path_buf(),
                title: described.title.clone().unwrap_or_else(|| first_line(text)),
                outlet: described.outlet.clone().unwrap_or_else(|| "unknown outlet".into()),
                published: extraction.published,
                url: described.url.clone().unwrap_or_default(),
                date_note: date_note(&extraction, described.published, text),
            };
            (id, Some(source))
        }
    };
    let shown = path.display().to_string();
    let rows = output::rows(dataset, text, &extraction, &source_id, &shown, ids);
    ReadArticle { extraction, given, source_id, new_source, rows }
}

fn first_line(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("untitled").chars().take(200).collect()
}

fn date_note(x: &Extraction, given: Option<PartialDate>, text: &str) -> String {
    match (given, x.published_in_text) {
        (Some(_), _) => "Given with --published when ingested.".into(),
        (None, Some(found)) => format!("Printed in the article: \"{}\".", &text[found.start..found.end]),
        (None, None) => String::new(),
    }
}
