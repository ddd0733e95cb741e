//! The viewer driven as a user drives it (egui_kittest), in one test binary.

// Tests may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

mod common;
#[path = "../shared/pdf.rs"]
mod pdf;
mod ui_areas;
mod ui_gpu_mesh;
mod ui_loading;
mod ui_review;
mod ui_view_link;
mod ui_viewer;
