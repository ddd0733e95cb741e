//! Between lon/lat and the Web Mercator unit square the areas are computed in, and from
//! kilometres to Mercator units at a latitude (Mercator is conformal: a small circle stays a circle).

use crate::projection::EARTH_CIRCUMFERENCE_KM;
use geo::{Coord, LineString, MapCoords, MultiLineString, MultiPolygon};

pub use crate::projection::{lonlat, mercator};

/// Kilometres on the ground, in Mercator units, at a latitude.
pub fn km_to_units(km: f64, lat: f64) -> f64 {
    km / (EARTH_CIRCUMFERENCE_KM * lat.to_radians().cos().max(1e-6))
}

pub(crate) fn to_lonlat_coord(c: Coord<f64>) -> Coord<f64> {
    let [x, y] = lonlat(c.x, c.y);
    Coord { x, y }
}

pub(crate) fn to_mercator_coord(c: Coord<f64>) -> Coord<f64> {
    let [x, y] = mercator(c.x, c.y);
    Coord { x, y }
}

/// A Mercator multipolygon in lon/lat, with exteriors counter-clockwise as GeoJSON asks.
pub fn polygons_to_lonlat(mp: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    use geo::orient::{Direction, Orient};
    mp.map_coords(to_lonlat_coord).orient(Direction::Default)
}

pub fn lines_to_lonlat(lines: &MultiLineString<f64>) -> MultiLineString<f64> {
    MultiLineString(
        lines.0.iter().map(|l| LineString(l.0.iter().map(|&c| to_lonlat_coord(c)).collect())).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kilometre_is_longer_in_units_further_north() {
        let south = km_to_units(10.0, 20.0);
        let north = km_to_units(10.0, 33.0);
        assert!(north > south);
        // At the equator, the whole circumference is one unit.
        assert!((km_to_units(EARTH_CIRCUMFERENCE_KM, 0.0) - 1.0).abs() < 1e-12);
    }
}
