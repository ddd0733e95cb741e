//! The viewer: map, timeline, town panel, legend, search and status bar around one dataset.
//! `SandlineApp::show` draws everything into a `Ui`, so the same code runs in a window and in tests.

use super::compare::{CompareAction, CompareState, compare_panel};
use super::export::{ExportState, ViewNow};
use super::live_areas::LiveAreas;
use super::search::{SearchState, search_ui};
use super::tiles::TileLayer;
use super::timeline::{TimelineModel, TimelineState, timeline_ui};
use super::town_panel::{TownAction, town_panel};
use crate::areas::{AreaOptions, Areas, Diff};
use crate::basemap::{BaseLayer, LIBYA_BOUNDS, LIBYA_CENTER};
use crate::dataset::{DataDir, Dataset, Loaded, Problem};
use crate::draw::area_layer::AreaLayer;
use crate::draw::legend::{LegendLayers, legend_ui};
use crate::draw::map_layer::{Overlays, fit_bounds, map_view};
use crate::gazetteer::Gazetteer;
use crate::model::{FactionIx, PlaceIx, PlaceKind, Snapshot};
use crate::scene::{Scene, SceneOptions, build};
use chrono::NaiveDate;
use egui::{Align2, Color32, Key, RichText, Ui};
use walkers::{MapMemory, lon_lat};

/// How the viewer was asked to start.
#[derive(Debug, Clone)]
pub struct ViewerOptions {
    pub data: DataDir,
    pub date: Option<NaiveDate>,
    pub layer: Option<BaseLayer>,
}

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Persisted {
    pub date: String,
    pub center: Option<(f64, f64)>,
    pub zoom: f64,
    pub layer: BaseLayer,
    pub recent_days: u32,
    pub hidden: Vec<String>,
    /// Areas of control and front lines shown (on unless the user switched them off).
    #[serde(default = "shown")]
    pub areas: bool,
    #[serde(default = "shown")]
    pub fronts: bool,
    /// How far places of each kind reach for their areas, in km, by kind (`town`, `city`...).
    #[serde(default)]
    pub reach_km: Vec<(String, f64)>,
    /// Days after its newest claim that a place is drawn as stale.
    #[serde(default = "default_stale_after")]
    pub stale_after_days: u32,
}

fn shown() -> bool {
    true
}

fn default_stale_after() -> u32 {
    crate::model::DEFAULT_STALE_AFTER_DAYS
}

/// Areas of control are offered for datasets of up to this many places. Beyond it, every change
/// of holder would cost the viewer a second of geometry and each frame more than the rest of the
/// map together, for cells a few pixels wide at country zoom; `sandline state --format geojson`
/// still exports them.
pub const AREAS_UP_TO: usize = 20_000;

/// Libya's zoom before the first frame fits it to the window.
const LIBYA_ZOOM: f64 = 5.6;

pub struct SandlineApp {
    dataset: Dataset,
    problems: Vec<Problem>,
    gazetteer: Gazetteer,
    model: TimelineModel,
    date: NaiveDate,
    snapshot: Snapshot,
    scene: Scene,
    scene_options: SceneOptions,
    map: MapMemory,
    layer: BaseLayer,
    tiles: Option<TileLayer>,
    tiles_note: Option<String>,
    pmtiles_path: String,
    selected: Option<PlaceIx>,
    timeline: TimelineState,
    search: SearchState,
    show_problems: bool,
    hovered: Option<PlaceIx>,
    /// Keep Libya framed as the window settles, until the user moves the map: the rect it was fitted to.
    fitting: Option<egui::Rect>,
    /// The base layer to switch to on the next frame, when an egui context is at hand.
    pending_layer: Option<BaseLayer>,
    export: ExportState,
    /// The map's size on screen last frame, for exports of the same view.
    map_size: egui::Vec2,
    show_areas: bool,
    show_fronts: bool,
    /// The areas at the slider's date, while areas or fronts are shown.
    areas: LiveAreas,
    compare: CompareState,
    /// Compare mode: what changed from the first date to the slider's.
    diff: Option<Diff>,
    /// The state changed since the areas were last asked for.
    areas_dirty: bool,
    /// The map left out the front lines last frame (too many to draw at that zoom).
    fronts_hidden: bool,
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
        let model = TimelineModel::new(&dataset);
        let remembered_date =
            persisted.as_ref().and_then(|p| NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok());
        let latest = dataset.timeline.span().map_or(model.end, |(_, last)| last);
        let date = model.clamp(options.date.or(remembered_date).unwrap_or(latest));
        let mut map = MapMemory::default();
        let (lon, lat) = persisted.as_ref().and_then(|p| p.center).unwrap_or(LIBYA_CENTER);
        map.center_at(lon_lat(lon, lat));
        let _ = map.set_zoom(persisted.as_ref().map_or(LIBYA_ZOOM, |p| p.zoom));
        let hidden: Vec<FactionIx> = persisted
            .as_ref()
            .map(|p| p.hidden.iter().filter_map(|id| dataset.faction_ix(id)).collect())
            .unwrap_or_default();
        let scene_options = SceneOptions {
            recent_days: persisted.as_ref().map_or(SceneOptions::default().recent_days, |p| p.recent_days),
            hidden,
            stale_after: crate::model::StaleAfter(
                persisted.as_ref().map_or(crate::model::DEFAULT_STALE_AFTER_DAYS, |p| p.stale_after_days),
            ),
            ..SceneOptions::default()
        };
        let layer =
            options.layer.or(persisted.as_ref().map(|p| p.layer.clone())).unwrap_or(BaseLayer::Offline);
        let snapshot = dataset.timeline.snapshot(date);
        let scene = build(&dataset, &snapshot, &scene_options);
        let gazetteer = Gazetteer::new(&dataset.places);
        let show_problems = !problems.is_empty();
        let fit = persisted.as_ref().is_none_or(|p| p.center.is_none());
        let show_areas = persisted.as_ref().is_none_or(|p| p.areas);
        let show_fronts = persisted.as_ref().is_none_or(|p| p.fronts);
        let reach = persisted.iter().flat_map(|p| &p.reach_km).fold(
            AreaOptions::default().with_stale_after(scene_options.stale_after),
            |o, (kind, km)| match kind.parse() {
                Ok(kind) => o.with_radius(kind, *km),
                Err(_) => o,
            },
        );
        let mut app = SandlineApp {
            dataset,
            problems,
            gazetteer,
            model,
            date,
            snapshot,
            scene,
            scene_options,
            map,
            layer: BaseLayer::Offline,
            tiles: None,
            tiles_note: None,
            pmtiles_path: String::new(),
            selected: None,
            timeline: TimelineState::default(),
            search: SearchState::default(),
            show_problems,
            hovered: None,
            fitting: fit.then_some(egui::Rect::NOTHING),
            pending_layer: Some(layer),
            export: ExportState::default(),
            map_size: egui::vec2(1200.0, 700.0),
            show_areas,
            show_fronts,
            areas: LiveAreas::new(reach),
            compare: CompareState::default(),
            diff: None,
            fronts_hidden: false,
            areas_dirty: false,
        };
        app.refresh_areas();
        app
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn scene(&self) -> &Scene {
        &self.scene
    }

    pub fn selected(&self) -> Option<PlaceIx> {
        self.selected
    }

    pub fn map_memory(&self) -> &MapMemory {
        &self.map
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
        self.compare.open(self.date);
        if let Some(from) = from {
            self.compare.set_from(self.model.clamp(from).min(self.date));
        }
        self.refresh_diff();
    }

    pub fn stop_compare(&mut self) {
        self.compare.on = false;
        self.refresh_diff();
    }

    pub fn persisted(&self) -> Persisted {
        let center = self.map.detached().map(|p| (p.x(), p.y()));
        Persisted {
            date: self.date.to_string(),
            center,
            zoom: self.map.zoom(),
            layer: self.layer.clone(),
            recent_days: self.scene_options.recent_days,
            hidden: self.scene_options.hidden.iter().map(|&f| self.dataset.faction(f).id.clone()).collect(),
            areas: self.show_areas,
            fronts: self.show_fronts,
            reach_km: PlaceKind::ALL
                .iter()
                .map(|&k| (k.as_str().to_string(), self.areas.options().radius_km(k)))
                .collect(),
            stale_after_days: self.scene_options.stale_after.0,
        }
    }

    /// Moves the slider: the snapshot steps incrementally and the scene is rebuilt.
    pub fn set_date(&mut self, date: NaiveDate) {
        self.date = self.model.clamp(date);
        if self.dataset.timeline.step(&mut self.snapshot, self.date) {
            self.areas_dirty = true;
        }
        self.rebuild_scene();
        self.refresh_diff();
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

    /// Whether this dataset is small enough for areas (see `AREAS_UP_TO`).
    pub fn areas_possible(&self) -> bool {
        self.dataset.tracked_places().len() <= AREAS_UP_TO
    }

    /// The areas and front lines as drawn: switched on, and possible for this dataset.
    fn layers(&self) -> LegendLayers {
        let can = self.areas_possible();
        LegendLayers { areas: self.show_areas && can, fronts: self.show_fronts && can }
    }

    /// Areas are recomputed only when some holder or status changed (the cache compares states).
    fn refresh_areas(&mut self) {
        self.areas_dirty = false;
        let layers = self.layers();
        if layers.areas || layers.fronts {
            self.areas.request(crate::areas::sites_in(
                &self.dataset,
                &self.snapshot,
                self.areas.options().stale_after,
            ));
        } else {
            self.areas.clear();
        }
    }

    fn refresh_diff(&mut self) {
        let wanted =
            self.compare.from.filter(|_| self.compare.on).map(|from| (from.min(self.date), self.date));
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

    /// A new stale limit: the scene and the areas are judged by it from now on.
    pub fn set_stale_after(&mut self, stale: crate::model::StaleAfter) {
        self.scene_options.stale_after = stale;
        self.areas.set_options(self.areas.options().clone().with_stale_after(stale));
        self.diff = None;
        self.refresh_diff();
        self.rebuild_scene();
    }

    fn rebuild_scene(&mut self) {
        self.scene = build(&self.dataset, &self.snapshot, &self.scene_options);
    }

    pub fn select(&mut self, place: Option<PlaceIx>) {
        self.selected = place;
    }

    /// Centres the map on a place, close enough to tell it from its neighbours, and opens its panel.
    pub fn go_to(&mut self, place: PlaceIx) {
        self.fitting = None;
        let p = self.dataset.place(place);
        self.map.center_at(lon_lat(p.lon, p.lat));
        let _ = self.map.set_zoom(self.map.zoom().max(9.0));
        self.selected = Some(place);
    }

    pub fn set_layer(&mut self, layer: BaseLayer, ctx: &egui::Context) {
        self.tiles = TileLayer::new(&layer, ctx);
        self.tiles_note = None;
        self.layer = layer;
    }

    fn toggle_faction(&mut self, faction: FactionIx) {
        let hidden = &mut self.scene_options.hidden;
        match hidden.iter().position(|&f| f == faction) {
            Some(i) => {
                hidden.remove(i);
            }
            None => hidden.push(faction),
        }
        self.rebuild_scene();
    }

    /// What an export of the current view needs.
    fn view_now(&self) -> ViewNow<'_> {
        let center = self.map.detached().map_or(LIBYA_CENTER, |p| (p.x(), p.y()));
        ViewNow {
            dataset: &self.dataset,
            date: self.date,
            center,
            zoom: self.map.zoom(),
            map_size: self.map_size,
            recent_days: self.scene_options.recent_days,
            hidden: &self.scene_options.hidden,
            areas: self.layers().areas,
            fronts: self.layers().fronts,
            area_options: self.areas.options().clone(),
        }
    }

    fn open_export(&mut self) {
        let mut export = std::mem::take(&mut self.export);
        export.open(&self.view_now());
        self.export = export;
    }

    fn keyboard(&mut self, ui: &Ui) {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::E)) {
            self.open_export();
        }
        if ui.ctx().memory(|m| m.focused().is_some()) {
            return;
        }
        let (left, right, home, end, space) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.key_pressed(Key::Home),
                i.key_pressed(Key::End),
                i.key_pressed(Key::Space),
            )
        });
        let target = if left {
            self.model.previous_change(self.date)
        } else if right {
            self.model.next_change(self.date)
        } else if home {
            Some(self.model.start)
        } else if end {
            Some(self.model.end)
        } else {
            None
        };
        if let Some(d) = target {
            self.set_date(d);
        }
        if space {
            self.timeline.playing = !self.timeline.playing;
        }
    }

    /// The whole viewer, drawn into `ui`.
    pub fn show(&mut self, ui: &mut Ui) {
        if let Some(layer) = self.pending_layer.take() {
            // Light, like the printed briefings the maps end up in.
            ui.ctx().set_theme(egui::Theme::Light);
            self.set_layer(layer, ui.ctx());
        }
        self.keyboard(ui);
        if self.timeline.playing {
            let dt = ui.input(|i| i.stable_dt).min(0.1);
            let next = self.timeline.advance(&self.model, self.date, dt);
            if next != self.date {
                self.set_date(next);
            }
            ui.ctx().request_repaint();
        }
        if self.tiles.as_ref().is_some_and(TileLayer::unavailable) && self.tiles_note.is_none() {
            self.tiles_note =
                Some(format!("{} is unavailable; showing the offline base map", self.layer.label()));
        }

        self.toolbar(ui);
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::bottom("timeline").resizable(false).show(ui, |ui| {
            ui.add_space(4.0);
            if let Some(d) = timeline_ui(ui, &self.model, &mut self.timeline, self.date) {
                self.set_date(d);
            }
            ui.add_space(2.0);
        });
        if let Some(place) = self.selected {
            egui::Panel::right("town").default_size(380.0).min_size(300.0).show(ui, |ui| {
                match town_panel(
                    ui,
                    &self.dataset,
                    &self.model,
                    place,
                    self.date,
                    self.scene_options.stale_after,
                ) {
                    Some(TownAction::Close) => self.selected = None,
                    Some(TownAction::GoTo(d)) => self.set_date(d),
                    None => {}
                }
            });
        }
        if self.compare.on {
            egui::Panel::left("compare").default_size(360.0).min_size(280.0).show(ui, |ui| {
                let diff = self.diff.as_ref();
                match compare_panel(ui, &self.dataset, &mut self.compare, self.date, diff) {
                    Some(CompareAction::From(d)) => {
                        self.compare.set_from(self.model.clamp(d).min(self.date));
                        self.refresh_diff();
                    }
                    Some(CompareAction::Show(p)) => self.go_to(p),
                    Some(CompareAction::Close) => self.stop_compare(),
                    None => {}
                }
            });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_area(ui));
        self.problems_window(ui);
        if self.export.open {
            let mut export = std::mem::take(&mut self.export);
            export.window(ui, &self.view_now());
            self.export = export;
        }
    }

    fn toolbar(&mut self, ui: &mut Ui) {
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong("sandline");
                ui.separator();
                if let Some(p) = search_ui(ui, &self.gazetteer, &self.dataset, &mut self.search) {
                    self.go_to(p);
                }
                ui.separator();
                let mut chosen = None;
                egui::ComboBox::from_label("Base map").selected_text(self.layer.label()).show_ui(ui, |ui| {
                    for layer in [BaseLayer::Offline, BaseLayer::OpenStreetMap] {
                        if ui.selectable_label(self.layer == layer, layer.label()).clicked() {
                            chosen = Some(layer);
                        }
                    }
                    ui.separator();
                    ui.label("Local .pmtiles file:");
                    ui.text_edit_singleline(&mut self.pmtiles_path);
                    if ui.button("Open").clicked() && !self.pmtiles_path.trim().is_empty() {
                        chosen = Some(BaseLayer::PmTiles(self.pmtiles_path.trim().into()));
                    }
                });
                if let Some(layer) = chosen {
                    self.set_layer(layer, ui.ctx());
                }
                let can = self.areas_possible();
                let too_many = format!(
                    "Areas are drawn for datasets of up to {} places; this one has {}",
                    AREAS_UP_TO,
                    self.dataset.tracked_places().len()
                );
                let areas = ui
                    .add_enabled(can, egui::Checkbox::new(&mut self.show_areas, "Areas"))
                    .on_hover_text("Areas of control: the land nearest each side's places, capped by kind")
                    .on_disabled_hover_text(&too_many);
                let fronts = ui
                    .add_enabled(can, egui::Checkbox::new(&mut self.show_fronts, "Front lines"))
                    .on_hover_text("Where the areas of two sides meet")
                    .on_disabled_hover_text(&too_many);
                let reach =
                    ui.menu_button("Reach...", |ui| reach_menu(ui, self.areas.options())).inner.flatten();
                let reach_changed = reach.is_some();
                if let Some(options) = reach {
                    self.areas.set_options(options);
                    // The comparison's land depends on the reaches too.
                    self.diff = None;
                    self.refresh_diff();
                }
                let stale = ui
                    .menu_button("Stale after...", |ui| stale_menu(ui, self.scene_options.stale_after))
                    .inner
                    .flatten();
                if let Some(stale) = stale {
                    self.set_stale_after(stale);
                }
                if areas.changed() || fronts.changed() || reach_changed || stale.is_some() {
                    self.refresh_areas();
                }
                ui.separator();
                let mut comparing = self.compare.on;
                if ui
                    .toggle_value(&mut comparing, "Compare dates")
                    .on_hover_text("What changed hands between a first date and the slider's date")
                    .changed()
                {
                    if comparing { self.start_compare(None) } else { self.stop_compare() }
                }
                ui.separator();
                if ui
                    .button("Export image...")
                    .on_hover_text("Save or copy the map as a briefing image (Ctrl+E)")
                    .clicked()
                {
                    self.open_export();
                }
                ui.separator();
                ui.label("Highlight changes of the last");
                let mut days = self.scene_options.recent_days;
                if ui.add(egui::DragValue::new(&mut days).range(0..=3650).suffix(" days")).changed() {
                    self.scene_options.recent_days = days;
                    self.rebuild_scene();
                }
                if !self.problems.is_empty() {
                    ui.separator();
                    let text = RichText::new(format!("{} data problems", self.problems.len()))
                        .color(ui.visuals().warn_fg_color);
                    if ui.button(text).clicked() {
                        self.show_problems = true;
                    }
                }
            });
        });
    }

    fn map_area(&mut self, ui: &mut Ui) {
        // After the timeline panel, so that a slider moved this frame is seen.
        self.sync_areas();
        if self.areas.updating() {
            ui.ctx().request_repaint();
        }
        let rect = ui.max_rect();
        self.map_size = rect.size();
        if let Some(fitted) = self.fitting
            && fitted != rect
        {
            fit_bounds(&mut self.map, rect, LIBYA_BOUNDS);
            self.fitting = Some(rect);
        }
        let layers = self.layers();
        let tiles = self.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles);
        let areas = self.areas.shown().map(|a| a.as_ref());
        let overlays = Overlays {
            areas: AreaLayer {
                areas: areas.filter(|_| layers.areas),
                fronts: areas.filter(|_| layers.fronts),
                changes: self.diff.as_ref().map_or(&[], |d| d.areas.as_slice()),
                hidden: &self.scene_options.hidden,
            },
            changed: self.diff.as_ref().map_or(&[], |d| d.rows.as_slice()),
        };
        let (response, output) =
            map_view(ui, &self.dataset, &self.scene, &mut self.map, self.selected, tiles, overlays);
        self.hovered = output.hovered;
        self.fronts_hidden = output.fronts_hidden;
        if response.dragged() || response.changed() {
            self.fitting = None;
        }
        if let Some(p) = output.clicked {
            self.selected = Some(p);
        } else if response.clicked() {
            self.selected = None;
        }

        egui::Area::new(ui.scope_id().with("legend"))
            .pivot(Align2::LEFT_BOTTOM)
            .fixed_pos(rect.left_bottom() + egui::vec2(8.0, -8.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("Situation as of {}", self.date.format("%-d %B %Y"))).strong(),
                    );
                    // On a narrow map (both side panels open) the legend starts folded, so that it
                    // does not cover the map; it keeps a separate open state for each width class.
                    let narrow = rect.width() < 800.0;
                    let header = egui::CollapsingHeader::new("Legend").id_salt(("legend", narrow));
                    header.default_open(!narrow).show(ui, |ui| {
                        // Never more than ~40% of the map, so that the centre of the map (where
                        // Find and the compare list put a place) stays in view.
                        let room = (rect.height() * 0.4).max(120.0);
                        egui::ScrollArea::vertical().max_height(room).show(ui, |ui| {
                            let layers = self.layers();
                            if let Some(f) = legend_ui(
                                ui,
                                &self.dataset,
                                &self.scene,
                                Some(self.scene_options.hidden.as_slice()),
                                layers,
                            ) {
                                self.toggle_faction(f);
                            }
                        });
                    });
                });
            });

        let mut credit = format!("{} · Places: GeoNames (CC BY 4.0)", crate::basemap::ATTRIBUTION);
        if let Some(t) = &self.tiles {
            credit = format!("Tiles: {} · {credit}", t.attribution);
        }
        let painter = ui.painter_at(rect);
        let galley = painter.layout_no_wrap(credit, egui::FontId::proportional(11.0), Color32::from_gray(40));
        let at = Align2::RIGHT_BOTTOM.anchor_size(rect.right_bottom() - egui::vec2(4.0, 4.0), galley.size());
        painter.rect_filled(at.expand(3.0), 2.0, Color32::from_white_alpha(200));
        painter.galley(at.min, galley, Color32::from_gray(40));
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            let c = &self.scene.counts;
            ui.label(format!(
                "{} places: {} held, {} claimed, {} contested, {} unknown · {} claims from {} sources",
                self.scene.markers.len(),
                c.held,
                c.claimed,
                c.contested,
                c.unknown,
                self.dataset.claims.len(),
                self.dataset.sources.len()
            ));
            if let Some(stale) = c.stale_sentence(self.scene_options.stale_after) {
                ui.separator();
                ui.label(stale).on_hover_text(
                    "Their newest claim is older than the stale limit (View > Stale after...): the \
                     holder is the best reading, drawn faded.",
                );
            }
            if self.fronts_hidden {
                ui.separator();
                ui.label("Front lines left out at this zoom: too many to draw; zoom in");
            }
            if self.areas.updating() {
                ui.separator();
                ui.label("Updating the areas of control...");
            }
            if let Some(note) = &self.tiles_note {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
            if let Some(p) = self.hovered {
                ui.separator();
                ui.label(format!("{}: click for its sources", self.dataset.place(p).name));
            }
        });
    }

    fn problems_window(&mut self, ui: &mut Ui) {
        if self.problems.is_empty() {
            return;
        }
        let mut open = self.show_problems;
        egui::Window::new(format!("Data problems ({})", self.problems.len()))
            .open(&mut open)
            .default_width(640.0)
            .default_height(300.0)
            .show(ui.ctx(), |ui| {
                ui.label("These rows were left out; everything else is drawn. The same list as `sandline validate`:");
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for p in &self.problems {
                        ui.label(RichText::new(p.to_string()).monospace());
                    }
                });
            });
        self.show_problems = open;
    }
}

/// The age of evidence past which places are drawn faded; returns the new limit when changed.
fn stale_menu(ui: &mut Ui, current: crate::model::StaleAfter) -> Option<crate::model::StaleAfter> {
    ui.label("A place whose newest claim is older than this is drawn faded:");
    let mut days = current.0;
    let drag = egui::DragValue::new(&mut days).range(7..=3650).speed(5.0).suffix(" days");
    let mut changed = ui.add(drag).on_hover_text("Stale after (days)").changed().then_some(days);
    if ui.button("Default (180 days)").clicked() {
        changed = Some(crate::model::DEFAULT_STALE_AFTER_DAYS);
    }
    changed.filter(|&d| d != current.0).map(crate::model::StaleAfter)
}

/// The reach of each kind of place, in km; returns new options when the user changed one.
fn reach_menu(ui: &mut Ui, options: &AreaOptions) -> Option<AreaOptions> {
    ui.label("How far a place's control reaches, at most:");
    let mut changed = None;
    egui::Grid::new("reach").num_columns(2).show(ui, |ui| {
        for kind in PlaceKind::ALL {
            let mut km = options.radius_km(kind);
            ui.label(kind.as_str().replace('_', " "));
            let drag = egui::DragValue::new(&mut km).range(0.0..=500.0).speed(1.0).suffix(" km");
            if ui.add(drag).changed() {
                changed = Some(changed.take().unwrap_or_else(|| options.clone()).with_radius(kind, km));
            }
            ui.end_row();
        }
    });
    let defaults = AreaOptions::default().with_stale_after(options.stale_after);
    if ui.button("Defaults").clicked() && options != &defaults {
        changed = Some(defaults);
    }
    changed
}

impl eframe::App for SandlineApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.persisted());
    }
}
