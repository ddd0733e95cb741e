//! One frame of the viewer, CPU side: building the scene at a date, laying out the whole UI
//! (map, markers, labels, timeline, legend) and tessellating it into triangles. With the seed
//! data, and with 100,000 synthetic places at country zoom, where culling and clustering keep it fast.

// Tests and benchmarks may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use sandline::dataset::{DataDir, synthetic};
use sandline::gui::{SandlineApp, ViewerOptions};
use std::hint::black_box;

#[path = "../src/allocator.rs"]
mod allocator;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 900.0))),
        ..Default::default()
    }
}

/// A context and an app warmed up by a few frames (fonts loaded, Libya framed).
fn viewer(data: DataDir) -> (egui::Context, SandlineApp) {
    let options = ViewerOptions { data, date: Some(day("2017-06-03")), layer: None };
    let mut app = SandlineApp::new(options, None).unwrap();
    let ctx = egui::Context::default();
    // As in the window: the base map's and the areas' cached meshes are drawn from GPU buffers,
    // so a frame hands egui a paint callback for each instead of copying their triangles.
    sandline::draw::gpu_mesh::enable(&ctx, true);
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.show(ui));
    }
    (ctx, app)
}

/// One frame while the slider is dragged: a new date, the scene rebuilt, the UI laid out and tessellated.
fn frame(ctx: &egui::Context, app: &mut SandlineApp, date: NaiveDate) -> usize {
    app.set_date(date);
    let output = ctx.run_ui(input(), |ui| app.show(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn bench(c: &mut Criterion) {
    allocator::configure(sandline::cli::Workload::Viewer);
    let mut group = c.benchmark_group("viewer frame (CPU: scene + layout + tessellation)");
    let dates: Vec<NaiveDate> = (0..60).map(|i| day("2017-05-01") + chrono::Duration::days(i)).collect();

    let (ctx, mut app) = viewer(DataDir::Embedded);
    let mut i = 0;
    group.bench_function("seed data, 1400x900", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            black_box(frame(&ctx, &mut app, dates[i]))
        })
    });

    // Areas of control on: they are recomputed on a worker thread as holders change, and each
    // frame draws the latest.
    let dir = std::env::temp_dir().join("sandline-bench-areas-10000-100000");
    if !dir.join("claims.csv").exists() {
        std::fs::create_dir_all(&dir).unwrap();
        synthetic::write(&dir, 10_000, 100_000).unwrap();
    }
    let (ctx, mut app) = viewer(DataDir::Disk(dir));
    app.wait_for_areas();
    assert!(app.areas().is_some_and(|a| !a.areas.is_empty()), "areas are on for 10,000 places");
    group.bench_function("10,000 places with areas and front lines, country zoom, 1400x900", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            black_box(frame(&ctx, &mut app, dates[i]))
        })
    });
    drop(app);

    let dir = std::env::temp_dir().join("sandline-bench-frame-100000");
    if !dir.join("claims.csv").exists() {
        std::fs::create_dir_all(&dir).unwrap();
        synthetic::write(&dir, 100_000, 300_000).unwrap();
    }
    let (ctx, mut app) = viewer(DataDir::Disk(dir));
    group.bench_function("100,000 places: the scene alone", |b| {
        // As the viewer does it: a snapshot that keeps every place's state in a row, stepped, and
        // the scene rebuilt in the last one's room.
        let dataset = app.dataset();
        let options = sandline::scene::SceneOptions::default();
        let mut snapshot = dataset.timeline.scrubbing_snapshot(day("2017-05-01"));
        let mut scene = sandline::scene::build(dataset, &snapshot, &options);
        b.iter(|| {
            i = (i + 1) % dates.len();
            dataset.timeline.step(&mut snapshot, dates[i]);
            sandline::scene::rebuild(&mut scene, dataset, &snapshot, &options);
            black_box(scene.markers.len())
        })
    });
    group.bench_function("100,000 places at country zoom, 1400x900", |b| {
        b.iter(|| {
            i = (i + 1) % dates.len();
            black_box(frame(&ctx, &mut app, dates[i]))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
