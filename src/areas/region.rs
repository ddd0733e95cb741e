//! A piece of land in Mercator unit coordinates, with its triangles for drawing made on first use.

use super::project::polygons_to_lonlat;
use crate::basemap::Triangles;
use geo::{ChamberlainDuquetteArea, MultiPolygon, TriangulateEarcut};
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Region {
    /// Web Mercator unit square (x east, y south), as the base map and markers.
    pub mercator: MultiPolygon<f64>,
    drawing: OnceLock<Drawing>,
}

/// The triangles of one polygon of a region, so that a frame can skip those off screen or too
/// small to see.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Min x, min y, max x, max y in Mercator units.
    pub bbox: [f64; 4],
    /// Its vertices within the region's `Triangles::vertices`.
    pub vertices: std::ops::Range<usize>,
    /// Its triangles' indices within the region's `Triangles::indices`.
    pub indices: std::ops::Range<usize>,
}

#[derive(Debug, Default)]
struct Drawing {
    triangles: Triangles,
    pieces: Vec<Piece>,
}

impl Region {
    pub fn new(mercator: MultiPolygon<f64>) -> Self {
        Region { mercator, drawing: OnceLock::new() }
    }

    pub fn is_empty(&self) -> bool {
        self.mercator.0.is_empty()
    }

    /// Triangles covering the region exactly once (egui fills only convex shapes), in Mercator units.
    pub fn triangles(&self) -> &Triangles {
        &self.drawing().triangles
    }

    /// One piece per polygon of `mercator`, in the same order.
    pub fn pieces(&self) -> &[Piece] {
        &self.drawing().pieces
    }

    fn drawing(&self) -> &Drawing {
        self.drawing.get_or_init(|| {
            let mut out = Drawing::default();
            for polygon in &self.mercator.0 {
                let t = polygon.earcut_triangles_raw();
                let base = out.triangles.vertices.len() as u32;
                let start = out.triangles.indices.len();
                out.triangles.vertices.extend(t.vertices);
                out.triangles.indices.extend(t.triangle_indices.iter().map(|&i| base + i as u32));
                let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
                for c in &polygon.exterior().0 {
                    bbox = [bbox[0].min(c.x), bbox[1].min(c.y), bbox[2].max(c.x), bbox[3].max(c.y)];
                }
                let (vertices, indices) =
                    (base as usize..out.triangles.vertices.len(), start..out.triangles.indices.len());
                out.pieces.push(Piece { bbox, vertices, indices });
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
