//! Between lon/lat and the Web Mercator unit square the areas are computed in, and from
//! kilometres to Mercator units at a latitude (Mercator is conformal: a small circle stays a circle).

use geo::{Coord, LineString, MapCoords, MultiLineString, MultiPolygon};

/// The Earth's equatorial circumference: one Mercator unit at the equator.
const CIRCUMFERENCE_KM: f64 = 40_075.016_686;

pub use crate::basemap::mercator;

/// The inverse of [`mercator`]: (lon, lat) in degrees.
pub fn lonlat(x: f64, y: f64) -> [f64; 2] {
    let lon = x * 360.0 - 180.0;
    let lat = (std::f64::consts::PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    [lon, lat]
}

/// Kilometres on the ground, in Mercator units, at a latitude.
pub fn km_to_units(km: f64, lat: f64) -> f64 {
    km / (CIRCUMFERENCE_KM * lat.to_radians().cos().max(1e-6))
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
    fn lonlat_inverts_mercator_over_libya() {
        for (lon, lat) in [(9.0, 20.0), (13.18733, 32.88743), (25.0, 34.0), (0.0, 0.0)] {
            let [x, y] = mercator(lon, lat);
            let [lon2, lat2] = lonlat(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9, "{lon},{lat}");
        }
    }

    #[test]
    fn a_kilometre_is_longer_in_units_further_north() {
        let south = km_to_units(10.0, 20.0);
        let north = km_to_units(10.0, 33.0);
        assert!(north > south);
        // At the equator, the whole circumference is one unit.
        assert!((km_to_units(CIRCUMFERENCE_KM, 0.0) - 1.0).abs() < 1e-12);
    }
}
