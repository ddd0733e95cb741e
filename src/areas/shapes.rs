//! What the areas hand out: the areas of control, front lines and cells for one set of holders.

use super::region::Region;
use crate::model::{FactionIx, Holder, PlaceIx, PlaceKind, Status};
use geo::{MultiLineString, MultiPolygon, Polygon};

/// One tracked place as the areas see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Site {
    pub place: PlaceIx,
    /// Web Mercator unit square.
    pub merc: [f64; 2],
    pub lat: f64,
    pub kind: PlaceKind,
    pub holder: Holder,
    pub status: Status,
    /// The newest evidence is older than the stale limit at the date: the area is drawn faded.
    pub stale: bool,
}

/// The merged land of every place with one holder and one status.
#[derive(Debug)]
pub struct Area {
    /// `None` only for contested places nobody is known to hold.
    pub faction: Holder,
    /// Held, claimed or contested (hatched); unknown places make no area.
    pub status: Status,
    /// Every place in it was last reported longer ago than the stale limit.
    pub stale: bool,
    /// The places whose cells make the area.
    pub places: Vec<PlaceIx>,
    pub region: Region,
}

/// Where the areas of two factions meet.
#[derive(Debug, Clone)]
pub struct Front {
    /// The two factions, lower index first.
    pub factions: (FactionIx, FactionIx),
    /// Web Mercator unit square.
    pub mercator: MultiLineString<f64>,
}

impl Front {
    pub fn lonlat(&self) -> MultiLineString<f64> {
        super::project::lines_to_lonlat(&self.mercator)
    }
}

/// A place's capped Voronoi cell before the land clip (places at the same point share one).
#[derive(Debug, Clone)]
pub struct PlaceCell {
    pub places: Vec<PlaceIx>,
    pub holder: Holder,
    pub status: Status,
    /// Convex, Web Mercator unit square; empty when the radius is 0 or the place's whole disc is
    /// off Libya's land.
    pub polygon: Polygon<f64>,
}

/// Areas of control and front lines for one set of holders.
#[derive(Debug, Default)]
pub struct Areas {
    /// One per (holder, status) present, held before claimed before contested for each holder.
    pub areas: Vec<Area>,
    pub fronts: Vec<Front>,
    pub cells: Vec<PlaceCell>,
}

impl Areas {
    /// All the land a faction holds, whatever the status: the union of its areas.
    pub fn territory(&self, faction: FactionIx) -> MultiPolygon<f64> {
        let parts: Vec<&MultiPolygon<f64>> =
            self.areas.iter().filter(|a| a.faction == Some(faction)).map(|a| &a.region.mercator).collect();
        match parts.as_slice() {
            [] => MultiPolygon(Vec::new()),
            [one] => (*one).clone(),
            many => geo::unary_union(many.iter().copied()),
        }
    }

    /// The factions holding some land, in index order.
    pub fn factions(&self) -> Vec<FactionIx> {
        let mut out: Vec<FactionIx> = self.areas.iter().filter_map(|a| a.faction).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
