//! Capped Voronoi cells: the land nearest each point and within its radius, as a convex polygon
//! whose edges remember which neighbour (or the cap) made them, so front lines can be read off.

use super::par::par_map;
use geo::{Coord, LineString, Polygon};
use spade::{DelaunayTriangulation, HasPosition, Point2, Triangulation};

/// The label of an edge made by the radius cap rather than by a neighbour.
pub(crate) const CAP: u32 = u32::MAX;

/// A convex cell, counter-clockwise in (x, y), as an open ring.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cell {
    pub ring: Vec<Coord<f64>>,
    /// For each vertex, what made the edge from it to the next: a neighbour's index or `CAP`.
    pub labels: Vec<u32>,
}

impl Cell {
    pub fn polygon(&self) -> Polygon<f64> {
        Polygon::new(LineString::from(self.ring.clone()), Vec::new())
    }

    /// The edge this cell shares with neighbour `j`'s bisector, if the cap leaves one.
    pub fn edge_with(&self, j: u32) -> Option<(Coord<f64>, Coord<f64>)> {
        let k = self.labels.iter().position(|&l| l == j)?;
        Some((self.ring[k], self.ring[(k + 1) % self.ring.len()]))
    }
}

struct Site {
    at: Point2<f64>,
    ix: u32,
}

impl HasPosition for Site {
    type Scalar = f64;
    fn position(&self) -> Point2<f64> {
        self.at
    }
}

/// The cells of distinct, finite points, each capped at its radius, and the pairs of points
/// whose cells may touch (the Delaunay edges), as `(i, j)` with `i < j`.
pub(crate) fn capped_cells(
    points: &[[f64; 2]],
    radii: &[f64],
    segments: usize,
) -> (Vec<Cell>, Vec<(u32, u32)>) {
    let sites: Vec<Site> =
        points.iter().enumerate().map(|(i, &[x, y])| Site { at: Point2::new(x, y), ix: i as u32 }).collect();
    let mut neighbours: Vec<Vec<u32>> = vec![Vec::new(); points.len()];
    let mut pairs = Vec::new();
    // Points were checked finite and distinct; should spade still refuse them, cells stay bare discs.
    if let Ok(triangulation) = DelaunayTriangulation::<Site>::bulk_load(sites) {
        for edge in triangulation.undirected_edges() {
            let [a, b] = edge.vertices();
            let (a, b) = (a.data().ix, b.data().ix);
            neighbours[a as usize].push(b);
            neighbours[b as usize].push(a);
            pairs.push((a.min(b), a.max(b)));
        }
    }
    let indices: Vec<usize> = (0..points.len()).collect();
    let cells = par_map(&indices, 512, |&i| cell(i, points, radii, &neighbours[i], segments));
    (cells, pairs)
}

fn cell(i: usize, points: &[[f64; 2]], radii: &[f64], neighbours: &[u32], segments: usize) -> Cell {
    let [cx, cy] = points[i];
    let r = radii[i];
    if r <= 0.0 {
        return Cell::default();
    }
    // Start from the square around the disc, cut by the neighbours nearest first: most cells in
    // dense data end well inside the disc, and the circle is only cut in when it matters.
    let mut cell = Cell {
        ring: vec![
            Coord { x: cx - r, y: cy - r },
            Coord { x: cx + r, y: cy - r },
            Coord { x: cx + r, y: cy + r },
            Coord { x: cx - r, y: cy + r },
        ],
        labels: vec![CAP; 4],
    };
    let mut spare = Cell::default();
    let mut near: Vec<(f64, u32)> = neighbours
        .iter()
        .map(|&j| {
            let [px, py] = points[j as usize];
            ((px - cx).powi(2) + (py - cy).powi(2), j)
        })
        // A neighbour further than twice the radius cannot cut the disc.
        .filter(|&(d2, _)| d2 < 4.0 * r * r)
        .collect();
    near.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    for (_, j) in near {
        let [px, py] = points[j as usize];
        let mid = Coord { x: (cx + px) / 2.0, y: (cy + py) / 2.0 };
        clip(&cell, mid, Coord { x: px - cx, y: py - cy }, j, &mut spare);
        std::mem::swap(&mut cell, &mut spare);
        if cell.ring.len() < 3 {
            return Cell::default();
        }
    }
    // The cap: the inscribed n-gon, needed only if some vertex lies beyond its inner radius.
    let n = segments.max(8);
    let step = std::f64::consts::TAU / n as f64;
    let inner = r * (step / 2.0).cos();
    let beyond = |c: &Cell| c.ring.iter().any(|p| (p.x - cx).powi(2) + (p.y - cy).powi(2) > inner * inner);
    if beyond(&cell) {
        for k in 0..n {
            let a = step * (k as f64 + 0.5);
            let normal = Coord { x: a.cos(), y: a.sin() };
            let mid = Coord { x: cx + inner * normal.x, y: cy + inner * normal.y };
            clip(&cell, mid, normal, CAP, &mut spare);
            std::mem::swap(&mut cell, &mut spare);
            if cell.ring.len() < 3 {
                return Cell::default();
            }
        }
    }
    cell
}

/// Writes into `out` the part of a convex cell on the near side of the line through `mid` normal
/// to `normal`; the new edge along the line is labelled `label`.
fn clip(cell: &Cell, mid: Coord<f64>, normal: Coord<f64>, label: u32, out: &mut Cell) {
    let side = |p: Coord<f64>| (p.x - mid.x) * normal.x + (p.y - mid.y) * normal.y;
    let n = cell.ring.len();
    out.ring.clear();
    out.labels.clear();
    for k in 0..n {
        let (a, b) = (cell.ring[k], cell.ring[(k + 1) % n]);
        let (sa, sb) = (side(a), side(b));
        let crossing = || {
            let t = sa / (sa - sb);
            Coord { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }
        };
        match (sa <= 0.0, sb <= 0.0) {
            (true, true) => {
                out.ring.push(a);
                out.labels.push(cell.labels[k]);
            }
            (true, false) => {
                out.ring.push(a);
                out.labels.push(cell.labels[k]);
                out.ring.push(crossing());
                out.labels.push(label);
            }
            (false, true) => {
                out.ring.push(crossing());
                out.labels.push(cell.labels[k]);
            }
            (false, false) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Area;

    fn area(cell: &Cell) -> f64 {
        if cell.ring.is_empty() { 0.0 } else { cell.polygon().signed_area() }
    }

    #[test]
    fn cells_are_capped_discs_split_at_the_bisector() {
        // (points, radii, expected areas as fractions of the first disc)
        let disc = std::f64::consts::PI;
        type Case = (&'static str, Vec<[f64; 2]>, Vec<f64>, Vec<f64>);
        let cases: Vec<Case> = vec![
            ("alone: a whole disc", vec![[0.0, 0.0]], vec![1.0], vec![disc]),
            ("far apart: two whole discs", vec![[0.0, 0.0], [5.0, 0.0]], vec![1.0, 1.0], vec![disc, disc]),
            (
                "touching at the bisector: two half discs",
                vec![[0.0, 0.0], [0.0, 1e-9]],
                vec![1.0, 1.0],
                vec![disc / 2.0, disc / 2.0],
            ),
            ("zero radius: no cell", vec![[0.0, 0.0]], vec![0.0], vec![0.0]),
        ];
        for (name, points, radii, expected) in cases {
            let (cells, _) = capped_cells(&points, &radii, 256);
            for (cell, want) in cells.iter().zip(expected) {
                assert!((area(cell) - want).abs() < 1e-3 * disc, "{name}: {} vs {want}", area(cell));
            }
        }
    }

    #[test]
    fn neighbours_share_one_edge_labelled_on_both_sides() {
        let points = [[0.0, 0.0], [1.0, 0.0], [0.5, 0.8]];
        let (cells, pairs) = capped_cells(&points, &[2.0, 2.0, 2.0], 64);
        assert_eq!(pairs.len(), 3);
        let (a, b) = cells[0].edge_with(1).unwrap();
        let (c, d) = cells[1].edge_with(0).unwrap();
        for p in [a, b, c, d] {
            assert!((p.x - 0.5).abs() < 1e-12, "on the bisector x = 0.5: {p:?}");
        }
        let (lo, hi) = (a.y.min(b.y), a.y.max(b.y));
        assert!((lo - c.y.min(d.y)).abs() < 1e-9 && (hi - c.y.max(d.y)).abs() < 1e-9);
        // The three cells stay counter-clockwise and do not overlap: their areas add up to at most the hull of the discs.
        assert!(cells.iter().all(|c| area(c) > 0.0));
    }
}
