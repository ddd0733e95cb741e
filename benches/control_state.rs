//! The core's speed at scale: 100,000 places and 1,000,000 claims.
//! Loading the CSVs; the full state at a date; one day's step; a year's changes.

// Tests and benchmarks may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use sandline::dataset::{DataDir, Dataset, load, synthetic};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "../src/allocator.rs"]
mod allocator;

const PLACES: usize = 100_000;
const CLAIMS: usize = 1_000_000;

fn data_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("sandline-bench-{PLACES}-{CLAIMS}"));
        if !dir.join("claims.csv").exists() {
            std::fs::create_dir_all(&dir).unwrap();
            synthetic::write(&dir, PLACES, CLAIMS).unwrap();
        }
        dir
    })
}

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let loaded = load(&DataDir::Disk(data_dir().clone())).unwrap();
        assert!(loaded.problems.is_empty(), "synthetic data has problems: {:?}", &loaded.problems[..3]);
        assert_eq!(loaded.dataset.claims.len(), CLAIMS);
        loaded.dataset
    })
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn bench(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Batch);
    let mut group = c.benchmark_group("100k places, 1M claims");
    group.sample_size(10);
    group.bench_function("load CSVs and build the timeline", |b| {
        b.iter(|| load(&DataDir::Disk(data_dir().clone())).unwrap().dataset.claims.len())
    });
    group.finish();

    let data = dataset();
    let mut group = c.benchmark_group("100k places, 1M claims");
    group.bench_function("full state at a date", |b| {
        b.iter(|| data.timeline.snapshot(black_box(day("2017-06-03"))))
    });

    let mut snapshot = data.timeline.snapshot(day("2017-01-01"));
    let mut date = day("2017-01-01");
    group.bench_function("step the date by one day", |b| {
        b.iter(|| {
            date += Duration::days(1);
            if date > day("2019-12-31") {
                date = day("2017-01-01");
                snapshot = data.timeline.snapshot(date);
            }
            data.timeline.step(&mut snapshot, black_box(date));
        })
    });
    group.bench_function("changes of holder over a year", |b| {
        b.iter(|| {
            data.timeline.changes_between(black_box(day("2016-12-31")), black_box(day("2017-12-31"))).len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
