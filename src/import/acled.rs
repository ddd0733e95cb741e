//! `sandline import acled`: an ACLED export (its CSV as the export tool writes it) made into a
//! dataset folder. Territory events become claims of capture, bases become holdings, armed
//! clashes contest a place; each claim quotes the event's notes, and the export itself, copied
//! into the folder, is the source they are found in.

use super::actors::{Actors, slug};
use super::write::{DatasetWriter, PlaceKey, SourceInfo};
use super::{ImportError, Report};
use crate::model::{Action, PartialDate};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The columns the import reads; an export without one of them is not an ACLED export.
const COLUMNS: [&str; 18] = [
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
];

/// The export as the dataset's source, copied into the folder.
pub const SOURCE: SourceInfo = SourceInfo {
    id: "acled",
    copy_name: "acled.csv",
    title: "ACLED export",
    outlet: "ACLED",
    url: "https://acleddata.com",
};

/// How far a place may be from its coordinate, by `geo_precision`: 1 the town itself, 2 a place
/// near it or part of it, 3 the provincial capital standing for a wider area.
pub fn precision_km(geo_precision: u8) -> f64 {
    match geo_precision {
        1 => 2.0,
        2 => 15.0,
        _ => 50.0,
    }
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Armed clashes as contested places (on unless `--no-clashes`).
    pub clashes: bool,
    /// The day the export was downloaded, for the attribution line.
    pub accessed: Option<NaiveDate>,
}

/// One event as the import reads it.
struct Event<'a> {
    id: &'a str,
    date: PartialDate,
    within_a_week: bool,
    action: Action,
    gainer: Gainer,
    actor1: &'a str,
    actor2: &'a str,
    state1: bool,
    state2: bool,
    what: String,
    place: PlaceKey,
    reported_by: &'a str,
    notes: &'a str,
}

#[derive(Clone, Copy)]
enum Gainer {
    StateForces,
    NonState,
    Actor1,
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
    let at = match super::find_columns(&mut reader, file, "an ACLED export", COLUMNS) {
        Ok(at) => at,
        Err(e) => {
            super::abandon_export(&partial);
            return Err(e);
        }
    };
    let [
        id,
        date,
        time_precision,
        event_type,
        sub_event_type,
        actor1,
        inter1,
        actor2,
        inter2,
        country,
        admin1,
        admin2,
        location,
        latitude,
        longitude,
        geo_precision,
        source,
        notes,
    ] = at;

    let mut report = Report::default();
    let mut writer = DatasetWriter::default();
    let mut actors = Actors::read(&out.join(super::actors::ACTORS_FILE)).map_err(ImportError::Write)?;
    let mut state_names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
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
                let line = e.position().map_or(0, |p| p.line());
                report.bad_rows.push(format!("{shown}:{line}: {e}"));
                continue;
            }
        };
        report.events += 1;
        let line = record.position().map_or(0, |p| p.line());
        let get = |i: usize| record.get(i).unwrap_or("").trim();
        let bad = |column: &str, message: String| format!("{shown}:{line}: {column}: {message}");
        let (action, gainer) = match classify(get(event_type), get(sub_event_type)) {
            Some((Action::Contested, _)) if !options.clashes => {
                *report.left_out.entry("armed clash (--no-clashes)".into()).or_default() += 1;
                continue;
            }
            Some(kind) => kind,
            None => {
                let what = if get(sub_event_type).is_empty() { get(event_type) } else { get(sub_event_type) };
                *report.left_out.entry(what.to_lowercase()).or_default() += 1;
                continue;
            }
        };
        let parsed = (|| {
            let day = parse_date(get(date)).ok_or_else(|| {
                bad("event_date", format!("'{}' is not a date (2023-10-26 or 26 October 2023)", get(date)))
            })?;
            let precision = super::number_in(get(time_precision), 1u8..=3).ok_or_else(|| {
                bad("time_precision", format!("'{}' is not 1, 2 or 3", get(time_precision)))
            })?;
            let month = PartialDate::month(day.year(), day.month()).filter(|_| precision == 3);
            let date = month.unwrap_or(PartialDate::day(day));
            let (lat, lon) = super::point(get(latitude), get(longitude)).map_err(|(c, m)| bad(c, m))?;
            let geo = super::number_in(get(geo_precision), 1u8..=3)
                .ok_or_else(|| bad("geo_precision", format!("'{}' is not 1, 2 or 3", get(geo_precision))))?;
            if get(location).is_empty() {
                return Err(bad("location", "is empty".into()));
            }
            if get(actor1).is_empty() {
                return Err(bad("actor1", "is empty".into()));
            }
            let state = |code: &str| inter_is_state(code);
            let (state1, state2) = (
                state(get(inter1))
                    .ok_or_else(|| bad("inter1", format!("'{}' is not an actor type", get(inter1))))?,
                if get(actor2).is_empty() {
                    false
                } else {
                    state(get(inter2))
                        .ok_or_else(|| bad("inter2", format!("'{}' is not an actor type", get(inter2))))?
                },
            );
            Ok((date, precision == 2, lat, lon, geo, state1, state2))
        })();
        let (date, within_a_week, lat, lon, geo, state1, state2) = match parsed {
            Ok(p) => p,
            Err(message) => {
                report.bad_rows.push(message);
                continue;
            }
        };
        for (name, is_state) in [(get(actor1), state1), (get(actor2), state2)] {
            if is_state && !name.is_empty() {
                state_names.entry(get(country).to_string()).or_default().insert(name.to_string());
            }
        }
        *countries.entry(get(country).to_string()).or_default() += 1;
        latest = latest.max(Some(date.last_day()));
        let event = Event {
            id: get(id),
            date,
            within_a_week,
            action,
            gainer,
            actor1: get(actor1),
            actor2: get(actor2),
            state1,
            state2,
            what: if get(sub_event_type).is_empty() {
                get(event_type).to_string()
            } else {
                get(sub_event_type).to_string()
            },
            place: PlaceKey {
                name: get(location).to_string(),
                lat,
                lon,
                precision_km: precision_km(geo),
                note: format!(
                    "ACLED location, {}; geo_precision {geo}",
                    [get(admin2), get(admin1), get(country)]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            },
            reported_by: get(source),
            // Verbatim: the claim quotes the cell as the export holds it.
            notes: record.get(notes).unwrap_or(""),
        };
        add_claim(&event, &mut writer, &mut actors, &mut report);
    }
    for (country, names) in state_names {
        if names.len() > 1 {
            report.two_governments.push((country, names.into_iter().collect()));
        }
    }
    let attribution =
        format!("ACLED, accessed {}, filters as exported", super::accessed_words(options.accessed));
    super::close_export(reader, &partial)?;
    super::finish(out, &SOURCE, &partial, latest, &countries, &attribution, &writer, &actors, report)
}

fn add_claim(e: &Event, writer: &mut DatasetWriter, actors: &mut Actors, report: &mut Report) {
    let mut flagged = false;
    let gainer = match (e.action, e.gainer) {
        (Action::Captured, Gainer::StateForces) => match (e.state1, e.state2) {
            (true, false) => e.actor1,
            (false, true) => e.actor2,
            _ => {
                flagged = true;
                e.actor1
            }
        },
        (Action::Captured, Gainer::NonState) => match (e.state1, e.state2) {
            (false, true) => e.actor1,
            (true, false) if !e.actor2.is_empty() => e.actor2,
            _ => {
                flagged = true;
                e.actor1
            }
        },
        (Action::Captured, Gainer::Actor1) => {
            flagged = true;
            e.actor1
        }
        _ => e.actor1,
    };
    actors.count(e.actor1);
    if !e.actor2.is_empty() {
        actors.count(e.actor2);
    }
    let faction = actors.faction_of(gainer);
    let mut note = format!("ACLED event {}: {}", e.id, e.what);
    if !e.reported_by.is_empty() {
        note.push_str(&format!("; reported by {}", e.reported_by));
    }
    if e.within_a_week {
        note.push_str("; the date is within a week of the day given");
    }
    if flagged {
        note.push_str("; review: the actor types do not say which side gained, actor1 was taken");
        report.flagged += 1;
    }
    let place = writer.place(&e.place);
    writer.claim(format!("acled-{}", slug(e.id)), place, faction, e.action, e.date, e.notes, note);
    report.claims += 1;
}

/// What an event is to the map: the action and who gains, or `None` for an event left out.
fn classify(event_type: &str, sub_event_type: &str) -> Option<(Action, Gainer)> {
    let kind = |s: &str| match s {
        "Non-state actor overtakes territory" | "Battle-Non-state actor overtakes territory" => {
            Some((Action::Captured, Gainer::NonState))
        }
        "Government regains territory" | "Battle-Government regains territory" => {
            Some((Action::Captured, Gainer::StateForces))
        }
        "Non-violent transfer of territory" => Some((Action::Captured, Gainer::Actor1)),
        "Headquarters or base established" => Some((Action::Holds, Gainer::Actor1)),
        "Armed clash" | "Battle-No change of territory" => Some((Action::Contested, Gainer::Actor1)),
        _ => None,
    };
    kind(sub_event_type).or_else(|| kind(event_type))
}

/// Whether an actor type (`inter1`/`inter2`) is state forces: the number 1 or the words, as
/// older and newer exports write them; `None` for a code that is neither.
fn inter_is_state(code: &str) -> Option<bool> {
    const TYPES: [&str; 8] = [
        "state forces",
        "rebel group",
        "political militia",
        "identity militia",
        "rioters",
        "protesters",
        "civilians",
        "external/other forces",
    ];
    let code = code.trim();
    if code.is_empty() {
        return Some(false);
    }
    if let Ok(n) = code.parse::<u8>() {
        return (0..=8).contains(&n).then_some(n == 1);
    }
    let lower = code.to_lowercase();
    let lower = lower.trim_end_matches('s');
    TYPES.iter().position(|t| t.trim_end_matches('s') == lower).map(|i| i == 0)
}

/// `2023-10-26` or `26 October 2023`.
fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(text, "%d %B %Y").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_old_and_new_map_to_claims_or_are_left_out() {
        let rows = [
            ("Strategic developments", "Non-state actor overtakes territory", Some("captured")),
            ("Battles", "Government regains territory", Some("captured")),
            ("Strategic developments", "Non-violent transfer of territory", Some("captured")),
            ("Strategic developments", "Headquarters or base established", Some("holds")),
            ("Battles", "Armed clash", Some("contested")),
            ("Battle-Non-state actor overtakes territory", "", Some("captured")),
            ("Battle-Government regains territory", "", Some("captured")),
            ("Battle-No change of territory", "", Some("contested")),
            ("Protests", "Peaceful protest", None),
            ("Explosions/Remote violence", "Air/drone strike", None),
        ];
        for (event_type, sub, expected) in rows {
            assert_eq!(classify(event_type, sub).map(|(a, _)| a.as_str()), expected, "{event_type} / {sub}");
        }
    }

    #[test]
    fn actor_types_read_as_numbers_or_words() {
        let rows = [
            ("1", Some(true)),
            ("State forces", Some(true)),
            ("2", Some(false)),
            ("Rebel group", Some(false)),
            ("Political militia", Some(false)),
            ("External/Other forces", Some(false)),
            ("", Some(false)),
            ("9", None),
            ("Space forces", None),
        ];
        for (code, expected) in rows {
            assert_eq!(inter_is_state(code), expected, "{code:?}");
        }
    }

    #[test]
    fn dates_come_in_two_spellings() {
        let day = NaiveDate::from_ymd_opt(2023, 10, 26);
        assert_eq!(parse_date("2023-10-26"), day);
        assert_eq!(parse_date("26 October 2023"), day);
        assert_eq!(parse_date("26/10/2023"), None);
    }
}
