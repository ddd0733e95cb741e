//! The central panel: the map (drawn by `draw::map_layer`, as in briefing images), the legend over
//! its lower left corner, and the credits in its lower right.

use super::state::Action;
use super::tiles::TileLayer;
use crate::areas::{Areas, Diff};
use crate::dataset::Dataset;
use crate::draw::area_layer::AreaLayer;
use crate::draw::legend::{LegendLayers, legend_ui};
use crate::draw::map_layer::{Overlays, map_view};
use crate::model::{FactionIx, PartialDate, PlaceIx};
use crate::scene::Scene;
use chrono::NaiveDate;
use egui::{Align2, Color32, RichText, Ui};
use walkers::MapMemory;

/// What the map draws this frame.
pub struct MapData<'a> {
    pub dataset: &'a Dataset,
    pub scene: &'a Scene,
    pub date: NaiveDate,
    pub selected: Option<PlaceIx>,
    pub hidden: &'a [FactionIx],
    /// The areas at the slider's date, while areas or front lines are shown.
    pub areas: Option<&'a std::sync::Arc<Areas>>,
    /// The areas and front lines as drawn: switched on, and possible for this dataset.
    pub layers: LegendLayers,
    /// Compare mode's comparison.
    pub diff: Option<&'a Diff>,
    /// A name being placed at the review desk: the next click on the map says where it is.
    pub picking: Option<&'a str>,
}

/// What the map saw this frame, besides what the user did.
#[derive(Debug, Clone, Copy, Default)]
pub struct MapSeen {
    pub hovered: Option<PlaceIx>,
    /// Front lines were left out: too many to draw at this zoom.
    pub fronts_hidden: bool,
}

/// Draws the map into all of `ui`; `memory` is moved as the user drags and zooms.
pub fn map_panel(
    ui: &mut Ui,
    data: &MapData,
    memory: &mut MapMemory,
    tiles: Option<&mut TileLayer>,
) -> (Vec<Action>, MapSeen) {
    let mut actions = Vec::new();
    let rect = ui.max_rect();
    let attribution = tiles.as_ref().map(|t| t.attribution);
    let layers = data.layers;
    let overlays = Overlays {
        areas: AreaLayer {
            areas: data.areas.filter(|_| layers.areas),
            fronts: data.areas.filter(|_| layers.fronts),
            changes: data.diff.map_or(&[], |d| d.areas.as_slice()),
            hidden: data.hidden,
        },
        changed: data.diff.map_or(&[], |d| d.rows.as_slice()),
    };
    let tiles = tiles.map(|t| t as &mut dyn walkers::Tiles);
    let (response, output) = map_view(ui, data.dataset, data.scene, memory, data.selected, tiles, overlays);
    if response.dragged() || response.changed() {
        actions.push(Action::MapMoved);
    }
    match (data.picking, output.clicked_at) {
        (Some(_), Some((lon, lat))) => actions.push(Action::PickedAt(lon, lat)),
        _ if output.clicked.is_some() => actions.push(Action::Select(output.clicked)),
        _ if response.clicked() => actions.push(Action::Select(None)),
        _ => {}
    }
    if let Some(name) = data.picking {
        egui::Area::new(ui.scope_id().with("picking"))
            .pivot(Align2::CENTER_TOP)
            .fixed_pos(rect.center_top() + egui::vec2(0.0, 10.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(format!("Click the map where {name} is")).strong());
                        if ui.button("Cancel").clicked() {
                            actions.push(Action::PickPlace(None));
                        }
                    });
                });
            });
    }

    egui::Area::new(ui.scope_id().with("legend"))
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(rect.left_bottom() + egui::vec2(8.0, -8.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(
                    RichText::new(format!("Situation as of {}", PartialDate::day(data.date).long_form()))
                        .strong(),
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
                        if let Some(f) = legend_ui(ui, data.dataset, data.scene, Some(data.hidden), layers) {
                            actions.push(Action::ToggleSide(f));
                        }
                    });
                });
            });
        });

    let mut credit = crate::basemap::ATTRIBUTION.to_string();
    if !data.dataset.place_credits().is_empty() {
        credit = format!("{credit} · Places: {}", data.dataset.place_credits().join(", "));
    }
    if let Some(attribution) = attribution {
        credit = format!("Tiles: {attribution} · {credit}");
    }
    let painter = ui.painter_at(rect);
    let galley = painter.layout_no_wrap(credit, egui::FontId::proportional(11.0), Color32::from_gray(40));
    let at = Align2::RIGHT_BOTTOM.anchor_size(rect.right_bottom() - egui::vec2(4.0, 4.0), galley.size());
    painter.rect_filled(at.expand(3.0), 2.0, Color32::from_white_alpha(200));
    painter.galley(at.min, galley, Color32::from_gray(40));
    (actions, MapSeen { hovered: output.hovered, fronts_hidden: output.fronts_hidden })
}
