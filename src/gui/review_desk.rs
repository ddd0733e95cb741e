//! The review desk's panel: the article with each proposal's sentence highlighted, the proposals
//! to accept, edit or reject, and the names the gazetteer does not know, to place on the map.
//! It draws a `Review` and returns what the user did as `Action`s.

use super::state::Action;
use crate::dataset::Dataset;
use crate::gazetteer::Gazetteer;
use crate::model::Action as ClaimAction;
use crate::review::{Field, Review, ReviewAction, Status};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, RichText, Ui};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A review under way, and the desk's own passing state.
pub struct Desk {
    pub review: Review,
    /// The dataset folder accepted claims are written to.
    pub dir: PathBuf,
    /// What the last action came to: a note, or why it failed.
    pub message: Option<Result<String, String>>,
    /// A name waiting for a click on the map.
    pub picking: Option<String>,
    /// The proposal whose sentence the article shows most strongly.
    pub focus: Option<usize>,
    /// Text being typed in a proposal's place and date fields, before it is taken.
    place_typed: HashMap<usize, String>,
    date_typed: HashMap<usize, String>,
}

impl Desk {
    pub fn new(review: Review, dir: PathBuf) -> Self {
        Desk {
            review,
            dir,
            message: None,
            picking: None,
            focus: None,
            place_typed: HashMap::new(),
            date_typed: HashMap::new(),
        }
    }

    /// Forgets typed text once an item's fields were taken or the article was read again.
    pub fn forget_typing(&mut self) {
        self.place_typed.clear();
        self.date_typed.clear();
    }
}

const ACCEPTED: Color32 = Color32::from_rgb(200, 235, 200);
const PROPOSED: Color32 = Color32::from_rgb(255, 238, 170);
const FOCUSED: Color32 = Color32::from_rgb(255, 205, 110);
const REJECTED: Color32 = Color32::from_rgb(225, 225, 225);

fn status_label(status: &Status) -> (String, Color32) {
    match status {
        Status::Proposed => ("to review".into(), Color32::from_rgb(150, 100, 0)),
        Status::Accepted(id) => (format!("accepted as {id}"), Color32::from_rgb(0, 110, 0)),
        Status::Rejected => ("rejected".into(), Color32::GRAY),
        Status::InDataset(id) if id.is_empty() => {
            ("already in the dataset".into(), Color32::from_rgb(0, 90, 140))
        }
        Status::InDataset(id) => (format!("already in the dataset as {id}"), Color32::from_rgb(0, 90, 140)),
    }
}

/// The review panel; returns what the user did.
pub fn review_panel(ui: &mut Ui, desk: &mut Desk, dataset: &Dataset, gazetteer: &Gazetteer) -> Vec<Action> {
    let mut actions = Vec::new();
    let review = &desk.review;
    ui.horizontal(|ui| {
        let name = review.article.file_name().map_or(String::new(), |n| n.to_string_lossy().to_string());
        ui.heading(format!("Review: {name}"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close review").clicked() {
                actions.push(Action::CloseReview);
            }
            if ui.add_enabled(review.can_undo(), egui::Button::new("Undo last acceptance")).clicked() {
                actions.push(Action::Review(ReviewAction::Undo));
            }
        });
    });
    let count = |f: fn(&Status) -> bool| review.items.iter().filter(|i| f(&i.status)).count();
    let published = review.published.map_or("not known: give the dates by hand".into(), |d| d.long_form());
    ui.label(format!(
        "Published {published} · {} proposals: {} accepted, {} rejected, {} to review · written to {}",
        review.items.len(),
        count(|s| matches!(s, Status::Accepted(_) | Status::InDataset(_))),
        count(|s| *s == Status::Rejected),
        count(|s| *s == Status::Proposed),
        desk.dir.display()
    ));
    match &desk.message {
        Some(Ok(note)) => {
            ui.label(RichText::new(note).color(Color32::from_rgb(0, 110, 0)));
        }
        Some(Err(why)) => {
            ui.colored_label(ui.visuals().error_fg_color, why);
        }
        None => {}
    }
    ui.separator();
    let room = ui.available_height();
    egui::CollapsingHeader::new("Article").default_open(true).show(ui, |ui| {
        egui::ScrollArea::vertical().id_salt("article").max_height(room * 0.38).show(ui, |ui| {
            ui.label(article_job(ui, review, desk.focus));
        });
    });
    ui.separator();
    egui::ScrollArea::vertical().id_salt("proposals").show(ui, |ui| {
        for k in 0..desk.review.items.len() {
            proposal_ui(ui, desk, k, dataset, gazetteer, &mut actions);
        }
        if !desk.review.unknown.is_empty() {
            ui.separator();
            ui.strong("Names the gazetteer does not know");
            for u in &desk.review.unknown {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(&u.name).strong());
                    if !u.suggestions.is_empty() {
                        ui.label(RichText::new(format!("(near: {})", u.suggestions.join(", "))).weak());
                    }
                    let waiting = desk.picking.as_deref() == Some(u.name.as_str());
                    let text = if waiting { "Click it on the map..." } else { "Add it: pick it on the map" };
                    if ui.add_enabled(!waiting, egui::Button::new(text)).clicked() {
                        actions.push(Action::PickPlace(Some(u.name.clone())));
                    }
                });
            }
        }
    });
    actions
}

/// The article, each proposal's sentence on a colour saying what became of it.
fn article_job(ui: &Ui, review: &Review, focus: Option<usize>) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), ..Default::default() };
    let mut marks: Vec<(usize, usize, Color32)> = review
        .items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let color = match (&item.status, focus == Some(k)) {
                (_, true) => FOCUSED,
                (Status::Accepted(_) | Status::InDataset(_), _) => ACCEPTED,
                (Status::Rejected, _) => REJECTED,
                (Status::Proposed, _) => PROPOSED,
            };
            (item.start, item.end, color)
        })
        .collect();
    marks.sort_by_key(|m| m.0);
    let text = &review.text;
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (start, end, color) in marks {
        let (start, end) = (start.max(at).min(text.len()), end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        job.append(&text[at..start], 0.0, plain.clone());
        job.append(
            &text[start..end],
            0.0,
            TextFormat { background: color, color: Color32::BLACK, ..plain.clone() },
        );
        at = end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap.max_width = ui.available_width();
    job
}

fn proposal_ui(
    ui: &mut Ui,
    desk: &mut Desk,
    k: usize,
    dataset: &Dataset,
    gazetteer: &Gazetteer,
    actions: &mut Vec<Action>,
) {
    let item = desk.review.items[k].clone();
    let open = item.status == Status::Proposed;
    let edit = |field, value: String| Action::Review(ReviewAction::Edit(k, field, value));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let (status, color) = status_label(&item.status);
            ui.label(RichText::new(format!("{}.", k + 1)).strong());
            ui.label(RichText::new(status).color(color));
            ui.label(RichText::new(format!("confidence {:.2}", item.confidence)).weak());
            if ui.small_button("Show in article").clicked() {
                desk.focus = Some(k);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| match item.status {
                Status::Rejected if ui.button("Reconsider").clicked() => {
                    actions.push(Action::Review(ReviewAction::Reconsider(k)));
                }
                Status::Proposed => {
                    if ui.button("Reject").clicked() {
                        actions.push(Action::Review(ReviewAction::Reject(k)));
                    }
                    if ui.button("Accept").clicked() {
                        actions.push(Action::Review(ReviewAction::Accept(k)));
                    }
                }
                _ => {}
            });
        });
        ui.add_enabled_ui(open, |ui| {
            egui::Grid::new(("proposal", k)).num_columns(4).spacing([8.0, 4.0]).show(ui, |ui| {
                let label = ui.label("Place");
                let typed = desk.place_typed.entry(k).or_insert_with(|| item.row.place.clone());
                let field =
                    ui.add(egui::TextEdit::singleline(typed).desired_width(150.0)).labelled_by(label.id);
                let name = dataset.place_ix(&item.row.place).map(|p| dataset.place(p).name.clone());
                ui.label(RichText::new(name.unwrap_or_else(|| "not a place of the dataset".into())).weak());
                ui.end_row();
                if field.has_focus() || (typed.as_str() != item.row.place && !typed.is_empty()) {
                    ui.label("");
                    ui.horizontal_wrapped(|ui| {
                        for (id, name) in Review::place_suggestions(gazetteer, dataset, typed) {
                            if ui.small_button(format!("{name} ({id})")).clicked() {
                                *typed = id.clone();
                                actions.push(edit(Field::Place, id));
                            }
                        }
                    });
                    ui.end_row();
                }
                ui.label("Side");
                faction_combo(ui, ("side", k), &item.row.faction, dataset, false, |id| {
                    actions.push(edit(Field::Faction, id))
                });
                ui.label("Action");
                egui::ComboBox::from_id_salt(("action", k)).selected_text(&item.row.action).show_ui(
                    ui,
                    |ui| {
                        for a in ClaimAction::ALL {
                            if ui.selectable_label(item.row.action == a.as_str(), a.as_str()).clicked() {
                                actions.push(edit(Field::Action, a.as_str().to_string()));
                            }
                        }
                    },
                );
                ui.end_row();
                let label = ui.label("Date");
                let date = desk.date_typed.entry(k).or_insert_with(|| item.row.date.clone());
                let response = ui
                    .add(egui::TextEdit::singleline(date).desired_width(110.0).hint_text("YYYY-MM-DD"))
                    .labelled_by(label.id);
                if response.lost_focus() && *date != item.row.date {
                    actions.push(edit(Field::Date, date.clone()));
                }
                ui.label("Claimed by");
                faction_combo(ui, ("by", k), &item.row.claimed_by, dataset, true, |id| {
                    actions.push(edit(Field::ClaimedBy, id))
                });
                ui.end_row();
            });
        });
        let quote: String = item.row.quote.chars().take(160).collect();
        let more = if item.row.quote.chars().count() > 160 { "..." } else { "" };
        ui.label(RichText::new(format!("“{quote}{more}”")).italics().weak()).on_hover_text(&item.row.quote);
    });
}

/// A side chosen from the dataset's factions (or, when `none` is offered, nobody).
fn faction_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: &str,
    dataset: &Dataset,
    none: bool,
    mut chosen: impl FnMut(String),
) {
    let shown = match dataset.faction_ix(current) {
        Some(f) => dataset.faction(f).short_name().to_string(),
        None if current.is_empty() => "the outlet itself".to_string(),
        None => format!("{current} (not a side of the dataset)"),
    };
    egui::ComboBox::from_id_salt(id).selected_text(shown).show_ui(ui, |ui| {
        if none && ui.selectable_label(current.is_empty(), "the outlet itself").clicked() {
            chosen(String::new());
        }
        for f in &dataset.factions {
            if ui.selectable_label(current == f.id, format!("{} ({})", f.short_name(), f.id)).clicked() {
                chosen(f.id.clone());
            }
        }
    });
}

/// Asks where to write a copy of the built-in dataset, which is read-only, before reviewing.
pub fn copy_prompt(ui: &mut Ui, article: &Path) -> Vec<Action> {
    let mut actions = Vec::new();
    let window = egui::Window::new("Review against a copy").collapsible(false).resizable(false);
    window.anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(ui.ctx(), |ui| {
        ui.label(format!(
            "The built-in dataset cannot be changed. To review {}, sandline writes a copy of it to a \
             folder of yours (an empty one), opens the copy and adds accepted claims there.",
            article.display()
        ));
        ui.horizontal(|ui| {
            if ui.button("Choose a folder...").clicked()
                && let Some(folder) = rfd::FileDialog::new().pick_folder()
            {
                actions.push(Action::CopyDataTo(folder));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CloseReview);
            }
        });
    });
    actions
}
