//! Areas of control on the map: translucent fills under the markers (contested land hatched),
//! front lines, and in compare mode the land each side gained (solid) and lost (hatched).
//! Shared by the viewer and briefing images through `map_view`.

use super::map_layer::{ScreenTransform, mesh};
use super::marker_style::color;
use crate::areas::{AreaChange, Areas, Region};
use crate::basemap::Triangles;
use crate::model::{FactionIx, Holder, Rgb, Status};
use egui::{Color32, Pos2, Rect, Shape, Stroke, pos2};

/// What of the areas to draw this frame.
#[derive(Clone, Copy, Default)]
pub struct AreaLayer<'a> {
    /// The areas at the map's date; `None` when the areas are switched off.
    pub areas: Option<&'a Areas>,
    /// Front lines between sides (drawn from `areas`, so they need them computed, not shown).
    pub fronts: Option<&'a Areas>,
    /// Compare mode: the land gained and lost between the two dates.
    pub changes: &'a [AreaChange],
    /// Sides the user has hidden: neither their land nor their fronts are drawn.
    pub hidden: &'a [FactionIx],
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

/// The shapes of the layer, in drawing order: land, then gains and losses, then fronts.
pub fn area_shapes(
    layer: &AreaLayer,
    colors: impl Fn(FactionIx) -> Rgb,
    t: &ScreenTransform,
    rect: Rect,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    let hidden = |h: Holder| h.is_some_and(|f| layer.hidden.contains(&f));
    if let Some(areas) = layer.areas {
        for area in areas.areas.iter().filter(|a| !hidden(a.faction)) {
            let rgb = holder_rgb(area.faction, &colors);
            let alpha = match area.status {
                Status::Held => HELD_ALPHA,
                Status::Claimed => CLAIMED_ALPHA,
                _ => CONTESTED_ALPHA,
            };
            shapes.push(mesh(area.region.triangles(), t, tint(rgb, alpha)));
            if area.status == Status::Contested {
                hatch(area.region.triangles(), t, rect, Stroke::new(1.3, tint(rgb, 0.75)), &mut shapes);
            }
            outline(&area.region, t, Stroke::new(0.8, tint(rgb, 0.55)), &mut shapes);
        }
    }
    for change in layer.changes.iter().filter(|c| !hidden(Some(c.faction))) {
        let rgb = colors(change.faction);
        shapes.push(mesh(change.gained.triangles(), t, tint(rgb, GAINED_ALPHA)));
        outline(&change.gained, t, Stroke::new(1.6, color(rgb)), &mut shapes);
        hatch(change.lost.triangles(), t, rect, Stroke::new(2.0, tint(rgb, 0.9)), &mut shapes);
        outline(&change.lost, t, Stroke::new(1.0, tint(rgb, 0.8)), &mut shapes);
    }
    if let Some(areas) = layer.fronts {
        for front in &areas.fronts {
            let (a, b) = front.factions;
            if hidden(Some(a)) || hidden(Some(b)) {
                continue;
            }
            for line in &front.mercator.0 {
                let points: Vec<Pos2> = line.0.iter().map(|c| t.apply([c.x, c.y])).collect();
                shapes.push(Shape::line(points.clone(), Stroke::new(4.5, Color32::from_white_alpha(220))));
                shapes.push(Shape::line(points, Stroke::new(2.2, FRONT)));
            }
        }
    }
    shapes
}

fn outline(region: &Region, t: &ScreenTransform, stroke: Stroke, out: &mut Vec<Shape>) {
    for polygon in &region.mercator.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let points: Vec<Pos2> = ring.0.iter().map(|c| t.apply([c.x, c.y])).collect();
            if points.len() >= 2 {
                out.push(Shape::line(points, stroke));
            }
        }
    }
}

/// Diagonal lines every `HATCH_SPACING` points across the triangles, in screen space so that
/// the hatching looks the same at every zoom. Lines of neighbouring triangles meet at their
/// shared edges, so the hatching runs unbroken across the region.
pub fn hatch(triangles: &Triangles, t: &ScreenTransform, rect: Rect, stroke: Stroke, out: &mut Vec<Shape>) {
    let screen: Vec<Pos2> = triangles.vertices.iter().map(|&v| t.apply(v)).collect();
    for tri in triangles.indices.chunks_exact(3) {
        let [a, b, c] = [screen[tri[0] as usize], screen[tri[1] as usize], screen[tri[2] as usize]];
        let bounds = Rect::from_points(&[a, b, c]);
        if !bounds.intersects(rect) {
            continue;
        }
        for segment in hatch_triangle([a, b, c], HATCH_SPACING) {
            out.push(Shape::line_segment(segment, stroke));
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
