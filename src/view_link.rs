//! A view anyone can reopen, as one short line of text: the date, where the map is, the layers
//! and the hidden sides. "Copy view link" in the viewer puts it on the clipboard, every exported
//! image prints it in its credits, and `sandline gui --view` and `sandline render --view` reopen
//! exactly that view:
//!
//! `sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas,fronts&hide=bdb`
//!
//! `at` is LAT,LON of the map's centre with `zoom` (a slippy-map zoom, as the viewer's); a view of
//! a fixed box gives `bbox=WEST,SOUTH,EAST,NORTH` instead, and a view framed on the dataset gives
//! neither. `layers` lists what is drawn under the places (`areas`, `fronts`; empty for neither)
//! and `hide` the ids of the sides left out; `compare=YYYY-MM-DD` is compare mode's first date.
//! Unknown keys are refused, so a mistyped link is never half-read.

use crate::model::PartialDate;
use std::fmt;

/// Where the map is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    /// The dataset's own frame.
    Dataset,
    /// `[west, south, east, north]` in degrees.
    Bbox([f64; 4]),
    Center {
        lat: f64,
        lon: f64,
        zoom: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewLink {
    pub date: PartialDate,
    pub place: Place,
    pub areas: bool,
    pub fronts: bool,
    /// Ids of the sides left out.
    pub hide: Vec<String>,
    /// Compare mode's first date (the second is `date`).
    pub compare_from: Option<chrono::NaiveDate>,
}

const PREFIX: &str = "sandline:view?";

impl fmt::Display for ViewLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{PREFIX}date={}", self.date)?;
        match self.place {
            Place::Dataset => {}
            Place::Bbox([w, s, e, n]) => write!(f, "&bbox={w:.3},{s:.3},{e:.3},{n:.3}")?,
            Place::Center { lat, lon, zoom } => write!(f, "&at={lat:.3},{lon:.3}&zoom={zoom:.2}")?,
        }
        let layers: Vec<&str> = [(self.areas, "areas"), (self.fronts, "fronts")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        write!(f, "&layers={}", layers.join(","))?;
        if !self.hide.is_empty() {
            write!(f, "&hide={}", self.hide.join(","))?;
        }
        if let Some(from) = self.compare_from {
            write!(f, "&compare={from}")?;
        }
        Ok(())
    }
}

fn numbers<const N: usize>(key: &str, value: &str) -> Result<[f64; N], String> {
    let parsed: Vec<f64> =
        value.split(',').filter_map(|v| v.trim().parse().ok()).filter(|v: &f64| v.is_finite()).collect();
    let count = value.split(',').count();
    match <[f64; N]>::try_from(parsed) {
        Ok(values) if count == N => Ok(values),
        _ => Err(format!("{key}: '{value}' is not {N} numbers separated by commas")),
    }
}

impl std::str::FromStr for ViewLink {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let query = text
            .strip_prefix(PREFIX)
            .ok_or_else(|| format!("'{text}' is not a view link: it starts with {PREFIX}"))?;
        let (mut date, mut at, mut zoom, mut bbox) = (None, None, None, None);
        let (mut areas, mut fronts, mut hide, mut compare_from) = (true, true, Vec::new(), None);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').ok_or_else(|| format!("'{pair}' has no value"))?;
            match key {
                "date" => date = Some(PartialDate::parse(value).map_err(|e| format!("date: {e}"))?),
                "at" => {
                    let [lat, lon] = numbers::<2>(key, value)?;
                    if lat.abs() > 85.0 || lon.abs() > 180.0 {
                        return Err(format!("at: {lat},{lon} is not a latitude and a longitude"));
                    }
                    at = Some((lat, lon));
                }
                "zoom" => {
                    zoom = Some(
                        value
                            .parse::<f64>()
                            .ok()
                            .filter(|z| (0.0..=22.0).contains(z))
                            .ok_or_else(|| format!("zoom: '{value}' is not a zoom level from 0 to 22"))?,
                    )
                }
                "bbox" => bbox = Some(numbers::<4>(key, value)?),
                "layers" => {
                    let names: Vec<&str> = value.split(',').filter(|n| !n.is_empty()).collect();
                    if let Some(other) = names.iter().find(|n| !["areas", "fronts"].contains(n)) {
                        return Err(format!("layers: '{other}' is not a layer: use areas, fronts"));
                    }
                    areas = names.contains(&"areas");
                    fronts = names.contains(&"fronts");
                }
                "hide" => hide = value.split(',').filter(|h| !h.is_empty()).map(str::to_string).collect(),
                "compare" => {
                    let day = PartialDate::parse(value).map_err(|e| format!("compare: {e}"))?;
                    if day.precision() != crate::model::Precision::Day {
                        return Err(format!("compare: '{value}' is not a single day"));
                    }
                    compare_from = Some(day.first_day());
                }
                other => return Err(format!("'{other}' is not a part of a view link")),
            }
        }
        let date = date.ok_or("a view link needs its date=")?;
        let place = match (at, zoom, bbox) {
            (None, None, None) => Place::Dataset,
            (Some((lat, lon)), Some(zoom), None) => Place::Center { lat, lon, zoom },
            (None, None, Some(b)) => Place::Bbox(b),
            (Some(_), None, _) => return Err("at= needs zoom= with it".into()),
            (None, Some(_), _) => return Err("zoom= needs at= with it".into()),
            (Some(_), Some(_), Some(_)) => return Err("give at= and zoom=, or bbox=, not both".into()),
        };
        Ok(ViewLink { date, place, areas, fronts, hide, compare_from })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn views_come_back_from_their_links() {
        let jufra = ViewLink {
            date: day("2017-06-03"),
            place: Place::Center { lat: 29.1, lon: 16.0, zoom: 8.0 },
            areas: true,
            fronts: true,
            hide: vec!["bdb".into()],
            compare_from: None,
        };
        assert_eq!(
            jufra.to_string(),
            "sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas,fronts&hide=bdb"
        );
        let views = [
            jufra,
            ViewLink {
                date: day("2019-04"),
                place: Place::Dataset,
                areas: false,
                fronts: true,
                hide: vec![],
                compare_from: chrono::NaiveDate::from_ymd_opt(2019, 3, 1),
            },
            ViewLink {
                date: day("2020"),
                place: Place::Bbox([9.3, 19.4, 25.2, 33.3]),
                areas: false,
                fronts: false,
                hide: vec!["lna".into(), "gna".into()],
                compare_from: None,
            },
        ];
        for view in views {
            let text = view.to_string();
            assert_eq!(text.parse::<ViewLink>(), Ok(view), "{text}");
        }
    }

    #[test]
    fn a_link_that_does_not_parse_says_what_is_wrong() {
        let cases = [
            ("https://example.org", "is not a view link"),
            ("sandline:view?at=29,16&zoom=8", "needs its date="),
            ("sandline:view?date=2017-02-30", "not a day of the calendar"),
            ("sandline:view?date=2017-06-03&at=29&zoom=8", "at: '29' is not 2 numbers"),
            ("sandline:view?date=2017-06-03&at=99,16&zoom=8", "is not a latitude and a longitude"),
            ("sandline:view?date=2017-06-03&at=29,16", "at= needs zoom="),
            ("sandline:view?date=2017-06-03&zoom=40&at=29,16", "not a zoom level"),
            ("sandline:view?date=2017-06-03&layers=areas,roads", "'roads' is not a layer"),
            ("sandline:view?date=2017-06-03&color=red", "'color' is not a part"),
            ("sandline:view?date=2017-06-03&bbox=1,2,3", "bbox: '1,2,3' is not 4 numbers"),
        ];
        for (text, says) in cases {
            let err = text.parse::<ViewLink>().unwrap_err();
            assert!(err.contains(says), "{text}: {err}");
        }
    }
}
