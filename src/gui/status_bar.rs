//! The status bar: the counts of the scene, and what the last frame had to leave out or could not
//! reach. It only reports: the user does nothing in it.

use crate::dataset::Dataset;
use crate::model::PlaceIx;
use crate::scene::Scene;
use egui::Ui;

/// What the last frame saw, for the status bar.
#[derive(Debug, Clone, Default)]
pub struct FrameNotes {
    /// The place under the pointer.
    pub hovered: Option<PlaceIx>,
    /// The map left out the front lines (too many to draw at that zoom).
    pub fronts_hidden: bool,
    /// The areas shown are older than the state (a computation is under way).
    pub areas_updating: bool,
    /// The online or local tiles could not be reached.
    pub tiles_note: Option<String>,
}

pub fn status_bar(ui: &mut Ui, dataset: &Dataset, scene: &Scene, notes: &FrameNotes) {
    ui.horizontal_wrapped(|ui| {
        let c = &scene.counts;
        ui.label(format!(
            "{} places: {} held, {} claimed, {} contested, {} unknown · {} claims from {} sources",
            scene.markers.len(),
            c.held,
            c.claimed,
            c.contested,
            c.unknown,
            dataset.claims.len(),
            dataset.sources.len()
        ));
        if let Some(stale) = c.stale_sentence(scene.stale_after) {
            ui.separator();
            ui.label(stale).on_hover_text(
                "Their newest claim is older than the stale limit (Stale after... in the toolbar): \
                 the holder is the best reading, drawn faded.",
            );
        }
        if notes.fronts_hidden {
            ui.separator();
            ui.label("Front lines left out at this zoom: too many to draw; zoom in");
        }
        if notes.areas_updating {
            ui.separator();
            ui.label("Updating the areas of control...");
        }
        if let Some(note) = &notes.tiles_note {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        if let Some(p) = notes.hovered {
            ui.separator();
            ui.label(format!("{}: click for its sources", dataset.place(p).name));
        }
    });
}
