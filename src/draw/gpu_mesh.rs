//! Cached meshes drawn from buffers on the GPU. A mesh handed to egui as a shape is copied into
//! the frame's triangles and uploaded again every frame, though it changes only when the view
//! or the data does; a base map and areas of control are hundreds of thousands of vertices.
//! Drawn through a paint callback instead, a mesh is uploaded once and each frame only points
//! the GPU at it.
//!
//! A renderer draws these callbacks once [`install`] has given it the pipeline; a context draws
//! cached meshes through them once [`enable`] says its renderer can. Anything else (the
//! headless render, SVG and PDF, a test without a GPU) keeps meshes as shapes.

use egui::epaint::{Mesh, Vertex};
use egui::{Id, Rect};
use egui_wgpu::wgpu;
use rustc_hash::FxHashMap;
use std::sync::Arc;

const SHADER: &str = r#"
struct Screen { size_in_points: vec2<f32>, _pad: vec2<f32> };
@group(0) @binding(0) var<uniform> screen: Screen;

struct Out {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>,
};

@vertex
fn vs_main(@location(0) pos: vec2<f32>, @location(1) uv: vec2<f32>, @location(2) color: u32) -> Out {
    var out: Out;
    let ndc = pos / screen.size_in_points * 2.0 - 1.0;
    out.position = vec4<f32>(ndc.x, -ndc.y, 0.0, 1.0);
    // Premultiplied sRGB bytes, red in the lowest.
    out.color = vec4<f32>(
        f32(color & 255u), f32((color >> 8u) & 255u), f32((color >> 16u) & 255u), f32(color >> 24u)
    ) / 255.0;
    return out;
}

@fragment
fn fs_gamma(in: Out) -> @location(0) vec4<f32> {
    return in.color;
}

// For a target that encodes to sRGB itself: hand it linear values.
@fragment
fn fs_linear(in: Out) -> @location(0) vec4<f32> {
    let c = in.color.rgb;
    let low = c / 12.92;
    let high = pow((c + 0.055) / 1.055, vec3<f32>(2.4));
    return vec4<f32>(select(high, low, c <= vec3<f32>(0.04045)), in.color.a);
}
"#;

/// What the pipeline must match in the render pass it draws into.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    pub format: wgpu::TextureFormat,
    pub msaa_samples: u32,
    pub depth_stencil: Option<wgpu::TextureFormat>,
}

/// The pipeline and the meshes on the GPU, kept in the renderer's callback resources.
struct GpuMeshes {
    pipeline: wgpu::RenderPipeline,
    screen: wgpu::Buffer,
    screen_group: wgpu::BindGroup,
    uploaded: FxHashMap<Id, Uploaded>,
}

struct Uploaded {
    /// The mesh the buffers hold; a new `Arc` means a new mesh.
    mesh: Arc<Mesh>,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
    count: u32,
}

/// Gives `renderer` what it needs to draw cached meshes through paint callbacks.
pub fn install(device: &wgpu::Device, renderer: &mut egui_wgpu::Renderer, target: Target) {
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("sandline cached mesh"),
        source: wgpu::ShaderSource::Wgsl(SHADER.into()),
    });
    let screen_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("sandline cached mesh screen"),
        entries: &[wgpu::BindGroupLayoutEntry {
            binding: 0,
            visibility: wgpu::ShaderStages::VERTEX,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Uniform,
                has_dynamic_offset: false,
                min_binding_size: None,
            },
            count: None,
        }],
    });
    let screen = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("sandline cached mesh screen"),
        size: 16,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let screen_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("sandline cached mesh screen"),
        layout: &screen_layout,
        entries: &[wgpu::BindGroupEntry { binding: 0, resource: screen.as_entire_binding() }],
    });
    let layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("sandline cached mesh"),
        bind_group_layouts: &[Some(&screen_layout)],
        immediate_size: 0,
    });
    let pipeline = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some("sandline cached mesh"),
        layout: Some(&layout),
        vertex: wgpu::VertexState {
            module: &module,
            entry_point: Some("vs_main"),
            buffers: &[Some(wgpu::VertexBufferLayout {
                array_stride: std::mem::size_of::<Vertex>() as u64,
                step_mode: wgpu::VertexStepMode::Vertex,
                attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
            })],
            compilation_options: Default::default(),
        },
        primitive: wgpu::PrimitiveState { cull_mode: None, ..Default::default() },
        depth_stencil: target.depth_stencil.map(|format| wgpu::DepthStencilState {
            format,
            depth_write_enabled: Some(false),
            depth_compare: Some(wgpu::CompareFunction::Always),
            stencil: Default::default(),
            bias: Default::default(),
        }),
        multisample: wgpu::MultisampleState { count: target.msaa_samples.max(1), ..Default::default() },
        fragment: Some(wgpu::FragmentState {
            module: &module,
            entry_point: Some(if target.format.is_srgb() { "fs_linear" } else { "fs_gamma" }),
            targets: &[Some(wgpu::ColorTargetState {
                format: target.format,
                // As egui blends: colours are premultiplied.
                blend: Some(wgpu::BlendState {
                    color: wgpu::BlendComponent {
                        src_factor: wgpu::BlendFactor::One,
                        dst_factor: wgpu::BlendFactor::OneMinusSrcAlpha,
                        operation: wgpu::BlendOperation::Add,
                    },
                    alpha: wgpu::BlendComponent {
                        src_factor: wgpu::BlendFactor::OneMinusDstAlpha,
                        dst_factor: wgpu::BlendFactor::One,
                        operation: wgpu::BlendOperation::Add,
                    },
                }),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: Default::default(),
        }),
        multiview_mask: None,
        cache: None,
    });
    renderer.callback_resources.insert(GpuMeshes {
        pipeline,
        screen,
        screen_group,
        uploaded: FxHashMap::default(),
    });
}

fn enabled_key() -> Id {
    Id::unique("sandline: cached meshes drawn on the GPU")
}

/// Whether `ctx`'s renderer draws cached meshes from GPU buffers (after [`install`]).
pub fn enable(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(enabled_key(), on));
}

pub fn enabled(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(enabled_key())).unwrap_or(false)
}

/// A shape that draws `mesh` from its GPU copy, made once for each mesh under `id`.
pub fn shape(id: Id, mesh: Arc<Mesh>, clip: Rect) -> egui::Shape {
    egui::Shape::Callback(egui_wgpu::Callback::new_paint_callback(clip, DrawMesh { id, mesh }))
}

struct DrawMesh {
    id: Id,
    mesh: Arc<Mesh>,
}

impl egui_wgpu::CallbackTrait for DrawMesh {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &egui_wgpu::ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut egui_wgpu::CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(gpu) = resources.get_mut::<GpuMeshes>() else {
            return Vec::new();
        };
        let ppp = screen.pixels_per_point;
        let size = [screen.size_in_pixels[0] as f32 / ppp, screen.size_in_pixels[1] as f32 / ppp, 0.0, 0.0];
        queue.write_buffer(&gpu.screen, 0, bytemuck::cast_slice(&size));
        let fresh = gpu.uploaded.get(&self.id).is_some_and(|u| Arc::ptr_eq(&u.mesh, &self.mesh));
        if !fresh {
            if self.mesh.indices.is_empty() {
                gpu.uploaded.remove(&self.id);
            } else {
                let last = gpu.uploaded.remove(&self.id);
                gpu.uploaded.insert(self.id, upload(device, queue, &self.mesh, last));
            }
        }
        Vec::new()
    }

    fn paint(
        &self,
        info: egui::PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &egui_wgpu::CallbackResources,
    ) {
        let Some(gpu) = resources.get::<GpuMeshes>() else { return };
        let Some(up) = gpu.uploaded.get(&self.id).filter(|u| Arc::ptr_eq(&u.mesh, &self.mesh)) else {
            return;
        };
        let [w, h] = info.screen_size_px;
        pass.set_viewport(0.0, 0.0, w as f32, h as f32, 0.0, 1.0);
        pass.set_pipeline(&gpu.pipeline);
        pass.set_bind_group(0, &gpu.screen_group, &[]);
        pass.set_vertex_buffer(0, up.vertices.slice(..));
        pass.set_index_buffer(up.indices.slice(..), wgpu::IndexFormat::Uint32);
        pass.draw_indexed(0..up.count, 0, 0..1);
    }
}

/// Copies `mesh` to the GPU, into the buffers of the `last` mesh under the same id when they are
/// large enough (a mesh made anew every frame, such as the markers', then allocates nothing).
fn upload(device: &wgpu::Device, queue: &wgpu::Queue, mesh: &Arc<Mesh>, last: Option<Uploaded>) -> Uploaded {
    let vertices: &[u8] = bytemuck::cast_slice(&mesh.vertices);
    let indices: &[u8] = bytemuck::cast_slice(&mesh.indices);
    let buffer = |kept: Option<wgpu::Buffer>, bytes: &[u8], usage: wgpu::BufferUsages| match kept {
        Some(buffer) if buffer.size() >= bytes.len() as u64 => {
            queue.write_buffer(&buffer, 0, bytes);
            buffer
        }
        _ => {
            // Room for some growth, so that a mesh a little larger next frame fits.
            let size =
                (bytes.len() as u64 + bytes.len() as u64 / 4).next_multiple_of(wgpu::COPY_BUFFER_ALIGNMENT);
            let buffer = device.create_buffer(&wgpu::BufferDescriptor {
                label: Some("sandline cached mesh"),
                size,
                usage: usage | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            });
            queue.write_buffer(&buffer, 0, bytes);
            buffer
        }
    };
    let (kept_vertices, kept_indices) = last.map_or((None, None), |u| (Some(u.vertices), Some(u.indices)));
    Uploaded {
        mesh: Arc::clone(mesh),
        vertices: buffer(kept_vertices, vertices, wgpu::BufferUsages::VERTEX),
        indices: buffer(kept_indices, indices, wgpu::BufferUsages::INDEX),
        count: mesh.indices.len() as u32,
    }
}
