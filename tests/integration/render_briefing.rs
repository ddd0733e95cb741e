//! Briefing images drawn headless on the CPU rasteriser: snapshots of the seed data, the viewer's
//! export (the library) against `sandline render`, and animations.
//!
//! References live in tests/snapshots/. When one is missing it is written and the test fails;
//! after a deliberate change of the drawing, accept the new images with
//! `UPDATE_SNAPSHOTS=1 cargo test --test integration render_briefing` and look at them before committing.

use assert_cmd::Command;
use sandline::dataset::{DataDir, Dataset, load};
use sandline::model::PartialDate;
use sandline::render::{BriefingSpec, Renderer, Tolerance, View, compare};
use std::path::{Path, PathBuf};

fn seed() -> Dataset {
    load(&DataDir::seed_fixture()).expect("the built-in data loads").dataset
}

fn date(text: &str) -> PartialDate {
    PartialDate::parse(text).unwrap()
}

fn renderer() -> Renderer {
    Renderer::new().unwrap_or_else(|e| panic!("{e}"))
}

/// Small references, so that the repository stays light.
fn small(text: &str) -> BriefingSpec {
    BriefingSpec { width: 800, height: 500, ..BriefingSpec::new(date(text)) }
}

fn check_snapshot(name: &str, image: &image::RgbaImage) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let reference = dir.join(format!("{name}.png"));
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v != "0");
    if update || !reference.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        sandline::render::write_png_atomic(image, &reference).unwrap();
        assert!(
            update,
            "no reference for {name}: wrote {}; look at it, then run again (or accept all with \
             UPDATE_SNAPSHOTS=1 cargo test --test integration render_briefing)",
            reference.display()
        );
        return;
    }
    let expected = image::open(&reference).unwrap().to_rgba8();
    let tolerance = Tolerance::default();
    let diff = compare(image, &expected, &tolerance);
    if !diff.within(&tolerance) {
        let actual = reference.with_file_name(format!("{name}.actual.png"));
        sandline::render::write_png_atomic(image, &actual).unwrap();
        panic!(
            "{name} differs from its reference: {diff} (tolerance: {} per channel, {} % of pixels). \
             The new image is {}; if the change is intended, accept it with UPDATE_SNAPSHOTS=1",
            tolerance.per_channel,
            tolerance.max_fraction * 100.0,
            actual.display()
        );
    }
}

#[test]
fn snapshots_of_the_seed_data() {
    let dataset = seed();
    let mut renderer = renderer();
    let cases = [
        ("libya-2017-06-03", small("2017-06-03")),
        ("libya-2020-06-01", small("2020-06-01")),
        (
            "jufra-2017-06",
            BriefingSpec {
                view: View::Center { lat: 29.1, lon: 16.0, zoom: 8.0 },
                title: "The Jufra offensive".into(),
                ..small("2017-06")
            },
        ),
    ];
    for (name, spec) in cases {
        let image = renderer.briefing(&dataset, &spec).unwrap();
        assert_eq!(image.dimensions(), (800, 500));
        check_snapshot(name, &image);
    }
}

#[test]
fn what_a_reader_sees_changes_with_the_date_and_the_scale() {
    let dataset = seed();
    let mut renderer = renderer();
    let before = renderer.briefing(&dataset, &small("2017-06-01")).unwrap();
    let after = renderer.briefing(&dataset, &small("2017-06-03")).unwrap();
    let diff = compare(&before, &after, &Tolerance::default());
    assert!(diff.fraction() > 0.005, "Waddan, Hun and Sawkna change colour: {diff}");
    let double = renderer.briefing(&dataset, &BriefingSpec { scale: 2.0, ..small("2017-06-03") }).unwrap();
    assert_eq!(double.dimensions(), (1600, 1000), "2x doubles the pixels, not the layout");
    // The page is white around the map, and the LNA's orange is on it.
    assert_eq!(after.get_pixel(2, 2).0, [255, 255, 255, 255]);
    let lna = [0xd5, 0x5e, 0x00];
    assert!(after.pixels().filter(|p| p.0[..3] == lna).count() > 50, "LNA places drawn in their colour");
}

fn sandline() -> Command {
    let mut cmd = Command::cargo_bin("sandline").unwrap();
    cmd.env("NODEVICE_SELECT", "1");
    cmd
}

#[test]
fn the_viewers_export_and_sandline_render_draw_the_same_image() {
    // The spec the viewer builds for its current view: centre, zoom, date, size.
    let spec = BriefingSpec {
        view: View::Center { lat: 27.5, lon: 17.5, zoom: 5.2 },
        width: 900,
        height: 560,
        ..BriefingSpec::new(date("2017-06-03"))
    };
    let library = renderer().briefing(&seed(), &spec).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    sandline()
        .args(["render", "--date", "2017-06-03", "--center", "27.5,17.5", "--zoom", "5.2", "--data"])
        .arg(DataDir::seed_fixture().display(""))
        .args(["--width", "900", "--height", "560", "--out"])
        .arg(&out)
        .assert()
        .success();
    let cli = image::open(&out).unwrap().to_rgba8();
    let tolerance = Tolerance::default();
    let diff = compare(&library, &cli, &tolerance);
    assert!(diff.within(&tolerance), "export and render differ: {diff}");
}

#[test]
fn render_writes_a_full_hd_briefing_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let output = sandline()
        .args(["render", "--date", "2017-06-03", "--out"])
        .arg(&out)
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let image = image::open(&out).unwrap();
    assert_eq!((image.width(), image.height()), (1920, 1080));
    assert!(String::from_utf8_lossy(&output.stdout).contains("situation as of 3 June 2017"));
}

fn frames_of_gif(path: &Path) -> usize {
    use image::AnimationDecoder;
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    image::codecs::gif::GifDecoder::new(file).unwrap().into_frames().count()
}

#[test]
fn timelapses_write_gifs_apngs_and_numbered_frames() {
    let dir = tempfile::tempdir().unwrap();
    let gif = dir.path().join("war.gif");
    let frames = dir.path().join("frames");
    sandline()
        .args(["render", "--from", "2017-05-20", "--to", "2017-06-10", "--step", "1w"])
        .args(["--width", "480", "--height", "320", "--out"])
        .arg(&gif)
        .arg("--out-dir")
        .arg(&frames)
        .assert()
        .success();
    assert_eq!(frames_of_gif(&gif), 4, "20 and 27 May, 3 and 10 June");
    let mut names: Vec<String> = std::fs::read_dir(&frames)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    names.sort();
    assert_eq!(names[0], "frame-0001-2017-05-20.png");
    assert_eq!(names[3], "frame-0004-2017-06-10.png");

    let apng = dir.path().join("war.png");
    sandline()
        .args(["render", "--from", "2014-01-01", "--to", "2020-12-31", "--step", "1m", "--changes-only"])
        .args(["--width", "480", "--height", "320", "--out"])
        .arg(&apng)
        .assert()
        .success();
    let bytes = std::fs::read(&apng).unwrap();
    let actl = bytes.windows(4).position(|w| w == b"acTL").expect("an animated PNG");
    let count = u32::from_be_bytes(bytes[actl + 4..actl + 8].try_into().unwrap());
    assert!((3..84).contains(&count), "changes only: {count} frames of 84 months");
}

/// Runs `sandline render ARGS` and returns its standard error, checking that it failed with 2.
fn fails(args: &[&str]) -> String {
    let output = sandline().arg("render").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    stderr
}

#[test]
fn bad_arguments_give_one_clear_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let out = out.to_str().unwrap();
    let unwritable: PathBuf = dir.path().join("no-such-dir").join("map.png");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--date", "2017-02-30", "--out", out], "not a day of the calendar"),
        (vec!["--date", "June 2017", "--out", out], "not a date"),
        (vec!["--date", "2017-06-03", "--bbox", "20,30,20,31", "--out", out], "is empty"),
        (vec!["--date", "2017-06-03", "--bbox", "20,30,21", "--out", out], "four numbers"),
        (vec!["--date", "2017-06-03", "--center", "95,10", "--zoom", "6", "--out", out], "latitude"),
        (vec!["--date", "2017-06-03", "--out", unwritable.to_str().unwrap()], "cannot write"),
        (vec!["--date", "2017-06-03", "--out", "/proc/map.png"], "cannot write"),
        (vec!["--date", "2017-06-03", "--out", "map.jpg"], "not a .png"),
        (vec!["--date", "2017-06-03", "--out", out, "--scale", "9"], "scale"),
        (vec!["--date", "2017-06-03", "--out", out, "--hide", "martians"], "no faction 'martians'"),
        (vec!["--date", "2017-06-03"], "--out"),
        (vec!["--from", "2018-01-01", "--to", "2017-01-01", "--out", out], "after"),
        (
            vec!["--from", "2017-01-01", "--to", "2017-02-01", "--step", "fortnight", "--out", out],
            "not a step",
        ),
        (vec!["--from", "2017-01-01", "--to", "2017-02-01", "--out", "war.bmp"], "format"),
    ];
    for (args, words) in cases {
        let stderr = fails(&args);
        assert_eq!(stderr.lines().count(), 1, "{args:?} should say one line: {stderr}");
        assert!(stderr.contains(words), "{args:?} should say {words:?}: {stderr}");
    }
    assert!(!dir.path().join("map.png").exists(), "nothing written on error");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no temporary files left");
}

#[test]
fn without_a_graphics_adapter_render_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let output = sandline()
        .args(["render", "--date", "2017-06-03", "--out"])
        .arg(&out)
        .env("VK_ICD_FILENAMES", "/nonexistent/icd.json")
        .env("VK_DRIVER_FILES", "/nonexistent/icd.json")
        .env("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl.json")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no graphics adapter") && stderr.contains("mesa-vulkan-drivers"), "{stderr}");
    assert!(!out.exists());
}

/// Pixels of Libya's land tinted with a side's colour (as the areas draw it, at any opacity
/// between a pale claim and a held area), counted over the image.
fn tinted(image: &image::RgbaImage, side: [u8; 3]) -> usize {
    let land: [u8; 3] = [0xfa, 0xf7, 0xf0];
    image
        .pixels()
        .filter(|p| {
            (10..=45).any(|percent| {
                let a = percent as f32 / 100.0;
                (0..3).all(|c| {
                    let want = f32::from(land[c]) * (1.0 - a) + f32::from(side[c]) * a;
                    (f32::from(p.0[c]) - want).abs() <= 4.0
                })
            })
        })
        .count()
}

#[test]
fn areas_of_control_move_with_the_date_and_can_be_left_out() {
    let dataset = seed();
    let mut renderer = renderer();
    let jufra = |d: &str, areas: bool| BriefingSpec {
        view: View::Center { lat: 29.1, lon: 16.0, zoom: 8.0 },
        areas,
        ..small(d)
    };
    let (lna, bdb) = ([0xd5, 0x5e, 0x00], [0x00, 0x9e, 0x73]);
    let before = renderer.briefing(&dataset, &jufra("2017-06-01", true)).unwrap();
    let after = renderer.briefing(&dataset, &jufra("2017-06-03", true)).unwrap();
    let bare = renderer.briefing(&dataset, &jufra("2017-06-03", false)).unwrap();
    let counts = [tinted(&before, lna), tinted(&before, bdb), tinted(&after, lna), tinted(&after, bdb)];
    assert!(counts[1] > 5000, "on 1 June the Jufra towns' land is the BDB's: {counts:?}");
    assert!(counts[2] > counts[0] + 5000, "by 3 June it is the LNA's: {counts:?}");
    assert!(counts[3] < counts[1] / 10, "and no longer the BDB's: {counts:?}");
    assert!(tinted(&bare, lna) < counts[2] / 10, "--no-areas leaves the land untinted");
}
