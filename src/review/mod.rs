//! The review desk: one article's proposed claims, accepted, edited or rejected one by one into a
//! dataset on disk. Every acceptance is written at once (atomically, by the same code as
//! `sandline ingest --merge`), so nothing accepted is lost if the viewer is killed; what was not
//! accepted is proposed again when the article is opened again, and what was is shown as already
//! in the dataset. The viewer draws a `Review` and turns the user's choices into `ReviewAction`s;
//! `Review::apply` alone carries them out.

use crate::dataset::Dataset;
use crate::gazetteer::Gazetteer;
use crate::ingest::article::{self, Described};
use crate::ingest::merge::{self, MergeError, NewPlace, NewSource};
use crate::ingest::output::{Row, next_ids};
use crate::ingest::{Ingestor, InputError, UnknownName, read_article};
use crate::model::{Action, PartialDate};
use std::path::{Path, PathBuf};

/// What became of a proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Proposed,
    /// Written to the dataset as this claim.
    Accepted(String),
    Rejected,
    /// The dataset already holds this claim (accepted in an earlier review, or merged).
    InDataset(String),
}

/// One proposal under review: the row as the user has it now.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub row: Row,
    pub status: Status,
    /// Byte range of its sentence in the article.
    pub start: usize,
    pub end: usize,
    pub confidence: f64,
}

/// A field of a proposal the user may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Place,
    Faction,
    Action,
    Date,
    ClaimedBy,
}

/// What the user can do at the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewAction {
    Accept(usize),
    Reject(usize),
    /// Takes a rejected proposal back into review.
    Reconsider(usize),
    Edit(usize, Field, String),
    /// Takes the last acceptance back out of the dataset.
    Undo,
    /// Adds a place the gazetteer did not know (with a coordinate picked on the map); the
    /// article is read again with it.
    AddPlace(NewPlace),
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("cannot write the dataset")]
    Write(#[from] MergeError),
    #[error("this claim cannot be accepted: {}", .0.join("; "))]
    Invalid(Vec<String>),
    #[error("there is no proposal {0}")]
    NoSuchItem(usize),
    #[error("nothing to undo")]
    NothingToUndo,
}

/// What an action changed: the viewer reloads the dataset when the files on disk changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Review,
    Dataset,
}

/// One article under review against a dataset folder.
#[derive(Debug, Clone)]
pub struct Review {
    pub article: PathBuf,
    pub text: String,
    pub published: Option<PartialDate>,
    pub source_id: String,
    /// The article's source, until the first acceptance adds it to the dataset.
    new_source: Option<NewSource>,
    pub items: Vec<Item>,
    /// Capitalised names in place positions the gazetteer does not know: offered as new places.
    pub unknown: Vec<UnknownName>,
    /// The claims accepted here, the last last: what Undo takes back.
    accepted: Vec<String>,
}

/// The identity of a claim, as a merge tells repeats: place, side, action, date and source.
fn key(row: &Row) -> [&str; 5] {
    [&row.place, &row.faction, &row.action, &row.date, &row.source]
}

impl Review {
    /// Reads the article at `path` against `dataset` (the folder's current contents).
    pub fn open(dataset: &Dataset, path: &Path, described: &Described) -> Result<Review, ReviewError> {
        let text = read_article(path)?;
        let mut review = Review {
            article: path.to_path_buf(),
            text,
            published: None,
            source_id: String::new(),
            new_source: None,
            items: Vec::new(),
            unknown: Vec::new(),
            accepted: Vec::new(),
        };
        review.read(dataset, described);
        Ok(review)
    }

    /// Reads the article again against `dataset`: proposals already under review keep their
    /// state and the user's edits; new ones (a place just added) join them.
    fn read(&mut self, dataset: &Dataset, described: &Described) {
        let ingestor = Ingestor::new(dataset);
        let mut taken: Vec<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
        let mut ids = next_ids(dataset.claims.iter().map(|c| &*c.id));
        let read = article::read(&ingestor, &self.article, &self.text, described, &mut taken, &mut ids);
        if self.source_id.is_empty() {
            self.source_id = read.source_id.clone();
            self.new_source = read.new_source.clone();
        }
        self.published = read.extraction.published;
        self.unknown = read.extraction.unknown.clone();
        let source = dataset.sources.iter().position(|s| s.id == self.source_id).map(|i| i as u32);
        for (row, proposal) in read.rows.into_iter().zip(&read.extraction.proposals) {
            let seen = self.items.iter().any(|i| i.start == proposal.start && i.row.place == row.place);
            if seen {
                continue;
            }
            let mut row = row;
            row.source = self.source_id.clone();
            // Only the article's own claims can be this one: none when it is new to the dataset.
            let held = source.and_then(|source| {
                dataset.claims.iter().filter(|c| c.source == source).find(|c| {
                    let date = c.date.to_string();
                    let same = [
                        &*dataset.place(c.place).id,
                        &*dataset.faction(c.faction).id,
                        c.action.as_str(),
                        date.as_str(),
                        self.source_id.as_str(),
                    ];
                    same == key(&row)
                })
            });
            let status = held.map_or(Status::Proposed, |c| Status::InDataset(c.id.to_string()));
            self.items.push(Item {
                row,
                status,
                start: proposal.start,
                end: proposal.end,
                confidence: proposal.confidence,
            });
        }
        self.items.sort_by_key(|i| (i.start, i.row.place.clone()));
    }

    /// What is wrong with an item's fields against `dataset`, if anything.
    pub fn check(&self, k: usize, dataset: &Dataset) -> Vec<String> {
        let Some(item) = self.items.get(k) else { return vec![format!("there is no proposal {k}")] };
        let row = &item.row;
        let mut wrong = Vec::new();
        if dataset.place_ix(&row.place).is_none() {
            wrong.push(format!("unknown place '{}'", row.place));
        }
        if dataset.faction_ix(&row.faction).is_none() {
            wrong.push(format!("unknown side '{}'", row.faction));
        }
        if let Err(e) = row.action.parse::<Action>() {
            wrong.push(e);
        }
        match PartialDate::parse(&row.date) {
            Err(e) => wrong.push(e.to_string()),
            Ok(date) => {
                if let Some(published) = self.published
                    && date.first_day() > published.last_day()
                {
                    wrong.push(format!("{date} is after the article was published ({published})"));
                }
            }
        }
        if !row.claimed_by.is_empty() && dataset.faction_ix(&row.claimed_by).is_none() {
            wrong.push(format!("unknown side '{}' as the claimant", row.claimed_by));
        }
        wrong
    }

    /// Carries out `action` on the dataset folder `dir`, whose contents `dataset` is.
    pub fn apply(
        &mut self,
        dir: &Path,
        dataset: &Dataset,
        action: ReviewAction,
    ) -> Result<Changed, ReviewError> {
        match action {
            ReviewAction::Accept(k) => self.accept(dir, dataset, k),
            ReviewAction::Reject(k) => {
                self.item_mut(k)?.status = Status::Rejected;
                Ok(Changed::Review)
            }
            ReviewAction::Reconsider(k) => {
                let item = self.item_mut(k)?;
                if item.status == Status::Rejected {
                    item.status = Status::Proposed;
                }
                Ok(Changed::Review)
            }
            ReviewAction::Edit(k, field, value) => {
                let row = &mut self.item_mut(k)?.row;
                let value = value.trim().to_string();
                match field {
                    Field::Place => row.place = value,
                    Field::Faction => row.faction = value,
                    Field::Action => row.action = value,
                    Field::Date => row.date = value,
                    Field::ClaimedBy => row.claimed_by = value,
                }
                Ok(Changed::Review)
            }
            ReviewAction::Undo => self.undo(dir),
            ReviewAction::AddPlace(place) => {
                merge::add_place(dir, &place)?;
                Ok(Changed::Dataset)
            }
        }
    }

    /// After the dataset was reloaded (a place added): reads the article again with it.
    pub fn dataset_changed(&mut self, dataset: &Dataset) {
        self.read(dataset, &Described { published: self.published, ..Described::default() });
    }

    fn item_mut(&mut self, k: usize) -> Result<&mut Item, ReviewError> {
        self.items.get_mut(k).ok_or(ReviewError::NoSuchItem(k))
    }

    fn accept(&mut self, dir: &Path, dataset: &Dataset, k: usize) -> Result<Changed, ReviewError> {
        let wrong = self.check(k, dataset);
        if !wrong.is_empty() {
            return Err(ReviewError::Invalid(wrong));
        }
        let sources: Vec<NewSource> = self.new_source.iter().cloned().collect();
        let item = &self.items[k];
        let mut row = item.row.clone();
        row.note = if row.note.is_empty() { "Accepted at the review desk.".into() } else { row.note };
        let report = merge::merge(dir, &sources, std::slice::from_ref(&row))?;
        if !report.sources_added.is_empty() {
            self.new_source = None;
        }
        self.items[k].status = match report.added.first() {
            Some(id) => {
                self.accepted.push(id.clone());
                Status::Accepted(id.clone())
            }
            // Already there: merged by hand, or accepted in another review.
            None => Status::InDataset(String::new()),
        };
        Ok(Changed::Dataset)
    }

    fn undo(&mut self, dir: &Path) -> Result<Changed, ReviewError> {
        let id = self.accepted.last().ok_or(ReviewError::NothingToUndo)?.clone();
        merge::remove_claim(dir, &id)?;
        self.accepted.pop();
        for item in self.items.iter_mut().filter(|i| i.status == Status::Accepted(id.clone())) {
            item.status = Status::Proposed;
        }
        Ok(Changed::Dataset)
    }

    /// Places the gazetteer ranks for `typed`, best first, as (id, name) for the place field's
    /// suggestions.
    pub fn place_suggestions(gazetteer: &Gazetteer, dataset: &Dataset, typed: &str) -> Vec<(String, String)> {
        const SHOWN: usize = 8;
        let lookup = gazetteer.lookup(typed, None);
        lookup
            .matches
            .iter()
            .chain(&lookup.suggestions)
            .take(SHOWN)
            .map(|m| {
                let place = dataset.place(m.place);
                (place.id.clone(), place.name.clone())
            })
            .collect()
    }

    pub fn can_undo(&self) -> bool {
        !self.accepted.is_empty()
    }
}

#[cfg(test)]
mod tests;
