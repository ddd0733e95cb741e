//! Front lines: the stretches of cell boundary where two different holders' cells meet,
//! chained into lines and clipped to land.

use super::border::Side;
use super::cells::Cell;
use super::par::par_map;
use super::shapes::Front;
use crate::model::{FactionIx, Holder};
use geo::{BooleanOps, Coord, LineString, MultiLineString, MultiPolygon};
use std::collections::{BTreeMap, HashMap};

type Segment = (Coord<f64>, Coord<f64>);

pub(crate) fn fronts(
    cells: &[Cell],
    sides: &[Side],
    pairs: &[(u32, u32)],
    holders: &[Holder],
    land: &MultiPolygon<f64>,
) -> Vec<Front> {
    // Per pair of factions: segments well inside the land, and segments that need the clip.
    let mut by_pair: BTreeMap<(FactionIx, FactionIx), (Vec<Segment>, Vec<Segment>)> = BTreeMap::new();
    for &(i, j) in pairs {
        let (i, j) = (i as usize, j as usize);
        let (Some(a), Some(b)) = (holders[i], holders[j]) else { continue };
        if a == b || sides[i] == Side::Outside || sides[j] == Side::Outside {
            continue;
        }
        if let Some(segment) = shared_edge(&cells[i], i as u32, &cells[j], j as u32) {
            let (inside, across) = by_pair.entry((a.min(b), a.max(b))).or_default();
            if sides[i] == Side::Inside && sides[j] == Side::Inside { inside } else { across }.push(segment);
        }
    }
    let work: Vec<_> = by_pair.into_iter().collect();
    par_map(&work, 1, |(factions, (inside, across))| {
        let mut lines = chain(inside.clone()).0;
        if !across.is_empty() {
            lines.extend(land.clip(&chain(across.clone()), false).0);
        }
        lines.retain(|l| l.0.len() >= 2);
        (!lines.is_empty()).then_some(Front { factions: *factions, mercator: MultiLineString(lines) })
    })
    .into_iter()
    .flatten()
    .collect()
}

/// The part of the bisector of `i` and `j` that bounds both cells (the caps may shorten it).
fn shared_edge(ci: &Cell, i: u32, cj: &Cell, j: u32) -> Option<Segment> {
    let (a, b) = ci.edge_with(j)?;
    let (c, d) = cj.edge_with(i)?;
    let u = b - a;
    let len2 = u.x * u.x + u.y * u.y;
    if len2 <= 0.0 {
        return None;
    }
    let t = |p: Coord<f64>| ((p - a).x * u.x + (p - a).y * u.y) / len2;
    let (tc, td) = (t(c), t(d));
    let lo = tc.min(td).max(0.0);
    let hi = tc.max(td).min(1.0);
    (hi - lo > 1e-9).then(|| (a + u * lo, a + u * hi))
}

/// Joins segments end to end into lines. Ends computed in two cells differ in the last bits,
/// so they are matched on a grid of 1e-10 units (millimetres).
fn chain(segments: Vec<Segment>) -> MultiLineString<f64> {
    let key = |c: Coord<f64>| ((c.x * 1e10).round() as i64, (c.y * 1e10).round() as i64);
    let mut at: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (k, &(a, b)) in segments.iter().enumerate() {
        at.entry(key(a)).or_default().push(k);
        at.entry(key(b)).or_default().push(k);
    }
    let mut used = vec![false; segments.len()];
    let mut lines = Vec::new();
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (a, b) = segments[start];
        let mut forward = vec![a, b];
        extend(&mut forward, &segments, &at, &mut used, key);
        let mut backward = vec![a];
        extend(&mut backward, &segments, &at, &mut used, key);
        backward.reverse();
        backward.pop();
        backward.extend(forward);
        lines.push(LineString(backward));
    }
    MultiLineString(lines)
}

fn extend(
    line: &mut Vec<Coord<f64>>,
    segments: &[Segment],
    at: &HashMap<(i64, i64), Vec<usize>>,
    used: &mut [bool],
    key: impl Fn(Coord<f64>) -> (i64, i64),
) {
    while let Some(&end) = line.last() {
        let next = at.get(&key(end)).and_then(|list| list.iter().copied().find(|&k| !used[k]));
        let Some(k) = next else { break };
        used[k] = true;
        let (a, b) = segments[k];
        line.push(if key(a) == key(end) { b } else { a });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: f64, y: f64) -> Coord<f64> {
        Coord { x, y }
    }

    #[test]
    fn segments_join_into_lines_whichever_way_they_point() {
        let cases: Vec<(&str, Vec<Segment>, Vec<usize>)> = vec![
            ("one segment", vec![(c(0., 0.), c(1., 0.))], vec![2]),
            ("two in a row", vec![(c(0., 0.), c(1., 0.)), (c(1., 0.), c(2., 0.))], vec![3]),
            ("reversed second", vec![(c(0., 0.), c(1., 0.)), (c(2., 0.), c(1., 0.))], vec![3]),
            (
                "found from the middle",
                vec![(c(1., 0.), c(2., 0.)), (c(0., 0.), c(1., 0.)), (c(2., 0.), c(3., 1.))],
                vec![4],
            ),
            ("two apart", vec![(c(0., 0.), c(1., 0.)), (c(5., 0.), c(6., 0.))], vec![2, 2]),
            ("ends off by rounding", vec![(c(0., 0.), c(1., 0.)), (c(1.0 + 1e-15, 0.), c(2., 0.))], vec![3]),
        ];
        for (name, segments, lengths) in cases {
            let lines = chain(segments);
            let got: Vec<usize> = lines.0.iter().map(|l| l.0.len()).collect();
            assert_eq!(got, lengths, "{name}");
        }
    }
}
