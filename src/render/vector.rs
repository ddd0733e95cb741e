//! Vector and print output: a briefing's SVG made PDF (through usvg and svg2pdf), with egui's own
//! fonts, so that the PDF is set in the same type as the PNG and its text is embedded.

use super::RenderError;
use std::path::Path;

/// The kinds of file a briefing is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
    Pdf,
}

impl ImageFormat {
    /// By the file's extension: `.png`, `.svg` or `.pdf`.
    pub fn from_path(path: &Path) -> Option<ImageFormat> {
        match path.extension()?.to_string_lossy().to_ascii_lowercase().as_str() {
            "png" => Some(ImageFormat::Png),
            "svg" => Some(ImageFormat::Svg),
            "pdf" => Some(ImageFormat::Pdf),
            _ => None,
        }
    }
}

/// A font database holding egui's default fonts, the first (Ubuntu Light) as the sans serif.
pub fn fonts() -> usvg::fontdb::Database {
    let mut db = usvg::fontdb::Database::new();
    let definitions = egui::FontDefinitions::default();
    let mut first_family = None;
    let proportional = definitions.families.get(&egui::FontFamily::Proportional).cloned().unwrap_or_default();
    for name in proportional {
        let Some(data) = definitions.font_data.get(&name) else { continue };
        let before = db.len();
        db.load_font_data(data.as_ref().as_ref().to_vec());
        if first_family.is_none() && db.len() > before {
            first_family =
                db.faces().last().and_then(|f| f.families.first()).map(|(family, _)| family.clone());
        }
    }
    if let Some(family) = first_family {
        db.set_sans_serif_family(family);
    }
    db
}

/// The PDF of an SVG page drawn by `svg::svg`.
pub fn pdf(svg: &str) -> Result<Vec<u8>, RenderError> {
    let mut options = usvg::Options::default();
    *options.fontdb_mut() = fonts();
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| RenderError::Spec(format!("the SVG does not parse: {e}")))?;
    let page = svg2pdf::PageOptions { dpi: super::spec::POINTS_PER_INCH };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| RenderError::Spec(format!("cannot make a PDF of the briefing: {e}")))
}
