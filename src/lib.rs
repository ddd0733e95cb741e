//! sandline: who controls what in a civil war, town by town and day by day, and why we believe it.
//!
//! Layers, each importing only those below it (see the README's "Layout"):
//! the core (`model`, `gazetteer`, `dataset`, `areas`, `scene`, `projection`, `basemap`, `ingest`,
//! `review`)
//! knows nothing of any GUI; `draw` paints it with egui; `render` runs `draw` headless and `gui`
//! (cargo feature `gui`) in a window; `cli` turns the command line into calls on all of them.

pub mod areas;
pub mod basemap;
pub mod cli;
pub mod dataset;
pub mod draw;
pub mod gazetteer;
#[cfg(feature = "gui")]
pub mod gui;
pub mod import;
pub mod ingest;
pub mod model;
pub mod projection;
pub mod render;
pub mod review;
pub mod scene;
pub mod screen_grid;
#[cfg(test)]
mod test_io;
pub mod view_link;
pub mod words;
