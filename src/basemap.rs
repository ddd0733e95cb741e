//! The offline base map: Natural Earth land, coast, borders, districts and neighbouring countries,
//! embedded in the binary and prepared once (projected and triangulated) for drawing.

use geo::{Area, InteriorPoint, TriangulateEarcut};
use geo::{Coord, Geometry, LineString, MultiPolygon, Polygon};
use std::sync::OnceLock;

const LAND: &str = include_str!("../assets/basemap/libya_land_ne10m.geojson");
const COAST: &str = include_str!("../assets/basemap/libya_coastline_ne10m.geojson");
const BORDERS: &str = include_str!("../assets/basemap/libya_borders_ne10m.geojson");
const DISTRICT_LINES: &str = include_str!("../assets/basemap/libya_admin1_lines_ne10m.geojson");
const DISTRICTS: &str = include_str!("../assets/basemap/libya_admin1_qgis_worldmap.geojson");
const COUNTRIES: &str = include_str!("../assets/basemap/countries_worldatlas10m_clip.geojson");

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
    pub lon: f64,
    pub lat: f64,
    /// Larger areas get their names shown first.
    pub area: f64,
}

/// Lines in Mercator unit coordinates.
pub type Lines = Vec<Vec<[f64; 2]>>;

/// The extent the layers were clipped to (lon 8..27, lat 18..35): outside it there is no data.
pub const WINDOW: [[f64; 2]; 2] = [[8.0, 18.0], [27.0, 35.0]];

#[derive(Debug, Default)]
pub struct Basemap {
    pub land: Triangles,
    /// Libya itself, drawn a shade lighter than its neighbours.
    pub libya: Triangles,
    pub coast: Lines,
    pub borders: Lines,
    pub district_lines: Lines,
    pub district_labels: Vec<Label>,
    pub country_labels: Vec<Label>,
}

impl Basemap {
    /// The embedded base map, prepared on first use.
    pub fn embedded() -> &'static Basemap {
        static BASE: OnceLock<Basemap> = OnceLock::new();
        BASE.get_or_init(|| {
            let mut base = Basemap::default();
            for (geometry, _) in features(LAND) {
                add_fill(&mut base.land, &geometry);
            }
            for (geometry, name) in features(COUNTRIES) {
                let name = name.unwrap_or_default();
                if name == "Libya" {
                    add_fill(&mut base.libya, &geometry);
                } else if let Some(label) = label_of(&geometry, &name) {
                    base.country_labels.push(label);
                }
            }
            base.coast = features(COAST).iter().flat_map(|(g, _)| lines_of(g)).collect();
            base.borders = features(BORDERS).iter().flat_map(|(g, _)| lines_of(g)).collect();
            base.district_lines = features(DISTRICT_LINES).iter().flat_map(|(g, _)| lines_of(g)).collect();
            base.district_labels =
                features(DISTRICTS).iter().filter_map(|(g, name)| label_of(g, name.as_deref()?)).collect();
            base.district_labels.sort_by(|a, b| b.area.total_cmp(&a.area));
            base
        })
    }
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

fn add_fill(out: &mut Triangles, geometry: &Geometry<f64>) {
    for polygon in polygons_of(geometry) {
        let projected = polygon.map_coords(|c| {
            let [x, y] = mercator(c.x, c.y);
            Coord { x, y }
        });
        let triangulation = projected.earcut_triangles_raw();
        let base = out.vertices.len() as u32;
        out.vertices.extend(triangulation.vertices);
        out.indices.extend(triangulation.triangle_indices.iter().map(|&i| base + i as u32));
    }
}

fn label_of(geometry: &Geometry<f64>, name: &str) -> Option<Label> {
    let largest =
        polygons_of(geometry).into_iter().max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let point = largest.interior_point()?;
    Some(Label { name: name.to_string(), lon: point.x(), lat: point.y(), area: largest.unsigned_area() })
}

use geo::MapCoords as _;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_layers_all_load() {
        let base = Basemap::embedded();
        assert!(base.land.indices.len() > 300 && base.land.indices.len().is_multiple_of(3));
        assert!(!base.libya.indices.is_empty());
        assert!(base.coast.len() >= 5);
        assert!(base.borders.len() >= 5);
        assert!(base.district_lines.len() >= 20);
        assert_eq!(base.district_labels.len(), 22);
        let neighbours: Vec<&str> = base.country_labels.iter().map(|l| l.name.as_str()).collect();
        for country in ["Tunisia", "Algeria", "Egypt", "Niger", "Chad", "Sudan"] {
            assert!(neighbours.contains(&country), "{country} missing from {neighbours:?}");
        }
        // Triangles stay inside the Libya clip window.
        let (w, n) = (mercator(8.0, 35.0), mercator(27.0, 18.0));
        for v in &base.land.vertices {
            assert!(v[0] >= w[0] - 1e-9 && v[0] <= n[0] + 1e-9 && v[1] >= w[1] - 1e-9 && v[1] <= n[1] + 1e-9);
        }
    }
}
