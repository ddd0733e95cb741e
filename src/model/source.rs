//! The sources that claims rest on: articles whose text the dataset holds (quoted), and reporting
//! found elsewhere that is cited by outlet, date and address (its text is not held).

use super::date::PartialDate;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    pub id: String,
    /// Path of the article's text, relative to the data directory; empty for a cited source.
    pub file: String,
    pub title: String,
    pub outlet: String,
    pub published: PartialDate,
    pub url: String,
    /// How the publication date was established.
    pub date_note: String,
    /// The article's full text, for checking quotes and showing context; empty when not held.
    #[serde(skip)]
    pub text: String,
}

impl Source {
    /// Whether the dataset holds the source's text, so that claims may quote it.
    pub fn is_held(&self) -> bool {
        !self.file.is_empty()
    }
}
