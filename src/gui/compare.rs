//! Compare mode: two dates, the places that changed hands between them with the claims behind
//! each change, and the land each side gained and lost. The second date is the slider's.

use super::state::Action;
use super::timeline::parse_typed_date;
use crate::areas::Diff;
use crate::areas::diff::{holder_name, km2_text};
use crate::dataset::Dataset;
use crate::model::{Holder, PartialDate, Rgb};
use chrono::{Duration, NaiveDate};
use egui::{Color32, Key, RichText, Sense, Stroke, Ui, vec2};

/// Compare mode's first date, unless one is given: this many days (a month) before the slider's.
pub const DEFAULT_DAYS_BEFORE: i64 = 30;

/// The panel's first-date field: the text being typed and what was wrong with it.
#[derive(Debug, Clone, Default)]
pub struct CompareField {
    text: String,
    error: Option<String>,
}

fn chip(ui: &mut Ui, holder: Holder, dataset: &Dataset) {
    super::town_panel::chip(ui, holder.map_or(Rgb::UNKNOWN, |f| dataset.faction(f).color));
}

/// The panel; `diff` compares the first date `from` with the slider's date `to`.
pub fn compare_panel(
    ui: &mut Ui,
    dataset: &Dataset,
    state: &mut CompareField,
    (from, to): (Option<NaiveDate>, NaiveDate),
    diff: Option<&Diff>,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.heading("Compare two dates");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Leave compare mode").clicked() {
                action = Some(Action::StopCompare);
            }
        });
    });
    ui.horizontal(|ui| {
        let label = ui.label("From");
        // The field shows the first date, unless the user is typing in it or it explains an error.
        let id = ui.make_persistent_id("compare from");
        if !ui.memory(|m| m.has_focus(id))
            && state.error.is_none()
            && let Some(from) = from
        {
            state.text = from.to_string();
        }
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.text)
                    .desired_width(92.0)
                    .hint_text("YYYY-MM-DD")
                    .id(id),
            )
            .labelled_by(label.id)
            .on_hover_text("The first date (YYYY-MM-DD); press Enter");
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            match parse_typed_date(&state.text) {
                Ok(d) if d > to => state.error = Some("the first date must not be after the second".into()),
                Ok(d) => action = Some(Action::CompareFrom(d)),
                Err(e) => state.error = Some(e),
            }
        }
    });
    ui.horizontal(|ui| {
        for (text, days) in [("a week", 7), ("a month", DEFAULT_DAYS_BEFORE), ("a year", 365)] {
            if ui.small_button(format!("{text} before")).clicked() {
                action = Some(Action::CompareFrom(to - Duration::days(days)));
            }
        }
    });
    ui.label(format!("To {} (the slider's date)", PartialDate::day(to).long_form()));
    if let Some(error) = &state.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    key(ui);
    ui.separator();
    if matches!(action, Some(Action::CompareFrom(_))) {
        state.error = None;
    }

    let Some(diff) = diff else {
        return action;
    };
    let (from, until) = (PartialDate::day(diff.from).long_form(), PartialDate::day(diff.to).long_form());
    let heading = match diff.rows.len() {
        0 => format!("No place changed hands between {from} and {until}."),
        1 => format!("1 place changed hands between {from} and {until}:"),
        n => format!("{n} places changed hands between {from} and {until}:"),
    };
    ui.label(RichText::new(heading).strong());
    egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| {
        for row in &diff.rows {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                chip(ui, row.from, dataset);
                arrow(ui);
                chip(ui, row.to, dataset);
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                let link = ui.link(row.headline(dataset));
                if link.on_hover_text("Show this place and its claims").clicked() {
                    action = Some(Action::GoTo(row.place));
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.add_space(42.0);
                ui.label(RichText::new("Claims:").weak());
                for &c in &row.claims {
                    let Some(claim) = dataset.claims.get(c as usize) else { continue };
                    let source = dataset.source_of(claim);
                    let hint = format!(
                        "{} {} {}: {} — {}",
                        claim.date.long_form(),
                        dataset.faction(claim.faction).short_name(),
                        claim.action.as_str(),
                        crate::model::EvidenceKind::shown(claim),
                        source.map_or("", |s| s.outlet.as_str())
                    );
                    if ui.link(&claim.id).on_hover_text(hint).clicked() {
                        action = Some(Action::GoTo(row.place));
                    }
                }
            });
        }
        if !diff.areas.is_empty() {
            ui.separator();
            ui.label(RichText::new("Land gained and lost (areas of control, approximate)").strong());
            for change in &diff.areas {
                ui.horizontal(|ui| {
                    chip(ui, Some(change.faction), dataset);
                    ui.label(format!(
                        "{}: gained {} km², lost {} km²",
                        holder_name(dataset, Some(change.faction)),
                        km2_text(change.gained.area_km2()),
                        km2_text(change.lost.area_km2())
                    ));
                });
            }
        }
    });
    action
}

/// A small arrow from the old holder's chip to the new one's (the default font has no "→").
fn arrow(ui: &mut Ui) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 12.0), Sense::hover());
    let ink = ui.visuals().text_color();
    let (y, x0, x1) = (rect.center().y, rect.left() + 1.0, rect.right() - 1.0);
    let painter = ui.painter();
    painter.line_segment([egui::pos2(x0, y), egui::pos2(x1 - 3.0, y)], Stroke::new(1.5, ink));
    let head = vec![egui::pos2(x1, y), egui::pos2(x1 - 5.0, y - 4.0), egui::pos2(x1 - 5.0, y + 4.0)];
    painter.add(egui::Shape::convex_polygon(head, ink, Stroke::NONE));
}

/// How compare mode marks the map.
fn key(ui: &mut Ui) {
    let grey = Color32::from_rgb(0x55, 0x55, 0x55);
    let pale = Color32::from_rgb(0xcc, 0xcc, 0xcc);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 22.0), Sense::hover());
        ui.painter().extend(crate::draw::map_layer::from_to_badge(rect.center(), 9.0, pale, grey));
        ui.label("Changed hands: left half before, right half after");
    });
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 16.0), Sense::hover());
        ui.painter().rect_filled(rect, 0.0, grey.gamma_multiply(0.55));
        ui.label("Land gained (solid)");
        let (rect, _) = ui.allocate_exact_size(vec2(26.0, 16.0), Sense::hover());
        ui.painter().rect_stroke(rect, 0.0, Stroke::new(1.0, grey), egui::StrokeKind::Inside);
        crate::draw::area_layer::hatch_rect(ui, rect, grey);
        ui.label("lost (hatched)");
    });
}
