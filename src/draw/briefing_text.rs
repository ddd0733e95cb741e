//! The words around a briefing's map, worked out from the data (no egui needed, so they can be
//! tested): title, date and its precision, the counts, the footnote of recent changes and their
//! sources, and the credits.

use crate::dataset::Dataset;
use crate::model::{FactionIx, PartialDate, Precision};
use crate::scene::Scene;
use chrono::NaiveDate;

/// The words around the map, worked out from the data (no egui needed, so they can be tested).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefingText {
    pub title: String,
    /// "Situation as of 3 June 2017".
    pub date_line: String,
    /// "Date given to the day" or "Date given to the month: the map shows 30 June 2017".
    pub precision: String,
    /// "27 places: 20 held, 3 claimed by a side, 1 contested, 3 unknown".
    pub summary: String,
    /// The footnote's heading: "Recent changes", or what a comparison lists.
    pub footnote_heading: String,
    /// The changes of hands of the last days and the sources behind them.
    pub footnote: String,
    /// Credits of the base map and the data.
    pub attribution: String,
}

/// The default title of a briefing of the built-in dataset.
/// Most places and sources named in the footnote before "and N more".
const MAX_PLACES: usize = 12;
const MAX_SOURCES: usize = 4;

impl BriefingText {
    /// The text of a briefing of `scene`, drawn for `date` (whose last day is the scene's date).
    pub fn new(
        dataset: &Dataset,
        scene: &Scene,
        date: PartialDate,
        title: &str,
        recent_days: u32,
        hidden: &[FactionIx],
    ) -> Self {
        let precision = match date.precision() {
            Precision::Day => "Date given to the day".to_string(),
            Precision::Month => format!("Date given to the month: the map shows {}", long_day(scene.date)),
            Precision::Year => format!("Date given to the year: the map shows {}", long_day(scene.date)),
        };
        let c = &scene.counts;
        let summary = format!(
            "{} places: {} held, {} claimed by a side, {} contested, {} unknown",
            scene.markers.len(),
            c.held,
            c.claimed,
            c.contested,
            c.unknown
        );
        let held = dataset.sources.iter().filter(|s| s.is_held()).count();
        let sources = match (held, dataset.sources.len() - held) {
            (1, 0) => "quoting 1 source".to_string(),
            (h, 0) => format!("quoting {h} sources"),
            (0, c) => format!("citing {c} sources"),
            (h, c) => format!("quoting {h} and citing {c} sources"),
        };
        let places = match dataset.place_credits() {
            [] => String::new(),
            credits => format!(" Places: {}.", credits.join(", ")),
        };
        let mut attribution = format!(
            "Base map: Natural Earth (public domain).{places} Control: {} dated claims {sources}, via sandline {}.",
            dataset.claims.len(),
            env!("CARGO_PKG_VERSION")
        );
        for line in &dataset.meta().attribution {
            attribution.push_str(&format!(" Data: {line}."));
        }
        let mut footnote = footnote(dataset, scene.date, recent_days, hidden);
        if let Some(stale) = c.stale_sentence(scene.stale_after) {
            footnote.push_str(&format!(" {stale} (drawn faded)."));
        }
        BriefingText {
            title: if title.trim().is_empty() { dataset.meta().title() } else { title.trim().to_string() },
            date_line: format!("Situation as of {}", date.long_form()),
            precision,
            summary,
            footnote_heading: "Recent changes".into(),
            footnote,
            attribution,
        }
    }
}

impl BriefingText {
    /// The credits end with the link that reopens the view, so that a reader can reproduce it.
    pub fn with_view(mut self, link: &crate::view_link::ViewLink) -> Self {
        self.attribution.push_str(&format!(" View: {link}"));
        self
    }
}

fn long_day(d: NaiveDate) -> String {
    PartialDate::day(d).long_form()
}

/// "Changes of holder in the 30 days to 3 June 2017: Waddan, Hun and Sawkna to the Libyan National
/// Army. Sources: The New Arab, “East Libyan forces …” (3 June 2017)."
pub fn footnote(dataset: &Dataset, date: NaiveDate, recent_days: u32, hidden: &[FactionIx]) -> String {
    let window = format!("in the {recent_days} days to {}", long_day(date));
    let from = date - chrono::Duration::days(i64::from(recent_days));
    let changes: Vec<_> = dataset
        .timeline
        .changes_between(from, date)
        .into_iter()
        .filter(|c| c.to.is_none_or(|h| !hidden.contains(&h)))
        .collect();
    if changes.is_empty() {
        return format!("No change of holder {window}.");
    }
    // Grouped by new holder, in order of first change.
    let mut groups: Vec<(Option<FactionIx>, Vec<String>)> = Vec::new();
    let mut sources: Vec<&crate::model::Source> = Vec::new();
    for change in &changes {
        let name = dataset.place(change.place).name.clone();
        match groups.iter_mut().find(|(to, _)| *to == change.to) {
            Some((_, names)) => {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            None => groups.push((change.to, vec![name])),
        }
        for &claim in &change.claims {
            let Some(claim) = dataset.claims.get(claim as usize) else { continue };
            if let Some(source) = dataset.source_of(claim)
                && !sources.iter().any(|s| s.id == source.id)
            {
                sources.push(source);
            }
        }
    }
    let mut budget = MAX_PLACES;
    let mut left_out = 0;
    let parts: Vec<String> = groups
        .iter()
        .filter_map(|(to, names)| {
            let shown = names.len().min(budget);
            budget -= shown;
            left_out += names.len() - shown;
            if shown == 0 {
                return None;
            }
            let to =
                to.map_or("no known holder".to_string(), |f| dataset.faction(f).short_name().to_string());
            Some(format!("{} to {to}", and_list(&names[..shown])))
        })
        .collect();
    let mut text = format!("Changes of holder {window}: {}", parts.join("; "));
    if left_out > 0 {
        text.push_str(&format!("; and {left_out} more places"));
    }
    text.push('.');
    sources.sort_by_key(|s| s.published);
    let cited: Vec<String> = sources
        .iter()
        .take(MAX_SOURCES)
        .map(|s| {
            // A held article's title is its headline; a cited source's is our description of it.
            if s.is_held() {
                format!("{}, “{}” ({})", s.outlet, s.title, s.published.long_form())
            } else {
                format!("{} ({}): {}", s.outlet, s.published.long_form(), s.title)
            }
        })
        .collect();
    text.push_str(if cited.len() == 1 { " Source: " } else { " Sources: " });
    text.push_str(&cited.join("; "));
    if sources.len() > MAX_SOURCES {
        text.push_str(&format!("; and {} more", sources.len() - MAX_SOURCES));
    }
    text.push('.');
    text
}

impl BriefingText {
    /// The words of a comparison of two dates: the date line names both, and the footnote lists
    /// every place that changed hands in between, with its sources, and the land each side
    /// gained and lost.
    pub fn comparing(mut self, dataset: &Dataset, diff: &crate::areas::Diff) -> Self {
        let (from, to) = (long_day(diff.from), long_day(diff.to));
        self.date_line = format!("Changes from {from} to {to}");
        self.precision = "Rings: the old holder's colour on the left, the new one's on the right".into();
        self.footnote_heading = "Changes between the two dates".into();
        self.footnote = compare_footnote(dataset, diff);
        self
    }
}

/// "2 places changed hands between 1 June 2017 and 4 June 2017: Hun: Benghazi Defence Brigades to
/// Libyan National Army, 2 June 2017 (The New Arab, 3 June 2017); ... Land gained and lost: ..."
fn compare_footnote(dataset: &Dataset, diff: &crate::areas::Diff) -> String {
    let (from, to) = (long_day(diff.from), long_day(diff.to));
    let mut text = match diff.rows.len() {
        0 => format!("No place changed hands between {from} and {to}."),
        1 => format!("1 place changed hands between {from} and {to}: "),
        n => format!("{n} places changed hands between {from} and {to}: "),
    };
    let rows: Vec<String> = diff
        .rows
        .iter()
        .take(MAX_PLACES)
        .map(|row| {
            let mut sources: Vec<&crate::model::Source> = Vec::new();
            for c in row.claims.iter().filter_map(|&c| dataset.claims.get(c as usize)) {
                if let Some(s) = dataset.source_of(c)
                    && !sources.iter().any(|x| x.id == s.id)
                {
                    sources.push(s);
                }
            }
            let cited: Vec<String> = sources
                .iter()
                .take(2)
                .map(|s| format!("{}, {}", s.outlet, s.published.long_form()))
                .collect();
            let more =
                if sources.len() > 2 { format!("; {} more", sources.len() - 2) } else { String::new() };
            format!("{} ({}{more})", row.headline(dataset), cited.join("; "))
        })
        .collect();
    if !rows.is_empty() {
        text.push_str(&rows.join("; "));
        if diff.rows.len() > MAX_PLACES {
            text.push_str(&format!("; and {} more places", diff.rows.len() - MAX_PLACES));
        }
        text.push('.');
    }
    if !diff.areas.is_empty() {
        let land: Vec<String> = diff
            .areas
            .iter()
            .map(|a| {
                format!(
                    "{} gained {} km², lost {} km²",
                    dataset.faction(a.faction).short_name(),
                    crate::areas::diff::km2_text(a.gained.area_km2()),
                    crate::areas::diff::km2_text(a.lost.area_km2())
                )
            })
            .collect();
        text.push_str(&format!(
            " Land gained and lost (areas of control, approximate): {}.",
            land.join("; ")
        ));
    }
    text
}

fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{DataDir, load};
    use crate::scene::{SceneOptions, build};

    fn seed(date: &str) -> (Dataset, Scene, PartialDate) {
        let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
        let date = PartialDate::parse(date).unwrap();
        let snapshot = dataset.timeline.snapshot(date.last_day());
        let scene = build(&dataset, &snapshot, &SceneOptions::default());
        (dataset, scene, date)
    }

    #[test]
    fn a_comparison_lists_the_changes_their_sources_and_the_land() {
        let (d, scene, date) = seed("2017-06-04");
        let (from, to) = (NaiveDate::from_ymd_opt(2017, 6, 1).unwrap(), date.last_day());
        let mut cache = crate::areas::AreaCache::new(crate::areas::AreaOptions::default());
        let diff = crate::areas::diff(&d, from, to, &mut cache).unwrap();
        let text = BriefingText::new(&d, &scene, date, "", 30, &[]).comparing(&d, &diff);
        assert_eq!(text.date_line, "Changes from 1 June 2017 to 4 June 2017");
        assert_eq!(text.footnote_heading, "Changes between the two dates");
        assert!(
            text.footnote.starts_with("6 places changed hands between 1 June 2017 and 4 June 2017: "),
            "{}",
            text.footnote
        );
        assert!(
            text.footnote.contains("Waddan: Benghazi Defence Brigades to Libyan National Army, 2 June 2017 (The New Arab, 3 June 2017"),
            "{}",
            text.footnote
        );
        assert!(
            text.footnote.contains("Land gained and lost (areas of control, approximate): "),
            "{}",
            text.footnote
        );
    }

    #[test]
    fn the_credits_end_with_the_link_that_reopens_the_view() {
        let (d, scene, date) = seed("2017-06-03");
        let link: crate::view_link::ViewLink =
            "sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas&hide=bdb".parse().unwrap();
        let text = BriefingText::new(&d, &scene, date, "", 30, &[]).with_view(&link);
        assert!(
            text.attribution.ends_with(
                " View: sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas&hide=bdb"
            ),
            "{}",
            text.attribution
        );
    }

    #[test]
    fn the_date_reads_like_a_briefing_with_its_precision() {
        let (d, scene, date) = seed("2017-06-03");
        let text = BriefingText::new(&d, &scene, date, "", 30, &[]);
        assert_eq!(text.title, "Control of territory in Libya", "from the fixture's dataset.toml");
        assert_eq!(text.date_line, "Situation as of 3 June 2017");
        assert_eq!(text.precision, "Date given to the day");
        let (d, scene, date) = seed("2017-06");
        let text = BriefingText::new(&d, &scene, date, "  Jufra  ", 30, &[]);
        assert_eq!(text.title, "Jufra");
        assert_eq!(text.date_line, "Situation as of June 2017");
        assert_eq!(text.precision, "Date given to the month: the map shows 30 June 2017");
        assert!(text.attribution.contains("Natural Earth") && text.attribution.contains("GeoNames"));
    }

    #[test]
    fn the_footnote_names_the_changes_and_their_sources() {
        let (d, _, _) = seed("2017-06-03");
        let text = footnote(&d, NaiveDate::from_ymd_opt(2017, 6, 3).unwrap(), 30, &[]);
        assert!(text.starts_with("Changes of holder in the 30 days to 3 June 2017: "), "{text}");
        for town in ["Waddan", "Hun", "Sawkna"] {
            assert!(text.contains(town), "{town} missing from {text}");
        }
        assert!(text.contains("Libyan National Army"), "{text}");
        assert!(text.contains("The New Arab, “East Libyan forces surge through central desert oasis towns”"));
        let quiet = footnote(&d, NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(), 7, &[]);
        assert_eq!(quiet, "No change of holder in the 7 days to 1 January 2016.");
    }
}
