//! The data problems window: the rows left out on loading, the same lines as `sandline validate`.

use super::state::Action;
use crate::dataset::Problem;
use egui::{RichText, Ui};

/// Draws the window while `open`; returns `ShowProblems(false)` when the user closes it.
pub fn problems_window(ui: &mut Ui, problems: &[Problem], open: bool) -> Option<Action> {
    if problems.is_empty() {
        return None;
    }
    let mut still_open = open;
    egui::Window::new(format!("Data problems ({})", problems.len()))
        .open(&mut still_open)
        .default_width(640.0)
        .default_height(300.0)
        .show(ui.ctx(), |ui| {
            ui.label(
                "These rows were left out; everything else is drawn. The same list as `sandline validate`:",
            );
            egui::ScrollArea::vertical().show(ui, |ui| {
                for p in problems {
                    ui.label(RichText::new(p.to_string()).monospace());
                }
            });
        });
    (still_open != open).then_some(Action::ShowProblems(still_open))
}
