//! `sandline state --date D`: one row per place with its holder, status and claims.

use super::Outcome;
use super::args::{AreaArgs, DataArg, StaleArg, parse_day};
use crate::dataset::Dataset;
use crate::model::{EvidenceKind, StaleAfter};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateFormat {
    Csv,
    Json,
    /// Places and areas of control as GeoJSON FeatureCollections.
    Geojson,
}

#[derive(Debug, Args)]
pub struct StateArgs {
    /// The day, as YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: NaiveDate,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: StateFormat,
    #[command(flatten)]
    pub stale: StaleArg,
    #[command(flatten)]
    pub areas: AreaArgs,
    #[command(flatten)]
    pub data: DataArg,
}

#[derive(Debug, serde::Serialize)]
pub struct StateRow {
    pub id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// The holder's faction id; empty when unknown.
    pub faction: String,
    pub status: &'static str,
    pub since: String,
    pub uncertain: bool,
    pub claims: Vec<String>,
    /// `quoted` when a claim behind the state quotes a text the dataset holds, `cited` when all
    /// cite sources found elsewhere, empty without claims.
    pub evidence: &'static str,
    /// The date of the newest claim behind the state.
    pub last_evidence: String,
    /// The newest claim is older than the stale limit.
    pub stale: bool,
}

/// Each place's row at `date`, made as it is asked for: a big dataset's rows are written one
/// by one rather than held together.
pub fn rows(
    dataset: &Dataset,
    date: NaiveDate,
    stale_after: StaleAfter,
) -> impl Iterator<Item = StateRow> + '_ {
    dataset.tracked_places().iter().map(move |&p| {
        let place = dataset.place(p);
        let state = dataset.timeline.state_at(p, date);
        StateRow {
            id: place.id.clone(),
            name: place.name.clone(),
            lat: place.lat,
            lon: place.lon,
            faction: state.holder.map(|f| dataset.faction(f).id.clone()).unwrap_or_default(),
            status: state.status.as_str(),
            since: state.since.map(|d| d.to_string()).unwrap_or_default(),
            uncertain: state.uncertain,
            claims: state.claims.iter().map(|&c| dataset.claims[c as usize].id.to_string()).collect(),
            evidence: dataset.evidence_kind(&state.claims).map_or("", EvidenceKind::as_str),
            last_evidence: state.last_evidence.map(|d| d.to_string()).unwrap_or_default(),
            stale: stale_after.is_stale(state.last_evidence, date),
        }
    })
}

pub fn run(args: &StateArgs) -> anyhow::Result<Outcome> {
    let loaded = super::load(&args.data)?;
    super::warn_problems(&loaded.problems);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        StateFormat::Geojson => {
            let options = args.areas.options().with_stale_after(args.stale.rule());
            let sites = crate::areas::sites_at(&loaded.dataset, args.date, options.stale_after);
            let areas = crate::areas::compute(&sites, loaded.dataset.land(), &options);
            let collection = crate::areas::export::feature_collection(
                &loaded.dataset,
                args.date,
                &areas,
                options.stale_after,
            );
            serde_json::to_writer(&mut out, &geojson::GeoJson::from(collection))?;
            writeln!(out)?;
        }
        StateFormat::Json => {
            let rows: Vec<StateRow> = rows(&loaded.dataset, args.date, args.stale.rule()).collect();
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        StateFormat::Csv => write_csv(&loaded.dataset, args.date, args.stale.rule(), out)?,
    }
    // The process ends next: freeing a big dataset piece by piece would only delay it.
    std::mem::forget(loaded);
    Ok(Outcome::Clean)
}

/// The state of every place as CSV. The rows are made in parts on every core, each row
/// straight from the timeline, and written in order.
fn write_csv(
    dataset: &Dataset,
    date: NaiveDate,
    stale_after: StaleAfter,
    mut out: impl Write,
) -> anyhow::Result<()> {
    // Parts of this many places: each thread's rows, held until written, take half a megabyte.
    const PLACES_PER_PART: usize = 4096;
    let mut header = csv::Writer::from_writer(Vec::new());
    header.write_record(COLUMNS)?;
    out.write_all(&header.into_inner()?)?;
    let places = dataset.tracked_places();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for chunk in places.chunks(PLACES_PER_PART * cores) {
        let parts: Vec<&[crate::model::PlaceIx]> = chunk.chunks(chunk.len().div_ceil(cores).max(1)).collect();
        let written: Vec<anyhow::Result<Vec<u8>>> = std::thread::scope(|scope| {
            let workers: Vec<_> = parts
                .iter()
                .map(|part| scope.spawn(move || csv_rows(dataset, date, stale_after, part)))
                .collect();
            workers.into_iter().map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        });
        for rows in written {
            out.write_all(&rows?)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The CSV rows of `places`, without the header.
fn csv_rows(
    dataset: &Dataset,
    date: NaiveDate,
    stale_after: StaleAfter,
    places: &[crate::model::PlaceIx],
) -> anyhow::Result<Vec<u8>> {
    // Places a few dozen at a time: their claims, scattered through the dataset, are fetched
    // together first (the fetches wait for memory at once, not in turn), then written.
    const PLACES_AHEAD: usize = 32;
    let mut w = csv::Writer::from_writer(Vec::new());
    let stale_on = stale_after.on(date);
    let mut text = String::new();
    let mut segments = Vec::with_capacity(PLACES_AHEAD);
    for group in places.chunks(PLACES_AHEAD) {
        segments.clear();
        segments.extend(group.iter().map(|&p| dataset.timeline.segment_at(p, date)));
        for segment in segments.iter().flatten() {
            for &c in dataset.timeline.claims_of(segment) {
                std::hint::black_box(dataset.claims[c as usize].id.as_bytes().first());
            }
        }
        for (&p, &segment) in group.iter().zip(&segments) {
            write_row(&mut w, &mut text, dataset, p, segment, stale_on)?;
        }
    }
    Ok(w.into_inner()?)
}

/// One place's row, from its segment at the date.
fn write_row(
    w: &mut csv::Writer<Vec<u8>>,
    text: &mut String,
    dataset: &Dataset,
    p: crate::model::PlaceIx,
    segment: Option<&crate::model::Segment>,
    stale_on: crate::model::StaleOn,
) -> anyhow::Result<()> {
    let place = dataset.place(p);
    let claims = segment.map_or(&[][..], |s| dataset.timeline.claims_of(s));
    let last_evidence = segment.and_then(|s| s.last_evidence);
    w.write_field(&place.id)?;
    w.write_field(&place.name)?;
    field(w, text, format_args!("{}", place.lat))?;
    field(w, text, format_args!("{}", place.lon))?;
    w.write_field(segment.and_then(|s| s.holder).map_or("", |f| dataset.faction(f).id.as_str()))?;
    w.write_field(segment.map_or(crate::model::Status::Unknown, |s| s.status).as_str())?;
    match segment.and_then(|s| s.since) {
        Some(since) => field(w, text, format_args!("{since}"))?,
        None => w.write_field("")?,
    }
    text.clear();
    for (k, &c) in claims.iter().enumerate() {
        if k > 0 {
            text.push('|');
        }
        text.push_str(&dataset.claims[c as usize].id);
    }
    w.write_field(&*text)?;
    w.write_field(dataset.evidence_kind(claims).map_or("", EvidenceKind::as_str))?;
    match last_evidence {
        Some(last) => field(w, text, format_args!("{last}"))?,
        None => w.write_field("")?,
    }
    w.write_field(if stale_on.is_stale(last_evidence) { "true" } else { "false" })?;
    w.write_record(None::<&[u8]>)?;
    Ok(())
}

/// A field written from its formatted value, through `text` (room kept from row to row).
fn field<W: Write>(w: &mut csv::Writer<W>, text: &mut String, value: std::fmt::Arguments) -> csv::Result<()> {
    text.clear();
    let _ = std::fmt::Write::write_fmt(text, value);
    w.write_field(&*text)
}

/// The columns of `state --format csv`.
const COLUMNS: [&str; 11] = [
    "id",
    "name",
    "lat",
    "lon",
    "faction",
    "status",
    "since",
    "claims",
    "evidence",
    "last_evidence",
    "stale",
];
