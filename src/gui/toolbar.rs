//! The toolbar: find a place, the base map, the areas and front lines and their reach, compare
//! mode, image export, the recent-change highlight and the data problems button.

use super::search::{SearchState, search_ui};
use super::state::{Action, ViewState};
use crate::areas::AreaOptions;
use crate::basemap::BaseLayer;
use crate::dataset::Dataset;
use crate::gazetteer::Gazetteer;
use crate::model::{DEFAULT_STALE_AFTER_DAYS, PlaceKind, StaleAfter};
use egui::{RichText, Ui};

/// What the toolbar shows besides the view.
pub struct ToolbarData<'a> {
    pub dataset: &'a Dataset,
    pub gazetteer: &'a Gazetteer,
    /// Data problems found on loading.
    pub problems: usize,
    /// The dataset is small enough for areas of control (see `AREAS_UP_TO`).
    pub areas_possible: bool,
}

/// The toolbar's own state: what is typed in it.
#[derive(Debug, Clone, Default)]
pub struct ToolbarState {
    pub search: SearchState,
    pub pmtiles_path: String,
}

/// Draws the toolbar; returns what the user did.
pub fn toolbar(ui: &mut Ui, data: &ToolbarData, view: &ViewState, state: &mut ToolbarState) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.strong("sandline");
            ui.separator();
            if let Some(p) = search_ui(ui, data.gazetteer, data.dataset, &mut state.search) {
                actions.push(Action::GoTo(p));
            }
            ui.separator();
            let current = &view.layers.base;
            egui::ComboBox::from_label("Base map").selected_text(current.label()).show_ui(ui, |ui| {
                for layer in [BaseLayer::Offline, BaseLayer::OpenStreetMap] {
                    if ui.selectable_label(*current == layer, layer.label()).clicked() {
                        actions.push(Action::SetBaseLayer(layer));
                    }
                }
                ui.separator();
                ui.label("Local .pmtiles file:");
                ui.text_edit_singleline(&mut state.pmtiles_path);
                if ui.button("Open").clicked() && !state.pmtiles_path.trim().is_empty() {
                    actions.push(Action::SetBaseLayer(BaseLayer::PmTiles(state.pmtiles_path.trim().into())));
                }
            });
            let too_many = format!(
                "Areas are drawn for datasets of up to {} places; this one has {}",
                super::app::AREAS_UP_TO,
                data.dataset.tracked_places().len()
            );
            let (mut areas, mut fronts) = (view.layers.areas, view.layers.fronts);
            let can = data.areas_possible;
            if ui
                .add_enabled(can, egui::Checkbox::new(&mut areas, "Areas"))
                .on_hover_text("Areas of control: the land nearest each side's places, capped by kind")
                .on_disabled_hover_text(&too_many)
                .changed()
            {
                actions.push(Action::ShowAreas(areas));
            }
            if ui
                .add_enabled(can, egui::Checkbox::new(&mut fronts, "Front lines"))
                .on_hover_text("Where the areas of two sides meet")
                .on_disabled_hover_text(&too_many)
                .changed()
            {
                actions.push(Action::ShowFronts(fronts));
            }
            if let Some(options) =
                ui.menu_button("Reach...", |ui| reach_menu(ui, &view.reach)).inner.flatten()
            {
                actions.push(Action::SetReach(options));
            }
            if let Some(stale) =
                ui.menu_button("Stale after...", |ui| stale_menu(ui, view.scene.stale_after)).inner.flatten()
            {
                actions.push(Action::SetStaleAfter(stale));
            }
            ui.separator();
            let mut comparing = view.compare.on;
            if ui
                .toggle_value(&mut comparing, "Compare dates")
                .on_hover_text("What changed hands between a first date and the slider's date")
                .changed()
            {
                actions.push(if comparing { Action::StartCompare(None) } else { Action::StopCompare });
            }
            ui.separator();
            if ui
                .button("Open article...")
                .on_hover_text("Read a news article (.txt) and review the claims it proposes (or drop the file on the window)")
                .clicked()
                && let Some(path) = rfd::FileDialog::new().add_filter("Article (plain text)", &["txt"]).pick_file()
            {
                actions.push(Action::OpenArticle(path));
            }
            if ui
                .button("Copy view link")
                .on_hover_text("Put a line of text on the clipboard that reopens this view: in sandline gui --view or sandline render --view")
                .clicked()
            {
                ui.ctx().copy_text(view.link(data.dataset).to_string());
            }
            if ui
                .button("Export...")
                .on_hover_text("Save or copy the map as a briefing (PNG, SVG, PDF), or a timelapse of it (Ctrl+E)")
                .clicked()
            {
                actions.push(Action::OpenExport);
            }
            ui.separator();
            // Unbroken: a narrow window moves the words to the next row rather than splitting them.
            ui.add(egui::Label::new("Highlight changes of the last").wrap_mode(egui::TextWrapMode::Extend));
            let mut days = view.scene.recent_days;
            if ui.add(egui::DragValue::new(&mut days).range(0..=3650).suffix(" days")).changed() {
                actions.push(Action::SetRecentDays(days));
            }
            if data.problems > 0 {
                ui.separator();
                let text = RichText::new(format!("{} data problems", data.problems))
                    .color(ui.visuals().warn_fg_color);
                if ui.button(text).clicked() {
                    actions.push(Action::ShowProblems(true));
                }
            }
        });
    });
    actions
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

/// The age of evidence past which places are drawn faded; returns the new limit when changed.
fn stale_menu(ui: &mut Ui, current: StaleAfter) -> Option<StaleAfter> {
    ui.label("A place whose newest claim is older than this is drawn faded:");
    let mut days = current.0;
    let drag = egui::DragValue::new(&mut days).range(7..=3650).speed(5.0).suffix(" days");
    let mut changed = ui.add(drag).on_hover_text("Stale after (days)").changed().then_some(days);
    if ui.button(format!("Default ({DEFAULT_STALE_AFTER_DAYS} days)")).clicked() {
        changed = Some(DEFAULT_STALE_AFTER_DAYS);
    }
    changed.filter(|&d| d != current.0).map(StaleAfter)
}
