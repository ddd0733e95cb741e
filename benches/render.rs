//! Briefing images on the CPU rasteriser: a 1920x1080 image start to file (what
//! `sandline render --date D --out map.png` does), the same with a renderer kept warm (the viewer's
//! export), and a 100-frame timelapse GIF (at 960x540 a frame).

// Tests and benchmarks may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use sandline::dataset::{DataDir, Dataset, load};
use sandline::model::PartialDate;
use sandline::render::{
    Animation, AnimationFormat, BriefingSpec, Renderer, Step, frame_dates, write_png_atomic,
};
use std::hint::black_box;
use std::time::Duration;

#[path = "../src/allocator.rs"]
mod allocator;

fn seed() -> Dataset {
    load(&DataDir::Embedded).unwrap().dataset
}

fn day() -> PartialDate {
    PartialDate::parse("2017-06-03").unwrap()
}

fn briefing(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Batch);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.png");
    let mut group = c.benchmark_group("render");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("1920x1080 start to file", |b| {
        b.iter(|| {
            let dataset = seed();
            let mut renderer = Renderer::new().unwrap();
            let image = renderer.briefing(&dataset, &BriefingSpec::new(day())).unwrap();
            write_png_atomic(&image, &out).unwrap();
        })
    });
    let dataset = seed();
    let mut renderer = Renderer::new().unwrap();
    group.bench_function("1920x1080 warm renderer, to file", |b| {
        b.iter(|| {
            let image = renderer.briefing(&dataset, &BriefingSpec::new(day())).unwrap();
            write_png_atomic(&image, &out).unwrap();
        })
    });
    group.bench_function("1920x1080 at 2x, warm renderer, to file", |b| {
        b.iter(|| {
            let spec = BriefingSpec { scale: 2.0, ..BriefingSpec::new(day()) };
            let image = renderer.briefing(&dataset, &spec).unwrap();
            write_png_atomic(&image, &out).unwrap();
        })
    });
    group.finish();
}

fn timelapse(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Batch);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("war.gif");
    let dataset = seed();
    let start = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap();
    let end = chrono::NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
    let all = frame_dates(start, end, Step::Days(7)).unwrap();
    let dates: Vec<_> = all.iter().step_by(all.len() / 100).take(100).copied().collect();
    assert_eq!(dates.len(), 100);
    let keep: Vec<[u8; 3]> = dataset.factions.iter().map(|f| f.color.0).collect();
    let mut renderer = Renderer::new().unwrap();
    let mut group = c.benchmark_group("timelapse");
    group.sample_size(10).measurement_time(Duration::from_secs(60));
    group.bench_function("100 frames 960x540 to GIF", |b| {
        b.iter(|| {
            let spec = BriefingSpec { width: 960, height: 540, ..BriefingSpec::new(day()) };
            let mut gif =
                Animation::create(&out, AnimationFormat::Gif, spec.pixel_size(), 100, 400, &keep).unwrap();
            for &d in &dates {
                let frame = BriefingSpec { date: PartialDate::day(d), ..spec.clone() };
                gif.add(&renderer.briefing(&dataset, &frame).unwrap(), None).unwrap();
            }
            gif.finish().unwrap();
            black_box(&out);
        })
    });
    group.finish();
}

criterion_group!(benches, briefing, timelapse);
criterion_main!(benches);
