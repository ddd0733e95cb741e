//! What a dataset says of itself in `dataset.toml`: its title, the region it covers and the
//! frame to show it in. Without the file (or without a frame in it), the frame is the places'
//! own bounds, so that any war opens on itself.

use super::problem::Problem;
use crate::model::Place;

pub const META_FILE: &str = "dataset.toml";

/// `dataset.toml`, every key optional.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The briefing's title, e.g. "Control of territory in Libya".
    pub title: Option<String>,
    /// The region's name, e.g. "Libya".
    pub region: Option<String>,
    /// The first view: `[west, south, east, north]` in degrees.
    pub bounds: Option<[f64; 4]>,
    /// The date the viewer opens at (when it remembers none) and `render` draws without `--date`:
    /// `"YYYY-MM-DD"`.
    pub date: Option<String>,
    /// The countries of the region, as the base map names them (areas of control are clipped to
    /// their land); without them, the countries that hold the dataset's places.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Lines every image made from the dataset must carry, e.g. an event data provider's terms.
    #[serde(default)]
    pub attribution: Vec<String>,
}

impl Meta {
    /// Reads `dataset.toml`'s text; a problem names the file's own line.
    pub fn parse(file: &str, text: &str) -> Result<Meta, Problem> {
        let meta: Meta = toml::from_str(text).map_err(|e| {
            let line =
                e.span().map(|span| 1 + text[..span.start.min(text.len())].matches('\n').count() as u64);
            let message = e.message().trim().to_string();
            match line {
                Some(line) => Problem { file: file.to_string(), line: Some(line), column: None, message },
                None => Problem::in_file(file, message),
            }
        })?;
        if let Some(date) = &meta.date
            && meta_date(date).is_none()
        {
            let line = text.lines().position(|l| l.trim_start().starts_with("date")).map(|i| i as u64 + 1);
            let message = format!("'{date}' is not a date: write it as \"YYYY-MM-DD\"");
            return Err(Problem { file: file.to_string(), line, column: Some("date".into()), message });
        }
        if let Some(bounds) = meta.bounds
            && let Err(message) = check_bounds(bounds)
        {
            let line = text.lines().position(|l| l.trim_start().starts_with("bounds")).map(|i| i as u64 + 1);
            return Err(Problem { file: file.to_string(), line, column: Some("bounds".into()), message });
        }
        Ok(meta)
    }

    /// The date to open at, when `dataset.toml` gives one.
    pub fn opening_date(&self) -> Option<chrono::NaiveDate> {
        self.date.as_deref().and_then(meta_date)
    }

    /// "Control of territory in Libya": the title given, else one made from the region.
    pub fn title(&self) -> String {
        match (&self.title, &self.region) {
            (Some(title), _) => title.clone(),
            (None, Some(region)) => format!("Control of territory in {region}"),
            (None, None) => "Control of territory".to_string(),
        }
    }
}

fn meta_date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn check_bounds([w, s, e, n]: [f64; 4]) -> Result<(), String> {
    let finite = [w, s, e, n].iter().all(|v| v.is_finite());
    if !finite || !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) {
        return Err("bounds are [west, south, east, north] in degrees of longitude and latitude".into());
    }
    if !(-85.0..=85.0).contains(&s) || !(-85.0..=85.0).contains(&n) {
        return Err("the south and north bounds must lie between -85 and 85 degrees".into());
    }
    if w >= e || s >= n {
        return Err(format!(
            "bounds [{w}, {s}, {e}, {n}] are empty: west must be below east, south below north"
        ));
    }
    Ok(())
}

/// The frame of `places` (the dataset's tracked ones): their bounds with a margin of a tenth of
/// their size on each side, at least a degree across; the whole world when there are none.
pub fn frame_of<'a>(places: impl IntoIterator<Item = &'a Place>) -> [f64; 4] {
    let mut bounds: Option<[f64; 4]> = None;
    for p in places {
        if !(p.lon.is_finite() && p.lat.is_finite()) {
            continue;
        }
        let b = bounds.get_or_insert([p.lon, p.lat, p.lon, p.lat]);
        *b = [b[0].min(p.lon), b[1].min(p.lat), b[2].max(p.lon), b[3].max(p.lat)];
    }
    let Some([w, s, e, n]) = bounds else { return [-180.0, -60.0, 180.0, 75.0] };
    let (cx, cy) = ((w + e) / 2.0, (s + n) / 2.0);
    let half_w = ((e - w) * 0.6).max(0.5);
    let half_h = ((n - s) * 0.6).max(0.5);
    [(cx - half_w).max(-180.0), (cy - half_h).max(-85.0), (cx + half_w).min(180.0), (cy + half_h).min(85.0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(lon: f64, lat: f64) -> Place {
        Place {
            id: "p".into(),
            name: "P".into(),
            aliases: Vec::new(),
            lat,
            lon,
            kind: crate::model::PlaceKind::Town,
            coord_source: String::new(),
            coord_precision_km: 1.0,
            population: 0,
            origin: crate::model::PlaceOrigin::Curated,
        }
    }

    #[test]
    fn without_a_frame_the_places_bounds_are_shown_with_a_margin() {
        let rows: [(&str, Vec<Place>, [f64; 4]); 3] = [
            (
                "a tenth of the size on each side",
                vec![place(10.0, 20.0), place(20.0, 30.0)],
                [9.0, 19.0, 21.0, 31.0],
            ),
            ("one place: a degree around it", vec![place(44.0, 15.0)], [43.5, 14.5, 44.5, 15.5]),
            ("no places: the world", vec![], [-180.0, -60.0, 180.0, 75.0]),
        ];
        for (what, places, frame) in rows {
            let got = frame_of(&places);
            assert!(got.iter().zip(frame).all(|(a, b)| (a - b).abs() < 1e-9), "{what}: {got:?}");
        }
    }

    #[test]
    fn a_dataset_file_gives_title_region_and_frame_and_its_mistakes_name_their_line() {
        let good = "title = \"Control of territory in Yemen\"\nregion = \"Yemen\"\nbounds = [41.8, 12.1, 54.0, 19.0]\n";
        let meta = Meta::parse("d/dataset.toml", good).unwrap();
        assert_eq!(meta.title(), "Control of territory in Yemen");
        assert_eq!(meta.bounds, Some([41.8, 12.1, 54.0, 19.0]));
        assert_eq!(
            Meta::parse("f", "region = \"Sudan\"\n").unwrap().title(),
            "Control of territory in Sudan"
        );
        assert_eq!(Meta::parse("f", "").unwrap(), Meta::default());

        let rows = [
            ("an unknown key", "region = \"Mali\"\n\ntitel = \"x\"\n", 3, "unknown field"),
            ("a value of the wrong type", "bounds = \"Libya\"\n", 1, "invalid type"),
            ("empty bounds", "region = \"x\"\nbounds = [20.0, 30.0, 10.0, 31.0]\n", 2, "empty"),
            ("a latitude off the map", "bounds = [1.0, -89.0, 2.0, 3.0]\n", 1, "-85 and 85"),
            ("not TOML at all", "title = \n", 1, ""),
        ];
        for (what, text, line, says) in rows {
            let problem = Meta::parse("d/dataset.toml", text).expect_err(what);
            assert_eq!(problem.line, Some(line), "{what}: {problem}");
            assert!(problem.message.contains(says), "{what}: {problem}");
        }
    }
}
