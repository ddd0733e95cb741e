//! sandline: who controls what in a civil war, town by town and day by day, and why we believe it.
//!
//! The core (`model`, `gazetteer`, `dataset`) knows nothing of any GUI; the command line and the
//! viewer are thin layers that turn a user's actions into calls on it.

pub mod areas;
pub mod basemap;
pub mod cli;
pub mod dataset;
pub mod gazetteer;
pub mod gui;
pub mod ingest;
pub mod model;
pub mod render;
pub mod scene;

/// The areas of control allocate and free many small polygons from several threads, where
/// mimalloc is markedly faster than the system allocator; everything linking the library uses it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
