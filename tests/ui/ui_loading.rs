//! The window opens at once and shows how much of the dataset has been read, then fills in.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sandline::dataset::DataDir;
use sandline::gui::{Progress, Viewer, ViewerOptions};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::day;

fn harness(viewer: Viewer) -> Harness<'static, Viewer> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, v: &mut Viewer| v.show(ui), viewer)
}

/// Runs frames until the load reaches `wanted` (the worker runs on its own; this only waits for it).
fn run_until(harness: &mut Harness<'_, Viewer>, wanted: impl Fn(Progress) -> bool) {
    for _ in 0..2_000 {
        harness.run_steps(1);
        if wanted(harness.state().progress()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the load never got to the state wanted; it is {:?}", harness.state().progress());
}

fn options(data: DataDir) -> ViewerOptions {
    ViewerOptions { data, date: Some(day("2017-06-01")), layer: None }
}

#[test]
fn the_window_shows_the_bytes_read_while_a_dataset_loads_then_the_map() {
    let (go_on, wait) = mpsc::channel::<()>();
    let viewer = Viewer::start_with(options(DataDir::seed_fixture()), None, 2_400_000, move |progress| {
        progress(1_200_000);
        // Held half way until the test has looked at the window.
        let _ = wait.recv();
        sandline::dataset::load(&DataDir::seed_fixture())
    });
    let mut harness = harness(viewer);
    run_until(&mut harness, |p| p == Progress::Reading { read: 1_200_000, total: 2_400_000 });
    assert!(harness.query_by_label_contains("Loading").is_some(), "the window says what it is doing");
    assert!(harness.query_by_label("read 1.2 MB of 2.4 MB").is_some(), "and how far it has got");
    assert!(harness.query_by_label("Date").is_none(), "no slider before there is data");

    go_on.send(()).unwrap();
    run_until(&mut harness, |p| p == Progress::Ready);
    harness.run_steps(3);
    assert!(harness.query_by_label("Date").is_some(), "the slider once the data is in");
    harness.get_by_role_and_label(Role::Button, "Waddan").click();
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Benghazi Defence Brigades").is_some(),
        "the loaded viewer works: Waddan is the BDB's on 1 June 2017"
    );
}

#[test]
fn a_viewer_started_on_a_directory_loads_it_and_shows_the_map() {
    let mut harness = harness(Viewer::start(options(DataDir::seed_fixture()), None));
    run_until(&mut harness, |p| p == Progress::Ready);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Loading").is_none());
    assert!(harness.query_by_label("Date").is_some());
    assert!(harness.query_by_label("Waddan").is_some(), "the seed's places are on the map");
}

#[test]
fn a_directory_that_vanishes_before_it_is_read_is_shown_in_the_window() {
    let missing = std::env::temp_dir().join("sandline-ui-no-such-dataset");
    let _ = std::fs::remove_dir_all(&missing);
    let mut harness = harness(Viewer::start(options(DataDir::Disk(missing)), None));
    run_until(&mut harness, |p| p == Progress::Failed);
    harness.run_steps(1);
    assert!(harness.query_by_label("The dataset could not be loaded").is_some());
    assert!(
        harness.query_by_label_contains("sandline-ui-no-such-dataset").is_some(),
        "the message names the directory"
    );
}
