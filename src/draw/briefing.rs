//! The briefing frame: the map as the viewer draws it (`map_view`), with the legend (`legend_ui`)
//! and everything a picture in a slide deck needs to stand on its own: a title, the date and its
//! precision, a scale bar, the credits of base map and data, and the sources behind recent changes.
//! Exported images and `sandline render` both draw this, and nothing else.

use super::briefing_layout::{Needs, Placed, place};
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
const INK: Color32 = Color32::from_gray(20);
const MUTED: Color32 = Color32::from_gray(80);
const RULE: Color32 = Color32::from_gray(150);
/// The footnote's type: larger in a narrow column, where its lines are short.
const FOOTNOTE_NARROW: f32 = 560.0;

/// Draws the briefing into all of `ui`: header, map with scale bar, legend, footnote and credits,
/// and (with `inset`, when the map shows a small part of the dataset's region) a locator map.
/// Sets `memory` to `view` over the map's area, so that the map shows what was asked. Returns
/// where each part went.
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
) -> Placed {
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0.0, Color32::WHITE);
    let inner = full.shrink(MARGIN);
    let painter = ui.painter_at(full);

    let title = painter.layout(text.title.clone(), FontId::proportional(26.0), INK, inner.width() * 0.6);
    let date = painter.layout_no_wrap(text.date_line.clone(), FontId::proportional(19.0), INK);
    let credits = painter.layout(text.attribution.clone(), FontId::proportional(11.0), MUTED, inner.width());
    let heading = painter.layout_no_wrap(text.footnote_heading.clone(), FontId::proportional(17.0), INK);
    let wrap_footnote = |width: f32| {
        let size = if width <= FOOTNOTE_NARROW { 14.0 } else { 12.5 };
        painter.layout(text.footnote.clone(), FontId::proportional(size), INK, width)
    };
    let footnote_h = |width: f32| heading.size().y + 4.0 + wrap_footnote(width).size().y;
    let layers =
        LegendLayers { areas: overlays.areas.areas.is_some(), fronts: overlays.areas.fronts.is_some() };
    // The legend's natural width, then its height at that width (rows of symbols wrap).
    let natural_w = legend_frame(ui, None, false, dataset, scene, layers).x;
    let legend_size = legend_frame(ui, Some(natural_w), false, dataset, scene, layers);
    let needs = Needs {
        header: title.size().y + 4.0 + date.size().y,
        credits: credits.size().y,
        legend: legend_size,
        footnote: &footnote_h,
        fitted_aspect: match view {
            View::Dataset => Some(mercator_aspect(dataset.frame())),
            View::Fit(bounds) => Some(mercator_aspect(bounds)),
            View::Center { .. } => None,
        },
    };
    let at = place(inner, &needs);

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

    // The legend, at its natural width (or shrunk to fit), on a layer of its own.
    if at.legend.width() >= 20.0 {
        let layer = egui::LayerId::new(egui::Order::Middle, ui.scope_id().with("briefing legend"));
        let natural = Rect::from_min_size(at.legend.min, legend_size);
        let mut legend = ui.new_child(
            UiBuilder::new().layer_id(layer).max_rect(natural.expand(1.0)).id_salt("briefing legend"),
        );
        legend.set_clip_rect(natural.expand(1.0));
        legend_frame(&mut legend, Some(legend_size.x), true, dataset, scene, layers);
        let (s, origin) = (at.legend_scale, at.legend.min.to_vec2());
        ui.ctx().set_transform_layer(layer, egui::emath::TSTransform::new(origin * (1.0 - s), s));
    }
    // The footnote, cut after its last line that fits (on a small page).
    let heading_h = heading.size().y;
    let body = wrap_footnote(at.footnote.width());
    let body_top = at.footnote.min.y + heading_h + 4.0;
    let room = at.footnote.max.y - body_top;
    let shown =
        body.rows.iter().map(|r| r.max_y()).filter(|&bottom| bottom <= room + 0.5).fold(0.0, f32::max);
    let foot = painter
        .with_clip_rect(Rect::from_min_max(at.footnote.min, pos2(at.footnote.max.x, body_top + shown)));
    foot.galley(at.footnote.min, heading, INK);
    foot.galley(pos2(at.footnote.min.x, body_top), body, INK);
    painter.galley(at.credits.min, credits, MUTED);
    at
}

/// Height over width of a box of `[west, south, east, north]` degrees, as the map draws it.
fn mercator_aspect([w, s, e, n]: [f64; 4]) -> f32 {
    let (a, b) = (crate::projection::mercator(w, n), crate::projection::mercator(e, s));
    ((b[1] - a[1]) / (b[0] - a[0]).max(1e-12)) as f32
}

/// The legend in its frame, `width` wide (or at its natural width); returns its size. Unless
/// `visible`, it is only measured.
fn legend_frame(
    ui: &mut Ui,
    width: Option<f32>,
    visible: bool,
    dataset: &Dataset,
    scene: &Scene,
    layers: LegendLayers,
) -> egui::Vec2 {
    let mut measuring;
    let ui = if visible {
        ui
    } else {
        let space = Rect::from_min_size(ui.max_rect().min, vec2(width.unwrap_or(10_000.0), 10_000.0));
        let builder = UiBuilder::new().max_rect(space).invisible().id_salt(("legend size", width.is_some()));
        measuring = ui.new_child(if width.is_none() { builder.sizing_pass() } else { builder });
        &mut measuring
    };
    let style = ui.style_mut();
    style.wrap_mode = Some(egui::TextWrapMode::Extend);
    for font in style.text_styles.values_mut() {
        font.size *= 1.15;
    }
    const MARGIN: f32 = 10.0;
    let frame = egui::Frame::new().fill(Color32::WHITE).stroke(Stroke::new(1.0, RULE)).inner_margin(MARGIN);
    let shown = frame.show(ui, |ui| {
        if let Some(w) = width {
            ui.set_width(w - 2.0 * MARGIN - 2.0);
        }
        ui.label(RichText::new("Legend").strong().size(17.0).color(INK));
        ui.add_space(2.0);
        let _ = legend_ui(ui, dataset, scene, None, layers);
    });
    shown.response.rect.size()
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
