//! Places: towns, bases, terminals, crossings and regions that a claim can be about.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Town,
    City,
    Airbase,
    OilTerminal,
    OilField,
    BorderCrossing,
    Region,
    District,
    /// A quarter of a city, or a camp or barracks inside one, where fighting is reported.
    Neighbourhood,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 9] = [
        PlaceKind::Town,
        PlaceKind::City,
        PlaceKind::Airbase,
        PlaceKind::OilTerminal,
        PlaceKind::OilField,
        PlaceKind::BorderCrossing,
        PlaceKind::Region,
        PlaceKind::District,
        PlaceKind::Neighbourhood,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Town => "town",
            PlaceKind::City => "city",
            PlaceKind::Airbase => "airbase",
            PlaceKind::OilTerminal => "oil_terminal",
            PlaceKind::OilField => "oil_field",
            PlaceKind::BorderCrossing => "border_crossing",
            PlaceKind::Region => "region",
            PlaceKind::District => "district",
            PlaceKind::Neighbourhood => "neighbourhood",
        }
    }

    /// Towns and cities are both settlements: a caller preferring one accepts the other.
    pub fn is_settlement(self) -> bool {
        matches!(self, PlaceKind::Town | PlaceKind::City)
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PlaceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == s.trim()).ok_or_else(|| {
            let names: Vec<&str> = PlaceKind::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown kind '{}': use one of {}", s.trim(), names.join(", "))
        })
    }
}

/// Where a place's row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceOrigin {
    /// The GeoNames extract (data/gazetteer/geonames.csv).
    GeoNames,
    /// The airfields list (data/gazetteer/airfields.csv).
    Airfield,
    /// The curated overlay (data/places.csv).
    Curated,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    /// Other spellings and names, in any script.
    pub aliases: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// Where the coordinate comes from, e.g. `geonames:2209055` or a written reference.
    pub coord_source: String,
    /// How far the true location may be from the coordinate.
    pub coord_precision_km: f64,
    pub population: u64,
    pub origin: PlaceOrigin,
}

impl Place {
    /// The name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in PlaceKind::ALL {
            assert_eq!(kind.as_str().parse::<PlaceKind>(), Ok(kind));
        }
        assert!("village".parse::<PlaceKind>().unwrap_err().contains("oil_terminal"));
    }
}
