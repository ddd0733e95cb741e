//! A headless wgpu device with egui's renderer on it: egui output in, an RGBA image out. No
//! window, no surface: on a machine without a GPU it runs on Mesa's CPU rasteriser (lavapipe, or
//! llvmpipe through GL).

use super::RenderError;
use egui_wgpu::wgpu;
use image::RgbaImage;
use std::sync::mpsc;
use std::time::Duration;

/// CPU rasterisers can take a while on big images; a lost device must not hang forever.
const WAIT: Duration = Duration::from_secs(60);
const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

pub struct Gpu {
    _instance: wgpu::Instance,
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
    /// What was picked, e.g. "llvmpipe (LLVM 15.0.6, 256 bits) (Vulkan, Cpu)".
    pub adapter: String,
    /// The largest width or height of an image, in pixels.
    pub max_side: u32,
}

/// Vulkan first (lavapipe), then GL (llvmpipe); a CPU adapter before any GPU, so that images are
/// the same from machine to machine.
fn pick_adapter() -> Result<(wgpu::Instance, wgpu::Adapter), RenderError> {
    let mut seen = Vec::new();
    for backends in [wgpu::Backends::VULKAN, wgpu::Backends::GL] {
        let mut descriptor = wgpu::InstanceDescriptor::new_without_display_handle();
        descriptor.backends = backends;
        descriptor.flags = wgpu::InstanceFlags::empty();
        let instance = wgpu::Instance::new(descriptor);
        let mut adapters = pollster::block_on(instance.enumerate_adapters(backends));
        adapters.sort_by_key(|a| match a.get_info().device_type {
            wgpu::DeviceType::Cpu => 0,
            wgpu::DeviceType::DiscreteGpu => 1,
            _ => 2,
        });
        seen.extend(adapters.iter().map(|a| a.get_info().name));
        if let Some(adapter) = adapters.into_iter().next() {
            return Ok((instance, adapter));
        }
    }
    Err(RenderError::NoAdapter { seen })
}

impl Gpu {
    pub fn new() -> Result<Gpu, RenderError> {
        let (instance, adapter) = pick_adapter()?;
        let info = adapter.get_info();
        let limits = adapter.limits();
        let descriptor = wgpu::DeviceDescriptor {
            label: Some("sandline render"),
            required_limits: wgpu::Limits {
                max_texture_dimension_2d: limits.max_texture_dimension_2d,
                ..wgpu::Limits::downlevel_webgl2_defaults()
            },
            ..Default::default()
        };
        let (device, queue) = pollster::block_on(adapter.request_device(&descriptor))
            .map_err(|e| RenderError::Device(e.to_string()))?;
        let renderer = egui_wgpu::Renderer::new(&device, FORMAT, egui_wgpu::RendererOptions::PREDICTABLE);
        Ok(Gpu {
            _instance: instance,
            device,
            queue,
            renderer,
            adapter: format!("{} ({:?}, {:?})", info.name, info.backend, info.device_type),
            max_side: limits.max_texture_dimension_2d,
        })
    }

    /// Takes in the font atlas and image changes of a pass that is not drawn here (one written
    /// as SVG), so that the next pass drawn finds the textures as egui left them.
    pub fn keep_textures(&mut self, output: &mut egui::FullOutput) {
        for (id, deltas) in output.textures_delta.set.drain() {
            for delta in deltas {
                self.renderer.update_texture(&self.device, &self.queue, id, &delta);
            }
        }
        for id in output.textures_delta.free.drain() {
            self.renderer.free_texture(&id);
        }
    }

    /// Draws one pass of egui output into a `size_px` image on a transparent background.
    pub fn render(
        &mut self,
        ctx: &egui::Context,
        mut output: egui::FullOutput,
        size_px: [u32; 2],
    ) -> Result<RgbaImage, RenderError> {
        for (id, deltas) in output.textures_delta.set.drain() {
            for delta in deltas {
                self.renderer.update_texture(&self.device, &self.queue, id, &delta);
            }
        }
        let free: Vec<egui::TextureId> = output.textures_delta.free.drain().collect();
        let ppp = output.pixels_per_point;
        let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), ppp);
        let screen = egui_wgpu::ScreenDescriptor { size_in_pixels: size_px, pixels_per_point: ppp };
        let mut encoder = self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor::default());
        let user =
            self.renderer.update_buffers(&self.device, &self.queue, &mut encoder, &primitives, &screen);
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("briefing"),
            size: wgpu::Extent3d { width: size_px[0], height: size_px[1], depth_or_array_layers: 1 },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("briefing"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        depth_slice: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, &primitives, &screen);
        }
        self.queue.submit(user.into_iter().chain(std::iter::once(encoder.finish())));
        let image = self.read_back(&texture, size_px);
        for id in &free {
            self.renderer.free_texture(id);
        }
        image
    }

    fn read_back(&self, texture: &wgpu::Texture, [w, h]: [u32; 2]) -> Result<RgbaImage, RenderError> {
        let row = w as usize * 4;
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
        let padded = row.div_ceil(align) * align;
        let buffer = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("briefing read-back"),
            size: (padded * h as usize) as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor::default());
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(padded as u32),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d { width: w, height: h, depth_or_array_layers: 1 },
        );
        let submission = self.queue.submit(std::iter::once(encoder.finish()));
        let slice = buffer.slice(..);
        let (sender, receiver) = mpsc::channel();
        slice.map_async(wgpu::MapMode::Read, move |r| drop(sender.send(r)));
        self.device
            .poll(wgpu::PollType::Wait { submission_index: Some(submission), timeout: Some(WAIT) })
            .map_err(|e| RenderError::Device(format!("waiting for the rasteriser: {e}")))?;
        match receiver.recv() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => return Err(RenderError::Device(format!("reading the image back: {e}"))),
            Err(_) => return Err(RenderError::Device("the image was never read back".into())),
        }
        let data = slice
            .get_mapped_range()
            .map_err(|e| RenderError::Device(format!("reading the image back: {e}")))?;
        let mut pixels = Vec::with_capacity(row * h as usize);
        for chunk in data.chunks_exact(padded) {
            pixels.extend_from_slice(&chunk[..row]);
        }
        drop(data);
        buffer.unmap();
        RgbaImage::from_raw(w, h, pixels).ok_or_else(|| RenderError::Device("short image read back".into()))
    }
}
