//! Markers stamped from meshes made once for each look. A map shows the same few looks (a kind,
//! a status, a side's colour, a halo or not) at hundreds of places, and every frame of scrubbing
//! draws them all again. Tessellated shape by shape, they were most of a frame's work: each
//! circle and dashed ring worked out anew, into a mesh grown (and copied) many times over. A look
//! is tessellated once, at the origin; each frame copies its triangles to each marker's place,
//! into one mesh made as large as the last frame's. Other shapes drawn among the markers go into
//! the same mesh in their order; text, whose glyphs live in the font texture, ends the mesh, so
//! that the order stays.
//!
//! For vector output (SVG, PDF) the markers stay shapes. In the window the meshes are drawn
//! from GPU buffers (`gpu_mesh`): egui would copy them into its own mesh, then upload that.

use super::gpu_mesh;
use super::marker_style;
use super::mesh_cache::vector_output;
use crate::model::{PlaceKind, Status};
use egui::epaint::{Mesh, TessellationOptions, Tessellator, Vertex};
use egui::{Color32, Id, Painter, Pos2, Rect, Shape};
use rustc_hash::FxHashMap;

/// How a marker looks: all that its triangles depend on besides its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Look {
    pub kind: PlaceKind,
    pub status: Status,
    pub fill: Color32,
    pub recent: bool,
}

impl Look {
    fn shapes(self, center: Pos2) -> Vec<Shape> {
        marker_style::marker_shapes(self.kind, self.status, self.fill, self.recent, center, 1.0)
    }
}

/// The looks tessellated so far, for one pixel density and set of options, and how large the
/// last frame's meshes were.
#[derive(Clone, Default)]
struct Stamps {
    made_for: Option<(f32, TessellationOptions)>,
    meshes: FxHashMap<Look, Mesh>,
    last_size: (usize, usize),
}

fn stamps_id() -> Id {
    Id::unique("sandline: marker stamps")
}

/// Collects markers and the shapes drawn among them, in order, and paints them with
/// [`finish`](Self::finish).
pub struct Stamper {
    stamps: Stamps,
    tessellator: Tessellator,
    clip: Rect,
    /// Set when the meshes are drawn from GPU buffers: the id under which the first is kept.
    gpu: Option<Id>,
    mesh: Mesh,
    shapes: Vec<Shape>,
    size: (usize, usize),
    vector: bool,
}

impl Stamper {
    /// Shapes outside `clip` are culled as egui culls them. `id` names this layer of markers.
    pub fn new(ctx: &egui::Context, clip: Rect, id: Id) -> Stamper {
        let pixels_per_point = ctx.pixels_per_point();
        let options = ctx.tessellation_options(|o| *o);
        let mut stamps = ctx.data_mut(|d| std::mem::take(d.get_temp_mut_or_default::<Stamps>(stamps_id())));
        if stamps.made_for != Some((pixels_per_point, options)) {
            stamps = Stamps { made_for: Some((pixels_per_point, options)), ..Stamps::default() };
        }
        // No text is tessellated here, so the font texture's size does not matter.
        let mut tessellator = Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
        tessellator.set_clip_rect(clip);
        let mut stamper = Stamper {
            stamps,
            tessellator,
            clip,
            gpu: gpu_mesh::enabled(ctx).then_some(id),
            mesh: Mesh::default(),
            shapes: Vec::new(),
            size: (0, 0),
            vector: vector_output(ctx),
        };
        stamper.mesh = stamper.fresh_mesh();
        stamper
    }

    fn fresh_mesh(&self) -> Mesh {
        let (vertices, indices) = self.stamps.last_size;
        Mesh {
            vertices: Vec::with_capacity(vertices.saturating_sub(self.size.0)),
            indices: Vec::with_capacity(indices.saturating_sub(self.size.1)),
            ..Mesh::default()
        }
    }

    pub fn marker(&mut self, look: Look, center: Pos2) {
        if self.vector {
            self.shapes.extend(look.shapes(center));
            return;
        }
        let (tessellator, clip) = (&mut self.tessellator, self.clip);
        let stamp = self.stamps.meshes.entry(look).or_insert_with(|| {
            let mut stamp = Mesh::default();
            tessellator.set_clip_rect(Rect::EVERYTHING);
            for shape in look.shapes(Pos2::ZERO) {
                tessellator.tessellate_shape(shape, &mut stamp);
            }
            tessellator.set_clip_rect(clip);
            stamp
        });
        let offset = center.to_vec2();
        let base = self.mesh.vertices.len() as u32;
        self.mesh.indices.extend(stamp.indices.iter().map(|i| base + i));
        self.mesh.vertices.extend(stamp.vertices.iter().map(|v| Vertex { pos: v.pos + offset, ..*v }));
    }

    pub fn shape(&mut self, shape: Shape) {
        if self.vector {
            self.shapes.push(shape);
        } else if matches!(shape, Shape::Text(_)) {
            self.flush();
            self.shapes.push(shape);
        } else {
            self.tessellator.tessellate_shape(shape, &mut self.mesh);
        }
    }

    pub fn shapes(&mut self, shapes: impl IntoIterator<Item = Shape>) {
        for shape in shapes {
            self.shape(shape);
        }
    }

    fn flush(&mut self) {
        if !self.mesh.is_empty() {
            self.size.0 += self.mesh.vertices.len();
            self.size.1 += self.mesh.indices.len();
            let fresh = self.fresh_mesh();
            let mesh = std::sync::Arc::new(std::mem::replace(&mut self.mesh, fresh));
            self.shapes.push(match self.gpu {
                Some(id) => gpu_mesh::shape(id.with(self.shapes.len()), mesh, self.clip),
                None => Shape::Mesh(mesh),
            });
        }
    }

    /// Paints what was collected and keeps the stamps for the next frame.
    pub fn finish(mut self, painter: &Painter) {
        self.flush();
        painter.extend(self.shapes);
        let stamps = Stamps { last_size: self.size, ..self.stamps };
        painter.ctx().data_mut(|d| d.insert_temp(stamps_id(), stamps));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn look(kind: PlaceKind, status: Status, recent: bool) -> Look {
        Look { kind, status, fill: Color32::from_rgb(0x2a, 0x6f, 0xdb), recent }
    }

    /// What egui's tessellator makes of a marker's shapes drawn at `center`.
    fn tessellated(ctx: &egui::Context, look: Look, center: Pos2) -> Mesh {
        let options = ctx.tessellation_options(|o| *o);
        let mut tessellator = Tessellator::new(ctx.pixels_per_point(), options, [1, 1], Vec::new());
        let mut mesh = Mesh::default();
        for shape in look.shapes(center) {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        mesh
    }

    #[test]
    fn a_stamped_marker_is_the_marker_tessellated_in_its_place() {
        let ctx = egui::Context::default();
        let looks = [
            look(PlaceKind::City, Status::Held, false),
            look(PlaceKind::Town, Status::Claimed, true),
            look(PlaceKind::Airbase, Status::Contested, false),
            look(PlaceKind::Region, Status::Unknown, true),
        ];
        for look in looks {
            // Whole points: egui snaps level and upright line segments to pixels, and a stamp's
            // are snapped at the origin, so at a fraction of a point they may sit up to half a
            // pixel from where tessellating in place would put them.
            for center in [pos2(100.0, 40.0), pos2(-3.0, 812.0)] {
                let mut stamper = Stamper::new(&ctx, Rect::EVERYTHING, Id::unique("test"));
                stamper.marker(look, center);
                let expected = tessellated(&ctx, look, center);
                assert_eq!(stamper.mesh.indices, expected.indices, "{look:?}");
                assert_eq!(stamper.mesh.vertices.len(), expected.vertices.len(), "{look:?}");
                for (got, want) in stamper.mesh.vertices.iter().zip(&expected.vertices) {
                    assert!(got.pos.distance(want.pos) < 1e-3, "{look:?}: {got:?} against {want:?}");
                    assert_eq!((got.uv, got.color), (want.uv, want.color), "{look:?}");
                }
            }
        }
    }

    #[test]
    fn shapes_keep_their_order_and_text_ends_the_mesh() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut stamper = Stamper::new(ui.ctx(), Rect::EVERYTHING, Id::unique("test"));
            stamper.marker(look(PlaceKind::Town, Status::Held, false), pos2(10.0, 10.0));
            stamper.shape(Shape::circle_filled(pos2(20.0, 20.0), 3.0, Color32::RED));
            let text =
                ui.painter().layout_no_wrap("9".into(), egui::FontId::proportional(11.0), Color32::WHITE);
            stamper.shape(Shape::galley(pos2(0.0, 0.0), text, Color32::WHITE));
            stamper.marker(look(PlaceKind::Town, Status::Held, false), pos2(30.0, 30.0));
            stamper.flush();
            let kinds: Vec<&str> = stamper
                .shapes
                .iter()
                .map(|s| match s {
                    Shape::Mesh(_) => "mesh",
                    Shape::Text(_) => "text",
                    _ => "other",
                })
                .collect();
            assert_eq!(kinds, ["mesh", "text", "mesh"]);
        });
        output.textures_delta.clear();
    }

    #[test]
    fn a_look_is_tessellated_once_and_kept_between_frames() {
        let ctx = egui::Context::default();
        let held = look(PlaceKind::Town, Status::Held, false);
        for _ in 0..2 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let mut stamper = Stamper::new(ui.ctx(), Rect::EVERYTHING, Id::unique("test"));
                stamper.marker(held, pos2(5.0, 5.0));
                stamper.marker(held, pos2(50.0, 5.0));
                assert_eq!(stamper.stamps.meshes.len(), 1);
                stamper.finish(ui.painter());
            });
            output.textures_delta.clear();
        }
        let kept = ctx.data_mut(|d| d.get_temp_mut_or_default::<Stamps>(stamps_id()).meshes.len());
        assert_eq!(kept, 1);
    }
}
