//! `sandline synthesize DIR`: a valid dataset of any size, shaped like the real one, for measuring
//! sandline (and the tools it is compared with) at scale.

use super::Outcome;
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SynthesizeArgs {
    /// The directory to write places.csv, factions.csv, sources.csv, claims.csv and articles/ into.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    pub places: usize,
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub claims: usize,
}

pub fn run(args: &SynthesizeArgs) -> anyhow::Result<Outcome> {
    if args.places == 0 {
        anyhow::bail!("--places: a dataset needs at least one place");
    }
    std::fs::create_dir_all(&args.dir).with_context(|| format!("cannot create {}", args.dir.display()))?;
    crate::dataset::synthetic::write(&args.dir, args.places, args.claims)
        .with_context(|| format!("cannot write the dataset into {}", args.dir.display()))?;
    eprintln!("wrote {} places and {} claims into {}", args.places, args.claims, args.dir.display());
    Ok(Outcome::Clean)
}
