//! `sandline ingest` tells in one line on standard error what it proposed, and leaves out what
//! it is not sure enough of when asked.

use assert_cmd::Command;
use predicates::prelude::*;

/// An article written for this test: two claims, one name the gazetteer does not know.
const ARTICLE: &str = "Oasis towns change hands again\n\
BENGHAZI, 20 June 2017 - The Benghazi Defence Brigades recaptured Hun on Monday, residents said.\n\
The Libyan National Army said on Monday that it still controlled Sawkna.\n\
Later that day the Libyan National Army took the town of Qasr Zellaf.\n";

fn ingest(extra: &[&str]) -> (String, usize) {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("oasis.txt");
    std::fs::write(&file, ARTICLE).unwrap();
    let out = Command::cargo_bin("sandline").unwrap().arg("ingest").arg(&file).args(extra).output().unwrap();
    let rows = csv::Reader::from_reader(out.stdout.as_slice()).records().count();
    (String::from_utf8(out.stderr).unwrap(), rows)
}

#[test]
fn one_line_sums_up_the_proposals_and_what_needs_a_look() {
    let (stderr, rows) = ingest(&[]);
    assert_eq!(rows, 2, "{stderr}");
    assert!(
        stderr
            .contains("sandline: 2 proposal(s) from 1 article(s); 1 unknown place name(s); 0 without a date"),
        "{stderr}"
    );
}

#[test]
fn proposals_below_the_confidence_asked_for_are_left_out() {
    let (all, _) = ingest(&[]);
    let (stderr, rows) = ingest(&["--min-confidence", "0.8"]);
    assert!(rows < 2, "{all}\n{stderr}");
    assert!(
        stderr.contains(&format!("sandline: {rows} proposal(s) from 1 article(s) at confidence 0.8 or more")),
        "{stderr}"
    );
}

#[test]
fn a_confidence_out_of_range_is_one_clear_line() {
    Command::cargo_bin("sandline")
        .unwrap()
        .args(["ingest", "x.txt", "--min-confidence", "1.5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--min-confidence: '1.5' is not a confidence: give a number from 0 to 1",
        ));
}
