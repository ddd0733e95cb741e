//! Areas of control on the map: translucent fills under the markers (contested land hatched),
//! front lines, and in compare mode the land each side gained (solid) and lost (hatched).
//! Shared by the viewer and briefing images through `map_view`.

use super::map_layer::ScreenTransform;
use super::marker_style::color;
use crate::areas::{AreaChange, Areas, Region};
use crate::model::{FactionIx, Holder, Rgb, Status};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2};
use std::sync::Arc;

/// What of the areas to draw this frame.
#[derive(Clone, Copy, Default)]
pub struct AreaLayer<'a> {
    /// The areas at the map's date; `None` when the areas are switched off.
    pub areas: Option<&'a Arc<Areas>>,
    /// Front lines between sides (drawn from `areas`, so they need them computed, not shown).
    pub fronts: Option<&'a Arc<Areas>>,
    /// Compare mode: the land gained and lost between the two dates.
    pub changes: &'a [AreaChange],
    /// Sides the user has hidden: neither their land nor their fronts are drawn.
    pub hidden: &'a [FactionIx],
}

/// What the layer's land and fronts are drawn from, to tell whether last frame's drawing still
/// stands: the very same areas (held, so that their memory cannot be reused by others), the same
/// hidden sides.
#[derive(Clone)]
pub struct AreaKey {
    areas: Option<Arc<Areas>>,
    fronts: Option<Arc<Areas>>,
    hidden: Vec<FactionIx>,
}

impl AreaKey {
    pub fn of(layer: &AreaLayer) -> Self {
        AreaKey { areas: layer.areas.cloned(), fronts: layer.fronts.cloned(), hidden: layer.hidden.to_vec() }
    }
}

impl PartialEq for AreaKey {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Option<Arc<Areas>>, b: &Option<Arc<Areas>>| match (a, b) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same(&self.areas, &other.areas) && same(&self.fronts, &other.fronts) && self.hidden == other.hidden
    }
}

/// The land of a side: its colour at this opacity.
const HELD_ALPHA: f32 = 0.30;
/// Only a party to the fight says it holds the places: paler.
const CLAIMED_ALPHA: f32 = 0.17;
const CONTESTED_ALPHA: f32 = 0.14;
const GAINED_ALPHA: f32 = 0.55;
/// Screen points between hatch lines.
const HATCH_SPACING: f32 = 7.0;
/// The colour of a front line, with a white casing so that it reads on any fill.
pub const FRONT: Color32 = Color32::from_rgb(0x14, 0x14, 0x14);

fn tint(rgb: Rgb, alpha: f32) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgba_unmultiplied(r, g, b, (alpha * 255.0).round() as u8)
}

fn holder_rgb(holder: Holder, colors: &impl Fn(FactionIx) -> Rgb) -> Rgb {
    holder.map_or(Rgb::UNKNOWN, colors)
}

/// What the layer draws this frame.
pub struct AreaShapes {
    /// In drawing order: land, then gains and losses, then fronts.
    pub shapes: Vec<Shape>,
    /// Too many front lines on screen to draw.
    pub fronts_hidden: bool,
}

/// The shapes of the layer, in drawing order: land, then gains and losses, then fronts.
pub fn area_shapes(
    layer: &AreaLayer,
    colors: impl Fn(FactionIx) -> Rgb,
    t: &ScreenTransform,
    rect: Rect,
) -> AreaShapes {
    let mut shapes = Vec::new();
    let hidden = |h: Holder| h.is_some_and(|f| layer.hidden.contains(&f));
    if let Some(areas) = layer.areas {
        let shown: Vec<&crate::areas::Area> = areas.areas.iter().filter(|a| !hidden(a.faction)).collect();
        // Every piece is measured once; the budgets then pick the sizes drawn and outlined.
        let seen: Vec<Seen> = shown.iter().map(|a| Seen::new(&a.region, t, rect, MIN_OUTLINED)).collect();
        let sizes = || seen.iter().flat_map(|s| s.pieces.iter().map(|&(_, size)| size));
        let min_size = size_for_budget(sizes(), MIN_PIECE, PIECE_BUDGET);
        let min_outlined = size_for_budget(sizes(), MIN_OUTLINED, OUTLINE_BUDGET);
        for (area, mut seen) in shown.into_iter().zip(seen) {
            seen.pieces.retain(|&(_, size)| size >= min_size);
            seen.min_outlined = min_outlined;
            let rgb = holder_rgb(area.faction, &colors);
            let alpha = match area.status {
                Status::Held => HELD_ALPHA,
                Status::Claimed => CLAIMED_ALPHA,
                _ => CONTESTED_ALPHA,
            };
            // Land whose every place was last reported long ago keeps less of its side's colour.
            let keep = if area.stale { super::marker_style::STALE_KEEP } else { 1.0 };
            shapes.push(seen.mesh(&area.region, t, tint(rgb, alpha * keep)));
            if area.status == Status::Contested {
                seen.hatch(&area.region, t, rect, Stroke::new(1.3, tint(rgb, 0.75 * keep)), &mut shapes);
            }
            seen.outline(&area.region, t, Stroke::new(0.8, tint(rgb, 0.55 * keep)), &mut shapes);
        }
    }
    for change in layer.changes.iter().filter(|c| !hidden(Some(c.faction))) {
        let rgb = colors(change.faction);
        let gained = Seen::new(&change.gained, t, rect, MIN_OUTLINED);
        shapes.push(gained.mesh(&change.gained, t, tint(rgb, GAINED_ALPHA)));
        gained.outline(&change.gained, t, Stroke::new(1.6, color(rgb)), &mut shapes);
        let lost = Seen::new(&change.lost, t, rect, MIN_OUTLINED);
        lost.hatch(&change.lost, t, rect, Stroke::new(2.0, tint(rgb, 0.9)), &mut shapes);
        lost.outline(&change.lost, t, Stroke::new(1.0, tint(rgb, 0.8)), &mut shapes);
    }
    let mut fronts_hidden = false;
    if let Some(areas) = layer.fronts {
        let mut lines: Vec<Vec<Pos2>> = Vec::new();
        let mut points = 0;
        let shown =
            areas.fronts.iter().filter(|f| !hidden(Some(f.factions.0)) && !hidden(Some(f.factions.1)));
        'fronts: for front in shown {
            for line in &front.mercator.0 {
                let screen = decimate(line.0.iter().map(|c| t.apply([c.x, c.y])));
                if screen.len() < 2 || !Rect::from_points(&screen).expand(4.0).intersects(rect) {
                    continue;
                }
                points += screen.len();
                if points > FRONT_POINTS {
                    fronts_hidden = true;
                    lines.clear();
                    break 'fronts;
                }
                lines.push(screen);
            }
        }
        for points in lines {
            shapes.push(Shape::line(points.clone(), Stroke::new(4.5, Color32::from_white_alpha(220))));
            shapes.push(Shape::line(points, Stroke::new(2.2, FRONT)));
        }
    }
    AreaShapes { shapes, fronts_hidden }
}

/// More front-line points than this on screen is a tangle, not a front: they are left out and
/// the viewer asks to zoom in.
pub const FRONT_POINTS: usize = 20_000;

/// The points of a line on screen, dropping those within a point and a half of the last kept.
fn decimate(points: impl Iterator<Item = Pos2>) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::new();
    let mut last = None;
    for p in points {
        match out.last() {
            Some(&q) if q.distance(p) < 1.5 => last = Some(p),
            _ => {
                out.push(p);
                last = None;
            }
        }
    }
    out.extend(last);
    out
}

/// Pieces of land narrower than this many points are left out of a frame.
const MIN_PIECE: f32 = 1.5;
/// At most this many pieces of land are drawn in a frame, the largest first: a dataset of tens
/// of thousands of places seen whole would otherwise send millions of triangles to the screen
/// each frame, for slivers a few points wide.
pub const PIECE_BUDGET: usize = 4000;
/// Outlines and hatching, the costly part of a piece to draw, go to the largest this many.
pub const OUTLINE_BUDGET: usize = 600;

fn screen_size(bbox: [f64; 4], t: &ScreenTransform) -> Rect {
    let [x0, y0, x1, y1] = bbox;
    Rect::from_two_pos(t.apply([x0, y0]), t.apply([x1, y1]))
}

/// The smallest size of piece given a treatment this frame: `min`, or larger when more than
/// `budget` of the `sizes` on screen are at least `min`.
fn size_for_budget(sizes: impl Iterator<Item = f32>, min: f32, budget: usize) -> f32 {
    let mut sizes: Vec<f32> = sizes.filter(|&size| size >= min).collect();
    if sizes.len() <= budget {
        return min;
    }
    let (_, nth, _) = sizes.select_nth_unstable_by(budget, |a, b| b.total_cmp(a));
    // Strictly above the piece just past the budget.
    *nth + f32::EPSILON
}
/// Outlines and hatching only on pieces at least this wide.
const MIN_OUTLINED: f32 = 8.0;

/// The pieces of a region that a frame draws: on screen and at least `MIN_PIECE` wide, with their size.
struct Seen {
    pieces: Vec<(usize, f32)>,
    /// Pieces at least this wide get outlines and hatching.
    min_outlined: f32,
}

impl Seen {
    fn new(region: &Region, t: &ScreenTransform, rect: Rect, min_outlined: f32) -> Seen {
        let pieces = region
            .pieces()
            .iter()
            .enumerate()
            .filter_map(|(i, piece)| {
                let screen = screen_size(piece.bbox, t);
                let size = screen.width().max(screen.height());
                (size >= MIN_PIECE && screen.intersects(rect)).then_some((i, size))
            })
            .collect();
        Seen { pieces, min_outlined }
    }

    fn mesh(&self, region: &Region, t: &ScreenTransform, fill: Color32) -> Shape {
        let triangles = region.triangles();
        let pieces = region.pieces();
        let mut mesh = Mesh::default();
        for &(i, _) in &self.pieces {
            let piece = &pieces[i];
            let base = mesh.vertices.len() as u32;
            let first = piece.vertices.start as u32;
            mesh.vertices.extend(triangles.vertices[piece.vertices.clone()].iter().map(|&v| Vertex {
                pos: t.apply(v),
                uv: WHITE_UV,
                color: fill,
            }));
            mesh.indices.extend(triangles.indices[piece.indices.clone()].iter().map(|&k| k - first + base));
        }
        Shape::mesh(mesh)
    }

    fn outline(&self, region: &Region, t: &ScreenTransform, stroke: Stroke, out: &mut Vec<Shape>) {
        for &(i, size) in &self.pieces {
            if size < self.min_outlined {
                continue;
            }
            let polygon = &region.mercator.0[i];
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                let points: Vec<Pos2> = ring.0.iter().map(|c| t.apply([c.x, c.y])).collect();
                if points.len() >= 2 {
                    out.push(Shape::line(points, stroke));
                }
            }
        }
    }

    fn hatch(&self, region: &Region, t: &ScreenTransform, rect: Rect, stroke: Stroke, out: &mut Vec<Shape>) {
        let triangles = region.triangles();
        let pieces = region.pieces();
        for &(i, size) in &self.pieces {
            if size < self.min_outlined {
                continue;
            }
            for tri in triangles.indices[pieces[i].indices.clone()].chunks_exact(3) {
                let [a, b, c] = [tri[0], tri[1], tri[2]].map(|v| t.apply(triangles.vertices[v as usize]));
                if !Rect::from_points(&[a, b, c]).intersects(rect) {
                    continue;
                }
                for segment in hatch_triangle([a, b, c], HATCH_SPACING) {
                    out.push(Shape::line_segment(segment, stroke));
                }
            }
        }
    }
}

/// Diagonal hatching inside a small rectangle, as the map hatches land.
pub fn hatch_rect(ui: &egui::Ui, rect: egui::Rect, ink: Color32) {
    let [a, b, c, d] = [rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()];
    let painter = ui.painter();
    for tri in [[a, b, c], [a, c, d]] {
        for segment in hatch_triangle(tri, 5.0) {
            painter.line_segment(segment, Stroke::new(1.2, ink));
        }
    }
}

/// The pieces of the lines `x - y = k * spacing` inside a triangle.
pub fn hatch_triangle(tri: [Pos2; 3], spacing: f32) -> Vec<[Pos2; 2]> {
    let f = |p: Pos2| p.x - p.y;
    let values = tri.map(f);
    let lo = values.iter().copied().fold(f32::INFINITY, f32::min);
    let hi = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if !(lo.is_finite() && hi.is_finite()) || spacing <= 0.0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut k = (lo / spacing).ceil();
    // A triangle far larger than the screen would make too many lines: the rest is off screen.
    let mut budget = 4000;
    while k * spacing <= hi && budget > 0 {
        budget -= 1;
        let v = k * spacing;
        let mut ends: Vec<Pos2> = Vec::with_capacity(2);
        for i in 0..3 {
            let (p, q) = (tri[i], tri[(i + 1) % 3]);
            let (fp, fq) = (values[i], values[(i + 1) % 3]);
            if (fp - v) * (fq - v) <= 0.0 && fp != fq {
                let s = (v - fp) / (fq - fp);
                let at = pos2(p.x + s * (q.x - p.x), p.y + s * (q.y - p.y));
                if !ends.iter().any(|e| e.distance(at) < 1e-3) {
                    ends.push(at);
                }
            }
        }
        if let [e0, e1] = ends[..] {
            out.push([e0, e1]);
        }
        k += 1.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_ends_and_drop_points_closer_than_a_point_and_a_half() {
        let p = |x: f32| pos2(x, 0.0);
        let cases: Vec<(Vec<Pos2>, Vec<Pos2>)> = vec![
            (vec![], vec![]),
            (vec![p(0.0), p(10.0)], vec![p(0.0), p(10.0)]),
            (vec![p(0.0), p(0.5), p(1.0), p(10.0)], vec![p(0.0), p(10.0)]),
            (vec![p(0.0), p(0.5), p(1.0)], vec![p(0.0), p(1.0)]),
            (vec![p(0.0), p(2.0), p(4.0)], vec![p(0.0), p(2.0), p(4.0)]),
        ];
        for (input, want) in cases {
            assert_eq!(decimate(input.clone().into_iter()), want, "{input:?}");
        }
    }

    #[test]
    fn hatch_lines_cross_a_triangle_at_the_spacing_and_stay_inside() {
        let tri = [pos2(0.0, 0.0), pos2(100.0, 0.0), pos2(0.0, 100.0)];
        // (spacing, expected number of lines)
        // A line through a corner only touches it: no piece.
        let cases = [(10.0, 19), (50.0, 3), (200.0, 1), (0.0, 0)];
        for (spacing, lines) in cases {
            let got = hatch_triangle(tri, spacing);
            assert_eq!(got.len(), lines, "spacing {spacing}");
            for [a, b] in got {
                for p in [a, b] {
                    assert!(p.x >= -1e-3 && p.y >= -1e-3 && p.x + p.y <= 100.0 + 1e-3, "{p:?} outside");
                }
                assert!(((a.x - a.y) - (b.x - b.y)).abs() < 1e-3, "each piece lies on one diagonal");
            }
        }
    }
}
