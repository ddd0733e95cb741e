//! The review desk, driven as a user drives it: an article opened, proposals accepted, edited and
//! rejected, the map changing at once, and the rows found in claims.csv; and a viewer killed in
//! the middle of a review losing nothing it had accepted.

use crate::common::{settle, viewer};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use sandline::dataset::{DataDir, load};
use sandline::gui::{Action, SandlineApp};
use std::fs;
use std::path::{Path, PathBuf};

/// An article written for this test (invented, in a wire report's manner).
const ARTICLE: &str = "Oasis towns change hands again\n\
BENGHAZI, 20 June 2017 - The Benghazi Defence Brigades recaptured Hun on Monday, residents said.\n\
The Benghazi Defence Brigades also took Waddan on Sunday after a day of fighting.\n\
The Libyan National Army said on Monday that it still controlled Sawkna.\n";

/// A dataset folder of the user's (the seed fixture's tables, its articles inside it) and the
/// article to review, outside it.
fn setup(root: &Path) -> (PathBuf, PathBuf) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-dataset");
    let dir = root.join("war");
    fs::create_dir_all(dir.join("gazetteer")).unwrap();
    fs::create_dir_all(dir.join("seeds")).unwrap();
    for f in [
        "claims.csv",
        "factions.csv",
        "places.csv",
        "dataset.toml",
        "gazetteer/geonames.csv",
        "gazetteer/airfields.csv",
    ] {
        fs::copy(fixture.join(f), dir.join(f)).unwrap();
    }
    let sources =
        fs::read_to_string(fixture.join("sources.csv")).unwrap().replace("../../../seeds/", "seeds/");
    fs::write(dir.join("sources.csv"), sources).unwrap();
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join("seeds").join(entry.file_name())).unwrap();
    }
    let article = root.join("oasis.txt");
    fs::write(&article, ARTICLE).unwrap();
    (dir, article)
}

/// The number the legend gives for a side's places (a side holding none is not listed).
fn held_by(harness: &Harness<'_, SandlineApp>, side: &str) -> usize {
    let label = harness
        .query_all_by_label_contains(side)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(side) && l.ends_with(')'));
    label.map_or(0, |l| l.rsplit('(').next().unwrap().trim_end_matches(')').parse().unwrap())
}

fn claims_rows(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join("claims.csv")).unwrap().lines().skip(1).map(str::to_string).collect()
}

#[test]
fn an_article_reviewed_at_the_desk_changes_the_map_and_claims_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, article) = setup(tmp.path());
    let before = claims_rows(&dir).len();
    let mut harness = viewer(DataDir::Disk(dir.clone()), "2017-06-20");
    let (lna, bdb) =
        (held_by(&harness, "Libyan National Army"), held_by(&harness, "Benghazi Defence Brigades"));

    harness.state_mut().apply(Action::OpenArticle(article));
    harness.run_steps(2);
    harness.get_by_label("Review: oasis.txt");
    harness.get_by_label_contains("3 proposals: 0 accepted, 0 rejected, 3 to review");

    // Accept the first (Hun), as proposed.
    harness.get_all_by_label("Accept").next().unwrap().click();
    harness.run_steps(2);
    settle(&mut harness);
    harness.get_by_label_contains("accepted as c064");
    assert_eq!(held_by(&harness, "Libyan National Army"), lna - 1, "Hun is no longer the LNA's");
    assert_eq!(held_by(&harness, "Benghazi Defence Brigades"), bdb + 1);

    // Edit the second (Waddan): a day earlier; then accept it.
    let waddan_date = harness.get_all_by_role_and_label(Role::TextInput, "Date").nth(1).unwrap();
    waddan_date.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_all_by_role_and_label(Role::TextInput, "Date").nth(1).unwrap().type_text("2017-06-17");
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    harness.get_all_by_label("Accept").next().unwrap().click();
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(held_by(&harness, "Benghazi Defence Brigades"), bdb + 2, "and Waddan too");

    // Reject the third.
    harness.get_by_label("Reject").click();
    harness.run_steps(2);
    harness.get_by_label_contains("3 proposals: 2 accepted, 1 rejected, 0 to review");

    let rows = claims_rows(&dir);
    assert_eq!(rows.len(), before + 2, "{rows:#?}");
    assert!(rows[before].starts_with("c064,hun,bdb,captured,2017-06-19,"), "{}", rows[before]);
    assert!(rows[before + 1].starts_with("c065,waddan,bdb,captured,2017-06-17,"), "{}", rows[before + 1]);
    assert!(!rows.iter().any(|r| r.contains(",sawkna,lna,holds,")), "the rejected one is not written");
    let loaded = load(&DataDir::Disk(dir.clone())).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(dir.join("articles/oasis.txt").exists(), "the article is kept in the dataset");

    // Undo takes Waddan back out, and the map follows.
    harness.get_by_label("Undo last acceptance").click();
    harness.run_steps(2);
    settle(&mut harness);
    assert_eq!(claims_rows(&dir).len(), before + 1);
    assert_eq!(held_by(&harness, "Benghazi Defence Brigades"), bdb + 1);
}

/// Set in the child process of the kill test: where its dataset folder is.
const KILL_DIR: &str = "SANDLINE_TEST_REVIEW_KILL_DIR";

/// In the child: opens the review, accepts two proposals and is killed (no destructors, no
/// flushing, no saving of the view). In the parent's run, it does nothing.
#[test]
fn review_then_killed() {
    let Some(root) = std::env::var_os(KILL_DIR).map(PathBuf::from) else { return };
    let (dir, article) = (root.join("war"), root.join("oasis.txt"));
    let mut harness = viewer(DataDir::Disk(dir), "2017-06-20");
    harness.state_mut().apply(Action::OpenArticle(article));
    harness.run_steps(2);
    for _ in 0..2 {
        harness.get_all_by_label("Accept").next().unwrap().click();
        harness.run_steps(2);
    }
    std::process::abort();
}

#[test]
fn a_viewer_killed_mid_review_loses_no_accepted_claim() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, _) = setup(tmp.path());
    let before = claims_rows(&dir).len();
    let status = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "ui_review::review_then_killed", "--nocapture"])
        .env(KILL_DIR, tmp.path())
        .status()
        .unwrap();
    assert!(!status.success(), "the child was killed");
    let rows = claims_rows(&dir);
    assert_eq!(rows.len(), before + 2, "{rows:#?}");
    let loaded = load(&DataDir::Disk(dir.clone())).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Opened again, the two are shown as in the dataset and the third is proposed again.
    let mut harness = viewer(DataDir::Disk(dir), "2017-06-20");
    harness.state_mut().apply(Action::OpenArticle(tmp.path().join("oasis.txt")));
    harness.run_steps(2);
    harness.get_by_label_contains("3 proposals: 2 accepted, 0 rejected, 1 to review");
}

#[test]
fn a_place_is_edited_by_picking_among_the_gazetteers_suggestions() {
    let tmp = tempfile::tempdir().unwrap();
    let (dir, article) = setup(tmp.path());
    let mut harness = viewer(DataDir::Disk(dir), "2017-06-20");
    harness.state_mut().apply(Action::OpenArticle(article));
    harness.run_steps(2);
    let third = harness.get_all_by_role_and_label(Role::TextInput, "Place").nth(2).unwrap();
    third.focus();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_all_by_role_and_label(Role::TextInput, "Place").nth(2).unwrap().type_text("wadan");
    harness.run_steps(2);
    harness.get_by_label("Waddan (waddan)").click();
    harness.run_steps(2);
    let review = harness.state().review_desk().unwrap();
    assert_eq!(review.items[2].row.place, "waddan");
}
