//! The viewer's window draws the base map and the areas from GPU buffers (a paint callback),
//! not as triangles handed to egui each frame. Both ways must draw the same picture.

use crate::common::day;
use egui_kittest::Harness;
use egui_kittest::wgpu::{WgpuTestRenderer, create_render_state, default_wgpu_setup};
use sandline::dataset::DataDir;
use sandline::draw::gpu_mesh;
use sandline::gui::{SandlineApp, ViewerOptions};
use sandline::render::{Tolerance, compare};

fn picture(on_gpu: bool) -> image::RgbaImage {
    let state = create_render_state(default_wgpu_setup(), egui_wgpu::RendererOptions::PREDICTABLE);
    if on_gpu {
        let target = gpu_mesh::Target { format: state.target_format, msaa_samples: 1, depth_stencil: None };
        gpu_mesh::install(&state.device, &mut state.renderer.write(), target);
    }
    let options = ViewerOptions { data: DataDir::Embedded, date: Some(day("2019-06-01")), layer: None };
    let app = SandlineApp::new(options, None).expect("the built-in data loads");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .renderer(WgpuTestRenderer::from_render_state(state))
        .build_ui_state(|ui, app: &mut SandlineApp| app.show(ui), app);
    gpu_mesh::enable(&harness.ctx, on_gpu);
    harness.run_steps(3);
    harness.state_mut().wait_for_areas();
    harness.run_steps(2);
    harness.render().expect("the frame renders")
}

#[test]
fn the_map_drawn_from_gpu_buffers_is_the_map_drawn_as_triangles() {
    let on_gpu = picture(true);
    let as_triangles = picture(false);
    let tolerance = Tolerance::default();
    let diff = compare(&on_gpu, &as_triangles, &tolerance);
    assert!(diff.within(&tolerance), "the two ways of drawing differ: {diff}");
    // Not a blank map both ways: the base map's land and sea are two different colours.
    let (w, h) = on_gpu.dimensions();
    let colours: std::collections::HashSet<[u8; 4]> =
        (0..200).map(|i| on_gpu.get_pixel(w / 4 + i * 3, h / 2 - 100 + i).0).collect();
    assert!(colours.len() > 3, "the map has {} colours along a diagonal", colours.len());
}
