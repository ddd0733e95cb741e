//! Areas of control, front lines and what changed between two dates: from dots to territory.
//!
//! Each tracked place claims the land nearest to it (its Voronoi cell among all tracked places,
//! unknown ones included), capped at a radius that depends on its kind, clipped to Libya's land,
//! and merged with the cells of the same holder and status. Geometry is done in the Web Mercator
//! unit square, where the markers and base map are drawn; radii are converted from km at each
//! place's latitude. No GUI crate here.

mod border;
mod build;
mod cache;
mod cells;
pub mod diff;
pub mod export;
mod fronts;
mod options;
mod par;
pub mod project;
mod region;
mod shapes;

pub use border::Land;
pub use build::{compute, compute_with_threads, sites_at, sites_in};
pub use cache::AreaCache;
pub use diff::{AreaChange, Diff, DiffError, DiffRow, area_changes, changed_hands, diff};
pub use options::{AreaOptions, parse_reach};
pub use region::Region;
pub use shapes::{Area, Areas, Front, PlaceCell, Site};
