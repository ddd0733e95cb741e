//! Drawing on the map: the offline base map under everything, then the places of the scene with
//! their labels, hover cards and click targets.

use super::area_layer::{AreaKey, AreaLayer, area_shapes};
use super::marker_stamps::{Look, Stamper};
use super::marker_style::{self, OUTLINE, color};
use super::mesh_cache::cached_mesh;
use crate::areas::DiffRow;
use crate::basemap::{self, BBox, Detail, Fill, Label, Piece, layers};
use crate::dataset::Dataset;
use crate::model::{Holder, PlaceIx, PlaceKind, Rgb, Status};
use crate::projection::{fit_bounds as fit, mercator, points_per_unit};
use crate::scene::{Drawn, Scene, cull_and_cluster};
use crate::screen_grid::ScreenGrid;
use egui::epaint::{CircleShape, Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};
use std::sync::{Arc, Mutex};
use walkers::{Map, MapMemory, Plugin, Projector, Tiles, lon_lat};

/// From Web Mercator unit coordinates to screen points for one frame, computed in f64 around the
/// view's centre so that it stays exact at any zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenTransform {
    center_merc: [f64; 2],
    center_screen: [f64; 2],
    /// Screen points per Mercator unit.
    scale: f64,
}

impl ScreenTransform {
    pub fn from_projector(projector: &Projector) -> Self {
        let clip = projector.clip_rect();
        let center = projector.unproject(clip.center().to_vec2());
        ScreenTransform {
            center_merc: mercator(center.x(), center.y()),
            center_screen: [f64::from(clip.center().x), f64::from(clip.center().y)],
            scale: points_per_unit(projector.zoom()),
        }
    }

    /// The transform that shows Mercator box `[x0, y0, x1, y1]` whole in `rect`, centred.
    pub fn fitting(merc: [f64; 4], rect: Rect) -> Self {
        let (w, h) = ((merc[2] - merc[0]).max(1e-12), (merc[3] - merc[1]).max(1e-12));
        let scale = (f64::from(rect.width()) / w).min(f64::from(rect.height()) / h);
        ScreenTransform {
            center_merc: [(merc[0] + merc[2]) / 2.0, (merc[1] + merc[3]) / 2.0],
            center_screen: [f64::from(rect.center().x), f64::from(rect.center().y)],
            scale,
        }
    }

    /// The zoom level this transform's scale is (as the slippy map counts it).
    pub fn zoom(&self) -> f64 {
        (self.scale / points_per_unit(0.0)).log2()
    }

    pub fn apply(&self, merc: [f64; 2]) -> Pos2 {
        pos2(
            (self.center_screen[0] + (merc[0] - self.center_merc[0]) * self.scale) as f32,
            (self.center_screen[1] + (merc[1] - self.center_merc[1]) * self.scale) as f32,
        )
    }

    /// The inverse of `apply`: from the screen to Mercator units.
    pub fn unapply(&self, p: Pos2) -> [f64; 2] {
        [
            self.center_merc[0] + (f64::from(p.x) - self.center_screen[0]) / self.scale,
            self.center_merc[1] + (f64::from(p.y) - self.center_screen[1]) / self.scale,
        ]
    }

    pub fn to_array(&self, merc: [f64; 2]) -> [f32; 2] {
        let p = self.apply(merc);
        [p.x, p.y]
    }
}

pub const SEA: Color32 = Color32::from_rgb(0xd6, 0xe4, 0xee);
const NEIGHBOUR_LAND: Color32 = Color32::from_rgb(0xec, 0xe8, 0xdf);
const REGION_LAND: Color32 = Color32::from_rgb(0xfa, 0xf7, 0xf0);
const COAST: Color32 = Color32::from_rgb(0x7d, 0x9c, 0xb3);
const BORDER: Color32 = Color32::from_rgb(0x8c, 0x84, 0x78);
const DISTRICT_LINE: Color32 = Color32::from_rgb(0xc4, 0xbd, 0xb0);
const COUNTRY_TEXT: Color32 = Color32::from_rgb(0x96, 0x8e, 0x84);
const DISTRICT_TEXT: Color32 = Color32::from_rgb(0xa6, 0x9d, 0x90);
/// Zoom from which the region's first-level divisions are named, and everyone's.
const REGION_DISTRICT_NAMES_FROM: f64 = 5.5;
const ALL_DISTRICT_NAMES_FROM: f64 = 7.0;
/// Square screen points a country or division must cover on screen to be named.
const SMALLEST_NAMED_AREA: f64 = 900.0;

/// What of the base map a frame shows: the view's box in Mercator units, and the copies of the
/// world across it (the world repeats east and west when the view is wider than it).
struct BaseView {
    bbox: BBox,
    copies: std::ops::RangeInclusive<i32>,
}

impl BaseView {
    fn new(rect: Rect, t: &ScreenTransform) -> Self {
        let a = t.unapply(rect.min);
        let b = t.unapply(rect.max);
        let bbox = [a[0].min(b[0]), a[1].min(b[1]), a[0].max(b[0]), a[1].max(b[1])];
        let first = bbox[0].floor().max(-2.0) as i32;
        let last = bbox[2].floor().min(2.0) as i32;
        BaseView { bbox, copies: first..=last }
    }

    /// The view as `[west, south, east, north]` in degrees, within the world.
    fn lonlat_box(&self) -> [f64; 4] {
        let [w, n] = crate::projection::lonlat(self.bbox[0].max(0.0), self.bbox[1].max(0.0));
        let [e, s] = crate::projection::lonlat(self.bbox[2].min(1.0), self.bbox[3].min(1.0));
        [w, s, e, n]
    }

    /// The copies of the world (as x offsets) in which a box is seen.
    fn offsets(&self, of: &BBox) -> impl Iterator<Item = f64> + '_ {
        let of = *of;
        self.copies
            .clone()
            .map(f64::from)
            .filter(move |&k| layers::overlaps(&[of[0] + k, of[1], of[2] + k, of[3]], &self.bbox))
    }
}

fn add_fills(
    fills: &[Fill],
    view: &BaseView,
    t: &ScreenTransform,
    color: impl Fn(u32) -> Color32,
    mesh: &mut Mesh,
) {
    for fill in fills {
        for k in view.offsets(&fill.bbox) {
            let c = color(fill.country);
            let base = mesh.vertices.len() as u32;
            mesh.vertices.extend(fill.triangles.vertices.iter().map(|&[x, y]| Vertex {
                pos: t.apply([x + k, y]),
                uv: WHITE_UV,
                color: c,
            }));
            mesh.indices.extend(fill.triangles.indices.iter().map(|&i| base + i));
        }
    }
}

/// The pieces of lines in view, on the screen, leaving out points within half a point of the
/// last one kept (at a continent's zoom most of a coast's points fall on one pixel).
fn add_lines(pieces: &[Piece], view: &BaseView, t: &ScreenTransform, stroke: Stroke, out: &mut Vec<Shape>) {
    for piece in pieces {
        for k in view.offsets(&piece.bbox) {
            let mut points: Vec<Pos2> = Vec::with_capacity(piece.points.len());
            for (i, &[x, y]) in piece.points.iter().enumerate() {
                let p = t.apply([x + k, y]);
                let last = i + 1 == piece.points.len();
                if last || points.last().is_none_or(|q| q.distance_sq(p) >= 0.25) {
                    points.push(p);
                }
            }
            if points.len() >= 2 {
                out.push(Shape::line(points, stroke));
            }
        }
    }
}

/// The offline base map for one frame: sea, land, lakes, divisions, borders, coast and names.
/// The region's countries are drawn a shade lighter than their neighbours.
pub fn basemap_shapes(ui: &Ui, rect: Rect, t: &ScreenTransform, zoom: f64, region: &[String]) -> Vec<Shape> {
    let mut shapes = basemap_geometry(rect, t, zoom, region);
    draw_labels(ui, &place_labels(ui, rect, t, zoom, region), &mut shapes);
    shapes
}

/// The base map without its names.
fn basemap_geometry(rect: Rect, t: &ScreenTransform, zoom: f64, region: &[String]) -> Vec<Shape> {
    let level = basemap::level(Detail::for_zoom(zoom));
    let view = BaseView::new(rect, t);
    let in_region: Vec<bool> = level.names.iter().map(|n| region.iter().any(|r| r == n)).collect();
    let land_color = |country: u32| {
        if in_region.get(country as usize).copied().unwrap_or(false) { REGION_LAND } else { NEIGHBOUR_LAND }
    };
    let mut fill = Mesh::default();
    add_fills(&level.land, &view, t, land_color, &mut fill);
    add_fills(&level.lakes, &view, t, |_| SEA, &mut fill);
    let mut shapes = vec![Shape::rect_filled(rect, 0.0, SEA), Shape::mesh(fill)];
    add_lines(&level.admin1, &view, t, Stroke::new(0.7, DISTRICT_LINE), &mut shapes);
    add_lines(&level.borders, &view, t, Stroke::new(1.4, BORDER), &mut shapes);
    add_lines(&level.coast, &view, t, Stroke::new(1.1, COAST), &mut shapes);
    shapes
}

/// A small map of the whole region (Mercator box `region`, the countries `countries` lighter)
/// with the part `view` shows outlined: where a close-up lies. Drawn into `rect`.
pub fn locator_shapes(rect: Rect, region: [f64; 4], view: [f64; 4], countries: &[String]) -> Vec<Shape> {
    // A margin around the region, so that its edges and the view's box are not on the frame.
    let (dx, dy) = ((region[2] - region[0]) * 0.08, (region[3] - region[1]) * 0.08);
    let t = ScreenTransform::fitting([region[0] - dx, region[1] - dy, region[2] + dx, region[3] + dy], rect);
    // The coarser outlines suit a map this small.
    let mut shapes = basemap_geometry(rect, &t, t.zoom().min(4.9), countries);
    let (a, b) = (t.apply([view[0], view[1]]), t.apply([view[2], view[3]]));
    let outline = Rect::from_two_pos(a, b).intersect(rect);
    // A view too small to see at this scale is marked by a square of a few points.
    let outline = if outline.width() < 6.0 || outline.height() < 6.0 {
        Rect::from_center_size(outline.center(), egui::vec2(6.0, 6.0))
    } else {
        outline
    };
    shapes.push(Shape::rect_stroke(outline, 0.0, Stroke::new(2.0, LOCATOR), egui::StrokeKind::Middle));
    shapes
}

/// The colour of the view's box on the locator.
const LOCATOR: Color32 = Color32::from_rgb(0xc0, 0x1f, 0x1f);

/// A name of the base map and where it goes on the screen (its centre).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel {
    text: String,
    size: f32,
    color: Color32,
    at: Pos2,
}

fn draw_labels(ui: &Ui, labels: &[PlacedLabel], shapes: &mut Vec<Shape>) {
    for l in labels {
        let galley = ui.painter().layout_no_wrap(l.text.clone(), FontId::proportional(l.size), l.color);
        let r = Align2::CENTER_CENTER.anchor_size(l.at, galley.size());
        shapes.push(Shape::galley(r.min, galley, l.color));
    }
}

/// The names of countries (and, closer in, of their divisions) that fit without covering each
/// other. A country whose middle is off screen is named in the middle of the part in view.
fn place_labels(ui: &Ui, rect: Rect, t: &ScreenTransform, zoom: f64, region: &[String]) -> Vec<PlacedLabel> {
    let view = BaseView::new(rect, t);
    let mut placed: Vec<Rect> = Vec::new();
    let mut out = Vec::new();
    let mut label = |l: &Label, size: f32, color: Color32, upper: bool| {
        let [x, y] = mercator(l.lon, l.lat);
        let Some(k) = view.offsets(&[x, y, x, y]).next() else { return };
        // An island a few points across gets no name in the middle of the sea.
        // A degree of longitude is scale/360 points wide; one of latitude, that over cos(lat) tall.
        let per_degree = t.scale / 360.0;
        if l.area * per_degree * per_degree / l.lat.to_radians().cos().max(0.05) < SMALLEST_NAMED_AREA {
            return;
        }
        let at = t.apply([x + k, y]);
        let text = if upper { l.name.to_uppercase() } else { l.name.clone() };
        let galley = ui.painter().layout_no_wrap(text.clone(), FontId::proportional(size), color);
        let r = Align2::CENTER_CENTER.anchor_size(at, galley.size());
        if rect.contains_rect(r) && !placed.iter().any(|p| p.intersects(r.expand(4.0))) {
            placed.push(r);
            out.push(PlacedLabel { text, size, color, at });
        }
    };
    for l in basemap::country_labels() {
        let [x, y] = mercator(l.lon, l.lat);
        if view.offsets(&[x, y, x, y]).next().is_some() {
            label(l, 14.0, COUNTRY_TEXT, true);
        } else if let Some(part) = basemap::label_in_view(&l.name, view.lonlat_box()) {
            label(&part, 14.0, COUNTRY_TEXT, true);
        }
    }
    if zoom >= REGION_DISTRICT_NAMES_FROM {
        let everyone = zoom >= ALL_DISTRICT_NAMES_FROM;
        for l in basemap::admin1_labels() {
            if everyone || region.contains(&l.country) {
                label(l, 11.0, DISTRICT_TEXT, false);
            }
        }
    }
    out
}

/// What the user did on the map this frame.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct MapOutput {
    pub clicked: Option<PlaceIx>,
    /// Where on the map (lon, lat) a click fell, on a place or not.
    pub clicked_at: Option<(f64, f64)>,
    pub hovered: Option<PlaceIx>,
    /// Front lines were left out: too many on screen at this zoom.
    pub fronts_hidden: bool,
}

/// Above this many visible places, nearby ones are merged into clusters.
pub const CLUSTER_BUDGET: usize = 1500;
const CLUSTER_CELL: f32 = 40.0;

/// The culling and clustering kept for the map's view, between frames.
type SharedGrid = Arc<Mutex<ScreenGrid<(ScreenTransform, Rect)>>>;

/// What is drawn over the base map besides the places.
#[derive(Clone, Copy, Default)]
pub struct Overlays<'a> {
    pub areas: AreaLayer<'a>,
    /// Compare mode: the places that changed hands, with their holders at the first and second date.
    pub changed: &'a [DiffRow],
}

/// Draws the scene's places (a walkers plugin) and reports hovers and clicks.
pub struct PlacesPlugin<'a> {
    pub dataset: &'a Dataset,
    pub scene: &'a Scene,
    pub selected: Option<PlaceIx>,
    pub overlays: Overlays<'a>,
    /// Where the base map goes: a placeholder painted before the tiles.
    pub basemap_slot: Option<egui::layers::ShapeIdx>,
    pub output: &'a mut MapOutput,
}

impl Plugin for PlacesPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &egui::Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let t = ScreenTransform::from_projector(projector);
        let rect = response.rect;
        if let Some(slot) = self.basemap_slot {
            // The same at every date: tessellated again only when the view moves.
            let clip = ui.painter().clip_rect();
            let region = self.dataset.land().countries();
            let zoom = projector.zoom();
            // The region is one per dataset: its address tells a new dataset.
            let key = (t, rect, Detail::for_zoom(zoom), region.as_ptr() as usize);
            let (geometry, labels) = cached_mesh(ui, response.id.with("base map"), key, clip, || {
                (basemap_geometry(rect, &t, zoom, region), place_labels(ui, rect, &t, zoom, region))
            });
            let mut shapes = vec![geometry];
            draw_labels(ui, &labels, &mut shapes);
            ui.painter().set(slot, Shape::Vec(shapes));
        }
        let painter = ui.painter().with_clip_rect(rect);
        let colors = |f| self.dataset.faction(f).color;
        let layer = &self.overlays.areas;
        if layer.changes.is_empty() {
            // Made again when new areas arrive or the view moves, not at every date.
            let key = (AreaKey::of(layer), t, rect);
            let (mesh, fronts_hidden) = cached_mesh(ui, response.id.with("areas"), key, rect, || {
                let areas = area_shapes(layer, colors, &t, rect);
                (areas.shapes, areas.fronts_hidden)
            });
            self.output.fronts_hidden = fronts_hidden;
            painter.add(mesh);
        } else {
            // Compare mode's gains and losses follow the slider's date, frame after frame.
            let areas = area_shapes(layer, colors, &t, rect);
            self.output.fronts_hidden = areas.fronts_hidden;
            painter.extend(areas.shapes);
        }
        let changed =
            |p: PlaceIx| self.overlays.changed.iter().find(|r| r.place == p).map(|r| (r.from, r.to));
        let viewport = [rect.min.x - 20.0, rect.min.y - 20.0, rect.max.x + 20.0, rect.max.y + 20.0];
        // Kept while the view stays: scrubbing then only recounts the clusters' colours.
        let grid = ui
            .ctx()
            .data_mut(|d| Arc::clone(d.get_temp_mut_or_default::<SharedGrid>(response.id.with("grid"))));
        let markers = &self.scene.markers;
        let to_screen = |m| t.to_array(m);
        let mut drawn = match grid.lock() {
            Ok(mut grid) => {
                grid.cull_and_cluster(markers, &(t, rect), to_screen, viewport, CLUSTER_CELL, CLUSTER_BUDGET)
            }
            Err(_) => cull_and_cluster(markers, to_screen, viewport, CLUSTER_CELL, CLUSTER_BUDGET),
        };
        // Regions underneath, then places, recent changes and the selection on top.
        let layer_of = |d: &Drawn| match d {
            Drawn::Single { marker, .. } => {
                let m = &self.scene.markers[*marker];
                let region = matches!(m.kind, PlaceKind::Region | PlaceKind::District);
                (if region { 0 } else { 1 })
                    + if m.recent || changed(m.place).is_some() { 1 } else { 0 }
                    + if Some(m.place) == self.selected { 3 } else { 0 }
            }
            Drawn::Cluster { .. } => 1,
        };
        drawn.sort_by_key(layer_of);

        let mut occupied: Vec<Rect> = Vec::new();
        let mut labels: Vec<(u32, usize, Pos2)> = Vec::new();
        let mut targets: Vec<(usize, Pos2, f32)> = Vec::new();
        let mut stamper = Stamper::new(ui.ctx(), painter.clip_rect(), response.id.with("markers"));
        for d in &drawn {
            match *d {
                Drawn::Cluster { pos, count, color: c } => {
                    let center = pos2(pos[0], pos[1]);
                    let r = 9.0 + (count as f32).log10() * 4.0;
                    let fill = color(c).gamma_multiply(0.85);
                    stamper.shape(Shape::Circle(CircleShape {
                        center,
                        radius: r,
                        fill,
                        stroke: Stroke::new(1.5, OUTLINE),
                    }));
                    let text =
                        painter.layout_no_wrap(count.to_string(), FontId::proportional(11.0), Color32::WHITE);
                    let at = Align2::CENTER_CENTER.anchor_size(center, text.size()).min;
                    stamper.shape(Shape::galley(at, text, Color32::WHITE));
                    occupied.push(Rect::from_center_size(center, vec2(2.0 * r, 2.0 * r)));
                }
                Drawn::Single { marker, pos } => {
                    let m = &self.scene.markers[marker];
                    let center = pos2(pos[0], pos[1]);
                    let selected = Some(m.place) == self.selected;
                    let change = changed(m.place);
                    if let Some((from, to)) = change {
                        let r = marker_style::extent(m.kind, true, 1.0) + 1.0;
                        let rgb = |h: Holder| h.map_or(Rgb::UNKNOWN, colors);
                        stamper.shapes(from_to_badge(center, r, color(rgb(from)), color(rgb(to))));
                    }
                    if selected {
                        let r = marker_style::extent(m.kind, m.recent, 1.0) + 4.0;
                        let dark = Stroke::new(3.0, Color32::from_rgb(0x10, 0x10, 0x10));
                        stamper.shape(Shape::circle_stroke(center, r, dark));
                        stamper.shape(Shape::circle_stroke(
                            center,
                            r + 2.0,
                            Stroke::new(1.5, Color32::WHITE),
                        ));
                    }
                    let fill = if m.stale { marker_style::faded(color(m.color)) } else { color(m.color) };
                    let look =
                        Look { kind: m.kind, status: m.status, fill, recent: m.recent && change.is_none() };
                    stamper.marker(look, center);
                    let extent = marker_style::extent(m.kind, m.recent || change.is_some(), 1.0);
                    let hit = Rect::from_center_size(center, vec2(2.0 * extent + 4.0, 2.0 * extent + 4.0));
                    occupied.push(hit.shrink(3.0));
                    // A node per place for screen readers and tests; pointer picking is done below,
                    // by distance, so that overlapping markers stay individually clickable.
                    let place = self.dataset.place(m.place);
                    let id = ui.scope_id().with(("place", m.place));
                    let node = ui.interact(hit, id, Sense::hover());
                    node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &place.name));
                    targets.push((marker, center, extent));
                    let boost = if selected { 1000 } else { 0 } + if change.is_some() { 500 } else { 0 };
                    labels.push((m.priority + boost, marker, center));
                }
            }
        }

        stamper.finish(&painter);

        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
        {
            let at = projector.unproject(pointer.to_vec2());
            self.output.clicked_at = Some((at.x(), at.y()));
        }
        // The place under the pointer: the nearest marker within reach.
        let hovered = response.hover_pos().and_then(|pointer| {
            targets
                .iter()
                .map(|&(marker, center, extent)| (marker, center.distance(pointer), extent))
                .filter(|&(_, distance, extent)| distance <= extent + 3.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(marker, _, _)| marker)
        });
        if let Some(marker) = hovered {
            let m = &self.scene.markers[marker];
            self.output.hovered = Some(m.place);
            if response.clicked() {
                self.output.clicked = Some(m.place);
            }
            response.clone().on_hover_ui_at_pointer(|ui| hover_card(ui, self.dataset, m, self.scene.date));
        }

        // Labels: most important first; one that would cover another label or a marker is left out,
        // so they thin out as the map zooms out.
        labels.sort_by_key(|l| std::cmp::Reverse(l.0));
        // Labels lie wholly inside the map (checked below), so a clip half a point larger changes
        // nothing drawn; it starts a new batch of triangles for them in egui. Where the markers'
        // mesh is handed to egui (the headless render), the labels would otherwise grow (and
        // copy, again and again) that large mesh label by label.
        let mut painter = painter;
        painter.set_clip_rect(painter.clip_rect().expand(0.5));
        let mut placed: Vec<Rect> = Vec::new();
        for (_, marker, center) in labels {
            let m = &self.scene.markers[marker];
            let mut name = self.dataset.place(m.place).name.clone();
            let change = changed(m.place);
            if let Some((from, to)) = change {
                let side = |h: Holder| h.map_or("unknown".into(), |f| self.dataset.faction(f).abbreviation());
                name = format!("{name}: {} to {}", side(from), side(to));
            }
            let galley = painter.layout_no_wrap(name, FontId::proportional(12.5), Color32::from_gray(20));
            let size = galley.size() + vec2(6.0, 2.0);
            let gap = marker_style::extent(m.kind, m.recent || change.is_some(), 1.0) + 2.0;
            let candidates = [
                Rect::from_min_size(center + vec2(gap, -size.y / 2.0), size),
                Rect::from_min_size(center + vec2(-gap - size.x, -size.y / 2.0), size),
                Rect::from_min_size(center + vec2(-size.x / 2.0, -gap - size.y), size),
                Rect::from_min_size(center + vec2(-size.x / 2.0, gap), size),
            ];
            let free = |r: &Rect| {
                rect.contains_rect(*r)
                    && !placed.iter().any(|p| p.intersects(*r))
                    && !occupied.iter().any(|o| o.intersects(r.shrink(1.0)))
            };
            if let Some(r) = candidates.iter().find(|r| free(r)) {
                placed.push(*r);
                painter.rect_filled(*r, 3.0, Color32::from_white_alpha(215));
                painter.galley(r.min + vec2(3.0, 1.0), galley, Color32::from_gray(20));
            }
        }
        reference_places(&painter, self.dataset, &t, rect, projector.zoom(), &mut placed, &occupied);
    }
}

/// From this zoom, towns no claim is about are drawn as grey reference points with their names.
const REFERENCE_FROM_ZOOM: f64 = 7.0;
/// At most this many reference points in a view.
const REFERENCE_BUDGET: usize = 150;
const REFERENCE_INK: Color32 = Color32::from_gray(110);

/// The fewest people a reference town has at a zoom: the map thins them out as it zooms out.
fn reference_population(zoom: f64) -> u64 {
    match zoom {
        z if z >= 10.0 => 0,
        z if z >= 9.0 => 1_000,
        z if z >= 8.0 => 5_000,
        _ => 20_000,
    }
}

/// Grey points and names for the towns no claim is about, largest first, each only where its name
/// fits clear of the places' names and markers (`placed`, `occupied`) and of the others.
fn reference_places(
    painter: &egui::Painter,
    dataset: &Dataset,
    t: &ScreenTransform,
    rect: Rect,
    zoom: f64,
    placed: &mut Vec<Rect>,
    occupied: &[Rect],
) {
    if zoom < REFERENCE_FROM_ZOOM {
        return;
    }
    let fewest = reference_population(zoom);
    let mut drawn = 0;
    for &p in dataset.reference_places() {
        let (_, population) = dataset.kind_and_population(p);
        if population < fewest || drawn == REFERENCE_BUDGET {
            break;
        }
        let at = t.apply(dataset.mercator(p));
        if !rect.shrink(4.0).contains(at) {
            continue;
        }
        let galley =
            painter.layout_no_wrap(dataset.place(p).name.clone(), FontId::proportional(11.0), REFERENCE_INK);
        let label = Rect::from_min_size(at + vec2(5.0, -galley.size().y / 2.0), galley.size());
        let dot = Rect::from_center_size(at, vec2(5.0, 5.0));
        let clear =
            |r: &Rect| !placed.iter().any(|p| p.intersects(*r)) && !occupied.iter().any(|o| o.intersects(*r));
        if rect.contains_rect(label) && clear(&label) && clear(&dot) {
            painter.circle(at, 2.5, Color32::from_gray(235), Stroke::new(1.0, REFERENCE_INK));
            painter.galley(label.min, galley, REFERENCE_INK);
            placed.push(label);
            placed.push(dot);
            drawn += 1;
        }
    }
}

/// The map with its offline base, optional tiles over it, and the scene's places: the one map
/// drawing shared by the viewer and exported images. Returns the map's response and what the user
/// did to places.
pub fn map_view(
    ui: &mut Ui,
    dataset: &Dataset,
    scene: &Scene,
    memory: &mut MapMemory,
    selected: Option<PlaceIx>,
    tiles: Option<&mut dyn Tiles>,
    overlays: Overlays<'_>,
) -> (egui::Response, MapOutput) {
    // The offline base is painted into this slot, below any tiles.
    let slot = ui.painter().add(Shape::Noop);
    let mut output = MapOutput::default();
    let plugin =
        PlacesPlugin { dataset, scene, selected, overlays, basemap_slot: Some(slot), output: &mut output };
    // Walkers' "my position" is unused: the map is always centred where the user put it.
    let (lon, lat) = dataset.frame_center();
    let response =
        Map::new(tiles, memory, lon_lat(lon, lat)).with_plugin(plugin).show(ui, |_, _, _, _| ()).response;
    (response, output)
}

/// Centres and zooms the map so that `[west, south, east, north]` fills `rect`.
pub fn fit_bounds(map: &mut MapMemory, rect: Rect, bounds: [f64; 4]) {
    let fitted = fit(f64::from(rect.width()), f64::from(rect.height()), bounds);
    if let Some(zoom) = fitted.zoom {
        let _ = map.set_zoom(zoom);
    }
    map.center_at(lon_lat(fitted.lon, fitted.lat));
}

/// The mark of a place that changed hands between the compared dates: a ring whose left half is
/// the holder before and right half the holder after, behind the marker.
pub fn from_to_badge(center: Pos2, r: f32, from: Color32, to: Color32) -> Vec<Shape> {
    let half = |start: f32, fill: Color32| {
        let mut points = vec![center];
        points.extend((0..=16).map(|i| {
            let a = start + std::f32::consts::PI * i as f32 / 16.0;
            center + vec2(a.cos(), a.sin()) * r
        }));
        Shape::convex_polygon(points, fill, Stroke::NONE)
    };
    use std::f32::consts::FRAC_PI_2;
    vec![
        half(FRAC_PI_2, from),
        half(-FRAC_PI_2, to),
        Shape::line_segment([center - vec2(0.0, r), center + vec2(0.0, r)], Stroke::new(1.0, Color32::WHITE)),
        Shape::circle_stroke(center, r, Stroke::new(1.5, OUTLINE)),
    ]
}

/// The card shown when hovering a place: name, holder, status and since.
pub fn hover_card(ui: &mut Ui, dataset: &Dataset, m: &crate::scene::Marker, date: chrono::NaiveDate) {
    let place = dataset.place(m.place);
    ui.strong(&place.name);
    let holder = m.holder.map_or("Unknown holder".to_string(), |h| dataset.faction(h).name.clone());
    ui.label(holder);
    ui.label(status_sentence(m.status, m.since.map(|d| d.long_form()), m.uncertain));
    if let Some(last) = m.last_evidence {
        let text = crate::model::last_reported(last, date);
        ui.label(if m.stale { egui::RichText::new(format!("Stale: {text}")).strong() } else { text.into() });
    }
}

/// "Held since 2 June 2017", "Contested since May 2018 (date uncertain)", "No claim yet".
pub fn status_sentence(status: Status, since: Option<String>, uncertain: bool) -> String {
    let what = match status {
        Status::Held => "Held",
        Status::Claimed => "Claimed by a party to the fight",
        Status::Contested => "Contested",
        Status::Unknown => "Holder unknown",
    };
    let mut s = match since {
        Some(since) => format!("{what} since {since}"),
        None if status == Status::Unknown => "No claim yet".to_string(),
        None => what.to_string(),
    };
    if uncertain {
        s.push_str(" (date uncertain)");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use walkers::{MercatorProjection, lon_lat};

    #[test]
    fn screen_transform_agrees_with_walkers_projector() {
        let mut memory = MapMemory::default();
        memory.set_zoom(6.3).unwrap();
        memory.center_at(lon_lat(17.0, 27.5));
        let rect = Rect::from_min_size(pos2(10.0, 20.0), vec2(1000.0, 700.0));
        let projector = Projector::new(rect, &MercatorProjection, &memory, lon_lat(0.0, 0.0));
        let t = ScreenTransform::from_projector(&projector);
        for (lon, lat) in [(13.18, 32.88), (22.63, 32.76), (16.14, 29.16), (9.5, 20.0)] {
            let ours = t.apply(mercator(lon, lat));
            let theirs = projector.project(lon_lat(lon, lat)).to_pos2();
            assert!((ours - theirs).length() < 0.05, "{lon},{lat}: {ours:?} vs {theirs:?}");
        }
    }

    #[test]
    fn reference_towns_thin_out_as_the_map_zooms_out() {
        let cases = [(6.9, 20_000), (7.0, 20_000), (8.0, 5_000), (9.5, 1_000), (10.0, 0), (14.0, 0)];
        for (zoom, fewest) in cases {
            assert_eq!(reference_population(zoom), fewest, "zoom {zoom}");
        }
    }

    #[test]
    fn status_sentences_read_plainly() {
        assert_eq!(
            status_sentence(Status::Held, Some("2 June 2017".into()), false),
            "Held since 2 June 2017"
        );
        assert_eq!(status_sentence(Status::Unknown, None, false), "No claim yet");
        assert_eq!(
            status_sentence(Status::Contested, Some("May 2020".into()), true),
            "Contested since May 2020 (date uncertain)"
        );
    }
}
