//! Compare mode exports: `sandline render --compare-from D1 --date D2` draws the places that
//! changed hands between the dates (ringed in both holders' colours) and the land gained and lost,
//! and a view link carries the first date.

use assert_cmd::Command;
use sandline::render::{Tolerance, compare};
use std::path::Path;

fn render(args: &[&str], out: &Path) {
    Command::cargo_bin("sandline")
        .unwrap()
        .env("NODEVICE_SELECT", "1")
        .arg("render")
        .args(args)
        .args(["--width", "900", "--height", "560", "--center", "28.9,16.6", "--zoom", "7", "--out"])
        .arg(out)
        .assert()
        .success();
}

fn image(path: &Path) -> image::RgbaImage {
    image::open(path).unwrap().to_rgba8()
}

#[test]
fn a_comparison_draws_what_changed_and_a_link_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, compared, linked) =
        (dir.path().join("plain.png"), dir.path().join("compared.png"), dir.path().join("linked.png"));
    render(&["--date", "2017-06-04"], &plain);
    render(&["--date", "2017-06-04", "--compare-from", "2017-06-01"], &compared);
    let loose = Tolerance { per_channel: 24, max_fraction: 0.01 };
    let changed = compare(&image(&plain), &image(&compared), &loose);
    assert!(!changed.within(&loose), "the comparison draws something else: {changed}");

    let link =
        "sandline:view?date=2017-06-04&at=28.900,16.600&zoom=7.00&layers=areas,fronts&compare=2017-06-01";
    Command::cargo_bin("sandline")
        .unwrap()
        .env("NODEVICE_SELECT", "1")
        .args(["render", "--view", link, "--width", "900", "--height", "560", "--out"])
        .arg(&linked)
        .assert()
        .success();
    let exact = Tolerance { per_channel: 0, max_fraction: 0.0 };
    let same = compare(&image(&compared), &image(&linked), &exact);
    assert!(same.within(&exact), "{same}");
}

#[test]
fn a_first_date_after_the_second_is_one_clear_line() {
    let output = Command::cargo_bin("sandline")
        .unwrap()
        .env("NODEVICE_SELECT", "1")
        .args(["render", "--date", "2017-06-04", "--compare-from", "2017-06-10", "--out", "x.png"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("2017-06-10") && stderr.contains("2017-06-04"), "{stderr}");
}
