//! The argument pieces commands share: the data directory, the reach of areas, the stale rule,
//! and the value parsers (one for a day, one for a date of any precision, one for a place kind), so
//! that the same bad value gets the same message on every command.

use crate::dataset::DataDir;
use crate::model::{PartialDate, PlaceKind, Precision};
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;

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

/// A single day, YYYY-MM-DD.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    match PartialDate::parse(text) {
        Ok(d) if d.precision() == Precision::Day => Ok(d.first_day()),
        Ok(_) => Err(format!("'{text}' is not a single day: write YYYY-MM-DD")),
        Err(e) => Err(e.to_string()),
    }
}

/// A day, a month or a year: YYYY-MM-DD, YYYY-MM or YYYY.
pub fn parse_date(text: &str) -> Result<PartialDate, String> {
    PartialDate::parse(text).map_err(|e| e.to_string())
}

pub fn parse_kind(text: &str) -> Result<PlaceKind, String> {
    text.parse()
}
