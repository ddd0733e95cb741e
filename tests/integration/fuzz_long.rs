//! The long run, outside CI: a million inputs made by mutating real files (the frozen seed
//! dataset's tables and the ingest test articles) go through the loader, the scene, the areas and
//! ingest, on every core. Nothing may panic, and every problem must name its file and a line the
//! file has. Run it with
//!
//! ```text
//! SANDLINE_FUZZ_INPUTS=1000000 cargo test --release --test integration fuzz_long -- --ignored --nocapture
//! ```
//!
//! A failing input is kept under `target/fuzz-failures/` with the panic message.

use sandline::dataset::{DataDir, load, load_in_halves_from};
use sandline::ingest::Ingestor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

const TABLES: [&str; 7] = [
    "claims.csv",
    "sources.csv",
    "factions.csv",
    "places.csv",
    "gazetteer/geonames.csv",
    "gazetteer/airfields.csv",
    "gazetteer/admin1_geonames.csv",
];

/// Values that trip parsers, put into fields and between bytes.
const JUNK: [&str; 24] = [
    "",
    "\"",
    "\"\"",
    ",",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{0}",
    "NaN",
    "inf",
    "-91",
    "1e400",
    "2017-02-30",
    "2017-13",
    "0000",
    "9999-12-31",
    "#zzzzzz",
    "captured",
    "lna",
    "waddan",
    "../../../etc/passwd",
    "ﻭﺩﺍﻥ",
    "\u{202e}",
];

/// A small, fast, seeded generator (SplitMix64): each input is made again from its number alone.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    fn junk(&mut self) -> &'static [u8] {
        JUNK[self.below(JUNK.len())].as_bytes()
    }
}

/// Line starts of `bytes`, for the mutations that work on lines.
fn lines(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push((start, bytes.len()));
    }
    out
}

/// One to four of the mutations a damaged or hand-edited file shows.
fn mutate(bytes: &mut Vec<u8>, rng: &mut Rng) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(10) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            1 => {
                let junk = rng.junk();
                bytes.splice(at..at, junk.iter().copied());
            }
            2 => {
                let end = (at + 1 + rng.below(64)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            3 | 4 => {
                let lines = lines(bytes);
                if let Some(&(a, b)) = lines.get(rng.below(lines.len())) {
                    let line = bytes[a..b].to_vec();
                    let to = lines.get(rng.below(lines.len())).map_or(bytes.len(), |l| l.0);
                    bytes.splice(to..to, line);
                }
            }
            5 => {
                // A field between two commas replaced by junk.
                let commas: Vec<usize> =
                    bytes.iter().enumerate().filter(|(_, b)| **b == b',').map(|(i, _)| i).collect();
                if commas.len() >= 2 {
                    let k = rng.below(commas.len() - 1);
                    let (a, b) = (commas[k] + 1, commas[k + 1]);
                    let junk = rng.junk();
                    bytes.splice(a..b, junk.iter().copied());
                }
            }
            6 => bytes.truncate(at),
            7 => {
                let crlf: Vec<u8> = bytes
                    .iter()
                    .flat_map(|&b| if b == b'\n' { vec![b'\r', b'\n'] } else { vec![b] })
                    .collect();
                *bytes = crlf;
            }
            8 => bytes.splice(0..0, "\u{feff}".bytes()).for_each(drop),
            _ => {
                let lines = lines(bytes);
                if lines.len() >= 2 {
                    let (a, b) = (lines[rng.below(lines.len())], lines[rng.below(lines.len())]);
                    let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
                    if first.1 <= second.0 {
                        let mut out = bytes[..first.0].to_vec();
                        out.extend_from_slice(&bytes[second.0..second.1]);
                        out.extend_from_slice(&bytes[first.1..second.0]);
                        out.extend_from_slice(&bytes[first.0..first.1]);
                        out.extend_from_slice(&bytes[second.1..]);
                        *bytes = out;
                    }
                }
            }
        }
    }
}

/// What a worker starts from: the seed dataset's tables and the test articles, as bytes.
struct Originals {
    tables: Vec<(&'static str, Vec<u8>)>,
    articles: Vec<Vec<u8>>,
    /// Event exports in ACLED's and UCDP's layouts, with whether each is UCDP's.
    exports: Vec<(bool, Vec<u8>)>,
    seeds: PathBuf,
}

impl Originals {
    fn read() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let fixture = root.join("tests/fixtures/seed-dataset");
        let tables = TABLES.iter().map(|&t| (t, std::fs::read(fixture.join(t)).unwrap())).collect();
        let mut articles: Vec<Vec<u8>> = std::fs::read_dir(root.join("tests/fixtures/ingest/articles"))
            .unwrap()
            .map(|e| std::fs::read(e.unwrap().path()).unwrap())
            .collect();
        articles.sort();
        let exports = ["sudan_2023.csv", "mali_2012_old_style.csv", "myanmar_2023_ged.csv"]
            .iter()
            .map(|f| (f.contains("ged"), std::fs::read(root.join("tests/fixtures/acled").join(f)).unwrap()))
            .collect();
        Originals { tables, articles, exports, seeds: root.join("seeds") }
    }
}

/// A dataset directory of one worker, three levels under a root holding the seeds, as the
/// fixture's sources expect (`../../../seeds/...`).
struct Workdir {
    dir: PathBuf,
    _root: tempfile::TempDir,
}

impl Workdir {
    fn new(originals: &Originals) -> Self {
        let root = tempfile::tempdir().unwrap();
        let seeds = root.path().join("seeds");
        std::fs::create_dir_all(&seeds).unwrap();
        for entry in std::fs::read_dir(&originals.seeds).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, seeds.join(path.file_name().unwrap())).unwrap();
        }
        let dir = root.path().join("a/b/c");
        std::fs::create_dir_all(dir.join("gazetteer")).unwrap();
        Workdir { dir, _root: root }
    }
}

/// What an input found: problems in a dataset, or proposals in an article.
#[derive(Default)]
struct Found {
    with_problems: AtomicU64,
    with_proposals: AtomicU64,
}

/// Runs input number `n`; returns a description of what went wrong, if anything did.
fn run_one(
    n: u64,
    originals: &Originals,
    work: &Workdir,
    ingestor: &Ingestor,
    found: &Found,
) -> Result<(), String> {
    let mut rng = Rng(n);
    if n % 8 == 2 {
        // An event export, mutated, through its import; what it writes must load.
        let (is_ucdp, original) = &originals.exports[rng.below(originals.exports.len())];
        let mut bytes = original.clone();
        mutate(&mut bytes, &mut rng);
        let file = work.dir.join("../export.csv");
        let out = work.dir.join("../imported");
        std::fs::write(&file, &bytes).unwrap();
        let _ = std::fs::remove_dir_all(&out);
        let report = if *is_ucdp {
            sandline::import::ucdp::import(&file, &out, &Default::default())
        } else {
            sandline::import::acled::import(
                &file,
                &out,
                &sandline::import::acled::Options { clashes: true, accessed: None },
            )
        };
        let Ok(report) = report else { return Ok(()) };
        if let Some(row) = report.bad_rows.iter().find(|r| !r.starts_with(&*file.display().to_string())) {
            return Err(format!("a bad row not named by its file: {row}"));
        }
        let loaded = load(&DataDir::Disk(out)).map_err(|e| format!("the import is unreadable: {e}"))?;
        if loaded.dataset.claims.len() != report.claims {
            let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
            return Err(format!(
                "{} claims imported, {} load: {problems:?}",
                report.claims,
                loaded.dataset.claims.len()
            ));
        }
        return Ok(());
    }
    if n % 4 == 3 {
        // An article, mutated, through ingest.
        let mut bytes = originals.articles[rng.below(originals.articles.len())].clone();
        mutate(&mut bytes, &mut rng);
        let Ok(text) = sandline::ingest::input::check("article.txt", bytes) else { return Ok(()) };
        let extraction = ingestor.extract(&text, None);
        if !extraction.proposals.is_empty() {
            found.with_proposals.fetch_add(1, Ordering::Relaxed);
        }
        for p in &extraction.proposals {
            if p.start > p.end
                || p.end > text.len()
                || !text.is_char_boundary(p.start)
                || !text.is_char_boundary(p.end)
            {
                return Err(format!("a proposal's quote {}..{} is not a piece of the text", p.start, p.end));
            }
        }
        return Ok(());
    }
    // A dataset with one or two of its tables mutated, loaded and drawn.
    let mutated: Vec<usize> = (0..1 + rng.below(2)).map(|_| rng.below(TABLES.len())).collect();
    let mut line_counts = Vec::new();
    for (i, (name, bytes)) in originals.tables.iter().enumerate() {
        let mut bytes = bytes.clone();
        if mutated.contains(&i) {
            mutate(&mut bytes, &mut rng);
        }
        line_counts
            .push((work.dir.join(name).display().to_string(), bytes.split(|&b| b == b'\n').count() as u64));
        std::fs::write(work.dir.join(name), &bytes).unwrap();
    }
    let loaded = load(&DataDir::Disk(work.dir.clone())).map_err(|e| format!("unreadable: {e}"))?;
    // Read in halves (however small the table), the same claims load and the same problems are told.
    let halves =
        load_in_halves_from(&DataDir::Disk(work.dir.clone()), 1).map_err(|e| format!("unreadable: {e}"))?;
    let told = |l: &sandline::dataset::Loaded| l.problems.iter().map(ToString::to_string).collect::<Vec<_>>();
    if told(&halves) != told(&loaded) || halves.dataset.claims != loaded.dataset.claims {
        return Err(format!("read in halves: {:?}, in one go: {:?}", told(&halves), told(&loaded)));
    }
    if !loaded.problems.is_empty() {
        found.with_problems.fetch_add(1, Ordering::Relaxed);
    }
    for problem in &loaded.problems {
        let count = line_counts.iter().find(|(f, _)| *f == problem.file).map(|(_, count)| *count);
        if let (Some(line), Some(count)) = (problem.line, count)
            && (line == 0 || line > count)
        {
            return Err(format!("line {line} of a file of {count} lines: {problem}"));
        }
        let known = problem.file.starts_with(&*work.dir.display().to_string());
        if !known {
            return Err(format!("a problem outside the dataset: {problem}"));
        }
    }
    let dataset = &loaded.dataset;
    let date = chrono::NaiveDate::from_ymd_opt(2017, 6, 3).unwrap();
    let snapshot = dataset.timeline.snapshot(date);
    let scene = sandline::scene::build(dataset, &snapshot, &sandline::scene::SceneOptions::default());
    if scene.counts.total() != scene.markers.len() {
        return Err("the scene's counts disagree with its markers".into());
    }
    if n.is_multiple_of(64) {
        let mut cache = sandline::areas::AreaCache::new(sandline::areas::AreaOptions::default());
        let _ = cache.areas_in(dataset, &snapshot);
    }
    Ok(())
}

#[test]
#[ignore = "the long run: about a million inputs; see the module's documentation"]
fn a_long_run_of_mutated_inputs_never_panics() {
    let total: u64 =
        std::env::var("SANDLINE_FUZZ_INPUTS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let originals = Arc::new(Originals::read());
    let next = Arc::new(AtomicU64::new(0));
    let failures: Arc<Mutex<Vec<(u64, String)>>> = Arc::default();
    let found: Arc<Found> = Arc::default();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let started = std::time::Instant::now();
    // Panics are caught and counted; the default hook would print each one.
    std::panic::set_hook(Box::new(|_| {}));
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (originals, next, failures) =
                (Arc::clone(&originals), Arc::clone(&next), Arc::clone(&failures));
            let found = Arc::clone(&found);
            std::thread::spawn(move || {
                let work = Workdir::new(&originals);
                let seed = load(&DataDir::seed_fixture()).unwrap().dataset;
                let ingestor = Ingestor::new(&seed);
                loop {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    if n >= total {
                        break;
                    }
                    let outcome =
                        catch_unwind(AssertUnwindSafe(|| run_one(n, &originals, &work, &ingestor, &found)))
                            .unwrap_or_else(|panic| {
                                let what = panic
                                    .downcast_ref::<String>()
                                    .cloned()
                                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                    .unwrap_or_default();
                                Err(format!("panicked: {what}"))
                            });
                    if let Err(what) = outcome {
                        keep_failure(n, &what, &work.dir);
                        failures.lock().unwrap().push((n, what));
                    }
                    if n > 0 && n.is_multiple_of(100_000) {
                        eprintln!("{n} inputs, {:.0} s", started.elapsed().as_secs_f64());
                    }
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let _ = std::panic::take_hook();
    let failures = failures.lock().unwrap();
    eprintln!(
        "{total} inputs in {:.0} s on {workers} threads: {} failed; {} datasets had problems reported, {} \
         articles gave proposals",
        started.elapsed().as_secs_f64(),
        failures.len(),
        found.with_problems.load(Ordering::Relaxed),
        found.with_proposals.load(Ordering::Relaxed),
    );
    assert!(
        failures.is_empty(),
        "failed inputs (kept under target/fuzz-failures): {:?}",
        &failures[..failures.len().min(20)]
    );
}

/// Keeps the dataset of a failed input (or notes the article input's number) for a look.
fn keep_failure(n: u64, what: &str, dir: &Path) {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures").join(n.to_string());
    let _ = std::fs::create_dir_all(out.join("gazetteer"));
    for table in TABLES {
        let _ = std::fs::copy(dir.join(table), out.join(table));
    }
    let _ = std::fs::write(out.join("what.txt"), format!("input {n}: {what}\n"));
}

#[test]
fn mutations_are_the_same_for_the_same_input_number_and_change_the_bytes() {
    let original = b"id,name\na,b\nc,d\n".to_vec();
    let made = |n| {
        let mut bytes = original.clone();
        mutate(&mut bytes, &mut Rng(n));
        bytes
    };
    assert_eq!(made(7), made(7), "an input can be made again from its number");
    let changed = (0..200).filter(|&n| made(n) != original).count();
    assert!(changed > 150, "most inputs differ from the original ({changed} of 200)");
}
