//! A briefing as SVG: the shapes egui produces for it (the same as the PNG's, untessellated),
//! written as SVG paths, circles, rectangles and text a vector editor opens with the text still
//! text. Filled triangle meshes (the base map's land, the areas of control) become one path per
//! colour, traced around their outline.

use egui::epaint::{ClippedShape, Mesh, PathShape, RectShape, TextShape};
use egui::{Color32, Pos2, Rect, Shape, Stroke};
use std::collections::HashMap;
use std::fmt::Write;

/// The font family the text is set in: egui's own default (Ubuntu Light), then any sans serif.
pub const FONT_FAMILY: &str = "Ubuntu, Ubuntu Light, sans-serif";

/// The SVG of a page of `size` points holding `shapes`. `font_height_per_size` is how much
/// taller a row of text is than its font size (the font's line height), to tell sizes from rows.
pub fn svg(shapes: &[ClippedShape], size: egui::Vec2, font_height_per_size: f32) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = size.x,
        h = size.y
    );
    let mut clips: Vec<Rect> = Vec::new();
    let mut body = String::new();
    let writer = Writer { font_height_per_size };
    for clipped in shapes {
        let k = match clips.iter().position(|c| *c == clipped.clip_rect) {
            Some(k) => k,
            None => {
                clips.push(clipped.clip_rect);
                clips.len() - 1
            }
        };
        let mut inner = String::new();
        writer.shape(&clipped.shape, &mut inner);
        if !inner.is_empty() {
            let _ = writeln!(body, r#"<g clip-path="url(#c{k})">{inner}</g>"#);
        }
    }
    out.push_str("<defs>");
    for (k, c) in clips.iter().enumerate() {
        let c = c.intersect(Rect::from_min_size(Pos2::ZERO, size));
        let _ = write!(
            out,
            r#"<clipPath id="c{k}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            num(c.min.x),
            num(c.min.y),
            num(c.width().max(0.0)),
            num(c.height().max(0.0))
        );
    }
    out.push_str("</defs>\n");
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

struct Writer {
    font_height_per_size: f32,
}

/// A number as SVG wants it: short, never NaN.
fn num(v: f32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let rounded = (v * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// `fill="#rrggbb"` (and an opacity when not opaque); egui's colours are premultiplied.
fn paint(attr: &str, c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    let opacity =
        if a == 255 { String::new() } else { format!(r#" {attr}-opacity="{}""#, num(f32::from(a) / 255.0)) };
    format!(r##"{attr}="#{r:02x}{g:02x}{b:02x}"{opacity}"##)
}

fn stroke_attrs(stroke: Stroke) -> String {
    if stroke.width <= 0.0 || stroke.color == Color32::TRANSPARENT {
        return r#"stroke="none""#.into();
    }
    format!(
        r#"{} stroke-width="{}" stroke-linejoin="round""#,
        paint("stroke", stroke.color),
        num(stroke.width)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

impl Writer {
    fn shape(&self, shape: &Shape, out: &mut String) {
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => shapes.iter().for_each(|s| self.shape(s, out)),
            Shape::Circle(c) => {
                let _ = write!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="{}" {} {}/>"#,
                    num(c.center.x),
                    num(c.center.y),
                    num(c.radius),
                    fill_or_none(c.fill),
                    stroke_attrs(c.stroke)
                );
            }
            Shape::Ellipse(e) => {
                let _ = write!(
                    out,
                    r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" {} {}/>"#,
                    num(e.center.x),
                    num(e.center.y),
                    num(e.radius.x),
                    num(e.radius.y),
                    fill_or_none(e.fill),
                    stroke_attrs(e.stroke)
                );
            }
            Shape::LineSegment { points, stroke } => {
                let _ = write!(
                    out,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {}/>"#,
                    num(points[0].x),
                    num(points[0].y),
                    num(points[1].x),
                    num(points[1].y),
                    stroke_attrs(*stroke)
                );
            }
            Shape::Path(p) => path(p, out),
            Shape::Rect(r) => rect(r, out),
            Shape::Text(t) => self.text(t, out),
            Shape::Mesh(mesh) => mesh_paths(mesh, out),
            // Not drawn by briefings; tessellated, they would still be triangles.
            Shape::Band(_) | Shape::QuadraticBezier(_) | Shape::CubicBezier(_) => {}
        }
    }

    /// Each row of text as one `<text>`, positioned at its first glyph's baseline.
    fn text(&self, t: &TextShape, out: &mut String) {
        for placed in &t.galley.rows {
            let row = &placed.row;
            let Some(first) = row.glyphs.first() else { continue };
            let text: String = row.glyphs.iter().map(|g| g.chr).collect();
            if text.trim().is_empty() {
                continue;
            }
            // A galley laid out without a colour takes the shape's.
            let laid_out = row.visuals.mesh.vertices.get(first.first_vertex as usize).map(|v| v.color);
            let color = t
                .override_text_color
                .or(laid_out.filter(|&c| c != Color32::PLACEHOLDER))
                .unwrap_or(t.fallback_color);
            // A layer's transform (the shrunk legend's) scales a row's size and mesh but not its
            // glyphs: scale them as the row was.
            let line = row.glyphs.iter().map(|g| g.line_height).fold(0.0, f32::max);
            let k = if line > 0.0 && row.size.y > 0.0 { row.size.y / line } else { 1.0 };
            let size = k * first.font_height / self.font_height_per_size;
            let x = t.pos.x + placed.pos.x + k * first.pos.x;
            let y = t.pos.y + placed.pos.y + k * first.pos.y;
            // The width egui set it in: another font is fitted to it, so nothing overlaps.
            let width = k * (row.glyphs.last().map_or(0.0, |g| g.pos.x + g.advance_width) - first.pos.x);
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}" textLength="{}" lengthAdjust="spacingAndGlyphs" {} xml:space="preserve">{}</text>"#,
                num(x),
                num(y),
                num(size),
                num(width),
                paint("fill", color),
                escape(&text)
            );
        }
    }
}

fn fill_or_none(c: Color32) -> String {
    if c == Color32::TRANSPARENT { r#"fill="none""#.into() } else { paint("fill", c) }
}

fn path(p: &PathShape, out: &mut String) {
    if p.points.len() < 2 {
        return;
    }
    let mut d = String::new();
    for (i, q) in p.points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, num(q.x), num(q.y));
    }
    if p.closed {
        d.push_str(" Z");
    }
    let fill = if p.closed { fill_or_none(p.fill) } else { r#"fill="none""#.into() };
    let stroke = match &p.stroke.color {
        egui::epaint::ColorMode::Solid(c) => stroke_attrs(Stroke::new(p.stroke.width, *c)),
        egui::epaint::ColorMode::UV(_) => r#"stroke="none""#.into(),
    };
    let _ = write!(out, r#"<path d="{d}" {fill} {stroke} stroke-linecap="round"/>"#);
}

fn rect(r: &RectShape, out: &mut String) {
    let (x, y, w, h) = (r.rect.min.x, r.rect.min.y, r.rect.width(), r.rect.height());
    let radius = f32::from(r.corner_radius.nw);
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" {} {}/>"#,
        num(x),
        num(y),
        num(w.max(0.0)),
        num(h.max(0.0)),
        num(radius),
        fill_or_none(r.fill),
        stroke_attrs(r.stroke)
    );
}

/// A mesh of flat-coloured triangles as one path per colour, traced around the outline of each
/// colour's triangles (edges no two of them share); triangles of mixed colours (a tessellated
/// stroke's fringe) are left out.
fn mesh_paths(mesh: &Mesh, out: &mut String) {
    let mut by_color: HashMap<Color32, Vec<[u32; 3]>> = HashMap::new();
    let mut order: Vec<Color32> = Vec::new();
    let pos = |i: u32| mesh.vertices.get(i as usize).map(|v| v.pos);
    for tri in mesh.indices.chunks_exact(3) {
        let Some(v) = tri.iter().map(|&i| mesh.vertices.get(i as usize)).collect::<Option<Vec<_>>>() else {
            continue;
        };
        if v[0].color != v[1].color || v[1].color != v[2].color || v[0].color.a() == 0 {
            continue;
        }
        // Triangulations wind all their triangles one way: the edge two of them share meets
        // itself reversed. Degenerate triangles (no area) are left out.
        let (a, b, c) = (v[0].pos, v[1].pos, v[2].pos);
        if ((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() < 1e-6 {
            continue;
        }
        let tri = [tri[0], tri[1], tri[2]];
        by_color
            .entry(v[0].color)
            .or_insert_with(|| {
                order.push(v[0].color);
                Vec::new()
            })
            .push(tri);
    }
    for color in order {
        // Edges by the vertices they join (a polygon's triangles share vertices): an edge whose
        // reverse is there is inside; the rest is the outline.
        let mut edges: HashMap<(u32, u32), ()> = HashMap::new();
        for t in &by_color[&color] {
            for (a, b) in [(t[0], t[1]), (t[1], t[2]), (t[2], t[0])] {
                if edges.remove(&(b, a)).is_none() {
                    edges.insert((a, b), ());
                }
            }
        }
        let mut next: HashMap<u32, Vec<u32>> = HashMap::new();
        for (a, b) in edges.into_keys() {
            next.entry(a).or_default().push(b);
        }
        let mut starts: Vec<u32> = next.keys().copied().collect();
        starts.sort_unstable();
        let mut d = String::new();
        for start in starts {
            while let Some(mut at) = next.get_mut(&start).and_then(Vec::pop) {
                let (Some(a), Some(b)) = (pos(start), pos(at)) else { break };
                let _ = write!(d, "M{} {} L{} {}", num(a.x), num(a.y), num(b.x), num(b.y));
                while at != start {
                    let Some(to) = next.get_mut(&at).and_then(Vec::pop) else { break };
                    if let Some(p) = pos(to) {
                        let _ = write!(d, " L{} {}", num(p.x), num(p.y));
                    }
                    at = to;
                }
                d.push_str(" Z ");
            }
        }
        if !d.is_empty() {
            let _ = write!(
                out,
                r#"<path d="{}" {} fill-rule="nonzero" stroke="none"/>"#,
                d.trim_end(),
                paint("fill", color)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangles_of_one_colour_become_their_outline() {
        // A square of two triangles and a lone triangle of another colour.
        let mut mesh = Mesh::default();
        let red = Color32::from_rgb(200, 0, 0);
        for (x, y) in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)] {
            mesh.colored_vertex(Pos2::new(x, y), red);
        }
        mesh.add_triangle(0, 1, 2);
        mesh.add_triangle(0, 2, 3);
        let blue = Color32::from_rgb(0, 0, 200);
        for (x, y) in [(20.0, 0.0), (30.0, 0.0), (20.0, 10.0)] {
            mesh.colored_vertex(Pos2::new(x, y), blue);
        }
        mesh.add_triangle(4, 5, 6);
        let mut out = String::new();
        mesh_paths(&mesh, &mut out);
        let paths: Vec<&str> = out.split("<path").filter(|p| !p.is_empty()).collect();
        assert_eq!(paths.len(), 2, "{out}");
        assert!(paths[0].contains("fill=\"#c80000\""), "{out}");
        // The square's outline goes round its four corners, not along the diagonal.
        let square = paths[0].split('"').nth(1).unwrap();
        assert_eq!(square, "M0 0 L10 0 L10 10 L0 10 L0 0 Z");
        assert!(paths[1].contains("fill=\"#0000c8\""), "{out}");
    }

    /// The `<text>` of "Held" set at 20 points and drawn by `transform`: (x, y, font-size, textLength).
    fn held_text(transform: egui::emath::TSTransform) -> [f32; 4] {
        let ctx = egui::Context::default();
        let mut galley = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            galley = Some(ui.painter().layout_no_wrap(
                "Held".into(),
                egui::FontId::proportional(20.0),
                Color32::BLACK,
            ));
        });
        output.textures_delta.clear();
        let mut shape = TextShape::new(Pos2::new(100.0, 50.0), galley.unwrap(), Color32::BLACK);
        shape.transform(transform);
        let mut out = String::new();
        Writer { font_height_per_size: 1.0 }.text(&shape, &mut out);
        let attr = |name: &str| -> f32 {
            let start = out.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            out[start..].split('"').next().unwrap().parse().unwrap()
        };
        [attr("x"), attr("y"), attr("font-size"), attr("textLength")]
    }

    #[test]
    fn text_on_a_scaled_layer_is_scaled_as_its_glyphs_are() {
        let plain = held_text(egui::emath::TSTransform::IDENTITY);
        let half = held_text(egui::emath::TSTransform::new(egui::vec2(10.0, 0.0), 0.5));
        assert!((half[0] - (10.0 + plain[0] / 2.0)).abs() < 0.02, "{plain:?} {half:?}");
        assert!((half[1] - plain[1] / 2.0).abs() < 0.02, "{plain:?} {half:?}");
        assert!((half[2] - plain[2] / 2.0).abs() < 0.02, "{plain:?} {half:?}");
        assert!((half[3] - plain[3] / 2.0).abs() < 0.02, "{plain:?} {half:?}");
    }

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        assert_eq!(escape("Al-Bunyan & <Sirte> \"2016\""), "Al-Bunyan &amp; &lt;Sirte&gt; &quot;2016&quot;");
        assert_eq!(num(12.3456), "12.35");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(
            paint("fill", Color32::from_rgba_unmultiplied(255, 0, 0, 128)),
            "fill=\"#ff0000\" fill-opacity=\"0.5\""
        );
    }
}
