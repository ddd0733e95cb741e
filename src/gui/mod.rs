//! The desktop viewer (cargo feature `gui`). It turns what the user does into calls on the core
//! and draws the scene with `draw`; its image export goes through `render`.

pub mod app;
pub mod compare;
pub mod export;
pub mod keyboard;
pub mod live_areas;
pub mod loading;
pub mod map_panel;
pub mod problems;
pub mod review_desk;
pub mod search;
pub mod state;
pub mod status_bar;
pub mod tiles;
pub mod timelapse_export;
pub mod timeline;
pub mod toolbar;
pub mod town_panel;

use crate::draw::gpu_mesh;

pub use app::SandlineApp;
pub use loading::{Progress, Viewer};
pub use state::{Action, Persisted, Step, ViewState, ViewerOptions};

/// Whether a graphical session is there to open a window in.
pub fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Opens the viewer window and runs until it is closed.
pub fn run(options: ViewerOptions, first: Vec<Action>) -> anyhow::Result<()> {
    if !display_available() {
        anyhow::bail!(
            "no display to open the viewer on (neither DISPLAY nor WAYLAND_DISPLAY is set); \
             `sandline render --date YYYY-MM-DD --out map.png` draws the same map without one"
        );
    }
    // An unreadable directory is one clear line, before any window opens; the data itself loads
    // on a worker thread while the window shows how far it has got.
    options.data.check()?;
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1360.0, 860.0]).with_title("sandline"),
        ..Default::default()
    };
    let (msaa_samples, depth_stencil) = (
        u32::from(native.multisampling),
        egui_wgpu::depth_format_from_bits(native.depth_buffer, native.stencil_buffer),
    );
    eframe::run_native(
        "sandline",
        native,
        Box::new(move |cc| {
            if let Some(wgpu) = &cc.wgpu_render_state {
                let target = gpu_mesh::Target { format: wgpu.target_format, msaa_samples, depth_stencil };
                gpu_mesh::install(&wgpu.device, &mut wgpu.renderer.write(), target);
                gpu_mesh::enable(&cc.egui_ctx, true);
            }
            let persisted = cc.storage.and_then(|s| eframe::get_value(s, &options.persist_key()));
            let viewer = first.into_iter().fold(Viewer::start(options, persisted), Viewer::then);
            Ok(Box::new(viewer))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the viewer window: {e}"))
}
