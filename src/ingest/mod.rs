//! `ingest`: reads plain-text English news articles and proposes sourced control claims (place,
//! faction, action, date, quote) for an analyst to review.
//!
//! One job per file: `input` checks the bytes; `text` splits sentences and words; `published` finds the
//! article's own date; `factions`, `places`, `dates`, `speakers` and `lexicon` find what a sentence
//! names; `reading` turns each trigger into claims; `extract` runs an article through all of it and
//! keeps the story's state; `output` writes rows in the claims.csv schema, `merge` appends them to a
//! dataset, and `eval` scores proposals against a hand-checked gold file.

pub mod article;
pub mod calibration;
pub mod dates;
pub mod eval;
mod extract;
pub mod factions;
mod glosses;
pub mod input;
pub mod lexicon;
pub mod merge;
pub mod output;
mod periods;
mod phrases;
pub mod places;
pub mod published;
mod reading;
mod sentence;
mod sites;
pub mod speakers;
pub mod text;

pub use extract::Ingestor;
pub use input::{InputError, read_article};

use crate::model::{Action, FactionIx, PartialDate, PlaceIx};

/// A claim proposed for review.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub place: PlaceIx,
    pub faction: FactionIx,
    pub action: Action,
    /// `None` when the article's date is unknown and the claim's date is relative to it.
    pub date: Option<PartialDate>,
    pub claimed_by: Option<FactionIx>,
    /// Byte range of the quoted sentence in the article.
    pub start: usize,
    pub end: usize,
    /// 0..1: the share of proposals like this one (same action, same band of raw score) that were
    /// right on the tuning articles; see `calibration`.
    pub confidence: f64,
    /// 0..1: the reading's own score before calibration (lower for pronouns, pointing phrases,
    /// fallbacks), which puts the proposal in its calibration band.
    pub raw_confidence: f64,
    /// How the claim was read: trigger, actor, place and date.
    pub note: String,
}

impl Proposal {
    fn from_draft(d: &reading::Draft, start: usize, end: usize) -> Self {
        Proposal {
            place: d.place,
            faction: d.faction,
            action: d.action,
            date: d.date,
            claimed_by: d.claimed_by,
            start,
            end,
            confidence: calibration::calibrated(d.action, d.confidence),
            raw_confidence: d.confidence,
            note: d.note.clone(),
        }
    }

    /// The quoted sentence.
    pub fn quote<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A capitalised name in a place position that the gazetteer does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub name: String,
    /// Byte offset in the article.
    pub start: usize,
    /// Names of the closest places, best first.
    pub suggestions: Vec<String>,
}

/// Everything ingest read from one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// The date claims are resolved against: the one given, else the one printed in the text.
    pub published: Option<PartialDate>,
    /// The date printed near the top of the article, if any.
    pub published_in_text: Option<published::Found>,
    pub proposals: Vec<Proposal>,
    pub unknown: Vec<UnknownName>,
    /// How many place names the article mentions.
    pub places_seen: usize,
    /// What was recognised in each sentence, in order: for telling why a sentence gave no claim.
    pub sentences: Vec<Recognised>,
}

/// The places, sides and triggers recognised in one sentence, whether or not it made a claim.
#[derive(Debug, Clone, Default)]
pub struct Recognised {
    pub start: usize,
    pub end: usize,
    pub headline: bool,
    pub places: Vec<PlaceIx>,
    pub factions: Vec<FactionIx>,
    pub triggers: Vec<Action>,
}
