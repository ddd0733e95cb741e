//! One level of detail of the base map, cut into pieces with their bounding boxes, so that a frame
//! moves onto the screen only what it shows.

use super::topo::Countries;
use super::{Triangles, project_line, triangulate};
use geo::Polygon;

/// Points per line piece: short enough that a view of a few towns touches few of them.
const PIECE_POINTS: usize = 128;

/// `[min_x, min_y, max_x, max_y]` in Mercator units.
pub type BBox = [f64; 4];

/// A filled polygon: a country's piece of land (its index in `Level::names`) or a lake.
#[derive(Debug, Clone)]
pub struct Fill {
    pub country: u32,
    pub bbox: BBox,
    pub triangles: Triangles,
}

/// A stretch of line.
#[derive(Debug, Clone)]
pub struct Piece {
    pub bbox: BBox,
    pub points: Vec<[f64; 2]>,
}

#[derive(Debug, Default)]
pub struct Level {
    /// Country names, indexed by `Fill::country`.
    pub names: Vec<String>,
    pub land: Vec<Fill>,
    pub lakes: Vec<Fill>,
    pub coast: Vec<Piece>,
    pub borders: Vec<Piece>,
    /// First-level boundaries (provinces, states, districts); only at the finest level.
    pub admin1: Vec<Piece>,
}

pub(super) fn level(countries: &Countries, lakes: Vec<Fill>, admin1: Vec<Piece>) -> Level {
    let mut level = Level { lakes, admin1, ..Default::default() };
    for (i, country) in countries.countries.iter().enumerate() {
        level.names.push(country.name.clone());
        for polygon in &country.shape.0 {
            level.land.extend(fill(i as u32, polygon));
        }
    }
    let project = |lines: &[geo::LineString<f64>]| -> Vec<Piece> {
        lines.iter().map(project_line).flat_map(pieces).collect()
    };
    level.coast = project(&countries.coast);
    level.borders = project(&countries.borders);
    level
}

/// A polygon's triangles; a ring of fewer than four points (a sliver the simplification left) is
/// no area and is dropped.
pub(super) fn fill(country: u32, polygon: &Polygon<f64>) -> Option<Fill> {
    if polygon.exterior().0.len() < 4 {
        return None;
    }
    let interiors = polygon.interiors().iter().filter(|r| r.0.len() >= 4).cloned().collect();
    let triangles = triangulate(&Polygon::new(polygon.exterior().clone(), interiors));
    let bbox = bbox_of(&triangles.vertices)?;
    Some(Fill { country, bbox, triangles })
}

/// A line cut into pieces of at most `PIECE_POINTS` points, each starting where the last ended.
pub(super) fn pieces(line: Vec<[f64; 2]>) -> Vec<Piece> {
    if line.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    while start + 1 < line.len() {
        let end = (start + PIECE_POINTS).min(line.len());
        let points = line[start..end].to_vec();
        if let Some(bbox) = bbox_of(&points) {
            out.push(Piece { bbox, points });
        }
        start = end - 1;
    }
    out
}

fn bbox_of(points: &[[f64; 2]]) -> Option<BBox> {
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in points {
        b = [b[0].min(p[0]), b[1].min(p[1]), b[2].max(p[0]), b[3].max(p[1])];
    }
    (b[0] <= b[2]).then_some(b)
}

/// Whether two boxes overlap.
pub fn overlaps(a: &BBox, b: &BBox) -> bool {
    a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_into_pieces_that_join_end_to_start() {
        let line: Vec<[f64; 2]> = (0..300).map(|i| [i as f64, 0.0]).collect();
        let cut = pieces(line);
        assert_eq!(cut.len(), 3);
        for pair in cut.windows(2) {
            assert_eq!(pair[0].points.last(), pair[1].points.first());
        }
        assert_eq!(cut[0].bbox, [0.0, 0.0, 127.0, 0.0]);
        assert_eq!(cut.last().unwrap().points.last(), Some(&[299.0, 0.0]));
    }

    #[test]
    fn a_line_of_one_point_is_no_piece() {
        assert!(pieces(vec![[1.0, 1.0]]).is_empty());
        assert!(pieces(Vec::new()).is_empty());
    }

    #[test]
    fn boxes_overlap_when_they_share_any_point() {
        let a = [0.0, 0.0, 1.0, 1.0];
        assert!(overlaps(&a, &[1.0, 1.0, 2.0, 2.0]));
        assert!(overlaps(&a, &[0.2, 0.2, 0.3, 0.3]));
        assert!(!overlaps(&a, &[1.1, 0.0, 2.0, 1.0]));
    }
}
