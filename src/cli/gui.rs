//! `sandline gui` (and `sandline` alone): the one place the command line reaches the window.

use super::Outcome;
use super::args::{DataArg, parse_day};
use crate::basemap::BaseLayer;
use chrono::NaiveDate;
use clap::Args;

#[derive(Debug, Default, Args)]
pub struct GuiArgs {
    /// The date to open at (default: the latest date of the data, or the last one viewed).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    /// Base map: offline (built in), osm (OpenStreetMap, online) or a local .pmtiles file.
    #[arg(long, value_name = "offline|osm|FILE.pmtiles", value_parser = parse_tiles)]
    pub tiles: Option<BaseLayer>,
    /// An article (plain text) to review at the desk as the window opens, as File > Open
    /// article... does.
    #[arg(long, value_name = "ARTICLE.txt")]
    pub review: Option<std::path::PathBuf>,
    /// A view to open, as "Copy view link" and a briefing's credits give it (`sandline:view?...`).
    #[arg(long, value_name = "LINK", value_parser = super::render::parse_view)]
    pub view: Option<crate::view_link::ViewLink>,
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

#[cfg(feature = "gui")]
pub fn run(args: GuiArgs) -> anyhow::Result<Outcome> {
    let options = crate::gui::ViewerOptions { data: args.data.dir(), date: args.date, layer: args.tiles };
    let view = args.view.into_iter().map(crate::gui::Action::OpenView);
    let first = view.chain(args.review.into_iter().map(crate::gui::Action::OpenArticle)).collect();
    crate::gui::run(options, first)?;
    Ok(Outcome::Clean)
}

#[cfg(not(feature = "gui"))]
pub fn run(_: GuiArgs) -> anyhow::Result<Outcome> {
    anyhow::bail!(
        "this sandline was built without the viewer (cargo feature `gui`); \
         `sandline render --date YYYY-MM-DD --out map.png` draws the map without one"
    )
}
