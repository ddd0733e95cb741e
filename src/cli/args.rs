//! Arguments of every command.

use crate::basemap::BaseLayer;
use crate::dataset::DataDir;
use crate::model::PlaceKind;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "sandline",
    version,
    about = "Who controls what in a civil war, town by town and day by day, and why we believe it."
)]
pub struct Cli {
    /// Without a command, sandline opens the viewer.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the viewer (the default): the map, the date slider and the sources behind each place.
    Gui(GuiArgs),
    /// Load the dataset and report every problem as file:line: column: message.
    Validate {
        #[command(flatten)]
        data: DataArg,
    },
    /// Find places by any spelling.
    Geocode(GeocodeArgs),
    /// Who holds every place at a date, and on which claims.
    State(StateArgs),
    /// Propose sourced claims from news articles, for review.
    Ingest(super::ingest::IngestArgs),
    /// Draw briefing images and timelapses without a screen.
    Render(Box<super::render::RenderArgs>),
    /// What changed hands between two dates, with the claims behind each change.
    Diff(super::diff::DiffArgs),
}

/// How far places reach when drawing areas of control.
#[derive(Debug, Clone, Default, Args)]
pub struct AreaArgs {
    /// How far places of a kind reach for their areas of control, as KIND=KM (town=40); may be
    /// repeated. Defaults: city=60 town=30 airbase=15 oil_terminal=15 oil_field=15
    /// border_crossing=10 region=100 district=120 neighbourhood=5.
    #[arg(long, value_name = "KIND=KM", value_parser = crate::areas::parse_reach)]
    pub reach: Vec<(PlaceKind, f64)>,
}

impl AreaArgs {
    pub fn options(&self) -> crate::areas::AreaOptions {
        self.reach.iter().fold(crate::areas::AreaOptions::default(), |o, &(kind, km)| o.with_radius(kind, km))
    }
}

/// When evidence is too old to call a state current.
#[derive(Debug, Clone, Copy, Args)]
pub struct StaleArg {
    /// Days after its newest claim that a place's state is shown as stale ("last reported ...").
    #[arg(long = "stale-after", value_name = "DAYS", default_value_t = crate::model::DEFAULT_STALE_AFTER_DAYS)]
    pub days: u32,
}

impl Default for StaleArg {
    fn default() -> Self {
        StaleArg { days: crate::model::DEFAULT_STALE_AFTER_DAYS }
    }
}

impl StaleArg {
    pub fn rule(self) -> crate::model::StaleAfter {
        crate::model::StaleAfter(self.days)
    }
}

#[derive(Debug, Clone, Default, Args)]
pub struct DataArg {
    /// A data directory to read instead of the dataset built into sandline.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,
}

impl DataArg {
    pub fn dir(&self) -> DataDir {
        match &self.data {
            Some(path) => DataDir::Disk(path.clone()),
            None => DataDir::Embedded,
        }
    }
}

#[derive(Debug, Default, Args)]
pub struct GuiArgs {
    /// The date to open at (default: the latest date of the data, or the last one viewed).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    /// Base map: offline (built in), osm (OpenStreetMap, online) or a local .pmtiles file.
    #[arg(long, value_name = "offline|osm|FILE.pmtiles", value_parser = parse_tiles)]
    pub tiles: Option<BaseLayer>,
    #[command(flatten)]
    pub data: DataArg,
}

fn parse_tiles(text: &str) -> Result<BaseLayer, String> {
    match text {
        "offline" => Ok(BaseLayer::Offline),
        "osm" | "openstreetmap" => Ok(BaseLayer::OpenStreetMap),
        path if path.ends_with(".pmtiles") => Ok(BaseLayer::PmTiles(path.into())),
        other => Err(format!("'{other}' is not a base map: use offline, osm or a .pmtiles file")),
    }
}

#[derive(Debug, Args)]
pub struct GeocodeArgs {
    /// Place names, in any spelling.
    #[arg(required = true, value_name = "NAME")]
    pub names: Vec<String>,
    /// One JSON object per line.
    #[arg(long)]
    pub json: bool,
    /// Prefer places of this kind when a name fits several (e.g. airbase for "Jufra").
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub prefer: Option<PlaceKind>,
    #[command(flatten)]
    pub data: DataArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateFormat {
    Csv,
    Json,
    /// Places and areas of control as GeoJSON FeatureCollections.
    Geojson,
}

#[derive(Debug, Args)]
pub struct StateArgs {
    /// The day, as YYYY-MM-DD.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: NaiveDate,
    #[arg(long, value_enum, default_value = "csv")]
    pub format: StateFormat,
    #[command(flatten)]
    pub stale: StaleArg,
    #[command(flatten)]
    pub areas: AreaArgs,
    #[command(flatten)]
    pub data: DataArg,
}

pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    match crate::model::PartialDate::parse(text) {
        Ok(d) if d.precision() == crate::model::Precision::Day => Ok(d.first_day()),
        Ok(_) => Err(format!("'{text}' is not a single day: write YYYY-MM-DD")),
        Err(e) => Err(e.to_string()),
    }
}

fn parse_kind(text: &str) -> Result<PlaceKind, String> {
    text.parse()
}
