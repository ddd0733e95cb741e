//! `sandline state --format geojson`: places, areas and front lines as valid GeoJSON.

use assert_cmd::Command;
use geojson::{FeatureCollection, GeoJson, GeometryValue as Value};

/// The frozen seed-only dataset: these checks are of the seed moments, not of the growing war.
const SEED_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed-dataset");

fn collection(date: &str) -> FeatureCollection {
    collection_with(date, &[])
}

fn collection_with(date: &str, extra: &[&str]) -> FeatureCollection {
    let out = Command::cargo_bin("sandline")
        .unwrap()
        .args(["state", "--date", date, "--format", "geojson", "--data", SEED_DATA])
        .args(extra)
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    match text.parse::<GeoJson>() {
        Ok(GeoJson::FeatureCollection(fc)) => fc,
        other => panic!("not a FeatureCollection: {other:?}"),
    }
}

fn layer<'a>(fc: &'a FeatureCollection, name: &str) -> Vec<&'a geojson::Feature> {
    fc.features.iter().filter(|f| f.property("layer").and_then(|v| v.as_str()) == Some(name)).collect()
}

fn str_prop<'a>(f: &'a geojson::Feature, key: &str) -> Option<&'a str> {
    f.property(key).and_then(|v| v.as_str())
}

#[test]
fn places_are_points_with_their_holder_and_claims() {
    let fc = collection("2017-06-03");
    let places = layer(&fc, "place");
    assert_eq!(places.len(), 19, "every tracked place");
    let waddan = places.iter().find(|f| str_prop(f, "id") == Some("waddan")).unwrap();
    assert!(
        matches!(&waddan.geometry.as_ref().unwrap().value, Value::Point { coordinates: p } if (p[0] - 16.139).abs() < 0.01 && (p[1] - 29.161).abs() < 0.01)
    );
    for (key, want) in [
        ("name", "Waddan"),
        ("kind", "town"),
        ("faction", "lna"),
        ("status", "held"),
        ("since", "2017-06-02"),
    ] {
        assert_eq!(str_prop(waddan, key), Some(want), "{key}");
    }
    assert_eq!(waddan.property("claims"), Some(&serde_json::json!(["c002", "c020"])));
    let unknown = places.iter().find(|f| str_prop(f, "id") == Some("benghazi")).unwrap();
    assert_eq!(unknown.property("faction"), Some(&serde_json::Value::Null));
    assert_eq!(str_prop(unknown, "status"), Some("unknown"));
}

#[test]
fn areas_are_polygons_inside_libya_with_faction_status_places_and_claims() {
    let fc = collection("2017-06-03");
    let areas = layer(&fc, "area");
    assert!(!areas.is_empty());
    for area in &areas {
        let Some(Value::MultiPolygon { coordinates: polygons }) = area.geometry.as_ref().map(|g| &g.value)
        else {
            panic!("not a MultiPolygon: {area:?}")
        };
        for c in polygons.iter().flatten().flatten() {
            assert!((9.2..=25.2).contains(&c[0]) && (19.4..=33.2).contains(&c[1]), "{c:?}");
        }
        for key in ["status", "since"] {
            assert!(str_prop(area, key).is_some(), "{key}: {area:?}");
        }
        assert!(area.property("places").and_then(|v| v.as_array()).is_some_and(|p| !p.is_empty()));
        assert!(area.property("claims").and_then(|v| v.as_array()).is_some_and(|c| !c.is_empty()));
    }
    let lna_held = areas
        .iter()
        .find(|a| str_prop(a, "faction") == Some("lna") && str_prop(a, "status") == Some("held"))
        .unwrap();
    let places = lna_held.property("places").unwrap().as_array().unwrap();
    assert!(places.contains(&serde_json::json!("waddan")), "{places:?}");
    assert!(
        !layer(&fc, "area").iter().any(|a| str_prop(a, "status") == Some("unknown")),
        "unknown leaves land bare"
    );
}

#[test]
fn front_lines_name_both_sides() {
    let fc = collection("2020-06-02");
    let fronts = layer(&fc, "front");
    let lna_gna = fronts
        .iter()
        .find(|f| f.property("factions") == Some(&serde_json::json!(["lna", "gna"])))
        .expect("the LNA and the GNA meet south of Tripoli");
    assert!(matches!(lna_gna.geometry.as_ref().unwrap().value, Value::MultiLineString { .. }));
}

#[test]
fn before_any_claim_there_are_places_but_no_areas() {
    let fc = collection("2010-01-01");
    assert_eq!(layer(&fc, "place").len(), 19);
    assert!(layer(&fc, "area").is_empty() && layer(&fc, "front").is_empty());
}

/// The km² of the LNA's held land on 3 June 2017.
fn lna_held_km2(fc: &FeatureCollection) -> f64 {
    layer(fc, "area")
        .iter()
        .find(|a| str_prop(a, "faction") == Some("lna") && str_prop(a, "status") == Some("held"))
        .and_then(|a| a.property("area_km2"))
        .and_then(|v| v.as_f64())
        .expect("the LNA holds land")
}

#[test]
fn the_reach_of_a_kind_is_settable_and_bad_ones_are_refused() {
    let default = lna_held_km2(&collection("2017-06-03"));
    let wider =
        lna_held_km2(&collection_with("2017-06-03", &["--reach", "town=60", "--reach", "region=150"]));
    assert!(wider > default * 1.5, "{wider} km² against {default} km²");
    for (bad, says) in [("village=10", "unknown kind"), ("town=-1", "out of range"), ("town", "KIND=KM")] {
        let out = Command::cargo_bin("sandline")
            .unwrap()
            .args(["state", "--date", "2017-06-03", "--format", "geojson", "--reach", bad])
            .assert()
            .code(2);
        let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        assert!(err.contains(says), "{bad}: {err}");
    }
}
