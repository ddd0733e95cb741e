//! `sandline ingest` through the binary: output, exit codes, bad input, and `--merge`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn sandline() -> Command {
    Command::cargo_bin("sandline").unwrap()
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

const ARTICLE: &str = "Haftar forces seize town\n\nJune 4, 2017\n\nForces loyal to Khalifa Haftar seized the town of Waddan on Saturday, a spokesman for the LNA said.\nThe BDB withdrew from Hun yesterday.\n";

fn rows(stdout: &[u8]) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(stdout).records().map(Result::unwrap).collect()
}

#[test]
fn proposes_claims_with_quotes_offsets_and_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("story.txt");
    fs::write(&file, ARTICLE).unwrap();
    let out = sandline().arg("ingest").arg(&file).assert().success().get_output().clone();
    let header = csv::Reader::from_reader(out.stdout.as_slice()).headers().unwrap().clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        [
            "id",
            "place",
            "faction",
            "action",
            "date",
            "source",
            "quote",
            "claimed_by",
            "note",
            "confidence",
            "start",
            "end",
            "source_file"
        ]
    );
    let rows = rows(&out.stdout);
    let got: Vec<(&str, &str, &str, &str, &str)> =
        rows.iter().map(|r| (&r[1], &r[2], &r[3], &r[4], &r[7])).collect();
    assert_eq!(
        got,
        [("waddan", "lna", "captured", "2017-06-03", "lna"), ("hun", "bdb", "withdrew", "2017-06-03", "")]
    );
    for r in &rows {
        let (start, end): (usize, usize) = (r[10].parse().unwrap(), r[11].parse().unwrap());
        let quoted: String = ARTICLE.chars().skip(start).take(end - start).collect();
        assert_eq!(quoted, &r[6]);
        assert!(r[0].starts_with('c') && !r[5].is_empty());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("published 2017-06-04 (from the text: \"June 4, 2017\")"), "{stderr}");
}

#[test]
fn the_seeds_are_proposed_with_their_known_sources() {
    let out = sandline()
        .arg("ingest")
        .arg(seeds().join("000_1f3c49f2a74e02c1.txt"))
        .assert()
        .success()
        .get_output()
        .clone();
    let rows = rows(&out.stdout);
    assert!(rows.iter().any(|r| &r[1] == "sawkna" && &r[3] == "captured" && &r[4] == "2017-06-02"));
    assert!(rows.iter().all(|r| &r[5] == "tna-2017-06-03"));
}

#[test]
fn without_a_date_claims_are_unresolved_and_the_exit_is_1() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("undated.txt");
    fs::write(&file, "Haftar's forces captured the town of Hun on Friday.\n").unwrap();
    let out = sandline()
        .arg("ingest")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no publication date"))
        .get_output()
        .clone();
    let rows = rows(&out.stdout);
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][4], "");
    sandline().arg("ingest").arg(&file).args(["--published", "2017-06-03"]).assert().success();
}

#[test]
fn names_that_do_not_geocode_are_listed_with_suggestions() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a.txt");
    fs::write(
        &file,
        "June 4, 2017\nThe LNA seized the town of Wadan and the town of Qasr Zzyzx on Saturday.\n",
    )
    .unwrap();
    sandline()
        .arg("ingest")
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"Qasr Zzyzx\" looks like a place but is not in the gazetteer"));
}

#[test]
fn bad_input_gets_one_clear_line_and_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", vec![], "is empty"),
        ("blank.txt", b"\n \n".to_vec(), "only white space"),
        ("binary.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00".to_vec(), "binary"),
        ("latin1.txt", b"Forces entered Sirte \xe0 midi.".to_vec(), "not UTF-8"),
    ];
    for (name, bytes, message) in cases {
        let file = tmp.path().join(name);
        fs::write(&file, bytes).unwrap();
        sandline()
            .arg("ingest")
            .arg(&file)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message).and(predicate::str::contains("panicked").not()));
    }
    let big = tmp.path().join("big.txt");
    let f = fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    sandline().arg("ingest").arg(&big).assert().code(2).stderr(predicate::str::contains("50.0 MB"));
    sandline()
        .arg("ingest")
        .arg(tmp.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn an_article_with_no_places_proposes_nothing_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("none.txt");
    fs::write(&file, "June 4, 2017\nThe weather was fine and nobody went anywhere.\n").unwrap();
    sandline()
        .arg("ingest")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("no place names found"));
}

#[test]
fn merge_needs_a_data_directory() {
    sandline()
        .arg("ingest")
        .arg(seeds().join("000_1f3c49f2a74e02c1.txt"))
        .arg("--merge")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--merge needs --data DIR"));
}

/// A copy of the built-in dataset (data/ and seeds/ side by side) in a temporary directory.
fn copy_dataset(to: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["data", "data/gazetteer", "seeds"] {
        fs::create_dir_all(to.join(dir)).unwrap();
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                fs::copy(entry.path(), to.join(dir).join(entry.file_name())).unwrap();
            }
        }
    }
    to.join("data")
}

#[test]
fn merge_appends_new_claims_once_and_the_data_stays_valid() {
    let tmp = tempfile::tempdir().unwrap();
    let data = copy_dataset(tmp.path());
    let before = fs::read_to_string(data.join("claims.csv")).unwrap();
    let sources_before = fs::read_to_string(data.join("sources.csv")).unwrap();
    let article = tmp.path().join("story.txt");
    fs::write(&article, ARTICLE).unwrap();

    sandline()
        .arg("ingest")
        .arg(&article)
        .arg(seeds().join("002_7d6992de6f8d2cf2.txt"))
        .args(["--outlet", "Test Wire", "--merge", "--data"])
        .arg(&data)
        .assert()
        .success()
        .stderr(predicate::str::contains("claim(s) added (c064.."));
    let after = fs::read_to_string(data.join("claims.csv")).unwrap();
    assert!(after.starts_with(&before), "existing rows must stay as they were");
    assert!(after.contains("c064,waddan,lna,captured,2017-06-03,test-wire-2017-06-04-story,"), "{after}");
    let sources = fs::read_to_string(data.join("sources.csv")).unwrap();
    assert!(sources.starts_with(&sources_before));
    assert!(sources.contains(
        "test-wire-2017-06-04-story,articles/story.txt,Haftar forces seize town,Test Wire,2017-06-04"
    ));
    assert_eq!(fs::read(data.join("articles/story.txt")).unwrap(), ARTICLE.as_bytes());
    sandline().args(["validate", "--data"]).arg(&data).assert().success();

    // Again: everything is already there.
    sandline()
        .arg("ingest")
        .arg(&article)
        .args(["--merge", "--data"])
        .arg(&data)
        .assert()
        .success()
        .stderr(predicate::str::contains("merged: 0 claim(s) added"));
    assert_eq!(fs::read_to_string(data.join("claims.csv")).unwrap(), after);
    let leftovers = fs::read_dir(&data)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"));
    assert_eq!(leftovers.count(), 0);
}
