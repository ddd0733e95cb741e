//! The gazetteer at about 200 places with up to 80 spellings each: building its index, and looking
//! up variant spellings (a near miss, a French transliteration, an unknown name). The built-in
//! places with the most spellings, repeated with numbered variants of their names.
//!
//! The bounds the gazetteer's unit tests used to check in optimised builds (index under 40 ms, a
//! lookup under 1 ms) are checked here, once, before measuring.

// Tests and benchmarks may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use sandline::dataset::{DataDir, load};
use sandline::gazetteer::Gazetteer;
use sandline::model::Place;
use std::hint::black_box;
use std::time::Instant;

#[path = "../src/allocator.rs"]
mod allocator;

const QUERIES: [&str; 6] = ["Souknah", "Misourata", "Beni Oualid", "Zlitten", "Paris", "Jufra airbase"];

/// About 200 places with up to 80 aliases each, built from the built-in places' real spellings.
fn big_places() -> Vec<Place> {
    let mut base = load(&DataDir::Embedded).unwrap().dataset.places;
    base.sort_by_key(|p| std::cmp::Reverse(p.aliases.len()));
    base.truncate(25);
    let mut out = Vec::new();
    for round in 0..(200 / base.len()).max(8) {
        for p in &base {
            let mut p = p.clone();
            p.id = format!("{}-{round}", p.id);
            let extra: Vec<String> = p.aliases.iter().map(|a| format!("{a} {round}")).collect();
            p.aliases.extend(extra);
            p.aliases.truncate(80);
            out.push(p);
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Batch);
    let places = big_places();
    assert!(places.len() >= 200);

    let start = Instant::now();
    let gazetteer = Gazetteer::new(&places);
    let build = start.elapsed();
    let rounds = 20;
    let start = Instant::now();
    for _ in 0..rounds {
        for q in QUERIES {
            black_box(gazetteer.lookup(q, None));
        }
    }
    let per_lookup = start.elapsed() / (rounds * QUERIES.len() as u32);
    // Optimised builds only (`cargo bench`), as before; `--profile dev` runs are far slower.
    if !cfg!(debug_assertions) {
        assert!(build.as_millis() < 40, "build {build:?}");
        assert!(per_lookup.as_micros() < 1000, "lookup {per_lookup:?}");
    }
    eprintln!("{} places: build {build:?}, lookup {per_lookup:?}", places.len());

    let mut group = c.benchmark_group(format!("gazetteer, {} places", places.len()));
    group.bench_function("build the index", |b| b.iter(|| Gazetteer::new(black_box(&places))));
    group.bench_function("look up six variant spellings", |b| {
        b.iter(|| QUERIES.map(|q| gazetteer.lookup(black_box(q), None).matches.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
