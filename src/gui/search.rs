//! The search box: any spelling of a place, through the gazetteer. Enter goes to the place; a name
//! that fits several places lists them; an unknown one suggests near names.

use crate::dataset::Dataset;
use crate::gazetteer::Gazetteer;
use crate::model::PlaceIx;
use egui::{Key, RichText, Ui};

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub text: String,
    outcome: Option<Outcome>,
}

#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// Several places fit equally well: the user picks one.
    Choices(Vec<PlaceIx>),
    NotFound(Vec<String>),
}

/// Returns the place the user chose to go to.
pub fn search_ui(
    ui: &mut Ui,
    gazetteer: &Gazetteer,
    dataset: &Dataset,
    state: &mut SearchState,
) -> Option<PlaceIx> {
    let mut go = None;
    let label = ui.label("Find");
    let field = ui.add(
        egui::TextEdit::singleline(&mut state.text)
            .hint_text("Find a place (any spelling)")
            .desired_width(200.0)
            .id_salt("place search"),
    );
    let field = field.labelled_by(label.id);
    if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) && !state.text.trim().is_empty() {
        let lookup = gazetteer.lookup(state.text.trim(), None);
        state.outcome = None;
        match lookup.best() {
            Some(best) if !lookup.ambiguous => go = Some(best.place),
            Some(_) => {
                state.outcome = Some(Outcome::Choices(lookup.matches.iter().map(|m| m.place).collect()))
            }
            None => {
                let names = lookup.suggestions.iter().map(|m| dataset.place(m.place).name.clone()).collect();
                state.outcome = Some(Outcome::NotFound(names));
            }
        }
    }
    match state.outcome.clone() {
        Some(Outcome::Choices(places)) => {
            ui.label("Which one?");
            for p in places.into_iter().take(6) {
                let place = dataset.place(p);
                let text = format!(
                    "{} ({}, {:.2}, {:.2})",
                    place.name,
                    place.kind.as_str().replace('_', " "),
                    place.lat,
                    place.lon
                );
                if ui.button(text).clicked() {
                    go = Some(p);
                    state.outcome = None;
                }
            }
        }
        Some(Outcome::NotFound(suggestions)) => {
            let text = if suggestions.is_empty() {
                format!("No place called “{}”", state.text.trim())
            } else {
                format!("No place called “{}”; did you mean {}?", state.text.trim(), suggestions.join(", "))
            };
            ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
        }
        None => {}
    }
    go
}
