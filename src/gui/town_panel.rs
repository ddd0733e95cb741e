//! The side panel of a place: its names, where it is, who holds it and since when, its history,
//! how old its evidence is, and every claim about it: the verbatim quote of a text the dataset
//! holds, or the citation of a source found elsewhere with a note in the dataset's own words.

use super::state::Action;
use super::timeline::TimelineModel;
use crate::dataset::Dataset;
use crate::draw::marker_style::color;
use crate::model::{
    Claim, ContradictionKind, EvidenceKind, PartialDate, PlaceIx, Precision, Rgb, StaleAfter, Status,
    last_reported,
};
use chrono::NaiveDate;
use egui::{Color32, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

fn date_with_precision(claim: &Claim) -> String {
    match claim.date.precision() {
        Precision::Day => claim.date.long_form(),
        Precision::Month => format!("{} (month)", claim.date.long_form()),
        Precision::Year => format!("{} (year)", claim.date.long_form()),
    }
}

/// A small square of a side's colour, before its name.
pub fn chip(ui: &mut Ui, rgb: Rgb) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().rect(
        rect,
        2.0,
        color(rgb),
        Stroke::new(1.0, Color32::from_gray(40)),
        egui::StrokeKind::Inside,
    );
}

pub fn town_panel(
    ui: &mut Ui,
    dataset: &Dataset,
    model: &TimelineModel,
    place_ix: PlaceIx,
    date: NaiveDate,
    stale_after: StaleAfter,
) -> Option<Action> {
    let mut action = None;
    let place = dataset.place(place_ix);
    ui.horizontal(|ui| {
        ui.heading(&place.name);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Close").clicked() {
                action = Some(Action::Select(None));
            }
        });
    });
    let others: Vec<&str> = place
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| a.is_ascii() && *a != place.name)
        .take(12)
        .collect();
    if !others.is_empty() {
        ui.label(RichText::new(format!("Also: {}", others.join(", "))).weak());
    }
    ui.label(format!(
        "{} · {:.4}° N, {:.4}° E (±{} km, {})",
        place.kind.as_str().replace('_', " "),
        place.lat,
        place.lon,
        place.coord_precision_km,
        place.coord_source
    ));
    ui.separator();

    let state = dataset.timeline.state_at(place_ix, date);
    ui.horizontal(|ui| {
        chip(ui, state.holder.map_or(Rgb::UNKNOWN, |h| dataset.faction(h).color));
        let holder = state.holder.map_or("Unknown holder".to_string(), |h| dataset.faction(h).name.clone());
        ui.strong(holder);
    });
    ui.label(crate::draw::map_layer::status_sentence(
        state.status,
        state.since.map(|d| d.long_form()),
        state.uncertain,
    ));
    ui.label(RichText::new(format!("as of {}", PartialDate::day(date).long_form())).weak());
    if let Some(last) = state.last_evidence {
        let sentence = capitalised(&last_reported(last, date));
        if stale_after.is_stale(state.last_evidence, date) {
            ui.label(RichText::new(format!("{sentence}: stale")).strong().color(STALE_TEXT)).on_hover_text(
                format!(
                    "No claim in the dataset is newer than {} days before this date. The holder is kept \
                     as the best reading and drawn faded.",
                    stale_after.0
                ),
            );
        } else {
            ui.label(RichText::new(sentence).weak());
        }
    }
    history_strip(ui, dataset, model, place_ix, date);
    ui.separator();

    let contradictions = dataset.contradictions_about(place_ix);
    if !contradictions.is_empty() {
        ui.label(
            RichText::new(format!("{} contradiction(s) between sources", contradictions.len()))
                .strong()
                .color(Color32::from_rgb(0xb0, 0x40, 0x00)),
        );
        for c in &contradictions {
            let (a, b) = (&dataset.claims[c.a as usize], &dataset.claims[c.b as usize]);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(RichText::new(describe(c.kind)).italics());
                ui.columns(2, |cols| {
                    for (col, claim) in cols.iter_mut().zip([a, b]) {
                        // Left-aligned, not justified: quotes read badly with stretched spaces.
                        col.with_layout(egui::Layout::top_down(egui::Align::Min), |col| {
                            if claim_card(col, dataset, claim, true) {
                                action = Some(Action::SetDate(claim.date.first_day()));
                            }
                        });
                    }
                });
            });
        }
        ui.separator();
    }

    let mut claims: Vec<&Claim> =
        dataset.claims_about(place_ix).iter().map(|&i| &dataset.claims[i as usize]).collect();
    claims.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    ui.label(RichText::new(format!("{} claim(s), newest first", claims.len())).strong());
    if claims.is_empty() {
        ui.label("No claim in the dataset is about this place.");
    }
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        for claim in claims {
            let contested = contradictions.iter().any(|c| {
                let id = |i: u32| &*dataset.claims[i as usize].id;
                id(c.a) == &*claim.id || id(c.b) == &*claim.id
            });
            if claim_card(ui, dataset, claim, contested) {
                action = Some(Action::SetDate(claim.date.first_day()));
            }
            ui.add_space(4.0);
        }
    });
    action
}

/// The warning colour of stale evidence: a dark amber, readable on the panel.
const STALE_TEXT: Color32 = Color32::from_rgb(0x9a, 0x5b, 0x00);

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn describe(kind: ContradictionKind) -> String {
    capitalised(kind.describe())
}

/// One claim: date, side, action, who says so, the quote and its source. Returns true when the
/// user asks to move the slider to its date.
fn claim_card(ui: &mut Ui, dataset: &Dataset, claim: &Claim, flagged: bool) -> bool {
    let mut go = false;
    let frame = egui::Frame::group(ui.style()).stroke(if flagged {
        Stroke::new(1.5, Color32::from_rgb(0xb0, 0x40, 0x00))
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    });
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let date = ui
                .link(RichText::new(date_with_precision(claim)).strong())
                .on_hover_text("Move the slider to this date");
            if date.clicked() {
                go = true;
            }
            let faction = dataset.faction(claim.faction);
            chip(ui, faction.color);
            ui.label(format!("{} {}", faction.name, claim.action));
        });
        let voice = match claim.claimed_by {
            Some(by) => format!("claimed by {}", dataset.faction(by).name),
            None => "reported by the outlet".to_string(),
        };
        let kind = EvidenceKind::of(claim);
        ui.label(RichText::new(format!("{} · {} · {}", claim.id, voice, kind.as_str())).weak());
        match kind {
            EvidenceKind::Quoted => {
                ui.label(RichText::new(format!("“{}”", claim.quote)).italics());
            }
            // A cited claim's note is its content: what the source reports, in the dataset's words.
            EvidenceKind::Cited => {
                ui.label(&claim.note);
            }
        }
        if let Some(source) = dataset.source_of(claim) {
            ui.horizontal_wrapped(|ui| {
                // A held article's title is its own headline; a cited source's is a description
                // in the dataset's words, so it is not put in quotation marks.
                let described = if source.is_held() {
                    format!("{}, “{}”, {}", source.outlet, source.title, source.published.long_form())
                } else {
                    format!("{}, {}: {}", source.outlet, source.published.long_form(), source.title)
                };
                ui.label(RichText::new(described).small());
                if source.url.is_empty() {
                    ui.label(RichText::new(&source.file).small().monospace());
                } else {
                    ui.hyperlink_to(RichText::new("link").small(), &source.url);
                }
            });
        }
        if kind == EvidenceKind::Quoted && !claim.note.is_empty() {
            ui.label(RichText::new(format!("Note: {}", claim.note)).small().weak());
        }
    });
    go
}

/// Coloured segments over the whole timeline, hatched where contested, with the cursor.
fn history_strip(ui: &mut Ui, dataset: &Dataset, model: &TimelineModel, place: PlaceIx, date: NaiveDate) {
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), 16.0), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, color(Rgb::UNKNOWN).gamma_multiply(0.35));
    let span = (model.end - model.start).num_days().max(1) as f32;
    let x_of = |d: NaiveDate| {
        rect.left() + rect.width() * ((d - model.start).num_days() as f32 / span).clamp(0.0, 1.0)
    };
    let segments = dataset.timeline.segments_of(place);
    for (i, seg) in segments.iter().enumerate() {
        let end = segments.get(i + 1).map_or(model.end, |s| s.from);
        let r = Rect::from_min_max(
            pos2(x_of(seg.from), rect.top()),
            pos2(x_of(end).max(x_of(seg.from) + 1.0), rect.bottom()),
        );
        let fill = seg.holder.map_or(Rgb::UNKNOWN, |h| dataset.faction(h).color);
        painter.rect_filled(r, 0.0, color(fill));
        if seg.status == Status::Contested {
            let mut x = r.left();
            while x < r.right() {
                painter.line_segment(
                    [pos2(x, r.bottom()), pos2((x + 6.0).min(r.right()), r.top())],
                    Stroke::new(1.0, Color32::WHITE),
                );
                x += 5.0;
            }
        }
    }
    let x = x_of(date);
    painter.line_segment(
        [pos2(x, rect.top() - 2.0), pos2(x, rect.bottom() + 2.0)],
        Stroke::new(2.5, Color32::BLACK),
    );
    response.on_hover_text("History of holders over the whole timeline; the line is the slider's date");
}
