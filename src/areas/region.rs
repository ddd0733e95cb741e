//! A piece of land in Mercator unit coordinates, with its triangles for drawing made on first use.

use super::project::polygons_to_lonlat;
use crate::basemap::Triangles;
use geo::{ChamberlainDuquetteArea, MultiPolygon, TriangulateEarcut};
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Region {
    /// Web Mercator unit square (x east, y south), as the base map and markers.
    pub mercator: MultiPolygon<f64>,
    triangles: OnceLock<Triangles>,
}

impl Region {
    pub fn new(mercator: MultiPolygon<f64>) -> Self {
        Region { mercator, triangles: OnceLock::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.mercator.0.is_empty()
    }

    /// Triangles covering the region exactly once (egui fills only convex shapes), in Mercator units.
    pub fn triangles(&self) -> &Triangles {
        self.triangles.get_or_init(|| {
            let mut out = Triangles::default();
            for polygon in &self.mercator.0 {
                let t = polygon.earcut_triangles_raw();
                let base = out.vertices.len() as u32;
                out.vertices.extend(t.vertices);
                out.indices.extend(t.triangle_indices.iter().map(|&i| base + i as u32));
            }
            out
        })
    }

    /// The region in lon/lat degrees, exteriors counter-clockwise (for GeoJSON).
    pub fn lonlat(&self) -> MultiPolygon<f64> {
        polygons_to_lonlat(&self.mercator)
    }

    /// Its area on the ground, in km² (on a sphere).
    pub fn area_km2(&self) -> f64 {
        self.lonlat().chamberlain_duquette_unsigned_area() / 1e6
    }
}
