//! Web Mercator, in one place: from lon/lat to the unit square and back, the Earth's size, the
//! slippy-map tile, and the view that fits a bounding box. The core computes areas in these units;
//! the drawing moves them onto the screen; nothing here knows of egui or walkers.

use std::f64::consts::PI;

/// The Earth's equatorial circumference in km (WGS 84, 2π times 6,378,137 m): one Mercator unit
/// at the equator.
pub const EARTH_CIRCUMFERENCE_KM: f64 = 40_075.016_686;
/// Screen points across one slippy-map tile: the world is this wide at zoom 0.
pub const TILE_SIZE: f64 = 256.0;
/// Web Mercator's latitude limit, where the world becomes a square.
pub const MAX_LATITUDE: f64 = 85.051_128;

/// Web Mercator, normalised so that the world is the unit square (x east, y south).
pub fn mercator(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0;
    [x, y]
}

/// The inverse of [`mercator`]: (lon, lat) in degrees.
pub fn lonlat(x: f64, y: f64) -> [f64; 2] {
    let lon = x * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    [lon, lat]
}

/// Screen points per Mercator unit at a slippy-map zoom level.
pub fn points_per_unit(zoom: f64) -> f64 {
    TILE_SIZE * 2f64.powf(zoom)
}

/// Metres on the ground per screen point, at a latitude and zoom.
pub fn metres_per_point(lat: f64, zoom: f64) -> f64 {
    EARTH_CIRCUMFERENCE_KM * 1000.0 * lat.to_radians().cos() / points_per_unit(zoom)
}

/// A centre and a slippy-map zoom level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fitted {
    pub lon: f64,
    pub lat: f64,
    /// `None` when the box cannot be fitted (an empty screen area): keep the zoom as it is.
    pub zoom: Option<f64>,
}

/// The centre and zoom at which `[west, south, east, north]` fills a `width` by `height` points
/// screen area, with a small margin, the zoom kept within 2 to 12.
pub fn fit_bounds(width: f64, height: f64, [w, s, e, n]: [f64; 4]) -> Fitted {
    let a = mercator(w, n);
    let b = mercator(e, s);
    let zoom_x = (width / ((b[0] - a[0]) * TILE_SIZE)).log2();
    let zoom_y = (height / ((b[1] - a[1]) * TILE_SIZE)).log2();
    // A margin, so that coastal towns and their labels are not on the edge.
    let zoom = zoom_x.min(zoom_y) - 0.3;
    let [_, lat] = lonlat(0.0, (a[1] + b[1]) / 2.0);
    Fitted { lon: (w + e) / 2.0, lat, zoom: zoom.is_finite().then(|| zoom.clamp(2.0, 12.0)) }
}

/// What a `width` by `height` points screen shows around (`lon`, `lat`) at `zoom`:
/// `[west, south, east, north]`, the box `fit_bounds` fits back into such a screen.
pub fn view_bounds(lon: f64, lat: f64, zoom: f64, width: f64, height: f64) -> [f64; 4] {
    let [x, y] = mercator(lon, lat);
    let (half_w, half_h) = (width / 2.0 / points_per_unit(zoom), height / 2.0 / points_per_unit(zoom));
    let [west, north] = lonlat(x - half_w, (y - half_h).max(0.0));
    let [east, south] = lonlat(x + half_w, (y + half_h).min(1.0));
    [west, south, east, north]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_s_bounds_fit_back_into_the_same_view_with_the_margin() {
        for (lon, lat, zoom, width, height) in [
            (17.0, 27.0, 5.5, 1360.0, 695.0),
            (16.0, 29.1, 9.0, 800.0, 1100.0),
            (13.2, 32.9, 11.0, 640.0, 480.0),
        ] {
            let bounds = view_bounds(lon, lat, zoom, width, height);
            let fitted = fit_bounds(width, height, bounds);
            assert!((fitted.lon - lon).abs() < 1e-9, "{bounds:?}");
            assert!((fitted.lat - lat).abs() < 1e-9, "{bounds:?}");
            assert!((fitted.zoom.unwrap() - (zoom - 0.3)).abs() < 1e-9, "{bounds:?}: {fitted:?}");
        }
    }

    #[test]
    fn mercator_puts_greenwich_and_the_equator_at_the_centre() {
        let [x, y] = mercator(0.0, 0.0);
        assert!((x - 0.5).abs() < 1e-12 && (y - 0.5).abs() < 1e-12);
        let [_, north] = mercator(13.0, 32.9);
        let [_, south] = mercator(13.0, 20.0);
        assert!(north < south, "north is up");
    }

    #[test]
    fn lonlat_inverts_mercator_over_libya() {
        for (lon, lat) in [(9.0, 20.0), (13.18733, 32.88743), (25.0, 34.0), (0.0, 0.0)] {
            let [x, y] = mercator(lon, lat);
            let [lon2, lat2] = lonlat(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9, "{lon},{lat}");
        }
    }

    #[test]
    fn a_fitted_box_fills_the_screen_with_a_margin() {
        let bounds = [9.3, 19.4, 25.2, 33.3];
        let fitted = fit_bounds(1200.0, 700.0, bounds);
        let zoom = fitted.zoom.unwrap();
        let a = mercator(bounds[0], bounds[3]);
        let b = mercator(bounds[2], bounds[1]);
        let size = [(b[0] - a[0]) * points_per_unit(zoom), (b[1] - a[1]) * points_per_unit(zoom)];
        assert!(size[0] <= 1200.0 && size[1] <= 700.0, "{size:?} fits");
        assert!(size[0] > 900.0 || size[1] > 500.0, "{size:?} fills");
        assert!((fitted.lon - 17.25).abs() < 1e-12);
        assert!(fitted.lat > 19.4 && fitted.lat < 33.3);
        assert_eq!(fit_bounds(0.0, 0.0, bounds).zoom, None, "an empty screen keeps its zoom");
    }
}
