//! `sandline import acled FILE --out DIR`: another tool's event data made into a dataset folder.

use super::Outcome;
use super::args::parse_day;
use crate::import::acled::{self, Options};
use crate::import::ucdp;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub from: ImportFrom,
}

#[derive(Debug, Subcommand)]
pub enum ImportFrom {
    /// An ACLED export (CSV): territory events, bases and armed clashes become claims.
    Acled(AcledArgs),
    /// UCDP's Georeferenced Event Dataset (CSV): each event makes its place contested.
    Ucdp(UcdpArgs),
}

#[derive(Debug, Args)]
pub struct UcdpArgs {
    /// The GED file (CSV), as UCDP publishes it.
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// The dataset folder to write (made if missing; an actors.csv already there is kept).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Keep events located only to a wide area (where_prec 4 and coarser), left out by default.
    #[arg(long)]
    pub coarse_places: bool,
    /// The day the file was downloaded, for the attribution line (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub accessed: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct AcledArgs {
    /// The export, as ACLED's export tool writes it.
    #[arg(value_name = "FILE.csv")]
    pub file: PathBuf,
    /// The dataset folder to write (made if missing; an actors.csv already there is kept).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Leave armed clashes out (by default they make a place contested).
    #[arg(long)]
    pub no_clashes: bool,
    /// The day the export was downloaded, for the attribution line (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub accessed: Option<NaiveDate>,
}

pub fn run(args: &ImportArgs) -> anyhow::Result<Outcome> {
    let bar = progress_bar();
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        bar.set_position(done);
    };
    let (report, out) = match &args.from {
        ImportFrom::Acled(args) => {
            let options = Options { clashes: !args.no_clashes, accessed: args.accessed.or_else(today) };
            (acled::import_reporting(&args.file, &args.out, &options, &progress), &args.out)
        }
        ImportFrom::Ucdp(args) => {
            let options =
                ucdp::Options { coarse_places: args.coarse_places, accessed: args.accessed.or_else(today) };
            (ucdp::import_reporting(&args.file, &args.out, &options, &progress), &args.out)
        }
    };
    bar.finish_and_clear();
    summarize(&report?, out)
}

/// A bar on standard error (indicatif draws only when it is a terminal) that shows once the
/// export is a few megabytes long: smaller ones are read in a blink.
fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "importing {bar:40} {binary_bytes}/{binary_total_bytes} (eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn summarize(report: &crate::import::Report, out: &std::path::Path) -> anyhow::Result<Outcome> {
    for row in &report.bad_rows {
        println!("{row}");
    }
    eprintln!(
        "imported {} of {} events as {} claims at {} places into {}",
        report.claims,
        report.events,
        report.claims,
        report.places,
        out.display()
    );
    for (why, n) in &report.left_out {
        eprintln!("  left out {n}: {why}");
    }
    if !report.bad_rows.is_empty() {
        eprintln!("  left out {}: rows that could not be read (listed above)", report.bad_rows.len());
    }
    if report.flagged > 0 {
        eprintln!(
            "  {} claims to review: the actor types do not say which side gained, actor1 was taken (see their notes)",
            report.flagged
        );
    }
    for (country, names) in &report.two_governments {
        eprintln!(
            "  review: {country} has state forces under {} names ({}): more than one government may claim to be the state",
            names.len(),
            names.join("; ")
        );
    }
    if report.new_actors > 0 {
        eprintln!(
            "  {} new actors in {}: join allies into one faction and set colours there, then import again",
            report.new_actors,
            out.join(crate::import::actors::ACTORS_FILE).display()
        );
    }
    Ok(if report.bad_rows.is_empty() { Outcome::Clean } else { Outcome::ProblemsFound })
}

/// Today (UTC) by the system clock.
fn today() -> Option<NaiveDate> {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(secs / 86_400))
}
