//! Appending proposals to a dataset directory: new claims with fresh ids, their articles as sources,
//! nothing already there lost, reordered or repeated, and every file replaced atomically (written
//! to a temporary file beside it, then renamed), so a crash leaves the old file or the new one.

use super::output::{Row, next_ids};
use crate::model::PartialDate;
use std::collections::HashSet;
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An article that is not yet a source of the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSource {
    pub id: String,
    /// Where the article is now.
    pub path: PathBuf,
    pub title: String,
    pub outlet: String,
    pub published: Option<PartialDate>,
    pub url: String,
    pub date_note: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("cannot read {0}")]
    Read(String, #[source] io::Error),
    #[error("{0} is not a readable CSV file with a header")]
    Csv(String, #[source] csv::Error),
    #[error("{file} has no column '{column}'")]
    Column { file: String, column: String },
    #[error("cannot write {0}")]
    Write(String, #[source] io::Error),
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<String>,
    pub duplicates: usize,
    /// Rows left out because their date (or their article's) is unknown.
    pub undated: usize,
    pub sources_added: Vec<String>,
    pub articles_copied: Vec<String>,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let range = match (self.added.first(), self.added.last()) {
            (Some(a), Some(b)) if a != b => format!(" ({a}..{b})"),
            (Some(a), _) => format!(" ({a})"),
            _ => String::new(),
        };
        write!(
            f,
            "merged: {} claim(s) added{range}, {} already there, {} left out for an unresolved date; {} source(s) added",
            self.added.len(),
            self.duplicates,
            self.undated,
            self.sources_added.len()
        )?;
        if !self.articles_copied.is_empty() {
            write!(f, "; copied {}", self.articles_copied.join(", "))?;
        }
        Ok(())
    }
}

const CLAIMS: &str = "claims.csv";
const SOURCES: &str = "sources.csv";
const PLACES: &str = "places.csv";

/// Appends `rows` (and the `sources` they cite that are new) to the dataset in `dir`.
pub fn merge(dir: &Path, sources: &[NewSource], rows: &[Row]) -> Result<MergeReport, MergeError> {
    let claims_path = dir.join(CLAIMS);
    let claims = CsvFile::read(&claims_path)?;
    let key_of =
        |r: &dyn Fn(&str) -> String| ["place", "faction", "action", "date", "source"].map(r).join("\u{1f}");
    let mut seen: HashSet<String> =
        claims.records.iter().map(|rec| key_of(&|c| claims.get(rec, c))).collect();
    let undated_sources: HashSet<&str> =
        sources.iter().filter(|s| s.published.is_none()).map(|s| s.id.as_str()).collect();
    let mut report = MergeReport::default();
    let mut ids = next_ids(claims.records.iter().map(|rec| claims.get_str(rec, "id")));
    let mut kept = Vec::new();
    for row in rows {
        if row.date.is_empty() || undated_sources.contains(row.source.as_str()) {
            report.undated += 1;
            continue;
        }
        if !seen.insert(key_of(&|c| row.get(c))) {
            report.duplicates += 1;
            continue;
        }
        let mut row = row.clone();
        row.id = ids.next().unwrap_or_default();
        report.added.push(row.id.clone());
        kept.push(row);
    }
    if kept.is_empty() {
        return Ok(report);
    }
    let cited: HashSet<&str> = kept.iter().map(|r| r.source.as_str()).collect();
    let sources_path = dir.join(SOURCES);
    let source_file = CsvFile::read(&sources_path)?;
    let mut source_rows = Vec::new();
    for s in sources.iter().filter(|s| cited.contains(s.id.as_str())) {
        let (file, copied) = place_article(dir, &s.path)?;
        report.articles_copied.extend(copied);
        let published = s.published.map(|d| d.to_string()).unwrap_or_default();
        let fields = [
            ("id", s.id.as_str()),
            ("file", file.as_str()),
            ("title", s.title.as_str()),
            ("outlet", s.outlet.as_str()),
            ("published", published.as_str()),
            ("url", s.url.as_str()),
            ("date_note", s.date_note.as_str()),
        ];
        source_rows.push(source_file.record_for(|c| {
            fields.iter().find(|(name, _)| *name == c).map_or(String::new(), |(_, v)| v.to_string())
        }));
        report.sources_added.push(s.id.clone());
    }
    if !source_rows.is_empty() {
        source_file.append(&source_rows)?;
    }
    let claim_rows: Vec<Vec<String>> = kept.iter().map(|r| claims.record_for(|c| r.get(c))).collect();
    claims.append(&claim_rows)?;
    Ok(report)
}

/// Takes the claim `id` out of the dataset in `dir` (undoing an acceptance); every other row stays
/// byte for byte. `Ok(false)` when there is no such claim.
pub fn remove_claim(dir: &Path, id: &str) -> Result<bool, MergeError> {
    let claims = CsvFile::read(&dir.join(CLAIMS))?;
    claims.remove_where(|rec| claims.get_str(rec, "id") == id)
}

/// A place to add to a dataset's curated places.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: crate::model::PlaceKind,
    /// Where the coordinate comes from, in the user's words.
    pub coord_source: String,
    pub coord_precision_km: f64,
}

/// Adds `place` to `dir/places.csv` under a fresh id made from its name, and returns the id.
pub fn add_place(dir: &Path, place: &NewPlace) -> Result<String, MergeError> {
    let places = CsvFile::read(&dir.join(PLACES))?;
    let taken: HashSet<&str> = places.records.iter().map(|rec| places.get_str(rec, "id")).collect();
    let base = super::output::slug(&place.name);
    let base = if base.is_empty() { "place".to_string() } else { base };
    let id = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(base);
    let (lat, lon, precision) =
        (format!("{:.5}", place.lat), format!("{:.5}", place.lon), place.coord_precision_km.to_string());
    let fields = [
        ("id", id.as_str()),
        ("name", place.name.as_str()),
        ("lat", lat.as_str()),
        ("lon", lon.as_str()),
        ("kind", place.kind.as_str()),
        ("coord_source", place.coord_source.as_str()),
        ("coord_precision_km", precision.as_str()),
    ];
    let record = places.record_for(|c| {
        fields.iter().find(|(name, _)| *name == c).map_or(String::new(), |(_, v)| v.to_string())
    });
    places.append(&[record])?;
    Ok(id)
}

/// The article's path relative to `dir`, copying it into `dir/articles/` when it lies outside.
fn place_article(dir: &Path, path: &Path) -> Result<(String, Option<String>), MergeError> {
    let shown = |p: &Path| p.display().to_string();
    let canon_dir = dir.canonicalize().map_err(|e| MergeError::Read(shown(dir), e))?;
    let canon = path.canonicalize().map_err(|e| MergeError::Read(shown(path), e))?;
    if let Ok(rel) = canon.strip_prefix(&canon_dir) {
        return Ok((slashes(rel), None));
    }
    let bytes = std::fs::read(&canon).map_err(|e| MergeError::Read(shown(path), e))?;
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).map_err(|e| MergeError::Write(shown(&articles), e))?;
    let name = path.file_name().map_or("article.txt".into(), |n| n.to_string_lossy().to_string());
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.clone(), String::new()),
    };
    for n in 1.. {
        let candidate = if n == 1 { name.clone() } else { format!("{stem}-{n}{ext}") };
        let target = articles.join(&candidate);
        match std::fs::read(&target) {
            Ok(existing) if existing == bytes => return Ok((format!("articles/{candidate}"), None)),
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                write_atomically(&target, &bytes)?;
                return Ok((format!("articles/{candidate}"), Some(format!("articles/{candidate}"))));
            }
            Err(e) => return Err(MergeError::Read(shown(&target), e)),
        }
    }
    unreachable!("the loop above returns")
}

fn slashes(rel: &Path) -> String {
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// A CSV file as it is on disk: its bytes, header and records.
struct CsvFile {
    path: PathBuf,
    bytes: Vec<u8>,
    header: Vec<String>,
    records: Vec<csv::StringRecord>,
}

impl CsvFile {
    fn read(path: &Path) -> Result<CsvFile, MergeError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| MergeError::Read(shown.clone(), e))?;
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| MergeError::Csv(shown.clone(), e))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        if !header.iter().any(|h| h == "id") {
            return Err(MergeError::Column { file: shown, column: "id".into() });
        }
        let records = reader.records().filter_map(Result::ok).collect();
        Ok(CsvFile { path: path.to_path_buf(), bytes, header, records })
    }

    fn get(&self, rec: &csv::StringRecord, column: &str) -> String {
        self.get_str(rec, column).to_string()
    }

    fn get_str<'r>(&self, rec: &'r csv::StringRecord, column: &str) -> &'r str {
        self.header.iter().position(|h| h == column).and_then(|i| rec.get(i)).map_or("", str::trim)
    }

    /// A record in this file's column order.
    fn record_for(&self, value: impl Fn(&str) -> String) -> Vec<String> {
        self.header.iter().map(|c| value(c)).collect()
    }

    /// Writes the file again with `records` after everything it held, byte for byte.
    fn append(&self, records: &[Vec<String>]) -> Result<(), MergeError> {
        let shown = self.path.display().to_string();
        let crlf = self.bytes.windows(2).any(|w| w == b"\r\n");
        let mut out = self.bytes.clone();
        if !out.is_empty() && !out.ends_with(b"\n") {
            out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        let terminator = if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') };
        let mut w = csv::WriterBuilder::new().terminator(terminator).from_writer(Vec::new());
        for rec in records {
            w.write_record(rec).map_err(|e| MergeError::Write(shown.clone(), io::Error::other(e)))?;
        }
        let appended =
            w.into_inner().map_err(|e| MergeError::Write(shown.clone(), io::Error::other(e.to_string())))?;
        out.extend_from_slice(&appended);
        write_atomically(&self.path, &out)
    }
}

impl CsvFile {
    /// Writes the file again without the records `unwanted` picks, every other byte as it was;
    /// false (and nothing written) when it picks none.
    fn remove_where(&self, unwanted: impl Fn(&csv::StringRecord) -> bool) -> Result<bool, MergeError> {
        let body_start = usize::from(self.bytes.starts_with(b"\xef\xbb\xbf")) * 3;
        let body = &self.bytes[body_start..];
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
        let mut record = csv::StringRecord::new();
        let _ = reader.headers();
        let mut cut = Vec::new();
        loop {
            let start = reader.position().byte() as usize;
            match reader.read_record(&mut record) {
                Ok(true) if unwanted(&record) => {
                    // A record ended by CR LF is read up to its CR: its LF goes with it, not
                    // with the next record.
                    let crlf_end = |at: usize| {
                        at > 0 && body.get(at - 1) == Some(&b'\r') && body.get(at) == Some(&b'\n')
                    };
                    let start = if crlf_end(start) { start + 1 } else { start };
                    let end = reader.position().byte() as usize;
                    cut.push(start..if crlf_end(end) { end + 1 } else { end });
                }
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(MergeError::Csv(self.path.display().to_string(), e)),
            }
        }
        if cut.is_empty() {
            return Ok(false);
        }
        let mut out = self.bytes[..body_start].to_vec();
        let mut at = 0;
        for range in cut {
            out.extend_from_slice(&body[at..range.start]);
            at = range.end;
        }
        out.extend_from_slice(&body[at..]);
        write_atomically(&self.path, &out)?;
        Ok(true)
    }
}

/// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), MergeError> {
    let shown = path.display().to_string();
    let name = path.file_name().map_or("file".into(), |n| n.to_string_lossy().to_string());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(MergeError::Write(shown, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(place: &str, date: &str, source: &str) -> Row {
        Row {
            id: "c999".into(),
            place: place.into(),
            faction: "lna".into(),
            action: "captured".into(),
            date: date.into(),
            source: source.into(),
            quote: "They took it, \"all\" of it.".into(),
            claimed_by: String::new(),
            note: "n".into(),
            confidence: 0.5,
            start: 0,
            end: 1,
            source_file: "x".into(),
        }
    }

    #[test]
    fn appends_new_rows_keeps_old_bytes_and_skips_repeats() {
        let tmp = tempdir();
        let old_claims = "id,place,faction,action,date,source,quote,claimed_by,note\r\nc001,hun,lna,captured,2017-06-02,a,\"q, q\",,\r\nc007,waddan,lna,captured,2017-06-02,a,q,,";
        std::fs::write(tmp.join("claims.csv"), old_claims).unwrap();
        std::fs::write(tmp.join("sources.csv"), "id,file,title,outlet,published,url,date_note\n").unwrap();
        let rows = [
            row("hun", "2017-06-02", "a"),
            row("sawkna", "2017-06-02", "a"),
            row("sawkna", "2017-06-02", "a"),
            row("x", "", "a"),
        ];
        let report = merge(&tmp, &[], &rows).unwrap();
        assert_eq!(report.added, ["c008"]);
        assert_eq!((report.duplicates, report.undated), (2, 1));
        let after = std::fs::read_to_string(tmp.join("claims.csv")).unwrap();
        assert!(after.starts_with(old_claims), "{after}");
        assert!(
            after.ends_with(
                "\r\nc008,sawkna,lna,captured,2017-06-02,a,\"They took it, \"\"all\"\" of it.\",,n\r\n"
            ),
            "{after:?}"
        );
        let again = merge(&tmp, &[], &rows).unwrap();
        assert!(again.added.is_empty());
        assert_eq!(std::fs::read_to_string(tmp.join("claims.csv")).unwrap(), after);
        let leftovers: Vec<_> = std::fs::read_dir(&tmp)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn removing_a_claim_keeps_every_other_byte() {
        let tmp = tempdir();
        let cases: &[(&str, &str, &str)] = &[
            ("id,place\nc1,a\nc2,b\nc3,c\n", "c2", "id,place\nc1,a\nc3,c\n"),
            ("id,place\r\nc1,a\r\nc2,b\r\nc3,c\r\n", "c2", "id,place\r\nc1,a\r\nc3,c\r\n"),
            ("\u{feff}id,note\nc1,\"two\nlines\"\nc2,b", "c2", "\u{feff}id,note\nc1,\"two\nlines\"\n"),
            ("id,note\nc1,\"two\r\nlines\"\r\nc2,b\r\n", "c1", "id,note\nc2,b\r\n"),
            ("id,place\r\nc1,a\r\nc2,b", "c2", "id,place\r\nc1,a\r\n"),
        ];
        for &(before, id, after) in cases {
            std::fs::write(tmp.join("claims.csv"), before).unwrap();
            assert!(remove_claim(&tmp, id).unwrap(), "{before:?}");
            assert_eq!(std::fs::read_to_string(tmp.join("claims.csv")).unwrap(), after, "{before:?}");
            assert!(!remove_claim(&tmp, "c9").unwrap());
        }
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn an_added_place_gets_a_fresh_id_from_its_name() {
        let tmp = tempdir();
        let header = "id,name,aliases,lat,lon,kind,coord_source,coord_precision_km\n";
        std::fs::write(
            tmp.join("places.csv"),
            format!("{header}bir-al-ghanam,Bir al-Ghanam,,32.3,12.6,town,x,2\n"),
        )
        .unwrap();
        let place = NewPlace {
            name: "Bir al Ghanam".into(),
            lat: 32.31234567,
            lon: 12.6,
            kind: crate::model::PlaceKind::Town,
            coord_source: "picked on the map".into(),
            coord_precision_km: 5.0,
        };
        assert_eq!(add_place(&tmp, &place).unwrap(), "bir-al-ghanam-2");
        let text = std::fs::read_to_string(tmp.join("places.csv")).unwrap();
        assert!(
            text.ends_with("bir-al-ghanam-2,Bir al Ghanam,,32.31235,12.60000,town,picked on the map,5\n"),
            "{text}"
        );
        std::fs::remove_dir_all(&tmp).unwrap();
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "sandline-merge-test-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
