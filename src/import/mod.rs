//! Other tools' event data made into dataset folders that every command opens with `--data DIR`.

pub mod acled;
pub mod actors;
mod stream;
pub mod ucdp;
mod write;

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file lacks a column its kind always has: it is not what the user said it is.
    #[error("{file} is not {kind}: it has no column '{missing}'")]
    NotThatKind { file: String, kind: &'static str, missing: String },
    #[error("cannot read {file}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Write(String),
}

/// Rows between two reports of progress.
const PROGRESS_EVERY: usize = 8192;

/// What the import did, for its summary.
#[derive(Debug, Default)]
pub struct Report {
    pub events: usize,
    pub claims: usize,
    pub places: usize,
    /// Events left out, by reason.
    pub left_out: BTreeMap<String, usize>,
    /// Rows that could not be read, as `file:line: column: message`.
    pub bad_rows: Vec<String>,
    /// Claims whose side the actor types could not decide: actor1 was taken.
    pub flagged: usize,
    /// Countries whose state forces go by more than one name (two governments).
    pub two_governments: Vec<(String, Vec<String>)>,
    pub new_actors: usize,
}

/// The export as a CSV reader that streams it, writing its text as read into `out`'s copy in the
/// making (renamed into place when the folder is written), and the copy's path and the file's size.
type Export = csv::Reader<stream::LossyCopy<std::fs::File, std::io::BufWriter<std::fs::File>>>;

fn open_export(file: &Path, out: &Path, copy_name: &str) -> Result<(Export, PathBuf, u64), ImportError> {
    let read = |source| ImportError::Read { file: file.display().to_string(), source };
    let input = std::fs::File::open(file).map_err(read)?;
    let size = input.metadata().map(|m| m.len()).unwrap_or(0);
    std::fs::create_dir_all(out)
        .map_err(|e| ImportError::Write(format!("cannot create {}: {e}", out.display())))?;
    let partial = out.join(format!(".{copy_name}.partial"));
    let _ = std::fs::remove_file(&partial);
    let copy = std::fs::File::create(&partial)
        .map_err(|e| ImportError::Write(format!("cannot write {}: {e}", partial.display())))?;
    let stream = stream::LossyCopy::new(input, std::io::BufWriter::new(copy));
    Ok((csv::ReaderBuilder::new().flexible(true).from_reader(stream), partial, size))
}

/// Takes back what reading an export that is not one left: its copy in the making, and the
/// folder when nothing else is in it.
fn abandon_export(partial: &Path) {
    let _ = std::fs::remove_file(partial);
    if let Some(dir) = partial.parent() {
        // Fails, as it should, when the folder holds anything else.
        let _ = std::fs::remove_dir(dir);
    }
}

/// Finishes the copy once the export has been read to its end.
fn close_export(reader: Export, partial: &Path) -> Result<(), ImportError> {
    let mut copy = reader.into_inner().into_copy();
    std::io::Write::flush(&mut copy)
        .and_then(|()| copy.get_ref().sync_all())
        .map_err(|e| ImportError::Write(format!("cannot write {}: {e}", partial.display())))
}

/// Where each of `names` is among the export's columns; the first one missing says the file is
/// not of `kind`.
fn find_columns<const N: usize, R: std::io::Read>(
    reader: &mut csv::Reader<R>,
    file: &Path,
    kind: &'static str,
    names: [&str; N],
) -> Result<[usize; N], ImportError> {
    let not = |missing: String| ImportError::NotThatKind { file: file.display().to_string(), kind, missing };
    let headers = reader.headers().map_err(|e| not(format!("{} ({e})", names[0])))?.clone();
    let mut at = [0usize; N];
    for (i, name) in names.iter().enumerate() {
        at[i] = headers.iter().position(|h| h.trim() == *name).ok_or_else(|| not(name.to_string()))?;
    }
    Ok(at)
}

/// `text` as a number within `range`: a precision code, a coordinate.
fn number_in<T: std::str::FromStr + PartialOrd>(text: &str, range: std::ops::RangeInclusive<T>) -> Option<T> {
    text.parse().ok().filter(|v| range.contains(v))
}

/// A row's point, or the column and message of the first coordinate that is not one.
fn point(lat: &str, lon: &str) -> Result<(f64, f64), (&'static str, String)> {
    let lat_v = number_in(lat, -90.0..=90.0).ok_or(("latitude", format!("'{lat}' is not a latitude")))?;
    let lon_v = number_in(lon, -180.0..=180.0).ok_or(("longitude", format!("'{lon}' is not a longitude")))?;
    Ok((lat_v, lon_v))
}

/// "1 December 2026", or words saying the day is not known.
fn accessed_words(accessed: Option<NaiveDate>) -> String {
    accessed.map_or("an unrecorded date".to_string(), |d| d.format("%-d %B %Y").to_string())
}

/// Writes the folder and the actors, and completes the report.
#[allow(clippy::too_many_arguments)]
fn finish(
    out: &Path,
    source: &write::SourceInfo,
    copy: &Path,
    latest: Option<NaiveDate>,
    countries: &BTreeMap<String, usize>,
    attribution: &str,
    writer: &write::DatasetWriter,
    actors: &actors::Actors,
    mut report: Report,
) -> Result<Report, ImportError> {
    let country =
        countries.iter().max_by_key(|(_, n)| **n).map(|(c, _)| c.as_str()).filter(|c| !c.is_empty());
    report.places = writer.place_count();
    report.new_actors = actors.new_count();
    writer.write(out, source, copy, latest, country, attribution, actors).map_err(ImportError::Write)?;
    actors.write(&out.join(actors::ACTORS_FILE)).map_err(ImportError::Write)?;
    Ok(report)
}
