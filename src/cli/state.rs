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

pub fn rows(dataset: &Dataset, date: NaiveDate, stale_after: StaleAfter) -> Vec<StateRow> {
    dataset
        .tracked_places()
        .iter()
        .map(|&p| {
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
                claims: state.claims.iter().map(|&c| dataset.claims[c as usize].id.clone()).collect(),
                evidence: dataset.evidence_kind(&state.claims).map_or("", EvidenceKind::as_str),
                last_evidence: state.last_evidence.map(|d| d.to_string()).unwrap_or_default(),
                stale: stale_after.is_stale(state.last_evidence, date),
            }
        })
        .collect()
}

pub fn run(args: &StateArgs) -> anyhow::Result<Outcome> {
    let loaded = super::load(&args.data)?;
    super::warn_problems(&loaded.problems);
    let rows = rows(&loaded.dataset, args.date, args.stale.rule());
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
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
        StateFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
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
            ])?;
            for r in &rows {
                let (lat, lon) = (r.lat.to_string(), r.lon.to_string());
                let claims = r.claims.join("|");
                let stale = r.stale.to_string();
                w.write_record([
                    &r.id,
                    &r.name,
                    &lat,
                    &lon,
                    &r.faction,
                    r.status,
                    &r.since,
                    &claims,
                    r.evidence,
                    &r.last_evidence,
                    &stale,
                ])?;
            }
            w.flush()?;
        }
    }
    Ok(Outcome::Clean)
}
