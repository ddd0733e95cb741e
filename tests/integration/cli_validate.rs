//! `sandline validate` through the binary, as a user runs it.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn sandline() -> Command {
    Command::cargo_bin("sandline").unwrap()
}

/// A small dataset directory with one article; each test breaks it in its own way.
fn write_dataset(dir: &Path, claims: &str) {
    fs::create_dir_all(dir.join("articles")).unwrap();
    fs::write(
        dir.join("articles/a.txt"),
        "Title\n03 June, 2017\nHis forces had captured the towns of Waddan and Hun on Friday.\nThe base is still\u{a0}under the control of the BDB.\n",
    )
    .unwrap();
    fs::write(
        dir.join("sources.csv"),
        "id,file,title,outlet,published,url,date_note\na,articles/a.txt,Title,Outlet,2017-06-03,,\n",
    )
    .unwrap();
    fs::write(
        dir.join("factions.csv"),
        "id,name,color,aliases\nlna,LNA,#d55e00,Haftar's forces\nbdb,BDB,#009e73,Benghazi Defence Brigades\n",
    )
    .unwrap();
    fs::write(
        dir.join("places.csv"),
        "id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\n\
         waddan,Waddan,,29.1614,16.13904,town,test,2\n\
         hun,Hun,Houn,29.12684,15.94772,town,test,2\n\
         base,Jufra air base,,29.1981,16.001,airbase,test,3\n",
    )
    .unwrap();
    fs::write(dir.join("claims.csv"), claims).unwrap();
}

const HEADER: &str = "id,place,faction,action,date,source,quote,claimed_by,note\n";

fn good_claims() -> String {
    format!(
        "{HEADER}c1,waddan,lna,captured,2017-06-02,a,His forces had captured the towns of Waddan and Hun on Friday.,lna,\n\
         c2,base,bdb,holds,2017-06-03,a,The base is still under the control of the BDB.,,\n"
    )
}

#[test]
fn the_shipped_dataset_is_clean() {
    sandline().arg("validate").assert().success().stdout("");
}

#[test]
fn a_clean_directory_passes_and_a_quote_may_span_a_no_break_space() {
    let tmp = tempfile::tempdir().unwrap();
    write_dataset(tmp.path(), &good_claims());
    sandline().args(["validate", "--data"]).arg(tmp.path()).assert().success().stdout("");
}

#[test]
fn every_problem_is_reported_with_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let claims = format!(
        "{HEADER}c1,wadan,lna,captured,2017-06-02,a,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c2,hun,Haftar's forces,captured,2017-06-02,a,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c3,hun,lna,captured,2017-02-30,a,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c4,hun,lna,captured,2017-06-02,a,His forces captured Hun.,,\n\
         c1,hun,lna,captured,2017-06-02,a,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c6,hun,lna,seized,2017-06-02,a,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c7,hun,lna,captured,2017-06-02,b,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c8,hun,lna,captured,2017-07-01,a,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c9,hun,lna,captured,2017-06-02,a,,,\n\
         c10,base,bdb,holds,2017-06-03,a,The base is still under the control of the BDB.,,\n"
    );
    write_dataset(tmp.path(), &claims);
    fs::write(
        tmp.path().join("places.csv"),
        "id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\n\
         waddan,Waddan,,29.1614,16.1,town,test,2\n\
         hun,Hun,,29.1,16.0,town,test,2\n\
         hun,Hun again,,29.1,16.0,town,test,2\n\
         base,Jufra air base,,NaN,16.001,airbase,test,3\n",
    )
    .unwrap();
    fs::write(
        tmp.path().join("factions.csv"),
        "id,name,color,aliases\nlna,LNA,#d55e0,Haftar's forces\nbdb,BDB,#009e73,\n",
    )
    .unwrap();
    let claims_csv = tmp.path().join("claims.csv").display().to_string();
    let places_csv = tmp.path().join("places.csv").display().to_string();
    let factions_csv = tmp.path().join("factions.csv").display().to_string();
    let expected = [
        format!("{places_csv}:5: lat: 'NaN' is not a number of degrees"),
        format!("{places_csv}:4: id: duplicate id 'hun' (first at line 3)"),
        format!("{factions_csv}:2: color: '#d55e0' is not a colour: write #RRGGBB"),
        format!("{claims_csv}:2: place: unknown place 'wadan' (did you mean 'waddan'?)"),
        format!("{claims_csv}:3: faction: unknown faction 'Haftar's forces' (did you mean 'lna'?)"),
        format!("{claims_csv}:4: date: '2017-02-30' is not a day of the calendar"),
        format!("{claims_csv}:5: quote: not found verbatim in articles/a.txt"),
        format!("{claims_csv}:6: id: duplicate id 'c1' (first at line 2)"),
        format!(
            "{claims_csv}:7: action: unknown action 'seized': use captured, holds, withdrew, contested or besieged"
        ),
        format!("{claims_csv}:8: source: unknown source 'b'"),
        format!("{claims_csv}:9: date: 2017-07-01 is after its source was published (2017-06-03)"),
        format!("{claims_csv}:10: note: a claim without a quote needs a note saying what its source reports"),
        format!("{claims_csv}:11: place: place 'base' was left out for a problem at {places_csv}:5"),
    ];
    let out =
        sandline().args(["validate", "--data"]).arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, expected.iter().map(String::as_str).collect::<Vec<_>>(), "full output:\n{out}");
}

#[test]
fn missing_files_columns_and_non_utf8_are_problems_not_crashes() {
    let tmp = tempfile::tempdir().unwrap();
    write_dataset(tmp.path(), &good_claims());
    fs::remove_file(tmp.path().join("factions.csv")).unwrap();
    fs::write(tmp.path().join("places.csv"), "id,name,lat,lon\nx,X,1,1\n").unwrap();
    fs::write(
        tmp.path().join("sources.csv"),
        b"id,file,title,outlet,published,url,date_note\na,articles/a.txt,T\xe9l\xe9,O,2017-06-03,,\n",
    )
    .unwrap();
    let out =
        sandline().args(["validate", "--data"]).arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    for expected in [
        "places.csv:1: aliases: missing column",
        "places.csv:1: kind: missing column",
        "factions.csv: file is missing",
        "sources.csv: file is not UTF-8 text; save it as UTF-8",
        "sources.csv:2: title: not UTF-8 text",
    ] {
        assert!(out.contains(expected), "expected {expected:?} in:\n{out}");
    }
}

#[test]
fn an_unreadable_directory_exits_2_with_one_clear_line() {
    let assert = sandline().args(["validate", "--data", "/no/such/dir"]).assert().code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot read the data directory /no/such/dir"), "{stderr}");
}

#[test]
fn cited_sources_carry_notes_and_quoted_ones_carry_sentences() {
    let tmp = tempfile::tempdir().unwrap();
    let claims = format!(
        "{HEADER}c1,waddan,lna,captured,2017-06-02,a,His forces had captured the towns of Waddan and Hun on Friday.,lna,\n\
         c2,hun,lna,captured,2017-06-02,w,,,The wire reports that the LNA took Hun on Friday 2 June 2017.\n\
         c3,hun,lna,holds,2017-06-03,w,His forces had captured the towns of Waddan and Hun on Friday.,,\n\
         c4,hun,lna,holds,2017-06-03,w,,,\n\
         c5,waddan,lna,holds,2017-06-03,a,,,The article says the LNA was in Waddan the next day.\n"
    );
    write_dataset(tmp.path(), &claims);
    fs::write(
        tmp.path().join("sources.csv"),
        "id,file,title,outlet,published,url,date_note\n\
         a,articles/a.txt,Title,Outlet,2017-06-03,,\n\
         w,,A wire report on the Jufra towns,Wire,2017-06-03,https://example.org/jufra,\n\
         n,,Neither text nor address,Wire,2017-06-03,,\n",
    )
    .unwrap();
    let shown = |f: &str| tmp.path().join(f).display().to_string();
    let (sources, claims_csv) = (shown("sources.csv"), shown("claims.csv"));
    let expected = [
        format!("{sources}:4: file: a source needs a file (its text) or a url (where it was read)"),
        format!(
            "{claims_csv}:4: quote: source 'w' is cited, not held: leave the quote empty and say in the note what it reports"
        ),
        format!("{claims_csv}:5: note: a claim without a quote needs a note saying what its source reports"),
    ];
    let out =
        sandline().args(["validate", "--data"]).arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().collect::<Vec<_>>(), expected.iter().map(String::as_str).collect::<Vec<_>>());
    // c2 (cited, with a note) and c5 (a held source's claim may also be cited) load.
    let state = sandline()
        .args(["state", "--date", "2017-06-04", "--data"])
        .arg(tmp.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let state = String::from_utf8(state).unwrap();
    assert!(
        state.lines().any(|l| l.starts_with("hun,") && l.contains(",c2,cited,2017-06-02,false")),
        "{state}"
    );
}

#[test]
fn a_bad_field_after_a_multi_line_note_names_its_own_line_in_crlf_files_with_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        HEADER.trim_end(),
        "c1,waddan,lna,captured,2017-06-02,a,,,\"The outlet says the LNA took the town;\nthe note runs over two lines.\"",
        "c2,hun,lna,captured,2017-02-30,a,,,The outlet says the LNA took Hun.",
    ];
    let claims = format!("\u{feff}{}\r\n", rows.join("\r\n"));
    write_dataset(dir.path(), &claims);
    let out = sandline().args(["validate", "--data"]).arg(dir.path()).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    // The header is line 1, c1 takes lines 2 and 3, so c2 is on line 4.
    assert!(stdout.contains("claims.csv:4: date: '2017-02-30' is not a day of the calendar"), "{stdout}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
}

#[test]
fn a_claim_whose_source_was_left_out_points_at_that_sources_problem() {
    let dir = tempfile::tempdir().unwrap();
    let claims =
        format!("{HEADER}c1,waddan,lna,captured,2017-06-02,a,,,The outlet says the LNA took the town.\n");
    write_dataset(dir.path(), &claims);
    fs::write(
        dir.path().join("sources.csv"),
        "id,file,title,outlet,published,url,date_note\na,articles/a.txt,Title,Outlet,2017-06-33,,\n",
    )
    .unwrap();
    let out = sandline().args(["validate", "--data"]).arg(dir.path()).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("sources.csv:2: published:"), "{stdout}");
    assert!(stdout.contains("claims.csv:2: source: source 'a' was left out for a problem at "), "{stdout}");
    assert!(stdout.contains("sources.csv:2\n"), "{stdout}");
    assert!(!stdout.contains("unknown source") && !stdout.contains("did you mean"), "{stdout}");
}

#[test]
fn a_claim_whose_faction_was_left_out_points_at_that_factions_problem() {
    let dir = tempfile::tempdir().unwrap();
    let claims = format!(
        "{HEADER}c1,waddan,lna,captured,2017-06-02,a,,,The outlet says the LNA took the town.\n\
         c2,hun,bdb,holds,2017-06-01,a,,lna,The LNA says the BDB still held Hun.\n"
    );
    write_dataset(dir.path(), &claims);
    // The LNA's row has no name, so it is left out.
    fs::write(dir.path().join("factions.csv"), "id,name,color,aliases\nlna,,#d55e00,\nbdb,BDB,#009e73,\n")
        .unwrap();
    let out = sandline().args(["validate", "--data"]).arg(dir.path()).assert().code(1);
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("factions.csv:2: name: empty required field"), "{stdout}");
    for line in ["claims.csv:2: faction:", "claims.csv:3: claimed_by:"] {
        let wanted = format!("{line} faction 'lna' was left out for a problem at ");
        assert!(stdout.contains(&wanted), "{wanted}\n{stdout}");
    }
    assert!(stdout.contains("factions.csv:2\n"), "{stdout}");
    assert!(!stdout.contains("unknown faction") && !stdout.contains("did you mean"), "{stdout}");
}

#[test]
fn a_dataset_file_with_a_mistake_is_reported_at_its_line_and_the_rest_still_loads() {
    let tmp = tempfile::tempdir().unwrap();
    write_dataset(tmp.path(), &good_claims());
    fs::write(tmp.path().join("dataset.toml"), "region = \"Jufra\"\nbounds = [16.5, 29.0, 15.5, 29.3]\n")
        .unwrap();
    let out =
        sandline().args(["validate", "--data"]).arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let file = tmp.path().join("dataset.toml").display().to_string();
    assert!(out.contains(&format!("{file}:2: bounds: bounds [16.5, 29, 15.5, 29.3] are empty")), "{out}");
    assert_eq!(out.lines().count(), 1, "one problem: {out}");
}

#[test]
fn a_dataset_opens_on_its_own_places_and_is_titled_by_its_region() {
    let tmp = tempfile::tempdir().unwrap();
    write_dataset(tmp.path(), &good_claims());
    let loaded =
        sandline::dataset::load(&sandline::dataset::DataDir::Disk(tmp.path().to_path_buf())).unwrap();
    let [w, s, e, n] = loaded.dataset.frame();
    for p in loaded.dataset.tracked_places() {
        let place = loaded.dataset.place(*p);
        assert!(
            w < place.lon && place.lon < e && s < place.lat && place.lat < n,
            "{} in {w},{s},{e},{n}",
            place.name
        );
    }
    assert!(e - w < 2.0 && n - s < 2.0, "framed on the Jufra places, not on a country: {w},{s},{e},{n}");
    assert_eq!(loaded.dataset.meta().title(), "Control of territory");

    fs::write(tmp.path().join("dataset.toml"), "region = \"al-Jufra\"\n").unwrap();
    let loaded =
        sandline::dataset::load(&sandline::dataset::DataDir::Disk(tmp.path().to_path_buf())).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset.meta().title(), "Control of territory in al-Jufra");
    assert_eq!(loaded.dataset.frame(), [w, s, e, n], "no bounds given: still the places'");
}

#[test]
fn a_claim_may_quote_a_cell_of_an_event_file_the_dataset_holds() {
    let tmp = tempfile::tempdir().unwrap();
    write_dataset(tmp.path(), &good_claims());
    // An analyst's own event log, written here for the test; its notes carry quotation marks.
    fs::write(
        tmp.path().join("articles/events.csv"),
        "event,date,notes\r\ne1,2017-06-02,\"Residents said \"\"the army is in Hun\"\" by noon, and shops shut.\"\r\n",
    )
    .unwrap();
    let mut sources = fs::read_to_string(tmp.path().join("sources.csv")).unwrap();
    sources.push_str("log,articles/events.csv,My event log,Own notes,2017-06-03,,\n");
    fs::write(tmp.path().join("sources.csv"), sources).unwrap();
    let claims = format!(
        "{}c3,hun,lna,holds,2017-06-02,log,\"Residents said \"\"the army is in Hun\"\" by noon, and shops shut.\",,\n\
         c4,waddan,lna,holds,2017-06-02,log,Residents said the army is in Waddan.,,\n",
        good_claims()
    );
    fs::write(tmp.path().join("claims.csv"), claims).unwrap();
    let out =
        sandline().args(["validate", "--data"]).arg(tmp.path()).assert().code(1).get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 1, "the cell quoted word for word passes; the other does not: {out}");
    assert!(out.contains("claims.csv:5: quote: not found verbatim in articles/events.csv"), "{out}");
}
