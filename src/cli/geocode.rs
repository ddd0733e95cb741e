//! `sandline geocode NAME...`: where each name is, by any spelling.

use super::Outcome;
use super::args::{DataArg, parse_kind};
use crate::dataset::Dataset;
use crate::gazetteer::{Gazetteer, Lookup};
use crate::model::PlaceKind;
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
pub struct GeocodeArgs {
    /// Place names, in any spelling.
    #[arg(required = true, value_name = "NAME")]
    pub names: Vec<String>,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
    /// Prefer places of this kind when a name fits several (e.g. airbase for "Jufra").
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub prefer: Option<PlaceKind>,
    #[command(flatten)]
    pub data: DataArg,
}

pub fn run(args: &GeocodeArgs) -> anyhow::Result<Outcome> {
    let loaded = super::load(&args.data)?;
    super::warn_problems(&loaded.problems);
    let dataset = &loaded.dataset;
    let gazetteer = Gazetteer::new(&dataset.places);
    let mut outcome = Outcome::Clean;
    for name in &args.names {
        let lookup = gazetteer.lookup(name, args.prefer);
        if lookup.best().is_none() {
            outcome = Outcome::ProblemsFound;
        }
        if args.json {
            println!("{}", json_line(dataset, &lookup));
        } else {
            println!("{}", plain_line(dataset, &lookup));
        }
    }
    Ok(outcome)
}

fn json_line(dataset: &Dataset, lookup: &Lookup) -> serde_json::Value {
    let Some(best) = lookup.best() else {
        let suggestions: Vec<&str> =
            lookup.suggestions.iter().map(|m| dataset.place(m.place).name.as_str()).collect();
        return json!({"query": lookup.query, "error": "not found", "suggestions": suggestions});
    };
    let place = dataset.place(best.place);
    let alternatives: Vec<serde_json::Value> = lookup.matches[1..]
        .iter()
        .map(|m| json!({"id": dataset.place(m.place).id, "name": dataset.place(m.place).name, "score": round(m.score)}))
        .collect();
    json!({
        "query": lookup.query,
        "id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "kind": place.kind.as_str(),
        "score": round(best.score),
        "ambiguous": lookup.ambiguous,
        "alternatives": alternatives,
    })
}

fn round(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

fn plain_line(dataset: &Dataset, lookup: &Lookup) -> String {
    let Some(best) = lookup.best() else {
        let suggestions: Vec<&str> =
            lookup.suggestions.iter().map(|m| dataset.place(m.place).name.as_str()).collect();
        return if suggestions.is_empty() {
            format!("{}: not found", lookup.query)
        } else {
            format!("{}: not found; did you mean {}?", lookup.query, suggestions.join(", "))
        };
    };
    let place = dataset.place(best.place);
    let mut line = format!(
        "{} -> {} [{}] {} at {:.4}, {:.4} (score {:.2}, matched \"{}\")",
        lookup.query, place.name, place.id, place.kind, place.lat, place.lon, best.score, best.matched_name
    );
    if lookup.ambiguous {
        let others: Vec<String> = lookup.matches[1..]
            .iter()
            .map(|m| format!("{} [{}]", dataset.place(m.place).name, dataset.place(m.place).id))
            .collect();
        line.push_str(&format!("; AMBIGUOUS, also: {}", others.join(", ")));
    }
    line
}
