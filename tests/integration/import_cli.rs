//! `sandline import acled` and `import ucdp` through the binary: event data become a dataset every command opens.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

fn sandline() -> Command {
    Command::cargo_bin("sandline").unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/acled").join(name)
}

fn import(file: &Path, out: &Path) -> (i32, String, String) {
    let output = sandline()
        .args(["import", "acled"])
        .arg(file)
        .arg("--out")
        .arg(out)
        .args(["--accessed", "2026-12-01"])
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).to_string();
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
}

/// Who holds `place` at `date`, from `sandline state --format csv` (place id, holder id).
fn holder(dir: &Path, date: &str, place: &str) -> Option<String> {
    let out =
        sandline().args(["state", "--format", "csv", "--date", date, "--data"]).arg(dir).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, holder) = (col("id"), col("faction"));
    rows.records()
        .map(Result::unwrap)
        .find(|r| &r[id] == place)
        .map(|r| r[holder].to_string())
        .filter(|h| !h.is_empty())
}

#[test]
fn an_acled_export_becomes_a_dataset_that_validates_and_gives_its_holders() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sudan");
    let (code, stdout, stderr) = import(&fixture("sudan_2023.csv"), &out);
    assert_eq!(code, 1, "one row could not be read: {stdout}{stderr}");
    assert!(stdout.contains("sudan_2023.csv:10: latitude: 'north' is not a latitude"), "{stdout}");
    assert!(stderr.contains("imported 7 of 9 events as 7 claims at 7 places"), "{stderr}");
    assert!(stderr.contains("left out 1: peaceful protest"), "{stderr}");

    sandline().args(["validate", "--data"]).arg(&out).assert().success().stdout("");
    let rsf = Some("rapid-support-forces".to_string());
    assert_eq!(holder(&out, "2023-10-25", "nyala"), None, "nothing known before the first event");
    assert_eq!(holder(&out, "2023-12-31", "nyala"), rsf);
    assert_eq!(holder(&out, "2023-12-31", "wad-madani"), rsf);
    assert_eq!(holder(&out, "2024-03-31", "omdurman"), Some("military-forces-of-sudan-2019".into()));

    let meta = fs::read_to_string(out.join("dataset.toml")).unwrap();
    assert!(meta.contains("region = \"Sudan\""), "{meta}");
    assert!(meta.contains("ACLED, accessed 1 December 2026, filters as exported"), "{meta}");
    let loaded = sandline::dataset::load(&sandline::dataset::DataDir::Disk(out.clone())).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
    let snapshot = loaded.dataset.timeline.snapshot(date);
    let scene = sandline::scene::build(&loaded.dataset, &snapshot, &Default::default());
    let text = sandline::render::BriefingText::new(
        &loaded.dataset,
        &scene,
        sandline::model::PartialDate::day(date),
        "",
        30,
        &[],
    );
    assert_eq!(text.title, "Control of territory in Sudan");
    assert!(
        text.attribution.contains("Data: ACLED, accessed 1 December 2026, filters as exported."),
        "{}",
        text.attribution
    );
    let [w, s, e, n] = loaded.dataset.frame();
    assert!(w < 22.47 && e > 33.52 && s < 12.05 && n > 15.64, "framed on Sudan's places: {w},{s},{e},{n}");
}

#[test]
fn the_users_sides_in_actors_csv_survive_a_new_import() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sudan");
    import(&fixture("sudan_2023.csv"), &out);
    let actors = fs::read_to_string(out.join("actors.csv")).unwrap();
    assert!(actors.contains("Rapid Support Forces,rapid-support-forces,"), "{actors}");
    let edited = actors.replace("Rapid Support Forces,rapid-support-forces,#", "Rapid Support Forces,rsf,#");
    fs::write(out.join("actors.csv"), edited).unwrap();
    let (_, _, stderr) = import(&fixture("sudan_2023.csv"), &out);
    assert!(!stderr.contains("new actors"), "{stderr}");
    assert_eq!(holder(&out, "2023-12-31", "nyala").as_deref(), Some("rsf"));
    sandline().args(["validate", "--data"]).arg(&out).assert().success();
}

#[test]
fn an_older_export_with_a_bom_crlf_written_dates_and_numbered_actor_types_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mali");
    let (code, stdout, stderr) = import(&fixture("mali_2012_old_style.csv"), &out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("imported 4 of 4 events"), "{stderr}");
    assert!(stderr.contains("1 claims to review"), "France is not Mali's state forces: {stderr}");
    sandline().args(["validate", "--data"]).arg(&out).assert().success().stdout("");
    let mnla = Some("national-movement-for-the-liberation-of-azawad".to_string());
    assert_eq!(holder(&out, "2012-04-02", "kidal"), mnla);
    assert_eq!(holder(&out, "2012-04-02", "timbuktu"), mnla);
}

#[test]
fn a_file_that_is_not_an_acled_export_is_one_clear_line() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("other.csv");
    fs::write(&file, "id,place,when\n1,Nyala,2023\n").unwrap();
    let (code, stdout, stderr) = import(&file, &tmp.path().join("out"));
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("is not an ACLED export: it has no column 'event_id_cnty'"), "{stderr}");
    assert!(!tmp.path().join("out").exists(), "nothing written");
}

#[test]
fn state_forces_under_two_names_are_flagged_for_review() {
    let tmp = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(fixture("sudan_2023.csv")).unwrap();
    // One event of a rival government's army, as Libya has had two since 2014.
    let rival = text.replacen(
        "Government regains territory,Military Forces of Sudan (2019-)",
        "Government regains territory,Military Forces of Sudan (2019-) Rival Government",
        1,
    );
    assert_ne!(rival, text);
    let file = tmp.path().join("two.csv");
    fs::write(&file, rival).unwrap();
    let (_, _, stderr) = import(&file, &tmp.path().join("out"));
    assert!(stderr.contains("review: Sudan has state forces under 2 names"), "{stderr}");
}

#[test]
fn a_ucdp_ged_file_makes_its_places_contested_on_the_days_of_its_events() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("myanmar");
    let output = sandline()
        .args(["import", "ucdp"])
        .arg(fixture("myanmar_2023_ged.csv"))
        .arg("--out")
        .arg(&out)
        .args(["--accessed", "2026-12-01"])
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "one row has a date that does not exist: {stdout}{stderr}");
    assert!(
        stdout.contains("myanmar_2023_ged.csv:6: date_start: '2023-13-01 00:00:00.000' is not a date"),
        "{stdout}"
    );
    assert!(stderr.contains("imported 3 of 5 events"), "{stderr}");
    assert!(stderr.contains("left out 1: located only to a wide area (where_prec 4)"), "{stderr}");
    sandline().args(["validate", "--data"]).arg(&out).assert().success().stdout("");

    let state = |date: &str| {
        let out = sandline()
            .args(["state", "--format", "csv", "--date", date, "--data"])
            .arg(&out)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(state("2023-11-05").contains("hsenwi,Hsenwi,23.299,97.97,,contested,2023-11-01,ged-500002"));
    assert!(state("2023-10-31").contains("hsenwi,Hsenwi,23.299,97.97,,unknown"), "not before its first day");
    let claims = fs::read_to_string(out.join("claims.csv")).unwrap();
    assert!(claims.contains("2023-11-01 to 2023-11-03"), "the event's days are in the note: {claims}");
    assert!(
        claims.contains("ged-500003,laukkaing,government-of-myanmar,contested,2023-12,"),
        "month precision: {claims}"
    );
    let meta = fs::read_to_string(out.join("dataset.toml")).unwrap();
    assert!(
        meta.contains("UCDP Georeferenced Event Dataset (CC BY 4.0), accessed 1 December 2026"),
        "{meta}"
    );

    let coarse = tmp.path().join("coarse");
    sandline()
        .args(["import", "ucdp"])
        .arg(fixture("myanmar_2023_ged.csv"))
        .arg("--out")
        .arg(&coarse)
        .arg("--coarse-places")
        .assert()
        .code(1);
    assert!(
        fs::read_to_string(coarse.join("claims.csv")).unwrap().contains("ged-500004"),
        "kept when asked for"
    );
}

#[test]
fn a_file_that_is_not_ucdp_ged_is_one_clear_line() {
    let out = sandline()
        .args(["import", "ucdp"])
        .arg(fixture("sudan_2023.csv"))
        .args(["--out", "/nonexistent/x"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("sudan_2023.csv is not a UCDP GED file: it has no column 'id'"),
        "an ACLED export: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn an_export_with_bytes_that_are_not_utf8_still_validates_after_import() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = fs::read(fixture("sudan_2023.csv")).unwrap();
    let at = bytes.windows(5).position(|w| w == b"weeks").unwrap();
    bytes[at] = 0xff;
    let file = tmp.path().join("broken-bytes.csv");
    fs::write(&file, bytes).unwrap();
    let out = tmp.path().join("out");
    import(&file, &out);
    sandline().args(["validate", "--data"]).arg(&out).assert().success().stdout("");
}
