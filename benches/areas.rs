//! Areas of control at scale: 10,000 places (issue 6: 50 ms or less, so scrubbing with areas on
//! stays smooth), the triangles to draw them, and a cached step with no change of holder.

// Tests and benchmarks may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use sandline::areas::{AreaCache, AreaOptions, compute, sites_at};
use sandline::dataset::{DataDir, Dataset, load, synthetic};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../src/allocator.rs"]
mod allocator;

const PLACES: usize = 10_000;
const CLAIMS: usize = 100_000;

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let dir: PathBuf = std::env::temp_dir().join(format!("sandline-bench-areas-{PLACES}-{CLAIMS}"));
        if !dir.join("claims.csv").exists() {
            std::fs::create_dir_all(&dir).unwrap();
            synthetic::write(&dir, PLACES, CLAIMS).unwrap();
        }
        let loaded = load(&DataDir::Disk(dir)).unwrap();
        assert!(loaded.problems.is_empty(), "synthetic data has problems");
        loaded.dataset
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn bench(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Batch);
    let data = dataset();
    let sites = sites_at(data, day("2018-06-15"), Default::default());
    assert_eq!(sites.len(), PLACES);
    let options = AreaOptions::default();
    let areas = compute(&sites, data.land(), &options);
    eprintln!(
        "{} places: {} areas, {} polygons, {} front lines",
        sites.len(),
        areas.areas.len(),
        areas.areas.iter().map(|a| a.region.mercator.0.len()).sum::<usize>(),
        areas.fronts.len()
    );

    c.bench_function("areas of control, 10k places", |b| {
        b.iter(|| compute(black_box(&sites), data.land(), &options))
    });
    c.bench_function("areas of control and their triangles, 10k places", |b| {
        b.iter(|| {
            let areas = compute(black_box(&sites), data.land(), &options);
            areas.areas.iter().map(|a| a.region.triangles().indices.len()).sum::<usize>()
        })
    });
    // The viewer's path on a day with no change of holder: read the state, find it in the cache.
    let mut cache = AreaCache::new(options.clone());
    cache.areas_at(data, day("2018-06-15"));
    c.bench_function("areas at a date, cached (no change of holder), 10k places", |b| {
        b.iter(|| cache.areas_at(data, black_box(day("2018-06-15"))))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
