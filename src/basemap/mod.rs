//! The offline base map of the whole world: Natural Earth countries (with their borders and coast),
//! first-level divisions and lakes, embedded in the binary, each level of detail prepared once
//! (projected, cut into pieces that can be culled, and triangulated) when first drawn.

pub mod layers;
mod topo;

pub use layers::{BBox, Fill, Level, Piece};
pub use topo::{Countries, Country};

use geo::{Area, InteriorPoint, TriangulateEarcut};
use geo::{Coord, Geometry, LineString, MultiPolygon, Polygon};
use std::sync::OnceLock;

const COUNTRIES_110M: &str = include_str!("../../assets/basemap/countries-110m.json");
const COUNTRIES_50M: &str = include_str!("../../assets/basemap/countries-50m.json");
const COUNTRIES_10M: &str = include_str!("../../assets/basemap/countries-10m.json");
const ADMIN1_LINES: &str = include_str!("../../assets/basemap/admin1_lines_ne10m.geojson");
const ADMIN1_LABELS: &str = include_str!("../../assets/basemap/admin1_labels_qgis.csv");
const LAKES: &str = include_str!("../../assets/basemap/lakes_ne10m.geojson");

/// Credit line for maps drawn on this base.
pub const ATTRIBUTION: &str = "Base map: Natural Earth";

pub use crate::projection::mercator;

/// Which base map is drawn under the places: the embedded offline one, or tiles over it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BaseLayer {
    Offline,
    OpenStreetMap,
    PmTiles(std::path::PathBuf),
}

impl BaseLayer {
    pub fn label(&self) -> String {
        match self {
            BaseLayer::Offline => "Offline (built in)".into(),
            BaseLayer::OpenStreetMap => "OpenStreetMap (online)".into(),
            BaseLayer::PmTiles(p) => format!(
                "Local tiles: {}",
                p.file_name().map_or(p.display().to_string(), |f| f.to_string_lossy().into())
            ),
        }
    }
}

/// Triangles in Mercator unit coordinates, ready to be moved onto a screen.
#[derive(Debug, Default, Clone)]
pub struct Triangles {
    pub vertices: Vec<[f64; 2]>,
    pub indices: Vec<u32>,
}

/// A named label anchored at a point (lon, lat).
#[derive(Debug, Clone)]
pub struct Label {
    pub name: String,
    /// The country it is in (for a first-level division), or itself.
    pub country: String,
    pub lon: f64,
    pub lat: f64,
    /// Larger areas get their names shown first.
    pub area: f64,
}

/// Lines in Mercator unit coordinates.
pub type Lines = Vec<Vec<[f64; 2]>>;

/// How much detail: Natural Earth's 1:110m, 1:50m or 1:10m.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Detail {
    Coarse,
    Medium,
    Fine,
}

impl Detail {
    /// The detail that suits a slippy-map zoom: 1:110m for the whole world, 1:50m for a
    /// continent, 1:10m from a large country in.
    pub fn for_zoom(zoom: f64) -> Detail {
        if zoom < 3.5 {
            Detail::Coarse
        } else if zoom < 5.0 {
            Detail::Medium
        } else {
            Detail::Fine
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    fn text(self) -> &'static str {
        match self {
            Detail::Coarse => COUNTRIES_110M,
            Detail::Medium => COUNTRIES_50M,
            Detail::Fine => COUNTRIES_10M,
        }
    }
}

/// The countries at a level of detail, in degrees, parsed on first use. The layers are embedded
/// and known to parse; were one not to, the map would be empty rather than the program stopped.
pub fn countries(detail: Detail) -> &'static Countries {
    static COUNTRIES: [OnceLock<Countries>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    COUNTRIES[detail.index()].get_or_init(|| topo::countries(detail.text()).unwrap_or_default())
}

/// The base map at a level of detail, prepared on first use.
pub fn level(detail: Detail) -> &'static Level {
    static LEVELS: [OnceLock<Level>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    LEVELS[detail.index()].get_or_init(|| {
        let lakes = match detail {
            // Only the great lakes show at the scale of the world.
            Detail::Coarse => lake_fills(0.5),
            Detail::Medium | Detail::Fine => lake_fills(0.0),
        };
        let admin1 = match detail {
            Detail::Fine => features(ADMIN1_LINES)
                .iter()
                .flat_map(|(g, _)| lines_of(g))
                .flat_map(layers::pieces)
                .collect(),
            _ => Vec::new(),
        };
        layers::level(countries(detail), lakes, admin1)
    })
}

/// Prepares every level on a background thread, so that zooming in later does not wait.
pub fn prepare_in_background() {
    std::thread::spawn(|| {
        for detail in [Detail::Fine, Detail::Medium, Detail::Coarse] {
            level(detail);
        }
        admin1_labels();
    });
}

fn lake_fills(smallest: f64) -> Vec<Fill> {
    let mut fills = Vec::new();
    for (geometry, _) in features(LAKES) {
        for polygon in polygons_of(&geometry) {
            if polygon.unsigned_area() >= smallest {
                fills.extend(layers::fill(u32::MAX, &polygon));
            }
        }
    }
    fills
}

/// Country names at the point inside each country's largest piece (from the 1:50m countries).
pub fn country_labels() -> &'static [Label] {
    static LABELS: OnceLock<Vec<Label>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut labels: Vec<Label> = countries(Detail::Medium)
            .countries
            .iter()
            .filter(|c| !c.name.is_empty())
            .filter_map(|c| label_of(&c.shape, &c.name, &c.name))
            .collect();
        labels.sort_by(|a, b| b.area.total_cmp(&a.area));
        labels
    })
}

/// A country's label placed in the largest piece of it inside `[west, south, east, north]` (from
/// the 1:110m outline, which is enough to place a name), if any of it is inside.
pub fn label_in_view(name: &str, [w, s, e, n]: [f64; 4]) -> Option<Label> {
    use geo::{BooleanOps, BoundingRect, Intersects, Rect};
    let view = Rect::new(Coord { x: w, y: s }, Coord { x: e, y: n });
    let country = countries(Detail::Coarse).countries.iter().find(|c| c.name == name)?;
    if !country.shape.bounding_rect().is_some_and(|r| r.intersects(&view)) {
        return None;
    }
    let part = country.shape.intersection(&view.to_polygon());
    label_of(&part, name, name)
}

/// Names of the world's first-level divisions (provinces, states, districts), largest first.
pub fn admin1_labels() -> &'static [Label] {
    static LABELS: OnceLock<Vec<Label>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut reader = csv::Reader::from_reader(ADMIN1_LABELS.as_bytes());
        reader
            .records()
            .filter_map(Result::ok)
            .filter_map(|r| {
                let number = |i: usize| r.get(i)?.parse::<f64>().ok();
                Some(Label {
                    name: r.get(0)?.to_string(),
                    country: r.get(1)?.to_string(),
                    lon: number(2)?,
                    lat: number(3)?,
                    area: number(4)?,
                })
            })
            .collect()
    })
}

/// The names of the countries (1:50m) that hold at least one of these points (lon, lat).
pub fn countries_holding(points: &[[f64; 2]]) -> Vec<String> {
    use geo::{BoundingRect, Contains, Point};
    let mut found: Vec<String> = Vec::new();
    for country in &countries(Detail::Medium).countries {
        let Some(rect) = country.shape.bounding_rect() else { continue };
        let holds = points.iter().any(|&[lon, lat]| {
            let p = Point::new(lon, lat);
            rect.contains(&p) && country.shape.contains(&p)
        });
        if holds && !country.name.is_empty() && !found.contains(&country.name) {
            found.push(country.name.clone());
        }
    }
    found
}

/// The land of the named countries (1:10m), in degrees, and the names that matched no country.
pub fn land_of(names: &[String]) -> (Vec<Polygon<f64>>, Vec<String>) {
    let all = &countries(Detail::Fine).countries;
    let mut polygons = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        let matching: Vec<&Country> = all.iter().filter(|c| c.name.eq_ignore_ascii_case(name)).collect();
        if matching.is_empty() {
            unknown.push(name.clone());
        }
        polygons.extend(matching.iter().flat_map(|c| c.shape.0.iter().cloned()));
    }
    (polygons, unknown)
}

/// The names among these that are no country of the base map (matched as `land_of` does).
pub fn unknown_countries(names: &[String]) -> Vec<String> {
    let known = |detail: Detail, name: &str| {
        countries(detail).countries.iter().any(|c| c.name.eq_ignore_ascii_case(name))
    };
    // The 1:50m names first: the 1:10m file is larger and holds only a few more small islands.
    names.iter().filter(|n| !known(Detail::Medium, n) && !known(Detail::Fine, n)).cloned().collect()
}

/// Every feature's geometry and `name` property. The layers are embedded and known to parse;
/// a feature that does not is skipped rather than stopping the map.
fn features(text: &str) -> Vec<(Geometry<f64>, Option<String>)> {
    let Ok(geojson::GeoJson::FeatureCollection(collection)) = text.parse::<geojson::GeoJson>() else {
        return Vec::new();
    };
    collection
        .features
        .into_iter()
        .filter_map(|f| {
            let name = f.property("name").and_then(|v| v.as_str()).map(str::to_string);
            let geometry = Geometry::<f64>::try_from(f.geometry?).ok()?;
            Some((geometry, name))
        })
        .collect()
}

fn polygons_of(geometry: &Geometry<f64>) -> Vec<Polygon<f64>> {
    match geometry {
        Geometry::Polygon(p) => vec![p.clone()],
        Geometry::MultiPolygon(MultiPolygon(ps)) => ps.clone(),
        _ => Vec::new(),
    }
}

fn project_line(line: &LineString<f64>) -> Vec<[f64; 2]> {
    line.coords().map(|c| mercator(c.x, c.y)).collect()
}

fn lines_of(geometry: &Geometry<f64>) -> Lines {
    match geometry {
        Geometry::LineString(l) => vec![project_line(l)],
        Geometry::MultiLineString(ls) => ls.0.iter().map(project_line).collect(),
        Geometry::Polygon(_) | Geometry::MultiPolygon(_) => polygons_of(geometry)
            .iter()
            .flat_map(|p| {
                std::iter::once(p.exterior()).chain(p.interiors()).map(project_line).collect::<Vec<_>>()
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A polygon in Mercator units, triangulated.
fn triangulate(polygon: &Polygon<f64>) -> Triangles {
    let projected = polygon.map_coords(|c| {
        let [x, y] = mercator(c.x, c.y);
        Coord { x, y }
    });
    let triangulation = projected.earcut_triangles_raw();
    Triangles {
        vertices: triangulation.vertices,
        indices: triangulation.triangle_indices.iter().map(|&i| i as u32).collect(),
    }
}

fn label_of(shape: &MultiPolygon<f64>, name: &str, country: &str) -> Option<Label> {
    let largest = shape.0.iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let point = largest.interior_point()?;
    Some(Label {
        name: name.to_string(),
        country: country.to_string(),
        lon: point.x(),
        lat: point.y(),
        area: largest.unsigned_area(),
    })
}

use geo::MapCoords as _;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_covers_the_world() {
        for detail in [Detail::Coarse, Detail::Medium, Detail::Fine] {
            let level = level(detail);
            assert!(level.names.len() > 170, "{detail:?}: {} countries", level.names.len());
            assert!(level.land.iter().all(|f| f.triangles.indices.len().is_multiple_of(3)));
            assert!(level.coast.len() > 50 && level.borders.len() > 50, "{detail:?}");
            // Land reaches from the Americas to the Pacific, from Scandinavia to the far south.
            let [mut x0, mut y0, mut x1, mut y1] = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
            for f in &level.land {
                (x0, y0, x1, y1) =
                    (x0.min(f.bbox[0]), y0.min(f.bbox[1]), x1.max(f.bbox[2]), y1.max(f.bbox[3]));
            }
            assert!(x0 < 0.01 && x1 > 0.99 && y0 < 0.2 && y1 > 0.8, "{detail:?}: {x0} {y0} {x1} {y1}");
        }
        assert!(level(Detail::Fine).admin1.len() > 5000);
        assert!(level(Detail::Fine).lakes.len() > level(Detail::Coarse).lakes.len());
    }

    #[test]
    fn the_levels_get_finer_as_the_zoom_grows() {
        let cases = [(2.0, Detail::Coarse), (4.0, Detail::Medium), (5.0, Detail::Fine), (12.0, Detail::Fine)];
        for (zoom, want) in cases {
            assert_eq!(Detail::for_zoom(zoom), want, "zoom {zoom}");
        }
    }

    #[test]
    fn countries_are_found_by_the_points_they_hold() {
        let cases: [(&str, [f64; 2]); 5] = [
            ("Libya", [13.18, 32.88]),
            ("Iraq", [43.13, 36.34]),
            ("Syria", [39.0, 35.95]),
            ("Sudan", [32.53, 15.59]),
            ("Myanmar", [96.13, 19.75]),
        ];
        for (name, point) in cases {
            assert_eq!(countries_holding(&[point]), [name.to_string()], "{name}");
        }
        assert!(countries_holding(&[[18.0, 33.0]]).is_empty(), "the Gulf of Sidra is sea");
    }

    #[test]
    fn land_is_found_by_country_name_and_unknown_names_are_returned() {
        let (land, unknown) = land_of(&["libya".to_string(), "Atlantis".to_string()]);
        assert!(!land.is_empty());
        assert_eq!(unknown, ["Atlantis"]);
    }

    #[test]
    fn labels_name_countries_and_their_divisions() {
        let countries: Vec<&str> = country_labels().iter().map(|l| l.name.as_str()).collect();
        for name in ["Libya", "Tunisia", "Iraq", "Syria", "Sudan", "Myanmar", "Brazil"] {
            assert!(countries.contains(&name), "{name}");
        }
        let libyan = admin1_labels().iter().filter(|l| l.country == "Libya").count();
        assert_eq!(libyan, 22);
        assert!(admin1_labels().len() > 4000);
    }
}
