//! What the UI tests share: a viewer in a test harness, and typing as a user types.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sandline::dataset::DataDir;
use sandline::gui::{SandlineApp, ViewerOptions};

pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The viewer on `data` at `date`, 1400 by 900, after a few frames.
pub fn viewer(data: DataDir, date: &str) -> Harness<'static, SandlineApp> {
    let options = ViewerOptions { data, date: Some(day(date)), layer: None };
    let app = SandlineApp::new(options, None).expect("the data directory is readable");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SandlineApp| app.show(ui), app);
    harness.run_steps(3);
    settle(&mut harness);
    harness
}

/// Waits for the areas being computed beside the drawing, and draws them (a frame later in the window).
pub fn settle(harness: &mut Harness<'_, SandlineApp>) {
    harness.state_mut().wait_for_areas();
    harness.run_steps(1);
}

/// Replaces the text of a labelled field, as a user selecting all and typing would.
pub fn type_into(harness: &mut Harness<'_, SandlineApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
}
