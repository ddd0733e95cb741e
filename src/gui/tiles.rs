//! The base layers: the embedded offline map (always drawn), and optional online or local tiles
//! on top of it. An online layer that cannot reach its server degrades silently: the offline
//! base stays visible and the status bar says so once.

use crate::basemap::BaseLayer;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use walkers::sources::{Attribution, OpenStreetMap};
use walkers::{HttpOptions, HttpTiles, PmTiles, TileId, TilePiece, Tiles};

/// How long an online layer may go without delivering a single tile before we say it is unavailable.
const GIVE_UP_AFTER: Duration = Duration::from_secs(8);

/// Tiles over the offline base, watched so that failure can be reported once.
pub struct TileLayer {
    tiles: Box<dyn Tiles>,
    started: Instant,
    delivered: bool,
    pub attribution: &'static str,
}

impl TileLayer {
    pub fn new(layer: &BaseLayer, ctx: &egui::Context) -> Option<TileLayer> {
        let tiles: Box<dyn Tiles> = match layer {
            BaseLayer::Offline => return None,
            BaseLayer::OpenStreetMap => {
                let options = HttpOptions {
                    cache: cache_dir(),
                    user_agent: Some(walkers::HeaderValue::from_static(concat!(
                        "sandline/",
                        env!("CARGO_PKG_VERSION"),
                        " (offline-first conflict map viewer)"
                    ))),
                    ..HttpOptions::default()
                };
                Box::new(HttpTiles::with_options(OpenStreetMap, options, ctx.clone()))
            }
            BaseLayer::PmTiles(path) => Box::new(PmTiles::new(path, ctx.clone())),
        };
        let attribution = tiles.attribution().text;
        Some(TileLayer { tiles, started: Instant::now(), delivered: false, attribution })
    }

    /// True once the layer has had time to deliver and delivered nothing.
    pub fn unavailable(&self) -> bool {
        !self.delivered && self.started.elapsed() > GIVE_UP_AFTER && self.tiles.stats().in_progress == 0
    }
}

impl Tiles for TileLayer {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let piece = self.tiles.at(tile_id);
        self.delivered |= piece.is_some();
        piece
    }

    fn attribution(&self) -> Attribution {
        self.tiles.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.tiles.tile_size()
    }

    fn stats(&self) -> walkers::Stats {
        self.tiles.stats()
    }
}

/// Where downloaded tiles are kept between runs, as the tile servers' policies ask.
fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("sandline").join("tiles"))
}
