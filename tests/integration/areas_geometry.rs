//! Areas of control and front lines: inside Libya, no gaps or overlaps between sides, capped
//! discs, unknown places keeping their share, and the cache.

use chrono::NaiveDate;
use geo::{Area as _, BooleanOps, Contains, Distance, Euclidean, Length, MultiPolygon, Point};
use sandline::areas::project::{km_to_units, mercator};
use sandline::areas::{AreaCache, AreaOptions, Areas, Land, Site, compute};
use sandline::dataset::{DataDir, Dataset, load, synthetic};
use sandline::model::{PlaceKind, Status};
use std::sync::{Arc, OnceLock};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn seeds() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| load(&DataDir::seed_fixture()).unwrap().dataset)
}

/// 1,500 random places over Libya and its neighbours, six sides, claims over 2014-2020.
fn synthetic_data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        synthetic::write(dir.path(), 1500, 15_000).unwrap();
        load(&DataDir::Disk(dir.path().to_path_buf())).unwrap().dataset
    })
}

/// Libya's land, which the seeds' areas are clipped to.
fn libya() -> &'static Land {
    seeds().land()
}

fn site(place: u32, lon: f64, lat: f64, kind: PlaceKind, holder: Option<u32>, status: Status) -> Site {
    Site { place, merc: mercator(lon, lat), lat, kind, holder, status, stale: false }
}

fn held(place: u32, lon: f64, lat: f64, holder: u32) -> Site {
    site(place, lon, lat, PlaceKind::Town, Some(holder), Status::Held)
}

fn point(lon: f64, lat: f64) -> Point<f64> {
    let [x, y] = mercator(lon, lat);
    Point::new(x, y)
}

/// Mercator units² to km² near a latitude.
fn km2(units2: f64, lat: f64) -> f64 {
    units2 / km_to_units(1.0, lat).powi(2)
}

fn every_case() -> Vec<(String, Arc<Areas>)> {
    let mut cache = AreaCache::default();
    let mut out = Vec::new();
    for date in ["2014-12-15", "2017-06-01", "2017-06-04", "2019-05-01", "2020-06-02"] {
        out.push((format!("seeds on {date}"), cache.areas_at(seeds(), day(date))));
    }
    cache.clear();
    for date in ["2016-01-01", "2020-12-31"] {
        out.push((format!("synthetic on {date}"), cache.areas_at(synthetic_data(), day(date))));
    }
    out
}

#[test]
fn areas_stay_inside_libyas_land() {
    let land = libya().polygon();
    for (case, areas) in every_case() {
        assert!(!areas.areas.is_empty(), "{case}: no areas");
        for area in &areas.areas {
            let outside = area.region.mercator.difference(land).unsigned_area();
            let total = area.region.mercator.unsigned_area();
            assert!(outside <= total * 1e-6, "{case}: {:?} has {outside} of {total} outside", area.faction);
        }
        for front in &areas.fronts {
            let outside = land.clip(&front.mercator, true);
            let length: f64 = outside.0.iter().map(|l| Euclidean.length(l)).sum();
            assert!(length < km_to_units(0.01, 30.0), "{case}: a front line leaves the land by {length}");
        }
    }
}

#[test]
fn sides_neither_overlap_nor_leave_gaps_between_them() {
    let land = libya().polygon();
    for (case, areas) in every_case() {
        let total: f64 = areas.areas.iter().map(|a| a.region.mercator.unsigned_area()).sum();
        for (i, a) in areas.areas.iter().enumerate() {
            for b in &areas.areas[i + 1..] {
                let overlap = a.region.mercator.intersection(&b.region.mercator).unsigned_area();
                assert!(
                    overlap <= total * 1e-9,
                    "{case}: {:?}/{:?} overlap by {overlap}",
                    a.faction,
                    b.faction
                );
            }
        }
        let known: Vec<_> =
            areas.cells.iter().filter(|c| c.status != Status::Unknown).map(|c| c.polygon.clone()).collect();
        let cells = geo::unary_union(&known).intersection(land);
        let union = geo::unary_union(areas.areas.iter().map(|a| &a.region.mercator));
        let gap = cells.xor(&union).unsigned_area();
        assert!(gap <= total * 1e-6, "{case}: areas and cells differ by {gap} of {total}");
    }
}

#[test]
fn a_place_alone_gets_a_disc_of_its_kinds_radius_clipped_to_land() {
    // (what, lon, lat, kind, share of the full disc that should remain: low..high)
    let cases = [
        ("a town in the desert near Sebha", 14.6, 26.5, PlaceKind::Town, 0.99, 1.0),
        ("an air base in the desert", 16.0, 28.0, PlaceKind::Airbase, 0.99, 1.0),
        ("a region in the desert", 18.0, 26.0, PlaceKind::Region, 0.99, 1.0),
        ("Tripoli, on the coast", 13.18733, 32.88743, PlaceKind::City, 0.3, 0.7),
        ("a town in the Gulf of Sidra", 18.0, 32.8, PlaceKind::Town, 0.0, 0.0),
        ("a town in Algeria, far from the border", 7.0, 28.0, PlaceKind::Town, 0.0, 0.0),
    ];
    let options = AreaOptions::default();
    for (what, lon, lat, kind, low, high) in cases {
        let areas = compute(&[site(0, lon, lat, kind, Some(0), Status::Held)], libya(), &options);
        let got: f64 = areas.areas.iter().map(|a| km2(a.region.mercator.unsigned_area(), lat)).sum();
        let disc = std::f64::consts::PI * options.radius_km(kind).powi(2);
        assert!(
            got >= disc * low - 1e-6 && got <= disc * high + 1e-6,
            "{what}: {got} km² of a {disc} km² disc"
        );
        if high > 0.0 {
            assert!(areas.areas[0].region.mercator.contains(&point(lon, lat)), "{what}: its own point");
        }
    }
}

#[test]
fn the_radius_of_a_kind_is_settable() {
    let alone = [site(0, 16.0, 28.0, PlaceKind::Airbase, Some(0), Status::Held)];
    let area = |options: &AreaOptions| {
        km2(compute(&alone, libya(), options).areas[0].region.mercator.unsigned_area(), 28.0)
    };
    let wider = AreaOptions::default().with_radius(PlaceKind::Airbase, 30.0);
    assert!(
        (area(&wider) / area(&AreaOptions::default()) - 4.0).abs() < 0.01,
        "twice the radius, four times the area"
    );
    let none = AreaOptions::default().with_radius(PlaceKind::Airbase, 0.0);
    assert!(compute(&alone, libya(), &none).areas.is_empty());
}

#[test]
fn an_unknown_neighbour_keeps_its_share_uncoloured() {
    // Two towns 20 km apart in the desert (0.2° of longitude at 28°N is about 19.6 km).
    let sites = [held(0, 16.0, 28.0, 1), site(1, 16.2, 28.0, PlaceKind::Town, None, Status::Unknown)];
    let areas = compute(&sites, libya(), &AreaOptions::default());
    assert_eq!(areas.areas.len(), 1, "unknown makes no area");
    let region = &areas.areas[0].region.mercator;
    assert!(region.contains(&point(15.95, 28.0)));
    assert!(!region.contains(&point(16.15, 28.0)), "nearer the unknown town");
    let disc = std::f64::consts::PI * 30.0_f64.powi(2);
    let share = km2(region.unsigned_area(), 28.0) / disc;
    assert!(share > 0.55 && share < 0.8, "{share}");
}

#[test]
fn contested_places_make_their_own_areas_with_their_holder_if_any() {
    let sites = [
        held(0, 14.0, 27.0, 1),
        site(1, 16.0, 27.0, PlaceKind::Town, Some(1), Status::Contested),
        site(2, 18.0, 27.0, PlaceKind::Town, None, Status::Contested),
        site(3, 20.0, 27.0, PlaceKind::Town, Some(1), Status::Claimed),
    ];
    let areas = compute(&sites, libya(), &AreaOptions::default());
    let got: Vec<(Option<u32>, Status, Vec<u32>)> =
        areas.areas.iter().map(|a| (a.faction, a.status, a.places.clone())).collect();
    assert_eq!(
        got,
        vec![
            (Some(1), Status::Held, vec![0]),
            (Some(1), Status::Claimed, vec![3]),
            (Some(1), Status::Contested, vec![1]),
            (None, Status::Contested, vec![2]),
        ]
    );
    let territory = areas.territory(1).unsigned_area();
    let three: f64 =
        areas.areas.iter().filter(|a| a.faction == Some(1)).map(|a| a.region.mercator.unsigned_area()).sum();
    assert!(
        (territory - three).abs() < three * 1e-6,
        "the territory is its three areas: {territory} vs {three}"
    );
}

#[test]
fn a_front_runs_where_two_sides_meet_and_nowhere_else() {
    // Two towns 30 km apart north-south in the desert: their discs overlap, so they meet along
    // the bisector for 2 x sqrt(30² - 15²) ≈ 52 km.
    let (a, b) = ((16.0, 28.0), (16.0, 28.0 + 30.0 / 110.9));
    let cases =
        [("two sides", Some(2), 1), ("one side", Some(1), 0), ("a side and an unknown place", None, 0)];
    for (name, other, fronts) in cases {
        let status = if other.is_some() { Status::Held } else { Status::Unknown };
        let sites = [held(0, a.0, a.1, 1), site(1, b.0, b.1, PlaceKind::Town, other, status)];
        let areas = compute(&sites, libya(), &AreaOptions::default());
        assert_eq!(areas.fronts.len(), fronts, "{name}");
        if let Some(front) = areas.fronts.first() {
            assert_eq!(front.factions, (1, 2));
            let length: f64 = front.mercator.0.iter().map(|l| Euclidean.length(l)).sum();
            let km = length / km_to_units(1.0, 28.135);
            assert!((km - 52.0).abs() < 2.0, "{name}: {km} km");
            for c in front.mercator.0.iter().flat_map(|l| l.0.iter()) {
                let p = Point::from(*c);
                let (da, db) =
                    (Euclidean.distance(p, point(a.0, a.1)), Euclidean.distance(p, point(b.0, b.1)));
                assert!((da - db).abs() < 1e-9, "{name}: off the bisector");
            }
        }
    }
}

#[test]
fn the_jufra_towns_change_colour_with_their_holder() {
    let data = seeds();
    let (bdb, lna) = (data.faction_ix("bdb").unwrap(), data.faction_ix("lna").unwrap());
    let waddan = data.place(data.place_ix("waddan").unwrap());
    let at = point(waddan.lon, waddan.lat);
    let mut cache = AreaCache::default();
    let before = cache.areas_at(data, day("2017-06-01"));
    let after = cache.areas_at(data, day("2017-06-04"));
    assert!(before.territory(bdb).contains(&at));
    assert!(!before.territory(lna).contains(&at));
    assert!(after.territory(lna).contains(&at));
    assert!(after.territory(bdb).0.is_empty(), "the BDB hold nothing left");
}

#[test]
fn the_cache_recomputes_only_when_a_holder_or_status_changes() {
    let data = seeds();
    let mut cache = AreaCache::default();
    let a = cache.areas_at(data, day("2017-06-05"));
    let b = cache.areas_at(data, day("2017-06-20"));
    assert!(Arc::ptr_eq(&a, &b), "nothing changed hands in between");
    let c = cache.areas_at(data, day("2017-06-01"));
    assert!(!Arc::ptr_eq(&a, &c));
    assert!(Arc::ptr_eq(&a, &cache.areas_at(data, day("2017-06-10"))), "an earlier state is kept");
    cache.set_options(AreaOptions::default().with_radius(PlaceKind::Town, 10.0));
    assert!(!Arc::ptr_eq(&a, &cache.areas_at(data, day("2017-06-10"))), "new radii, new areas");
    // The snapshot the viewer steps gives the same areas as the date.
    let mut snapshot = data.timeline.snapshot(day("2014-01-01"));
    data.timeline.step(&mut snapshot, day("2017-06-10"));
    let from_snapshot = cache.areas_in(data, &snapshot);
    assert!(Arc::ptr_eq(&from_snapshot, &cache.areas_at(data, day("2017-06-10"))));
}

#[test]
fn triangles_cover_each_area_exactly() {
    let areas = AreaCache::default().areas_at(seeds(), day("2020-06-02"));
    for area in &areas.areas {
        let t = area.region.triangles();
        assert_eq!(t.indices.len() % 3, 0);
        let covered: f64 = t
            .indices
            .chunks(3)
            .map(|k| {
                let [a, b, c] =
                    [t.vertices[k[0] as usize], t.vertices[k[1] as usize], t.vertices[k[2] as usize]];
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum();
        let real = area.region.mercator.unsigned_area();
        assert!((covered - real).abs() <= real * 1e-9, "{:?}: {covered} vs {real}", area.faction);
    }
}

#[test]
fn areas_convert_to_lonlat_inside_libya() {
    let areas = AreaCache::default().areas_at(seeds(), day("2020-06-02"));
    for area in &areas.areas {
        let lonlat: MultiPolygon<f64> = area.region.lonlat();
        for c in lonlat.0.iter().flat_map(|p| p.exterior().0.iter()) {
            assert!((9.2..=25.2).contains(&c.x) && (19.4..=33.2).contains(&c.y), "{c:?}");
        }
        let km2 = area.region.area_km2();
        assert!(km2 > 100.0 && km2 < 100_000.0, "{km2}");
    }
}
