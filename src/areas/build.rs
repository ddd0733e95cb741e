//! From the places' holders to areas of control: dedupe, capped Voronoi cells, merge by
//! (holder, status, staleness), clip to Libya's land.

use super::border::{Land, LandGrid, Side};
use super::cells::{Cell, capped_cells};
use super::fronts::fronts;
use super::options::AreaOptions;
use super::par::{self, par_map};
use super::project::km_to_units;
use super::region::Region;
use super::shapes::{Area, Areas, PlaceCell, Site};
use crate::dataset::Dataset;
use crate::model::{Holder, PlaceIx, Snapshot, StaleAfter, Status};
use chrono::NaiveDate;
use geo::bool_ops::FillRule;
use geo::{BooleanOps, MultiPolygon, Polygon};
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// The tracked places of a dataset with their state at a date.
pub fn sites_at(dataset: &Dataset, date: NaiveDate, stale: StaleAfter) -> Vec<Site> {
    sites_with(dataset, date, stale, |p| dataset.timeline.segment_at(p, date))
}

/// The same from a snapshot the viewer keeps stepping.
pub fn sites_in(dataset: &Dataset, snapshot: &Snapshot, stale: StaleAfter) -> Vec<Site> {
    sites_with(dataset, snapshot.date(), stale, |p| dataset.timeline.segment_in(snapshot, p))
}

fn sites_with<'a>(
    dataset: &'a Dataset,
    date: NaiveDate,
    stale: StaleAfter,
    segment: impl Fn(PlaceIx) -> Option<&'a crate::model::Segment>,
) -> Vec<Site> {
    let stale = stale.on(date);
    dataset
        .tracked_places()
        .iter()
        .map(|&p| {
            let (holder, status, last) =
                segment(p).map_or((None, Status::Unknown, None), |s| (s.holder, s.status, s.last_evidence));
            Site {
                place: p,
                merc: dataset.mercator(p),
                lat: dataset.place(p).lat,
                kind: dataset.kind_and_population(p).0,
                holder,
                status,
                stale: stale.is_stale(last),
            }
        })
        .collect()
}

/// Places at one point, with the state they show together.
struct Group {
    merc: [f64; 2],
    radius: f64,
    places: Vec<PlaceIx>,
    holder: Holder,
    status: Status,
    stale: bool,
}

/// The same on at most `threads` threads, for work in the background.
pub fn compute_with_threads(sites: &[Site], land: &Land, options: &AreaOptions, threads: usize) -> Areas {
    super::par::with_threads(threads, || compute(sites, land, options))
}

/// Areas and front lines for the sites' holders, on the region's land.
pub fn compute(sites: &[Site], land: &Land, options: &AreaOptions) -> Areas {
    let groups = group(sites, options);
    let points: Vec<[f64; 2]> = groups.iter().map(|g| g.merc).collect();
    let grid = land.grid();
    // A place whose whole disc is off the region's land needs no cell, though it still bounds its neighbours'.
    let radii: Vec<f64> = groups
        .iter()
        .map(|g| {
            let ([x, y], r) = (g.merc, g.radius);
            if grid.side(x - r, y - r, x + r, y + r) == Side::Outside { 0.0 } else { r }
        })
        .collect();
    let (cells, pairs) = capped_cells(&points, &radii, options.circle_segments);
    let sides: Vec<Side> = cells.iter().map(|c| side_of(grid, c)).collect();

    let key_of = |g: &Group| (g.holder.unwrap_or(u32::MAX), rank(g.status), g.stale);
    let mut by_key: BTreeMap<(u32, u8, bool), Vec<usize>> = BTreeMap::new();
    for (i, g) in groups.iter().enumerate() {
        if g.status != Status::Unknown && sides[i] != Side::Outside {
            by_key.entry(key_of(g)).or_default().push(i);
        }
    }
    let land = land.polygon();
    // A cell that shares no edge with a cell of the same holder and status is a piece of its
    // area as it is: only the others need merging (a boolean union, the costly part).
    let mut joined = vec![false; groups.len()];
    for &(i, j) in &pairs {
        let (a, b) = (i as usize, j as usize);
        if key_of(&groups[a]) == key_of(&groups[b])
            && (cells[a].edge_with(j).is_some() || cells[b].edge_with(i).is_some())
        {
            joined[a] = true;
            joined[b] = true;
        }
    }
    let keyed: Vec<Vec<usize>> = by_key.into_values().collect();
    let holders: Vec<Holder> = groups.iter().map(|g| g.holder).collect();
    // Front lines need only the cells: they are traced while the areas are merged.
    let (fronts, areas) = par::join(
        || fronts(&cells, &sides, &pairs, &holders, land),
        || merge(&keyed, &groups, &cells, &sides, &joined, land),
    );
    let cells = groups
        .into_iter()
        .zip(cells)
        .map(|(g, c): (Group, Cell)| PlaceCell {
            places: g.places,
            holder: g.holder,
            status: g.status,
            polygon: Polygon::new(
                geo::LineString(if c.ring.len() >= 3 { c.ring } else { Vec::new() }),
                Vec::new(),
            ),
        })
        .collect();
    Areas { areas, fronts, cells }
}

/// The area of each (holder, status): its members' cells merged and clipped to land.
fn merge(
    keyed: &[Vec<usize>],
    groups: &[Group],
    cells: &[Cell],
    sides: &[Side],
    joined: &[bool],
    land: &MultiPolygon<f64>,
) -> Vec<Area> {
    par_map(keyed, 1, |members| {
        let first = &groups[members[0]];
        let (alone, rest): (Vec<usize>, Vec<usize>) =
            members.iter().partition(|&&i| sides[i] == Side::Inside && !joined[i]);
        let mut pieces: Vec<Polygon<f64>> = alone.iter().map(|&i| cells[i].polygon()).collect();
        if !rest.is_empty() {
            let merged = MultiPolygon(rest.iter().map(|&i| cells[i].polygon()).collect());
            // Cells far from the coast and borders need no clip, only merging.
            let region = if rest.iter().all(|&i| sides[i] == Side::Inside) {
                merged.union_with_fill_rule(&MultiPolygon(Vec::new()), FillRule::NonZero)
            } else {
                merged.intersection_with_fill_rule(land, FillRule::NonZero)
            };
            pieces.extend(region.0);
        }
        let region = MultiPolygon(pieces);
        (!region.0.is_empty()).then(|| Area {
            faction: first.holder,
            status: first.status,
            stale: first.stale,
            places: members.iter().flat_map(|&i| groups[i].places.iter().copied()).collect(),
            region: Region::new(region),
        })
    })
    .into_iter()
    .flatten()
    .collect()
}

fn side_of(grid: &LandGrid, cell: &Cell) -> Side {
    if cell.ring.len() < 3 {
        return Side::Outside;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in &cell.ring {
        (x0, y0, x1, y1) = (x0.min(p.x), y0.min(p.y), x1.max(p.x), y1.max(p.y));
    }
    grid.side(x0, y0, x1, y1)
}

fn rank(status: Status) -> u8 {
    match status {
        Status::Held => 0,
        Status::Claimed => 1,
        Status::Contested => 2,
        Status::Unknown => 3,
    }
}

/// Merges places at the same point (a town and its air base given one coordinate): their cell
/// reaches as far as the furthest of them, and sides that disagree make it contested.
fn group(sites: &[Site], options: &AreaOptions) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::with_capacity(sites.len());
    let mut at: HashMap<[u64; 2], usize, BuildHasherDefault<PointHasher>> =
        HashMap::with_capacity_and_hasher(sites.len(), BuildHasherDefault::default());
    for s in sites {
        let [x, y] = s.merc;
        if !(x.is_finite() && y.is_finite() && s.lat.is_finite()) {
            continue;
        }
        let radius = km_to_units(options.radius_km(s.kind), s.lat);
        // +0.0 folds -0.0 into 0.0 so both land in one group.
        let key = [(x + 0.0).to_bits(), (y + 0.0).to_bits()];
        match at.get(&key) {
            Some(&g) => {
                let group = &mut groups[g];
                group.radius = group.radius.max(radius);
                group.places.push(s.place);
                (group.holder, group.status) = combine((group.holder, group.status), (s.holder, s.status));
                // Fresh evidence for any place at the point makes the point current.
                group.stale &= s.stale;
            }
            None => {
                at.insert(key, groups.len());
                groups.push(Group {
                    merc: s.merc,
                    radius,
                    places: vec![s.place],
                    holder: s.holder,
                    status: s.status,
                    stale: s.stale,
                });
            }
        }
    }
    groups
}

/// A hasher for the bits of coordinates, far cheaper than SipHash; the keys are not chosen by an
/// adversary, only read from the dataset.
#[derive(Default)]
struct PointHasher(u64);

impl Hasher for PointHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

fn combine(a: (Holder, Status), b: (Holder, Status)) -> (Holder, Status) {
    let holder = match (a.0, b.0) {
        (Some(x), Some(y)) if x != y => return (None, Status::Contested),
        (Some(x), _) | (_, Some(x)) => Some(x),
        (None, None) => None,
    };
    // The less certain of the known statuses; an unknown place beside it changes nothing.
    let status = [a.1, b.1]
        .into_iter()
        .filter(|&s| s != Status::Unknown)
        .max_by_key(|&s| rank(s))
        .unwrap_or(Status::Unknown);
    (holder, status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn places_at_one_point_show_one_state() {
        type State = (Holder, Status);
        let rows: Vec<(&str, State, State, State)> = vec![
            ("same holder, held and claimed", (Some(1), Held), (Some(1), Claimed), (Some(1), Claimed)),
            ("two holders", (Some(1), Held), (Some(2), Held), (None, Contested)),
            ("holder and unknown", (None, Unknown), (Some(1), Held), (Some(1), Held)),
            ("holder and a contest nobody holds", (Some(1), Held), (None, Contested), (Some(1), Contested)),
            ("both unknown", (None, Unknown), (None, Unknown), (None, Unknown)),
            ("contested nobody holds, and unknown", (None, Contested), (None, Unknown), (None, Contested)),
        ];
        for (name, a, b, want) in rows {
            assert_eq!(combine(a, b), want, "{name}");
            assert_eq!(combine(b, a), want, "{name}, reversed");
        }
    }
}
