//! The viewer driven as a user drives it, through egui_kittest (no GPU, no display): drag the
//! slider, click towns, type dates, step through changes, search, and open broken data.

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sandline::dataset::DataDir;
use sandline::gui::{SandlineApp, ViewerOptions};
use std::fs;

use crate::common::{day, type_into, viewer};

/// Clicks the marker of a place on the map (markers are buttons named after the place).
fn click_place(harness: &mut Harness<'_, SandlineApp>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).click();
    harness.run_steps(2);
}

#[test]
fn dragging_the_slider_turns_waddan_to_the_lna() {
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-01");
    click_place(&mut harness, "Waddan");
    assert!(
        harness.query_by_label("Benghazi Defence Brigades").is_some(),
        "Waddan is the BDB's on 1 June 2017"
    );

    let slider = harness.get_by_label("Date").rect();
    let start = slider.left() + 8.0 + (slider.width() - 16.0) * fraction_of(&harness, day("2017-06-01"));
    let end = slider.left() + 8.0 + (slider.width() - 16.0) * fraction_of(&harness, day("2017-07-15"));
    let y = slider.center().y;
    harness.drag_at(egui::pos2(start, y));
    harness.run_steps(1);
    for i in 1..=10 {
        harness.hover_at(egui::pos2(start + (end - start) * i as f32 / 10.0, y));
        harness.run_steps(1);
    }
    harness.drop_at(egui::pos2(end, y));
    harness.run_steps(2);

    let date = harness.state().date();
    assert!(date > day("2017-06-02") && date < day("2017-08-01"), "slider moved to {date}");
    assert!(harness.query_by_label("Libyan National Army (Haftar)").is_some(), "Waddan is now the LNA's");
    let app = harness.state();
    let lna = app.dataset().faction_ix("lna");
    for town in ["waddan", "hun", "sawkna"] {
        let p = app.dataset().place_ix(town).unwrap();
        let marker = app.scene().markers.iter().find(|m| m.place == p).unwrap();
        assert_eq!(marker.holder, lna, "{town} on the map on {date}");
    }
}

/// Where a date lies on the slider, as a fraction of its span.
fn fraction_of(harness: &Harness<'_, SandlineApp>, date: NaiveDate) -> f32 {
    let model = sandline::gui::timeline::TimelineModel::new(harness.state().dataset());
    (date - model.start).num_days() as f32 / (model.end - model.start).num_days() as f32
}

#[test]
fn clicking_a_town_shows_its_quotes_and_sources() {
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-03");
    click_place(&mut harness, "Waddan");
    assert_eq!(harness.state().selected(), harness.state().dataset().place_ix("waddan"));
    let quotes =
        harness.get_all_by_label_contains("his forces had captured the towns of Waddan, Hun and Sawkna");
    assert!(quotes.count() >= 2, "the BDB's loss and the LNA's capture both quote it");
    for text in [
        "The New Arab, “East Libyan forces surge through central desert oasis towns”, 3 June 2017",
        "The LNA has also seized the town of Waddan",
        "claimed by Libyan National Army",
        "reported by the outlet",
    ] {
        assert!(harness.query_all_by_label_contains(text).next().is_some(), "the panel shows {text:?}");
    }
    // Clicking a claim's date moves the slider there.
    harness.get_by_role_and_label(Role::Link, "June 2017 (month)").scroll_to_me();
    harness.run_steps(10);
    let link = harness.get_by_role_and_label(Role::Link, "June 2017 (month)");
    link.click();
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2017-06-01"));
}

#[test]
fn contradictions_are_flagged_side_by_side() {
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-05");
    click_place(&mut harness, "Jufra air base");
    harness.get_by_label_contains("contradiction(s) between sources");
    assert!(
        !harness
            .get_all_by_label_contains("Two sides are said to hold it at the same time")
            .collect::<Vec<_>>()
            .is_empty()
    );
    assert!(
        !harness
            .get_all_by_label_contains("still under the control of the Benghazi Defence Brigades")
            .collect::<Vec<_>>()
            .is_empty()
    );
}

#[test]
fn typing_a_date_jumps_there() {
    let mut harness = viewer(DataDir::seed_fixture(), "2020-06-01");
    type_into(&mut harness, "Go to date", "2017-06-02");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2017-06-02"));
    harness.get_by_label("Situation as of 2 June 2017");
}

#[test]
fn a_bad_typed_date_is_explained_and_the_date_stays() {
    let mut harness = viewer(DataDir::seed_fixture(), "2020-06-01");
    type_into(&mut harness, "Go to date", "2017-02-30");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2020-06-01"));
    harness.get_by_label_contains("not a day of the calendar");
}

#[test]
fn stepping_goes_to_the_next_and_previous_change() {
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-01");
    harness.get_by_label("Next change >").click();
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2017-06-02"));
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2017-06-03"));
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2017-06-02"));
    harness.key_press(egui::Key::Home);
    harness.run_steps(2);
    assert_eq!(harness.state().date(), day("2011-01-01"));
}

#[test]
fn searching_a_variant_spelling_lands_on_the_town() {
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-03");
    type_into(&mut harness, "Find", "Sokna");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.selected(), app.dataset().place_ix("sawkna"));
    assert!(app.map_memory().zoom() >= 9.0);
    harness.get_by_label_contains("claim(s), newest first");
}

/// The frozen seed dataset copied into `root/data` (without its dataset.toml), its articles
/// beside it in `root/seeds`; returns the fixture's own directory, to read its claims from.
fn copy_of_the_seed_dataset(root: &std::path::Path) -> std::path::PathBuf {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed_data = src.join("tests/fixtures/seed-dataset");
    fs::create_dir_all(root.join("data/gazetteer")).unwrap();
    fs::create_dir_all(root.join("seeds")).unwrap();
    for f in
        ["sources.csv", "factions.csv", "places.csv", "gazetteer/geonames.csv", "gazetteer/airfields.csv"]
    {
        fs::copy(seed_data.join(f), root.join("data").join(f)).unwrap();
    }
    // The frozen seed dataset names its articles from its own folder; here they sit beside it.
    let sources =
        fs::read_to_string(seed_data.join("sources.csv")).unwrap().replace("../../../seeds/", "../seeds/");
    fs::write(root.join("data/sources.csv"), sources).unwrap();
    for entry in fs::read_dir(src.join("seeds")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), root.join("seeds").join(entry.file_name())).unwrap();
    }
    seed_data
}

#[test]
fn broken_data_opens_with_a_problems_panel_and_draws_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let seed_data = copy_of_the_seed_dataset(tmp.path());
    let claims = fs::read_to_string(seed_data.join("claims.csv")).unwrap();
    let broken = claims.replacen(",waddan,bdb,holds,2017-06,", ",wadan,bdb,holds,2017-02-30,", 1);
    fs::write(tmp.path().join("data/claims.csv"), broken).unwrap();

    let mut harness = viewer(DataDir::Disk(tmp.path().join("data")), "2017-06-03");
    harness.get_by_label_contains("Data problems (2)");
    harness.get_by_label_contains("claims.csv:2: place: unknown place 'wadan' (did you mean 'waddan'?)");
    harness.get_by_label_contains("claims.csv:2: date: '2017-02-30' is not a day of the calendar");
    // Everything else is still on the map.
    click_place(&mut harness, "Hun");
    harness.get_by_label_contains("Held since 2 June 2017");
}

#[test]
fn exporting_the_view_writes_the_same_image_as_sandline_render() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-03");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    let out = tmp.path().join("export.png");
    type_into(&mut harness, "File", &out.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save PNG").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Saved");
    let exported = image::open(&out).expect("the export wrote a PNG").to_rgba8();

    // The same view through the command line.
    let app = harness.state();
    let center = app.map_memory().detached().expect("the map has a centre");
    let size = exported.dimensions();
    let cli_out = tmp.path().join("cli.png");
    assert_cmd::Command::cargo_bin("sandline")
        .unwrap()
        .env("NODEVICE_SELECT", "1")
        .args(["render", "--data"])
        .arg(DataDir::seed_fixture().display(""))
        .args(["--date", "2017-06-03", "--zoom"])
        .arg(app.map_memory().zoom().to_string())
        .arg("--center")
        .arg(format!("{},{}", center.y(), center.x()))
        .args(["--width", &size.0.to_string(), "--height", &size.1.to_string(), "--out"])
        .arg(&cli_out)
        .assert()
        .success();
    let rendered = image::open(&cli_out).unwrap().to_rgba8();
    let diff = sandline::render::compare(&exported, &rendered, &sandline::render::Tolerance::default());
    assert!(diff.within(&sandline::render::Tolerance::default()), "export and render differ: {diff:?}");
}

#[test]
fn a_print_page_is_exported_with_everything_the_view_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-03");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    harness.get_by_label("Size").click();
    harness.run_steps(2);
    harness.get_by_label_contains("A4 portrait").click();
    harness.run_steps(2);
    harness.get_by_label_contains("1588 x 2246 pixels");
    assert!(harness.query_by_label("4x").is_none(), "a page has its own scale");
    let out = tmp.path().join("page.pdf");
    type_into(&mut harness, "File", &out.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save PDF").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Saved");
    let [width, height] = crate::pdf::page_size(&out);
    assert!(
        (width - 595.5).abs() < 1.5 && (height - 842.0).abs() < 1.5,
        "an A4 portrait page: {width} x {height}"
    );
    // The towns the window shows are on the page too.
    let text = crate::pdf::text(&out);
    for town in ["Waddan", "Sawkna", "Derna", "Tripoli"] {
        assert!(text.contains(town), "{town} is on the page: {text}");
    }
}

/// Opens the export window's Timelapse part, asks for `[from, to, every]` into `out`, clicks
/// "Save timelapse" and waits for the worker drawing the frames: the button is back when it has
/// finished, the window having gone on meanwhile.
fn save_timelapse(
    harness: &mut Harness<'_, SandlineApp>,
    [from, to, every]: [&str; 3],
    out: &std::path::Path,
) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(2);
    harness.get_by_label("Timelapse").click();
    harness.run_steps(2);
    type_into(harness, "From", from);
    type_into(harness, "To", to);
    type_into(harness, "Every", every);
    type_into(harness, "Timelapse file", &out.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Save timelapse").click();
    harness.run_steps(2);
    for _ in 0..1200 {
        if harness.query_by_label("Save timelapse").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        harness.run_steps(1);
    }
}

#[test]
fn the_export_window_saves_a_timelapse_of_the_view() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-03");
    let out = tmp.path().join("weeks.gif");
    save_timelapse(&mut harness, ["2017-05-06", "2017-06-03", "1w"], &out);
    harness.get_by_label_contains("Saved");
    harness.get_by_label_contains("5 frames, 2017-05-06 to 2017-06-03");
    let file = std::fs::File::open(&out).expect("the timelapse was written");
    let decoder = image::codecs::gif::GifDecoder::new(std::io::BufReader::new(file)).unwrap();
    let frames = image::AnimationDecoder::into_frames(decoder).collect_frames().unwrap();
    assert_eq!(frames.len(), 5, "one frame a week");
    assert_ne!(frames[0].buffer(), frames[4].buffer(), "the map moves between the first and last week");
}

#[test]
fn a_timelapse_video_of_a_window_of_any_size_has_even_sides() {
    let tmp = tempfile::tempdir().unwrap();
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-03");
    // An odd window, which makes an odd map.
    harness.set_size(egui::vec2(1401.0, 901.0));
    harness.run_steps(3);
    let out = tmp.path().join("days.mp4");
    save_timelapse(&mut harness, ["2017-06-01", "2017-06-03", "1d"], &out);
    harness.get_by_label_contains("Saved");
    let probe = std::process::Command::new("ffprobe")
        .args([
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=width,height",
            "-of",
            "csv=p=0",
        ])
        .arg(&out)
        .output()
        .expect("ffprobe (installed with ffmpeg) runs");
    let text = String::from_utf8_lossy(&probe.stdout);
    let sides: Vec<u32> = text.trim().split(',').map(|n| n.parse().unwrap()).collect();
    assert!(sides.len() == 2 && sides.iter().all(|s| s % 2 == 0 && *s > 300), "{text}");
}

#[test]
fn the_view_date_layer_and_hidden_sides_are_remembered_between_runs() {
    let mut first = viewer(DataDir::seed_fixture(), "2017-06-03");
    first.get_by_label("Next change >").click();
    first.run_steps(2);
    first.get_by_label("Libyan National Army (9)").click();
    first.run_steps(2);
    let saved = first.state().persisted();
    assert_eq!(saved.hidden, vec!["lna".to_string()]);

    // A new run with what the last one saved (eframe keeps it on disk between runs).
    let app = SandlineApp::new(
        ViewerOptions { data: DataDir::seed_fixture(), date: None, layer: None },
        Some(saved.clone()),
    )
    .unwrap();
    let mut second = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut SandlineApp| app.show(ui), app);
    second.run_steps(3);
    assert_eq!(second.state().date().to_string(), saved.date);
    assert!((second.state().map_memory().zoom() - saved.zoom).abs() < 1e-9);
    let lna = second.state().dataset().faction_ix("lna");
    assert!(second.state().scene().markers.iter().all(|m| m.holder != lna), "the LNA stays hidden");
    second.get_by_label_contains("Libyan National Army (hidden)");
}

/// What the *Go to date* field shows.
fn date_field(harness: &Harness<'_, SandlineApp>) -> Option<String> {
    harness.get_by_role_and_label(Role::TextInput, "Go to date").value()
}

#[test]
fn the_go_to_date_field_follows_the_date() {
    let mut harness = viewer(DataDir::seed_fixture(), "2017-06-01");
    assert_eq!(date_field(&harness).as_deref(), Some("2017-06-01"));
    // Stepping with the arrow keys: the frame of the key press shows the new date in the field,
    // even when no other frame follows (a key held down repeats its press without a release).
    let press = |harness: &mut Harness<'_, SandlineApp>, key| {
        harness.key_down(key);
        harness.step();
    };
    press(&mut harness, egui::Key::ArrowRight);
    assert_eq!(harness.state().date(), day("2017-06-02"));
    assert_eq!(date_field(&harness).as_deref(), Some("2017-06-02"));
    press(&mut harness, egui::Key::ArrowRight);
    assert_eq!(date_field(&harness).as_deref(), Some("2017-06-03"));
    harness.key_up(egui::Key::ArrowRight);
    press(&mut harness, egui::Key::End);
    assert_eq!(date_field(&harness), Some(harness.state().date().to_string()));
    harness.key_up(egui::Key::End);

    // Dragging the slider: the field shows where it was dropped.
    let slider = harness.get_by_label("Date").rect();
    let y = slider.center().y;
    let at = |date: &str| slider.left() + 8.0 + (slider.width() - 16.0) * fraction_of(&harness, day(date));
    let (start, end) = (at("2017-06-01"), at("2019-04-01"));
    harness.drag_at(egui::pos2(start, y));
    harness.step();
    for i in 1..=5 {
        harness.hover_at(egui::pos2(start + (end - start) * i as f32 / 5.0, y));
        harness.step();
    }
    harness.drop_at(egui::pos2(end, y));
    harness.step();
    let date = harness.state().date();
    assert!(date > day("2019-01-01") && date < day("2019-07-01"), "the slider moved to {date}");
    assert_eq!(date_field(&harness), Some(date.to_string()));
}

#[test]
fn a_dataset_of_one_area_opens_framed_on_its_places() {
    let tmp = tempfile::tempdir().unwrap();
    let seed_data = copy_of_the_seed_dataset(tmp.path());
    let claims = fs::read_to_string(seed_data.join("claims.csv")).unwrap();
    let jufra = ["waddan", "hun", "sawkna", "jufra-airbase", "jufra"];
    let kept: Vec<&str> = claims
        .lines()
        .enumerate()
        .filter(|(i, line)| *i == 0 || jufra.iter().any(|p| line.contains(&format!(",{p},"))))
        .map(|(_, line)| line)
        .collect();
    assert!(kept.len() > 5, "the seed has Jufra claims");
    fs::write(tmp.path().join("data/claims.csv"), kept.join("\n") + "\n").unwrap();

    let harness = viewer(DataDir::Disk(tmp.path().join("data")), "2017-06-03");
    let (lon, lat) = harness.state().view().center();
    assert!((15.5..16.5).contains(&lon) && (28.8..29.5).contains(&lat), "centred on Jufra: {lon}, {lat}");
    assert!(harness.state().map_memory().zoom() > 7.5, "closer than the whole country");
    harness.get_by_role_and_label(Role::Button, "Waddan");
}
