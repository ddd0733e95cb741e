//! The command line: thin commands over the core, errors printed once with their chain.

mod args;
mod diff;
mod geocode;
mod ingest;
mod render;
mod state;
mod validate;

use anyhow::Context;
use args::{Cli, Command, DataArg};
use clap::Parser;
use std::process::ExitCode;

/// What a command found, as an exit status: 0 ok, 1 problems found, 2 could not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    ProblemsFound,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
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
    match cli.command.unwrap_or(Command::Gui(args::GuiArgs::default())) {
        Command::Gui(args) => gui(args),
        Command::Validate { data } => validate::run(&data),
        Command::Geocode(args) => geocode::run(&args),
        Command::State(args) => state::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Diff(args) => diff::run(&args),
    }
}

/// The one place the command line reaches the window: opening the viewer.
#[cfg(feature = "gui")]
fn gui(args: args::GuiArgs) -> anyhow::Result<Outcome> {
    let options = crate::gui::ViewerOptions { data: args.data.dir(), date: args.date, layer: args.tiles };
    crate::gui::run(options)?;
    Ok(Outcome::Clean)
}

#[cfg(not(feature = "gui"))]
fn gui(_: args::GuiArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!(
        "this sandline was built without the viewer (cargo feature `gui`); \
         `sandline render --date YYYY-MM-DD --out map.png` draws the map without one"
    )
}

/// Loads the dataset the user asked for; problems in it are the caller's to report.
pub(crate) fn load(data: &DataArg) -> anyhow::Result<crate::dataset::Loaded> {
    let dir = data.dir();
    crate::dataset::load(&dir).with_context(|| "cannot load the dataset")
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
