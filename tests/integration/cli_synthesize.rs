//! `sandline synthesize`: a dataset of the size asked for, which `validate` passes.

use assert_cmd::Command;

#[test]
fn a_synthetic_dataset_has_the_size_asked_for_and_validates_clean() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("big");
    let data = data.to_str().unwrap();
    Command::cargo_bin("sandline")
        .unwrap()
        .args(["synthesize", data, "--places", "300", "--claims", "2000"])
        .assert()
        .success();
    let out = Command::cargo_bin("sandline").unwrap().args(["validate", "--data", data]).assert().success();
    let summary = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(summary.starts_with("ok: 300 places"), "{summary}");
    assert!(summary.contains("2000 claims"), "{summary}");
}
