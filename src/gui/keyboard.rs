//! The viewer's keyboard shortcuts, as actions.

use super::state::{Action, Step};
use egui::{Key, Ui};

/// The keyboard shortcuts: Ctrl+E exports; while no text field has focus, the arrows step between
/// changes, Home and End go to the ends, and Space plays or pauses.
pub fn keyboard(ui: &Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::E)) {
        actions.push(Action::OpenExport);
    }
    if ui.ctx().memory(|m| m.focused().is_some()) {
        return actions;
    }
    let steps = [
        (Key::ArrowLeft, Step::PreviousChange),
        (Key::ArrowRight, Step::NextChange),
        (Key::Home, Step::First),
        (Key::End, Step::Last),
    ];
    // One step a frame, the first of these keys pressed.
    if let Some(&(_, step)) = steps.iter().find(|(key, _)| ui.input(|i| i.key_pressed(*key))) {
        actions.push(Action::Step(step));
    }
    if ui.input(|i| i.key_pressed(Key::Space)) {
        actions.push(Action::TogglePlay);
    }
    actions
}
