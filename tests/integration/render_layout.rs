//! Briefings put the map first at every size: rendered at screen sizes and print pages, the map
//! takes at least its share of the page, and no part (header, map, legend, footnote, credits)
//! overlaps another or leaves the page.

use sandline::dataset::{DataDir, load};
use sandline::model::PartialDate;
use sandline::render::{BriefingSpec, PAGE_SIZES, Renderer, View};

#[test]
fn the_map_takes_most_of_every_size_and_nothing_overlaps() {
    let dataset = load(&DataDir::Embedded).unwrap().dataset;
    let mut renderer = Renderer::new().unwrap();
    // (page, the least share of the page the map takes) for the whole of Libya, fitted.
    let least = |name: &str| match name {
        "a4-portrait" | "letter-portrait" | "square" => 0.3,
        _ => 0.38,
    };
    for &(name, [width, height], _) in &PAGE_SIZES {
        for view in [View::Dataset, View::Center { lat: 29.1, lon: 16.0, zoom: 8.0 }] {
            let spec = BriefingSpec {
                width,
                height,
                // The layout is in points: scale 1 draws the same layout, faster.
                scale: 1.0,
                view,
                ..BriefingSpec::new(PartialDate::parse("2019-04-10").unwrap())
            };
            let (image, placed) = renderer.briefing_laid_out(&dataset, &spec).unwrap();
            assert_eq!([image.width(), image.height()], [width, height]);
            let page = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width as f32, height as f32));
            let share = placed.map.area() / page.area();
            eprintln!(
                "{name:>16} {width}x{height} {:>7}: map {share:.2} of the page, legend at {:.2}",
                if matches!(view, View::Dataset) { "whole" } else { "zoomed" },
                placed.legend_scale
            );
            assert!(share >= least(name), "{name} {view:?}: the map has {share:.2} of the page ({placed:?})");
            let parts = placed.parts();
            for (part, rect) in parts {
                assert!(page.contains_rect(rect), "{name}: the {part} {rect:?} leaves the page");
            }
            for (i, (a, ra)) in parts.iter().enumerate() {
                for (b, rb) in &parts[i + 1..] {
                    assert!(
                        !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                        "{name}: the {a} {ra:?} overlaps the {b} {rb:?}"
                    );
                }
            }
            assert!(
                placed.legend_scale >= 0.5,
                "{name}: the legend at {:.2} of its size",
                placed.legend_scale
            );
        }
    }
}
