//! What the viewer shows, as plain data (`ViewState`), and everything the user can do to it
//! (`Action`). Widgets read the state and return actions; `SandlineApp::apply` alone changes the
//! state and decides what to recompute from it.

use crate::areas::AreaOptions;
use crate::basemap::BaseLayer;
use crate::dataset::Dataset;
use crate::model::{DEFAULT_STALE_AFTER_DAYS, FactionIx, PlaceIx, PlaceKind, StaleAfter};
use crate::scene::SceneOptions;
use chrono::NaiveDate;
use walkers::{MapMemory, lon_lat};

/// The zoom before the first frame fits the dataset's frame to the window.
const FIRST_ZOOM: f64 = 5.6;

/// What the user looks at. Everything else the viewer holds is either the data, worked out from
/// this, or the passing state of a widget (text being typed, a window's position).
#[derive(Clone)]
pub struct ViewState {
    /// The slider's date.
    pub date: NaiveDate,
    /// The place whose panel is open.
    pub selected: Option<PlaceIx>,
    /// The map's centre and zoom (the map widget also moves it when the user drags or zooms).
    pub map: MapMemory,
    /// The dataset is kept framed as the window settles, until the user moves the map: the screen
    /// rectangle it was last fitted to (`Rect::NOTHING` before the first frame).
    pub fitting: Option<egui::Rect>,
    pub layers: Layers,
    /// What the scene is built with: the sides the user has hidden (neither their places nor their
    /// land are drawn) and how many days a change of hands stays highlighted.
    pub scene: SceneOptions,
    /// How far places of each kind reach for their areas.
    pub reach: AreaOptions,
    pub compare: Compare,
    /// The data problems window is open.
    pub show_problems: bool,
    /// The middle of the dataset's frame (lon, lat).
    pub home: (f64, f64),
}

/// What is drawn besides the places.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    pub base: BaseLayer,
    /// Areas of control, and the front lines where two sides' areas meet, as switched in the toolbar.
    pub areas: bool,
    pub fronts: bool,
}

/// Compare mode: what changed from a first date to the slider's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Compare {
    pub on: bool,
    /// The first date; kept when compare mode is switched off, for the next time it is on.
    pub from: Option<NaiveDate>,
}

/// How the slider steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    First,
    PreviousChange,
    NextChange,
    Last,
}

/// Everything the user can do to the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Move the slider to a date (clamped to the timeline).
    SetDate(NaiveDate),
    Step(Step),
    TogglePlay,
    /// Open a place's panel (or close it, with `None`).
    Select(Option<PlaceIx>),
    /// Centre the map on a place, close enough to tell it from its neighbours, and open its panel.
    GoTo(PlaceIx),
    /// The map's area on screen is now this rectangle: the dataset's frame is fitted in it,
    /// unless the user has moved the map.
    FrameData(egui::Rect),
    /// The user moved the map: stop keeping the dataset framed.
    MapMoved,
    /// Hide a side, or show it again.
    ToggleSide(FactionIx),
    SetRecentDays(u32),
    SetBaseLayer(BaseLayer),
    ShowAreas(bool),
    ShowFronts(bool),
    SetReach(AreaOptions),
    /// A new age past which evidence is stale (places and their land drawn faded).
    SetStaleAfter(StaleAfter),
    /// Compare mode on, from this first date or (without one) the last one or 30 days before.
    StartCompare(Option<NaiveDate>),
    /// A new first date for compare mode (clamped to the timeline and the slider's date).
    CompareFrom(NaiveDate),
    StopCompare,
    OpenExport,
    ShowProblems(bool),
    /// Read an article and review its proposals (File > Open article..., or a file dropped on
    /// the window).
    OpenArticle(std::path::PathBuf),
    /// What the user did at the review desk.
    Review(crate::review::ReviewAction),
    CloseReview,
    /// The built-in dataset is read-only: write it to this folder and review against the copy.
    CopyDataTo(std::path::PathBuf),
    /// Wait for a click on the map to place a name the gazetteer does not know (`None`: stop
    /// waiting).
    PickPlace(Option<String>),
    /// The map was clicked here (lon, lat) while a place was being picked.
    PickedAt(f64, f64),
    /// Show the view a link describes: its date, place, layers and hidden sides.
    OpenView(crate::view_link::ViewLink),
}

/// How the viewer was asked to start.
#[derive(Debug, Clone)]
pub struct ViewerOptions {
    pub data: crate::dataset::DataDir,
    pub date: Option<NaiveDate>,
    pub layer: Option<BaseLayer>,
}

impl ViewerOptions {
    /// The storage key the view is remembered under: one per dataset, so that opening another
    /// war does not open on the last one's place, date and hidden sides.
    pub fn persist_key(&self) -> String {
        match &self.data {
            crate::dataset::DataDir::Embedded => "sandline view: built-in".to_string(),
            crate::dataset::DataDir::Disk(dir) => {
                let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
                format!("sandline view: {}", dir.display())
            }
        }
    }
}

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Persisted {
    pub date: String,
    pub center: Option<(f64, f64)>,
    pub zoom: f64,
    pub layer: BaseLayer,
    pub recent_days: u32,
    pub hidden: Vec<String>,
    /// Areas of control and front lines shown (on unless the user switched them off).
    #[serde(default = "shown")]
    pub areas: bool,
    #[serde(default = "shown")]
    pub fronts: bool,
    /// How far places of each kind reach for their areas, in km, by kind (`town`, `city`...).
    #[serde(default)]
    pub reach_km: Vec<(String, f64)>,
    /// Days after its newest claim that a place is drawn as stale.
    #[serde(default = "default_stale_after")]
    pub stale_after_days: u32,
}

fn shown() -> bool {
    true
}

fn default_stale_after() -> u32 {
    DEFAULT_STALE_AFTER_DAYS
}

impl ViewState {
    /// The view at start: what the options ask for, else what was remembered, else the dataset
    /// framed at the date its dataset.toml gives, or at its latest. `clamp` keeps the date on the timeline.
    pub fn new(
        dataset: &Dataset,
        options: &ViewerOptions,
        persisted: Option<&Persisted>,
        latest: NaiveDate,
        clamp: impl Fn(NaiveDate) -> NaiveDate,
    ) -> ViewState {
        let remembered_date = persisted.and_then(|p| NaiveDate::parse_from_str(&p.date, "%Y-%m-%d").ok());
        let date =
            clamp(options.date.or(remembered_date).or(dataset.meta().opening_date()).unwrap_or(latest));
        let mut map = MapMemory::default();
        let home = dataset.frame_center();
        let (lon, lat) = persisted.and_then(|p| p.center).unwrap_or(home);
        map.center_at(lon_lat(lon, lat));
        let _ = map.set_zoom(persisted.map_or(FIRST_ZOOM, |p| p.zoom));
        let hidden: Vec<FactionIx> = persisted
            .map(|p| p.hidden.iter().filter_map(|id| dataset.faction_ix(id)).collect())
            .unwrap_or_default();
        let stale_after = StaleAfter(persisted.map_or(DEFAULT_STALE_AFTER_DAYS, |p| p.stale_after_days));
        let scene = SceneOptions {
            recent_days: persisted.map_or(SceneOptions::default().recent_days, |p| p.recent_days),
            hidden,
            stale_after,
        };
        let base = options.layer.clone().or(persisted.map(|p| p.layer.clone())).unwrap_or(BaseLayer::Offline);
        let reach = persisted.iter().flat_map(|p| &p.reach_km).fold(
            AreaOptions::default().with_stale_after(stale_after),
            |o, (kind, km)| match kind.parse() {
                Ok(kind) => o.with_radius(kind, *km),
                Err(_) => o,
            },
        );
        ViewState {
            date,
            selected: None,
            map,
            fitting: persisted.is_none_or(|p| p.center.is_none()).then_some(egui::Rect::NOTHING),
            layers: Layers {
                base,
                areas: persisted.is_none_or(|p| p.areas),
                fronts: persisted.is_none_or(|p| p.fronts),
            },
            scene,
            reach,
            compare: Compare::default(),
            show_problems: false,
            home,
        }
    }

    /// What to remember of this view for the next run.
    pub fn persisted(&self, dataset: &Dataset) -> Persisted {
        Persisted {
            date: self.date.to_string(),
            center: self.map.detached().map(|p| (p.x(), p.y())),
            zoom: self.map.zoom(),
            layer: self.layers.base.clone(),
            recent_days: self.scene.recent_days,
            hidden: self.scene.hidden.iter().map(|&f| dataset.faction(f).id.clone()).collect(),
            areas: self.layers.areas,
            fronts: self.layers.fronts,
            reach_km: PlaceKind::ALL
                .iter()
                .map(|&k| (k.as_str().to_string(), self.reach.radius_km(k)))
                .collect(),
            stale_after_days: self.scene.stale_after.0,
        }
    }

    /// The link that reopens this view (`sandline:view?...`).
    pub fn link(&self, dataset: &Dataset) -> crate::view_link::ViewLink {
        let (lon, lat) = self.center();
        crate::view_link::ViewLink {
            date: crate::model::PartialDate::day(self.date),
            place: crate::view_link::Place::Center { lat, lon, zoom: self.map.zoom() },
            areas: self.layers.areas,
            fronts: self.layers.fronts,
            hide: self.scene.hidden.iter().map(|&f| dataset.faction(f).id.clone()).collect(),
            compare_from: self.compare.from.filter(|_| self.compare.on),
        }
    }

    /// The map's centre (lon, lat): where the user put it, or the middle of the dataset's frame.
    pub fn center(&self) -> (f64, f64) {
        self.map.detached().map_or(self.home, |p| (p.x(), p.y()))
    }
}
