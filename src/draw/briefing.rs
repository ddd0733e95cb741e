//! The briefing frame: the map as the viewer draws it (`map_view`), with the legend (`legend_ui`)
//! and everything a picture in a slide deck needs to stand on its own: a title, the date and its
//! precision, a scale bar, the credits of base map and data, and the sources behind recent changes.
//! Exported images and `sandline render` both draw this, and nothing else.

use super::legend::{LegendLayers, legend_ui};
use super::map_layer::{Overlays, fit_bounds, map_view};
use crate::dataset::Dataset;
use crate::model::{FactionIx, PartialDate, Precision};
use crate::scene::Scene;
use chrono::NaiveDate;
use egui::{Align2, Color32, FontId, Rect, RichText, Stroke, Ui, UiBuilder, pos2, vec2};
use walkers::{MapMemory, lon_lat};

/// Which part of the world the map shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum View {
    /// The dataset's own frame (`dataset.toml`'s bounds, else its places'), as the viewer opens.
    Dataset,
    /// `[west, south, east, north]` in degrees, fitted into the map area.
    Fit([f64; 4]),
    /// A centre and a slippy-map zoom level, as the viewer's map holds them.
    Center { lat: f64, lon: f64, zoom: f64 },
}

/// The words around the map, worked out from the data (no egui needed, so they can be tested).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefingText {
    pub title: String,
    /// "Situation as of 3 June 2017".
    pub date_line: String,
    /// "Date given to the day" or "Date given to the month: the map shows 30 June 2017".
    pub precision: String,
    /// "27 places: 20 held, 3 claimed by a side, 1 contested, 3 unknown".
    pub summary: String,
    /// The changes of hands of the last days and the sources behind them.
    pub footnote: String,
    /// Credits of the base map and the data.
    pub attribution: String,
}

/// The default title of a briefing of the built-in dataset.
/// Most places and sources named in the footnote before "and N more".
const MAX_PLACES: usize = 12;
const MAX_SOURCES: usize = 4;

impl BriefingText {
    /// The text of a briefing of `scene`, drawn for `date` (whose last day is the scene's date).
    pub fn new(
        dataset: &Dataset,
        scene: &Scene,
        date: PartialDate,
        title: &str,
        recent_days: u32,
        hidden: &[FactionIx],
    ) -> Self {
        let precision = match date.precision() {
            Precision::Day => "Date given to the day".to_string(),
            Precision::Month => format!("Date given to the month: the map shows {}", long_day(scene.date)),
            Precision::Year => format!("Date given to the year: the map shows {}", long_day(scene.date)),
        };
        let c = &scene.counts;
        let summary = format!(
            "{} places: {} held, {} claimed by a side, {} contested, {} unknown",
            scene.markers.len(),
            c.held,
            c.claimed,
            c.contested,
            c.unknown
        );
        let held = dataset.sources.iter().filter(|s| s.is_held()).count();
        let sources = match (held, dataset.sources.len() - held) {
            (1, 0) => "quoting 1 source".to_string(),
            (h, 0) => format!("quoting {h} sources"),
            (0, c) => format!("citing {c} sources"),
            (h, c) => format!("quoting {h} and citing {c} sources"),
        };
        let places = match dataset.place_credits() {
            [] => String::new(),
            credits => format!(" Places: {}.", credits.join(", ")),
        };
        let mut attribution = format!(
            "Base map: Natural Earth (public domain).{places} Control: {} dated claims {sources}, via sandline {}.",
            dataset.claims.len(),
            env!("CARGO_PKG_VERSION")
        );
        for line in &dataset.meta().attribution {
            attribution.push_str(&format!(" Data: {line}."));
        }
        let mut footnote = footnote(dataset, scene.date, recent_days, hidden);
        if let Some(stale) = c.stale_sentence(scene.stale_after) {
            footnote.push_str(&format!(" {stale} (drawn faded)."));
        }
        BriefingText {
            title: if title.trim().is_empty() { dataset.meta().title() } else { title.trim().to_string() },
            date_line: format!("Situation as of {}", date.long_form()),
            precision,
            summary,
            footnote,
            attribution,
        }
    }
}

impl BriefingText {
    /// The credits end with the link that reopens the view, so that a reader can reproduce it.
    pub fn with_view(mut self, link: &crate::view_link::ViewLink) -> Self {
        self.attribution.push_str(&format!(" View: {link}"));
        self
    }
}

fn long_day(d: NaiveDate) -> String {
    PartialDate::day(d).long_form()
}

/// "Changes of holder in the 30 days to 3 June 2017: Waddan, Hun and Sawkna to the Libyan National
/// Army. Sources: The New Arab, “East Libyan forces …” (3 June 2017)."
pub fn footnote(dataset: &Dataset, date: NaiveDate, recent_days: u32, hidden: &[FactionIx]) -> String {
    let window = format!("in the {recent_days} days to {}", long_day(date));
    let from = date - chrono::Duration::days(i64::from(recent_days));
    let changes: Vec<_> = dataset
        .timeline
        .changes_between(from, date)
        .into_iter()
        .filter(|c| c.to.is_none_or(|h| !hidden.contains(&h)))
        .collect();
    if changes.is_empty() {
        return format!("No change of holder {window}.");
    }
    // Grouped by new holder, in order of first change.
    let mut groups: Vec<(Option<FactionIx>, Vec<String>)> = Vec::new();
    let mut sources: Vec<&crate::model::Source> = Vec::new();
    for change in &changes {
        let name = dataset.place(change.place).name.clone();
        match groups.iter_mut().find(|(to, _)| *to == change.to) {
            Some((_, names)) => {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            None => groups.push((change.to, vec![name])),
        }
        for &claim in &change.claims {
            let Some(claim) = dataset.claims.get(claim as usize) else { continue };
            if let Some(source) = dataset.source_of(claim)
                && !sources.iter().any(|s| s.id == source.id)
            {
                sources.push(source);
            }
        }
    }
    let mut budget = MAX_PLACES;
    let mut left_out = 0;
    let parts: Vec<String> = groups
        .iter()
        .filter_map(|(to, names)| {
            let shown = names.len().min(budget);
            budget -= shown;
            left_out += names.len() - shown;
            if shown == 0 {
                return None;
            }
            let to =
                to.map_or("no known holder".to_string(), |f| dataset.faction(f).short_name().to_string());
            Some(format!("{} to {to}", and_list(&names[..shown])))
        })
        .collect();
    let mut text = format!("Changes of holder {window}: {}", parts.join("; "));
    if left_out > 0 {
        text.push_str(&format!("; and {left_out} more places"));
    }
    text.push('.');
    sources.sort_by_key(|s| s.published);
    let cited: Vec<String> = sources
        .iter()
        .take(MAX_SOURCES)
        .map(|s| {
            // A held article's title is its headline; a cited source's is our description of it.
            if s.is_held() {
                format!("{}, “{}” ({})", s.outlet, s.title, s.published.long_form())
            } else {
                format!("{} ({}): {}", s.outlet, s.published.long_form(), s.title)
            }
        })
        .collect();
    text.push_str(if cited.len() == 1 { " Source: " } else { " Sources: " });
    text.push_str(&cited.join("; "));
    if sources.len() > MAX_SOURCES {
        text.push_str(&format!("; and {} more", sources.len() - MAX_SOURCES));
    }
    text.push('.');
    text
}

fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

const MARGIN: f32 = 16.0;
const GAP: f32 = 12.0;
/// The side column is at least this wide (the legend), and takes the footnote when it is this wide.
const SIDE_MIN: f32 = 250.0;
const SIDE_WITH_FOOTNOTE: f32 = 380.0;
const SIDE_MAX: f32 = 540.0;
/// Maps wider than high by more than this leave the extra width to the side column: the base
/// map covers about a square around Libya.
const MAP_ASPECT: f32 = 1.1;
const INK: Color32 = Color32::from_gray(20);
const MUTED: Color32 = Color32::from_gray(80);
const RULE: Color32 = Color32::from_gray(150);

/// Where the parts of a briefing go in `inner` (the page less its margin).
struct Layout {
    header: Rect,
    map: Rect,
    side: Rect,
    /// The footnote goes under the legend in a wide side column, else above the credits.
    footnote_in_side: bool,
    footnote: Rect,
    credits: Rect,
}

fn layout(inner: Rect, header_h: f32, credits_h: f32, footnote_h: impl Fn(f32) -> f32) -> Layout {
    // Map and side column, centred on the page when the map alone would be wider than the base map.
    let split = |top: f32, bottom: f32| {
        let h = (bottom - top).max(0.0);
        let side_w = (inner.width() - h * MAP_ASPECT - GAP).clamp(SIDE_MIN, SIDE_MAX);
        let map_w = (inner.width() - side_w - GAP).min(h * MAP_ASPECT).max(0.0);
        let left = inner.min.x + (inner.width() - map_w - GAP - side_w).max(0.0) / 2.0;
        let map = Rect::from_min_size(pos2(left, top), vec2(map_w, h));
        let side = Rect::from_min_max(pos2(map.max.x + GAP, top), pos2(map.max.x + GAP + side_w, bottom));
        (map, side)
    };
    let top = inner.min.y + header_h + GAP;
    let (map, side) = split(top, inner.max.y - credits_h - GAP);
    let page = |map: Rect, side: Rect| (map.min.x, side.max.x);
    let frame = |(x0, x1): (f32, f32), map: Rect| {
        let header = Rect::from_min_size(pos2(x0, inner.min.y), vec2(x1 - x0, header_h));
        let credits = Rect::from_min_max(pos2(x0, map.max.y + GAP), pos2(x1, inner.max.y));
        (header, credits)
    };
    if side.width() >= SIDE_WITH_FOOTNOTE {
        let (header, credits) = frame(page(map, side), map);
        return Layout { header, map, side, footnote_in_side: true, footnote: side, credits };
    }
    let foot_h = footnote_h(inner.width());
    let (map, side) = split(top, inner.max.y - credits_h - 4.0 - foot_h - GAP);
    let (x0, x1) = page(map, side);
    let (header, _) = frame((x0, x1), map);
    let footnote = Rect::from_min_size(pos2(x0, map.max.y + GAP), vec2(x1 - x0, foot_h));
    let credits = Rect::from_min_max(pos2(x0, footnote.max.y + 4.0), pos2(x1, inner.max.y));
    Layout { header, map, side, footnote_in_side: false, footnote, credits }
}

/// Draws the briefing into all of `ui`: header, map with scale bar, legend, footnote and credits,
/// and (with `inset`, when the map shows a small part of the dataset's region) a locator map.
/// Sets `memory` to `view` over the map's area, so that the map shows what was asked.
#[allow(clippy::too_many_arguments)]
pub fn briefing_ui(
    ui: &mut Ui,
    dataset: &Dataset,
    scene: &Scene,
    memory: &mut MapMemory,
    view: View,
    inset: bool,
    text: &BriefingText,
    overlays: Overlays<'_>,
) {
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0.0, Color32::WHITE);
    let inner = full.shrink(MARGIN);
    let painter = ui.painter_at(full);

    let title = painter.layout(text.title.clone(), FontId::proportional(26.0), INK, inner.width() * 0.6);
    let date = painter.layout_no_wrap(text.date_line.clone(), FontId::proportional(19.0), INK);
    let credits = painter.layout(text.attribution.clone(), FontId::proportional(11.0), MUTED, inner.width());
    let wrap_footnote = |width: f32| {
        let size = if (SIDE_WITH_FOOTNOTE..=SIDE_MAX).contains(&width) { 14.0 } else { 12.5 };
        painter.layout(text.footnote.clone(), FontId::proportional(size), INK, width)
    };
    let at =
        layout(inner, title.size().y + 4.0 + date.size().y, credits.size().y, |w| wrap_footnote(w).size().y);

    if at.map.width() >= 10.0 && at.map.height() >= 10.0 {
        match view {
            View::Dataset => fit_bounds(memory, at.map, dataset.frame()),
            View::Fit(bounds) => fit_bounds(memory, at.map, bounds),
            View::Center { lat, lon, zoom } => {
                memory.center_at(lon_lat(lon, lat));
                let _ = memory.set_zoom(zoom);
            }
        }
        let mut map_ui = ui.new_child(UiBuilder::new().max_rect(at.map).id_salt("briefing map"));
        map_ui.set_clip_rect(at.map);
        map_view(&mut map_ui, dataset, scene, memory, None, None, overlays);
        scale_bar(&map_ui, at.map, memory, dataset.frame_center().1);
        if inset {
            locator(&map_ui, at.map, memory, dataset);
        }
        painter.rect_stroke(at.map, 0.0, Stroke::new(1.0, RULE), egui::StrokeKind::Outside);
    }

    // Header: title and date on the left, the counts on the right.
    let header = at.header;
    painter.galley(header.min, title, INK);
    painter.galley(pos2(header.min.x, header.max.y - date.size().y), date.clone(), INK);
    let precision = painter.layout_no_wrap(text.precision.clone(), FontId::proportional(13.0), MUTED);
    let precision_at = pos2(header.min.x + date.size().x + 12.0, header.max.y - precision.size().y - 2.0);
    let precision_end = precision_at.x + precision.size().x;
    painter.galley(precision_at, precision, MUTED);
    let summary = painter.layout_no_wrap(text.summary.clone(), FontId::proportional(13.0), MUTED);
    let summary_at = Align2::RIGHT_BOTTOM.anchor_size(pos2(header.max.x, header.max.y - 2.0), summary.size());
    if summary_at.min.x > precision_end + 16.0 {
        painter.galley(summary_at.min, summary, MUTED);
    }

    // Side column: the legend, and under it the footnote when there is room. The legend is drawn
    // on a layer of its own, shrunk to fit when the image is too small for it.
    let mut legend_bottom = at.side.min.y;
    if at.side.width() >= 60.0 {
        let layer = egui::LayerId::new(egui::Order::Middle, ui.scope_id().with("briefing legend"));
        let tall = Rect::from_min_size(at.side.min, vec2(at.side.width(), 10_000.0));
        let mut legend =
            ui.new_child(UiBuilder::new().layer_id(layer).max_rect(tall).id_salt("briefing legend"));
        legend.set_clip_rect(tall.expand(1.0));
        let style = legend.style_mut();
        style.wrap_mode = Some(egui::TextWrapMode::Extend);
        for font in style.text_styles.values_mut() {
            font.size *= 1.15;
        }
        let frame = egui::Frame::new()
            .fill(Color32::WHITE)
            .stroke(Stroke::new(1.0, RULE))
            .inner_margin(10.0)
            .show(&mut legend, |ui| {
                ui.set_width(at.side.width() - 22.0);
                ui.label(RichText::new("Legend").strong().size(17.0).color(INK));
                ui.add_space(2.0);
                let layers = LegendLayers {
                    areas: overlays.areas.areas.is_some(),
                    fronts: overlays.areas.fronts.is_some(),
                };
                let _ = legend_ui(ui, dataset, scene, None, layers);
            });
        let height = frame.response.rect.height();
        let room = if at.footnote_in_side { at.side.height() * 0.7 } else { at.side.height() };
        let s = if height > room { room / height } else { 1.0 };
        let origin = at.side.min.to_vec2();
        ui.ctx().set_transform_layer(layer, egui::emath::TSTransform::new(origin * (1.0 - s), s));
        legend_bottom = at.side.min.y + height * s;
    }
    if at.footnote_in_side {
        let top = legend_bottom + GAP;
        let heading = painter.layout_no_wrap("Recent changes".into(), FontId::proportional(17.0), INK);
        let heading_h = heading.size().y;
        painter.galley(pos2(at.side.min.x, top), heading, INK);
        let footnote = wrap_footnote(at.side.width());
        painter.with_clip_rect(at.side).galley(pos2(at.side.min.x, top + heading_h + 4.0), footnote, INK);
    } else {
        painter.galley(at.footnote.min, wrap_footnote(inner.width()), INK);
    }
    painter.galley(at.credits.min, credits, MUTED);
}

/// The locator inset shows when the map's view covers less than this share of the region.
const INSET_BELOW: f64 = 1.0 / 3.0;

/// A small map of the dataset's whole region in the map's upper right corner, the view outlined,
/// when the view is a close-up of part of it.
fn locator(ui: &Ui, map: Rect, memory: &MapMemory, dataset: &Dataset) {
    let (lon, lat) = dataset.frame_center();
    let projector = walkers::Projector::new(map, &walkers::MercatorProjection, memory, lon_lat(lon, lat));
    let t = crate::draw::map_layer::ScreenTransform::from_projector(&projector);
    let ([x0, y0], [x1, y1]) = (t.unapply(map.min), t.unapply(map.max));
    let view = [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
    let [w, s, e, n] = dataset.frame();
    let ([rx0, ry1], [rx1, ry0]) = (crate::projection::mercator(w, s), crate::projection::mercator(e, n));
    let region = [rx0, ry0, rx1, ry1];
    let area = |b: [f64; 4]| (b[2] - b[0]).max(0.0) * (b[3] - b[1]).max(0.0);
    let shown =
        [view[0].max(region[0]), view[1].max(region[1]), view[2].min(region[2]), view[3].min(region[3])];
    if area(region) <= 0.0 || area(shown) >= area(region) * INSET_BELOW {
        return;
    }
    let width = (map.width() * 0.22).clamp(110.0, 240.0);
    let aspect = ((ry1 - ry0) / (rx1 - rx0).max(1e-12)).clamp(0.4, 1.6) as f32;
    let rect =
        Rect::from_min_size(pos2(map.max.x - width - 10.0, map.min.y + 10.0), vec2(width, width * aspect));
    let painter = ui.painter().with_clip_rect(rect.expand(2.0));
    painter.rect_filled(rect.expand(2.0), 0.0, Color32::WHITE);
    painter.extend(crate::draw::map_layer::locator_shapes(rect, region, view, &dataset.region_countries()));
    painter.rect_stroke(rect, 0.0, Stroke::new(1.0, RULE), egui::StrokeKind::Outside);
}

/// A bar of a round length near 120 points, true at the map's central latitude.
fn scale_bar(ui: &Ui, map: Rect, memory: &MapMemory, home_lat: f64) {
    let lat = memory.detached().map_or(home_lat, |p| p.y());
    let metres_per_point = crate::projection::metres_per_point(lat, memory.zoom());
    let Some((km, length)) = nice_length(metres_per_point / 1000.0, 120.0) else { return };
    let label = format!("{} km (at {:.0}° {})", format_km(km), lat.abs(), if lat >= 0.0 { "N" } else { "S" });
    let painter = ui.painter();
    let galley = painter.layout_no_wrap(label, FontId::proportional(12.0), INK);
    let width = (length as f32).max(galley.size().x);
    let origin = pos2(map.min.x + 12.0, map.max.y - 12.0);
    let back =
        Rect::from_min_max(origin - vec2(6.0, 26.0 + galley.size().y - 8.0), origin + vec2(width + 6.0, 6.0));
    painter.rect_filled(back, 3.0, Color32::from_white_alpha(225));
    let bar_y = origin.y - 2.0;
    let end = origin.x + length as f32;
    let stroke = Stroke::new(2.0, INK);
    painter.line_segment([pos2(origin.x, bar_y), pos2(end, bar_y)], stroke);
    for x in [origin.x, end] {
        painter.line_segment([pos2(x, bar_y - 6.0), pos2(x, bar_y + 1.0)], stroke);
    }
    painter.galley(pos2(origin.x, bar_y - 8.0 - galley.size().y), galley, INK);
}

/// The round distance (1, 2 or 5 times a power of ten, in km) whose bar is closest to `target`
/// points without exceeding it, and its length in points.
pub fn nice_length(km_per_point: f64, target: f64) -> Option<(f64, f64)> {
    if !(km_per_point.is_finite() && km_per_point > 0.0) {
        return None;
    }
    let max_km = km_per_point * target;
    let power = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0].into_iter().map(|m| m * power).find(|&km| km <= max_km)?;
    Some((km, km / km_per_point))
}

fn format_km(km: f64) -> String {
    if km >= 1.0 { format!("{km:.0}") } else { format!("{km}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{DataDir, load};
    use crate::scene::{SceneOptions, build};

    fn seed(date: &str) -> (Dataset, Scene, PartialDate) {
        let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
        let date = PartialDate::parse(date).unwrap();
        let snapshot = dataset.timeline.snapshot(date.last_day());
        let scene = build(&dataset, &snapshot, &SceneOptions::default());
        (dataset, scene, date)
    }

    #[test]
    fn the_credits_end_with_the_link_that_reopens_the_view() {
        let (d, scene, date) = seed("2017-06-03");
        let link: crate::view_link::ViewLink =
            "sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas&hide=bdb".parse().unwrap();
        let text = BriefingText::new(&d, &scene, date, "", 30, &[]).with_view(&link);
        assert!(
            text.attribution.ends_with(
                " View: sandline:view?date=2017-06-03&at=29.100,16.000&zoom=8.00&layers=areas&hide=bdb"
            ),
            "{}",
            text.attribution
        );
    }

    #[test]
    fn the_date_reads_like_a_briefing_with_its_precision() {
        let (d, scene, date) = seed("2017-06-03");
        let text = BriefingText::new(&d, &scene, date, "", 30, &[]);
        assert_eq!(text.title, "Control of territory in Libya", "from the fixture's dataset.toml");
        assert_eq!(text.date_line, "Situation as of 3 June 2017");
        assert_eq!(text.precision, "Date given to the day");
        let (d, scene, date) = seed("2017-06");
        let text = BriefingText::new(&d, &scene, date, "  Jufra  ", 30, &[]);
        assert_eq!(text.title, "Jufra");
        assert_eq!(text.date_line, "Situation as of June 2017");
        assert_eq!(text.precision, "Date given to the month: the map shows 30 June 2017");
        assert!(text.attribution.contains("Natural Earth") && text.attribution.contains("GeoNames"));
    }

    #[test]
    fn the_footnote_names_the_changes_and_their_sources() {
        let (d, _, _) = seed("2017-06-03");
        let text = footnote(&d, NaiveDate::from_ymd_opt(2017, 6, 3).unwrap(), 30, &[]);
        assert!(text.starts_with("Changes of holder in the 30 days to 3 June 2017: "), "{text}");
        for town in ["Waddan", "Hun", "Sawkna"] {
            assert!(text.contains(town), "{town} missing from {text}");
        }
        assert!(text.contains("Libyan National Army"), "{text}");
        assert!(text.contains("The New Arab, “East Libyan forces surge through central desert oasis towns”"));
        let quiet = footnote(&d, NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(), 7, &[]);
        assert_eq!(quiet, "No change of holder in the 7 days to 1 January 2016.");
    }

    #[test]
    fn scale_bars_are_round_and_fit() {
        assert_eq!(nice_length(1.0, 120.0), Some((100.0, 100.0)));
        assert_eq!(nice_length(3.0, 120.0), Some((200.0, 200.0 / 3.0)));
        let (km, length) = nice_length(0.004, 120.0).unwrap();
        assert!((km - 0.2).abs() < 1e-12 && (length - 50.0).abs() < 1e-9, "{km} km over {length}");
        assert_eq!(nice_length(0.0, 120.0), None);
        assert_eq!(format_km(0.5), "0.5");
        assert_eq!(format_km(200.0), "200");
    }
}
