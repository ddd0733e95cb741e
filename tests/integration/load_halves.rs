//! A big claims.csv is read in two halves at once. Whatever its rows, what loads and what is
//! reported (each problem on the file's own line) must be exactly what reading it in one go gives.

use sandline::dataset::{DataDir, Loaded, load, load_in_one_go, synthetic};
use std::path::Path;

/// Claims enough for claims.csv to pass the size from which it is read in halves.
const CLAIMS: usize = 80_000;

fn problems(loaded: &Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
}

fn assert_halves_match_one_go(dir: &Path) -> Loaded {
    let data = DataDir::Disk(dir.to_path_buf());
    let halves = load(&data).unwrap();
    let whole = load_in_one_go(&data).unwrap();
    assert_eq!(problems(&halves), problems(&whole));
    assert_eq!(halves.dataset.claims.len(), whole.dataset.claims.len());
    assert!(halves.dataset.claims == whole.dataset.claims, "the same claims in the same order");
    let day = chrono::NaiveDate::from_ymd_opt(2017, 6, 3).unwrap();
    for &p in whole.dataset.tracked_places() {
        assert_eq!(halves.dataset.timeline.state_at(p, day), whole.dataset.timeline.state_at(p, day));
    }
    halves
}

/// The synthetic dataset's claims.csv, as lines, with `edit` applied.
fn write_with(dir: &Path, edit: impl FnOnce(&mut Vec<String>)) {
    synthetic::write(dir, 200, CLAIMS).unwrap();
    let path = dir.join("claims.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    edit(&mut lines);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 8 << 20, "big enough to be read in halves");
}

/// Sets field `field` (0-based) of the row on the file's line `line` (1-based).
fn set_field(lines: &mut [String], line: usize, field: usize, value: &str) {
    let mut fields: Vec<String> = lines[line - 1].split(',').map(str::to_string).collect();
    fields[field] = value.to_string();
    lines[line - 1] = fields.join(",");
}

fn id_on(lines: &[String], line: usize) -> String {
    lines[line - 1].split(',').next().unwrap().to_string()
}

#[test]
fn rows_and_problems_on_both_sides_of_the_middle_are_read_as_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    write_with(dir.path(), |lines| {
        let early = id_on(lines, 5);
        let late = id_on(lines, 75_000);
        set_field(lines, 70_000, 0, &early); // repeats an id of the first half in the second
        set_field(lines, 78_000, 0, &late); // repeats an id of the second half in it
        set_field(lines, 60_000, 4, "2017-02-30");
        set_field(lines, 20_000, 1, "nowhere");
        set_field(lines, 65_000, 1, "nowhere");
        lines[50_001] = format!("{},extra", lines[50_001]);
        set_field(lines, 66_000, 8, "\"a note\nover two lines\"");
    });
    let loaded = assert_halves_match_one_go(dir.path());
    let told = problems(&loaded);
    let claims_csv = dir.path().join("claims.csv").display().to_string();
    for want in [
        format!("{claims_csv}:70001: id: duplicate id 'c3' (first at line 5)"),
        format!("{claims_csv}:60000: date: '2017-02-30' is not a day of the calendar"),
        format!("{claims_csv}:20000: place: unknown place 'nowhere'"),
    ] {
        assert!(told.iter().any(|t| t.starts_with(&want)), "{want} in {told:#?}");
    }
    // The two-line note moves every later row down a line.
    assert!(
        told.iter().any(|t| t.starts_with(&format!("{claims_csv}:78001: id: duplicate id"))),
        "{told:#?}"
    );
    assert_eq!(loaded.dataset.claims.len(), CLAIMS - 5);
}

#[test]
fn a_quoted_field_over_the_middle_is_read_as_in_one_go() {
    let dir = tempfile::tempdir().unwrap();
    write_with(dir.path(), |lines| {
        // The row holding the middle byte gets a note of many lines, so that the first line
        // break past the middle lies inside its quotes.
        let total: usize = lines.iter().map(|l| l.len() + 1).sum();
        let mut at = 0;
        let middle_row = lines.iter().position(|l| {
            at += l.len() + 1;
            at > total / 2
        });
        let note = format!("\"{}\"", vec!["a line of the note"; 400].join("\n"));
        set_field(lines, middle_row.unwrap() + 1, 8, &note);
        set_field(lines, 79_000, 4, "June 2017");
    });
    let loaded = assert_halves_match_one_go(dir.path());
    assert_eq!(loaded.dataset.claims.len(), CLAIMS - 1, "{:#?}", problems(&loaded));
}
