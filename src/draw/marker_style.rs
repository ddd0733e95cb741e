//! How a place looks: shape by kind, fill by holder, outline by status, a halo when it changed
//! hands recently. Used by the map, the legend and exported images alike.

use crate::model::{PlaceKind, Rgb, Status};
use egui::epaint::{CircleShape, PathShape, PathStroke};
use egui::{Color32, Pos2, Shape, Stroke, vec2};

pub fn color(rgb: Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}

/// Dark outline used around every marker, so light colours read on a light map.
pub const OUTLINE: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
/// The yellow of a recent change of hands (kept exact in GIF palettes too).
pub const RECENT: Rgb = Rgb([0xff, 0xd5, 0x00]);
/// The halo of a recent change of hands.
pub const RECENT_HALO: Color32 = Color32::from_rgb(RECENT.0[0], RECENT.0[1], RECENT.0[2]);

/// How much of a side's colour a stale place or area keeps: its newest evidence is older than the
/// stale limit, so the holder is the best reading, not a current report.
pub const STALE_KEEP: f32 = 0.4;

/// A colour faded toward white, as stale places are drawn: still the side's hue, visibly paler.
pub fn faded(c: Color32) -> Color32 {
    let mix = |v: u8| (f32::from(v) * STALE_KEEP + 255.0 * (1.0 - STALE_KEEP)).round() as u8;
    Color32::from_rgba_unmultiplied(mix(c.r()), mix(c.g()), mix(c.b()), c.a())
}

/// A marker's radius in points.
pub fn radius(kind: PlaceKind) -> f32 {
    match kind {
        PlaceKind::City => 8.0,
        PlaceKind::Town => 6.0,
        PlaceKind::Neighbourhood => 4.5,
        PlaceKind::Airbase | PlaceKind::OilTerminal | PlaceKind::OilField | PlaceKind::BorderCrossing => 7.0,
        PlaceKind::Region | PlaceKind::District => 11.0,
    }
}

/// The outline of a kind's shape around `c`, as a closed polygon (circles are returned as `None`).
fn outline(kind: PlaceKind, c: Pos2, r: f32) -> Option<Vec<Pos2>> {
    match kind {
        PlaceKind::Town | PlaceKind::City | PlaceKind::Neighbourhood => None,
        PlaceKind::Airbase => {
            Some(vec![c + vec2(0.0, -r * 1.15), c + vec2(r * 1.05, r * 0.8), c + vec2(-r * 1.05, r * 0.8)])
        }
        PlaceKind::OilTerminal | PlaceKind::OilField => Some(vec![
            c + vec2(0.0, -r * 1.2),
            c + vec2(r * 1.2, 0.0),
            c + vec2(0.0, r * 1.2),
            c + vec2(-r * 1.2, 0.0),
        ]),
        PlaceKind::BorderCrossing => {
            Some(vec![c + vec2(-r, -r), c + vec2(r, -r), c + vec2(r, r), c + vec2(-r, r)])
        }
        PlaceKind::Region | PlaceKind::District => Some(
            (0..6)
                .map(|i| {
                    let a = std::f32::consts::TAU * (i as f32) / 6.0 + std::f32::consts::FRAC_PI_6;
                    c + vec2(a.cos(), a.sin()) * r
                })
                .collect(),
        ),
    }
}

fn filled(kind: PlaceKind, c: Pos2, r: f32, fill: Color32, stroke: Stroke) -> Shape {
    match outline(kind, c, r) {
        None => Shape::Circle(CircleShape { center: c, radius: r, fill, stroke }),
        Some(points) => {
            Shape::Path(PathShape { points, closed: true, fill, stroke: PathStroke::from(stroke) })
        }
    }
}

fn dashed_ring(kind: PlaceKind, c: Pos2, r: f32, stroke: Stroke) -> Vec<Shape> {
    let points: Vec<Pos2> = match outline(kind, c, r) {
        None => (0..=32)
            .map(|i| {
                let a = std::f32::consts::TAU * i as f32 / 32.0;
                c + vec2(a.cos(), a.sin()) * r
            })
            .collect(),
        Some(mut p) => {
            p.push(p[0]);
            p
        }
    };
    Shape::dashed_line(&points, stroke, 3.0, 2.5)
}

/// The shapes of one marker. `scale` multiplies sizes (for exported images and the legend).
pub fn marker_shapes(
    kind: PlaceKind,
    status: Status,
    fill: Color32,
    recent: bool,
    c: Pos2,
    scale: f32,
) -> Vec<Shape> {
    let r = radius(kind) * scale;
    let mut shapes = Vec::new();
    if recent {
        shapes.push(Shape::circle_filled(c, r + 6.0 * scale, RECENT_HALO.gamma_multiply(0.85)));
        shapes.push(Shape::circle_stroke(c, r + 6.0 * scale, Stroke::new(1.0 * scale, OUTLINE)));
    }
    let region = matches!(kind, PlaceKind::Region | PlaceKind::District);
    let body = if region { fill.gamma_multiply(0.55) } else { fill };
    match status {
        Status::Held | Status::Unknown => {
            shapes.push(filled(kind, c, r, body, Stroke::new(1.5 * scale, OUTLINE)));
        }
        Status::Claimed => {
            // Only a party to the fight says so: a paler fill inside a dashed outline.
            shapes.push(filled(kind, c, r, body.gamma_multiply(0.55), Stroke::NONE));
            shapes.push(filled(kind, c, r * 0.55, body, Stroke::NONE));
            shapes.extend(dashed_ring(kind, c, r, Stroke::new(1.8 * scale, OUTLINE)));
        }
        Status::Contested => {
            // Fighting: the holder's colour hatched with white, inside a thick black-and-white ring.
            shapes.push(filled(kind, c, r, body, Stroke::NONE));
            let h = r * 0.8;
            for k in [-0.5f32, 0.0, 0.5] {
                let o = vec2(k * r, -k * r);
                shapes.push(Shape::line_segment(
                    [c + o + vec2(-h, -h) * 0.5, c + o + vec2(h, h) * 0.5],
                    Stroke::new(1.6 * scale, Color32::WHITE),
                ));
            }
            shapes.push(filled(
                kind,
                c,
                r + 1.0 * scale,
                Color32::TRANSPARENT,
                Stroke::new(3.0 * scale, OUTLINE),
            ));
            shapes.extend(dashed_ring(kind, c, r + 1.0 * scale, Stroke::new(1.6 * scale, Color32::WHITE)));
        }
    }
    if status == Status::Unknown {
        // A white dot, so that grey reads as "no information", not as a faction.
        shapes.push(Shape::circle_filled(c, 1.8 * scale, Color32::WHITE));
    }
    shapes
}

/// A rough bounding radius of a marker with its halo, for hit tests and label placement.
pub fn extent(kind: PlaceKind, recent: bool, scale: f32) -> f32 {
    (radius(kind) + if recent { 6.0 } else { 1.5 }) * scale
}
