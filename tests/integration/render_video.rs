//! Timelapses as MP4 video through the system's ffmpeg: each date shown for its time, changes of
//! hands held longer, and one clear line when ffmpeg is missing. `.ci/run` installs ffmpeg.

use assert_cmd::Command;
use std::path::Path;

fn sandline() -> Command {
    let mut cmd = Command::cargo_bin("sandline").unwrap();
    cmd.env("NODEVICE_SELECT", "1");
    cmd
}

/// (codec, width, height, seconds) of a video, as ffprobe reads it.
fn probe(path: &Path) -> (String, u32, u32, f64) {
    let out = std::process::Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height"])
        .args(["-show_entries", "format=duration", "-of", "default=noprint_wrappers=1"])
        .arg(path)
        .output()
        .expect("ffprobe (installed with ffmpeg) runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        text.lines().find_map(|l| l.strip_prefix(&format!("{name}="))).unwrap_or_default().to_string()
    };
    (
        field("codec_name"),
        field("width").parse().unwrap(),
        field("height").parse().unwrap(),
        field("duration").parse().unwrap(),
    )
}

#[test]
fn a_timelapse_is_written_as_h264_video_with_its_changes_held() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, held) = (dir.path().join("plain.mp4"), dir.path().join("held.mp4"));
    // Four days of June 2017: the Jufra towns change hands on the 2nd and the 3rd.
    let days =
        ["--from", "2017-06-01", "--to", "2017-06-04", "--step", "1d", "--width", "640", "--height", "360"];
    sandline().arg("render").args(days).args(["--fps", "4", "--out"]).arg(&plain).assert().success();
    sandline()
        .arg("render")
        .args(days)
        .args(["--fps", "4", "--hold-ms", "2000", "--out"])
        .arg(&held)
        .assert()
        .success();
    let (codec, w, h, seconds) = probe(&plain);
    assert_eq!((codec.as_str(), w, h), ("h264", 640, 360));
    // Three frames of a quarter of a second and the last held three times as long.
    assert!((seconds - 1.5).abs() < 0.1, "{seconds} s");
    let (_, _, _, held_seconds) = probe(&held);
    assert!(
        held_seconds > seconds + 3.0,
        "two changes held for 2 s each: {held_seconds} s against {seconds} s"
    );
}

#[test]
fn without_ffmpeg_a_video_is_one_clear_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("war.mp4");
    let output = sandline()
        .env("PATH", dir.path())
        .args(["render", "--from", "2017-06-01", "--to", "2017-06-04", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("needs ffmpeg, which is not on PATH"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!out.exists());
}
