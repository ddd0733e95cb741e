//! Briefings as SVG and PDF: drawn by the same code as the PNG, the words still text (a real SVG
//! parser finds the title, the date and the sources), and, rasterised, the same picture as the PNG
//! within a tolerance. `.ci/run` installs poppler-utils for the PDF's text.

use assert_cmd::Command;
use sandline::dataset::{DataDir, load};
use sandline::model::PartialDate;
use sandline::render::{BriefingSpec, Renderer, Tolerance, compare};

fn spec() -> BriefingSpec {
    BriefingSpec { width: 1000, height: 620, ..BriefingSpec::new(PartialDate::parse("2017-06-03").unwrap()) }
}

/// Every piece of text of an SVG, as a parser reads it.
fn texts(svg: &str) -> Vec<String> {
    let mut options = usvg::Options::default();
    *options.fontdb_mut() = sandline::render::vector::fonts();
    let tree = usvg::Tree::from_str(svg, &options).expect("the SVG parses");
    let mut found = Vec::new();
    fn walk(group: &usvg::Group, found: &mut Vec<String>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => walk(g, found),
                usvg::Node::Text(t) => found.extend(t.chunks().iter().map(|c| c.text().to_string())),
                _ => {}
            }
        }
    }
    walk(tree.root(), &mut found);
    found
}

#[test]
fn the_svg_keeps_its_words_as_text_and_draws_what_the_png_draws() {
    let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
    let mut renderer = Renderer::new().unwrap();
    let spec = spec();
    let svg = renderer.briefing_svg(&dataset, &spec).unwrap();
    let png = renderer.briefing(&dataset, &spec).unwrap();

    let words = texts(&svg);
    for expected in
        ["Control of territory in Libya", "Situation as of 3 June 2017", "Recent changes", "Legend"]
    {
        assert!(words.iter().any(|w| w == expected), "{expected:?} is text in the SVG: {words:?}");
    }
    assert!(words.iter().any(|w| w.contains("Sources:")), "the sources are text: {words:?}");
    assert!(words.iter().any(|w| w.contains("sandline:view?date=2017-06-03")), "the view link is text");

    // Rasterised in egui's own font, it is the PNG within a tolerance: anti-aliasing and the two
    // renderers' placing of glyphs differ by a pixel here and there.
    let mut options = usvg::Options::default();
    *options.fontdb_mut() = sandline::render::vector::fonts();
    let tree = usvg::Tree::from_str(&svg, &options).unwrap();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(png.width(), png.height()).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    let raster = image::RgbaImage::from_raw(png.width(), png.height(), pixmap.data().to_vec()).unwrap();
    let tolerance = Tolerance { per_channel: 48, max_fraction: 0.06 };
    let diff = compare(&raster, &png, &tolerance);
    eprintln!("SVG rasterised against the PNG: {diff}");
    if !diff.within(&tolerance) {
        let out = std::env::temp_dir().join("sandline-svg-raster.png");
        raster.save(&out).unwrap();
        panic!("the SVG rasterised differs from the PNG: {diff} (kept at {})", out.display());
    }
}

#[test]
fn render_writes_svg_and_pdf_by_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [("map.svg", &b"<svg"[..]), ("map.pdf", &b"%PDF-"[..])] {
        let out = dir.path().join(name);
        Command::cargo_bin("sandline")
            .unwrap()
            .env("NODEVICE_SELECT", "1")
            .args(["render", "--date", "2017-06-03", "--size", "a4", "--out"])
            .arg(&out)
            .assert()
            .success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(starts), "{name}");
    }
    // The PDF's text, as a reader extracts it.
    let text = crate::pdf::text(&dir.path().join("map.pdf"));
    assert!(text.contains("Control of territory in Libya"), "{text}");
    assert!(text.contains("Situation as of 3 June 2017"), "{text}");
    // An A4 page: 297 by 210 mm, 842 by 595 PDF points.
    let [width, height] = crate::pdf::page_size(&dir.path().join("map.pdf"));
    assert!(
        (width - 842.0).abs() < 1.5 && (height - 595.5).abs() < 1.5,
        "an A4 landscape page: {width} x {height}"
    );
}
