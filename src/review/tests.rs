use super::*;
use crate::dataset::{DataDir, load};
use crate::model::PlaceKind;

/// An article written for these tests (invented, in the style of a wire report).
const ARTICLE: &str = "Desert towns change hands\n\
TRIPOLI, June 8, 2017 - Forces of the Libyan National Army captured the town of Hun on Tuesday \
after a short fight, a military spokesman said.\n\
The Libyan National Army also captured Waddan on Wednesday, residents said.\n\
Clashes went on near Sawkna on Thursday.\n\
Later that day the Libyan National Army took the town of Qasr Zellaf.\n";

/// A dataset folder with the seed fixture's places, sides and gazetteer and no claims yet, and
/// the article outside it.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("war");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-dataset");
    std::fs::create_dir_all(dir.join("gazetteer")).unwrap();
    for file in
        ["places.csv", "factions.csv", "dataset.toml", "gazetteer/geonames.csv", "gazetteer/airfields.csv"]
    {
        std::fs::copy(from.join(file), dir.join(file)).unwrap();
    }
    std::fs::write(dir.join("claims.csv"), "id,place,faction,action,date,source,quote,claimed_by,note\n")
        .unwrap();
    std::fs::write(dir.join("sources.csv"), "id,file,title,outlet,published,url,date_note\n").unwrap();
    let article = tmp.path().join("desert-towns.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    (tmp, dir, article)
}

fn dataset(dir: &Path) -> Dataset {
    let loaded = load(&DataDir::Disk(dir.to_path_buf())).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.dataset
}

fn item_at(review: &Review, place: &str) -> usize {
    review
        .items
        .iter()
        .position(|i| i.row.place == place)
        .unwrap_or_else(|| panic!("no proposal for {place}"))
}

fn claims_csv(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("claims.csv")).unwrap()
}

#[test]
fn accepted_edited_and_rejected_proposals_reach_the_dataset_as_the_user_left_them() {
    let (_tmp, dir, article) = setup();
    let mut data = dataset(&dir);
    let mut review = Review::open(&data, &article, &Described::default()).unwrap();
    assert_eq!(review.published.map(|d| d.to_string()), Some("2017-06-08".into()));
    let hun = item_at(&review, "hun");

    assert_eq!(review.apply(&dir, &data, ReviewAction::Accept(hun)).unwrap(), Changed::Dataset);
    data = dataset(&dir);
    review.dataset_changed(&data);
    let waddan_row = &review.items[item_at(&review, "waddan")];
    assert_eq!(waddan_row.status, Status::Proposed);

    let waddan = item_at(&review, "waddan");
    review.apply(&dir, &data, ReviewAction::Edit(waddan, Field::Date, "2017-06-06".into())).unwrap();
    review.apply(&dir, &data, ReviewAction::Edit(waddan, Field::ClaimedBy, "lna".into())).unwrap();
    review.apply(&dir, &data, ReviewAction::Accept(waddan)).unwrap();
    data = dataset(&dir);
    review.dataset_changed(&data);
    if let Some(sawkna) = review.items.iter().position(|i| i.row.place == "sawkna") {
        review.apply(&dir, &data, ReviewAction::Reject(sawkna)).unwrap();
    }

    let csv = claims_csv(&dir);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(rows[0].starts_with("c001,hun,lna,captured,2017-06-06,"), "{csv}");
    assert!(rows[1].starts_with("c002,waddan,lna,captured,2017-06-06,"), "{csv}");
    assert!(rows[1].contains(",lna,"), "the claimant edited in: {csv}");
    assert!(!csv.contains("sawkna"), "{csv}");
    // The article is now a source of the dataset, copied into it.
    assert!(dir.join("articles/desert-towns.txt").exists());
    assert_eq!(data.sources.len(), 1);
    assert_eq!(data.claims.len(), 2);
}

#[test]
fn undo_takes_the_last_acceptance_back_out() {
    let (_tmp, dir, article) = setup();
    let mut data = dataset(&dir);
    let mut review = Review::open(&data, &article, &Described::default()).unwrap();
    assert!(!review.can_undo());
    for place in ["hun", "waddan"] {
        let k = item_at(&review, place);
        review.apply(&dir, &data, ReviewAction::Accept(k)).unwrap();
        data = dataset(&dir);
        review.dataset_changed(&data);
    }
    assert_eq!(review.apply(&dir, &data, ReviewAction::Undo).unwrap(), Changed::Dataset);
    let csv = claims_csv(&dir);
    assert!(csv.contains(",hun,") && !csv.contains(",waddan,"), "{csv}");
    assert_eq!(review.items[item_at(&review, "waddan")].status, Status::Proposed);
    review.apply(&dir, &data, ReviewAction::Undo).unwrap();
    assert_eq!(claims_csv(&dir).lines().count(), 1);
    assert!(matches!(review.apply(&dir, &data, ReviewAction::Undo), Err(ReviewError::NothingToUndo)));
}

#[test]
fn a_claim_that_does_not_check_out_is_refused_with_the_reasons() {
    let (_tmp, dir, article) = setup();
    let data = dataset(&dir);
    let mut review = Review::open(&data, &article, &Described::default()).unwrap();
    let hun = item_at(&review, "hun");
    review.apply(&dir, &data, ReviewAction::Edit(hun, Field::Place, "atlantis".into())).unwrap();
    review.apply(&dir, &data, ReviewAction::Edit(hun, Field::Date, "2017-07-01".into())).unwrap();
    let Err(ReviewError::Invalid(why)) = review.apply(&dir, &data, ReviewAction::Accept(hun)) else {
        panic!("accepted an unknown place")
    };
    assert_eq!(
        why,
        ["unknown place 'atlantis'", "2017-07-01 is after the article was published (2017-06-08)"]
    );
    assert_eq!(claims_csv(&dir).lines().count(), 1, "nothing written");
}

#[test]
fn opened_again_the_article_shows_what_is_already_in_the_dataset() {
    let (_tmp, dir, article) = setup();
    let data = dataset(&dir);
    let mut review = Review::open(&data, &article, &Described::default()).unwrap();
    let hun = item_at(&review, "hun");
    review.apply(&dir, &data, ReviewAction::Accept(hun)).unwrap();
    // The viewer was closed here; the article is opened again.
    let data = dataset(&dir);
    let again = Review::open(&data, &dir.join("articles/desert-towns.txt"), &Described::default()).unwrap();
    assert_eq!(again.items[item_at(&again, "hun")].status, Status::InDataset("c001".into()));
    assert_eq!(again.items[item_at(&again, "waddan")].status, Status::Proposed);
}

#[test]
fn a_place_added_from_the_map_is_read_in_the_article() {
    let (_tmp, dir, article) = setup();
    let data = dataset(&dir);
    let mut review = Review::open(&data, &article, &Described::default()).unwrap();
    assert!(review.unknown.iter().any(|u| u.name.contains("Zellaf")), "{:?}", review.unknown);
    let place = NewPlace {
        name: "Qasr Zellaf".into(),
        lat: 28.9,
        lon: 16.3,
        kind: PlaceKind::Town,
        coord_source: "picked on the map at the review desk".into(),
        coord_precision_km: 5.0,
    };
    assert_eq!(review.apply(&dir, &data, ReviewAction::AddPlace(place)).unwrap(), Changed::Dataset);
    let data = dataset(&dir);
    review.dataset_changed(&data);
    assert!(data.place_ix("qasr-zellaf").is_some());
    assert!(!review.unknown.iter().any(|u| u.name.contains("Zellaf")), "{:?}", review.unknown);
    let zellaf = item_at(&review, "qasr-zellaf");
    assert_eq!((&*review.items[zellaf].row.faction, &*review.items[zellaf].row.action), ("lna", "captured"));
}
