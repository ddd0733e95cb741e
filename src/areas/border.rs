//! The land of a dataset's region: its countries' polygons from the base map, unioned and
//! projected once. Every area and front line is clipped to it.

use super::project::to_mercator_coord;
use geo::{MapCoords, MultiPolygon, Polygon};

/// A region's land in Mercator unit coordinates, with a grid that tells where its edge runs.
pub struct Land {
    countries: Vec<String>,
    polygon: MultiPolygon<f64>,
    grid: LandGrid,
}

impl std::fmt::Debug for Land {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Land").field("countries", &self.countries).finish_non_exhaustive()
    }
}

impl Land {
    /// The land of the named countries (as the base map names them); unknown names add nothing.
    pub fn of_countries(countries: &[String]) -> Land {
        let (polygons, _) = crate::basemap::land_of(countries);
        Land::of_polygons(countries.to_vec(), polygons)
    }

    /// Land made of these polygons (in degrees).
    pub fn of_polygons(countries: Vec<String>, polygons: Vec<Polygon<f64>>) -> Land {
        // unary_union wants one winding order throughout.
        use geo::orient::{Direction, Orient};
        let polygons: Vec<Polygon<f64>> =
            polygons.into_iter().map(|p| p.orient(Direction::Default)).collect();
        let polygon = geo::unary_union(&polygons).map_coords(to_mercator_coord);
        let grid = LandGrid::new(&polygon);
        Land { countries, polygon, grid }
    }

    /// The countries it is the land of.
    pub fn countries(&self) -> &[String] {
        &self.countries
    }

    /// The land, in Mercator unit coordinates.
    pub fn polygon(&self) -> &MultiPolygon<f64> {
        &self.polygon
    }

    pub(crate) fn grid(&self) -> &LandGrid {
        &self.grid
    }
}

/// Where a box lies relative to Libya's land.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Inside,
    Outside,
    /// Near the coast or a border: only a real clip can tell.
    Across,
}

/// A grid over Libya's land telling, square by square, whether the coast or border passes
/// through it, so that cells far from it skip the costly clip.
pub(crate) struct LandGrid {
    origin: [f64; 2],
    size: [f64; 2],
    /// Summed-area tables of the Inside and Across squares, (GRID + 1)² each, so that a box of
    /// any size is classified in constant time.
    inside_sums: Vec<u32>,
    across_sums: Vec<u32>,
}

const GRID: usize = 256;

impl LandGrid {
    fn new(land: &MultiPolygon<f64>) -> LandGrid {
        use geo::BoundingRect;
        let Some(rect) = land.bounding_rect() else {
            return LandGrid::with_squares([0.0; 2], [1.0; 2], vec![Side::Outside; GRID * GRID]);
        };
        let origin = [rect.min().x, rect.min().y];
        let size = [rect.width() / GRID as f64, rect.height() / GRID as f64];
        LandGrid::with_squares(origin, size, squares(land, origin, size))
    }

    fn with_squares(origin: [f64; 2], size: [f64; 2], squares: Vec<Side>) -> LandGrid {
        let sums = |want: Side| {
            let mut t = vec![0u32; (GRID + 1) * (GRID + 1)];
            for gy in 0..GRID {
                for gx in 0..GRID {
                    let here = u32::from(squares[gy * GRID + gx] == want);
                    t[(gy + 1) * (GRID + 1) + gx + 1] =
                        here + t[gy * (GRID + 1) + gx + 1] + t[(gy + 1) * (GRID + 1) + gx]
                            - t[gy * (GRID + 1) + gx];
                }
            }
            t
        };
        let (inside_sums, across_sums) = (sums(Side::Inside), sums(Side::Across));
        LandGrid { origin, size, inside_sums, across_sums }
    }

    /// How many squares of columns a..=b and rows c..=d are counted in `t`.
    fn count(t: &[u32], a: usize, b: usize, c: usize, d: usize) -> u32 {
        let at = |x: usize, y: usize| t[y * (GRID + 1) + x];
        at(b + 1, d + 1) + at(a, c) - at(a, d + 1) - at(b + 1, c)
    }

    /// Where the box `[x0, x1] x [y0, y1]` lies.
    pub fn side(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> Side {
        let end_x = self.origin[0] + self.size[0] * GRID as f64;
        let end_y = self.origin[1] + self.size[1] * GRID as f64;
        if x1 < self.origin[0] || y1 < self.origin[1] || x0 > end_x || y0 > end_y {
            return Side::Outside;
        }
        let outside_grid = x0 < self.origin[0] || y0 < self.origin[1] || x1 > end_x || y1 > end_y;
        let (a, b) = (square(x0, self.origin[0], self.size[0]), square(x1, self.origin[0], self.size[0]));
        let (c, d) = (square(y0, self.origin[1], self.size[1]), square(y1, self.origin[1], self.size[1]));
        let squares = ((b - a + 1) * (d - c + 1)) as u32;
        if Self::count(&self.across_sums, a, b, c, d) > 0 {
            return Side::Across;
        }
        let inside = Self::count(&self.inside_sums, a, b, c, d);
        match (inside, outside_grid) {
            (0, _) => Side::Outside,
            (n, false) if n == squares => Side::Inside,
            _ => Side::Across,
        }
    }
}

/// The side of each square of the grid at `origin` with squares of `size`, row by row.
fn squares(land: &MultiPolygon<f64>, origin: [f64; 2], size: [f64; 2]) -> Vec<Side> {
    let mut squares = vec![Side::Outside; GRID * GRID];
    let rings = || land.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()));
    // Every square a ring's segment passes near is Across (its bounding box of squares).
    for line in rings().flat_map(|ring| ring.lines()) {
        let (x0, x1) = (line.start.x.min(line.end.x), line.start.x.max(line.end.x));
        let (y0, y1) = (line.start.y.min(line.end.y), line.start.y.max(line.end.y));
        let (a, b) = (square(x0, origin[0], size[0]), square(x1, origin[0], size[0]));
        let (c, d) = (square(y0, origin[1], size[1]), square(y1, origin[1], size[1]));
        for gy in c..=d {
            squares[gy * GRID + a..=gy * GRID + b].fill(Side::Across);
        }
    }
    // The rest lie wholly inside or outside. Each row's centre line is scanned once: between the
    // 1st and 2nd edge it crosses, the 3rd and 4th and so on, it is on land (the rings of a union
    // do not overlap, so even-odd is the land). A test of each centre against the polygon would
    // walk every edge 65,536 times.
    let mut crossings = Vec::new();
    for gy in 0..GRID {
        let y = origin[1] + (gy as f64 + 0.5) * size[1];
        crossings.clear();
        for line in rings().flat_map(|ring| ring.lines()) {
            if (line.start.y <= y) != (line.end.y <= y) {
                let t = (y - line.start.y) / (line.end.y - line.start.y);
                crossings.push(line.start.x + t * (line.end.x - line.start.x));
            }
        }
        crossings.sort_by(f64::total_cmp);
        // The columns whose centre, origin + (gx + 0.5) * size, is at or past x.
        let first_column = |x: f64| (((x - origin[0]) / size[0] - 0.5).ceil().max(0.0) as usize).min(GRID);
        for pair in crossings.chunks_exact(2) {
            for side in &mut squares[gy * GRID + first_column(pair[0])..gy * GRID + first_column(pair[1])] {
                if *side == Side::Outside {
                    *side = Side::Inside;
                }
            }
        }
    }
    squares
}

fn square(v: f64, origin: f64, size: f64) -> usize {
    (((v - origin) / size).floor().max(0.0) as usize).min(GRID - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::project::mercator;
    use geo::{Area, Contains, Point};

    fn libya() -> &'static Land {
        static LIBYA: std::sync::OnceLock<Land> = std::sync::OnceLock::new();
        LIBYA.get_or_init(|| Land::of_countries(&["Libya".to_string()]))
    }

    #[test]
    fn libya_holds_its_towns_and_not_its_neighbours_or_the_sea() {
        let land = libya().polygon();
        let at = |lon: f64, lat: f64| {
            let [x, y] = mercator(lon, lat);
            land.contains(&Point::new(x, y))
        };
        assert!(at(13.18, 32.85), "Tripoli");
        assert!(at(16.14, 29.16), "Waddan");
        assert!(at(20.07, 32.10), "Benghazi");
        assert!(!at(10.2, 36.8), "Tunis");
        assert!(!at(31.2, 30.0), "Cairo");
        assert!(!at(16.0, 33.5), "the Gulf of Sidra");
        assert!(!at(8.5, 27.5), "Algeria");
        assert!(land.unsigned_area() > 0.0);
    }

    #[test]
    fn squares_clear_of_the_coast_are_on_land_exactly_where_their_centre_is() {
        use geo::BoundingRect;
        for countries in [&["Libya"][..], &["Italy"]] {
            let land = Land::of_countries(&countries.iter().map(|c| c.to_string()).collect::<Vec<_>>());
            let rect = land.polygon().bounding_rect().unwrap();
            let origin = [rect.min().x, rect.min().y];
            let size = [rect.width() / GRID as f64, rect.height() / GRID as f64];
            let squares = squares(land.polygon(), origin, size);
            let mut inside = 0;
            for (k, side) in squares.iter().enumerate() {
                let (gx, gy) = (k % GRID, k / GRID);
                let centre = Point::new(
                    origin[0] + (gx as f64 + 0.5) * size[0],
                    origin[1] + (gy as f64 + 0.5) * size[1],
                );
                let want = if land.polygon().contains(&centre) { Side::Inside } else { Side::Outside };
                if *side != Side::Across {
                    assert_eq!(*side, want, "{countries:?}: square {gx}, {gy}");
                    inside += usize::from(want == Side::Inside);
                }
            }
            assert!(inside > 1000, "{countries:?}: {inside} squares inside");
        }
    }

    #[test]
    fn the_grid_sorts_boxes_into_inside_outside_and_across() {
        let grid = libya().grid();
        let around = |lon: f64, lat: f64, d: f64| {
            let [x0, y1] = mercator(lon - d, lat - d);
            let [x1, y0] = mercator(lon + d, lat + d);
            grid.side(x0, y0, x1, y1)
        };
        let cases = [
            ("the Sahara near Waddan", 16.1, 28.0, 0.1, Side::Inside),
            ("the Gulf of Sidra", 18.0, 32.8, 0.1, Side::Outside),
            ("Algeria", 7.5, 28.0, 0.1, Side::Outside),
            ("Tripoli's coast", 13.18, 32.9, 0.2, Side::Across),
            ("far away", 40.0, 10.0, 1.0, Side::Outside),
            ("all of Libya", 17.0, 27.0, 9.0, Side::Across),
        ];
        for (name, lon, lat, d, want) in cases {
            assert_eq!(around(lon, lat, d), want, "{name}");
        }
    }
}
