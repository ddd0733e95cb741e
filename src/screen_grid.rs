//! Culling and clustering markers for a view that stays while the date moves. Where a place
//! falls on screen, and so which square of the clustering grid it joins, depends on the view
//! alone; scrubbing changes only the colours. A `ScreenGrid` keeps the positions and squares of
//! one view, and each frame only counts colours: [`cull_and_cluster`]'s answer, without
//! projecting and sorting a hundred thousand places again.

use crate::model::PlaceIx;
use crate::scene::{ColorCounts, Drawn, Marker};

/// Past this, a marker is off screen.
const OFF: u32 = u32::MAX;

/// What the kept grid was made for: the caller's key for the projection, and the grid's terms.
#[derive(Clone, PartialEq)]
struct Made<K> {
    view: K,
    viewport: [f32; 4],
    cell: f32,
    budget: usize,
}

/// A square of the grid with the markers on screen in it.
#[derive(Clone, Copy)]
struct Square {
    /// Its index in the grid.
    index: u32,
    first: usize,
    pos: [f32; 2],
    count: usize,
}

pub struct ScreenGrid<K> {
    made: Option<Made<K>>,
    /// The place of each marker the grid was made from, in order, and where it was.
    places: Vec<(PlaceIx, [f64; 2])>,
    /// Each marker's position, for markers on screen.
    pos: Vec<[f32; 2]>,
    /// Each marker's square, or `OFF`.
    square_of: Vec<u32>,
    /// The squares with markers, in drawing order (top to bottom, left to right).
    squares: Vec<Square>,
    /// The grid's size in squares.
    grid_len: usize,
    on_screen: usize,
}

impl<K> Default for ScreenGrid<K> {
    fn default() -> Self {
        ScreenGrid {
            made: None,
            places: Vec::new(),
            pos: Vec::new(),
            square_of: Vec::new(),
            squares: Vec::new(),
            grid_len: 0,
            on_screen: 0,
        }
    }
}

impl<K: PartialEq + Clone> ScreenGrid<K> {
    /// What [`cull_and_cluster`] returns for these arguments. `view` must change whenever
    /// `to_screen` does; the markers' places and positions are checked against the kept ones
    /// (a reloaded dataset may move a place).
    pub fn cull_and_cluster(
        &mut self,
        markers: &[Marker],
        view: &K,
        to_screen: impl Fn([f64; 2]) -> [f32; 2],
        viewport: [f32; 4],
        cell: f32,
        budget: usize,
    ) -> Vec<Drawn> {
        let made = Made { view: view.clone(), viewport, cell, budget };
        if self.made.as_ref() != Some(&made) || !self.same_places(markers) {
            self.make(markers, &to_screen, &made);
            self.made = Some(made);
        }
        if self.on_screen <= budget {
            return (0..markers.len())
                .filter(|&i| self.square_of[i] != OFF)
                .map(|marker| Drawn::Single { marker, pos: self.pos[marker] })
                .collect();
        }
        let mut colors = vec![ColorCounts::default(); self.grid_len];
        for (m, &square) in markers.iter().zip(&self.square_of) {
            if square != OFF {
                colors[square as usize].add(m.color);
            }
        }
        self.squares
            .iter()
            .map(|s| match s.count {
                1 => Drawn::Single { marker: s.first, pos: s.pos },
                count => Drawn::Cluster { pos: s.pos, count, color: colors[s.index as usize].most_common() },
            })
            .collect()
    }

    fn same_places(&self, markers: &[Marker]) -> bool {
        markers.len() == self.places.len()
            && markers.iter().zip(&self.places).all(|(m, &(place, merc))| m.place == place && m.merc == merc)
    }

    fn make(&mut self, markers: &[Marker], to_screen: &impl Fn([f64; 2]) -> [f32; 2], made: &Made<K>) {
        let [x0, y0, x1, y1] = made.viewport;
        self.places = markers.iter().map(|m| (m.place, m.merc)).collect();
        self.pos = markers.iter().map(|m| to_screen(m.merc)).collect();
        let columns = (((x1 - x0) / made.cell).ceil() as usize).clamp(1, 1024);
        let rows = (((y1 - y0) / made.cell).ceil() as usize).clamp(1, 1024);
        self.grid_len = columns * rows;
        let mut grid: Vec<Option<Square>> = vec![None; self.grid_len];
        self.on_screen = 0;
        self.square_of = self
            .pos
            .iter()
            .enumerate()
            .map(|(i, &[x, y])| {
                if !(x >= x0 && x <= x1 && y >= y0 && y <= y1) {
                    return OFF;
                }
                self.on_screen += 1;
                let cx = (((x - x0) / made.cell) as usize).min(columns - 1);
                let cy = (((y - y0) / made.cell) as usize).min(rows - 1);
                let index = (cy * columns + cx) as u32;
                let square =
                    grid[index as usize].get_or_insert(Square { index, first: i, pos: [0.0, 0.0], count: 0 });
                square.pos[0] += x;
                square.pos[1] += y;
                square.count += 1;
                index
            })
            .collect();
        self.squares = grid
            .into_iter()
            .flatten()
            .map(|s| Square { pos: [s.pos[0] / s.count as f32, s.pos[1] / s.count as f32], ..s })
            .collect();
        // As `cull_and_cluster` orders them: a stable order, so that frames do not flicker.
        self.squares.sort_by(|a, b| {
            (a.pos[1], a.pos[0]).partial_cmp(&(b.pos[1], b.pos[0])).unwrap_or(std::cmp::Ordering::Equal)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlaceKind, Rgb, Status};
    use crate::scene::cull_and_cluster;

    /// Markers for places 0..n at positions drawn from `seed`: a new seed is a dataset whose
    /// places moved.
    fn markers(n: usize, seed: u64) -> Vec<Marker> {
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        let colors = [Rgb([200, 30, 30]), Rgb([30, 30, 200]), Rgb([30, 160, 60]), Rgb::UNKNOWN];
        (0..n)
            .map(|i| Marker {
                place: i as PlaceIx,
                merc: [next(), next()],
                kind: PlaceKind::Town,
                holder: None,
                color: colors[(next() * 4.0) as usize % 4],
                status: Status::Held,
                since: None,
                uncertain: false,
                recent: false,
                last_evidence: None,
                stale: false,
                priority: 0,
            })
            .collect()
    }

    fn to_screen(zoom: f64) -> impl Fn([f64; 2]) -> [f32; 2] {
        move |[x, y]| [(x * zoom) as f32, (y * zoom) as f32]
    }

    fn same(a: &[Drawn], b: &[Drawn]) -> bool {
        a == b
    }

    #[test]
    fn the_kept_grid_answers_as_culling_and_clustering_from_scratch() {
        let mut grid = ScreenGrid::default();
        let viewport = [100.0, 50.0, 900.0, 650.0];
        // Under the budget, then over it; the same view again with other colours; another view;
        // markers for other places.
        let cases: [(usize, u64, f64, usize); 6] = [
            (300, 1, 1000.0, 1500),
            (5000, 2, 1000.0, 1500),
            (5000, 3, 1000.0, 1500),
            (5000, 3, 1400.0, 1500),
            (4000, 4, 1400.0, 1500),
            (5000, 5, 1400.0, 10),
        ];
        for (n, seed, zoom, budget) in cases {
            let mut ms = markers(n, seed);
            if seed == 4 {
                ms.reverse();
            }
            let kept = grid.cull_and_cluster(&ms, &zoom.to_bits(), to_screen(zoom), viewport, 40.0, budget);
            let fresh = cull_and_cluster(&ms, to_screen(zoom), viewport, 40.0, budget);
            assert!(same(&kept, &fresh), "{n} markers, seed {seed}, zoom {zoom}");
            assert!(!fresh.is_empty());
        }
    }

    #[test]
    fn a_new_colour_at_the_same_view_is_counted() {
        let mut grid = ScreenGrid::default();
        let viewport = [0.0, 0.0, 1000.0, 1000.0];
        let mut ms = markers(4000, 7);
        let first = grid.cull_and_cluster(&ms, &1u8, to_screen(1000.0), viewport, 200.0, 100);
        for m in &mut ms {
            m.color = Rgb([1, 2, 3]);
        }
        let second = grid.cull_and_cluster(&ms, &1u8, to_screen(1000.0), viewport, 200.0, 100);
        assert!(!same(&first, &second));
        assert!(
            second.iter().all(|d| !matches!(d, Drawn::Cluster { color, .. } if *color != Rgb([1, 2, 3])))
        );
        assert!(same(&second, &cull_and_cluster(&ms, to_screen(1000.0), viewport, 200.0, 100)));
    }
}
