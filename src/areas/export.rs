//! Places, areas and front lines at a date as one GeoJSON FeatureCollection (lon/lat, WGS 84),
//! which QGIS opens as three layers. Every feature has a `layer` property: place, area or front.

use super::shapes::Areas;
use crate::dataset::Dataset;
use crate::model::{ControlState, EvidenceKind, FactionIx, Holder, PartialDate, PlaceIx, StaleAfter};
use chrono::NaiveDate;
use geo::{Coord, MapCoords};
use geojson::{Feature, FeatureCollection, JsonObject, JsonValue};
use serde_json::json;
use std::collections::HashMap;

/// The collection for `date`; `areas` must be the areas at that date.
pub fn feature_collection(
    dataset: &Dataset,
    date: NaiveDate,
    areas: &Areas,
    stale_after: StaleAfter,
) -> FeatureCollection {
    let states: Vec<(PlaceIx, ControlState)> =
        dataset.tracked_places().iter().map(|&p| (p, dataset.timeline.state_at(p, date))).collect();
    let index: HashMap<PlaceIx, usize> = states.iter().enumerate().map(|(i, (p, _))| (*p, i)).collect();
    let state_of = |p: PlaceIx| index.get(&p).map(|&i| &states[i].1);
    let mut features = Vec::new();
    for (p, state) in &states {
        let place = dataset.place(*p);
        let mut props = faction_props(dataset, state.holder);
        props.insert("layer".into(), json!("place"));
        props.insert("id".into(), json!(place.id));
        props.insert("name".into(), json!(place.name));
        props.insert("kind".into(), json!(place.kind.as_str()));
        props.insert("status".into(), json!(state.status.as_str()));
        props.insert("since".into(), json!(state.since.map(|d| d.to_string())));
        props.insert("uncertain".into(), json!(state.uncertain));
        props.insert("claims".into(), json!(dataset.claim_ids(&state.claims)));
        let evidence = dataset.evidence_kind(&state.claims);
        props.insert("evidence".into(), json!(evidence.map(EvidenceKind::as_str)));
        props.insert("last_evidence".into(), json!(state.last_evidence.map(|d| d.to_string())));
        props.insert("stale".into(), json!(stale_after.is_stale(state.last_evidence, date)));
        let point = geo::Point::new(round(place.lon), round(place.lat));
        features.push(feature(geojson::Geometry::from(&point), props));
    }
    for area in &areas.areas {
        let members: Vec<&ControlState> = area.places.iter().filter_map(|&p| state_of(p)).collect();
        let since: Option<PartialDate> = members.iter().filter_map(|s| s.since).max();
        let mut claims: Vec<u32> = members.iter().flat_map(|s| s.claims.iter().copied()).collect();
        claims.sort_unstable();
        claims.dedup();
        let mut props = faction_props(dataset, area.faction);
        props.insert("layer".into(), json!("area"));
        props.insert("status".into(), json!(area.status.as_str()));
        props.insert("stale".into(), json!(area.stale));
        let last = members.iter().filter_map(|s| s.last_evidence).max_by_key(|d| d.last_day());
        props.insert("last_evidence".into(), json!(last.map(|d| d.to_string())));
        let ids: Vec<&str> = area.places.iter().map(|&p| dataset.place(p).id.as_str()).collect();
        props.insert("places".into(), json!(ids));
        props.insert("since".into(), json!(since.map(|d| d.to_string())));
        props.insert("claims".into(), json!(dataset.claim_ids(&claims)));
        props.insert("area_km2".into(), json!(area.region.area_km2().round()));
        let shape = area.region.lonlat().map_coords(round_coord);
        features.push(feature(geojson::Geometry::from(&shape), props));
    }
    for front in &areas.fronts {
        let (a, b) = front.factions;
        let mut props = JsonObject::new();
        props.insert("layer".into(), json!("front"));
        props.insert("factions".into(), json!([faction_id(dataset, a), faction_id(dataset, b)]));
        props.insert("faction_names".into(), json!([short_name(dataset, a), short_name(dataset, b)]));
        let lines = front.lonlat().map_coords(round_coord);
        features.push(feature(geojson::Geometry::from(&lines), props));
    }
    FeatureCollection { bbox: None, features, foreign_members: None }
}

fn feature(geometry: geojson::Geometry, properties: JsonObject) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(geometry),
        id: None,
        properties: Some(properties),
        foreign_members: None,
    }
}

/// `faction`, `faction_name` and `color`; null for nobody known.
fn faction_props(dataset: &Dataset, holder: Holder) -> JsonObject {
    let mut props = JsonObject::new();
    let faction = holder.map(|f| dataset.faction(f));
    props.insert("faction".into(), json!(faction.map(|f| f.id.as_str())));
    props.insert("faction_name".into(), json!(faction.map(|f| f.short_name())));
    props.insert("color".into(), faction.map_or(JsonValue::Null, |f| json!(f.color.to_string())));
    props
}

fn faction_id(dataset: &Dataset, f: FactionIx) -> &str {
    &dataset.faction(f).id
}

fn short_name(dataset: &Dataset, f: FactionIx) -> &str {
    dataset.faction(f).short_name()
}

/// Six decimals of a degree: about 10 cm, far finer than any coordinate here.
fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn round_coord(c: Coord<f64>) -> Coord<f64> {
    Coord { x: round(c.x), y: round(c.y) }
}
