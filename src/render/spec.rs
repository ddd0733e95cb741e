//! What a briefing image shows: the date, the view, the size and the words.

use super::{RenderError, View};
use crate::model::{FactionIx, PartialDate};
use crate::view_link::{Place, ViewLink};

/// The largest scale (pixels per point) an image may be drawn at.
pub const MAX_SCALE: f32 = 4.0;
/// The smallest width and height of a briefing, in points.
pub const MIN_SIDE: u32 = 320;
/// The size of a briefing image, in points, unless asked otherwise; a timelapse's frames.
pub const DEFAULT_SIZE: [u32; 2] = [1920, 1080];
pub const TIMELAPSE_SIZE: [u32; 2] = [1280, 720];
/// Points (the layout's unit) to an inch, as on the screen: an A4 page is 1123 by 794 of them, and
/// a PDF's page is sized at this many to the inch.
pub const POINTS_PER_INCH: f32 = 96.0;
/// Named page sizes: (name, width and height in points, scale). Print pages are at
/// `POINTS_PER_INCH`.
pub const PAGE_SIZES: [(&str, [u32; 2], f32); 8] = [
    ("hd", [1920, 1080], 1.0),
    ("4k", [1920, 1080], 2.0),
    ("a4", [1123, 794], 2.0),
    ("a4-portrait", [794, 1123], 2.0),
    ("letter", [1056, 816], 2.0),
    ("letter-portrait", [816, 1056], 2.0),
    ("slide", [1280, 720], 1.0),
    ("square", [1080, 1080], 1.0),
];

/// The size a name stands for, or what the names are.
pub fn page_size(name: &str) -> Result<([u32; 2], f32), String> {
    PAGE_SIZES.iter().find(|(n, ..)| *n == name.trim()).map(|&(_, size, scale)| (size, scale)).ok_or_else(
        || {
            let names: Vec<&str> = PAGE_SIZES.iter().map(|p| p.0).collect();
            format!("'{name}' is not a page size: use {}", names.join(", "))
        },
    )
}

/// The largest side of an image, in pixels (width and height times the scale).
pub const MAX_SIDE: u32 = 8192;

#[derive(Debug, Clone, PartialEq)]
pub struct BriefingSpec {
    /// The date of the situation; a month or a year is drawn as it stood on its last day.
    pub date: PartialDate,
    pub view: View,
    /// Size of the whole image in points (the unit of the viewer's layout).
    pub width: u32,
    pub height: u32,
    /// Pixels per point: the PNG is `width * scale` by `height * scale` pixels (1, 2 or 4 for 1x, 2x, 4x).
    pub scale: f32,
    /// Empty for the default title.
    pub title: String,
    /// Places that changed hands within this many days are highlighted and named in the footnote.
    pub recent_days: u32,
    pub hidden: Vec<FactionIx>,
    /// Draw the areas of control under the places.
    pub areas: bool,
    /// Draw the front lines where two sides' areas meet.
    pub fronts: bool,
    /// How far places of each kind reach for their areas.
    pub area_options: crate::areas::AreaOptions,
    /// A locator map of the whole region when the view is a close-up.
    pub inset: bool,
    /// Compare mode: the first date, the situation at `date` being the second. The map rings the
    /// places that changed hands in between and shades the land gained and lost.
    pub compare_from: Option<chrono::NaiveDate>,
}

impl BriefingSpec {
    /// Libya framed, 1920 by 1080 at 1x, the default title, 30 days of recent changes, areas and
    /// front lines.
    pub fn new(date: PartialDate) -> BriefingSpec {
        BriefingSpec {
            date,
            view: View::Dataset,
            width: DEFAULT_SIZE[0],
            height: DEFAULT_SIZE[1],
            scale: 1.0,
            title: String::new(),
            recent_days: crate::scene::SceneOptions::default().recent_days,
            hidden: Vec::new(),
            areas: true,
            fronts: true,
            area_options: crate::areas::AreaOptions::default(),
            inset: true,
            compare_from: None,
        }
    }

    /// The text that reopens this view in the viewer or `sandline render --view`.
    pub fn view_link(&self, dataset: &crate::dataset::Dataset) -> ViewLink {
        ViewLink {
            date: self.date,
            place: match self.view {
                View::Dataset => Place::Dataset,
                View::Fit(b) => Place::Bbox(b),
                View::Center { lat, lon, zoom } => Place::Center { lat, lon, zoom },
            },
            areas: self.areas,
            fronts: self.fronts,
            hide: self.hidden.iter().map(|&f| dataset.faction(f).id.clone()).collect(),
            compare_from: self.compare_from,
        }
    }

    /// Takes the date, place, layers and hidden sides of a view link.
    pub fn open_view(&mut self, link: &ViewLink, dataset: &crate::dataset::Dataset) -> Result<(), String> {
        self.hidden = link
            .hide
            .iter()
            .map(|id| {
                dataset
                    .faction_ix(id)
                    .ok_or_else(|| format!("the view hides '{id}', which is not a side of this dataset"))
            })
            .collect::<Result<_, _>>()?;
        self.date = link.date;
        self.view = match link.place {
            Place::Dataset => View::Dataset,
            Place::Bbox(b) => View::Fit(b),
            Place::Center { lat, lon, zoom } => View::Center { lat, lon, zoom },
        };
        self.areas = link.areas;
        self.fronts = link.fronts;
        self.compare_from = link.compare_from;
        Ok(())
    }

    /// Pixels of the image: width and height times the scale.
    pub fn pixel_size(&self) -> [u32; 2] {
        [(self.width as f32 * self.scale).round() as u32, (self.height as f32 * self.scale).round() as u32]
    }

    /// Says in one sentence what is wrong with the spec, if anything.
    pub fn validate(&self) -> Result<(), RenderError> {
        let bad = |m: String| Err(RenderError::Spec(m));
        if !(self.scale.is_finite() && (0.5..=MAX_SCALE).contains(&self.scale)) {
            return bad(format!("scale {} is out of range: use 1, 2 or 4 (at most {MAX_SCALE})", self.scale));
        }
        if self.width < MIN_SIDE || self.height < MIN_SIDE {
            return bad(format!(
                "{}x{} is too small for a briefing: width and height must be at least {MIN_SIDE}",
                self.width, self.height
            ));
        }
        let [w, h] = self.pixel_size();
        if w > MAX_SIDE || h > MAX_SIDE {
            return bad(format!(
                "{w}x{h} pixels is too large: at most {MAX_SIDE} a side (width and height times scale)"
            ));
        }
        match self.view {
            View::Dataset => Ok(()),
            View::Fit(b) => check_bbox(b).map_err(RenderError::Spec),
            View::Center { lat, lon, zoom } => {
                if !(lat.is_finite() && (-85.0..=85.0).contains(&lat)) {
                    return bad(format!("latitude {lat} is out of range (-85 to 85)"));
                }
                if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
                    return bad(format!("longitude {lon} is out of range (-180 to 180)"));
                }
                if !(zoom.is_finite() && (2.0..=18.0).contains(&zoom)) {
                    return bad(format!("zoom {zoom} is out of range (2 to 18)"));
                }
                Ok(())
            }
        }
    }
}

/// `[west, south, east, north]` must enclose some area on the map.
pub fn check_bbox([w, s, e, n]: [f64; 4]) -> Result<(), String> {
    if ![w, s, e, n].iter().all(|v| v.is_finite()) {
        return Err("the bbox must be four numbers: WEST,SOUTH,EAST,NORTH".into());
    }
    if !((-180.0..=180.0).contains(&w) && (-180.0..=180.0).contains(&e)) {
        return Err(format!("bbox longitudes {w} and {e} must be within -180 to 180"));
    }
    if !((-85.0..=85.0).contains(&s) && (-85.0..=85.0).contains(&n)) {
        return Err(format!("bbox latitudes {s} and {n} must be within -85 to 85"));
    }
    if w >= e || s >= n {
        return Err(format!(
            "the bbox {w},{s},{e},{n} is empty: write WEST,SOUTH,EAST,NORTH with west < east and south < north"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> BriefingSpec {
        BriefingSpec::new(PartialDate::parse("2017-06-03").unwrap())
    }

    #[test]
    fn bad_specs_say_what_is_wrong() {
        let cases: Vec<(BriefingSpec, &str)> = vec![
            (BriefingSpec { view: View::Fit([20.0, 30.0, 20.0, 31.0]), ..spec() }, "is empty"),
            (BriefingSpec { view: View::Fit([20.0, 31.0, 21.0, 30.0]), ..spec() }, "is empty"),
            (BriefingSpec { view: View::Fit([f64::NAN, 30.0, 21.0, 31.0]), ..spec() }, "four numbers"),
            (BriefingSpec { view: View::Center { lat: 91.0, lon: 0.0, zoom: 6.0 }, ..spec() }, "latitude"),
            (BriefingSpec { view: View::Center { lat: 30.0, lon: 15.0, zoom: 40.0 }, ..spec() }, "zoom"),
            (BriefingSpec { width: 10, ..spec() }, "too small"),
            (BriefingSpec { scale: 0.0, ..spec() }, "scale"),
            (BriefingSpec { width: 4000, scale: 4.0, ..spec() }, "too large"),
        ];
        for (spec, words) in cases {
            let message = spec.validate().unwrap_err().to_string();
            assert!(message.contains(words), "{message:?} should say {words:?}");
        }
        assert!(spec().validate().is_ok());
        assert_eq!(BriefingSpec { scale: 2.0, ..spec() }.pixel_size(), [3840, 2160]);
    }
}
