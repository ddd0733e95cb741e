//! Where the parts of a briefing go on its page: the map first. The legend is sized to its
//! content and goes beside the map (a column as wide as the legend) or under it (a band with the
//! footnote beside it), whichever leaves the map more room; the footnote wraps under the legend
//! when the column has room for it, else under the map. Nothing overlaps at any size.

use egui::{Rect, Vec2, pos2, vec2};

/// Space between the parts.
pub const GAP: f32 = 12.0;
/// A legend is never drawn smaller than this share of its natural size.
const LEGEND_MIN_SCALE: f32 = 0.6;
/// The footnote is wrapped at least this wide.
const FOOTNOTE_MIN_WIDTH: f32 = 260.0;
/// A map narrower or lower than this is no map.
const MAP_MIN: f32 = 120.0;

/// What the parts need: heights of the header and credits (they take the page's width), the
/// legend's natural size, and the footnote's height at a width.
pub struct Needs<'a> {
    pub header: f32,
    pub credits: f32,
    pub legend: Vec2,
    pub footnote: &'a dyn Fn(f32) -> f32,
    /// The height over the width of what the map is fitted to (the region, or a box), when it
    /// is fitted: the map that draws it largest wins, rather than the largest map.
    pub fitted_aspect: Option<f32>,
}

/// The page laid out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub header: Rect,
    pub map: Rect,
    /// Where the legend goes, drawn at `legend_scale` of its natural size.
    pub legend: Rect,
    pub legend_scale: f32,
    pub footnote: Rect,
    pub credits: Rect,
}

impl Placed {
    /// Every part, named, for checks.
    pub fn parts(&self) -> [(&'static str, Rect); 5] {
        [
            ("header", self.header),
            ("map", self.map),
            ("legend", self.legend),
            ("footnote", self.footnote),
            ("credits", self.credits),
        ]
    }
}

/// Lays out `inner` (the page less its margin) so that the map gets the most room (or, fitted to
/// a region, draws it largest).
pub fn place(inner: Rect, needs: &Needs) -> Placed {
    let top = inner.min.y + needs.header + GAP;
    let bottom = inner.max.y - needs.credits - GAP;
    let header = Rect::from_min_size(inner.min, vec2(inner.width(), needs.header));
    let credits = Rect::from_min_max(pos2(inner.min.x, bottom + GAP), inner.max);
    let middle = Rect::from_min_max(pos2(inner.min.x, top), pos2(inner.max.x, bottom.max(top)));
    let usable = |p: &(Rect, Rect, f32, Rect)| p.0.width().min(p.0.height()) >= MAP_MIN;
    let worth = |map: &Rect| match needs.fitted_aspect {
        Some(aspect) => map.width().min(map.height() / aspect.max(0.01)),
        None => map.area(),
    };
    let best = [beside(middle, needs), under(middle, needs)]
        .into_iter()
        .flatten()
        .filter(usable)
        .max_by(|a, b| worth(&a.0).total_cmp(&worth(&b.0)));
    let (map, legend, legend_scale, footnote) = best.unwrap_or_else(|| squeezed(middle, needs));
    Placed { header, map, legend, legend_scale, footnote, credits }
}

/// The legend in a column right of the map, the footnote under it if it fits there, else under
/// the map and the column.
fn beside(middle: Rect, needs: &Needs) -> Option<(Rect, Rect, f32, Rect)> {
    let column = needs.legend.x.max(FOOTNOTE_MIN_WIDTH).min(middle.width() * 0.4);
    if column <= 0.0 {
        return None;
    }
    let legend_scale = (column / needs.legend.x.max(1.0)).min(1.0);
    let fits = |height: f32| -> Option<(f32, f32)> {
        // The legend's scale in a column of `height`, and the height it then takes.
        let s = legend_scale.min(height / needs.legend.y.max(1.0));
        (s >= LEGEND_MIN_SCALE).then_some((s, needs.legend.y * s))
    };
    let x = middle.max.x - column;
    // The footnote in the column, under the legend.
    if let Some((s, legend_h)) = fits(middle.height()) {
        let room = middle.height() - legend_h - GAP;
        if (needs.footnote)(column) <= room {
            let map = Rect::from_min_max(middle.min, pos2(x - GAP, middle.max.y));
            let legend = Rect::from_min_size(pos2(x, middle.min.y), vec2(column, legend_h));
            let footnote = Rect::from_min_max(pos2(x, legend.max.y + GAP), middle.max);
            return Some((map, legend, s, footnote));
        }
    }
    // The footnote across the page, under the map and the column.
    let foot_h = (needs.footnote)(middle.width());
    let upper = middle.max.y - foot_h - GAP;
    let (s, legend_h) = fits(upper - middle.min.y)?;
    // The column is as wide as the legend drawn: the map takes what a shrunk legend leaves.
    let x = middle.max.x - needs.legend.x * s;
    let map = Rect::from_min_max(middle.min, pos2(x - GAP, upper));
    let legend = Rect::from_min_size(pos2(x, middle.min.y), vec2(needs.legend.x * s, legend_h));
    let footnote = Rect::from_min_max(pos2(middle.min.x, upper + GAP), middle.max);
    Some((map, legend, s, footnote))
}

/// The legend in a band under the map, the footnote beside it.
fn under(middle: Rect, needs: &Needs) -> Option<(Rect, Rect, f32, Rect)> {
    let legend_scale = (middle.width() * 0.5 / needs.legend.x.max(1.0)).min(1.0);
    if legend_scale < LEGEND_MIN_SCALE {
        return None;
    }
    let legend_w = needs.legend.x * legend_scale;
    let foot_w = middle.width() - legend_w - GAP;
    if foot_w < FOOTNOTE_MIN_WIDTH {
        return None;
    }
    let band = (needs.legend.y * legend_scale).max((needs.footnote)(foot_w));
    let upper = middle.max.y - band - GAP;
    let map = Rect::from_min_max(middle.min, pos2(middle.max.x, upper));
    let legend =
        Rect::from_min_size(pos2(middle.min.x, upper + GAP), vec2(legend_w, needs.legend.y * legend_scale));
    let footnote =
        Rect::from_min_max(pos2(legend.max.x + GAP, upper + GAP), pos2(middle.max.x, middle.max.y));
    Some((map, legend, legend_scale, footnote))
}

/// A page too small for the legend and the footnote at a readable size: the footnote across the
/// page under the map, given at most a third of the height (and cut there, at a line), the legend
/// shrunk into a column beside the map.
fn squeezed(middle: Rect, needs: &Needs) -> (Rect, Rect, f32, Rect) {
    let foot_h = (needs.footnote)(middle.width()).min(middle.height() / 3.0);
    let upper = (middle.max.y - foot_h - GAP).max(middle.min.y);
    let s = ((upper - middle.min.y) / needs.legend.y.max(1.0))
        .min(middle.width() * 0.4 / needs.legend.x.max(1.0))
        .min(1.0);
    let x = middle.max.x - needs.legend.x * s;
    let map = Rect::from_min_max(middle.min, pos2((x - GAP).max(middle.min.x), upper));
    let legend = Rect::from_min_size(pos2(x, middle.min.y), needs.legend * s);
    let footnote = Rect::from_min_max(pos2(middle.min.x, upper + GAP), middle.max);
    (map, legend, s, footnote)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A footnote of `chars` characters at about 7 points a character and 17 a line.
    fn footnote(chars: f32) -> impl Fn(f32) -> f32 {
        move |width: f32| (chars * 7.0 / width.max(1.0)).ceil() * 17.0
    }

    #[test]
    fn the_map_gets_most_of_every_page_and_nothing_overlaps() {
        // (page in points, the least share of the page the map must get)
        let pages = [
            ((1920.0, 1080.0), 0.55),
            ((1280.0, 720.0), 0.45),
            ((3840.0, 2160.0), 0.70),
            ((1123.0, 794.0), 0.45),
            ((794.0, 1123.0), 0.40),
            ((1056.0, 816.0), 0.45),
            ((816.0, 1056.0), 0.40),
        ];
        let foot = footnote(700.0);
        let needs = Needs {
            header: 60.0,
            credits: 30.0,
            legend: vec2(300.0, 520.0),
            footnote: &foot,
            fitted_aspect: None,
        };
        for ((w, h), least) in pages {
            let page = Rect::from_min_size(pos2(0.0, 0.0), vec2(w, h));
            let inner = page.shrink(16.0);
            let placed = place(inner, &needs);
            let share = placed.map.area() / page.area();
            assert!(share >= least, "{w}x{h}: the map has {share:.2} of the page");
            let parts = placed.parts();
            for (name, rect) in parts {
                assert!(inner.expand(0.5).contains_rect(rect), "{w}x{h}: {name} {rect:?} off the page");
            }
            for (i, (a, ra)) in parts.iter().enumerate() {
                for (b, rb) in &parts[i + 1..] {
                    assert!(
                        !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                        "{w}x{h}: {a} {ra:?} overlaps {b} {rb:?}"
                    );
                }
            }
            assert!(placed.legend_scale >= LEGEND_MIN_SCALE, "{w}x{h}");
        }
    }

    #[test]
    fn a_small_page_still_has_its_map_and_nothing_overlaps() {
        let foot = footnote(700.0);
        let needs = Needs {
            header: 50.0,
            credits: 30.0,
            legend: vec2(380.0, 560.0),
            footnote: &foot,
            fitted_aspect: None,
        };
        for (w, h) in [(800.0, 500.0), (640.0, 360.0), (320.0, 320.0)] {
            let inner = Rect::from_min_size(pos2(0.0, 0.0), vec2(w, h)).shrink(16.0);
            let placed = place(inner, &needs);
            assert!(
                placed.map.width() > 0.4 * inner.width() && placed.map.height() > 0.3 * inner.height(),
                "{w}x{h}: {placed:?}"
            );
            let parts = placed.parts();
            for (i, (a, ra)) in parts.iter().enumerate() {
                for (b, rb) in &parts[i + 1..] {
                    assert!(
                        !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                        "{w}x{h}: {a} {ra:?} overlaps {b} {rb:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_tall_page_puts_the_legend_under_the_map() {
        let foot = footnote(400.0);
        // A region about as high as it is wide, fitted to the map.
        let needs = Needs {
            header: 60.0,
            credits: 30.0,
            legend: vec2(300.0, 400.0),
            footnote: &foot,
            fitted_aspect: Some(0.93),
        };
        let placed = place(Rect::from_min_size(pos2(0.0, 0.0), vec2(794.0, 1123.0)), &needs);
        assert!(placed.legend.min.y >= placed.map.max.y, "{placed:?}");
        let wide = place(Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0)), &needs);
        assert!(wide.legend.min.x >= wide.map.max.x, "{wide:?}");
    }
}
