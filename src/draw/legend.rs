//! The legend over the map: factions present at the date (each a toggle to hide it), the status
//! styles and the shapes of kinds.

use super::marker_style::{self, color};
use crate::dataset::Dataset;
use crate::model::{FactionIx, PlaceKind, Rgb, Status};
use crate::scene::Scene;
use egui::{Color32, RichText, Sense, Ui, vec2};

const SAMPLE_SIZE: egui::Vec2 = vec2(30.0, 24.0);

/// Draws one sample marker inline.
pub fn sample(ui: &mut Ui, kind: PlaceKind, status: Status, fill: Color32, recent: bool) {
    let (rect, _) = ui.allocate_exact_size(SAMPLE_SIZE, Sense::hover());
    let scale = if recent { 0.75 } else { 0.9 };
    ui.painter().extend(marker_style::marker_shapes(kind, status, fill, recent, rect.center(), scale));
}

/// Which map layers the legend explains besides the places.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LegendLayers {
    pub areas: bool,
    pub fronts: bool,
}

/// The legend. With `hidden` (the viewer), each side is a toggle and the function returns the
/// faction the user toggled; without it (an exported image), the legend is plain text.
pub fn legend_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    scene: &Scene,
    hidden: Option<&[FactionIx]>,
    layers: LegendLayers,
) -> Option<FactionIx> {
    let mut toggled = None;
    ui.label(RichText::new("Holder").strong());
    let mut bloc_shown = "";
    for entry in &scene.legend {
        let faction = dataset.faction(entry.faction);
        let allies = scene.legend.iter().filter(|e| dataset.faction(e.faction).bloc == faction.bloc).count();
        if !faction.bloc.is_empty() && allies > 1 && faction.bloc != bloc_shown {
            ui.label(RichText::new(format!("{}, allies in one hue:", faction.bloc)).small().weak());
        }
        bloc_shown = &faction.bloc;
        ui.horizontal(|ui| {
            sample(ui, PlaceKind::Town, Status::Held, color(faction.color), false);
            let text = format!("{} ({})", faction.short_name(), entry.places);
            if hidden.is_none() {
                ui.label(text);
                return;
            }
            let mut shown = true;
            let hint = format!("{}: click to hide", faction.name);
            if ui.checkbox(&mut shown, text).on_hover_text(hint).changed() {
                toggled = Some(entry.faction);
            }
        });
    }
    for &f in hidden.unwrap_or_default() {
        let faction = dataset.faction(f);
        ui.horizontal(|ui| {
            sample(ui, PlaceKind::Town, Status::Held, color(faction.color).gamma_multiply(0.3), false);
            let mut shown = false;
            if ui
                .checkbox(&mut shown, RichText::new(format!("{} (hidden)", faction.short_name())).weak())
                .changed()
            {
                toggled = Some(f);
            }
        });
    }
    ui.horizontal(|ui| {
        sample(ui, PlaceKind::Town, Status::Unknown, color(Rgb::UNKNOWN), false);
        ui.label("Unknown");
    });
    ui.separator();
    ui.label(RichText::new("Status").strong());
    let grey = Color32::from_rgb(0x55, 0x55, 0x55);
    let statuses = [
        (Status::Held, false, "Held (reported by an outlet)"),
        (Status::Claimed, false, "Claimed only by a side"),
        (Status::Contested, false, "Contested or besieged"),
        (Status::Held, true, "Changed hands recently"),
    ];
    if scene.counts.stale > 0 {
        ui.horizontal(|ui| {
            sample(ui, PlaceKind::Town, Status::Held, marker_style::faded(grey), false);
            ui.label(format!("Faded: last reported over {} days before this date", scene.stale_after.0));
        });
    }
    // Two to a row where there is room (the viewer's overlay), else one (a briefing's side column).
    let per_row = if ui.available_width() >= 440.0 { 2 } else { 1 };
    let grid = egui::Grid::new(ui.scope_id().with("status key")).num_columns(2 * per_row);
    grid.spacing(vec2(2.0, 0.0)).show(ui, |ui| {
        for (i, (status, recent, text)) in statuses.into_iter().enumerate() {
            sample(ui, PlaceKind::Town, status, grey, recent);
            ui.label(text);
            if i % per_row == per_row - 1 {
                ui.end_row();
            }
        }
    });
    if layers.areas || layers.fronts {
        areas_key(ui, layers);
    }
    ui.separator();
    ui.label(RichText::new("Kind").strong());
    ui.horizontal_wrapped(|ui| {
        for (kind, text) in [
            (PlaceKind::Town, "town"),
            (PlaceKind::Airbase, "air base"),
            (PlaceKind::OilTerminal, "oil terminal or field"),
            (PlaceKind::BorderCrossing, "crossing"),
            (PlaceKind::Region, "region"),
        ] {
            // Wrap before the symbol, so a wrap never parts a symbol from its name.
            let label = egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            let needed = SAMPLE_SIZE.x + 2.0 * ui.spacing().item_spacing.x + label.size().x;
            // (available_width is the whole row's in a wrapping layout, not what is left of it.)
            if ui.max_rect().right() - ui.cursor().min.x < needed {
                ui.end_row();
            }
            sample(ui, kind, Status::Held, grey, false);
            ui.label(label);
        }
    });
    toggled
}

fn areas_key(ui: &mut Ui, layers: LegendLayers) {
    ui.separator();
    ui.label(RichText::new("Areas").strong());
    let grey = Color32::from_rgb(0x55, 0x55, 0x55);
    let swatch = |ui: &mut Ui| ui.allocate_exact_size(vec2(26.0, 14.0), Sense::hover()).0;
    ui.horizontal_wrapped(|ui| {
        if layers.areas {
            let rect = swatch(ui);
            ui.painter().rect_filled(rect, 0.0, grey.gamma_multiply(0.35));
            ui.label("land nearest a side's places");
            let rect = swatch(ui);
            ui.painter().rect_filled(rect, 0.0, grey.gamma_multiply(0.15));
            super::area_layer::hatch_rect(ui, rect, grey.gamma_multiply(0.8));
            ui.label("contested");
        }
        if layers.fronts {
            let rect = swatch(ui);
            let (a, b) = (rect.left_center(), rect.right_center());
            ui.painter().line_segment([a, b], egui::Stroke::new(4.5, Color32::WHITE));
            ui.painter().line_segment([a, b], egui::Stroke::new(2.2, super::area_layer::FRONT));
            ui.label("front line");
        }
    });
}
