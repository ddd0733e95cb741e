//! `sandline import ucdp`: UCDP's Georeferenced Event Dataset (GED, CSV) made into a dataset
//! folder. GED codes fighting, not territory: each event makes its place contested on its first
//! day, by side A, with its sources in the note.

use super::actors::{Actors, slug};
use super::write::{DatasetWriter, PlaceKey, SourceInfo};
use super::{ImportError, Report};
use crate::model::{Action, PartialDate};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use std::path::Path;

const COLUMNS: [&str; 14] = [
    "id",
    "side_a",
    "side_b",
    "source_article",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "country",
    "latitude",
    "longitude",
    "date_prec",
    "date_start",
    "date_end",
    "best",
];

pub const SOURCE: SourceInfo = SourceInfo {
    id: "ucdp-ged",
    copy_name: "ucdp-ged.csv",
    title: "UCDP Georeferenced Event Dataset",
    outlet: "Uppsala Conflict Data Program",
    url: "https://ucdp.uu.se",
};

/// Events located no better than this `where_prec` (4: the second-order administrative area or
/// coarser) are left out by default: their point is not a place.
pub const WHERE_PREC_KEPT_UP_TO: u8 = 3;

/// How far the event may be from its point, by `where_prec` (1 exact, 2 within 25 km, 3 the
/// first-order area's named place, 4 and coarser a region).
pub fn precision_km(where_prec: u8) -> f64 {
    match where_prec {
        1 => 2.0,
        2 => 25.0,
        3 => 50.0,
        _ => 150.0,
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Keep events located only to a wide area (`where_prec` 4 and above).
    pub coarse_places: bool,
    pub accessed: Option<NaiveDate>,
}

pub fn import(file: &Path, out: &Path, options: &Options) -> Result<Report, ImportError> {
    import_reporting(file, out, options, &|_, _| {})
}

/// The same, telling `progress` how many bytes of the export's text have been read, of how many.
pub fn import_reporting(
    file: &Path,
    out: &Path,
    options: &Options,
    progress: &dyn Fn(u64, u64),
) -> Result<Report, ImportError> {
    let shown = file.display().to_string();
    let (mut reader, partial, total) = super::open_export(file, out, SOURCE.copy_name)?;
    let at = match super::find_columns(&mut reader, file, "a UCDP GED file", COLUMNS) {
        Ok(at) => at,
        Err(e) => {
            super::abandon_export(&partial);
            return Err(e);
        }
    };
    let [
        id,
        side_a,
        side_b,
        source_article,
        where_prec,
        where_coordinates,
        adm_1,
        country,
        latitude,
        longitude,
        date_prec,
        date_start,
        date_end,
        best,
    ] = at;
    let mut report = Report::default();
    let mut writer = DatasetWriter::default();
    let mut actors = Actors::read(&out.join(super::actors::ACTORS_FILE)).map_err(ImportError::Write)?;
    let mut countries: BTreeMap<String, usize> = BTreeMap::new();
    let mut latest: Option<NaiveDate> = None;
    for record in reader.records() {
        if report.events % super::PROGRESS_EVERY == 0
            && let Ok(r) = &record
        {
            progress(r.position().map_or(0, |p| p.byte()), total);
        }
        let record = match record {
            Ok(r) => r,
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                super::abandon_export(&partial);
                let source = std::io::Error::other(e.to_string());
                return Err(super::ImportError::Read { file: shown, source });
            }
            Err(e) => {
                report.bad_rows.push(format!("{shown}:{}: {e}", e.position().map_or(0, |p| p.line())));
                continue;
            }
        };
        report.events += 1;
        let line = record.position().map_or(0, |p| p.line());
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        let bad = |column: &str, message: String| format!("{shown}:{line}: {column}: {message}");
        let parsed = (|| {
            let place_prec = super::number_in(get(where_prec), 1u8..=7)
                .ok_or_else(|| bad("where_prec", format!("'{}' is not 1 to 7", get(where_prec))))?;
            let precision = super::number_in(get(date_prec), 1u8..=5)
                .ok_or_else(|| bad("date_prec", format!("'{}' is not 1 to 5", get(date_prec))))?;
            let day = |column: usize, name: &str| {
                let text = get(column);
                let text = text.split([' ', 'T']).next().unwrap_or(text);
                NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| bad(name, format!("'{}' is not a date", get(column))))
            };
            let (start, end) = (day(date_start, "date_start")?, day(date_end, "date_end")?);
            let (lat, lon) = super::point(get(latitude), get(longitude)).map_err(|(c, m)| bad(c, m))?;
            if get(side_a).is_empty() {
                return Err(bad("side_a", "is empty".into()));
            }
            Ok((place_prec, precision, start, end, lat, lon))
        })();
        let (place_prec, precision, start, end, lat, lon) = match parsed {
            Ok(p) => p,
            Err(message) => {
                report.bad_rows.push(message);
                continue;
            }
        };
        if place_prec > WHERE_PREC_KEPT_UP_TO && !options.coarse_places {
            *report
                .left_out
                .entry(format!("located only to a wide area (where_prec {place_prec})"))
                .or_default() += 1;
            continue;
        }
        // 1: the day; 2 and 3: within a few days or a week (the first day kept, the spread noted);
        // 4: the month; 5: the year.
        let date = match precision {
            4 => PartialDate::month(start.year(), start.month()),
            5 => PartialDate::parse(&start.year().to_string()).ok(),
            _ => None,
        }
        .unwrap_or(PartialDate::day(start));
        latest = latest.max(Some(date.last_day().max(end)));
        *countries.entry(get(country).to_string()).or_default() += 1;
        actors.count(get(side_a));
        if !get(side_b).is_empty() {
            actors.count(get(side_b));
        }
        let name = match get(where_coordinates) {
            "" => get(adm_1),
            w => w,
        };
        let name = name.split(" town").next().unwrap_or(name).to_string();
        let place = writer.place(&PlaceKey {
            name,
            lat,
            lon,
            precision_km: precision_km(place_prec),
            note: format!(
                "UCDP GED where_coordinates, {}, {}; where_prec {place_prec}",
                get(adm_1),
                get(country)
            ),
        });
        let mut note =
            format!("UCDP GED event {}: fighting between {} and {}", get(id), get(side_a), get(side_b));
        if end > start {
            note.push_str(&format!(", {start} to {end}"));
        }
        if let (2 | 3, false) = (precision, end > start) {
            note.push_str("; the date is within a week of the day given");
        }
        if !get(best).is_empty() {
            note.push_str(&format!("; best estimate of deaths {}", get(best)));
        }
        if !get(source_article).is_empty() {
            note.push_str(&format!("; sources: {}", get(source_article)));
        }
        let faction = actors.faction_of(get(side_a));
        writer.claim(format!("ged-{}", slug(get(id))), place, faction, Action::Contested, date, "", note);
        report.claims += 1;
    }
    let attribution = format!(
        "UCDP Georeferenced Event Dataset (CC BY 4.0), accessed {}",
        super::accessed_words(options.accessed)
    );
    super::close_export(reader, &partial)?;
    super::finish(out, &SOURCE, &partial, latest, &countries, &attribution, &writer, &actors, report)
}
