//! "Export" and "Copy image": the current view, in the briefing frame, drawn by the same
//! headless renderer as `sandline render`, so that the file and the command agree.

use crate::dataset::Dataset;
use crate::model::PartialDate;
use crate::render::{
    BriefingSpec, ImageFormat, MAX_SCALE, MIN_SIDE, PAGE_SIZES, Renderer, View, color_image,
    default_file_name, page_size, write_atomic, write_png_atomic,
};
use egui::{RichText, Ui};
use std::path::PathBuf;

/// The export window's state.
#[derive(Default)]
pub struct ExportState {
    pub open: bool,
    pub title: String,
    pub scale: u32,
    /// A named page size (`PAGE_SIZES`), or `None` for the size of the map on screen.
    pub page: Option<&'static str>,
    pub path: String,
    pub message: Option<Result<String, String>>,
    /// Leave out the locator map a close-up gets.
    pub no_inset: bool,
    /// Made on first use: finding the adapter takes a moment.
    renderer: Option<Renderer>,
    pub timelapse: super::timelapse_export::TimelapseExport,
}

/// What the viewer shows now, for the export.
pub struct ViewNow<'a> {
    pub dataset: &'a Dataset,
    /// Where the dataset was read from: a timelapse reads its own copy on its worker thread.
    pub data: &'a crate::dataset::DataDir,
    pub date: chrono::NaiveDate,
    pub center: (f64, f64),
    pub zoom: f64,
    pub map_size: egui::Vec2,
    pub recent_days: u32,
    pub hidden: &'a [crate::model::FactionIx],
    /// The areas of control and front lines, as switched in the viewer.
    pub areas: bool,
    pub fronts: bool,
    pub area_options: crate::areas::AreaOptions,
    /// Compare mode's first date, while compare mode is on.
    pub compare_from: Option<chrono::NaiveDate>,
}

/// Pictures folder if there is one, else the home folder, else the current one.
fn default_folder() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let pictures = std::env::var_os("XDG_PICTURES_DIR")
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|h| h.join("Pictures")))
        .filter(|p| p.is_dir());
    pictures.or(home).unwrap_or_else(|| PathBuf::from("."))
}

impl ExportState {
    pub fn spec(&self, now: &ViewNow) -> BriefingSpec {
        let mut spec = BriefingSpec::new(PartialDate::day(now.date));
        let (lon, lat) = now.center;
        match self.page.and_then(|name| page_size(name).ok()) {
            // A page of another shape shows at least what the screen shows.
            Some(([width, height], scale)) => {
                let [w, h] = [now.map_size.x, now.map_size.y].map(f64::from);
                spec.view = View::Fit(crate::projection::view_bounds(lon, lat, now.zoom, w, h));
                (spec.width, spec.height, spec.scale) = (width, height, scale);
            }
            None => {
                spec.view = View::Center { lat, lon, zoom: now.zoom };
                spec.width = (now.map_size.x.round() as u32).max(MIN_SIDE);
                spec.height = (now.map_size.y.round() as u32).max(MIN_SIDE);
                spec.scale = self.scale.clamp(1, MAX_SCALE as u32) as f32;
            }
        }
        spec.title = self.title.clone();
        spec.recent_days = now.recent_days;
        spec.hidden = now.hidden.to_vec();
        spec.areas = now.areas;
        spec.fronts = now.fronts;
        spec.area_options = now.area_options.clone();
        spec.inset = !self.no_inset;
        spec.compare_from = now.compare_from;
        spec
    }

    /// Opens the window with a default file name for the date.
    pub fn open(&mut self, now: &ViewNow) {
        self.open = true;
        if self.scale == 0 {
            self.scale = 1;
        }
        let name = default_file_name(&self.spec(now));
        let keep_folder = PathBuf::from(&self.path).parent().filter(|p| p.is_dir()).map(PathBuf::from);
        let folder = keep_folder.unwrap_or_else(default_folder);
        self.path = folder.join(name).display().to_string();
        self.timelapse.open(now, &folder);
        self.message = None;
    }

    fn image(&mut self, now: &ViewNow) -> Result<image::RgbaImage, String> {
        if self.renderer.is_none() {
            self.renderer = Some(Renderer::new().map_err(|e| e.to_string())?);
        }
        let spec = self.spec(now);
        let renderer = self.renderer.as_mut().ok_or("no renderer")?;
        renderer.briefing(now.dataset, &spec).map_err(|e| e.to_string())
    }

    /// The format the file's name asks for (PNG unless it ends in .svg or .pdf).
    fn format(&self) -> ImageFormat {
        ImageFormat::from_path(&PathBuf::from(self.path.trim())).unwrap_or(ImageFormat::Png)
    }

    pub fn save(&mut self, now: &ViewNow) {
        let path = PathBuf::from(self.path.trim());
        let format = self.format();
        if format == ImageFormat::Png {
            self.message = Some(self.image(now).and_then(|img| {
                write_png_atomic(&img, &path).map_err(|e| e.to_string())?;
                Ok(format!("Saved {} ({}x{})", path.display(), img.width(), img.height()))
            }));
            return;
        }
        self.message = Some((|| {
            if self.renderer.is_none() {
                self.renderer = Some(Renderer::new().map_err(|e| e.to_string())?);
            }
            let spec = self.spec(now);
            let renderer = self.renderer.as_mut().ok_or("no renderer")?;
            let bytes = match format {
                ImageFormat::Pdf => renderer.briefing_pdf(now.dataset, &spec),
                _ => renderer.briefing_svg(now.dataset, &spec).map(String::into_bytes),
            }
            .map_err(|e| e.to_string())?;
            write_atomic(&bytes, &path).map_err(|e| e.to_string())?;
            Ok(format!("Saved {} ({}x{} points, as vectors)", path.display(), spec.width, spec.height))
        })());
    }

    pub fn copy(&mut self, ctx: &egui::Context, now: &ViewNow) {
        self.message = Some(self.image(now).map(|img| {
            ctx.copy_image(color_image(&img));
            format!("Copied a {}x{} image to the clipboard", img.width(), img.height())
        }));
    }

    /// The window: title, scale, file, Save and Copy.
    pub fn window(&mut self, ui: &Ui, now: &ViewNow) {
        let mut open = self.open;
        let default_title = now.dataset.meta().title();
        egui::Window::new("Export").open(&mut open).resizable(false).show(ui.ctx(), |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Title");
                ui.add(egui::TextEdit::singleline(&mut self.title).hint_text(default_title.as_str()))
                    .labelled_by(label.id);
            });
            let mut inset = !self.no_inset;
            ui.checkbox(&mut inset, "Locator map when the view is a close-up")
                .on_hover_text("A small map of the whole region in the map's corner, the view outlined");
            self.no_inset = !inset;
            ui.horizontal(|ui| {
                let label = ui.label("Size");
                let this_view = format!("This view ({:.0} x {:.0})", now.map_size.x, now.map_size.y);
                egui::ComboBox::from_id_salt("export page size")
                    .selected_text(self.page.map_or(this_view.clone(), page_label))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.page, None, this_view);
                        for (name, ..) in PAGE_SIZES {
                            ui.selectable_value(&mut self.page, Some(name), page_label(name));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                if self.page.is_none() {
                    ui.label("Scale");
                    for s in [1, 2, 4] {
                        ui.radio_value(&mut self.scale, s, format!("{s}x"));
                    }
                }
                let [w, h] = self.spec(now).pixel_size();
                ui.label(RichText::new(format!("{w} x {h} pixels")).weak());
            });
            ui.horizontal(|ui| {
                let label = ui.label("File");
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(340.0)).labelled_by(label.id);
                if ui.button("Choose...").clicked() {
                    let current = PathBuf::from(&self.path);
                    let mut dialog = rfd::FileDialog::new()
                        .add_filter("PNG image", &["png"])
                        .add_filter("SVG (vector, text editable)", &["svg"])
                        .add_filter("PDF (print)", &["pdf"]);
                    if let Some(dir) = current.parent() {
                        dialog = dialog.set_directory(dir);
                    }
                    if let Some(name) = current.file_name() {
                        dialog = dialog.set_file_name(name.to_string_lossy());
                    }
                    if let Some(chosen) = dialog.save_file() {
                        self.path = chosen.display().to_string();
                    }
                }
            });
            ui.horizontal(|ui| {
                let format = self.format();
                for (f, name) in
                    [(ImageFormat::Png, "png"), (ImageFormat::Svg, "svg"), (ImageFormat::Pdf, "pdf")]
                {
                    if ui.radio(format == f, name.to_uppercase()).clicked() {
                        self.path =
                            PathBuf::from(self.path.trim()).with_extension(name).display().to_string();
                    }
                }
                let save = match format {
                    ImageFormat::Png => "Save PNG",
                    ImageFormat::Svg => "Save SVG",
                    ImageFormat::Pdf => "Save PDF",
                };
                if ui.button(save).clicked() {
                    self.save(now);
                }
                if ui.button("Copy image").clicked() {
                    self.copy(ui.ctx(), now);
                }
            });
            match &self.message {
                Some(Ok(m)) => {
                    ui.label(m);
                }
                Some(Err(e)) => {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                None => {}
            }
            egui::CollapsingHeader::new("Timelapse").default_open(self.timelapse.running()).show(ui, |ui| {
                let spec = self.spec(now);
                self.timelapse.ui(ui, spec, now);
            });
        });
        self.open = open;
    }
}

/// A page size as the size menu names it: "A4 landscape (1123 x 794 points, 2x)".
fn page_label(name: &str) -> String {
    let title = match name {
        "hd" => "HD".to_string(),
        "4k" => "4K".to_string(),
        "a4" => "A4 landscape".to_string(),
        "a4-portrait" => "A4 portrait".to_string(),
        "letter" => "Letter landscape".to_string(),
        "letter-portrait" => "Letter portrait".to_string(),
        other => other[..1].to_uppercase() + &other[1..],
    };
    match page_size(name) {
        Ok(([w, h], scale)) => format!("{title} ({w} x {h} points, {scale}x)"),
        Err(_) => title,
    }
}
