//! `SandlineApp::apply` without a UI: what each action does to the view, and what it brings up to
//! date. Table-driven where cases share a shape, each named as the behaviour it pins down (in the
//! manner of rerun's time control tests).

use super::*;
use crate::areas::AreaOptions;
use crate::dataset::{DataDir, load};
use crate::gui::state::Step;
use crate::model::{PlaceIx, PlaceKind, StaleAfter};
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The viewer on the built-in data at `date`, as a fresh start would set it up (no window).
fn app_at(date: &str) -> SandlineApp {
    let Loaded { dataset, problems } = load(&DataDir::seed_fixture()).unwrap();
    let options = ViewerOptions { data: DataDir::seed_fixture(), date: Some(day(date)), layer: None };
    let mut app = SandlineApp::with_dataset(dataset, problems, options, None);
    // The first areas come from a worker thread, as in the window a frame later.
    app.wait_for_areas();
    app
}

fn place(app: &SandlineApp, id: &str) -> PlaceIx {
    app.dataset.place_ix(id).unwrap()
}

fn holder_on_map(app: &SandlineApp, id: &str) -> Option<String> {
    let p = place(app, id);
    let marker = app.scene.markers.iter().find(|m| m.place == p)?;
    marker.holder.map(|f| app.dataset.faction(f).id.clone())
}

#[test]
fn the_slider_moves_as_asked_and_stays_on_the_timeline() {
    let cases: &[(&str, &str, &[Action], &str)] = &[
        ("a date moves the slider there", "2017-06-01", &[Action::SetDate(day("2017-06-03"))], "2017-06-03"),
        (
            "a date before the timeline stops at its first day",
            "2017-06-01",
            &[Action::SetDate(day("1990-05-05"))],
            "2011-01-01",
        ),
        (
            "a date after the timeline stops at its last day",
            "2017-06-01",
            &[Action::SetDate(day("2031-01-01"))],
            "2020-12-31",
        ),
        (
            "the next change is the next day a place changes hands",
            "2017-05-31",
            &[Action::Step(Step::NextChange)],
            "2017-06-01",
        ),
        (
            "steps add up",
            "2017-05-31",
            &[Action::Step(Step::NextChange), Action::Step(Step::NextChange)],
            "2017-06-02",
        ),
        (
            "the previous change is before the slider, not on it",
            "2017-06-02",
            &[Action::Step(Step::PreviousChange)],
            "2017-06-01",
        ),
        ("first goes to the timeline's first day", "2017-06-02", &[Action::Step(Step::First)], "2011-01-01"),
        ("last goes to the timeline's last day", "2017-06-02", &[Action::Step(Step::Last)], "2020-12-31"),
        (
            "with no change after the slider, the next step stays put",
            "2017-06-02",
            &[Action::Step(Step::Last), Action::Step(Step::NextChange)],
            "2020-12-31",
        ),
        (
            "with no change before the slider, the previous step stays put",
            "2017-06-02",
            &[Action::Step(Step::First), Action::Step(Step::PreviousChange)],
            "2011-01-01",
        ),
    ];
    for (behaviour, start, actions, expected) in cases {
        let mut app = app_at(start);
        for action in actions.iter() {
            app.apply(action.clone());
        }
        assert_eq!(app.date(), day(expected), "{behaviour}");
        assert_eq!(app.scene.date, day(expected), "{behaviour}: the scene follows the slider");
    }
}

#[test]
fn moving_the_slider_redraws_the_holders_and_keeps_the_comparison_on_the_new_date() {
    let mut app = app_at("2017-06-01");
    assert_eq!(holder_on_map(&app, "waddan").as_deref(), Some("bdb"));
    app.apply(Action::StartCompare(Some(day("2017-05-01"))));
    app.apply(Action::SetDate(day("2017-06-04")));
    assert_eq!(holder_on_map(&app, "waddan").as_deref(), Some("lna"));
    let diff = app.diff().expect("compare mode is on");
    assert_eq!((diff.from, diff.to), (day("2017-05-01"), day("2017-06-04")));
    assert!(diff.rows.iter().any(|r| r.place == place(&app, "waddan")));
}

#[test]
fn the_areas_are_asked_for_again_only_when_a_holder_changed() {
    let cases = [
        ("a day on which places change hands makes the areas stale", "2017-06-01", "2017-06-02", true),
        ("a quiet day leaves the areas as they are", "2017-06-05", "2017-06-10", false),
    ];
    for (behaviour, from, to, stale) in cases {
        let mut app = app_at(from);
        assert!(!app.areas_dirty);
        app.apply(Action::SetDate(day(to)));
        assert_eq!(app.areas_dirty, stale, "{behaviour}");
        app.sync_areas();
        assert!(!app.areas_dirty, "{behaviour}: the next frame asks for them");
    }
}

#[test]
fn switching_both_area_layers_off_drops_the_areas_and_either_brings_them_back() {
    let cases: &[(&str, &[Action], bool)] = &[
        ("areas and fronts on by default", &[], true),
        ("fronts alone still need the areas", &[Action::ShowAreas(false)], true),
        ("areas alone", &[Action::ShowFronts(false)], true),
        ("both off: nothing computed", &[Action::ShowAreas(false), Action::ShowFronts(false)], false),
        (
            "switched back on",
            &[Action::ShowAreas(false), Action::ShowFronts(false), Action::ShowFronts(true)],
            true,
        ),
    ];
    for (behaviour, actions, computed) in cases {
        let mut app = app_at("2017-06-01");
        for action in actions.iter() {
            app.apply(action.clone());
        }
        app.wait_for_areas();
        assert_eq!(app.areas().is_some(), *computed, "{behaviour}");
    }
    let mut app = app_at("2017-06-01");
    app.apply(Action::ShowAreas(false));
    let saved = app.persisted();
    assert!(!saved.areas && saved.fronts, "the choice is remembered");
}

#[test]
fn a_new_reach_recomputes_the_areas_and_the_land_compared() {
    let mut app = app_at("2017-06-04");
    app.apply(Action::StartCompare(Some(day("2017-06-01"))));
    let lna = app.dataset.faction_ix("lna").unwrap();
    let gained = |app: &SandlineApp| {
        let diff = app.diff().unwrap();
        diff.areas.iter().find(|c| c.faction == lna).map(|c| c.gained.area_km2()).unwrap()
    };
    let before = gained(&app);
    let narrow = AreaOptions::default().with_radius(PlaceKind::Town, 5.0);
    app.apply(Action::SetReach(narrow.clone()));
    assert_eq!(app.view.reach, narrow);
    assert_eq!(app.areas.options(), &narrow, "the areas are computed with the new reach");
    assert!(gained(&app) < before, "towns reaching 5 km gain less land: {} then {}", before, gained(&app));
    assert_eq!(app.persisted().reach_km.iter().find(|(k, _)| k == "town").map(|r| r.1), Some(5.0));
}

#[test]
fn compare_mode_starts_a_month_back_and_keeps_its_first_date_on_or_before_the_slider() {
    let cases: &[(&str, &[Action], Option<&str>)] = &[
        ("on without a date: 30 days before the slider", &[Action::StartCompare(None)], Some("2017-05-05")),
        ("on from a date", &[Action::StartCompare(Some(day("2017-06-01")))], Some("2017-06-01")),
        (
            "on from after the slider: from the slider",
            &[Action::StartCompare(Some(day("2018-01-01")))],
            Some("2017-06-04"),
        ),
        (
            "a new first date",
            &[Action::StartCompare(None), Action::CompareFrom(day("2017-06-02"))],
            Some("2017-06-02"),
        ),
        (
            "a first date after the slider is the slider's",
            &[Action::StartCompare(None), Action::CompareFrom(day("2019-01-01"))],
            Some("2017-06-04"),
        ),
        (
            "a first date before the timeline is its first day",
            &[Action::StartCompare(None), Action::CompareFrom(day("1999-01-01"))],
            Some("2011-01-01"),
        ),
        ("off: no comparison", &[Action::StartCompare(None), Action::StopCompare], None),
        (
            "on again: the last first date",
            &[Action::StartCompare(Some(day("2017-06-01"))), Action::StopCompare, Action::StartCompare(None)],
            Some("2017-06-01"),
        ),
        (
            "on again after the slider went back before it: 30 days before the slider",
            &[
                Action::StartCompare(Some(day("2017-06-01"))),
                Action::StopCompare,
                Action::SetDate(day("2017-05-20")),
                Action::StartCompare(None),
            ],
            Some("2017-04-20"),
        ),
    ];
    for (behaviour, actions, from) in cases {
        let mut app = app_at("2017-06-04");
        for action in actions.iter() {
            app.apply(action.clone());
        }
        assert_eq!(app.diff().map(|d| d.from), from.map(day), "{behaviour}");
        assert_eq!(app.view.compare.on, from.is_some(), "{behaviour}");
        if let Some(diff) = app.diff() {
            assert_eq!(diff.to, app.date(), "{behaviour}: the second date is the slider's");
        }
    }
}

#[test]
fn hiding_a_side_takes_its_places_off_the_map_until_it_is_shown_again() {
    let mut app = app_at("2017-06-03");
    let lna = app.dataset.faction_ix("lna").unwrap();
    let lna_markers = |app: &SandlineApp| app.scene.markers.iter().filter(|m| m.holder == Some(lna)).count();
    assert!(lna_markers(&app) > 0);
    app.apply(Action::ToggleSide(lna));
    assert_eq!(lna_markers(&app), 0);
    assert_eq!(app.persisted().hidden, vec!["lna".to_string()]);
    app.apply(Action::ToggleSide(lna));
    assert!(lna_markers(&app) > 0);
    assert!(app.persisted().hidden.is_empty());
}

#[test]
fn the_recent_change_highlight_follows_its_days() {
    let cases = [
        ("changes of the day before are recent within 30 days", 30, true),
        ("two days hold the day before", 2, true),
        ("one day holds only the day itself", 1, false),
        ("no days: nothing is recent", 0, false),
    ];
    for (behaviour, days, recent) in cases {
        let mut app = app_at("2017-06-03");
        app.apply(Action::SetRecentDays(days));
        let waddan = place(&app, "waddan");
        let marker = app.scene.markers.iter().find(|m| m.place == waddan).unwrap();
        assert_eq!(marker.recent, recent, "{behaviour}");
        assert_eq!(app.persisted().recent_days, days, "{behaviour}");
    }
}

#[test]
fn going_to_a_place_centres_the_map_close_enough_and_opens_its_panel() {
    let mut app = app_at("2017-06-03");
    let waddan = place(&app, "waddan");
    app.apply(Action::GoTo(waddan));
    assert_eq!(app.selected(), Some(waddan));
    let center = app.view.map.detached().expect("the map is centred on the place");
    assert!((center.x() - 16.13904).abs() < 1e-9 && (center.y() - 29.1614).abs() < 1e-9);
    assert!((app.view.map.zoom() - 9.0).abs() < 1e-9);
    assert_eq!(app.view.fitting, None, "the map no longer keeps Libya framed");
    // Closer already: the zoom stays.
    let _ = app.view.map.set_zoom(12.0);
    app.apply(Action::GoTo(place(&app, "hun")));
    assert!((app.view.map.zoom() - 12.0).abs() < 1e-9);
    app.apply(Action::Select(None));
    assert_eq!(app.selected(), None);
}

#[test]
fn the_dataset_is_framed_as_the_window_settles_until_the_user_moves_the_map() {
    let mut app = app_at("2017-06-03");
    let small = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(600.0, 400.0));
    let large = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
    app.apply(Action::FrameData(small));
    let at_small = app.view.map.zoom();
    app.apply(Action::FrameData(large));
    let at_large = app.view.map.zoom();
    assert!(at_large > at_small, "a larger window zooms in: {at_small} then {at_large}");
    app.apply(Action::MapMoved);
    app.apply(Action::FrameData(small));
    assert_eq!(app.view.map.zoom(), at_large, "once moved, the map stays where the user put it");
}

#[test]
fn the_small_switches_do_what_they_say() {
    let mut app = app_at("2017-06-03");
    assert!(!app.timeline.playing);
    app.apply(Action::TogglePlay);
    assert!(app.timeline.playing);
    app.apply(Action::TogglePlay);
    assert!(!app.timeline.playing);

    app.apply(Action::SetBaseLayer(BaseLayer::OpenStreetMap));
    assert_eq!(app.persisted().layer, BaseLayer::OpenStreetMap);
    assert_eq!(app.pending_layer, Some(BaseLayer::OpenStreetMap), "its tiles are made on the next frame");

    app.apply(Action::ShowProblems(true));
    assert!(app.view.show_problems);
    app.apply(Action::ShowProblems(false));
    assert!(!app.view.show_problems);

    app.apply(Action::OpenExport);
    assert!(app.export.open);
}

#[test]
fn the_view_is_remembered_and_restored() {
    let mut app = app_at("2017-06-03");
    let lna = app.dataset.faction_ix("lna").unwrap();
    app.apply(Action::ToggleSide(lna));
    app.apply(Action::SetRecentDays(7));
    app.apply(Action::ShowFronts(false));
    app.apply(Action::GoTo(place(&app, "waddan")));
    let saved = app.persisted();
    let Loaded { dataset, problems } = load(&DataDir::seed_fixture()).unwrap();
    let options = ViewerOptions { data: DataDir::seed_fixture(), date: None, layer: None };
    let again = SandlineApp::with_dataset(dataset, problems, options, Some(saved.clone()));
    assert_eq!(again.persisted(), saved);
    assert_eq!(again.date(), day("2017-06-03"));
    assert_eq!(again.view.fitting, None, "a remembered centre is not refitted");
    assert!(again.scene.markers.iter().all(|m| m.holder != Some(lna)));
}

#[test]
fn a_new_stale_limit_refades_the_map_and_is_remembered() {
    // On 1 June 2019 Waddan's newest claim is two years old: stale at 180 days, fresh at 1,000.
    let mut app = app_at("2019-06-01");
    let waddan = place(&app, "waddan");
    let stale = |app: &SandlineApp| app.scene.markers.iter().find(|m| m.place == waddan).map(|m| m.stale);
    assert_eq!(stale(&app), Some(true));
    let faded = app.scene.counts.stale;
    app.apply(Action::SetStaleAfter(StaleAfter(1000)));
    assert_eq!(stale(&app), Some(false), "the scene is rebuilt with the new limit");
    assert!(app.scene.counts.stale < faded);
    assert_eq!(app.areas.options().stale_after, StaleAfter(1000), "the areas are judged by it too");
    assert_eq!(app.persisted().stale_after_days, 1000);
    // A reach reset keeps the stale limit.
    app.apply(Action::SetReach(AreaOptions::default().with_stale_after(StaleAfter(1000))));
    assert_eq!(app.areas.options().stale_after, StaleAfter(1000));
}

#[test]
fn another_war_opens_on_its_own_date_and_place_and_is_remembered_apart() {
    let dir =
        DataDir::Disk(std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/iraq-syria-2014"));
    let Loaded { dataset, problems } = load(&dir).unwrap();
    let options = ViewerOptions { data: dir, date: None, layer: None };
    let key = options.persist_key();
    let app = SandlineApp::with_dataset(dataset, problems, options, None);
    assert_eq!(app.view.date, day("2015-06-01"), "the date in its dataset.toml");
    let center = app.view.map.detached().expect("the map is centred on the dataset's frame");
    let (lon, lat) = (center.x(), center.y());
    assert!(
        (38.0..45.0).contains(&lon) && (32.0..37.0).contains(&lat),
        "framed on Iraq and Syria: {lon}, {lat}"
    );
    let libya = ViewerOptions { data: DataDir::Embedded, date: None, layer: None };
    assert_ne!(key, libya.persist_key(), "each dataset's view is remembered under its own key");
}
