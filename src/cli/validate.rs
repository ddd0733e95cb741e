//! `sandline validate`: every problem in the data, one per line.

use super::Outcome;
use super::args::DataArg;

pub fn run(data: &DataArg) -> anyhow::Result<Outcome> {
    let loaded = super::load(data)?;
    for problem in &loaded.problems {
        println!("{problem}");
    }
    let d = &loaded.dataset;
    let summary = format!(
        "{} places ({} with claims), {} factions, {} sources, {} claims",
        d.places.len(),
        d.tracked_places().len(),
        d.factions.len(),
        d.sources.len(),
        d.claims.len()
    );
    if loaded.problems.is_empty() {
        eprintln!("ok: {summary}");
        Ok(Outcome::Clean)
    } else {
        eprintln!("{} problem(s); loaded {summary}", loaded.problems.len());
        Ok(Outcome::ProblemsFound)
    }
}
