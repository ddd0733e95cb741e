//! Writing an imported dataset folder: places, factions, one source (the imported file, copied
//! in), claims and `dataset.toml`, each file written whole or not at all.

use super::actors::{Actors, slug};
use crate::model::{Action, PartialDate};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The imported file as the dataset's one source.
pub struct SourceInfo {
    /// The source id every claim cites, and the file name of the copy in the folder.
    pub id: &'static str,
    pub copy_name: &'static str,
    pub title: &'static str,
    pub outlet: &'static str,
    pub url: &'static str,
}

/// A place as an export gives it: a name at a point.
#[derive(Debug, Clone)]
pub struct PlaceKey {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub precision_km: f64,
    /// Where the coordinate comes from, in words.
    pub note: String,
}

struct ClaimRow {
    id: String,
    place: String,
    faction: String,
    action: Action,
    date: PartialDate,
    quote: String,
    note: String,
}

#[derive(Default)]
pub struct DatasetWriter {
    places: Vec<(String, PlaceKey)>,
    by_point: HashMap<(String, u64, u64), usize>,
    ids: HashSet<String>,
    claim_ids: HashSet<String>,
    claims: Vec<ClaimRow>,
}

/// `base`, or `base-2`, `base-3`... the first not yet in `used`.
fn unique(base: String, used: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

impl DatasetWriter {
    /// The id of the place with this name at this point, made on first sight.
    pub fn place(&mut self, key: &PlaceKey) -> String {
        let point = (key.name.clone(), key.lat.to_bits(), key.lon.to_bits());
        if let Some(&i) = self.by_point.get(&point) {
            return self.places[i].0.clone();
        }
        let id = unique(slug(&key.name), &mut self.ids);
        self.by_point.insert(point, self.places.len());
        self.places.push((id.clone(), key.clone()));
        id
    }

    pub fn place_count(&self) -> usize {
        self.places.len()
    }

    #[allow(clippy::too_many_arguments)]
    pub fn claim(
        &mut self,
        id: String,
        place: String,
        faction: String,
        action: Action,
        date: PartialDate,
        quote: &str,
        note: String,
    ) {
        let id = unique(id, &mut self.claim_ids);
        self.claims.push(ClaimRow { id, place, faction, action, date, quote: quote.to_string(), note });
    }

    /// Writes the folder: `copy`, a file holding the imported file's text as the import read it
    /// (moved into the folder under its name), is the source,
    /// whose latest event is `latest`.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &self,
        out: &Path,
        source: &SourceInfo,
        copy: &Path,
        latest: Option<NaiveDate>,
        region: Option<&str>,
        attribution: &str,
        actors: &Actors,
    ) -> Result<(), String> {
        std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
        let save = |name: &str, bytes: &[u8]| {
            crate::ingest::merge::write_atomically(&out.join(name), bytes).map_err(|e| e.to_string())
        };
        // The text the claims' quotes were taken from: bytes that were not UTF-8 are replaced, as
        // the import read them, so that every quote is found in it.
        std::fs::rename(copy, out.join(source.copy_name))
            .map_err(|e| format!("cannot write {}: {e}", out.join(source.copy_name).display()))?;

        let places = table(
            &["id", "name", "aliases", "lat", "lon", "kind", "coord_source", "coord_precision_km"],
            self.places.iter().map(|(id, p)| {
                vec![
                    id.clone(),
                    p.name.clone(),
                    String::new(),
                    p.lat.to_string(),
                    p.lon.to_string(),
                    "town".into(),
                    p.note.clone(),
                    p.precision_km.to_string(),
                ]
            }),
        )?;
        save("places.csv", &places)?;
        let factions = table(
            &["id", "name", "color", "aliases"],
            actors.factions().into_iter().map(|(id, name, color)| vec![id, name, color, String::new()]),
        )?;
        save("factions.csv", &factions)?;
        let published = latest.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
        let sources = table(
            &["id", "file", "title", "outlet", "published", "url", "date_note"],
            [vec![
                source.id.into(),
                source.copy_name.into(),
                source.title.into(),
                source.outlet.into(),
                published,
                source.url.into(),
                format!("The day of the latest event in the export. {attribution}."),
            ]],
        )?;
        save("sources.csv", &sources)?;
        let claims = table(
            &["id", "place", "faction", "action", "date", "source", "quote", "claimed_by", "note"],
            self.claims.iter().map(|c| {
                vec![
                    c.id.clone(),
                    c.place.clone(),
                    c.faction.clone(),
                    c.action.as_str().into(),
                    c.date.to_string(),
                    source.id.into(),
                    c.quote.clone(),
                    String::new(),
                    c.note.clone(),
                ]
            }),
        )?;
        save("claims.csv", &claims)?;
        let mut meta = String::from("# Written by sandline import; edit freely.\n");
        if let Some(region) = region {
            meta.push_str(&format!("region = {}\n", toml_string(region)));
        }
        meta.push_str(&format!("attribution = [{}]\n", toml_string(attribution)));
        save(crate::dataset::meta::META_FILE, meta.as_bytes())
    }
}

fn toml_string(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '"' => "\\\"".to_string(),
            '\\' => "\\\\".to_string(),
            c if c.is_control() => format!("\\u{:04x}", c as u32),
            c => c.to_string(),
        })
        .collect();
    format!("\"{escaped}\"")
}

fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let failed = |e: &dyn std::fmt::Display| format!("cannot write a table: {e}");
    w.write_record(header).map_err(|e| failed(&e))?;
    for row in rows {
        w.write_record(&row).map_err(|e| failed(&e))?;
    }
    w.into_inner().map_err(|e| failed(&e))
}
