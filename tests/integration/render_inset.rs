//! A close-up carries a locator map of the whole region with the view outlined; a view of the
//! whole region does not, and `--no-inset` leaves it out.

use assert_cmd::Command;

/// The locator's outline colour.
const LOCATOR: [u8; 3] = [0xc0, 0x1f, 0x1f];

/// Pixels of the locator's colour in the image.
fn locator_pixels(args: &[&str]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    Command::cargo_bin("sandline")
        .unwrap()
        .env("NODEVICE_SELECT", "1")
        .arg("render")
        .args(args)
        .args(["--width", "1000", "--height", "600", "--out"])
        .arg(&out)
        .assert()
        .success();
    let image = image::open(&out).unwrap().to_rgba8();
    image.pixels().filter(|p| p.0[..3].iter().zip(LOCATOR).all(|(a, b)| a.abs_diff(b) <= 12)).count()
}

#[test]
fn a_close_up_carries_a_locator_and_the_whole_region_none() {
    let jufra = ["--date", "2017-06-03", "--center", "29.1,16.0", "--zoom", "8"];
    assert!(locator_pixels(&jufra) > 100, "the close-up of Jufra has its locator");
    let mut without = jufra.to_vec();
    without.push("--no-inset");
    assert_eq!(locator_pixels(&without), 0, "--no-inset");
    assert_eq!(locator_pixels(&["--date", "2017-06-03"]), 0, "the whole of Libya needs none");
}
