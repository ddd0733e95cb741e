//! `sandline diff` through the binary: the changes between two dates with their claims.

use assert_cmd::Command;

/// The frozen seed-only dataset: these checks are of the seed moments, not of the growing war.
const SEED_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-dataset");

fn diff(args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("sandline").unwrap().arg("diff").args(args).args(["--data", SEED_DATA]).assert()
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(diff(args).success().get_output().stdout.clone()).unwrap()
}

#[test]
fn text_lists_the_june_2017_changes_with_their_claims() {
    let out = stdout(&["--from", "2017-06-01", "--to", "2017-06-04"]);
    let lines: Vec<&str> = out.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(lines.contains(
        &"Waddan: Benghazi Defence Brigades to Libyan National Army, 2 June 2017 (claims c002, c020)"
    ));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Jufra air base: unknown to Libyan National Army, 3 June 2017 (claims "))
    );
    assert!(out.contains("Libyan National Army: gained "), "{out}");
    assert!(out.contains("Benghazi Defence Brigades: gained 0 km², lost "), "{out}");
}

#[test]
fn csv_has_one_row_per_place_with_ids() {
    let out = stdout(&["--from", "2017-06-01", "--to", "2017-06-04", "--format", "csv"]);
    assert!(out.starts_with("place,name,from,to,date,claims\n"), "{out}");
    assert!(out.contains("\nwaddan,Waddan,bdb,lna,2017-06-02,c002|c020\n"), "{out}");
    assert!(out.contains("\nsebha-region,Sebha region,,lna,2017-06-03,c014\n"), "{out}");
    assert_eq!(out.lines().count(), 7);
}

#[test]
fn json_has_the_rows_their_changes_and_the_land() {
    let out = stdout(&["--from", "2017-06-01", "--to", "2017-06-04", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 6);
    let waddan = changes.iter().find(|c| c["place"] == "waddan").unwrap();
    assert_eq!(waddan["from"], "bdb");
    assert_eq!(waddan["to"], "lna");
    assert_eq!(waddan["claims"], serde_json::json!(["c002", "c020"]));
    assert_eq!(waddan["changes"][0]["claims"], serde_json::json!(["c002"]));
    let jufra = changes.iter().find(|c| c["place"] == "jufra").unwrap();
    assert_eq!(jufra["from"], serde_json::Value::Null);
    let lna = v["areas"].as_array().unwrap().iter().find(|a| a["faction"] == "lna").unwrap();
    assert!(lna["gained_km2"].as_f64().unwrap() > 1000.0);
}

#[test]
fn no_change_says_so() {
    let out = stdout(&["--from", "2017-06-05", "--to", "2017-12-31"]);
    assert_eq!(out, "No place changed hands between 5 June 2017 and 31 December 2017.\n");
}

#[test]
fn bad_or_reversed_dates_stop_with_one_line_and_status_2() {
    let cases = [
        (vec!["--from", "2017-13-01", "--to", "2017-06-04"], "--from"),
        (vec!["--from", "2017-06-01", "--to", "June"], "--to"),
        (vec!["--from", "2017-06", "--to", "2017-06-04"], "not a single day"),
        (vec!["--from", "2017-06-04", "--to", "2017-06-01"], "is after"),
    ];
    for (args, says) in cases {
        let out = diff(&args).code(2).get_output().clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
}
