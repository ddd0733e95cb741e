//! The review desk in the viewer: opening an article, carrying out the user's choices on the
//! dataset folder, and reloading the dataset when the files changed, so the map shows each
//! accepted claim at once.

use super::{Prepared, SandlineApp};
use crate::dataset::DataDir;
use crate::gui::review_desk::{Desk, copy_prompt, review_panel};
use crate::gui::state::Action;
use crate::ingest::article::Described;
use crate::ingest::merge::NewPlace;
use crate::model::PlaceKind;
use crate::review::{Changed, Review, ReviewAction};
use egui::Ui;
use std::path::PathBuf;

/// An error and its causes, on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text = format!("{text}: {cause}");
        source = cause.source();
    }
    text
}

/// How far a place picked on the map may be from where it really is.
const PICKED_PRECISION_KM: f64 = 5.0;

impl SandlineApp {
    /// Carries out a review desk action; gives any other action back.
    pub(super) fn apply_desk(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::OpenArticle(path) => self.open_article(path),
            Action::Review(action) => self.review(action),
            Action::CloseReview => {
                self.desk = None;
                self.pending_article = None;
            }
            Action::CopyDataTo(dir) => self.copy_data_to(dir),
            Action::PickPlace(name) => {
                if let Some(desk) = &mut self.desk {
                    desk.picking = name;
                }
            }
            Action::PickedAt(lon, lat) => self.place_picked(lon, lat),
            other => return Some(other),
        }
        None
    }

    fn open_article(&mut self, path: PathBuf) {
        let DataDir::Disk(dir) = &self.data else {
            // The built-in dataset is read-only: ask for a folder to copy it to first.
            self.pending_article = Some(path);
            return;
        };
        let dir = dir.clone();
        match Review::open(&self.dataset, &path, &Described::default()) {
            Ok(review) => {
                let mut desk = Desk::new(review, dir);
                desk.message =
                    Some(Ok(format!("{} proposals read from the article", desk.review.items.len())));
                self.desk = Some(desk);
                self.view.selected = None;
            }
            Err(e) => self.problems_note(chain(&e)),
        }
    }

    /// Tells the user at the desk, or (with no review open) in the problems window.
    fn problems_note(&mut self, message: String) {
        match &mut self.desk {
            Some(desk) => desk.message = Some(Err(message)),
            None => {
                self.problems.push(crate::dataset::Problem::in_file("review", message));
                self.view.show_problems = true;
            }
        }
    }

    fn review(&mut self, action: ReviewAction) {
        let Some(desk) = &mut self.desk else { return };
        let taken = matches!(action, ReviewAction::Edit(..));
        let outcome = desk.review.apply(&desk.dir, &self.dataset, action.clone());
        desk.message = match &outcome {
            Ok(_) => match action {
                ReviewAction::Accept(_) => Some(Ok("Accepted: written to claims.csv".into())),
                ReviewAction::Undo => Some(Ok("The last acceptance was taken back".into())),
                ReviewAction::AddPlace(ref p) => Some(Ok(format!("{} added to places.csv", p.name))),
                _ => desk.message.take().filter(|_| !taken),
            },
            Err(e) => Some(Err(chain(e))),
        };
        if matches!(outcome, Ok(Changed::Dataset)) {
            self.reload();
        }
    }

    fn place_picked(&mut self, lon: f64, lat: f64) {
        let Some(desk) = &mut self.desk else { return };
        let Some(name) = desk.picking.take() else { return };
        let article =
            desk.review.article.file_name().map_or(String::new(), |n| n.to_string_lossy().to_string());
        let place = NewPlace {
            name,
            lat,
            lon,
            kind: PlaceKind::Town,
            coord_source: format!("picked on the map at the review desk, reading {article}"),
            coord_precision_km: PICKED_PRECISION_KM,
        };
        self.review(ReviewAction::AddPlace(place));
    }

    /// Writes the built-in dataset to `dir`, opens the copy, and reviews the article waiting.
    fn copy_data_to(&mut self, dir: PathBuf) {
        let Some(article) = self.pending_article.take() else { return };
        if let Err(e) = DataDir::Embedded.write_copy(&dir) {
            self.problems_note(format!(
                "cannot write a copy of the built-in dataset to {}: {e}",
                dir.display()
            ));
            return;
        }
        self.data = DataDir::Disk(dir);
        self.persist_key =
            crate::gui::ViewerOptions { data: self.data.clone(), date: None, layer: None }.persist_key();
        self.reload();
        self.open_article(article);
    }

    /// Loads the dataset folder again and shows it, keeping the view (date, map, open place).
    fn reload(&mut self) {
        let loaded = match crate::dataset::load(&self.data) {
            Ok(loaded) => loaded,
            Err(e) => return self.problems_note(chain(&e)),
        };
        let selected = self.view.selected.map(|p| self.dataset.place(p).id.clone());
        let Prepared { dataset, problems, gazetteer, model } = Prepared::new(loaded.dataset, loaded.problems);
        self.view.selected = selected.and_then(|id| dataset.place_ix(&id));
        self.view.date = model.clamp(self.view.date);
        self.dataset = dataset;
        self.problems = problems;
        self.gazetteer = gazetteer;
        self.model = model;
        self.snapshot = self.dataset.timeline.scrubbing_snapshot(self.view.date);
        self.scene = crate::scene::build(&self.dataset, &self.snapshot, &self.view.scene);
        self.areas = super::LiveAreas::new(self.view.reach.clone());
        self.diff = None;
        self.refresh_diff();
        self.refresh_areas();
        if let Some(desk) = &mut self.desk {
            desk.review.dataset_changed(&self.dataset);
            desk.forget_typing();
        }
    }

    /// The desk's panel (over the place panel while a review is open) and the copy prompt.
    pub(super) fn review_area(&mut self, ui: &mut Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(article) = &self.pending_article {
            actions.extend(copy_prompt(ui, article));
        }
        if let Some(desk) = &mut self.desk {
            let (dataset, gazetteer) = (&self.dataset, &self.gazetteer);
            let inner = egui::Panel::right("review")
                .default_size(560.0)
                .min_size(420.0)
                .show(ui, |ui| review_panel(ui, desk, dataset, gazetteer))
                .inner;
            actions.extend(inner);
        }
        actions
    }

    /// Articles dropped on the window are opened for review (the first, if several).
    pub(super) fn dropped_articles(ui: &Ui) -> Vec<Action> {
        ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")))
                .map(Action::OpenArticle)
                .into_iter()
                .collect()
        })
    }

    /// The review open in the viewer, if any.
    pub fn review_desk(&self) -> Option<&Review> {
        self.desk.as_ref().map(|d| &d.review)
    }
}
