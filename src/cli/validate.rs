//! `sandline validate`: every problem in the data, one per line.

use super::Outcome;
use super::args::DataArg;
use clap::Args;

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub data: DataArg,
}

pub fn run(args: &ValidateArgs) -> anyhow::Result<Outcome> {
    let loaded = super::load(&args.data)?;
    for problem in &loaded.problems {
        println!("{problem}");
    }
    let summary = crate::dataset::Summary::of(&loaded.dataset);
    if loaded.problems.is_empty() {
        eprintln!("ok: {summary}");
        Ok(Outcome::Clean)
    } else {
        eprintln!("{} problem(s); loaded {summary}", loaded.problems.len());
        Ok(Outcome::ProblemsFound)
    }
}
