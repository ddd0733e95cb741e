//! Loading a dataset (places, factions, sources, claims) and reporting every problem in it.
//!
//! Loading never stops at the first problem: each bad row is reported as data and left out, and
//! everything valid still loads, so the viewer can draw what it can and show the rest.

pub mod claims;
mod csv_records;
mod csv_scan;
pub mod halves;
pub mod meta;
pub mod places;
pub mod problem;
pub mod records;
pub mod repeated_ids;
pub mod store;
pub mod suggest;
pub mod summary;
pub mod synthetic;
pub mod table;

pub use problem::Problem;
pub use store::{DataDir, UnreadableDir};
pub use summary::Summary;

use crate::model::{
    Claim, ClaimsByPlace, Contradiction, Faction, FactionIx, Place, PlaceIx, PlaceOrigin, Source, Timeline,
    contradictions,
};
use std::collections::HashMap;
use table::Table;

/// Told of every stretch of bytes read from a dataset's tables; called from the threads that
/// read them.
pub type Progress<'p> = &'p (dyn Fn(u64) + Sync);

/// Ids to indices. Ids are the dataset's own, so a fast hash that does not resist crafted keys serves.
pub type IdMap<V> = rustc_hash::FxHashMap<String, V>;

#[derive(Debug, Default)]
pub struct Dataset {
    pub places: Vec<Place>,
    pub factions: Vec<Faction>,
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub timeline: Timeline,
    place_ix: IdMap<PlaceIx>,
    faction_ix: IdMap<FactionIx>,
    source_ix: IdMap<usize>,
    claims_by_place: ClaimsByPlace,
    tracked: Vec<PlaceIx>,
    /// Each place in Web Mercator unit coordinates, computed once for drawing.
    merc: Vec<[f64; 2]>,
    /// Each place's kind and population, packed densely for the per-frame scene.
    kinds: Vec<(crate::model::PlaceKind, u64)>,
    /// What `dataset.toml` says, and the frame that follows from it or from the places.
    meta: meta::Meta,
    frame: [f64; 4],
    /// Who the places' names and coordinates come from, for the credits line.
    place_credits: Vec<&'static str>,
    /// The land of the region's countries, found when first needed.
    land: std::sync::OnceLock<std::sync::Arc<crate::areas::Land>>,
    /// Settlements no claim is about, most populous first, found when first needed.
    reference: std::sync::OnceLock<Vec<PlaceIx>>,
}

/// A dataset and what was wrong with its files.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub problems: Vec<Problem>,
}

/// Loads everything from `dir`. Fails only when the directory cannot be read at all.
pub fn load(dir: &DataDir) -> Result<Loaded, UnreadableDir> {
    load_reporting(dir, &|_| {})
}

/// The tables a dataset is read from, in the order they are read.
const TABLES: [&str; 6] = [
    places::GEONAMES_FILE,
    places::AIRFIELDS_FILE,
    places::OVERLAY_FILE,
    records::FACTIONS_FILE,
    records::SOURCES_FILE,
    claims::CLAIMS_FILE,
];

/// How many bytes `load` reads from the tables of `dir`: the length of a progress bar.
pub fn table_bytes(dir: &DataDir) -> u64 {
    TABLES.iter().filter_map(|file| dir.size(file)).sum()
}

/// Loads everything from `dir` as `load` does, telling `progress` of every stretch of bytes
/// read from its tables (of `table_bytes` in all).
pub fn load_reporting(dir: &DataDir, progress: Progress) -> Result<Loaded, UnreadableDir> {
    load_with(dir, progress, halves::SPLIT)
}

/// Loads `dir` reading every table in one go, never in halves: what reading in halves must
/// give exactly, for tests to compare.
#[doc(hidden)]
pub fn load_in_one_go(dir: &DataDir) -> Result<Loaded, UnreadableDir> {
    load_with(dir, &|_| {}, halves::Split::never())
}

/// Loads `dir` reading tables of `bytes` bytes or more in halves: to test reading in halves on
/// small tables, against `load_in_one_go`.
#[doc(hidden)]
pub fn load_in_halves_from(dir: &DataDir, bytes: u64) -> Result<Loaded, UnreadableDir> {
    load_with(dir, &|_| {}, halves::Split::from_bytes(bytes))
}

/// Loads `dir`, reading the tables that `split` says are big in two halves at once.
fn load_with(dir: &DataDir, progress: Progress, split: halves::Split) -> Result<Loaded, UnreadableDir> {
    dir.check()?;
    let meta = MetaRead::start(dir);
    let mut problems = Vec::new();

    let mut base = Vec::new();
    for (file, origin) in
        [(places::GEONAMES_FILE, PlaceOrigin::GeoNames), (places::AIRFIELDS_FILE, PlaceOrigin::Airfield)]
    {
        // The base gazetteer is optional: a dataset may be fully curated.
        if let Some(table) =
            read_table(dir, file, &["id", "name", "lat", "lon"], false, &mut problems, progress)
        {
            base.extend(places::read_base(table, origin, &mut problems));
        }
    }
    let overlay_columns =
        ["id", "name", "aliases", "lat", "lon", "kind", "coord_source", "coord_precision_km"];
    let mut overlay = read_table(dir, places::OVERLAY_FILE, &overlay_columns, true, &mut problems, progress)
        .map(|mut t| {
            let second = second_half(dir, places::OVERLAY_FILE, &mut t, progress, split.places);
            places::read_overlay(t, second, table_rows(dir, places::OVERLAY_FILE), &mut problems)
        })
        .unwrap_or_default();
    let left_out_places: HashMap<String, String> = std::mem::take(&mut overlay.left_out)
        .into_iter()
        .map(|(id, line)| (id, format!("{}:{line}", dir.display(places::OVERLAY_FILE))))
        .collect();
    let places = places::merge(base, overlay, &dir.display(places::OVERLAY_FILE), &mut problems);

    let (factions, left_out) = read_table(
        dir,
        records::FACTIONS_FILE,
        &["id", "name", "color", "aliases"],
        true,
        &mut problems,
        progress,
    )
    .map(|mut t| records::read_factions(&mut t, &mut problems))
    .unwrap_or_default();
    let left_out_factions = pointers(dir, records::FACTIONS_FILE, left_out, &factions, |f| &f.id);
    let source_columns = ["id", "file", "title", "outlet", "published", "url", "date_note"];
    let (sources, left_out) =
        read_table(dir, records::SOURCES_FILE, &source_columns, true, &mut problems, progress)
            .map(|mut t| records::read_sources(&mut t, dir, &mut problems))
            .unwrap_or_default();
    let left_out_sources = pointers(dir, records::SOURCES_FILE, left_out, &sources, |s| &s.id);

    let place_ix = index_places(&places);
    let faction_ix = index_factions(&factions);
    let suggest_place = |wrong: &str| suggest_place(&places, &left_out_places, wrong);
    let suggest_faction = |wrong: &str| suggest_faction(&factions, wrong);
    let cx = claims::Context {
        place_ix: &place_ix,
        left_out_places: &left_out_places,
        left_out_sources: &left_out_sources,
        left_out_factions: &left_out_factions,
        faction_ix: &faction_ix,
        sources: &sources,
        suggest_place: &suggest_place,
        suggest_faction: &suggest_faction,
    };
    let claim_columns = ["id", "place", "faction", "action", "date", "source", "quote", "claimed_by", "note"];
    let claims = read_table(dir, claims::CLAIMS_FILE, &claim_columns, true, &mut problems, progress)
        .map(|mut t| {
            let second = second_half(dir, claims::CLAIMS_FILE, &mut t, progress, split.claims);
            claims::read_claims(t, second, table_rows(dir, claims::CLAIMS_FILE), &cx, &mut problems)
        })
        .unwrap_or_default();

    let meta = meta.finish(&mut problems);
    let mut dataset = Dataset::with_indexes(places, factions, sources, claims, place_ix, faction_ix);
    dataset.set_meta(meta);
    Ok(Loaded { dataset, problems })
}

/// Where each id of a row left out for a problem was declared (`DIR/file.csv:LINE`), for the
/// claims that name it. A duplicate id is left out while its first row loads: only ids that did
/// not load count.
fn pointers<T>(
    dir: &DataDir,
    file: &str,
    left_out: Vec<(String, u64)>,
    loaded: &[T],
    id: impl Fn(&T) -> &String,
) -> HashMap<String, String> {
    let loaded: std::collections::HashSet<&str> = loaded.iter().map(|t| id(t).as_str()).collect();
    left_out
        .into_iter()
        .filter(|(id, _)| !loaded.contains(id.as_str()))
        .map(|(id, line)| (id, format!("{}:{line}", dir.display(file))))
        .collect()
}

fn place_credits(places: &[Place]) -> Vec<&'static str> {
    let from = |origin: PlaceOrigin, prefix: &str| {
        places.iter().any(|p| p.origin == origin || p.coord_source.starts_with(prefix))
    };
    let mut credits = Vec::new();
    if from(PlaceOrigin::GeoNames, "geonames:") {
        credits.push("GeoNames (CC BY 4.0)");
    }
    if from(PlaceOrigin::Airfield, "icao:") {
        credits.push("airportsdata (MIT)");
    }
    credits
}

/// `dataset.toml` read on a thread of its own while the tables are read: checking its
/// countries' names reads the base map.
enum MetaRead {
    Reading(std::thread::JoinHandle<(meta::Meta, Vec<Problem>)>),
    /// No thread could be started: it is read in turn.
    InTurn(DataDir),
}

impl MetaRead {
    fn start(dir: &DataDir) -> Self {
        let owned = dir.clone();
        let reading = std::thread::Builder::new().name("sandline meta".into()).spawn(move || {
            let mut problems = Vec::new();
            (read_meta(&owned, &mut problems), problems)
        });
        match reading {
            Ok(handle) => MetaRead::Reading(handle),
            Err(_) => MetaRead::InTurn(dir.clone()),
        }
    }

    /// The dataset's description, its problems added to `problems`.
    fn finish(self, problems: &mut Vec<Problem>) -> meta::Meta {
        match self {
            MetaRead::Reading(handle) => {
                let (meta, found) = handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
                problems.extend(found);
                meta
            }
            MetaRead::InTurn(dir) => read_meta(&dir, problems),
        }
    }
}

/// `dataset.toml`, when there is one; a dataset without it is described by its places.
fn read_meta(dir: &DataDir, problems: &mut Vec<Problem>) -> meta::Meta {
    let shown = dir.display(meta::META_FILE);
    let text = match dir.read(meta::META_FILE) {
        Ok(Some(bytes)) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                problems.push(Problem::in_file(&shown, "is not UTF-8 text"));
                return meta::Meta::default();
            }
        },
        Ok(None) => return meta::Meta::default(),
        Err(e) => {
            problems.push(Problem::in_file(&shown, format!("cannot read: {e}")));
            return meta::Meta::default();
        }
    };
    let meta = meta::Meta::parse(&shown, &text).unwrap_or_else(|problem| {
        problems.push(problem);
        meta::Meta::default()
    });
    let unknown = crate::basemap::unknown_countries(&meta.countries);
    if !unknown.is_empty() {
        let line = text.lines().position(|l| l.trim_start().starts_with("countries")).map(|i| i as u64 + 1);
        problems.push(Problem {
            file: shown,
            line,
            column: Some("countries".into()),
            message: format!(
                "no country of the base map is named {}: use Natural Earth's names (\"Libya\", \"Syria\", \"Dem. Rep. Congo\")",
                unknown.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
            ),
        });
    }
    meta
}

/// For a big table, the same table read on from past its middle (see `halves`), where `first`
/// then stops telling of the bytes it reads.
fn second_half<'p>(
    dir: &DataDir,
    file: &str,
    first: &mut Table<store::Counted<'p, store::Input>>,
    progress: Progress<'p>,
    halves_from: u64,
) -> Option<(Table<store::Counted<'p, store::Input>>, u64)> {
    let size = dir.size(file).filter(|&s| s >= halves_from)?;
    let from = halves::middle_break(dir.open(file).ok()??, size).ok()??;
    let mut input = dir.open(file).ok()??;
    input.skip(from).ok()?;
    // The first half tells of the bytes up to where the second starts.
    first.input_mut().until = from;
    Some((first.continuing(store::Counted::new(input, progress), from), from))
}

/// About how many rows a table has, so that room for them is made once; reserved room that is
/// never filled costs no memory, so a file of blank lines is harmless.
fn table_rows(dir: &DataDir, file: &str) -> usize {
    const MOST: usize = 50_000_000;
    let size = dir.size(file).unwrap_or(0);
    let lines = dir.open(file).ok().flatten().and_then(|f| table::estimate_lines(f, size).ok());
    lines.unwrap_or(0).min(MOST)
}

fn read_table<'p>(
    dir: &DataDir,
    file: &str,
    columns: &[&str],
    required: bool,
    problems: &mut Vec<Problem>,
    progress: Progress<'p>,
) -> Option<Table<store::Counted<'p, store::Input>>> {
    let shown = dir.display(file);
    match dir.open(file) {
        Ok(Some(input)) => Table::read(&shown, store::Counted::new(input, progress), columns, problems),
        Ok(None) if required => {
            problems.push(Problem::in_file(&shown, "file is missing"));
            None
        }
        Ok(None) => None,
        Err(e) => {
            problems.push(Problem::in_file(&shown, format!("cannot read: {e}")));
            None
        }
    }
}

fn suggest_place(places: &[Place], left_out: &HashMap<String, String>, wrong: &str) -> Option<String> {
    let ids = places.iter().filter(|p| p.origin == PlaceOrigin::Curated).map(|p| p.id.as_str());
    if let Some(id) = suggest::closest(wrong, ids.chain(left_out.keys().map(String::as_str))) {
        return Some(id.to_string());
    }
    // Someone may have typed a name instead of an id.
    let wrong_lower = wrong.to_lowercase();
    places.iter().find(|p| p.names().any(|n| n.to_lowercase() == wrong_lower)).map(|p| p.id.clone())
}

fn suggest_faction(factions: &[Faction], wrong: &str) -> Option<String> {
    let wrong_lower = wrong.to_lowercase();
    if let Some(f) = factions.iter().find(|f| f.aliases.iter().any(|a| a.to_lowercase() == wrong_lower)) {
        return Some(f.id.clone());
    }
    suggest::closest(wrong, factions.iter().map(|f| f.id.as_str())).map(str::to_string)
}

fn index_places(places: &[Place]) -> IdMap<PlaceIx> {
    places.iter().enumerate().map(|(i, p)| (p.id.clone(), i as PlaceIx)).collect()
}

fn tracked_places<'a>(tracked: &'a [PlaceIx], places: &'a [Place]) -> impl Iterator<Item = &'a Place> {
    tracked.iter().filter_map(|&p| places.get(p as usize))
}

fn index_factions(factions: &[Faction]) -> IdMap<FactionIx> {
    factions.iter().enumerate().map(|(i, f)| (f.id.clone(), i as FactionIx)).collect()
}

impl Dataset {
    pub fn new(places: Vec<Place>, factions: Vec<Faction>, sources: Vec<Source>, claims: Vec<Claim>) -> Self {
        let place_ix = index_places(&places);
        let faction_ix = index_factions(&factions);
        Self::with_indexes(places, factions, sources, claims, place_ix, faction_ix)
    }

    fn with_indexes(
        places: Vec<Place>,
        factions: Vec<Faction>,
        sources: Vec<Source>,
        claims: Vec<Claim>,
        place_ix: IdMap<PlaceIx>,
        faction_ix: IdMap<FactionIx>,
    ) -> Self {
        let source_ix = sources.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect();
        let claims_by_place = ClaimsByPlace::build(places.len(), &claims);
        let tracked: Vec<PlaceIx> =
            (0..places.len() as PlaceIx).filter(|&p| !claims_by_place.of(p).is_empty()).collect();
        let timeline = Timeline::build_grouped(&claims_by_place, &claims);
        let merc = places.iter().map(|p| crate::basemap::mercator(p.lon, p.lat)).collect();
        let kinds = places.iter().map(|p| (p.kind, p.population)).collect();
        let frame = meta::frame_of(tracked_places(&tracked, &places));
        let place_credits = place_credits(&places);
        Dataset {
            place_credits,
            places,
            factions,
            sources,
            claims,
            timeline,
            place_ix,
            faction_ix,
            source_ix,
            claims_by_place,
            tracked,
            merc,
            kinds,
            meta: meta::Meta::default(),
            frame,
            land: std::sync::OnceLock::new(),
            reference: std::sync::OnceLock::new(),
        }
    }

    /// Takes the title, region and frame of `dataset.toml`.
    pub fn set_meta(&mut self, meta: meta::Meta) {
        self.land = std::sync::OnceLock::new();
        self.frame =
            meta.bounds.unwrap_or_else(|| meta::frame_of(tracked_places(&self.tracked, &self.places)));
        self.meta = meta;
    }

    /// The countries of the dataset's region: those `dataset.toml` names, else those holding its
    /// places with claims (tested on at most `REGION_SAMPLE` of them, spread through the list).
    pub fn region_countries(&self) -> Vec<String> {
        if !self.meta.countries.is_empty() {
            return self.meta.countries.clone();
        }
        const REGION_SAMPLE: usize = 4000;
        let step = self.tracked.len().div_ceil(REGION_SAMPLE).max(1);
        let points: Vec<[f64; 2]> = self
            .tracked
            .iter()
            .step_by(step)
            .map(|&p| &self.places[p as usize])
            .map(|p| [p.lon, p.lat])
            .collect();
        crate::basemap::countries_holding(&points)
    }

    /// "GeoNames (CC BY 4.0)" and "airportsdata (MIT)", those that some place comes from.
    pub fn place_credits(&self) -> &[&'static str] {
        &self.place_credits
    }

    /// The land of the region's countries, which areas of control are clipped to.
    pub fn land(&self) -> &std::sync::Arc<crate::areas::Land> {
        self.land
            .get_or_init(|| std::sync::Arc::new(crate::areas::Land::of_countries(&self.region_countries())))
    }

    pub fn meta(&self) -> &meta::Meta {
        &self.meta
    }

    /// The first view of the dataset, `[west, south, east, north]` in degrees: its stated bounds,
    /// else its places' own.
    pub fn frame(&self) -> [f64; 4] {
        self.frame
    }

    /// The middle of the frame, as (longitude, latitude).
    pub fn frame_center(&self) -> (f64, f64) {
        let [w, s, e, n] = self.frame;
        ((w + e) / 2.0, (s + n) / 2.0)
    }

    /// A place's kind and population, without touching the rest of its record.
    pub fn kind_and_population(&self, place: PlaceIx) -> (crate::model::PlaceKind, u64) {
        self.kinds[place as usize]
    }

    /// A place in Web Mercator unit coordinates.
    pub fn mercator(&self, place: PlaceIx) -> [f64; 2] {
        self.merc[place as usize]
    }

    pub fn place_ix(&self, id: &str) -> Option<PlaceIx> {
        self.place_ix.get(id).copied()
    }

    pub fn faction_ix(&self, id: &str) -> Option<FactionIx> {
        self.faction_ix.get(id).copied()
    }

    pub fn place(&self, ix: PlaceIx) -> &Place {
        &self.places[ix as usize]
    }

    pub fn faction(&self, ix: FactionIx) -> &Faction {
        &self.factions[ix as usize]
    }

    /// The ids ("c002") of claims given by index.
    pub fn claim_ids(&self, claims: &[u32]) -> Vec<&str> {
        claims.iter().filter_map(|&c| self.claims.get(c as usize)).map(|c| &*c.id).collect()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_ix.get(id).map(|&i| &self.sources[i])
    }

    /// The source a claim gives.
    pub fn source_of(&self, claim: &Claim) -> Option<&Source> {
        self.sources.get(claim.source as usize)
    }

    /// Towns and cities no claim is about, most populous first: drawn at close zoom as reference
    /// points, so a reader can tell where the places with claims are.
    pub fn reference_places(&self) -> &[PlaceIx] {
        self.reference.get_or_init(|| {
            let mut found: Vec<PlaceIx> = (0..self.places.len() as PlaceIx)
                .filter(|&p| self.kinds[p as usize].0.is_settlement() && self.claims_about(p).is_empty())
                .collect();
            found.sort_by_key(|&p| std::cmp::Reverse(self.kinds[p as usize].1));
            found
        })
    }

    /// The places some claim is about: the ones the map draws.
    pub fn tracked_places(&self) -> &[PlaceIx] {
        &self.tracked
    }

    /// Indices of every claim about a place, in file order.
    pub fn claims_about(&self, place: PlaceIx) -> &[u32] {
        self.claims_by_place.of(place)
    }

    /// How the claims behind a state hold their evidence: quoted, cited, or `None` without claims.
    pub fn evidence_kind(&self, claims: &[u32]) -> Option<crate::model::EvidenceKind> {
        crate::model::EvidenceKind::of_state(claims.iter().filter_map(|&c| self.claims.get(c as usize)))
    }

    /// Pairs of claims about a place that cannot all be true.
    pub fn contradictions_about(&self, place: PlaceIx) -> Vec<Contradiction> {
        let claims: Vec<(u32, &Claim)> =
            self.claims_about(place).iter().map(|&i| (i, &self.claims[i as usize])).collect();
        contradictions(&claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn reference_places_are_towns_without_claims_most_populous_first() {
        let d = load(&DataDir::Embedded).unwrap().dataset;
        let reference = d.reference_places();
        assert!(reference.len() >= 30, "{}", reference.len());
        assert!(reference.iter().all(|&p| d.claims_about(p).is_empty() && d.place(p).kind.is_settlement()));
        let people: Vec<u64> = reference.iter().map(|&p| d.kind_and_population(p).1).collect();
        assert!(people.windows(2).all(|w| w[0] >= w[1]), "most populous first");
    }

    #[test]
    fn a_copy_of_the_built_in_dataset_loads_what_it_holds() {
        let to = std::env::temp_dir().join(format!("sandline-copy-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&to);
        DataDir::Embedded.write_copy(&to).unwrap();
        let copy = load(&DataDir::Disk(to.clone())).unwrap();
        let built_in = load(&DataDir::Embedded).unwrap();
        assert!(copy.problems.is_empty(), "{:?}", copy.problems);
        assert_eq!(copy.dataset.claims, built_in.dataset.claims);
        assert_eq!(copy.dataset.sources.len(), built_in.dataset.sources.len());
        assert_eq!(copy.dataset.places.len(), built_in.dataset.places.len());
        assert!(DataDir::Embedded.write_copy(&to).is_err(), "a folder that is not empty is refused");
        std::fs::remove_dir_all(&to).unwrap();
    }

    #[test]
    fn progress_counts_every_byte_of_the_tables_once() {
        for dir in [DataDir::seed_fixture(), DataDir::Embedded] {
            let read = AtomicU64::new(0);
            let loaded = load_reporting(&dir, &|n| {
                read.fetch_add(n, Ordering::Relaxed);
            })
            .unwrap();
            assert!(!loaded.dataset.claims.is_empty());
            assert!(read.load(Ordering::Relaxed) > 0);
            assert_eq!(read.load(Ordering::Relaxed), table_bytes(&dir), "{dir:?}");
        }
    }
}
