//! The briefing frame: the map as the viewer draws it (`map_view`), with the legend (`legend_ui`)
//! and everything a picture in a slide deck needs to stand on its own: a title, the date and its
//! precision, a scale bar, the credits of base map and data, and the sources behind recent changes.
//! Exported images and `sandline render` both draw this, and nothing else.

pub use super::briefing_text::{BriefingText, footnote};
use super::legend::{LegendLayers, legend_ui};
use super::map_layer::{Overlays, fit_bounds, map_view};
use crate::dataset::Dataset;
use crate::scene::Scene;
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
        let heading = painter.layout_no_wrap(text.footnote_heading.clone(), FontId::proportional(17.0), INK);
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
