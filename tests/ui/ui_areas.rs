//! Areas of control and compare mode, driven through the viewer as a user drives it (egui_kittest).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sandline::dataset::DataDir;
use sandline::gui::SandlineApp;

use crate::common::{day, settle, type_into};

/// Types into a labelled field and presses Enter.
fn enter(harness: &mut Harness<'_, SandlineApp>, label: &str, text: &str) {
    type_into(harness, label, text);
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
}

fn viewer(date: &str) -> Harness<'static, SandlineApp> {
    crate::common::viewer(DataDir::seed_fixture(), date)
}

/// The side whose area holds Waddan's place, read from the areas the viewer draws.
fn area_holding(app: &SandlineApp, place: &str) -> Option<String> {
    let p = app.dataset().place_ix(place)?;
    let area = app.areas()?.areas.iter().find(|a| a.places.contains(&p))?;
    area.faction.map(|f| app.dataset().faction(f).id.clone())
}

#[test]
fn areas_follow_the_slider_and_switch_off() {
    let mut harness = viewer("2017-06-01");
    assert_eq!(area_holding(harness.state(), "waddan").as_deref(), Some("bdb"), "on by default");
    assert!(!harness.state().areas().unwrap().fronts.is_empty(), "sides meet somewhere in 2017");

    harness.get_by_label("Next change >").click();
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(harness.state().date(), day("2017-06-02"));
    assert_eq!(area_holding(harness.state(), "waddan").as_deref(), Some("lna"));

    harness.get_by_role_and_label(Role::CheckBox, "Areas").click();
    harness.run_steps(1);
    harness.get_by_role_and_label(Role::CheckBox, "Front lines").click();
    harness.run_steps(2);
    assert!(harness.state().areas().is_none(), "nothing computed with both layers off");
    let saved = harness.state().persisted();
    assert!(!saved.areas && !saved.fronts, "the choice is remembered");
}

#[test]
fn compare_mode_lists_the_june_2017_changes_with_their_claims() {
    let mut harness = viewer("2017-06-04");
    harness.get_by_label("Compare dates").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Compare two dates");
    enter(&mut harness, "From", "2017-06-01");

    harness.get_by_label_contains("6 places changed hands between 1 June 2017 and 4 June 2017");
    let waddan = "Waddan: Benghazi Defence Brigades to Libyan National Army, 2 June 2017";
    harness.get_by_role_and_label(Role::Link, waddan);
    for claim in ["c002", "c020"] {
        harness.get_by_role_and_label(Role::Link, claim);
    }
    harness.get_by_label_contains("Libyan National Army: gained ");
    let diff = harness.state().diff().expect("compare mode compares");
    assert_eq!((diff.from, diff.to), (day("2017-06-01"), day("2017-06-04")));
    let lna = harness.state().dataset().faction_ix("lna").unwrap();
    let gained = diff.areas.iter().find(|a| a.faction == lna).expect("the LNA's land changed");
    assert!(gained.gained.area_km2() > 1000.0, "the Jufra towns' land is shaded as gained");

    // A row opens the place's panel with its quotes.
    harness.get_by_role_and_label(Role::Link, waddan).click();
    harness.run_steps(3);
    assert_eq!(harness.state().selected(), harness.state().dataset().place_ix("waddan"));
    let quotes =
        harness.get_all_by_label_contains("his forces had captured the towns of Waddan, Hun and Sawkna");
    assert!(quotes.count() >= 1, "Waddan's panel quotes the article");

    // Moving the slider moves the second date; going back before the changes empties the list.
    enter(&mut harness, "Go to date", "2017-06-01");
    harness.get_by_label_contains("No place changed hands between 1 June 2017 and 1 June 2017");

    harness.get_by_label("Compare dates").click();
    harness.run_steps(2);
    assert!(harness.state().diff().is_none());
    assert!(harness.query_by_label_contains("Compare two dates").is_none());
}

#[test]
fn a_bad_first_date_is_explained_and_the_comparison_stays() {
    let mut harness = viewer("2017-06-04");
    harness.state_mut().start_compare(Some(day("2017-06-01")));
    harness.run_steps(2);
    enter(&mut harness, "From", "2017-07-01");
    harness.get_by_label_contains("the first date must not be after the second");
    assert_eq!(harness.state().diff().map(|d| d.from), Some(day("2017-06-01")));
    enter(&mut harness, "From", "2017-02-30");
    harness.get_by_label_contains("2017-02-30");
    assert_eq!(harness.state().diff().map(|d| d.rows.len()), Some(6));
}
