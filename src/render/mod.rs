//! Briefing images without a screen: the briefing frame (`draw::briefing`) run through
//! egui headless and rasterised by wgpu (on Mesa's CPU rasteriser when there is no GPU), then
//! written as PNG, animated GIF or APNG. The viewer's "Export" and `sandline render` both
//! come through here, so they draw the same picture.

mod compare;
mod encode;
mod gpu;
mod spec;
pub mod svg;
mod timelapse;
pub mod vector;
pub mod video;

pub use crate::draw::briefing::{BriefingText, View};
pub use crate::draw::briefing_layout::Placed;
pub use compare::{ImageDiff, Tolerance, compare};
pub use encode::{Animation, AnimationFormat, check_writable, png_bytes, write_atomic, write_png_atomic};
pub use spec::{
    BriefingSpec, DEFAULT_SIZE, MAX_SCALE, MAX_SIDE, MIN_SIDE, PAGE_SIZES, TIMELAPSE_SIZE, check_bbox,
    page_size,
};
pub use timelapse::{
    MAX_FRAMES, Step, TimelapseOut, changed_dates, frame_dates, frame_path, write_timelapse,
};
pub use vector::ImageFormat;

use crate::areas::{AreaCache, AreaOptions};
use crate::dataset::Dataset;
use crate::draw::area_layer::AreaLayer;
use crate::draw::briefing::briefing_ui;
use crate::draw::map_layer::Overlays;
use crate::scene::{SceneOptions, build};
use image::RgbaImage;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(
        "no graphics adapter for drawing without a screen (found {}); install Mesa's CPU rasteriser \
         (Debian/Ubuntu: apt-get install mesa-vulkan-drivers)",
        if seen.is_empty() { "none".to_string() } else { seen.join(", ") }
    )]
    NoAdapter { seen: Vec<String> },
    #[error("the graphics device failed: {0}")]
    Device(String),
    #[error("{0}")]
    Spec(String),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot encode {}: {message}", path.display())]
    Encode { path: PathBuf, message: String },
}

/// A headless renderer: a wgpu device, egui's renderer on it and an egui context. Making one
/// takes a moment (finding the adapter, compiling shaders); keep it to draw many images.
pub struct Renderer {
    gpu: gpu::Gpu,
    ctx: egui::Context,
    /// Timelapse frames often share holders: their areas are computed once.
    areas: AreaCache,
}

impl Renderer {
    /// Finds a graphics adapter (a CPU rasteriser first) and sets up drawing on it.
    pub fn new() -> Result<Renderer, RenderError> {
        let gpu = gpu::Gpu::new()?;
        let ctx = egui::Context::default();
        // Light, like the viewer and the printed page.
        ctx.set_theme(egui::Theme::Light);
        Ok(Renderer { gpu, ctx, areas: AreaCache::new(AreaOptions::default()) })
    }

    /// The adapter drawing the images, e.g. "llvmpipe (LLVM 15.0.6, 256 bits) (Vulkan, Cpu)".
    pub fn adapter(&self) -> &str {
        &self.gpu.adapter
    }

    /// The briefing image of `dataset` as `spec` describes it, `spec.pixel_size()` pixels.
    pub fn briefing(&mut self, dataset: &Dataset, spec: &BriefingSpec) -> Result<RgbaImage, RenderError> {
        self.briefing_laid_out(dataset, spec).map(|(image, _)| image)
    }

    /// The briefing image and where each of its parts went (in points).
    pub fn briefing_laid_out(
        &mut self,
        dataset: &Dataset,
        spec: &BriefingSpec,
    ) -> Result<(RgbaImage, Placed), RenderError> {
        spec.validate()?;
        let size_px = spec.pixel_size();
        if size_px[0] > self.gpu.max_side || size_px[1] > self.gpu.max_side {
            return Err(RenderError::Spec(format!(
                "{}x{} pixels is larger than this graphics adapter can draw ({} a side); use a smaller \
                 size or scale",
                size_px[0], size_px[1], self.gpu.max_side
            )));
        }
        let (output, placed) = self.draw(dataset, spec, false)?;
        let image = self.gpu.render(&self.ctx, output, size_px)?;
        Ok((image, placed))
    }

    /// The briefing as SVG: the same shapes as the PNG, as vectors, `width` by `height` points.
    pub fn briefing_svg(&mut self, dataset: &Dataset, spec: &BriefingSpec) -> Result<String, RenderError> {
        spec.validate()?;
        let (mut output, _) = self.draw(dataset, spec, true)?;
        self.gpu.keep_textures(&mut output);
        let per_size = self.ctx.fonts_mut(|f| f.row_height(&egui::FontId::proportional(100.0))) / 100.0;
        let size = egui::vec2(spec.width as f32, spec.height as f32);
        Ok(svg::svg(&output.shapes, size, per_size))
    }

    /// The briefing as a one-page PDF, made from its SVG.
    pub fn briefing_pdf(&mut self, dataset: &Dataset, spec: &BriefingSpec) -> Result<Vec<u8>, RenderError> {
        vector::pdf(&self.briefing_svg(dataset, spec)?)
    }

    /// One pass of egui over the briefing (`vector`: shapes kept untessellated, for SVG).
    fn draw(
        &mut self,
        dataset: &Dataset,
        spec: &BriefingSpec,
        vector: bool,
    ) -> Result<(egui::FullOutput, Placed), RenderError> {
        crate::draw::mesh_cache::set_vector_output(&self.ctx, vector);
        let snapshot = dataset.timeline.snapshot(spec.date.last_day());
        let options = SceneOptions {
            recent_days: spec.recent_days,
            hidden: spec.hidden.clone(),
            stale_after: spec.area_options.stale_after,
        };
        let scene = build(dataset, &snapshot, &options);
        let mut text =
            BriefingText::new(dataset, &scene, spec.date, &spec.title, spec.recent_days, &spec.hidden)
                .with_view(&spec.view_link(dataset));
        self.areas.set_options(spec.area_options.clone());
        let diff = match spec.compare_from {
            Some(from) => Some(
                crate::areas::diff(dataset, from, spec.date.last_day(), &mut self.areas)
                    .map_err(|e| RenderError::Spec(e.to_string()))?,
            ),
            None => None,
        };
        if let Some(diff) = &diff {
            text = text.comparing(dataset, diff);
        }
        let areas = (spec.areas || spec.fronts).then(|| self.areas.areas_in(dataset, &snapshot));
        let overlays = Overlays {
            areas: AreaLayer {
                areas: areas.as_ref().filter(|_| spec.areas),
                fronts: areas.as_ref().filter(|_| spec.fronts),
                changes: diff.as_ref().filter(|_| spec.areas).map_or(&[], |d| d.areas.as_slice()),
                hidden: &spec.hidden,
            },
            changed: diff.as_ref().map_or(&[], |d| d.rows.as_slice()),
        };
        let mut memory = walkers::MapMemory::default();
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(spec.width as f32, spec.height as f32),
            )),
            time: Some(0.0),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(spec.scale);
        }
        let mut placed = None;
        let output = self.ctx.run_ui(input, |ui| {
            placed =
                Some(briefing_ui(ui, dataset, &scene, &mut memory, spec.view, spec.inset, &text, overlays));
        });
        let placed = placed.ok_or_else(|| RenderError::Spec("the briefing was not laid out".into()))?;
        Ok((output, placed))
    }
}

/// Draws one briefing image with a fresh renderer. To draw several, keep a [`Renderer`].
pub fn render_briefing(dataset: &Dataset, spec: &BriefingSpec) -> Result<RgbaImage, RenderError> {
    Renderer::new()?.briefing(dataset, spec)
}

/// `sandline-2017-06-03.png` (or `sandline-2017-06.png` for a month): the default file name of
/// an exported briefing.
pub fn default_file_name(spec: &BriefingSpec) -> String {
    format!("sandline-{}.png", spec.date)
}

/// The image as egui holds one, e.g. for `ctx.copy_image` ("Copy image").
pub fn color_image(image: &RgbaImage) -> egui::ColorImage {
    let size = [image.width() as usize, image.height() as usize];
    egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartialDate;

    #[test]
    fn exported_files_are_named_after_the_date() {
        let day = BriefingSpec::new(PartialDate::parse("2017-06-03").unwrap());
        assert_eq!(default_file_name(&day), "sandline-2017-06-03.png");
        let month = BriefingSpec::new(PartialDate::parse("2017-06").unwrap());
        assert_eq!(default_file_name(&month), "sandline-2017-06.png");
        let image = RgbaImage::from_pixel(3, 2, image::Rgba([1, 2, 3, 255]));
        assert_eq!(color_image(&image).size, [3, 2]);
    }
}
