//! Integration tests through the library and the real binary, in one test binary: each module is
//! one capability. One binary links once, where a file per capability linked sixteen times.

// Tests may unwrap: a panic there is the failure message.
#![allow(clippy::unwrap_used)]

// The binary's allocator, so that what runs in-process here (the loaders, ingest, the long fuzz
// run) allocates as `sandline` does.
// Its options (`configure`) only change how soon freed memory goes back, not what runs.
#[allow(dead_code)]
#[path = "../../src/allocator.rs"]
mod allocator;

mod areas_diff;
mod areas_geometry;
mod cli_diff;
mod cli_geocode;
mod cli_geojson;
mod cli_state;
mod cli_synthesize;
mod cli_validate;
mod example_war;
mod fuzz_long;
mod import_cli;
mod ingest_cli;
mod ingest_collection;
mod ingest_eval;
mod ingest_summary;
mod load_halves;
mod loader_props;
#[path = "../shared/pdf.rs"]
mod pdf;
mod render_briefing;
mod render_compare;
mod render_inset;
mod render_layout;
mod render_vector;
mod render_video;
mod view_links;
mod war_checkpoints;
