//! The articles that claims quote.

use super::date::PartialDate;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    pub id: String,
    /// Path of the article's text, relative to the data directory.
    pub file: String,
    pub title: String,
    pub outlet: String,
    pub published: PartialDate,
    pub url: String,
    /// How the publication date was established.
    pub date_note: String,
    /// The article's full text, for checking quotes and showing context.
    #[serde(skip)]
    pub text: String,
}
