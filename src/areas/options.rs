//! How far a place's control reaches, by kind of place.

use crate::model::{PlaceKind, StaleAfter};

/// Settings of the areas of control.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaOptions {
    /// The furthest a place of each kind claims land, in km, indexed like `PlaceKind::ALL`.
    radius_km: [f64; PlaceKind::ALL.len()],
    /// Segments of the circle that caps a cell: more is rounder and slower.
    pub circle_segments: usize,
    /// Land whose places were all last reported longer ago than this is drawn faded.
    pub stale_after: StaleAfter,
}

impl Default for AreaOptions {
    /// A city holds its suburbs and the roads into it (60 km); a town its oasis or farmland and
    /// the road either side (30 km); an air base or oil terminal little beyond its perimeter and
    /// approaches (15 km), and so does an oil field; a crossing only the post (10 km); a quarter
    /// of a city its streets (5 km). A region or district is a point standing for a large area,
    /// so it reaches far (100 and 120 km) where no town is nearer.
    fn default() -> Self {
        let mut options = AreaOptions {
            radius_km: [0.0; PlaceKind::ALL.len()],
            circle_segments: 32,
            stale_after: StaleAfter::default(),
        };
        for (kind, km) in [
            (PlaceKind::City, 60.0),
            (PlaceKind::Town, 30.0),
            (PlaceKind::Airbase, 15.0),
            (PlaceKind::OilTerminal, 15.0),
            (PlaceKind::OilField, 15.0),
            (PlaceKind::BorderCrossing, 10.0),
            (PlaceKind::Region, 100.0),
            (PlaceKind::District, 120.0),
            (PlaceKind::Neighbourhood, 5.0),
        ] {
            options = options.with_radius(kind, km);
        }
        options
    }
}

impl AreaOptions {
    pub fn radius_km(&self, kind: PlaceKind) -> f64 {
        self.radius_km[slot(kind)]
    }

    pub fn with_stale_after(mut self, stale_after: StaleAfter) -> Self {
        self.stale_after = stale_after;
        self
    }

    /// Sets how far places of `kind` reach; a negative or non-finite radius counts as 0 (no area).
    pub fn with_radius(mut self, kind: PlaceKind, km: f64) -> Self {
        self.radius_km[slot(kind)] = if km.is_finite() { km.max(0.0) } else { 0.0 };
        self
    }
}

/// Reads "town=40" (a kind and how far its places reach, in km), as the command line takes it.
pub fn parse_reach(text: &str) -> Result<(PlaceKind, f64), String> {
    let (kind, km) = text.split_once('=').ok_or_else(|| format!("'{text}' is not KIND=KM, e.g. town=40"))?;
    let kind: PlaceKind = kind.parse()?;
    let km: f64 = km.trim().parse().map_err(|_| format!("'{}' is not a number of km", km.trim()))?;
    if !(km.is_finite() && (0.0..=1000.0).contains(&km)) {
        return Err(format!("{km} km is out of range: give 0 to 1000 km"));
    }
    Ok((kind, km))
}

fn slot(kind: PlaceKind) -> usize {
    PlaceKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_reaches_further_than_a_town_and_a_town_than_a_base() {
        let o = AreaOptions::default();
        let r = |k| o.radius_km(k);
        assert!(r(PlaceKind::City) > r(PlaceKind::Town));
        assert!(r(PlaceKind::Town) > r(PlaceKind::Airbase));
        assert!(r(PlaceKind::Airbase) > r(PlaceKind::BorderCrossing));
        assert!(PlaceKind::ALL.iter().all(|&k| r(k) > 0.0));
    }

    #[test]
    fn reaches_parse_as_kind_equals_km() {
        let cases = [
            ("town=40", Ok((PlaceKind::Town, 40.0))),
            (" airbase = 7.5 ", Ok((PlaceKind::Airbase, 7.5))),
            ("city=0", Ok((PlaceKind::City, 0.0))),
            ("town", Err("is not KIND=KM")),
            ("village=10", Err("unknown kind 'village'")),
            ("town=far", Err("is not a number")),
            ("town=-5", Err("out of range")),
            ("town=NaN", Err("out of range")),
        ];
        for (text, want) in cases {
            match (parse_reach(text), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{text}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "{text}: {got}"),
                (got, want) => panic!("{text}: {got:?} vs {want:?}"),
            }
        }
    }

    #[test]
    fn radii_are_settable_and_never_negative() {
        let cases = [(25.0, 25.0), (-5.0, 0.0), (f64::NAN, 0.0), (f64::INFINITY, 0.0)];
        for (set, got) in cases {
            let o = AreaOptions::default().with_radius(PlaceKind::Town, set);
            assert_eq!(o.radius_km(PlaceKind::Town), got, "{set}");
            assert_eq!(o.radius_km(PlaceKind::City), 60.0);
        }
    }
}
