//! The command line: thin commands over the core, errors printed once with their chain.

mod args;
mod diff;
mod geocode;
mod gui;
mod import;
mod ingest;
mod render;
mod state;
mod synthesize;
mod validate;

use anyhow::Context;
use args::DataArg;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// What a command found, as an exit status: 0 ok, 1 problems found, 2 could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    ProblemsFound,
}

#[derive(Debug, Parser)]
#[command(
    name = "sandline",
    version,
    about = "Who controls what in a civil war, town by town and day by day, and why we believe it."
)]
pub struct Cli {
    /// Without a command, sandline opens the viewer.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the viewer (the default): the map, the date slider and the sources behind each place.
    Gui(gui::GuiArgs),
    /// Load the dataset and report every problem as file:line: column: message.
    Validate(validate::ValidateArgs),
    /// Find places by any spelling.
    Geocode(geocode::GeocodeArgs),
    /// Who holds every place at a date, and on which claims.
    State(state::StateArgs),
    /// Propose sourced claims from news articles, for review.
    Ingest(ingest::IngestArgs),
    /// Make a dataset folder of another tool's event data (ACLED).
    Import(import::ImportArgs),
    /// Draw briefing images and timelapses without a screen.
    Render(Box<render::RenderArgs>),
    /// What changed hands between two dates, with the claims behind each change.
    Diff(diff::DiffArgs),
    /// Write a valid synthetic dataset of any size (default 100,000 places, 1,000,000 claims), for
    /// measuring speed at scale.
    Synthesize(synthesize::SynthesizeArgs),
}

/// What a run of the process does, for whoever sets it up (the binary chooses its allocator's
/// options by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// The viewer: frame after frame, each allocating and freeing much the same.
    Viewer,
    /// A command that reads, works and ends.
    Batch,
}

/// Parses the command line, tells `set_up` what kind of run it is, and runs it.
pub fn main(set_up: impl FnOnce(Workload)) -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    set_up(match cli.command {
        None | Some(Command::Gui(_)) => Workload::Viewer,
        Some(_) => Workload::Batch,
    });
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::ProblemsFound) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sandline: error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader such as `head` closing the pipe early is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command.unwrap_or(Command::Gui(gui::GuiArgs::default())) {
        Command::Gui(args) => gui::run(args),
        Command::Validate(args) => validate::run(&args),
        Command::Geocode(args) => geocode::run(&args),
        Command::State(args) => state::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Synthesize(args) => synthesize::run(&args),
    }
}

/// A value that does not parse ("--date 2017-02-30") is one line naming the flag and what is
/// wrong, with status 2, the same on every command; help, version and usage errors are clap's own.
fn usage_error(error: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let flag = match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(flag)) => flag.split_whitespace().next().unwrap_or(flag).to_string(),
        _ => String::new(),
    };
    let reason = std::error::Error::source(&error).map(ToString::to_string);
    match (error.kind(), reason) {
        (ErrorKind::ValueValidation, Some(reason)) if !flag.is_empty() => {
            eprintln!("sandline: error: {flag}: {reason}");
            ExitCode::from(2)
        }
        _ => {
            // clap prints help and version to standard output, real errors to standard error.
            let _ = error.print();
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}

/// Tables this large take a noticeable while to read (about half a second or more): their loading
/// shows a progress bar.
const SHOW_PROGRESS_FROM_BYTES: u64 = 16 << 20;

/// Loads the dataset the user asked for, with a progress bar on standard error for a big one when
/// that is a terminal; problems in it are the caller's to report.
pub(crate) fn load(data: &DataArg) -> anyhow::Result<crate::dataset::Loaded> {
    let dir = data.dir();
    let total = crate::dataset::table_bytes(&dir);
    let bar = if total >= SHOW_PROGRESS_FROM_BYTES {
        // indicatif draws on standard error and only when it is a terminal.
        let bar = indicatif::ProgressBar::new(total);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "loading {bar:40} {binary_bytes}/{binary_total_bytes} (eta {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let loaded = crate::dataset::load_reporting(&dir, &|bytes| bar.inc(bytes));
    bar.finish_and_clear();
    loaded.with_context(|| "cannot load the dataset")
}

/// A line on standard error saying the data has problems, for commands that go on regardless.
pub(crate) fn warn_problems(problems: &[crate::dataset::Problem]) {
    if !problems.is_empty() {
        eprintln!(
            "sandline: warning: the data has {} problem(s); rows with problems were left out (run `sandline validate`)",
            problems.len()
        );
    }
}
