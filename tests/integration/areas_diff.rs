//! What changed between two dates: the places that changed hands with their claims, and the
//! land each side gained and lost.

use chrono::NaiveDate;
use geo::{Contains, Point};
use sandline::areas::project::mercator;
use sandline::areas::{AreaCache, DiffError, changed_hands, diff};
use sandline::dataset::{DataDir, Dataset, load};
use std::sync::OnceLock;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn seeds() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| load(&DataDir::seed_fixture()).unwrap().dataset)
}

/// (place id, from id, to id, date, claim ids) of each row.
fn rows(from: &str, to: &str) -> Vec<(String, String, String, String, Vec<String>)> {
    let data = seeds();
    let id = |h: Option<u32>| h.map_or(String::new(), |f| data.faction(f).id.clone());
    changed_hands(data, day(from), day(to))
        .unwrap()
        .into_iter()
        .map(|r| {
            let claims = r.claims.iter().map(|&c| data.claims[c as usize].id.to_string()).collect();
            (data.place(r.place).id.clone(), id(r.from), id(r.to), r.date.to_string(), claims)
        })
        .collect()
}

#[test]
fn the_june_2017_changes_and_nothing_else() {
    let got = rows("2017-06-01", "2017-06-04");
    let places: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(places, ["jufra", "hun", "sawkna", "waddan", "jufra-airbase", "sebha-region"]);
    let waddan = got.iter().find(|r| r.0 == "waddan").unwrap();
    assert_eq!((waddan.1.as_str(), waddan.2.as_str(), waddan.3.as_str()), ("bdb", "lna", "2017-06-02"));
    assert_eq!(waddan.4, ["c002", "c020"]);
    let airbase = got.iter().find(|r| r.0 == "jufra-airbase").unwrap();
    assert_eq!((airbase.1.as_str(), airbase.2.as_str(), airbase.3.as_str()), ("", "lna", "2017-06-03"));
}

#[test]
fn the_first_day_is_the_state_compared_against_and_the_last_counts() {
    // (from, to, places): a change on `from` is already in the first state; one on `to` counts.
    let cases = [
        ("2017-06-02", "2017-06-04", vec!["jufra-airbase", "sebha-region"]),
        ("2017-06-01", "2017-06-02", vec!["jufra", "hun", "sawkna", "waddan"]),
        ("2017-06-04", "2017-06-04", vec![]),
        ("2017-06-05", "2018-01-01", vec![]),
    ];
    for (from, to, want) in cases {
        let got: Vec<String> = rows(from, to).into_iter().map(|r| r.0).collect();
        assert_eq!(got, want, "{from} to {to}");
    }
}

#[test]
fn a_place_that_changed_hands_twice_shows_both_changes() {
    // Waddan was unknown before June 2017, the BDB's from 1 June and the LNA's from 2 June.
    let data = seeds();
    let rows = changed_hands(data, day("2017-05-01"), day("2017-06-04")).unwrap();
    let waddan = rows.iter().find(|r| data.place(r.place).id == "waddan").unwrap();
    assert_eq!(waddan.from, None);
    assert_eq!(waddan.changes.len(), 2);
    assert_eq!(waddan.changes[0].to, data.faction_ix("bdb"));
    assert_eq!(waddan.changes[1].to, data.faction_ix("lna"));
}

#[test]
fn dates_the_wrong_way_round_are_an_error() {
    let err = changed_hands(seeds(), day("2017-06-04"), day("2017-06-01")).unwrap_err();
    assert_eq!(err, DiffError::Reversed { from: day("2017-06-04"), to: day("2017-06-01") });
    assert!(err.to_string().contains("2017-06-04"));
}

#[test]
fn the_lna_gains_the_jufra_land_the_bdb_lose() {
    let data = seeds();
    let d = diff(data, day("2017-06-01"), day("2017-06-04"), &mut AreaCache::default()).unwrap();
    assert_eq!(d.rows.len(), 6);
    let (lna, bdb) = (data.faction_ix("lna").unwrap(), data.faction_ix("bdb").unwrap());
    let waddan = data.place(data.place_ix("waddan").unwrap());
    let [x, y] = mercator(waddan.lon, waddan.lat);
    let at = Point::new(x, y);
    let change = |f| d.areas.iter().find(|a| a.faction == f).unwrap();
    assert!(change(lna).gained.mercator.contains(&at));
    assert!(change(lna).lost.is_empty());
    assert!(change(bdb).lost.mercator.contains(&at));
    assert!(change(bdb).gained.is_empty());
    // The LNA took more land than the BDB lost: the air base, Jufra and the Sebha region too.
    assert!(change(lna).gained.area_km2() > change(bdb).lost.area_km2() + 1000.0);
    assert_eq!(d.areas.len(), 2, "no other side's land changed");
    assert!(!change(lna).gained.triangles().indices.is_empty());
}
