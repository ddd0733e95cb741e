//! A view link reopens the view it was made from: `sandline render --view` draws exactly what the
//! same view given flag by flag draws, and a link that does not parse is one clear line.

use assert_cmd::Command;
use sandline::render::{Tolerance, compare};

fn sandline() -> Command {
    let mut cmd = Command::cargo_bin("sandline").unwrap();
    cmd.env("NODEVICE_SELECT", "1");
    cmd
}

const LINK: &str = "sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas&hide=bdb";

#[test]
fn render_draws_a_link_as_the_same_view_given_flag_by_flag() {
    let dir = tempfile::tempdir().unwrap();
    let (by_link, by_flags) = (dir.path().join("link.png"), dir.path().join("flags.png"));
    let size = ["--width", "800", "--height", "500"];
    sandline().args(["render", "--view", LINK]).args(size).arg("--out").arg(&by_link).assert().success();
    sandline()
        .args([
            "render",
            "--date",
            "2017-06-03",
            "--center",
            "29.1,16.0",
            "--zoom",
            "8",
            "--hide",
            "bdb",
            "--no-fronts",
        ])
        .args(size)
        .arg("--out")
        .arg(&by_flags)
        .assert()
        .success();
    let (a, b) = (image::open(&by_link).unwrap().to_rgba8(), image::open(&by_flags).unwrap().to_rgba8());
    let exact = Tolerance { per_channel: 0, max_fraction: 0.0 };
    let diff = compare(&a, &b, &exact);
    assert!(diff.within(&exact), "{diff}");
}

#[test]
fn a_link_that_does_not_parse_is_one_clear_line() {
    let output = sandline()
        .args(["render", "--view", "sandline:view?date=2017-06-03&at=29,16", "--out", "x.png"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim(), "sandline: error: --view: at= needs zoom= with it");
}
