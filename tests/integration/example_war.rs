//! The second war, `examples/iraq-syria-2014`: a dataset of another region that every command
//! opens with `--data`, framed on Iraq and Syria, its areas on their land, its holders those the
//! record gives at the war's turning points.

use assert_cmd::Command;
use sandline::dataset::{DataDir, Dataset, Summary, load};
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/iraq-syria-2014")
}

fn war() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let loaded = load(&DataDir::Disk(dir())).expect("the example loads");
        assert!(loaded.problems.is_empty(), "the example has problems: {:?}", loaded.problems);
        loaded.dataset
    })
}

/// (date, place, holder): the war's best-known moments, a day or more after each event.
const MOMENTS: &[(&str, &str, &str)] = &[
    ("2014-06-20", "mosul", "islamic-state"), // Mosul fell on 10 June 2014
    ("2014-06-20", "tikrit", "islamic-state"), // taken on 11 June 2014
    ("2015-02-15", "kobani", "sdf"),          // the YPG drove IS out in late January 2015
    ("2015-04-15", "tikrit", "iraqi-forces"), // retaken at the start of April 2015
    ("2015-06-15", "ramadi", "islamic-state"), // fell on 17 May 2015
    ("2015-06-15", "palmyra", "islamic-state"), // fell on 20-21 May 2015
    ("2016-01-15", "ramadi", "iraqi-forces"), // retaken at the end of December 2015
    ("2016-04-15", "palmyra", "syrian-government"), // retaken on 27 March 2016
    ("2016-07-15", "fallujah", "iraqi-forces"), // retaken in late June 2016
    ("2016-09-15", "manbij", "sdf"),          // taken by the SDF in August 2016
    ("2017-01-15", "palmyra", "islamic-state"), // retaken by IS on 11 December 2016
    ("2017-04-15", "palmyra", "syrian-government"), // retaken on 2 March 2017
    ("2017-08-15", "mosul", "iraqi-forces"),  // victory declared on 10 July 2017
    ("2017-11-15", "raqqa", "sdf"),           // taken by the SDF on 17 October 2017
];

#[test]
fn the_holders_at_the_wars_turning_points_are_the_records() {
    let d = war();
    let mut misses = Vec::new();
    for &(date, place, expected) in MOMENTS {
        let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
        let p = d.place_ix(place).unwrap_or_else(|| panic!("no place '{place}'"));
        let state = d.timeline.state_at(p, day);
        let got = state.holder.map_or("unknown", |h| d.faction(h).id.as_str());
        let contestant = state.status == sandline::model::Status::Contested
            && state.claims.iter().any(|&c| d.faction(d.claims[c as usize].faction).id == expected);
        if got != expected && !contestant {
            misses.push(format!("{date} {place}: the map says {got}, the record {expected}"));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn it_is_big_enough_to_prove_the_point_and_every_claim_is_cited() {
    let d = war();
    let summary = Summary::of(d);
    assert!(summary.tracked_places >= 30, "{summary:?}");
    assert!(d.claims.len() >= 80);
    assert!(d.claims.iter().all(|c| c.quote.is_empty() && !c.note.trim().is_empty()), "cited, with notes");
    assert!(d.sources.iter().all(|s| !s.is_held() && s.url.starts_with("http")));
    let countries = d.region_countries();
    assert_eq!(countries, ["Iraq", "Syria"]);
}

#[test]
fn it_opens_framed_on_its_region_and_its_areas_stay_on_its_land() {
    let d = war();
    let (lon, lat) = d.frame_center();
    assert!((38.0..45.0).contains(&lon) && (32.0..37.0).contains(&lat), "{lon}, {lat}");
    let out = Command::cargo_bin("sandline")
        .unwrap()
        .args(["state", "--format", "geojson", "--date", "2015-06-01", "--data"])
        .arg(dir())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut points = 0;
    let mut visit = |v: &serde_json::Value| {
        if let Some([x, y]) = v.as_array().map(Vec::as_slice)
            && let (Some(x), Some(y)) = (x.as_f64(), y.as_f64())
        {
            points += 1;
            assert!(
                (35.0..49.0).contains(&x) && (29.0..37.5).contains(&y),
                "({x}, {y}) is off Iraq and Syria"
            );
        }
    };
    fn walk(v: &serde_json::Value, visit: &mut dyn FnMut(&serde_json::Value)) {
        visit(v);
        match v {
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, visit)),
            serde_json::Value::Object(map) => map.values().for_each(|i| walk(i, visit)),
            _ => {}
        }
    }
    walk(&json, &mut visit);
    assert!(points > 100, "the areas have {points} points");
}
