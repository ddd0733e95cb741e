//! `sandline diff --from D1 --to D2`: what changed hands between two dates, with the claims
//! behind each change, and (in text and JSON) the land each side gained and lost.

use super::Outcome;
use super::args::{AreaArgs, DataArg, parse_day};
use crate::areas::diff::km2_text;
use crate::areas::{AreaCache, Diff, DiffRow};
use crate::dataset::Dataset;
use crate::model::{Holder, PartialDate};
use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One sentence per place, then the land gained and lost.
    Text,
    /// One row per place: place,name,from,to,date,claims.
    Csv,
    /// The rows and the land gained and lost.
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier day, as YYYY-MM-DD: holders are compared as they stood on it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub from: NaiveDate,
    /// The later day, as YYYY-MM-DD: changes on this day count.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub to: NaiveDate,
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    #[command(flatten)]
    pub areas: AreaArgs,
    #[command(flatten)]
    pub data: DataArg,
}

pub fn run(args: &DiffArgs) -> anyhow::Result<Outcome> {
    let (from, to) = (args.from, args.to);
    let loaded = super::load(&args.data)?;
    super::warn_problems(&loaded.problems);
    let dataset = &loaded.dataset;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.format == DiffFormat::Csv {
        let rows = crate::areas::changed_hands(dataset, from, to)?;
        write_csv(&mut out, dataset, &rows)?;
        return Ok(Outcome::Clean);
    }
    let mut cache = AreaCache::new(args.areas.options());
    let diff = crate::areas::diff(dataset, from, to, &mut cache)?;
    match args.format {
        DiffFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &json(dataset, &diff)).context("cannot write the diff")?;
            writeln!(out)?;
        }
        _ => write_text(&mut out, dataset, &diff)?,
    }
    Ok(Outcome::Clean)
}

fn holder_id(dataset: &Dataset, holder: Holder) -> &str {
    holder.map_or("", |f| dataset.faction(f).id.as_str())
}

fn write_text(out: &mut impl Write, dataset: &Dataset, diff: &Diff) -> anyhow::Result<()> {
    let (from, to) = (PartialDate::day(diff.from).long_form(), PartialDate::day(diff.to).long_form());
    if diff.rows.is_empty() {
        writeln!(out, "No place changed hands between {from} and {to}.")?;
    }
    for row in &diff.rows {
        writeln!(out, "{}", row.sentence(dataset))?;
    }
    if !diff.areas.is_empty() {
        writeln!(out, "\nLand gained and lost (areas of control, approximate):")?;
        for change in &diff.areas {
            writeln!(
                out,
                "{}: gained {} km², lost {} km²",
                dataset.faction(change.faction).short_name(),
                km2_text(change.gained.area_km2()),
                km2_text(change.lost.area_km2())
            )?;
        }
    }
    Ok(())
}

fn write_csv(out: &mut impl Write, dataset: &Dataset, rows: &[DiffRow]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["place", "name", "from", "to", "date", "claims"])?;
    for row in rows {
        let place = dataset.place(row.place);
        let date = row.date.to_string();
        let claims = row.claim_ids(dataset).join("|");
        w.write_record([
            place.id.as_str(),
            &place.name,
            holder_id(dataset, row.from),
            holder_id(dataset, row.to),
            &date,
            &claims,
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn json(dataset: &Dataset, diff: &Diff) -> serde_json::Value {
    let id = |h: Holder| h.map(|f| dataset.faction(f).id.clone());
    let rows: Vec<serde_json::Value> = diff
        .rows
        .iter()
        .map(|row| {
            let place = dataset.place(row.place);
            let changes: Vec<serde_json::Value> = row
                .changes
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "date": c.date.to_string(),
                        "from": id(c.from),
                        "to": id(c.to),
                        "claims": dataset.claim_ids(&c.claims),
                    })
                })
                .collect();
            serde_json::json!({
                "place": place.id,
                "name": place.name,
                "from": id(row.from),
                "to": id(row.to),
                "date": row.date.to_string(),
                "text": row.sentence(dataset),
                "changes": changes,
                "claims": row.claim_ids(dataset),
            })
        })
        .collect();
    let areas: Vec<serde_json::Value> = diff
        .areas
        .iter()
        .map(|a| {
            serde_json::json!({
                "faction": dataset.faction(a.faction).id,
                "gained_km2": a.gained.area_km2().round(),
                "lost_km2": a.lost.area_km2().round(),
            })
        })
        .collect();
    serde_json::json!({
        "from": diff.from.to_string(),
        "to": diff.to.to_string(),
        "changes": rows,
        "areas": areas,
    })
}
