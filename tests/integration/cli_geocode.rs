//! `sandline geocode` through the binary: spellings journalists use land on the right places.

use assert_cmd::Command;
use serde_json::Value;

fn geocode_json(names: &[&str]) -> (Vec<Value>, i32) {
    let out =
        Command::cargo_bin("sandline").unwrap().arg("geocode").arg("--json").args(names).output().unwrap();
    let lines = String::from_utf8(out.stdout).unwrap();
    (lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect(), out.status.code().unwrap_or(-1))
}

#[test]
fn variant_spellings_land_on_the_right_place() {
    let cases = [
        ("Sawkna", "sawkna"),
        ("Sokna", "sawkna"),
        ("Sukna", "sawkna"),
        ("Souknah", "sawkna"),
        ("Hun", "hun"),
        ("Houn", "hun"),
        ("Hon", "hun"),
        ("al-Asabaa", "al-asabaa"),
        ("Asbi'a", "al-asabaa"),
        ("Al Asabi'ah", "al-asabaa"),
        ("El Asabia", "al-asabaa"),
        ("Misrata", "misrata"),
        ("Misurata", "misrata"),
        ("Tarhuna", "tarhuna"),
        ("Tarhouna", "tarhuna"),
        ("Derna", "derna"),
        ("Darnah", "derna"),
        ("Bokmash", "bokmash"),
        ("Boukamech", "bokmash"),
        ("Abu Kammash", "bokmash"),
        ("Ras Jedir", "ras-ajdir"),
        ("Jufra airbase", "jufra-airbase"),
        ("Sebha region", "sebha-region"),
    ];
    let names: Vec<&str> = cases.iter().map(|(n, _)| *n).collect();
    let (rows, code) = geocode_json(&names);
    assert_eq!(code, 0);
    for ((name, id), row) in cases.iter().zip(&rows) {
        assert_eq!(row["query"], *name);
        assert_eq!(row["id"], *id, "{name}: {row}");
        assert!(row["score"].as_f64().unwrap() >= 0.8, "{name}: {row}");
        assert!(row["lat"].is_number() && row["lon"].is_number() && row["kind"].is_string());
    }
}

#[test]
fn the_two_zawiyas_are_reported_as_ambiguous() {
    let (rows, code) = geocode_json(&["Zawiya"]);
    assert_eq!(code, 0);
    assert_eq!(rows[0]["ambiguous"], true);
    assert!(!rows[0]["alternatives"].as_array().unwrap().is_empty());
}

#[test]
fn an_unknown_name_is_not_found_with_suggestions_and_exit_1() {
    let (rows, code) = geocode_json(&["Waddan", "Paris"]);
    assert_eq!(code, 1);
    assert_eq!(rows[0]["id"], "waddan");
    assert_eq!(rows[1]["error"], "not found");
    assert!(rows[1]["suggestions"].is_array());
}

#[test]
fn plain_output_is_one_readable_line_per_name() {
    let out = Command::cargo_bin("sandline").unwrap().args(["geocode", "Sokna", "Zawiya"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("Sokna -> Sawkna [sawkna] town"), "{}", lines[0]);
    assert!(lines[1].contains("AMBIGUOUS"), "{}", lines[1]);
}
