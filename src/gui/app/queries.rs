//! What the viewer shows, read without a UI: for the tests, the benchmarks and the export.

use super::{AREAS_UP_TO, SandlineApp};
use crate::areas::{Areas, Diff};
use crate::dataset::Dataset;
use crate::gui::export::ViewNow;
use crate::gui::state::{Action, Persisted, ViewState};
use crate::model::PlaceIx;
use crate::scene::Scene;
use chrono::NaiveDate;
use walkers::MapMemory;

impl SandlineApp {
    /// What an export of the current view needs.
    pub(super) fn view_now(&self) -> ViewNow<'_> {
        ViewNow {
            dataset: &self.dataset,
            data: &self.data,
            date: self.view.date,
            center: self.view.center(),
            zoom: self.view.map.zoom(),
            map_size: self.map_size,
            recent_days: self.view.scene.recent_days,
            hidden: &self.view.scene.hidden,
            areas: self.layers().areas,
            fronts: self.layers().fronts,
            area_options: self.view.reach.clone(),
            compare_from: self.view.compare.from.filter(|_| self.view.compare.on),
        }
    }

    pub fn view(&self) -> &ViewState {
        &self.view
    }

    pub fn date(&self) -> NaiveDate {
        self.view.date
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    pub fn selected(&self) -> Option<PlaceIx> {
        self.view.selected
    }

    pub fn map_memory(&self) -> &MapMemory {
        &self.view.map
    }

    /// Waits for areas being computed in the background (large datasets).
    pub fn wait_for_areas(&mut self) {
        self.sync_areas();
        self.areas.wait();
    }

    /// The areas of control at the slider's date, while areas or front lines are shown.
    pub fn areas(&self) -> Option<&Areas> {
        self.areas.shown().map(|a| a.as_ref())
    }

    /// Compare mode's comparison, while compare mode is on.
    pub fn diff(&self) -> Option<&Diff> {
        self.diff.as_ref()
    }

    /// Turns compare mode on, from `from` (default: 30 days before the slider) to the slider's date.
    pub fn start_compare(&mut self, from: Option<NaiveDate>) {
        self.apply(Action::StartCompare(from));
    }

    pub fn stop_compare(&mut self) {
        self.apply(Action::StopCompare);
    }

    /// Moves the slider: the snapshot steps incrementally and the scene is rebuilt.
    pub fn set_date(&mut self, date: NaiveDate) {
        self.apply(Action::SetDate(date));
    }

    pub fn persisted(&self) -> Persisted {
        self.view.persisted(&self.dataset)
    }

    /// Whether this dataset is small enough for areas (see `AREAS_UP_TO`).
    pub fn areas_possible(&self) -> bool {
        self.dataset.tracked_places().len() <= AREAS_UP_TO
    }
}
