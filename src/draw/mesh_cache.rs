//! Shapes that stay the same from frame to frame while the view does (the base map, the areas of
//! control), tessellated once into a mesh that later frames reuse. Scrubbing the slider moves
//! the date, not the view: the base map is never re-tessellated then, and the areas only when a
//! new state's areas arrive.

use super::gpu_mesh;
use egui::epaint::{Mesh, TessellationOptions, Tessellator};
use egui::{Id, Rect, Shape, Ui};
use std::sync::Arc;

/// What a cached mesh was made from, besides the caller's key: the same shapes tessellate
/// differently at another pixel density or with other options.
#[derive(Clone, PartialEq)]
struct Made<K> {
    key: K,
    pixels_per_point: f32,
    options: TessellationOptions,
    clip: Rect,
}

#[derive(Clone)]
struct Entry<K, T> {
    made: Made<K>,
    mesh: Arc<Mesh>,
    extra: T,
}

/// The shapes `make` returns, as one mesh tessellated the last time `key` changed (and `extra`,
/// whatever else `make` worked out with them). The shapes must not be text: glyphs are placed
/// in the font texture, which may be rebuilt between frames. Shapes outside `clip` are culled as
/// egui culls them.
pub fn cached_mesh<K, T>(
    ui: &Ui,
    id: Id,
    key: K,
    clip: Rect,
    make: impl FnOnce() -> (Vec<Shape>, T),
) -> (Shape, T)
where
    K: PartialEq + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    let ctx = ui.ctx();
    if vector_output(ctx) {
        // Drawn as vectors (SVG, PDF): the shapes themselves, lines kept as lines.
        let (shapes, extra) = make();
        return (Shape::Vec(shapes), extra);
    }
    let made = Made {
        key,
        pixels_per_point: ctx.pixels_per_point(),
        options: ctx.tessellation_options(|o| *o),
        clip,
    };
    let as_shape = |mesh: Arc<Mesh>| {
        if gpu_mesh::enabled(ctx) { gpu_mesh::shape(id, mesh, clip) } else { Shape::Mesh(mesh) }
    };
    let last = ctx.data(|d| d.get_temp::<Entry<K, T>>(id));
    let last_size = last.as_ref().map_or((0, 0), |e| (e.mesh.vertices.len(), e.mesh.indices.len()));
    if let Some(entry) = last.filter(|e| e.made == made) {
        return (as_shape(entry.mesh), entry.extra);
    }
    let (shapes, extra) = make();
    let mesh = Arc::new(tessellate(shapes, &made, last_size));
    ctx.data_mut(|d| d.insert_temp(id, Entry { made, mesh: Arc::clone(&mesh), extra: extra.clone() }));
    (as_shape(mesh), extra)
}

fn vector_key() -> Id {
    Id::unique("sandline: drawing for vector output")
}

/// Whether frames of `ctx` are drawn for vector output (SVG, PDF), where shapes must stay
/// shapes: they are then not tessellated into cached meshes.
pub fn set_vector_output(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(vector_key(), on));
}

pub fn vector_output(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(vector_key())).unwrap_or(false)
}

/// `size` is the vertices and indices of the last mesh under the same id: the new one is made
/// about as large, so room is made once rather than the mesh grown (and copied) many times.
fn tessellate<K>(shapes: Vec<Shape>, made: &Made<K>, (vertices, indices): (usize, usize)) -> Mesh {
    // No text goes in, so the font texture's size does not matter.
    let mut tessellator = Tessellator::new(made.pixels_per_point, made.options, [1, 1], Vec::new());
    tessellator.set_clip_rect(made.clip);
    let mut mesh = Mesh {
        vertices: Vec::with_capacity(vertices + vertices / 8),
        indices: Vec::with_capacity(indices + indices / 8),
        ..Mesh::default()
    };
    for shape in shapes {
        tessellator.tessellate_shape(shape, &mut mesh);
    }
    mesh
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Stroke, pos2};

    fn shapes() -> Vec<Shape> {
        vec![
            Shape::rect_filled(Rect::from_min_max(pos2(0.0, 0.0), pos2(50.0, 40.0)), 0.0, Color32::RED),
            Shape::line(
                vec![pos2(5.0, 5.0), pos2(30.0, 25.0), pos2(45.0, 5.0)],
                Stroke::new(2.0, Color32::BLUE),
            ),
        ]
    }

    /// Runs one frame and returns the mesh drawn, and how many times the shapes were made.
    fn frame(ctx: &egui::Context, key: u32, made: &mut usize) -> Mesh {
        let mut out = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
            let (shape, extra) = cached_mesh(ui, ui.scope_id().with("test"), key, clip, || {
                *made += 1;
                (shapes(), key * 2)
            });
            assert_eq!(extra, key * 2);
            let Shape::Mesh(mesh) = shape else { panic!("a mesh comes back") };
            out = Some((*mesh).clone());
        });
        output.textures_delta.clear();
        out.expect("the frame ran")
    }

    #[test]
    fn the_mesh_is_what_egui_would_tessellate_and_is_made_again_only_when_the_key_changes() {
        let ctx = egui::Context::default();
        let mut made = 0;
        let first = frame(&ctx, 1, &mut made);
        let again = frame(&ctx, 1, &mut made);
        assert_eq!(made, 1, "the same key reuses the mesh");
        assert_eq!(first.vertices.len(), again.vertices.len());
        frame(&ctx, 2, &mut made);
        assert_eq!(made, 2, "a new key makes it again");

        let mut egui_mesh = Mesh::default();
        let mut tessellator =
            Tessellator::new(ctx.pixels_per_point(), ctx.tessellation_options(|o| *o), [1, 1], Vec::new());
        for shape in shapes() {
            tessellator.tessellate_shape(shape, &mut egui_mesh);
        }
        assert_eq!(first.indices, egui_mesh.indices);
        assert_eq!(first.vertices, egui_mesh.vertices);
    }
}
