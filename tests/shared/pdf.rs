//! What poppler's tools read in a PDF: shared by the integration and UI tests.

use std::path::Path;

/// The first page's width and height in PDF points (72 to the inch), as `pdfinfo` reports them.
pub fn page_size(pdf: &Path) -> [f64; 2] {
    let info = std::process::Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils) runs");
    let info = String::from_utf8_lossy(&info.stdout);
    let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap_or_default();
    match line.split_whitespace().filter_map(|w| w.parse().ok()).collect::<Vec<f64>>()[..] {
        [width, height, ..] => [width, height],
        _ => panic!("no page size in pdfinfo's report: {info}"),
    }
}

/// The PDF's text, as `pdftotext` extracts it.
pub fn text(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
