//! `sandline ingest FILE...`: proposes sourced claims from news articles, for review.

use super::Outcome;
use super::args::{DataArg, parse_date};
use crate::dataset::DataDir;
use crate::ingest::article::{self, Described, Given};
use crate::ingest::merge::{self, NewSource};
use crate::ingest::output::{self, Row};
use crate::ingest::{Extraction, Ingestor, read_article};
use crate::model::PartialDate;
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Plain-text English articles.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD, YYYY-MM or YYYY); wins over a date printed in the article.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<PartialDate>,
    /// Title for a new source (default: the article's first line).
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Outlet for a new source.
    #[arg(long, value_name = "O")]
    pub outlet: Option<String>,
    /// Address of the article, for a new source.
    #[arg(long, value_name = "U")]
    pub url: Option<String>,
    /// Write the proposals to this CSV file instead of standard output.
    #[arg(long, value_name = "FILE.csv")]
    pub out: Option<PathBuf>,
    /// Append the proposals to the dataset's claims.csv (needs --data DIR).
    #[arg(long)]
    pub merge: bool,
    /// Leave out proposals less sure than this (0 to 1; see the README for how well the
    /// confidence holds).
    #[arg(long, value_name = "0..1", default_value_t = 0.0, value_parser = parse_confidence)]
    pub min_confidence: f64,
    #[command(flatten)]
    pub data: DataArg,
}

/// One article's proposals as rows, and the source to add for it when it is new.
struct Article {
    rows: Vec<Row>,
    source: Option<NewSource>,
}

pub fn run(args: &IngestArgs) -> anyhow::Result<Outcome> {
    let merge_dir = match (args.merge, &args.data.data) {
        (true, None) => anyhow::bail!("--merge needs --data DIR: the built-in dataset cannot be written"),
        (true, Some(dir)) => Some(dir.clone()),
        (false, _) => None,
    };
    let mut texts = Vec::new();
    let mut unreadable = Vec::new();
    for path in &args.files {
        match read_article(path) {
            Ok(text) => texts.push((path.clone(), text)),
            Err(e) => unreadable.push(format!("{:#}", anyhow::Error::new(e))),
        }
    }
    if !unreadable.is_empty() {
        anyhow::bail!(unreadable.join("\n"));
    }
    let loaded = super::load(&args.data)?;
    super::warn_problems(&loaded.problems);
    let dataset = &loaded.dataset;
    let ingestor = Ingestor::new(dataset);
    let mut ids = output::next_ids(dataset.claims.iter().map(|c| &*c.id));
    let mut taken_sources: Vec<String> = dataset.sources.iter().map(|s| s.id.clone()).collect();
    let mut outcome = Outcome::Clean;
    let mut articles = Vec::new();
    let mut unknown = 0;
    let described = Described {
        published: args.published,
        title: args.title.clone(),
        outlet: args.outlet.clone(),
        url: args.url.clone(),
    };
    for (path, text) in &texts {
        let read = article::read(&ingestor, path, text, &described, &mut taken_sources, &mut ids);
        let shown = path.display().to_string();
        if report(&shown, text, &read.extraction, read.given) == Outcome::ProblemsFound {
            outcome = Outcome::ProblemsFound;
        }
        unknown += read.extraction.unknown.len();
        let rows: Vec<Row> = read.rows.into_iter().filter(|r| r.confidence >= args.min_confidence).collect();
        articles.push(Article { rows, source: read.new_source });
    }
    let proposed: usize = articles.iter().map(|a| a.rows.len()).sum();
    let undated: usize = articles.iter().flat_map(|a| &a.rows).filter(|r| r.date.is_empty()).count();
    eprintln!(
        "sandline: {proposed} proposal(s) from {} article(s){}; {unknown} unknown place name(s); {undated} without a date",
        articles.len(),
        if args.min_confidence > 0.0 {
            format!(" at confidence {} or more", args.min_confidence)
        } else {
            String::new()
        }
    );
    let all_rows: Vec<Row> = articles.iter().flat_map(|a| a.rows.iter().cloned()).collect();
    match &args.out {
        Some(out) => {
            let file =
                std::fs::File::create(out).with_context(|| format!("cannot write {}", out.display()))?;
            output::write_csv(std::io::BufWriter::new(file), &all_rows)
                .with_context(|| format!("cannot write {}", out.display()))?;
        }
        None if merge_dir.is_none() => output::write_csv(std::io::stdout().lock(), &all_rows)?,
        None => {}
    }
    if let Some(dir) = merge_dir {
        let sources: Vec<NewSource> = articles.iter().filter_map(|a| a.source.clone()).collect();
        let report = merge::merge(&dir, &sources, &all_rows)
            .with_context(|| format!("cannot merge into {}", dir.display()))?;
        eprintln!("{report}");
        let after = crate::dataset::load(&DataDir::Disk(dir.clone()))?;
        if !after.problems.is_empty() {
            for p in &after.problems {
                eprintln!("{p}");
            }
            eprintln!(
                "sandline: warning: {} has {} problem(s) after the merge",
                dir.display(),
                after.problems.len()
            );
            outcome = Outcome::ProblemsFound;
        }
        if report.undated > 0 {
            outcome = Outcome::ProblemsFound;
        }
    }
    Ok(outcome)
}

/// Lines on standard error about one article; `ProblemsFound` for an unresolved date or unknown names.
fn report(shown: &str, text: &str, x: &Extraction, given: Option<Given>) -> Outcome {
    let mut outcome = Outcome::Clean;
    let dated = match (given, x.published_in_text) {
        (Some(g), Some(found)) if found.date != g.date() => {
            format!("published {} ({}; the text says {})", g.date(), g.how(), found.date)
        }
        (Some(g), _) => format!("published {} ({})", g.date(), g.how()),
        (None, Some(found)) => {
            format!("published {} (from the text: \"{}\")", found.date, &text[found.start..found.end])
        }
        (None, None) => "no publication date".into(),
    };
    eprintln!("{shown}: {} claim(s) proposed; {dated}", x.proposals.len());
    if x.published.is_none() {
        let undated = x.proposals.iter().filter(|p| p.date.is_none()).count();
        eprintln!(
            "{shown}: warning: no publication date in the text and none given: {undated} claim(s) have an unresolved date; pass --published YYYY-MM-DD"
        );
        outcome = Outcome::ProblemsFound;
    }
    if x.places_seen == 0 {
        eprintln!("{shown}: no place names found; nothing to propose");
    }
    for u in &x.unknown {
        let line = text[..u.start.min(text.len())].matches('\n').count() + 1;
        let hint = if u.suggestions.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", u.suggestions.join(", "))
        };
        eprintln!("{shown}:{line}: \"{}\" looks like a place but is not in the gazetteer{hint}", u.name);
        outcome = Outcome::ProblemsFound;
    }
    outcome
}

fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("'{text}' is not a confidence: give a number from 0 to 1")),
    }
}
