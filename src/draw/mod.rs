//! The egui painting that the viewer and headless rendering share: the map with its offline base
//! (`map_layer`), the areas of control over it (`area_layer`), the markers (`marker_style`), the
//! legend and the briefing frame around them. It draws from the core's data and knows nothing of
//! a window: `render` runs it without one, `gui` inside one.

pub mod area_layer;
pub mod briefing;
pub mod briefing_layout;
pub mod briefing_text;
pub mod gpu_mesh;
pub mod legend;
pub mod map_layer;
pub mod marker_stamps;
pub mod marker_style;
pub mod mesh_cache;
