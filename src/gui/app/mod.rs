//! The viewer: map, timeline, town panel, legend, search and status bar around one dataset.
//! `SandlineApp::show` lays the panels out; each panel draws from the `ViewState` and returns
//! `Action`s, and `SandlineApp::apply` alone changes the state and decides what to recompute.
//! `show` draws into a `Ui`, so the same code runs in a window and in tests.

mod queries;
mod review;

use super::compare::{CompareField, DEFAULT_DAYS_BEFORE, compare_panel};
use super::export::ExportState;
use super::keyboard::keyboard;
use super::live_areas::LiveAreas;
use super::map_panel::{MapData, map_panel};
use super::problems::problems_window;
use super::state::{Action, Persisted, ViewState, ViewerOptions};
use super::status_bar::{FrameNotes, status_bar};
use super::tiles::TileLayer;
use super::timeline::{TimelineModel, TimelineState, timeline_ui};
use super::toolbar::{ToolbarData, ToolbarState, toolbar};
use super::town_panel::town_panel;
use crate::areas::Diff;
use crate::basemap::BaseLayer;
use crate::dataset::{Dataset, Loaded, Problem};
use crate::draw::legend::LegendLayers;
use crate::draw::map_layer::fit_bounds;
use crate::gazetteer::Gazetteer;
use crate::model::Snapshot;
use crate::scene::{Scene, build, rebuild};
use chrono::Duration;
use egui::Ui;
use walkers::lon_lat;

/// Areas of control are offered for datasets of up to this many places. Beyond it, every change
/// of holder would cost the viewer a second of geometry and each frame more than the rest of the
/// map together, for cells a few pixels wide at country zoom; `sandline state --format geojson`
/// still exports them.
pub const AREAS_UP_TO: usize = 20_000;

pub struct SandlineApp {
    // The data, fixed for the run.
    dataset: Dataset,
    problems: Vec<Problem>,
    gazetteer: Gazetteer,
    model: TimelineModel,

    /// What the user looks at. Only `apply` changes it (and the map widget its centre and zoom).
    view: ViewState,

    // Worked out from the data and the view, by `apply` (and, for the areas, once per frame).
    snapshot: Snapshot,
    scene: Scene,
    /// The areas at the slider's date, while areas or fronts are shown.
    areas: LiveAreas,
    /// The state changed since the areas were last asked for.
    areas_dirty: bool,
    /// Compare mode: what changed from the first date to the slider's.
    diff: Option<Diff>,

    // The widgets' own state: text being typed, play speed, the export window.
    toolbar: ToolbarState,
    timeline: TimelineState,
    compare_field: CompareField,
    export: ExportState,

    // The window's: tiles need an egui context, and the last frame's observations.
    tiles: Option<TileLayer>,
    /// The base layer to make tiles for on the next frame, when an egui context is at hand.
    pending_layer: Option<BaseLayer>,
    notes: FrameNotes,
    /// The map's size on screen last frame, for exports of the same view.
    map_size: egui::Vec2,
    /// Where the view is remembered (one key per dataset).
    persist_key: String,
    /// Where the dataset comes from: reloaded from there when the review desk changes it.
    data: crate::dataset::DataDir,
    /// The review desk, while an article is under review.
    desk: Option<super::review_desk::Desk>,
    /// An article to review once the built-in dataset is copied to a folder of the user's.
    pending_article: Option<std::path::PathBuf>,
}

/// What the viewer derives from a dataset before it can show it, the costly part of opening a big
/// one: made on the loading thread, where the window's own state (its tiles) cannot go.
pub struct Prepared {
    dataset: Dataset,
    problems: Vec<Problem>,
    gazetteer: Gazetteer,
    model: TimelineModel,
}

impl Prepared {
    /// Everything the first frame needs, made off the window's thread: the search index, the
    /// timeline, the region's land and the base map at the detail a whole country is seen at.
    pub fn new(dataset: Dataset, problems: Vec<Problem>) -> Self {
        dataset.land();
        crate::basemap::level(crate::basemap::Detail::Fine);
        crate::basemap::prepare_in_background();
        let gazetteer = Gazetteer::new(&dataset.places);
        let model = TimelineModel::new(&dataset);
        Prepared { dataset, problems, gazetteer, model }
    }
}

/// What an action made out of date.
#[derive(Debug, Default, Clone, Copy)]
struct Stale {
    /// The date moved: the snapshot steps to it, and the scene and comparison follow.
    date: bool,
    scene: bool,
    diff: bool,
    areas: bool,
}

impl SandlineApp {
    /// Loads the dataset and sets up the view. Data problems never stop it: they are listed in a
    /// panel and what is valid is drawn. Only an unreadable directory is an error.
    pub fn new(options: ViewerOptions, persisted: Option<Persisted>) -> anyhow::Result<Self> {
        let Loaded { dataset, problems } = crate::dataset::load(&options.data)?;
        Ok(Self::with_dataset(dataset, problems, options, persisted))
    }

    pub fn with_dataset(
        dataset: Dataset,
        problems: Vec<Problem>,
        options: ViewerOptions,
        persisted: Option<Persisted>,
    ) -> Self {
        Self::from_prepared(Prepared::new(dataset, problems), options, persisted)
    }

    /// Sets up the view over data already prepared (on any thread).
    pub fn from_prepared(prepared: Prepared, options: ViewerOptions, persisted: Option<Persisted>) -> Self {
        let Prepared { dataset, problems, gazetteer, model } = prepared;
        let latest = dataset.timeline.span().map_or(model.end, |(_, last)| last);
        let mut view = ViewState::new(&dataset, &options, persisted.as_ref(), latest, |d| model.clamp(d));
        view.show_problems = !problems.is_empty();
        let snapshot = dataset.timeline.scrubbing_snapshot(view.date);
        let scene = build(&dataset, &snapshot, &view.scene);
        let mut app = SandlineApp {
            gazetteer,
            areas: LiveAreas::new(view.reach.clone()),
            pending_layer: Some(view.layers.base.clone()),
            dataset,
            problems,
            model,
            view,
            snapshot,
            scene,
            areas_dirty: false,
            diff: None,
            toolbar: ToolbarState::default(),
            timeline: TimelineState::default(),
            compare_field: CompareField::default(),
            export: ExportState::default(),
            tiles: None,
            notes: FrameNotes::default(),
            map_size: egui::vec2(1200.0, 700.0),
            persist_key: options.persist_key(),
            data: options.data,
            desk: None,
            pending_article: None,
        };
        app.refresh_areas();
        app
    }

    /// The one place where the view changes, and where what depends on it is brought up to date.
    pub fn apply(&mut self, action: Action) {
        let Some(action) = self.apply_desk(action) else { return };
        let mut stale = Stale::default();
        let view = &mut self.view;
        match action {
            Action::SetDate(date) => {
                view.date = self.model.clamp(date);
                stale.date = true;
            }
            Action::Step(step) => {
                if let Some(date) = self.model.step(step, view.date) {
                    view.date = self.model.clamp(date);
                    stale.date = true;
                }
            }
            Action::TogglePlay => self.timeline.playing = !self.timeline.playing,
            Action::Select(place) => view.selected = place,
            Action::GoTo(place) => {
                view.fitting = None;
                let p = self.dataset.place(place);
                view.map.center_at(lon_lat(p.lon, p.lat));
                let _ = view.map.set_zoom(view.map.zoom().max(9.0));
                view.selected = Some(place);
            }
            Action::FrameData(rect) => {
                if view.fitting.is_some_and(|fitted| fitted != rect) {
                    fit_bounds(&mut view.map, rect, self.dataset.frame());
                    view.fitting = Some(rect);
                }
            }
            Action::MapMoved => view.fitting = None,
            Action::ToggleSide(faction) => {
                let hidden = &mut view.scene.hidden;
                match hidden.iter().position(|&f| f == faction) {
                    Some(i) => {
                        hidden.remove(i);
                    }
                    None => hidden.push(faction),
                }
                stale.scene = true;
            }
            Action::SetRecentDays(days) => {
                view.scene.recent_days = days;
                stale.scene = true;
            }
            Action::SetBaseLayer(layer) => {
                view.layers.base = layer.clone();
                self.pending_layer = Some(layer);
            }
            Action::ShowAreas(on) => {
                view.layers.areas = on;
                stale.areas = true;
            }
            Action::ShowFronts(on) => {
                view.layers.fronts = on;
                stale.areas = true;
            }
            Action::SetReach(options) => {
                view.reach = options.clone();
                self.areas.set_options(options);
                // The comparison's land depends on the reaches too.
                self.diff = None;
                stale.diff = true;
                stale.areas = true;
            }
            Action::SetStaleAfter(after) => {
                view.scene.stale_after = after;
                view.reach = view.reach.clone().with_stale_after(after);
                self.areas.set_options(view.reach.clone());
                self.diff = None;
                stale.scene = true;
                stale.diff = true;
                stale.areas = true;
            }
            Action::StartCompare(from) => {
                let date = view.date;
                let first = match from {
                    Some(from) => self.model.clamp(from).min(date),
                    None => view
                        .compare
                        .from
                        .filter(|&f| f <= date)
                        .unwrap_or(date - Duration::days(DEFAULT_DAYS_BEFORE)),
                };
                view.compare.on = true;
                view.compare.from = Some(first);
                self.compare_field = CompareField::default();
                stale.diff = true;
            }
            Action::CompareFrom(from) => {
                view.compare.from = Some(self.model.clamp(from).min(view.date));
                stale.diff = true;
            }
            Action::StopCompare => {
                view.compare.on = false;
                stale.diff = true;
            }
            Action::OpenExport => {
                let mut export = std::mem::take(&mut self.export);
                export.open(&self.view_now());
                self.export = export;
            }
            Action::ShowProblems(open) => view.show_problems = open,
            Action::OpenView(link) => {
                view.date = self.model.clamp(link.date.last_day());
                match link.place {
                    crate::view_link::Place::Dataset => view.fitting = Some(egui::Rect::NOTHING),
                    crate::view_link::Place::Bbox(b) => {
                        view.fitting = None;
                        fit_bounds(
                            &mut view.map,
                            egui::Rect::from_min_size(egui::Pos2::ZERO, self.map_size),
                            b,
                        );
                    }
                    crate::view_link::Place::Center { lat, lon, zoom } => {
                        view.fitting = None;
                        view.map.center_at(lon_lat(lon, lat));
                        let _ = view.map.set_zoom(zoom);
                    }
                }
                view.layers.areas = link.areas;
                view.layers.fronts = link.fronts;
                view.scene.hidden = link.hide.iter().filter_map(|id| self.dataset.faction_ix(id)).collect();
                if let Some(from) = link.compare_from {
                    view.compare.on = true;
                    view.compare.from = Some(self.model.clamp(from).min(view.date));
                }
                stale.diff = true;
                stale.date = true;
                stale.scene = true;
                stale.areas = true;
            }
            // Carried out by `apply_desk`.
            Action::OpenArticle(_)
            | Action::Review(_)
            | Action::CloseReview
            | Action::CopyDataTo(_)
            | Action::PickPlace(_)
            | Action::PickedAt(..) => {}
        }
        self.recompute(stale);
    }

    /// Brings what was derived from the view up to date, in order: snapshot, scene, comparison, areas.
    fn recompute(&mut self, stale: Stale) {
        if stale.date && self.dataset.timeline.step(&mut self.snapshot, self.view.date) {
            // Asked for once per frame at most (see `sync_areas`).
            self.areas_dirty = true;
        }
        if stale.date || stale.scene {
            let stale_before = self.scene.counts.stale;
            rebuild(&mut self.scene, &self.dataset, &self.snapshot, &self.view.scene);
            // Evidence ages with the date: land whose places turn stale is redrawn faded.
            if self.scene.counts.stale != stale_before {
                self.areas_dirty = true;
            }
        }
        if stale.date || stale.diff {
            self.refresh_diff();
        }
        if stale.areas {
            self.refresh_areas();
        }
    }

    /// Applies what a widget returned. Widgets drawn earlier in the frame showed the state before
    /// these actions, so the frame is drawn once more.
    fn act(&mut self, ctx: &egui::Context, actions: impl IntoIterator<Item = Action>) {
        let mut any = false;
        for action in actions {
            self.apply(action);
            any = true;
        }
        if any {
            self.make_tiles(ctx);
            ctx.request_repaint();
        }
    }

    /// Asks for the areas of the current state when it changed and no computation is under way:
    /// while the slider runs over a large dataset, the state is read once per finished
    /// computation rather than once per frame.
    fn sync_areas(&mut self) {
        self.areas.poll();
        if self.areas_dirty && !self.areas.updating() {
            self.refresh_areas();
        }
    }

    /// The areas and front lines as drawn: switched on, and possible for this dataset.
    fn layers(&self) -> LegendLayers {
        let can = self.areas_possible();
        LegendLayers { areas: self.view.layers.areas && can, fronts: self.view.layers.fronts && can }
    }

    /// Areas are recomputed only when some holder or status changed (the cache compares states).
    fn refresh_areas(&mut self) {
        self.areas_dirty = false;
        let layers = self.layers();
        if layers.areas || layers.fronts {
            self.areas.request(
                self.dataset.land(),
                crate::areas::sites_in(&self.dataset, &self.snapshot, self.view.scene.stale_after),
            );
        } else {
            self.areas.clear();
        }
    }

    fn refresh_diff(&mut self) {
        let compare = self.view.compare;
        let date = self.view.date;
        let wanted = compare.from.filter(|_| compare.on).map(|from| (from.min(date), date));
        let Some((from, to)) = wanted else {
            self.diff = None;
            return;
        };
        if self.diff.as_ref().is_some_and(|d| (d.from, d.to) == (from, to)) {
            return;
        }
        // `from` is never after `to` here, so the comparison cannot fail.
        self.diff = crate::areas::diff(&self.dataset, from, to, self.areas.cache_mut()).ok();
    }

    /// Tiles for a newly chosen base layer (they need an egui context).
    fn make_tiles(&mut self, ctx: &egui::Context) {
        if let Some(layer) = self.pending_layer.take() {
            // Light, like the printed briefings the maps end up in.
            ctx.set_theme(egui::Theme::Light);
            self.tiles = TileLayer::new(&layer, ctx);
            self.notes.tiles_note = None;
        }
    }

    /// The whole viewer, drawn into `ui`.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.make_tiles(&ctx);
        self.act(&ctx, keyboard(ui));
        if self.timeline.playing {
            let dt = ui.input(|i| i.stable_dt).min(0.1);
            let next = self.timeline.advance(&self.model, self.view.date, dt);
            if next != self.view.date {
                self.apply(Action::SetDate(next));
            }
            ctx.request_repaint();
        }
        if self.tiles.as_ref().is_some_and(TileLayer::unavailable) && self.notes.tiles_note.is_none() {
            self.notes.tiles_note = Some(format!(
                "{} is unavailable; showing the offline base map",
                self.view.layers.base.label()
            ));
        }

        let data = ToolbarData {
            dataset: &self.dataset,
            gazetteer: &self.gazetteer,
            problems: self.problems.len(),
            areas_possible: self.areas_possible(),
        };
        let actions = toolbar(ui, &data, &self.view, &mut self.toolbar);
        self.act(&ctx, actions);
        self.act(&ctx, Self::dropped_articles(ui));
        self.notes.areas_updating = self.areas.updating();
        egui::Panel::bottom("status").show(ui, |ui| status_bar(ui, &self.dataset, &self.scene, &self.notes));
        let actions = egui::Panel::bottom("timeline")
            .resizable(false)
            .show(ui, |ui| {
                ui.add_space(4.0);
                let actions = timeline_ui(ui, &self.model, &mut self.timeline, self.view.date);
                ui.add_space(2.0);
                actions
            })
            .inner;
        self.act(&ctx, actions);
        let actions = self.review_area(ui);
        self.act(&ctx, actions);
        if let Some(place) = self.view.selected.filter(|_| self.desk.is_none()) {
            let action = egui::Panel::right("town")
                .default_size(380.0)
                .min_size(300.0)
                .show(ui, |ui| {
                    town_panel(
                        ui,
                        &self.dataset,
                        &self.model,
                        place,
                        self.view.date,
                        self.view.scene.stale_after,
                    )
                })
                .inner;
            self.act(&ctx, action);
        }
        if self.view.compare.on {
            let dates = (self.view.compare.from, self.view.date);
            let action = egui::Panel::left("compare")
                .default_size(360.0)
                .min_size(280.0)
                .show(ui, |ui| {
                    compare_panel(ui, &self.dataset, &mut self.compare_field, dates, self.diff.as_ref())
                })
                .inner;
            self.act(&ctx, action);
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_area(ui));
        let action = problems_window(ui, &self.problems, self.view.show_problems);
        self.act(&ctx, action);
        if self.export.open {
            let mut export = std::mem::take(&mut self.export);
            export.window(ui, &self.view_now());
            self.export = export;
        }
    }

    fn map_area(&mut self, ui: &mut Ui) {
        // After the timeline panel, so that a slider moved this frame is seen.
        self.sync_areas();
        if self.areas.updating() {
            ui.ctx().request_repaint();
        }
        let rect = ui.max_rect();
        self.map_size = rect.size();
        self.apply(Action::FrameData(rect));
        let data = MapData {
            dataset: &self.dataset,
            scene: &self.scene,
            date: self.view.date,
            selected: self.view.selected,
            hidden: &self.view.scene.hidden,
            areas: self.areas.shown(),
            layers: self.layers(),
            diff: self.diff.as_ref(),
            picking: self.desk.as_ref().and_then(|d| d.picking.as_deref()),
        };
        let (actions, seen) = map_panel(ui, &data, &mut self.view.map, self.tiles.as_mut());
        self.notes.hovered = seen.hovered;
        self.notes.fronts_hidden = seen.fronts_hidden;
        self.act(&ui.ctx().clone(), actions);
    }
}

impl eframe::App for SandlineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, &self.persist_key, &self.persisted());
    }
}

#[cfg(test)]
#[path = "apply_tests.rs"]
mod tests;
