//! What to draw at a date: one marker per place with its holder, status and how recently it
//! changed hands, plus the legend and counts. Shared by the viewer and `sandline render`;
//! it knows nothing of egui.

use crate::dataset::Dataset;
use crate::model::{FactionIx, Holder, PartialDate, PlaceIx, PlaceKind, Rgb, Snapshot, StaleAfter, Status};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq)]
pub struct SceneOptions {
    /// Places that changed hands within this many days stand out.
    pub recent_days: u32,
    /// Factions the user has hidden.
    pub hidden: Vec<FactionIx>,
    /// Places whose newest claim is older than this are stale: faded, and counted.
    pub stale_after: StaleAfter,
}

impl Default for SceneOptions {
    fn default() -> Self {
        SceneOptions { recent_days: 30, hidden: Vec::new(), stale_after: StaleAfter::default() }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub place: PlaceIx,
    /// Web Mercator, unit square.
    pub merc: [f64; 2],
    pub kind: PlaceKind,
    pub holder: Holder,
    pub color: Rgb,
    pub status: Status,
    pub since: Option<PartialDate>,
    pub uncertain: bool,
    /// Changed hands within `recent_days` of the scene's date.
    pub recent: bool,
    /// The date of the newest claim behind the state.
    pub last_evidence: Option<PartialDate>,
    /// That claim is older than the stale limit: the holder is the best reading, not a report.
    pub stale: bool,
    /// Higher draws its label first when labels would collide.
    pub priority: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegendEntry {
    pub faction: FactionIx,
    pub places: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub held: usize,
    pub claimed: usize,
    pub contested: usize,
    pub unknown: usize,
    /// Shown places whose evidence is older than the stale limit (of any status).
    pub stale: usize,
}

impl StatusCounts {
    /// Every shown place.
    pub fn total(&self) -> usize {
        self.held + self.claimed + self.contested + self.unknown
    }

    /// "7 of 152 places last reported over 180 days before this date", for the status bar and
    /// the briefing image; `None` when no shown place is stale.
    pub fn stale_sentence(&self, stale_after: StaleAfter) -> Option<String> {
        (self.stale > 0).then(|| {
            format!(
                "{} of {} places last reported over {} days before this date",
                self.stale,
                self.total(),
                stale_after.0
            )
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub date: NaiveDate,
    pub markers: Vec<Marker>,
    /// Factions holding at least one shown place, most places first.
    pub legend: Vec<LegendEntry>,
    pub counts: StatusCounts,
    /// The stale rule the markers were judged by.
    pub stale_after: StaleAfter,
}

/// The scene of `dataset` at the snapshot's date.
pub fn build(dataset: &Dataset, snapshot: &Snapshot, options: &SceneOptions) -> Scene {
    build_reusing(dataset, snapshot, options, Vec::new())
}

/// As `build`, into the room of a scene no longer needed: while the slider moves, a scene of
/// 100,000 places would otherwise take fresh memory every frame, which the system must clear.
pub fn rebuild(scene: &mut Scene, dataset: &Dataset, snapshot: &Snapshot, options: &SceneOptions) {
    let mut markers = std::mem::take(&mut scene.markers);
    markers.clear();
    *scene = build_reusing(dataset, snapshot, options, markers);
}

fn build_reusing(
    dataset: &Dataset,
    snapshot: &Snapshot,
    options: &SceneOptions,
    mut markers: Vec<Marker>,
) -> Scene {
    let date = snapshot.date();
    let recent_from = date - chrono::Duration::days(i64::from(options.recent_days));
    markers.reserve(dataset.tracked_places().len());
    let stale_on = options.stale_after.on(date);
    let mut counts = StatusCounts::default();
    let mut per_faction = vec![0usize; dataset.factions.len()];
    for &p in dataset.tracked_places() {
        let (kind, population) = dataset.kind_and_population(p);
        let segment = dataset.timeline.segment_in(snapshot, p);
        let holder = segment.and_then(|s| s.holder);
        if holder.is_some_and(|h| options.hidden.contains(&h)) {
            continue;
        }
        let status = segment.map_or(Status::Unknown, |s| s.status);
        match status {
            Status::Held => counts.held += 1,
            Status::Claimed => counts.claimed += 1,
            Status::Contested => counts.contested += 1,
            Status::Unknown => counts.unknown += 1,
        }
        if let Some(h) = holder {
            per_faction[h as usize] += 1;
        }
        let recent =
            segment.is_some_and(|s| s.changed_hands && s.holder_from > recent_from && s.holder_from <= date);
        let last_evidence = segment.and_then(|s| s.last_evidence);
        let stale = stale_on.is_stale(last_evidence);
        if stale {
            counts.stale += 1;
        }
        markers.push(Marker {
            place: p,
            merc: dataset.mercator(p),
            kind,
            holder,
            color: holder.map_or(Rgb::UNKNOWN, |h| dataset.faction(h).color),
            status,
            since: segment.and_then(|s| s.since),
            uncertain: segment.is_some_and(|s| s.uncertain),
            recent,
            last_evidence,
            stale,
            priority: priority(kind, population, recent),
        });
    }
    let mut legend: Vec<LegendEntry> = per_faction
        .into_iter()
        .enumerate()
        .filter(|&(_, places)| places > 0)
        .map(|(faction, places)| LegendEntry { faction: faction as FactionIx, places })
        .collect();
    legend.sort_by(|a, b| b.places.cmp(&a.places).then(a.faction.cmp(&b.faction)));
    Scene { date, markers, legend: group_by_bloc(dataset, legend), counts, stale_after: options.stale_after }
}

/// Allied sides (one bloc) next to each other, blocs in the order of their largest side.
fn group_by_bloc(dataset: &Dataset, mut legend: Vec<LegendEntry>) -> Vec<LegendEntry> {
    // A side of its own is its own group.
    let group = |e: &LegendEntry| {
        let f = dataset.faction(e.faction);
        if f.bloc.is_empty() { f.id.as_str() } else { f.bloc.as_str() }
    };
    let mut order: Vec<&str> = Vec::new();
    for e in &legend {
        if !order.contains(&group(e)) {
            order.push(group(e));
        }
    }
    // Stable: within a group the largest side stays first.
    legend.sort_by_key(|e| order.iter().position(|&g| g == group(e)));
    legend
}

fn priority(kind: PlaceKind, population: u64, recent: bool) -> u32 {
    let kind_rank = match kind {
        PlaceKind::City => 4,
        PlaceKind::Region | PlaceKind::District => 1,
        _ => 3,
    };
    let size = population.checked_ilog10().unwrap_or(0);
    kind_rank * 10 + size + if recent { 100 } else { 0 }
}

/// One thing to draw after culling: a place, or a cluster of places too close to tell apart.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawn {
    Single { marker: usize, pos: [f32; 2] },
    Cluster { pos: [f32; 2], count: usize, color: Rgb },
}

/// Drops markers outside `viewport` (min x, min y, max x, max y, in screen points). When more
/// than `budget` remain, merges those sharing a `cell`-sized square into clusters coloured by
/// their most common holder, so that a country-wide view of a huge dataset stays readable and fast.
pub fn cull_and_cluster(
    markers: &[Marker],
    to_screen: impl Fn([f64; 2]) -> [f32; 2],
    viewport: [f32; 4],
    cell: f32,
    budget: usize,
) -> Vec<Drawn> {
    let [x0, y0, x1, y1] = viewport;
    let on_screen = |m: &Marker| {
        let [x, y] = to_screen(m.merc);
        (x >= x0 && x <= x1 && y >= y0 && y <= y1).then_some([x, y])
    };
    // Within the budget, every place is drawn; the first place past it shows that it is not, and
    // the grid is made in a second pass with no list of every place on screen in between.
    let mut singles = Vec::new();
    let mut over_budget = false;
    for (marker, m) in markers.iter().enumerate() {
        if let Some(pos) = on_screen(m) {
            if singles.len() == budget {
                over_budget = true;
                break;
            }
            singles.push(Drawn::Single { marker, pos });
        }
    }
    if !over_budget {
        return singles;
    }
    drop(singles);
    // A grid over the viewport; each cell keeps its first marker, a position sum and colour counts.
    let columns = (((x1 - x0) / cell).ceil() as usize).clamp(1, 1024);
    let rows = (((y1 - y0) / cell).ceil() as usize).clamp(1, 1024);
    let mut cells = vec![Cell::default(); columns * rows];
    for (i, m) in markers.iter().enumerate() {
        let Some([x, y]) = on_screen(m) else { continue };
        let cx = (((x - x0) / cell) as usize).min(columns - 1);
        let cy = (((y - y0) / cell) as usize).min(rows - 1);
        let c = &mut cells[cy * columns + cx];
        if c.count == 0 {
            c.first = i;
        }
        c.sum[0] += x;
        c.sum[1] += y;
        c.count += 1;
        c.colors.add(m.color);
    }
    let mut drawn: Vec<Drawn> = cells
        .into_iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            let pos = [c.sum[0] / c.count as f32, c.sum[1] / c.count as f32];
            if c.count == 1 {
                Drawn::Single { marker: c.first, pos }
            } else {
                Drawn::Cluster { pos, count: c.count, color: c.colors.most_common() }
            }
        })
        .collect();
    // A stable order, so that frames do not flicker.
    drawn.sort_by(|a, b| {
        let key = |d: &Drawn| match d {
            Drawn::Single { pos, .. } | Drawn::Cluster { pos, .. } => (pos[1], pos[0]),
        };
        key(a).partial_cmp(&key(b)).unwrap_or(std::cmp::Ordering::Equal)
    });
    drawn
}

/// A square of the clustering grid.
#[derive(Clone, Default)]
struct Cell {
    first: usize,
    sum: [f32; 2],
    count: usize,
    colors: ColorCounts,
}

/// How many markers of each colour, without a heap allocation for the usual handful of sides.
#[derive(Clone)]
pub(crate) struct ColorCounts {
    inline: [(Rgb, u32); 8],
    len: usize,
    more: Vec<(Rgb, u32)>,
}

impl Default for ColorCounts {
    fn default() -> Self {
        ColorCounts { inline: [(Rgb::UNKNOWN, 0); 8], len: 0, more: Vec::new() }
    }
}

impl ColorCounts {
    pub(crate) fn add(&mut self, color: Rgb) {
        if let Some((_, n)) = self.inline[..self.len].iter_mut().find(|(k, _)| *k == color) {
            *n += 1;
        } else if self.len < self.inline.len() {
            self.inline[self.len] = (color, 1);
            self.len += 1;
        } else {
            match self.more.iter_mut().find(|(k, _)| *k == color) {
                Some((_, n)) => *n += 1,
                None => self.more.push((color, 1)),
            }
        }
    }

    /// The most common colour; of equally common ones, the last seen.
    pub(crate) fn most_common(&self) -> Rgb {
        let mut best: Option<(Rgb, u32)> = None;
        for &(color, n) in self.inline[..self.len].iter().chain(&self.more) {
            if best.is_none_or(|(_, most)| n >= most) {
                best = Some((color, n));
            }
        }
        best.map_or(Rgb::UNKNOWN, |(color, _)| color)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{DataDir, load};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn seed_scene(date: &str, options: &SceneOptions) -> (Dataset, Scene) {
        let dataset = load(&DataDir::seed_fixture()).unwrap().dataset;
        let snapshot = dataset.timeline.snapshot(day(date));
        let scene = build(&dataset, &snapshot, options);
        (dataset, scene)
    }

    fn marker<'a>(dataset: &Dataset, scene: &'a Scene, id: &str) -> &'a Marker {
        let p = dataset.place_ix(id).unwrap();
        scene.markers.iter().find(|m| m.place == p).unwrap()
    }

    #[test]
    fn markers_take_the_holders_colour_and_recent_changes_stand_out() {
        let (d, scene) = seed_scene("2017-06-03", &SceneOptions::default());
        let lna = d.faction_ix("lna").unwrap();
        let waddan = marker(&d, &scene, "waddan");
        assert_eq!(waddan.holder, Some(lna));
        assert_eq!(waddan.color, d.faction(lna).color);
        assert!(waddan.recent);
        let tripoli = marker(&d, &scene, "tripoli");
        assert!(!tripoli.recent, "Tripoli has not changed hands in June 2017");
        let (d, scene) = seed_scene("2020-06-01", &SceneOptions::default());
        assert!(marker(&d, &scene, "al-asabaa").recent, "retaken on 31 May 2020");
        assert!(!marker(&d, &scene, "tarhuna").recent, "first named on 1 June 2020, not taken");
        assert_eq!(scene.legend.first().map(|e| e.faction), Some(lna));
        let total = scene.counts.held + scene.counts.claimed + scene.counts.contested + scene.counts.unknown;
        assert_eq!(total, scene.markers.len());
    }

    #[test]
    fn unknown_places_are_grey_and_hidden_factions_are_left_out() {
        let (d, scene) = seed_scene("2010-06-01", &SceneOptions::default());
        assert!(scene.markers.iter().all(|m| m.holder.is_none() && m.color == Rgb::UNKNOWN));
        let lna = d.faction_ix("lna").unwrap();
        let options = SceneOptions { hidden: vec![lna], ..SceneOptions::default() };
        let (d, scene) = seed_scene("2017-06-03", &options);
        assert!(scene.markers.iter().all(|m| m.holder != Some(lna)));
        assert!(scene.legend.iter().all(|e| e.faction != lna));
        assert!(scene.markers.len() < d.tracked_places().len());
    }

    #[test]
    fn clustering_happens_only_over_budget_and_culls_what_is_off_screen() {
        let (_, scene) = seed_scene("2017-06-03", &SceneOptions::default());
        let to_screen = |m: [f64; 2]| [(m[0] * 100_000.0) as f32, (m[1] * 100_000.0) as f32];
        let all =
            cull_and_cluster(&scene.markers, to_screen, [f32::MIN, f32::MIN, f32::MAX, f32::MAX], 30.0, 1000);
        assert_eq!(all.len(), scene.markers.len());
        assert!(all.iter().all(|d| matches!(d, Drawn::Single { .. })));
        let none = cull_and_cluster(&scene.markers, to_screen, [0.0, 0.0, 1.0, 1.0], 30.0, 1000);
        assert!(none.is_empty());
        let clustered = cull_and_cluster(&scene.markers, to_screen, [0.0, 0.0, 100_000.0, 100_000.0], 1e9, 2);
        assert_eq!(clustered.len(), 1);
        assert!(matches!(clustered[0], Drawn::Cluster { count, .. } if count == scene.markers.len()));
    }

    #[test]
    fn a_cluster_takes_the_colour_most_of_its_places_have_whatever_the_number_of_sides() {
        let rgb = |i: u8| Rgb([i, 0, 0]);
        let cases: [(&str, Vec<u8>, Rgb); 4] = [
            ("nothing counted is unknown", vec![], Rgb::UNKNOWN),
            ("the majority", vec![1, 2, 2, 3], rgb(2)),
            ("a tie goes to the colour seen last", vec![1, 2, 2, 1], rgb(2)),
            ("beyond eight sides the counting goes on", (0..12).chain([11, 11, 3]).collect(), rgb(11)),
        ];
        for (behaviour, colors, expected) in cases {
            let mut counts = ColorCounts::default();
            for c in colors {
                counts.add(rgb(c));
            }
            assert_eq!(counts.most_common(), expected, "{behaviour}");
        }
    }
}
